"""Lifecycle subscribers: what left the API is recorded after the commit (a tombstone), and
forgotten when it is approved again, so an incremental sync can reproduce the database."""

from __future__ import annotations

from django.utils import timezone

from phenomena import lifecycle
from phenomena.models import Phenomenon

from .models import Removal

REASONS = {
    lifecycle.UNPUBLISHED: Removal.Reason.UNPUBLISHED,
    lifecycle.MERGED: Removal.Reason.MERGED,
    lifecycle.DELETED: Removal.Reason.DELETED,
}


def record_removal(event) -> None:
    row = Phenomenon.objects.filter(pk=event.phenomenon_id)
    row = row.values("live", "merged_into_id", "first_published_at").first()
    if row and row["live"]:
        return  # approved again since (events are delivered after their own commit)
    existing = Removal.objects.filter(phenomenon_id=event.phenomenon_id).first()
    if existing is None and (row is None or row["first_published_at"] is None):
        return  # never approved: the API never showed it (and does not name drafts)
    reason = REASONS[event.name]
    if existing and existing.reason == Removal.Reason.MERGED and reason != Removal.Reason.DELETED:
        reason = existing.reason  # "merged" says more than the unpublish that came with it
    merged_into = (row or {}).get("merged_into_id") or event.data.get("survivor_id")
    Removal.objects.update_or_create(
        phenomenon_id=event.phenomenon_id,
        defaults={
            "reason": reason,
            "merged_into_id": merged_into if reason == Removal.Reason.MERGED else None,
            "removed_at": timezone.now(),
        },
    )


def forget_removal(event) -> None:
    if Phenomenon.objects.filter(pk=event.phenomenon_id, live=True).exists():
        Removal.objects.filter(phenomenon_id=event.phenomenon_id).delete()
