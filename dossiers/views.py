"""Release dossier screens: the month's releases, the editor, exports and share links.

Reading needs `dossiers.view_dossier` (operators, supervisors, admins); composing, sharing and
revoking need `dossiers.compose_dossier` (supervisors, admins), checked on the server for every
POST. A share link is read-only and opens for any signed-in user while it is not revoked.
"""

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from home.dashboard import local_today
from phenomena.models import Direction, ReleaseDate

from . import export, service
from .models import Dossier, ShareLink
from .proposal import add_months, candidates, default_period, first_of_month, period_label

VIEW, COMPOSE = "dossiers.view_dossier", "dossiers.compose_dossier"
NOTE_MAX, PARAGRAPH_MAX, TITLE_MAX = 2000, 10000, 250
MAX_PERIOD_MONTHS = 24
FORMATS = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
}


def _require(user, perm):
    if not user.has_perm(perm):
        raise PermissionDenied


def _month_param(value, today) -> datetime.date:
    try:
        year, month = (int(part) for part in (value or "").split("-"))
        return datetime.date(year, month, 1)
    except ValueError:
        return first_of_month(today)


@login_required
@require_safe
def index_view(request):
    _require(request.user, VIEW)
    today = local_today()
    month = _month_param(request.GET.get("bulan"), today)
    releases = list(
        ReleaseDate.objects.filter(date__gte=month, date__lt=add_months(month, 1))
        .select_related("indicator", "dossier")
        .order_by("date", "indicator__sort_order", "indicator__name")
    )
    return render(
        request,
        "dossiers/index.html",
        {
            "month": month,
            "previous": add_months(month, -1),
            "next": add_months(month, 1),
            "releases": releases,
            "today": today,
        },
    )


# ---------------------------------------------------------------------------- editor


def _parse_month(value):
    try:
        return datetime.date.fromisoformat(f"{value}-01")
    except (TypeError, ValueError):
        return None


def _rows(indicator, start, end, picks: dict):
    """Editor rows: picked candidates first (in their order), then the other candidates."""
    rows = []
    for candidate in candidates(indicator, start, end):
        pick = picks.get(candidate.phenomenon.pk)
        rows.append(
            {
                "c": candidate,
                "picked": pick is not None,
                "position": pick["position"] if pick else "",
                "direction": (pick or {}).get("direction") or candidate.direction or "",
                "note": pick["note"] if pick else "",
            }
        )
    rows.sort(key=lambda r: (not r["picked"], r["position"] if r["picked"] else 0))
    return rows


def _stored_picks(dossier) -> dict:
    if dossier is None:
        return {}
    return {
        item.phenomenon_id: {
            "position": item.position,
            "direction": item.direction,
            "note": item.note,
        }
        for item in dossier.items.all()
    }


def _posted_picks(post, errors) -> dict:
    picks = {}
    for raw in post.getlist("pick"):
        try:
            pk = int(raw)
        except ValueError:
            continue
        position = post.get(f"pos_{pk}", "").strip()
        try:
            position = int(position) if position else 999
        except ValueError:
            errors.append(_("Urutan harus berupa angka."))
            position = 999
        direction = post.get(f"dir_{pk}", "")
        if direction and direction not in Direction.values:
            errors.append(_("Arah tidak dikenal."))
            direction = ""
        note = post.get(f"note_{pk}", "").strip()
        if len(note) > NOTE_MAX:
            errors.append(_("Catatan paling panjang %(n)d karakter.") % {"n": NOTE_MAX})
        picks[pk] = {"position": position, "direction": direction, "note": note}
    return picks


def _editor_context(request, release, dossier, start, end, picks, **extra):
    can_compose = request.user.has_perm(COMPOSE)
    context = {
        "release": release,
        "indicator": release.indicator,
        "dossier": dossier,
        "start": start,
        "end": end,
        "start_value": start.strftime("%Y-%m"),
        "end_value": end.strftime("%Y-%m"),
        "period": period_label(start, end),
        "rows": _rows(release.indicator, start, end, picks),
        "directions": Direction.choices,
        "can_compose": can_compose,
        "title": dossier.title if dossier else service.default_title(release),
        "paragraph": dossier.paragraph if dossier else "",
        "links": list(dossier.share_links.all()) if dossier and can_compose else [],
        "cited": service.cited(dossier) if dossier else [],
        "themes": list(release.indicator.themes.all()),
    }
    context.update(extra)
    return context


@login_required
def release_view(request, release_id):
    release = get_object_or_404(ReleaseDate.objects.select_related("indicator"), pk=release_id)
    _require(request.user, VIEW)
    dossier = Dossier.objects.filter(release=release).first()
    if request.method == "GET":
        start, end = (
            (dossier.period_start, dossier.period_end) if dossier else default_period(release)
        )
        return render(
            request,
            "dossiers/release.html",
            _editor_context(request, release, dossier, start, end, _stored_picks(dossier)),
        )
    if request.method != "POST":
        return HttpResponse(status=405)
    _require(request.user, COMPOSE)
    return _post(request, release, dossier)


def _post(request, release, dossier):
    post = request.POST
    action = post.get("action", "save")
    errors = []
    start, end = _parse_month(post.get("period_start")), _parse_month(post.get("period_end"))
    if start is None or end is None:
        errors.append(_("Isi periode referensi dengan bulan yang valid."))
    elif start > end:
        errors.append(_("Bulan awal periode tidak boleh setelah bulan akhirnya."))
    elif (end.year - start.year) * 12 + end.month - start.month >= MAX_PERIOD_MONTHS:
        errors.append(_("Periode referensi paling panjang %(n)d bulan.") % {"n": MAX_PERIOD_MONTHS})
    title = post.get("title", "").strip()
    if not title:
        errors.append(_("Judul berkas wajib diisi."))
    elif len(title) > TITLE_MAX:
        errors.append(_("Judul paling panjang %(n)d karakter.") % {"n": TITLE_MAX})
    paragraph = post.get("paragraph", "").strip()
    if len(paragraph) > PARAGRAPH_MAX:
        errors.append(_("Paragraf paling panjang %(n)d karakter.") % {"n": PARAGRAPH_MAX})
    picks = _posted_picks(post, errors)
    if errors:
        # The candidates of a valid period typed, else of the stored one; the form shows
        # everything as typed.
        if start is None or end is None or start > end:
            start, end = (
                (dossier.period_start, dossier.period_end) if dossier else default_period(release)
            )
        context = _editor_context(request, release, dossier, start, end, picks)
        context.update(
            {
                "errors": list(dict.fromkeys(errors)),
                "title": title,
                "paragraph": paragraph,
                "start_value": post.get("period_start", ""),
                "end_value": post.get("period_end", ""),
            }
        )
        return render(request, "dossiers/release.html", context, status=400)

    dossier = dossier or service.start(release, request.user)
    period_changed = (start, end) != (dossier.period_start, dossier.period_end)
    dossier.period_start, dossier.period_end = start, end
    if paragraph != dossier.paragraph:
        dossier.paragraph_source = "manual" if paragraph else ""
    dossier.title, dossier.paragraph = title, paragraph
    dossier.save()
    refused = service.save_picks(
        dossier,
        [service.Pick(pk, p["position"], p["direction"], p["note"]) for pk, p in picks.items()],
        request.user,
    )
    if refused:
        messages.warning(
            request,
            _(
                "%(n)d fenomena tidak disimpan karena tidak lagi disetujui atau di luar "
                "periode dan tema rilis ini."
            )
            % {"n": len(refused)},
        )
    if action == "generate":
        generated = service.generate_paragraph(dossier)
        if generated.notice:
            messages.warning(request, generated.notice)
        if not generated.text:
            messages.warning(request, _("Pilih fenomena dahulu untuk membuat paragraf."))
        else:
            dossier.paragraph, dossier.paragraph_source = generated.text, generated.provider
            dossier.save(update_fields=["paragraph", "paragraph_source", "updated_at"])
            messages.success(request, _("Paragraf dibuat; periksa dan sunting bila perlu."))
    elif period_changed:
        messages.success(request, _("Periode referensi diubah; usulan fenomena diperbarui."))
    else:
        messages.success(request, _("Berkas rilis disimpan."))
    return redirect("dossiers:release", release_id=release.pk)


# ---------------------------------------------------------------------------- exports


def _download(dossier, fmt):
    if fmt not in FORMATS:
        raise Http404
    body = export.to_docx(dossier) if fmt == "docx" else export.to_pdf(dossier)
    response = HttpResponse(body, content_type=FORMATS[fmt])
    response["Content-Disposition"] = f'attachment; filename="{export.filename(dossier, fmt)}"'
    return response


@login_required
@require_safe
def export_view(request, release_id, fmt):
    _require(request.user, VIEW)
    dossier = get_object_or_404(
        Dossier.objects.select_related("release__indicator"), release_id=release_id
    )
    return _download(dossier, fmt)


# ---------------------------------------------------------------------------- sharing


@login_required
@require_POST
def share_view(request, release_id):
    _require(request.user, COMPOSE)
    dossier = get_object_or_404(Dossier, release_id=release_id)
    service.share(dossier, request.user)
    messages.success(
        request, _("Tautan berbagi dibuat. Siapa pun yang sudah masuk dapat membacanya.")
    )
    return redirect(reverse("dossiers:release", args=[release_id]) + "#berbagi")


@login_required
@require_POST
def revoke_view(request, release_id, link_id):
    _require(request.user, COMPOSE)
    link = get_object_or_404(ShareLink, pk=link_id, dossier__release_id=release_id)
    service.revoke(link)
    messages.success(request, _("Tautan berbagi dicabut; tautan itu tidak dapat dibuka lagi."))
    return redirect(reverse("dossiers:release", args=[release_id]) + "#berbagi")


def _shared_dossier(token):
    link = service.active_link(token)
    if link is None:
        raise Http404(_("Tautan berbagi tidak ada atau sudah dicabut."))
    return link.dossier


@login_required
@require_safe
def shared_view(request, token):
    dossier = _shared_dossier(token)
    return render(
        request,
        "dossiers/shared.html",
        {
            "dossier": dossier,
            "release": dossier.release,
            "period": period_label(dossier.period_start, dossier.period_end),
            "cited": service.cited(dossier),
            "token": token,
        },
    )


@login_required
@require_safe
def shared_export_view(request, token, fmt):
    return _download(_shared_dossier(token), fmt)
