"""Admin views of duplicate detection: live check (JSON), add as source, review and merge."""

from __future__ import annotations

import datetime

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST
from wagtail.actions.edit import EditAction
from wagtail.models import WorkflowState
from wagtail.permissions import policy_registry

from ..models import DuplicateDecision, Phenomenon, PhenomenonSource, Scope
from ..permissions import administers, visible_phenomena
from ..rules import SourceInput, source_errors
from .merge import (
    DRAFT,
    PUBLISHED,
    SUBMITTED,
    _next_sort_order,
    _source_key,
    can_merge,
    may_merge,
    merge,
    merge_refusal,
    submit_to_workflow,
)
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


def _in_review(obj) -> bool:
    state = obj.current_workflow_state
    return state is not None and state.status == WorkflowState.STATUS_IN_PROGRESS


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
    if not visible_phenomena(user).filter(pk=target.pk).exists():
        return _refuse_keeping_form(
            request,
            _(
                "Sumber tidak dapat ditambahkan: fenomena yang sama masih berupa draf milik "
                "penginput lain. Hubungi supervisor Anda, atau periksa kembali tautannya."
            ),
        )
    own = target.author_id == user.pk
    lock = target.get_lock()
    if _in_review(target) or (lock is not None and lock.for_user(user)):
        return _refuse_keeping_form(
            request,
            _(
                "Sumber tidak dapat ditambahkan: fenomena “%(title)s” sedang direview atau "
                "dikunci. Tunggu sampai selesai direview, lalu coba lagi."
            )
            % {"title": target.title},
        )
    pending = not target.live or target.has_unpublished_changes
    if pending and not own and not administers(user):
        return _refuse_keeping_form(
            request,
            _(
                "Sumber tidak dapat ditambahkan: fenomena “%(title)s” sedang diubah oleh "
                "penginputnya dan belum diajukan. Coba lagi setelah perubahannya diajukan."
            )
            % {"title": target.title},
        )
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
        return redirect(_after_url(user, target))
    with transaction.atomic():
        EditAction(
            content, user=user, log_action="simfoni.add_source", publish=False, clean=False
        ).execute(skip_permission_checks=True)
        if not pending:
            submit_to_workflow(Phenomenon.objects.get(pk=target.pk), user)
    if pending:
        message = _(
            "%(count)s sumber ditambahkan ke fenomena “%(title)s” sebagai revisi baru; "
            "ajukan fenomena itu agar ditinjau supervisor."
        )
    else:
        message = _(
            "%(count)s sumber ditambahkan ke fenomena “%(title)s” sebagai revisi baru dan "
            "diajukan untuk ditinjau supervisor seperti suntingan lain."
        )
    messages.success(request, message % {"count": len(added), "title": target.title})
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
            merged = merge(survivor, duplicate, request.user)
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
