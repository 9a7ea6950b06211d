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

from django.utils.translation import gettext as _
from wagtail.models import WorkflowState

from simfoni_text.urls import canonical_url_or_blank

from ..models import Phenomenon
from ..permissions import may_review as _may_review
from .service import latest_content

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
    return _may_review(user, latest_content(phenomenon))


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


def source_key(source) -> tuple:
    """What makes two sources the same: their canonical URL, else type, outlet and date."""
    canonical = canonical_url_or_blank(source.url)
    if canonical:
        return ("url", canonical)
    return ("nourl", source.source_type_id, source.outlet_id, source.source_date)


def next_sort_order(items) -> int:
    """The sort order after the last of ``items`` (child rows)."""
    orders = [item.sort_order for item in items if item.sort_order is not None]
    return (max(orders) + 1) if orders else len(list(items))


def merge(survivor, duplicate, user):
    """``phenomena.services.merge`` with this module's old argument order (survivor,
    duplicate, user), for existing callers; new code calls the service."""
    from .. import services

    return services.merge(user, survivor, duplicate)
