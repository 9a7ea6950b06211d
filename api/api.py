"""/api/v1/: approved phenomena, reference data and the ARC calendar, read-only (django-ninja).

The list runs the search of /cari/ (``search.service.run_search`` over
``search.params.parse_params`` of the same query string), so the API and the site never
disagree; ``updated_since`` walks changes by (updated_at, id) through ``phenomena.filters``.
Only approved (live) phenomena are read, and from their live row, never from a revision: a
draft, a pending edit or a rejected version cannot be served.
"""

from __future__ import annotations

import base64
import datetime
import hashlib
import json
from dataclasses import replace
from typing import Literal

from django.conf import settings
from django.db.models import Q
from django.http import Http404, HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.http import http_date, quote_etag
from django.utils.translation import gettext as _
from ninja import NinjaAPI, Query, Status
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as NinjaValidationError
from ninja.responses import NinjaJSONEncoder

from phenomena import filters as search_filters
from phenomena.models import (
    Indicator,
    Outlet,
    Phenomenon,
    PhenomenonIndicator,
    PhenomenonSource,
    ReleaseDate,
    Scope,
    SourceType,
    Subject,
    Theme,
)
from phenomena.rows import child_rows, keyword_names
from search.params import SORTS, parse_params
from search.service import run_search
from summaries.models import ThemeSummary

from . import schemas
from .auth import ApiKeyAuth
from .errors import ApiError, error_response
from .models import Removal

DEFAULT_LIMIT = 50
MAX_LIMIT = 100
#: Parameters that are not part of the search itself.
_OWN_PARAMS = {"cursor", "limit", "facets", "updated_since", "page", "per_page"}
MONTH_PATTERN = r"^\d{4}-\d{1,2}$"

api = NinjaAPI(
    title="SIMFONI API",
    version="1",
    description=(
        "Fenomena yang sudah disetujui, data referensi, dan kalender rilis (ARC), hanya baca. "
        "Kirim kunci API di header `X-API-Key` (atau `Authorization: Api-Key <kunci>`). "
        "Panduan: docs/api.md."
    ),
    auth=ApiKeyAuth(),
    urls_namespace="api_v1",
    docs_url="/docs/",
    openapi_url="/openapi.json",
)


# --- errors: JSON with a message -------------------------------------------------------------


@api.exception_handler(ApiError)
def _api_error(request, exc):
    return error_response(exc.status, exc.message, exc.headers, **exc.extra)


@api.exception_handler(NinjaValidationError)
def _validation_error(request, exc):
    errors = [
        {"field": ".".join(str(p) for p in e.get("loc", ())[1:]), "error": e.get("msg", "")}
        for e in exc.errors
    ]
    return error_response(422, _("Parameter permintaan tidak valid."), errors=errors)


@api.exception_handler(AuthenticationError)
def _auth_error(request, exc):
    return error_response(401, _("Kunci API diperlukan."))


@api.exception_handler(Http404)
def _not_found(request, exc):
    return error_response(404, _("Tidak ditemukan."))


@api.exception_handler(HttpError)
def _http_error(request, exc):
    return error_response(exc.status_code, str(exc))


# --- serialisation ---------------------------------------------------------------------------


def _ref(obj, label="label"):
    return None if obj is None else {"id": obj.pk, "label": getattr(obj, label)}


def _pair(pk, label):
    return None if pk is None else {"id": pk, "label": label}


def _month(value):
    return f"{value.year:04d}-{value.month:02d}" if value else None


def site_url(path: str) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


#: The columns of a phenomenon the API shows (its live row, no author, no user names).
_PHENOMENON_FIELDS = (
    "id",
    "title",
    "narrative",
    "reference_period",
    "subject_id",
    "subject__label",
    "theme_id",
    "theme__name",
    "scope_id",
    "scope__label",
    "area_id",
    "area__label",
    "work_unit_id",
    "work_unit__name",
    "first_published_at",
    "last_published_at",
    "updated_at",
)


def phenomena_data(ids) -> list[dict]:
    """The approved phenomena of `ids`, in that order, as the API shows them.

    Four flat queries (the rows with their labels, sources, indicators, keywords) read only
    what the API returns, with no model instances: loading a page of 50 through the ORM's
    prefetching (taggit and modelcluster managers per object) cost several times the search
    itself. Ids that are not approved (any more) are left out: only the live row of an
    approved phenomenon is ever read, never a revision."""
    ids = list(ids)
    if not ids:
        return []
    rows = (
        Phenomenon.objects.approved()
        .filter(pk__in=ids)
        .order_by()  # the order is `ids`'; no sort in the database
        .values_list(*_PHENOMENON_FIELDS)
    )
    sources = {
        pid: [
            {
                "primary": n == 0,
                "source_type": _pair(type_id, type_label),
                "outlet": _pair(outlet_id, outlet_name),
                "url": url,
                "source_date": day,
            }
            for n, (type_id, type_label, outlet_id, outlet_name, url, day) in enumerate(own)
        ]
        for pid, own in child_rows(
            PhenomenonSource,
            ids,
            "source_type_id",
            "source_type__label",
            "outlet_id",
            "outlet__name",
            "url",
            "source_date",
        ).items()
    }
    links = {
        pid: [
            {"indicator": {"id": ind_id, "slug": slug, "name": name}, "direction": direction}
            for ind_id, slug, name, direction in own
        ]
        for pid, own in child_rows(
            PhenomenonIndicator,
            ids,
            "indicator_id",
            "indicator__slug",
            "indicator__name",
            "direction",
        ).items()
    }
    keywords = keyword_names(ids)
    # One reverse() for the page: the detail address differs only by the id.
    url_pattern = site_url(reverse("search:detail", args=[987654321]))
    by_id = {}
    for row in rows:
        (pid, title, narrative, period, *refs) = row[:14]
        first, last, updated = row[14:]
        by_id[pid] = {
            "id": pid,
            "title": title,
            "narrative": narrative,
            "reference_period": _month(period),
            "subject": _pair(refs[0], refs[1]),
            "theme": _pair(refs[2], refs[3]),
            "scope": _pair(refs[4], refs[5]),
            "area": _pair(refs[6], refs[7]),
            "work_unit": _pair(refs[8], refs[9]),
            "keywords": sorted(keywords.get(pid, ())),
            "sources": sources.get(pid, []),
            "indicators": links.get(pid, []),
            "first_published_at": first,
            "last_published_at": last,
            "updated_at": updated,
            "url": url_pattern.replace("987654321", str(pid)),
        }
    return [by_id[pk] for pk in ids if pk in by_id]


# --- cursors ---------------------------------------------------------------------------------


def _fingerprint(request) -> str:
    items = sorted((k, v) for k in request.GET for v in request.GET.getlist(k) if k != "cursor")
    return hashlib.sha256(json.dumps(items).encode()).hexdigest()[:16]


def encode_cursor(data: dict) -> str:
    return base64.urlsafe_b64encode(json.dumps(data, separators=(",", ":")).encode()).decode()


def decode_cursor(request, raw: str | None) -> dict | None:
    if not raw:
        return None
    try:
        data = json.loads(base64.urlsafe_b64decode(raw.encode() + b"==="))
        if not isinstance(data, dict):
            raise ValueError
    except (ValueError, UnicodeDecodeError):
        raise ApiError(400, _("Kursor tidak valid.")) from None
    if data.get("k") != _fingerprint(request):
        raise ApiError(
            400, _("Kursor ini milik permintaan dengan parameter lain; ulangi tanpa kursor.")
        )
    return data


def next_url(request, cursor: str | None) -> str | None:
    if cursor is None:
        return None
    qd = request.GET.copy()
    qd["cursor"] = cursor
    return request.build_absolute_uri(request.path) + "?" + qd.urlencode()


def with_etag(response: HttpResponse, payload: dict) -> dict:
    """An ETag of `payload` without its `sync_time` (which changes at every request), so an
    unchanged list answers 304 to If-None-Match."""
    content = {k: v for k, v in payload.items() if k != "sync_time"}
    digest = hashlib.sha256(json.dumps(content, sort_keys=True, default=str).encode())
    response["ETag"] = quote_etag(digest.hexdigest()[:32])
    return payload


def json_response(payload: dict) -> HttpResponse:
    """`payload` rendered as ninja renders it, with the ETag of `with_etag`'s rule (the body
    without `sync_time`), from one rendering: the body is hashed before `sync_time` (the last
    field) is appended.

    The list endpoints return this instead of letting ninja validate every item against the
    response schema once more: the data is built here field by field in the documented
    shape (`schemas.PhenomenonList`, still the OpenAPI schema; tests check the answers
    against it), and that re-validation cost as much as loading the page."""
    content = {k: v for k, v in payload.items() if k != "sync_time"}
    body = json.dumps(content, cls=NinjaJSONEncoder)
    etag = quote_etag(hashlib.sha256(body.encode()).hexdigest()[:32])
    if "sync_time" in payload:
        stamp = json.dumps(payload["sync_time"], cls=NinjaJSONEncoder)
        body = body[:-1] + (", " if content else "") + '"sync_time": ' + stamp + "}"
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    response["ETag"] = etag
    return response


def sync_time(start) -> datetime.datetime:
    """What to pass as `updated_since` next time: the start of this reading, less an overlap
    covering changes committed while it ran."""
    return start - datetime.timedelta(seconds=getattr(settings, "API_SYNC_OVERLAP_SECONDS", 60))


# --- phenomena -------------------------------------------------------------------------------

Sort = Literal[tuple(SORTS)]  # type: ignore[valid-type]


@api.get("/phenomena/", response=schemas.PhenomenonList, tags=["fenomena"])
def list_phenomena(
    request,
    q: str = "",
    subject: list[int] = Query(None),
    theme: list[int] = Query(None),
    scope: list[int] = Query(None),
    area: list[int] = Query(None),
    source_type: list[int] = Query(None),
    outlet: list[int] = Query(None),
    indicator: list[int] = Query(None),
    keyword: list[int] = Query(None),
    period_from: str = Query(None, pattern=MONTH_PATTERN, description="TTTT-BB"),
    period_to: str = Query(None, pattern=MONTH_PATTERN, description="TTTT-BB"),
    date_from: datetime.date = Query(None),
    date_to: datetime.date = Query(None),
    sort: Sort = Query(None),
    facets: bool = False,
    limit: int = Query(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT),
    cursor: str = Query(None),
    updated_since: datetime.datetime = Query(None),
    response: HttpResponse = None,
):
    """Approved phenomena: the filters, sorts and `q` of /cari/, facet counts with
    `facets=true`, pages through `next` / `cursor`. With `updated_since`: the approved
    phenomena changed since then, oldest change first (filters allowed; not `q`, `sort`,
    `facets`); removals are at /phenomena/removed/."""
    start = timezone.now()
    params = parse_params({k: request.GET.getlist(k) for k in request.GET if k not in _OWN_PARAMS})
    state = decode_cursor(request, cursor)
    if updated_since is not None:
        return json_response(_changes(request, params, updated_since, facets, limit, state, start))
    page = int((state or {}).get("p", 1))
    if page < 1 or page > 10_000:
        raise ApiError(400, _("Kursor tidak valid."))
    params = replace(params, page=page, per_page=limit)
    result = run_search(params, None, with_facets=facets, with_hits=False)
    past_end = result.page.number != page
    hits = [] if past_end else phenomena_data(result.ids)
    more = not past_end and result.page.has_next
    cursor_out = encode_cursor({"p": page + 1, "k": _fingerprint(request)}) if more else None
    payload = {
        "count": result.total,
        "count_is_estimate": result.approximate_total,
        "next_cursor": cursor_out,
        "next": next_url(request, cursor_out),
        "results": hits,
        "facets": _facets(result.facets) if facets else None,
        "facets_are_estimates": bool(facets and result.approximate_facets),
        "messages": list(result.messages),
        "sync_time": sync_time(start),
    }
    return json_response(payload)


def _facets(raw):
    return {
        name: [
            {
                "value": _month(f.value) if name == "period" else f.value,
                "label": str(f.label),
                "count": f.count,
                "selected": f.selected,
            }
            for f in values
        ]
        for name, values in raw.items()
    }


def _changes(request, params, since, facets, limit, state, start):
    if params.q or params.sort or facets:
        raise ApiError(
            400, _("updated_since hanya dapat digabung dengan filter (tanpa q, sort, facets).")
        )
    if timezone.is_naive(since):
        since = timezone.make_aware(since, datetime.UTC)
    queryset = search_filters.apply(Phenomenon.objects.approved(), params).filter(
        updated_at__gte=since
    )
    total = queryset.count() if state is None else int(state.get("n", 0))
    if state:
        try:
            after = datetime.datetime.fromisoformat(state["u"])
            queryset = queryset.filter(
                Q(updated_at__gt=after) | Q(updated_at=after, pk__gt=int(state["i"]))
            )
        except (KeyError, TypeError, ValueError):
            raise ApiError(400, _("Kursor tidak valid.")) from None
    rows = list(queryset.order_by("updated_at", "pk").values_list("pk", "updated_at")[: limit + 1])
    more = len(rows) > limit
    rows = rows[:limit]
    cursor_out = None
    if more:
        last_pk, last_updated = rows[-1]
        cursor_out = encode_cursor(
            {"u": last_updated.isoformat(), "i": last_pk, "n": total, "k": _fingerprint(request)}
        )
    return {
        "count": total,
        "count_is_estimate": False,
        "next_cursor": cursor_out,
        "next": next_url(request, cursor_out),
        "results": phenomena_data(pk for pk, _updated in rows),
        "facets": None,
        "facets_are_estimates": False,
        "messages": list(params.messages),
        "sync_time": sync_time(start),
    }


@api.get("/phenomena/removed/", response=schemas.RemovalList, tags=["fenomena"])
def removed_phenomena(
    request,
    since: datetime.datetime,
    limit: int = Query(DEFAULT_LIMIT * 10, ge=1, le=1000),
    cursor: str = Query(None),
    response: HttpResponse = None,
):
    """Phenomena that left the API since `since` (unpublished, merged into another, deleted):
    delete them from a mirror. Together with `/phenomena/?updated_since=` a mirror stays
    exact."""
    start = timezone.now()
    if timezone.is_naive(since):
        since = timezone.make_aware(since, datetime.UTC)
    state = decode_cursor(request, cursor)
    rows = Removal.objects.filter(removed_at__gte=since)
    if state:
        try:
            after = datetime.datetime.fromisoformat(state["u"])
            rows = rows.filter(
                Q(removed_at__gt=after) | Q(removed_at=after, phenomenon_id__gt=int(state["i"]))
            )
        except (KeyError, TypeError, ValueError):
            raise ApiError(400, _("Kursor tidak valid.")) from None
    rows = list(rows.order_by("removed_at", "phenomenon_id")[: limit + 1])
    more = len(rows) > limit
    rows = rows[:limit]
    cursor_out = None
    if more:
        last = rows[-1]
        cursor_out = encode_cursor(
            {"u": last.removed_at.isoformat(), "i": last.phenomenon_id, "k": _fingerprint(request)}
        )
    return with_etag(
        response,
        {
            "next_cursor": cursor_out,
            "next": next_url(request, cursor_out),
            "results": [
                {
                    "id": r.phenomenon_id,
                    "reason": r.reason,
                    "merged_into": r.merged_into_id,
                    "removed_at": r.removed_at,
                }
                for r in rows
            ],
            "sync_time": sync_time(start),
        },
    )


@api.get(
    "/phenomena/{int:phenomenon_id}/",
    response={200: schemas.Phenomenon, 404: schemas.Message, 410: schemas.Gone},
    tags=["fenomena"],
)
def get_phenomenon(request, phenomenon_id: int, response: HttpResponse):
    """One approved phenomenon with its sources and indicators (410 when it was withdrawn
    or merged: `merged_into` names the survivor)."""
    found = phenomena_data([phenomenon_id])
    if not found:
        removal = Removal.objects.filter(phenomenon_id=phenomenon_id).first()
        if removal is not None:
            return Status(
                410,
                {
                    "message": _("Fenomena ini tidak lagi tersedia."),
                    "reason": removal.reason,
                    "merged_into": removal.merged_into_id,
                },
            )
        return Status(404, {"message": _("Fenomena tidak ditemukan.")})
    response["Last-Modified"] = http_date(found[0]["updated_at"].timestamp())
    return found[0]


# --- reference data and the ARC calendar -------------------------------------------------------


@api.get("/subjects/", response=list[schemas.Subject], tags=["referensi"])
def subjects(request):
    return list(Subject.objects.order_by("sort_order", "pk").values("id", "code", "label"))


@api.get("/themes/", response=list[schemas.Theme], tags=["referensi"])
def themes(request):
    rows = Theme.objects.order_by("subject__sort_order", "sort_order", "pk")
    return list(rows.values("id", "slug", "name", "subject_id"))


@api.get("/scopes/", response=list[schemas.Scope], tags=["referensi"])
def scopes(request):
    """Scopes; those with a `parent_id` are the kab/kota (the `area` filter)."""
    rows = Scope.objects.order_by("sort_order", "pk")
    return list(rows.values("id", "code", "label", "parent_id", "requires_area"))


@api.get("/source-types/", response=list[schemas.SourceType], tags=["referensi"])
def source_types(request):
    rows = SourceType.objects.order_by("sort_order", "pk")
    return list(rows.values("id", "code", "label", "needs_outlet", "needs_url"))


@api.get("/outlets/", response=list[schemas.Outlet], tags=["referensi"])
def outlets(request):
    return list(Outlet.objects.order_by("name").values("id", "name", "domain", "source_type_id"))


@api.get("/indicators/", response=list[schemas.Indicator], tags=["referensi"])
def indicators(request):
    rows = Indicator.objects.order_by("sort_order", "pk").prefetch_related("themes")
    return [
        {
            "id": i.pk,
            "slug": i.slug,
            "name": i.name,
            "producer": i.producer,
            "theme_ids": sorted(t.pk for t in i.themes.all()),
        }
        for i in rows
    ]


@api.get("/releases/", response=list[schemas.Release], tags=["kalender rilis"])
def releases(
    request,
    date_from: datetime.date = Query(None, alias="from"),
    date_to: datetime.date = Query(None, alias="to"),
    indicator: list[int] = Query(None),
):
    """The ARC release calendar: release dates of indicators, oldest first."""
    rows = ReleaseDate.objects.select_related("indicator").order_by("date", "indicator__sort_order")
    if date_from:
        rows = rows.filter(date__gte=date_from)
    if date_to:
        rows = rows.filter(date__lte=date_to)
    if indicator:
        rows = rows.filter(indicator_id__in=indicator)
    return [
        {
            "date": r.date,
            "indicator": {"id": r.indicator.pk, "slug": r.indicator.slug, "name": r.indicator.name},
        }
        for r in rows
    ]


# --- theme summaries (summaries app) -----------------------------------------------------------


def _summaries():
    return ThemeSummary.objects.ok().select_related("theme", "area", "release__indicator")


def _scope(s) -> tuple:
    return (s.theme_id, s.reference_month, s.area_id, s.release_id)


def _cited(items: list, live: set[int]) -> list[dict]:
    """Items with their citations of live phenomena only; an item that cited only phenomena
    no longer approved is dropped (its text rests on them)."""
    kept = []
    for item in items:
        cites = [pk for pk in item.get("cites", []) if pk in live]
        if item.get("cites") and not cites:
            continue
        kept.append({**item, "cites": cites})
    return kept


def summary_data(rows: list, current_ids: set[int]) -> list[dict]:
    """Summaries as the API shows them: no requester, no tokens, no error; citations of
    phenomena that are no longer approved are dropped, with the statements resting only on
    them (and the text is rebuilt from the statements kept)."""
    wanted = {pk for s in rows for pk in s.cited_ids}
    live = set(Phenomenon.objects.approved().filter(pk__in=wanted).values_list("pk", flat=True))
    out = []
    for s in rows:
        statements = [
            {"text": i.get("text", ""), "cites": i["cites"]} for i in _cited(s.statements, live)
        ]
        recommendations = [
            {"text": i.get("text", ""), "cites": i["cites"], "kind": i.get("kind") or ""}
            for i in _cited(s.recommendations, live)
        ]
        release = s.release
        out.append(
            {
                "id": s.pk,
                "theme": _ref(s.theme, "name"),
                "reference_month": _month(s.reference_month),
                "area": _ref(s.area),
                "release": None
                if release is None
                else {
                    "date": release.date,
                    "indicator": {
                        "id": release.indicator.pk,
                        "slug": release.indicator.slug,
                        "name": release.indicator.name,
                    },
                },
                "current": s.pk in current_ids,
                "text": " ".join(i["text"] for i in statements),
                "statements": statements,
                "recommendations": recommendations,
                "provider": s.provider,
                "model": s.model,
                "created_at": s.created_at,
            }
        )
    return out


def _ids(values: list[int] | None) -> list[int] | None:
    """Filter ids a database can hold (an id out of range matches nothing)."""
    return None if not values else [v for v in values if 0 < v < 2**31]


def _parse_month(value: str) -> datetime.date:
    year, month = value.split("-")
    try:
        return datetime.date(int(year), int(month), 1)
    except ValueError:
        raise ApiError(422, _("Bulan tidak valid (TTTT-BB).")) from None


@api.get("/summaries/", response=schemas.SummaryList, tags=["ringkasan"])
def list_summaries(
    request,
    theme: list[int] = Query(None),
    month: str = Query(None, pattern=MONTH_PATTERN, description="TTTT-BB"),
    area: list[int] = Query(None),
    limit: int = Query(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT),
    cursor: str = Query(None),
    response: HttpResponse = None,
):
    """The current summaries: per scope (theme, reference month, optional kab/kota, optional
    ARC release) its newest successful version, newest month first. Failed runs and older
    versions are never listed."""
    rows = _summaries()
    theme, area = _ids(theme), _ids(area)
    if theme is not None:
        rows = rows.filter(theme_id__in=theme)
    if month:
        rows = rows.filter(reference_month=_parse_month(month))
    if area is not None:
        rows = rows.filter(area_id__in=area)
    seen, current = set(), []
    for s in rows.order_by("-created_at", "-pk"):
        if _scope(s) not in seen:
            seen.add(_scope(s))
            current.append(s)
    current.sort(
        key=lambda s: (s.reference_month, s.theme.sort_order, -s.theme_id, -(s.area_id or 0)),
        reverse=True,
    )
    state = decode_cursor(request, cursor)
    try:
        offset = int((state or {}).get("o", 0))
    except (TypeError, ValueError):
        raise ApiError(400, _("Kursor tidak valid.")) from None
    page = current[offset : offset + limit]
    more = offset + limit < len(current)
    cursor_out = encode_cursor({"o": offset + limit, "k": _fingerprint(request)}) if more else None
    payload = {
        "count": len(current),
        "next_cursor": cursor_out,
        "next": next_url(request, cursor_out),
        "results": summary_data(page, {s.pk for s in page}),
    }
    return with_etag(response, payload)


@api.get(
    "/summaries/{int:summary_id}/",
    response={200: schemas.Summary, 404: schemas.Message},
    tags=["ringkasan"],
)
def get_summary(request, summary_id: int, response: HttpResponse):
    """One successful summary version (`current` says whether a newer one replaced it); a
    failed run is not found."""
    summary = _summaries().filter(pk=summary_id).first()
    if summary is None:
        return Status(404, {"message": _("Ringkasan tidak ditemukan.")})
    newest = _summaries().current(
        summary.theme_id, summary.reference_month, summary.area_id, summary.release_id
    )
    data = summary_data([summary], {newest.pk} if newest else set())[0]
    return with_etag(response, data)
