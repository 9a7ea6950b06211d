"""Admin views of duplicate detection: live check (JSON), add as source, review and merge."""

from __future__ import annotations

import datetime

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST
from wagtail.actions.edit import EditAction
from wagtail.permissions import policy_registry

from ..models import DuplicateDecision, Phenomenon, PhenomenonSource, Scope
from ..permissions import visible_phenomena
from ..rules import SourceInput, source_errors
from .merge import _next_sort_order, _source_key, can_merge, merge
from .service import (
    _latest_content,
    admin_url,
    check_phenomenon,
    duplicate_candidates,
    status_label,
)


def _policy():
    return policy_registry.get_by_type(Phenomenon)


def _can_input(user) -> bool:
    return _policy().user_has_any_permission(user, ["add", "change"])


def _int_or_none(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _period(value):
    try:
        year, month = (int(p) for p in (value or "").split("-")[:2])
        return datetime.date(year, month, 1)
    except ValueError:
        return None


@require_GET
def check_view(request):
    """JSON: possible duplicates of what the operator is typing (title, narrative, URLs…)."""
    if not _can_input(request.user):
        return JsonResponse({"error": _("Anda tidak berhak memeriksa duplikat.")}, status=403)
    params = request.GET
    scope_id, area_id = _int_or_none(params.get("scope")), _int_or_none(params.get("area"))
    candidate = Phenomenon(
        pk=_int_or_none(params.get("exclude")),
        title=params.get("title", "")[:255],
        narrative=params.get("narrative", "")[:20000],
        reference_period=_period(params.get("reference_period")),
    )
    scopes = Scope.objects.in_bulk([i for i in (scope_id, area_id) if i])
    candidate.scope = scopes.get(scope_id)
    candidate.area = scopes.get(area_id)
    urls = [u for u in params.getlist("urls") if u][:20]
    matches = check_phenomenon(candidate, urls=urls)
    return JsonResponse(
        {
            "matches": [m.as_dict(request.user) for m in matches],
            "message": _("Kemungkinan duplikat:"),
            "message_none": _("Belum ditemukan fenomena yang sama."),
        }
    )


class SourceRowForm(forms.ModelForm):
    class Meta:
        model = PhenomenonSource
        fields = ["source_type", "outlet", "url", "source_date"]


def _posted_sources(request):
    """Valid, rule-abiding source rows of a posted phenomenon form."""
    rows = []
    total = _int_or_none(request.POST.get("sources-TOTAL_FORMS")) or 0
    for i in range(min(total, 50)):
        prefix = f"sources-{i}"
        if request.POST.get(f"{prefix}-DELETE") in ("on", "1", "true"):
            continue
        form = SourceRowForm(request.POST, prefix=prefix)
        if not form.is_valid():
            continue
        data = form.cleaned_data
        source = SourceInput(
            source_type=data["source_type"],
            outlet=data.get("outlet"),
            url=data.get("url", ""),
            source_date=data.get("source_date"),
        )
        if source_errors(request.user, source):
            continue
        rows.append(form.instance)
    return rows


def _after_url(user, phenomenon):
    if visible_phenomena(user).filter(pk=phenomenon.pk).exists():
        return admin_url(phenomenon, "inspect")
    return _list_url()


def _list_url():
    from django.urls import reverse

    return reverse("wagtailsnippets_phenomena_phenomenon:list")


@require_POST
def add_source_view(request, pk):
    """Add the sources of the blocked form to the existing phenomenon, as a new revision.

    Any user who may input phenomena may do this, even on someone else's phenomenon: the
    change is a revision like any edit (a published phenomenon keeps its published version
    until a supervisor approves), it is logged under the user's name, and nothing else of the
    phenomenon changes.
    """
    if not _policy().user_has_permission(request.user, "add"):
        raise PermissionDenied
    target = get_object_or_404(Phenomenon, pk=pk)
    if target.merged_into_id:
        target = target.merged_into
    content = _latest_content(target)
    known = {_source_key(s) for s in content.sources.all()}
    added = []
    for source in _posted_sources(request):
        key = _source_key(source)
        if key in known:
            continue
        known.add(key)
        source.sort_order = _next_sort_order(content.sources.all())
        content.sources.add(source)
        added.append(source)
    if not added:
        messages.warning(
            request,
            _("Sumber Anda sudah tercatat pada fenomena “%(title)s”; tidak ada yang ditambahkan.")
            % {"title": target.title},
        )
        return redirect(_after_url(request.user, target))
    EditAction(
        content, user=request.user, log_action="simfoni.add_source", publish=False, clean=False
    ).execute(skip_permission_checks=True)
    messages.success(
        request,
        _(
            "%(count)s sumber ditambahkan ke fenomena “%(title)s” sebagai revisi baru; "
            "perubahan ini ditinjau supervisor seperti suntingan lain."
        )
        % {"count": len(added), "title": target.title},
    )
    return redirect(_after_url(request.user, target))


def review_view(request, pk):
    """The possible duplicates of one phenomenon and the decisions taken about it."""
    phenomenon = get_object_or_404(Phenomenon, pk=pk)
    if not _policy().user_has_permission_for_instance(request.user, "view", phenomenon):
        raise PermissionDenied
    if phenomenon.merged_into_id:
        return redirect(admin_url(phenomenon.merged_into, "inspect"))
    matches = duplicate_candidates(phenomenon)
    decisions = DuplicateDecision.objects.filter(phenomenon=phenomenon).select_related(
        "other", "decided_by"
    ) | DuplicateDecision.objects.filter(other=phenomenon).select_related(
        "phenomenon", "decided_by"
    )
    return TemplateResponse(
        request,
        "phenomena/duplicates/review.html",
        {
            "object": phenomenon,
            "matches": [m.as_dict(request.user) for m in matches],
            "decisions": decisions.order_by("-created_at"),
            "can_merge": can_merge(request.user),
            "status": status_label(phenomenon),
            "header_title": _("Kemungkinan duplikat: %(title)s") % {"title": phenomenon.title},
        },
    )


def merge_view(request, pk):
    """Confirm and merge phenomenon ``pk`` (the duplicate) into ``?into=`` (the survivor)."""
    if not can_merge(request.user):
        raise PermissionDenied
    duplicate = get_object_or_404(Phenomenon, pk=pk)
    into = _int_or_none(request.POST.get("into") or request.GET.get("into"))
    survivor = get_object_or_404(Phenomenon, pk=into) if into else None
    if survivor is None:
        return redirect(admin_url(duplicate, "duplicates_review"))
    error = None
    if request.method == "POST":
        try:
            merge(survivor, duplicate, request.user)
        except ValidationError as exc:
            error = " ".join(exc.messages)
        else:
            messages.success(
                request,
                _("Fenomena “%(dup)s” digabungkan ke “%(survivor)s”.")
                % {"dup": duplicate.title, "survivor": survivor.title},
            )
            return redirect(admin_url(survivor, "inspect"))
    return TemplateResponse(
        request,
        "phenomena/duplicates/merge.html",
        {
            "duplicate": _side(duplicate),
            "survivor": _side(survivor),
            "error": error,
            "swap_url": f"{admin_url(survivor, 'duplicates_merge')}?into={duplicate.pk}",
            "header_title": _("Gabungkan fenomena duplikat"),
        },
        status=400 if error else 200,
    )


def _side(phenomenon):
    content = _latest_content(phenomenon)
    return {
        "object": phenomenon,
        "content": content,
        "status": status_label(phenomenon),
        "sources": list(content.sources.all()),
        "keywords": [t.name for t in content.keywords.all()],
        "indicators": list(content.indicator_links.all()),
        "link": admin_url(phenomenon, "inspect"),
    }
