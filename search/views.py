"""The viewer site: /cari/ (search with facets), its export, and /fenomena/<id>/."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from phenomena.models import Phenomenon

from . import export as export_mod
from .params import ID_FILTERS, SORTS, parse_params
from .service import (
    EXPORT_MAX_ROWS,
    approved_queryset,
    export_hits,
    hit_prefetches,
    run_search,
)
from .understanding import understand

#: URL parameter naming the words of the query that became a filter ("area:jaksel").
TYPED_PARAM = "dari"

FACET_TITLES = {
    "subject": "Subjek",
    "theme": "Tema",
    "scope": "Cakupan",
    "area": "Kabupaten/Kota",
    "period": "Periode referensi",
    "source_type": "Jenis sumber",
    "outlet": "Media",
    "indicator": "Indikator",
    "keyword": "Kata kunci",
}


def _facet_groups(result):
    """Facets with a toggle URL per value (select / unselect), for the template."""
    params = result.params
    urls = params.url_builder(page="")  # one QueryDict per link cost ~20 ms a page
    groups = []
    for name, values in result.facets.items():
        items = []
        current = set(getattr(params, name, ()))
        for facet in values:
            if name == "period":
                month = f"{facet.value.year:04d}-{facet.value.month:02d}"
                selected = params.period_from == params.period_to == facet.value
                query = urls.urlencode(
                    period_from="" if selected else month,
                    period_to="" if selected else month,
                )
            else:
                selected = facet.value in current
                new = sorted(current - {facet.value} if selected else current | {facet.value})
                query = urls.urlencode(**{name: new})
            items.append({"facet": facet, "selected": selected, "url": "?" + query})
        if items:
            groups.append({"name": name, "title": _(FACET_TITLES[name]), "items": items})
    return groups


def _typed(request, params) -> dict[str, str]:
    """{filter: words typed} for the filters that came from the query and are still set."""
    typed = {}
    for raw in request.GET.getlist(TYPED_PARAM)[:4]:
        name, _sep, words = raw.partition(":")
        words = words.strip()[:60]
        if name == "area" and params.area and words:
            typed["area"] = words
        elif name == "period" and (params.period_from or params.period_to) and words:
            typed["period"] = words
    return typed


@login_required
def search_view(request):
    params = parse_params(request.GET)
    understanding = understand(params)
    if understanding.found:
        # Words that name a kab/kota or a period become that filter, in the URL (so the
        # chip removes it like any other); the page says which words they were.
        qd = understanding.params.to_querydict(q=understanding.remaining_q, page="")
        for found in understanding.found:
            qd.appendlist(TYPED_PARAM, f"{found.filter}:{found.words}")
        return redirect(request.path + "?" + qd.urlencode())
    result = run_search(params, request.user, with_keywords=False)  # the page shows none
    page = result.page
    typed = _typed(request, params)

    def page_url(number):
        return "?" + params.to_querydict(page=number if number > 1 else "").urlencode()

    facet_groups = _facet_groups(result)  # once: its toggle URLs cost ~40 ms a page at 100k
    active = []
    for group in facet_groups:
        for item in group["items"]:
            if item["selected"]:
                active.append(
                    {
                        "title": group["title"],
                        "label": item["facet"].label,
                        "url": item["url"],
                        "typed": typed.get(group["name"], ""),
                    }
                )
    for key, label in (("date_from", _("Sumber sejak")), ("date_to", _("Sumber sampai"))):
        value = getattr(params, key)
        if value:
            active.append(
                {
                    "title": label,
                    "label": date_format(value),
                    "url": "?" + params.to_querydict(**{key: "", "page": ""}).urlencode(),
                }
            )
    current = params.to_querydict()
    period_range = params.period_from != params.period_to
    period_chip = any(f["title"] == _(FACET_TITLES["period"]) for f in active)
    if not period_range and params.period_from and not period_chip:
        from phenomena.dates import month_year

        active.append(
            {
                "title": _("Periode referensi"),
                "label": month_year(params.period_from),
                "url": "?" + params.to_querydict(period_from="", period_to="", page="").urlencode(),
                "typed": typed.get("period", ""),
            }
        )
    if period_range and (params.period_from or params.period_to):
        active.append(
            {
                "title": _("Periode"),
                "label": "{} – {}".format(
                    current.get("period_from", "…"), current.get("period_to", "…")
                ),
                "url": "?" + params.to_querydict(period_from="", period_to="", page="").urlencode(),
                "typed": typed.get("period", ""),
            }
        )
    context = {
        "typed": typed,
        "ignored_words": result.understanding.ignored if result.understanding else [],
        "suggestion_url": "?" + params.to_querydict(q=result.suggestion, page="").urlencode()
        if result.suggestion
        else "",
        "result": result,
        "params": params,
        "facet_groups": facet_groups,
        "active_filters": active,
        "sorts": [(key, _(label)) for key, label in SORTS.items()],
        "current_sort": params.effective_sort
        if result.terms
        else ("period_desc" if params.effective_sort == "relevance" else params.effective_sort),
        "hidden_filters": [(name, v) for name in ID_FILTERS for v in getattr(params, name)],
        "prev_url": page_url(page.number - 1) if page.has_previous else "",
        "next_url": page_url(page.number + 1) if page.has_next else "",
        "export_csv": "export.csv?" + params.to_querydict(page="").urlencode(),
        "export_xlsx": "export.xlsx?" + params.to_querydict(page="").urlencode(),
        "export_max": EXPORT_MAX_ROWS,
        "clear_url": "?"
        + params.to_querydict(
            **{n: [] for n in ID_FILTERS},
            period_from="",
            period_to="",
            date_from="",
            date_to="",
            page="",
        ).urlencode(),
    }
    return render(request, "search/search.html", context)


def _describe(params) -> str:
    return params.to_querydict(page="").urlencode() or _("(semua fenomena)")


@login_required
def export_view(request, fmt):
    params = parse_params(request.GET)
    hits, total = export_hits(params, request.user)
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    base_url = request.build_absolute_uri("/").rstrip("/")
    if fmt == "csv":
        response = HttpResponse(
            export_mod.to_csv(hits, total, base_url), content_type="text/csv; charset=utf-8"
        )
    else:
        response = HttpResponse(
            export_mod.to_xlsx(hits, total, base_url, _describe(params)),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    response["Content-Disposition"] = f'attachment; filename="fenomena-{stamp}.{fmt}"'
    response["X-Total-Results"] = str(total)
    response["X-Exported-Rows"] = str(len(hits))
    return response


def related_phenomena(phenomenon, user, limit=6):
    """Approved phenomena with the same theme and reference period (then the same theme)."""
    base = approved_queryset(user).exclude(pk=phenomenon.pk).filter(theme_id=phenomenon.theme_id)
    same = list(
        base.filter(reference_period=phenomenon.reference_period)
        .select_related("area", "scope")
        .order_by("-created_at")[:limit]
    )
    return same


@login_required
def detail_view(request, pk):
    try:
        phenomenon = (
            approved_queryset(request.user)
            .select_related("subject", "theme", "scope", "area", "work_unit")
            .prefetch_related(*hit_prefetches())
            .get(pk=pk)
        )
    except Phenomenon.DoesNotExist:
        # A merged duplicate leads to the approved phenomenon it was merged into.
        into = Phenomenon.objects.filter(pk=pk).values_list("merged_into_id", flat=True).first()
        if into and approved_queryset(request.user).filter(pk=into).exists():
            return redirect("search:detail", pk=into)
        raise Http404(_("Fenomena tidak ditemukan atau belum disetujui.")) from None
    back = request.GET.get("back", "")
    if not back.startswith("/cari/"):
        back = "/cari/"
    return render(
        request,
        "search/detail.html",
        {
            "phenomenon": phenomenon,
            "sources": list(phenomenon.sources.all()),
            "indicators": list(phenomenon.indicator_links.all()),
            "keywords": sorted(phenomenon.keywords.all(), key=lambda t: t.name),
            "related": related_phenomena(phenomenon, request.user),
            "back_url": back,
        },
    )
