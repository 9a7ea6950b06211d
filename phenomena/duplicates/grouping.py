"""Group a batch of incoming stories that tell the same event (the scraper's "one phenomenon,
several sources").

A scraping run brings the same story from several portals, and often the BPS press release it
was written from.  ``group_same_event`` puts those together so that the run proposes one
phenomenon with several sources instead of five near-duplicates.  Two stories belong together
when the duplicate check would flag one against the other (same canonical URL, near-identical
text, or the same figures for the same month and place -- see ``scoring``); groups are the
connected stories.  Candidates come from an in-memory ``DuplicateIndex`` with the service's
parameters, so a run of thousands of articles is not compared pair by pair.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from . import scoring
from .scoring import DuplicateIndex, Record

__all__ = ["group_same_event"]

MAX_CANDIDATES = 20


def _record(item, position: int) -> Record:
    """A ``Record`` from a dict as ``check_candidate`` takes it, or a ``Record``."""
    if isinstance(item, Record):
        record = item
    elif isinstance(item, Mapping):
        from .service import _record_from_mapping

        record, _period = _record_from_mapping(item)
    else:
        raise TypeError(f"cannot group {type(item).__name__}")
    return Record(
        id=position,
        title=record.title,
        narrative=record.narrative,
        urls=record.urls,
        reference_year=record.reference_year,
        reference_month=record.reference_month,
        area_code=record.area_code,
    )


def group_same_event(items: Iterable) -> list[list]:
    """Groups of ``items`` (dicts with title, narrative, url(s), reference period, area code --
    as for ``check_candidate`` -- or ``Record``) that tell the same event.

    Every item is in exactly one group; a story of its own is a group of one.  Groups keep
    the input order inside and are ordered by their first item.
    """
    items = list(items)
    parent = list(range(len(items)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    index = DuplicateIndex(bands=20, rows=2, max_candidates=MAX_CANDIDATES)
    for position, item in enumerate(items):
        record = _record(item, position)
        features = scoring._prepare(record)  # once per item: the costly part
        keys = index._keys(features)
        for other in index._query(features, keys):
            if scoring._score_features(features, index.features(other)) is not None:
                parent[find(position)] = find(other)
        index._add_features(position, features, keys)
    groups: dict[int, list[int]] = {}
    for position in range(len(items)):
        groups.setdefault(find(position), []).append(position)
    return [[items[i] for i in members] for members in sorted(groups.values())]
