"""The database engine: Wagtail's database search backend, filters and facets in the ORM.

Wagtail's ``wagtail.search.backends.database`` (SQLite FTS5, or PostgreSQL full-text search
over Wagtail's index table with the ``simple`` configuration) matches the analysed words;
:func:`phenomena.filters.apply` narrows the queryset; facets are Wagtail's ``.facet()`` for the
phenomenon's own fields and one grouped count per child-row facet (:mod:`search.facets`).
"""

from __future__ import annotations

from django.core.cache import cache
from django.db.models import F, OuterRef, Subquery
from wagtail.search.query import MATCH_ALL, And, Or, Phrase, PlainText

from phenomena import filters

from .. import facets as facet_mod
from . import EngineResult, no_text_sort


class WagtailIndexSync:
    """Keep Wagtail's search index: approved phenomena in, every other one out."""

    def sync(self, ids) -> None:
        from wagtail.search import index

        from phenomena.models import Phenomenon

        found = {p.pk: p for p in Phenomenon.objects.filter(pk__in=list(ids))}
        for pk in ids:
            phenomenon = found.get(pk)
            if phenomenon is not None and phenomenon.live:
                index.insert_or_update_object(phenomenon)
            else:
                index.remove_object(phenomenon or Phenomenon(pk=pk))

    def remove(self, ids) -> None:
        from wagtail.search import index

        from phenomena.models import Phenomenon

        for pk in ids:
            index.remove_object(Phenomenon(pk=pk))


def _primary_source(field_name):
    from phenomena.models import PhenomenonSource

    return Subquery(
        PhenomenonSource.objects.filter(phenomenon_id=OuterRef("pk"))
        .order_by("sort_order", "pk")
        .values(field_name)[:1]
    )


def apply_ordering(queryset, sort: str):
    """Order a queryset for every sort except relevance (which the backend ranks)."""
    if sort == "period_asc":
        return queryset.order_by("reference_period", "id")
    if sort in ("date_desc", "date_asc"):
        queryset = queryset.annotate(_sort_date=_primary_source("source_date"))
        key = F("_sort_date")
        key = key.desc(nulls_last=True) if sort == "date_desc" else key.asc(nulls_last=True)
        return queryset.order_by(key, F("id").desc())
    if sort == "source_type":
        queryset = queryset.annotate(_sort_type=_primary_source("source_type__sort_order"))
        return queryset.order_by(
            F("_sort_type").asc(nulls_last=True), F("reference_period").desc(), F("id").desc()
        )
    if sort == "coverage":
        return queryset.order_by(
            F("scope__sort_order").asc(),
            F("area__code").asc(nulls_first=True),
            F("reference_period").desc(),
            F("id").desc(),
        )
    return queryset.order_by("-reference_period", "-id")


class DatabaseEngine(WagtailIndexSync):
    name = "database"

    def __init__(self, backend):
        self.backend = backend

    def search(self, queryset, params, terms, offset, limit, with_facets=True) -> EngineResult:
        sort = params.effective_sort if terms else no_text_sort(params)
        unfiltered = queryset
        queryset = filters.apply(queryset, params)
        by_relevance = bool(terms) and sort == "relevance"
        if not by_relevance:
            queryset = apply_ordering(queryset, sort)
        results = self.backend.search(
            text_query(terms, getattr(terms, "operator", "and")),
            queryset,
            order_by_relevance=by_relevance,
        )
        total = results.count()
        ids = [obj.pk for obj in results[offset : offset + limit]] if limit else []
        raw = {}
        if with_facets:
            raw = _cached_facets(
                params,
                lambda: self.facets(unfiltered, params, terms, results),
                (str(terms), getattr(terms, "operator", "and")),
            )
        return EngineResult(ids=ids, total=total, facets=raw)

    def facets(self, queryset, params, terms, results):
        """Every facet of `results`; a facet with a selected value without its own filter."""
        selected = facet_mod.selected_facets(params)
        others = [name for name in facet_mod.FACET_FIELDS if name not in selected]
        raw = facet_mod.database_facets(results, _matching(results), others)
        for name in selected:
            relaxed = facet_mod.without(params, name)
            relaxed_results = self.backend.search(
                text_query(terms, getattr(terms, "operator", "and")),
                filters.apply(queryset.order_by(), relaxed),
                order_by_relevance=False,
            )
            raw.update(
                facet_mod.database_facets(
                    relaxed_results, _matching(relaxed_results), [name], params.keyword
                )
            )
        return raw


def text_query(terms, operator="and"):
    """Wagtail's query for analysed `terms` (QueryTerms: every group, any variant of each).

    ``operator="or"``: any group (the candidates of relaxed matching).
    """
    from ..understanding import QueryTerms

    if not terms:
        return MATCH_ALL
    terms = QueryTerms.of(terms)
    parts = []
    for group in terms.groups:
        variants = [PlainText(v[0]) if len(v) == 1 else Phrase(" ".join(v)) for v in group]
        parts.append(variants[0] if len(variants) == 1 else Or(variants))
    if len(parts) == 1:
        return parts[0]
    return And(parts) if operator == "and" else Or(parts)


def _matching(results):
    """The queryset of every matching phenomenon, for facet subqueries."""
    if hasattr(results, "get_queryset"):
        return results.get_queryset()
    return results.query_compiler.queryset  # MATCH_ALL / fallback backends


def _cached_facets(params, compute, extra=()):
    key = facet_mod.cache_key("facets", params.cache_key_parts() + extra)
    counts = cache.get(key)
    if counts is None:
        counts = compute()
        cache.set(key, counts, facet_mod.facet_cache_seconds())
    return counts
