"""Merge a duplicate phenomenon into the one that survives.

The survivor gets the union of the sources (deduplicated by canonical URL; sources without a
URL by type, outlet and date), keywords and indicator links through a new revision -- published
at once if the survivor was published with nothing else pending, otherwise left for review.
The duplicate is kept with ``merged_into`` set, unpublished, its pending workflow cancelled and
its fingerprints dropped; its admin URLs redirect to the survivor.  Both get a log entry.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.actions.edit import EditAction
from wagtail.actions.unpublish import UnpublishAction
from wagtail.log_actions import log

from ..models import DuplicateDecision, Phenomenon, PhenomenonIndicator, PhenomenonSource, Role
from ..permissions import is_admin
from ..roles import role_of
from .service import _latest_content, refresh_fingerprints
from .urls import canonical_url_or_blank


def can_merge(user) -> bool:
    """Only admins and supervisors merge phenomena."""
    return bool(user and user.is_authenticated) and (
        is_admin(user) or role_of(user) == Role.SUPERVISOR
    )


def _source_key(source) -> tuple:
    canonical = canonical_url_or_blank(source.url)
    if canonical:
        return ("url", canonical)
    return ("nourl", source.source_type_id, source.outlet_id, source.source_date)


def _next_sort_order(items) -> int:
    orders = [item.sort_order for item in items if item.sort_order is not None]
    return (max(orders) + 1) if orders else len(list(items))


@transaction.atomic
def merge(survivor: Phenomenon, duplicate: Phenomenon, user) -> Phenomenon:
    """Merge ``duplicate`` into ``survivor`` on behalf of ``user``; returns the survivor."""
    if not can_merge(user):
        raise PermissionDenied(_("Hanya admin dan supervisor yang boleh menggabungkan fenomena."))
    survivor = Phenomenon.objects.select_for_update().get(pk=survivor.pk)
    duplicate = Phenomenon.objects.select_for_update().get(pk=duplicate.pk)
    if survivor.pk == duplicate.pk:
        raise ValidationError(_("Fenomena tidak bisa digabungkan dengan dirinya sendiri."))
    if survivor.merged_into_id or duplicate.merged_into_id:
        raise ValidationError(_("Salah satu fenomena sudah digabungkan ke fenomena lain."))

    content = _latest_content(survivor)
    extra = _latest_content(duplicate)

    known = {_source_key(s) for s in content.sources.all()}
    order = _next_sort_order(content.sources.all())
    added_sources = 0
    for source in extra.sources.all():
        key = _source_key(source)
        if key in known:
            continue
        known.add(key)
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
        content.keywords.add(*new_keywords)
    linked = {link.indicator_id for link in content.indicator_links.all()}
    link_order = _next_sort_order(content.indicator_links.all())
    for link in extra.indicator_links.all():
        if link.indicator_id not in linked:
            linked.add(link.indicator_id)
            content.indicator_links.add(
                PhenomenonIndicator(
                    indicator_id=link.indicator_id,
                    direction=link.direction,
                    sort_order=link_order + len(linked),
                )
            )

    publish = survivor.live and not survivor.has_unpublished_changes
    action = EditAction(content, user=user, log_action=False, publish=publish, clean=False)
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
        },
        content_changed=True,
    )

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
    survivor.refresh_from_db()
    return survivor
