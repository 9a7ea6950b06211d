"""Keep what search reads in step with approval: lifecycle subscribers, after commit.

Only approved (live) phenomena are searchable. On PUBLISHED, UNPUBLISHED and MERGED
(the duplicate and its survivor, ``event.data["survivor_id"]``) the engine brings the
phenomenon up to date (in when approved, out otherwise); on DELETED it forgets it. Every
change also bumps the generation of cached facet counts. The events are delivered after the
transaction commits (phenomena/lifecycle.py), when the inline sources and keywords of a
published revision are saved too.

The engine is the deployment's (search/engines): Wagtail's index for the database and
Elasticsearch engines, the search table for ``pgtable`` (Wagtail's index of phenomena is
then not kept at all: see SearchConfig.ready).
"""

from __future__ import annotations

from phenomena import lifecycle

from .engines import get_engine
from .facets import bump_generation


def _ids(event) -> list[int]:
    ids = [event.phenomenon_id]
    survivor = (event.data or {}).get("survivor_id")
    if survivor:
        ids.append(int(survivor))
    return ids


def sync(event) -> None:
    get_engine().sync(_ids(event))
    bump_generation()


def remove(event) -> None:
    get_engine().remove([event.phenomenon_id])
    bump_generation()


def sync_many(events) -> None:
    """A batch's events (``phenomena.services.batch``): one sync of every phenomenon named."""
    ids = list(dict.fromkeys(pk for event in events for pk in _ids(event)))
    get_engine().sync(ids)
    bump_generation()


def remove_many(events) -> None:
    get_engine().remove(list(dict.fromkeys(event.phenomenon_id for event in events)))
    bump_generation()


sync.many = sync_many
remove.many = remove_many
SYNCED = (lifecycle.PUBLISHED, lifecycle.UNPUBLISHED, lifecycle.MERGED, lifecycle.DELETED)


# --- Wagtail's own indexing on save, deferred in a batch ------------------------------------


def _index_saved(sender, instance, **kwargs):
    """Wagtail's save handler for phenomena, except in a batch: each phenomenon saved there is
    indexed once, after the commit (``index_batch``), instead of on each of its saves."""
    from modelsearch.signal_handlers import post_save_signal_handler

    batch = lifecycle.current_batch()
    if batch is None or kwargs.get("raw"):
        post_save_signal_handler(instance, **kwargs)
        return
    batch.data.setdefault("search_saved", set()).add(instance.pk)
    batch.defer("search_saved", index_batch)


def index_batch(batch) -> None:
    """What Wagtail's save handler would have done, once per phenomenon saved in ``batch``
    (those whose events sync them anyway are left to that sync, which comes next)."""
    from modelsearch.tasks import insert_or_update_object_task

    from phenomena.models import Phenomenon

    synced = {pk for event in batch.events if event.name in SYNCED for pk in _ids(event)}
    saved = sorted(batch.data.get("search_saved", set()) - synced)
    for pk in Phenomenon.objects.filter(pk__in=saved).values_list("pk", flat=True):
        insert_or_update_object_task.enqueue("phenomena", "phenomenon", str(pk))


def _take_part(batch) -> None:
    """At the first batch, put ``_index_saved`` in the place of Wagtail's save handler for
    phenomena (connected after this app's ready(), so it is swapped here)."""
    from django.db.models.signals import post_save
    from modelsearch.signal_handlers import post_save_signal_handler

    from phenomena.models import Phenomenon

    if post_save.disconnect(post_save_signal_handler, sender=Phenomenon):
        post_save.connect(_index_saved, sender=Phenomenon, dispatch_uid="search_index_saved")


def register() -> None:
    for name in (lifecycle.PUBLISHED, lifecycle.UNPUBLISHED, lifecycle.MERGED):
        lifecycle.subscribe(name, sync)
    lifecycle.subscribe(lifecycle.DELETED, remove)
    lifecycle.on_batch_start(_take_part)
