"""Merge a duplicate phenomenon into the one that survives.

Who may merge (``may_merge``, the permission policy's "merge" rule): an admin, or a holder of
``phenomena.merge_phenomenon`` (supervisors) who may review *both* phenomena by the approval
workflow's routing (``workflows.routing.can_review``, registered with the
``phenomenon_review_check`` Wagtail hook) and who may see both (``visible_phenomena``).  The
confirmation page is refused the same way, so it never shows a draft to someone who may not
merge it.

What the survivor gets: the union of the sources (deduplicated by canonical URL; sources without
a URL by type, outlet and date), keywords and indicator links, through a new revision of the
survivor's latest content.  A merge never publishes unreviewed content:

* the new revision is **published at once** only when the survivor was approved with nothing
  pending (no unsubmitted edit, not in review) *and* every added source, keyword and indicator
  is part of the duplicate's approved (live) content;
* otherwise, if the survivor was approved with nothing pending, the revision is **submitted to
  the approval workflow in the merging user's name**, so the routed supervisors see it in their
  queue like any edit (a reviewer of both still approves it there, recorded in the history);
* a survivor that is still a draft, or whose author has an unsubmitted edit (or an edit sent
  back for changes), keeps the revision as its **latest draft**: its author submits it together
  with their own work -- submitting someone else's unfinished edit for them would be wrong;
* a survivor **in review** (workflow in progress) is refused: approving publishes the latest
  revision, so adding one during review would publish what the reviewer never saw.

An approved duplicate may only be merged into an approved survivor (otherwise an approved, cited
phenomenon would disappear for viewers without a trace); swap the two instead.

The duplicate is kept with ``merged_into`` set, unpublished, its pending workflow cancelled and
its fingerprints dropped; its admin URLs redirect to the survivor.  Both get a log entry in
their history (``simfoni.merge`` on the survivor, ``simfoni.merged_into`` on the duplicate).
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.actions.edit import EditAction
from wagtail.actions.unpublish import UnpublishAction
from wagtail.log_actions import log
from wagtail.models import WorkflowState

from simfoni_text.urls import canonical_url_or_blank

from ..models import DuplicateDecision, Phenomenon, PhenomenonIndicator, PhenomenonSource
from ..permissions import may_review as _may_review
from .service import _latest_content, refresh_fingerprints

# What happened to the survivor's new revision (``merge`` sets ``survivor.merge_outcome``).
PUBLISHED = "published"
SUBMITTED = "submitted"
DRAFT = "draft"


def _policy():
    from wagtail.permissions import policy_registry

    return policy_registry.get_by_type(Phenomenon)


def can_merge(user) -> bool:
    """May ``user`` merge phenomena at all (``phenomena.merge_phenomenon``)?  See ``may_merge``."""
    return bool(user and user.is_authenticated) and _policy().user_has_permission(user, "merge")


def may_review(user, phenomenon) -> bool:
    """May ``user`` review ``phenomenon`` by routing (admins always may)?"""
    return _may_review(user, _latest_content(phenomenon))


def may_merge(user, survivor, duplicate) -> bool:
    """May ``user`` merge ``duplicate`` into ``survivor`` (both ways: the pair)?  The policy's
    "merge" rule for each: one they see and may review (admins: any)."""
    if not can_merge(user):
        return False
    policy = _policy()
    return policy.user_has_permission_for_instance(
        user, "merge", survivor
    ) and policy.user_has_permission_for_instance(user, "merge", duplicate)


def merge_refusal(survivor, duplicate) -> str | None:
    """Why this pair cannot be merged now (a message), or None."""
    if survivor.pk == duplicate.pk:
        return _("Fenomena tidak bisa digabungkan dengan dirinya sendiri.")
    if survivor.merged_into_id or duplicate.merged_into_id:
        return _("Salah satu fenomena sudah digabungkan ke fenomena lain.")
    state = survivor.current_workflow_state
    if state is not None and state.status == WorkflowState.STATUS_IN_PROGRESS:
        return _(
            "Fenomena yang dipertahankan sedang direview. Setujui atau tolak dulu, lalu "
            "gabungkan; atau tukar sehingga fenomena itu yang digabungkan."
        )
    if duplicate.live and not survivor.live:
        return _(
            "Fenomena duplikat sudah disetujui, sedangkan fenomena yang dipertahankan belum. "
            "Agar fenomena yang sudah disetujui tidak hilang dari pengguna, pertahankan yang "
            "sudah disetujui (tukar)."
        )
    return None


def _source_key(source) -> tuple:
    canonical = canonical_url_or_blank(source.url)
    if canonical:
        return ("url", canonical)
    return ("nourl", source.source_type_id, source.outlet_id, source.source_date)


def _next_sort_order(items) -> int:
    orders = [item.sort_order for item in items if item.sort_order is not None]
    return (max(orders) + 1) if orders else len(list(items))


def submit_to_workflow(obj, user):
    """Submit the latest revision of ``obj`` to its approval workflow as ``user``."""
    workflow = obj.get_workflow()
    if workflow is None:
        return None
    state = obj.current_workflow_state
    if state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        return state.resume(user)
    return workflow.start(obj, user)


@transaction.atomic
def merge(survivor: Phenomenon, duplicate: Phenomenon, user) -> Phenomenon:
    """Merge ``duplicate`` into ``survivor`` on behalf of ``user``; returns the survivor.

    Raises ``PermissionDenied`` when ``user`` may not merge the pair, ``ValidationError`` when
    the pair cannot be merged now.  The returned survivor's ``merge_outcome`` is ``PUBLISHED``,
    ``SUBMITTED`` or ``DRAFT`` (see the module docstring).
    """
    survivor = Phenomenon.objects.select_for_update().get(pk=survivor.pk)
    duplicate = Phenomenon.objects.select_for_update().get(pk=duplicate.pk)
    if not may_merge(user, survivor, duplicate):
        raise PermissionDenied(
            _(
                "Hanya admin atau supervisor yang mereview kedua fenomena yang boleh "
                "menggabungkannya."
            )
        )
    refusal = merge_refusal(survivor, duplicate)
    if refusal:
        raise ValidationError(refusal)

    content = _latest_content(survivor)
    extra = _latest_content(duplicate)
    # What of the duplicate was already approved: its live content (the row of a live snippet).
    approved = duplicate if duplicate.live else None
    approved_sources = {_source_key(s) for s in approved.sources.all()} if approved else set()
    approved_keywords = {t.name for t in approved.keywords.all()} if approved else set()
    approved_links = (
        {(i.indicator_id, i.direction) for i in approved.indicator_links.all()}
        if (approved)
        else set()
    )
    all_approved = True

    known = {_source_key(s) for s in content.sources.all()}
    order = _next_sort_order(content.sources.all())
    added_sources = 0
    for source in extra.sources.all():
        key = _source_key(source)
        if key in known:
            continue
        known.add(key)
        all_approved &= key in approved_sources
        content.sources.add(
            PhenomenonSource(
                source_type_id=source.source_type_id,
                outlet_id=source.outlet_id,
                url=source.url,
                source_date=source.source_date,
                sort_order=order + added_sources,
            )
        )
        added_sources += 1
    keywords = {t.name for t in content.keywords.all()}
    new_keywords = [t.name for t in extra.keywords.all() if t.name not in keywords]
    if new_keywords:
        all_approved &= set(new_keywords) <= approved_keywords
        content.keywords.add(*new_keywords)
    linked = {link.indicator_id for link in content.indicator_links.all()}
    link_order = _next_sort_order(content.indicator_links.all())
    for link in extra.indicator_links.all():
        if link.indicator_id not in linked:
            linked.add(link.indicator_id)
            all_approved &= (link.indicator_id, link.direction) in approved_links
            content.indicator_links.add(
                PhenomenonIndicator(
                    indicator_id=link.indicator_id,
                    direction=link.direction,
                    sort_order=link_order + len(linked),
                )
            )

    nothing_pending = (
        survivor.live
        and not survivor.has_unpublished_changes
        and survivor.current_workflow_state is None
    )
    if nothing_pending and all_approved:
        outcome = PUBLISHED
    elif nothing_pending:
        outcome = SUBMITTED
    else:
        outcome = DRAFT
    action = EditAction(
        content, user=user, log_action=False, publish=outcome == PUBLISHED, clean=False
    )
    action.execute(skip_permission_checks=True)
    log(
        instance=survivor,
        action="simfoni.merge",
        user=user,
        revision=action.revision,
        data={
            "duplicate_id": duplicate.pk,
            "duplicate_title": duplicate.title,
            "added_sources": added_sources,
            "outcome": outcome,
        },
        content_changed=True,
    )
    if outcome == SUBMITTED:
        submit_to_workflow(Phenomenon.objects.get(pk=survivor.pk), user)

    workflow_state = duplicate.current_workflow_state
    if workflow_state is not None:
        workflow_state.cancel(user=user)
    if duplicate.live:
        UnpublishAction(duplicate, user=user).execute(skip_permission_checks=True)
    Phenomenon.objects.filter(pk=duplicate.pk).update(merged_into=survivor)
    duplicate.merged_into = survivor
    refresh_fingerprints(duplicate)
    log(
        instance=duplicate,
        action="simfoni.merged_into",
        user=user,
        data={"survivor_id": survivor.pk, "survivor_title": survivor.title},
    )
    DuplicateDecision.objects.create(
        phenomenon=duplicate,
        other=survivor,
        kind=DuplicateDecision.Kind.MERGED,
        decided_by=user,
        reason=_("Digabungkan ke fenomena #%(id)s") % {"id": survivor.pk},
    )
    survivor = Phenomenon.objects.get(pk=survivor.pk)  # not the in-memory edited content
    survivor.merge_outcome = outcome
    return survivor
