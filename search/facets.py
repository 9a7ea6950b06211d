"""Facet counts: how many matching phenomena fall under each filter value.

Database backends: counts of the phenomenon's own foreign keys (subject, theme, scope,
kab/kota) and of the reference month come from Wagtail's ``SearchResults.facet(field)``.
Values held in child rows — sources (source type, outlet), indicator links, keywords — are
not fields of the phenomenon, so ``.facet()`` cannot count them: they are counted here with
one aggregate query each over the matching id set.

Elasticsearch: every facet comes back from one request as aggregations
(search/engines/elasticsearch.py).

Facets are **disjunctive**: values of one facet combine with OR (``theme=3&theme=4`` is
theme 3 or 4), so ticking a value must not hide its siblings. Each facet with a selected
value is counted with every OTHER filter applied but not its own (:func:`without`): one
extra grouped count per selected facet. Facets without a selected value are counted on the
matches themselves, as before.

Counts are cached per search (query + filters) for a short time; any approve, unpublish or
delete bumps a generation number that is part of the cache key, so a cached count is never
older than the last change of the index (see docs/search.md).
"""

from __future__ import annotations

import hashlib
from dataclasses import replace

from django.conf import settings
from django.core.cache import cache
from django.db.models import Count

from phenomena.filters import ID_FILTERS, RANGE_FILTERS

#: Facets, in the order the page shows them: name -> Wagtail FilterField (attname) or None.
FACET_FIELDS = {
    **{name: f.own_field for name, f in ID_FILTERS.items() if not f.rows},
    "period": RANGE_FILTERS["period"].path,
    **{name: None for name, f in ID_FILTERS.items() if f.rows},
}
#: At most this many values are shown for the keyword facet (the most frequent).
KEYWORD_FACET_SIZE = 25
GENERATION_KEY = "simfoni-search-generation"


def facet_cache_seconds() -> int:
    return int(getattr(settings, "SEARCH_FACET_CACHE_SECONDS", 300))


def bump_generation() -> None:
    """Invalidate every cached facet count (called when the index changes)."""
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, 1, None)


def cache_key(kind: str, parts: tuple) -> str:
    generation = cache.get(GENERATION_KEY, 0)
    digest = hashlib.sha1(repr(parts).encode("utf-8")).hexdigest()
    return f"simfoni-search:{kind}:{generation}:{digest}"


#: Facets whose values combine with OR and are counted disjunctively (the id filters).
DISJUNCTIVE = tuple(ID_FILTERS)


def selected_facets(params) -> list[str]:
    """The disjunctive facets with at least one selected value."""
    return [name for name in DISJUNCTIVE if getattr(params, name, ())]


def without(params, name):
    """`params` without the filter of facet `name`: what that facet is counted on."""
    return replace(params, **{name: ()})


def top_keywords(counts: dict, selected=()) -> dict:
    """The most frequent keywords, and every selected one (so it keeps its count)."""
    top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:KEYWORD_FACET_SIZE]
    kept = dict(top)
    for value in selected:
        if value in counts:
            kept[value] = counts[value]
    return kept


def database_facets(results, matching_queryset, names=None, selected_keywords=()) -> dict:
    """Raw facet counts {facet: {value: count}} for Wagtail database-backend results.

    ``results`` are the (unsliced) Wagtail search results; ``matching_queryset`` the
    queryset of every matching phenomenon (used as a subquery for child-row facets).
    ``names`` limits the facets counted (all by default).
    """
    from phenomena.models import PhenomenonIndicator, PhenomenonKeyword, PhenomenonSource

    names = set(FACET_FIELDS if names is None else names)
    counts: dict[str, dict] = {}
    for name, attname in FACET_FIELDS.items():
        if attname and name in names:
            counts[name] = {k: v for k, v in results.facet(attname).items() if k is not None}
    ids = matching_queryset.values("pk")
    if "source_type" in names:
        counts["source_type"] = _count(
            PhenomenonSource.objects.filter(phenomenon_id__in=ids),
            "source_type_id",
            "phenomenon_id",
        )
    if "outlet" in names:
        counts["outlet"] = _count(
            PhenomenonSource.objects.filter(phenomenon_id__in=ids, outlet__isnull=False),
            "outlet_id",
            "phenomenon_id",
        )
    if "indicator" in names:
        counts["indicator"] = _count(
            PhenomenonIndicator.objects.filter(phenomenon_id__in=ids),
            "indicator_id",
            "phenomenon_id",
        )
    if "keyword" in names:
        keywords = PhenomenonKeyword.objects.filter(content_object_id__in=ids)
        rows = (
            keywords.values("tag_id")
            .annotate(n=Count("content_object_id", distinct=True))
            .order_by("-n", "tag_id")[:KEYWORD_FACET_SIZE]
        )
        counts["keyword"] = {row["tag_id"]: row["n"] for row in rows}
        missing = [v for v in selected_keywords if v not in counts["keyword"]]
        if missing:  # a selected keyword outside the top ones keeps its count
            rows = keywords.filter(tag_id__in=missing)
            counts["keyword"].update(_count(rows, "tag_id", "content_object_id"))
    return counts


def _count(queryset, value_field, owner_field) -> dict:
    rows = queryset.values(value_field).annotate(n=Count(owner_field, distinct=True))
    return {row[value_field]: row["n"] for row in rows if row[value_field] is not None}


def merge_selected(counts: dict[str, dict], params) -> dict[str, dict]:
    """Make sure selected values appear even when nothing matches them (count 0)."""
    for name in FACET_FIELDS:
        if name == "period":
            continue
        for value in getattr(params, name, ()):
            counts.setdefault(name, {}).setdefault(value, 0)
    return counts
