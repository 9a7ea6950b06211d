"""Admin views of duplicate detection: live check (JSON), add as source, review and merge."""

from __future__ import annotations

import datetime

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST
from wagtail.permissions import policy_registry

from .. import limits, services
from ..models import DuplicateDecision, Phenomenon, Scope
from ..permissions import administers, visible_phenomena
from .merge import DRAFT, PUBLISHED, SUBMITTED, can_merge, may_merge, merge_refusal
from .service import (
    admin_url,
    check_phenomenon,
    duplicate_candidates,
    latest_content,
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


def _posted_sources(request) -> list:
    """The source rows of the posted add form, read by the form itself (`SourceData`);
    the rules are the service's to apply."""
    viewset = Phenomenon.snippet_viewset
    form = viewset.get_form_class()(
        request.POST, request.FILES, instance=Phenomenon(), for_user=request.user
    )
    formset = form.formsets.get("sources")
    rows = []
    for row in formset.forms[: limits.SOURCES_MAX] if formset is not None else []:
        if not row.is_valid() or row.cleaned_data.get("DELETE"):
            continue
        data = row.cleaned_data
        if data.get("source_type") is None:
            continue
        rows.append(
            services.SourceData(
                source_type=data["source_type"],
                outlet=data.get("outlet"),
                url=data.get("url") or "",
                source_date=data.get("source_date"),
            )
        )
    return rows


def _after_url(user, phenomenon):
    if visible_phenomena(user).filter(pk=phenomenon.pk).exists():
        return admin_url(phenomenon, "inspect")
    return _list_url()


def _list_url():
    from django.urls import reverse

    return reverse("wagtailsnippets_phenomena_phenomenon:list")


def _refuse_keeping_form(request, message):
    """Show ``message`` on the add form re-rendered with everything the operator posted.

    The add-as-source button sits in the (blocked) add form, so a refusal answers with that form
    again, bound to the posted data and its own errors, and saves nothing.
    """
    messages.error(request, message)
    viewset = Phenomenon.snippet_viewset
    base = viewset.add_view_class

    class RefusedAddView(base):
        def is_valid(self, form):
            form.is_valid()  # the form's own errors (the duplicate block among them) are shown
            self.produced_error_message = None
            return False

    view = viewset.construct_view(RefusedAddView, **viewset.get_add_view_kwargs())
    response = view(request)
    if response.status_code == 200:
        response.status_code = 409  # nothing was written: the target is not writable for now
    return response


@require_POST
def add_source_view(request, pk):
    """Add the sources of the blocked add form to the existing phenomenon, as a new revision.

    Any user who may input phenomena may do this on a phenomenon they may see and that is not
    locked or in review for them; otherwise the add form comes back with a message and
    everything typed, and nothing is written.  The change is a revision like any edit, logged
    under the user's name, and nothing else of the phenomenon changes:

    * the user's own draft (or own pending edit): the revision is their latest draft, which
      they submit themselves;
    * an approved phenomenon with nothing pending: the revision is submitted to the approval
      workflow in the user's name (the published version stays until a supervisor approves);
    * someone else's unsubmitted draft or pending edit is refused (it is theirs to finish),
      except for admins, whose revision becomes that draft's latest, for its author to submit.
    """
    if not _policy().user_has_permission(request.user, "add"):
        raise PermissionDenied
    target = get_object_or_404(Phenomenon, pk=pk)
    if target.merged_into_id:
        target = target.merged_into
    user = request.user
    try:
        result = services.add_sources(user, target, _posted_sources(request))
    except ValidationError as exc:
        return _refuse_keeping_form(request, " ".join(exc.messages))
    if not result.added:
        messages.warning(
            request,
            _("Sumber Anda sudah tercatat pada fenomena “%(title)s”; tidak ada yang ditambahkan.")
            % {"title": target.title},
        )
        return redirect(_after_url(user, target))
    if result.submitted:
        message = _(
            "%(count)s sumber ditambahkan ke fenomena “%(title)s” sebagai revisi baru dan "
            "diajukan untuk ditinjau supervisor seperti suntingan lain."
        )
    else:
        message = _(
            "%(count)s sumber ditambahkan ke fenomena “%(title)s” sebagai revisi baru; "
            "ajukan fenomena itu agar ditinjau supervisor."
        )
    messages.success(request, message % {"count": len(result.added), "title": target.title})
    return redirect(_after_url(user, target))


def _decisions_for(user, phenomenon, visible_ids):
    """The duplicate decisions about ``phenomenon`` whose both sides ``user`` may see."""
    decisions = DuplicateDecision.objects.filter(
        Q(phenomenon=phenomenon) | Q(other=phenomenon)
    ).select_related("phenomenon", "other", "decided_by")
    rows = []
    for decision in decisions.order_by("-created_at"):
        if {decision.phenomenon_id, decision.other_id} <= visible_ids:
            rows.append(decision)
    return rows


def sees_pending_edit(user, phenomenon) -> bool:
    """May `user` read `phenomenon`'s latest content (a draft, a pending edit)?"""
    return _policy().user_has_permission_for_instance(user, "history", phenomenon)


def visible_candidates(user, phenomenon):
    """The possible duplicates of `phenomenon` that `user` may see (`visible_phenomena`),
    found from the content they may read: its latest one if they may read its pending edit
    (the history rule), else its approved version.  The review page lists these and the
    phenomena list's "Kemungkinan duplikat" column counts them."""
    content = None if sees_pending_edit(user, phenomenon) else phenomenon
    candidates = duplicate_candidates(phenomenon, content=content)
    if not candidates or administers(user):
        return candidates
    visible_ids = set(
        visible_phenomena(user)
        .filter(pk__in={match.phenomenon.pk for match in candidates})
        .values_list("pk", flat=True)
    )
    return [match for match in candidates if match.phenomenon.pk in visible_ids]


def review_view(request, pk):
    """The possible duplicates of one phenomenon and the decisions taken about it.

    The same visibility as everywhere: only the matches the user may see are listed, and only
    the decisions (with the operator's reason) whose two phenomena the user may see.  Those who
    may not see the phenomenon's pending edit get the matches of its approved version.
    """
    phenomenon = get_object_or_404(Phenomenon, pk=pk)
    user = request.user
    if not _policy().user_has_permission_for_instance(user, "view", phenomenon):
        raise PermissionDenied
    if phenomenon.merged_into_id:
        return redirect(admin_url(phenomenon.merged_into, "inspect"))
    candidates = visible_candidates(user, phenomenon)
    ids = {m.phenomenon.pk for m in candidates}
    ids |= set(
        DuplicateDecision.objects.filter(phenomenon=phenomenon).values_list("other_id", flat=True)
    )
    ids |= set(
        DuplicateDecision.objects.filter(other=phenomenon).values_list("phenomenon_id", flat=True)
    )
    visible_ids = set(visible_phenomena(user).filter(pk__in=ids).values_list("pk", flat=True))
    visible_ids.add(phenomenon.pk)
    matches = []
    for match in candidates:
        row = match.as_dict(user)
        row["merge_into"] = may_merge(user, match.phenomenon, phenomenon)
        row["merge_from"] = may_merge(user, phenomenon, match.phenomenon)
        matches.append(row)
    return TemplateResponse(
        request,
        "phenomena/duplicates/review.html",
        {
            "object": phenomenon,
            "matches": matches,
            "decisions": _decisions_for(user, phenomenon, visible_ids),
            "can_merge": any(m["merge_into"] or m["merge_from"] for m in matches),
            "status": status_label(phenomenon),
            "header_title": _("Kemungkinan duplikat: %(title)s") % {"title": phenomenon.title},
        },
    )


MERGE_MESSAGES = {
    PUBLISHED: gettext_lazy(
        "Fenomena “%(dup)s” digabungkan ke “%(survivor)s”. Tambahannya langsung tayang karena "
        "semuanya sudah disetujui."
    ),
    SUBMITTED: gettext_lazy(
        "Fenomena “%(dup)s” digabungkan ke “%(survivor)s”. Tambahannya disimpan sebagai revisi "
        "baru dan diajukan untuk ditinjau supervisor; versi yang tayang tetap sampai disetujui."
    ),
    DRAFT: gettext_lazy(
        "Fenomena “%(dup)s” digabungkan ke “%(survivor)s”. Tambahannya disimpan sebagai revisi "
        "draf yang diajukan oleh penginputnya."
    ),
}


def merge_view(request, pk):
    """Confirm and merge phenomenon ``pk`` (the duplicate) into ``?into=`` (the survivor).

    Refused (403), confirmation page included, to anyone who may not merge this pair.
    """
    if not can_merge(request.user):
        raise PermissionDenied
    duplicate = get_object_or_404(Phenomenon, pk=pk)
    into = _int_or_none(request.POST.get("into") or request.GET.get("into"))
    survivor = get_object_or_404(Phenomenon, pk=into) if into else None
    if survivor is None:
        return redirect(admin_url(duplicate, "duplicates_review"))
    if not may_merge(request.user, survivor, duplicate):
        raise PermissionDenied
    error = merge_refusal(survivor, duplicate)
    if request.method == "POST" and error is None:
        try:
            merged = services.merge(request.user, survivor, duplicate)
        except ValidationError as exc:
            error = " ".join(exc.messages)
        else:
            messages.success(
                request,
                str(MERGE_MESSAGES[merged.merge_outcome])
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
        status=400 if error and request.method == "POST" else 200,
    )


def _side(phenomenon):
    content = latest_content(phenomenon)
    return {
        "object": phenomenon,
        "content": content,
        "status": status_label(phenomenon),
        "sources": list(content.sources.all()),
        "keywords": [t.name for t in content.keywords.all()],
        "indicators": list(content.indicator_links.all()),
        "link": admin_url(phenomenon, "inspect"),
    }
