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


def register() -> None:
    for name in (lifecycle.PUBLISHED, lifecycle.UNPUBLISHED, lifecycle.MERGED):
        lifecycle.subscribe(name, sync)
    lifecycle.subscribe(lifecycle.DELETED, remove)
