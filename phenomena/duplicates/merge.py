"""Merge a duplicate phenomenon into the one that survives.

Who may merge (``merge_refusal``): an admin, or a supervisor who may review *both* phenomena
by the approval workflow's routing (``workflows.routing.can_review``, registered in
``REVIEW_CHECKS`` by the workflow app, like ``permissions.VISIBILITY_EXTENSIONS``) and who may
see both (``permissions.visible_phenomena``).  The confirmation page is refused the same way, so
it never shows a draft to someone who may not merge it.

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

from ..models import Role
from ..permissions import is_admin, visible_phenomena
from ..roles import role_of
from .service import latest_content
from .urls import canonical_url_or_blank

# `check(user, phenomenon) -> bool`: may `user` review `phenomenon`?  The approval workflow
# registers its routing (`workflows.routing.can_review`) here in its AppConfig.ready(), so this
# app never imports the workflow app at import time.  Without any check only admins merge.
REVIEW_CHECKS = []

# What happened to the survivor's new revision (``merge`` sets ``survivor.merge_outcome``).
PUBLISHED = "published"
SUBMITTED = "submitted"
DRAFT = "draft"


def can_merge(user) -> bool:
    """May ``user`` merge phenomena at all (admins and supervisors)?  See ``merge_refusal``."""
    return bool(user and user.is_authenticated and user.is_active) and (
        is_admin(user) or role_of(user) == Role.SUPERVISOR
    )


def may_review(user, phenomenon) -> bool:
    """May ``user`` review ``phenomenon`` by routing (admins always may)?"""
    if is_admin(user):
        return True
    content = latest_content(phenomenon)
    return any(check(user, content) for check in REVIEW_CHECKS)


def may_merge(user, survivor, duplicate) -> bool:
    """May ``user`` merge ``duplicate`` into ``survivor`` (both ways: the pair)?"""
    if not can_merge(user):
        return False
    if is_admin(user):
        return True
    pks = {survivor.pk, duplicate.pk}
    if visible_phenomena(user).filter(pk__in=pks).count() != len(pks):
        return False
    return may_review(user, survivor) and may_review(user, duplicate)


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
