"""Search over approved phenomena: one entry point for the site, the export and the API.

``run_search(params, user)`` returns a :class:`Result` (hits, total, facets, page). The
engine behind it follows ``WAGTAILSEARCH_BACKENDS["default"]``: Wagtail's database backend
(PostgreSQL full-text search or SQLite FTS5) or Elasticsearch. Text is analysed in Python by
:mod:`search.analysis` before it reaches any backend, so all of them match the same terms.

Only approved (live) phenomena are indexed, and every query is also narrowed to
``Phenomenon.objects.approved()`` seen through ``visible_phenomena(user)``, so a stale
index entry can never show a draft.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from django.conf import settings
from django.core.cache import cache
from django.db.models import F, OuterRef, Subquery
from django.utils.translation import gettext as _
from wagtail.search.backends import get_search_backend
from wagtail.search.query import MATCH_ALL

from phenomena.models import (
    Indicator,
    Outlet,
    Phenomenon,
    PhenomenonIndicator,
    PhenomenonKeyword,
    PhenomenonSource,
    Scope,
    SourceType,
    Subject,
    Theme,
)
from phenomena.permissions import visible_phenomena

from . import facets as facet_mod
from .analysis import analyse_query
from .params import SearchParams

#: Exports never hold more rows than this (the page says so when a result set is larger).
EXPORT_MAX_ROWS = getattr(settings, "SEARCH_EXPORT_MAX_ROWS", 10_000)


@dataclass
class FacetValue:
    value: object
    label: str
    count: int
    selected: bool = False


@dataclass
class PageInfo:
    number: int
    per_page: int
    total: int

    @property
    def num_pages(self) -> int:
        return max(1, math.ceil(self.total / self.per_page))

    @property
    def has_previous(self) -> bool:
        return self.number > 1

    @property
    def has_next(self) -> bool:
        return self.number < self.num_pages

    @property
    def start_index(self) -> int:
        return 0 if not self.total else (self.number - 1) * self.per_page + 1

    @property
    def end_index(self) -> int:
        return min(self.total, self.number * self.per_page)

    @property
    def offset(self) -> int:
        return (self.number - 1) * self.per_page


@dataclass
class Result:
    hits: list
    total: int
    facets: dict[str, list[FacetValue]]
    page: PageInfo
    params: SearchParams
    messages: list[str] = field(default_factory=list)
    terms: str = ""
    backend: str = "database"
    #: True when facet counts were estimated from a sample of a very large result set.
    approximate_facets: bool = False
    #: True when the total itself was estimated (the result set is very large).
    approximate_total: bool = False


@dataclass
class EngineResult:
    ids: list[int]
    total: int
    facets: dict[str, dict] = field(default_factory=dict)
    approximate_facets: bool = False
    approximate_total: bool = False


def approved_queryset(user):
    """Approved phenomena that `user` may see: the only ones search ever returns."""
    return visible_phenomena(user, Phenomenon.objects.approved())


# ---------------------------------------------------------------------------
# Database engine (Wagtail's wagtail.search.backends.database)
# ---------------------------------------------------------------------------


def apply_filters(queryset, params: SearchParams):
    """Narrow a phenomenon queryset by every filter in `params` (values OR, filters AND)."""
    for name, lookup in (
        ("subject", "subject_id__in"),
        ("theme", "theme_id__in"),
        ("scope", "scope_id__in"),
        ("area", "area_id__in"),
    ):
        values = getattr(params, name)
        if values:
            queryset = queryset.filter(**{lookup: values})
    if params.period_from:
        queryset = queryset.filter(reference_period__gte=params.period_from)
    if params.period_to:
        queryset = queryset.filter(reference_period__lte=params.period_to)
    # Child rows: each filter is an id subquery, so no join duplicates a phenomenon.
    if params.source_type:
        queryset = queryset.filter(
            id__in=PhenomenonSource.objects.filter(source_type_id__in=params.source_type).values(
                "phenomenon_id"
            )
        )
    if params.outlet:
        queryset = queryset.filter(
            id__in=PhenomenonSource.objects.filter(outlet_id__in=params.outlet).values(
                "phenomenon_id"
            )
        )
    if params.date_from or params.date_to:
        sources = PhenomenonSource.objects.all()
        if params.date_from:
            sources = sources.filter(source_date__gte=params.date_from)
        if params.date_to:
            sources = sources.filter(source_date__lte=params.date_to)
        queryset = queryset.filter(id__in=sources.values("phenomenon_id"))
    if params.indicator:
        queryset = queryset.filter(
            id__in=PhenomenonIndicator.objects.filter(indicator_id__in=params.indicator).values(
                "phenomenon_id"
            )
        )
    if params.keyword:
        queryset = queryset.filter(
            id__in=PhenomenonKeyword.objects.filter(tag_id__in=params.keyword).values(
                "content_object_id"
            )
        )
    return queryset


def _primary_source(field_name):
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


class DatabaseEngine:
    name = "database"

    def __init__(self, backend):
        self.backend = backend

    def search(self, queryset, params, terms, offset, limit, with_facets=True) -> EngineResult:
        sort = params.effective_sort if terms else _no_text_sort(params)
        unfiltered = queryset
        queryset = apply_filters(queryset, params)
        by_relevance = bool(terms) and sort == "relevance"
        if not by_relevance:
            queryset = apply_ordering(queryset, sort)
        results = self.backend.search(
            terms or MATCH_ALL,
            queryset,
            operator="and",
            order_by_relevance=by_relevance,
        )
        total = results.count()
        ids = [obj.pk for obj in results[offset : offset + limit]] if limit else []
        raw = {}
        if with_facets:
            raw = _cached_facets(params, lambda: self.facets(unfiltered, params, terms, results))
        return EngineResult(ids=ids, total=total, facets=raw)

    def facets(self, queryset, params, terms, results):
        """Every facet of `results`; a facet with a selected value without its own filter."""
        selected = facet_mod.selected_facets(params)
        others = [name for name in facet_mod.FACET_FIELDS if name not in selected]
        raw = facet_mod.database_facets(results, _matching(results), others)
        for name in selected:
            relaxed = facet_mod.without(params, name)
            relaxed_results = self.backend.search(
                terms or MATCH_ALL,
                apply_filters(queryset.order_by(), relaxed),
                operator="and",
                order_by_relevance=False,
            )
            raw.update(
                facet_mod.database_facets(
                    relaxed_results, _matching(relaxed_results), [name], params.keyword
                )
            )
        return raw


class PostgresIndexEngine(DatabaseEngine):
    """Wagtail's PostgreSQL index, queried through its GIN index.

    Wagtail's PostgreSQL backend matches ``title || body`` of each index entry, an
    expression no index can serve, and ``.facet()`` repeats that match once per facet: a
    sequential scan of the whole index for every facet (about 0.1 s each at 10k rows). The
    index itself (``wagtailsearch_indexentry``, kept by Wagtail's signals and
    ``update_index``) has a GIN index on ``body``, where all our text is (no field is named
    "title"). So here the match is one ``body @@ tsquery`` subquery, and facets are the same
    GROUP BY that ``.facet()`` runs, over that subquery.
    """

    name = "database"

    def text_matches(self, terms):
        from django.contrib.contenttypes.models import ContentType
        from django.contrib.postgres.search import SearchQuery
        from django.db.models import BigIntegerField
        from django.db.models.functions import Cast
        from modelsearch.backends.database.postgres.postgres import IndexEntry

        query = SearchQuery(" & ".join(terms.split()), search_type="raw", config="simple")
        content_type = ContentType.objects.get_for_model(Phenomenon)
        entries = IndexEntry._default_manager.filter(content_type_id=content_type.pk, body=query)
        return entries.annotate(pid=Cast("object_id", BigIntegerField())), query, content_type.pk

    def search(self, queryset, params, terms, offset, limit, with_facets=True) -> EngineResult:
        from django.contrib.postgres.search import SearchRank
        from django.db.models import CharField
        from django.db.models.functions import Cast
        from modelsearch.backends.database.postgres.postgres import IndexEntry

        sort = params.effective_sort if terms else _no_text_sort(params)
        if terms:
            entries, query, content_type_id = self.text_matches(terms)
            queryset = queryset.filter(pk__in=entries.values("pid"))
        unfiltered = queryset
        queryset = apply_filters(queryset, params)
        matching = queryset
        if terms and sort == "relevance":
            rank = Subquery(
                IndexEntry._default_manager.filter(
                    content_type_id=content_type_id,
                    object_id=Cast(OuterRef("pk"), CharField()),
                )
                .annotate(r=SearchRank(F("body"), query))
                .values("r")[:1]
            )
            queryset = queryset.annotate(_rank=rank).order_by(
                F("_rank").desc(nulls_last=True), "-reference_period", "-id"
            )
        else:
            queryset = apply_ordering(queryset, sort)
        total = matching.count()
        ids = list(queryset.values_list("pk", flat=True)[offset : offset + limit]) if limit else []
        raw = {}
        if with_facets:
            raw = _cached_facets(params, lambda: _queryset_facets(unfiltered, matching, params))
        return EngineResult(ids=ids, total=total, facets=raw)


class PostgresTableEngine:
    """PostgreSQL: one statement over the denormalised search table (search/pgsearch.py).

    The table holds only approved phenomena, every one of which a signed-in user may see
    (``visible_phenomena`` only ever widens what is visible beyond approved ones); hits are
    loaded through ``approved_queryset(user)`` again, so a stale row can never show a draft.
    """

    name = "postgres"

    def search(self, queryset, params, terms, offset, limit, with_facets=True) -> EngineResult:
        from . import pgsearch

        if not queryset.exists():
            return EngineResult(ids=[], total=0, facets={})
        sort = params.effective_sort if terms else _no_text_sort(params)
        key = facet_mod.cache_key("pgfacets", params.cache_key_parts())
        cached = cache.get(key) if with_facets else None
        ids, total, raw, approximate, approximate_total = pgsearch.search(
            params, terms, sort, offset, limit, with_facets=with_facets and cached is None
        )
        if cached is not None:
            raw, approximate = cached
        elif with_facets:
            cache.set(key, (raw, approximate), facet_mod.facet_cache_seconds())
        return EngineResult(
            ids=ids,
            total=total,
            facets=raw or {},
            approximate_facets=approximate or approximate_total,
            approximate_total=approximate_total,
        )


def _queryset_facets(unfiltered, matching, params):
    """Facets of `matching`; a facet with a selected value counted without its own filter."""
    selected = facet_mod.selected_facets(params)
    others = [name for name in facet_mod.FACET_FIELDS if name not in selected]
    raw = facet_mod.queryset_facets(matching, others)
    for name in selected:
        relaxed = apply_filters(unfiltered, facet_mod.without(params, name))
        raw.update(facet_mod.queryset_facets(relaxed, [name], params.keyword))
    return raw


def _matching(results):
    """The queryset of every matching phenomenon, for facet subqueries."""
    if hasattr(results, "get_queryset"):
        return results.get_queryset()
    return results.query_compiler.queryset  # MATCH_ALL / fallback backends


def _no_text_sort(params):
    sort = params.effective_sort
    return "period_desc" if sort == "relevance" else sort


def _cached_facets(params, compute):
    key = facet_mod.cache_key("facets", params.cache_key_parts())
    counts = cache.get(key)
    if counts is None:
        counts = compute()
        cache.set(key, counts, facet_mod.facet_cache_seconds())
    return counts


# ---------------------------------------------------------------------------
# Entry point
# ---------------------------------------------------------------------------


def get_engine():
    backend = get_search_backend()
    module = type(backend).__module__
    if "elasticsearch" in module or "opensearch" in module:
        from .elastic import ElasticsearchEngine

        return ElasticsearchEngine(backend)
    if "database.postgres" in module:
        from . import pgsearch

        if pgsearch.is_available():
            return PostgresTableEngine()
        return PostgresIndexEngine(backend)
    return DatabaseEngine(backend)


def run_search(params: SearchParams, user, *, with_facets=True, engine=None) -> Result:
    """Search approved phenomena visible to `user`. Never raises for bad input."""
    engine = engine or get_engine()
    messages = list(params.messages)
    terms = analyse_query(params.q)
    if params.q.strip() and not terms:
        messages.append(
            _(
                "Kata kunci tidak berisi kata yang dapat dicari (hanya kata umum atau tanda "
                "baca), jadi semua fenomena yang cocok dengan filter ditampilkan."
            )
        )
    page = PageInfo(params.page, params.per_page, 0)
    result = engine.search(
        approved_queryset(user), params, terms, page.offset, params.per_page, with_facets
    )
    page.total = result.total
    if result.total and page.offset >= result.total and not result.ids:
        # Past the last page (an old shared link): show the last page instead.
        page.number = page.num_pages
        result = engine.search(
            approved_queryset(user), params, terms, page.offset, params.per_page, with_facets
        )
    hits = load_hits(result.ids, user)
    return Result(
        hits=hits,
        total=result.total,
        facets=label_facets(result.facets, params, user) if with_facets else {},
        page=page,
        params=params,
        messages=messages,
        terms=terms,
        backend=engine.name,
        approximate_facets=result.approximate_facets,
        approximate_total=result.approximate_total,
    )


def load_hits(ids, user):
    """Phenomena for `ids`, in that order, with what the list and export show."""
    if not ids:
        return []
    objects = (
        approved_queryset(user)
        .filter(pk__in=ids)
        .select_related("subject", "theme", "scope", "area", "work_unit")
        .prefetch_related(
            "sources__outlet", "sources__source_type", "indicator_links__indicator", "keywords"
        )
    )
    by_id = {obj.pk: obj for obj in objects}
    return [by_id[pk] for pk in ids if pk in by_id]


def export_hits(params: SearchParams, user, max_rows: int | None = None):
    """(hits, total) for an export: the first `max_rows` results in the chosen order."""
    max_rows = max_rows or EXPORT_MAX_ROWS
    engine = get_engine()
    terms = analyse_query(params.q)
    result = engine.search(approved_queryset(user), params, terms, 0, max_rows, False)
    return load_hits(result.ids, user), result.total


# ---------------------------------------------------------------------------
# Facet labels
# ---------------------------------------------------------------------------


def _labels(name, values):
    from taggit.models import Tag

    values = [v for v in values if v is not None]
    if name == "period":
        from phenomena.dates import month_year

        return {v: month_year(v) for v in values}
    model, attr = {
        "subject": (Subject, "label"),
        "theme": (Theme, "name"),
        "scope": (Scope, "label"),
        "area": (Scope, "label"),
        "source_type": (SourceType, "label"),
        "outlet": (Outlet, "name"),
        "indicator": (Indicator, "name"),
        "keyword": (Tag, "name"),
    }[name]
    return dict(model.objects.filter(pk__in=values).values_list("pk", attr))


#: Where each filter's values live, for :func:`visible_values`: (model, value field, owner).
_VALUE_SOURCES = {
    "subject": (Phenomenon, "subject_id", "pk"),
    "theme": (Phenomenon, "theme_id", "pk"),
    "scope": (Phenomenon, "scope_id", "pk"),
    "area": (Phenomenon, "area_id", "pk"),
    "source_type": (PhenomenonSource, "source_type_id", "phenomenon_id"),
    "outlet": (PhenomenonSource, "outlet_id", "phenomenon_id"),
    "indicator": (PhenomenonIndicator, "indicator_id", "phenomenon_id"),
    "keyword": (PhenomenonKeyword, "tag_id", "content_object_id"),
}


def visible_values(name, values, user) -> set:
    """The `values` of filter `name` that occur on a phenomenon the search shows `user`.

    A value that occurs only on drafts (a keyword typed on an unapproved phenomenon) is
    never named on the search page, not even when its id is put in the URL.
    """
    values = [v for v in values if v is not None]
    if not values:
        return set()
    model, field_name, owner = _VALUE_SOURCES[name]
    rows = model.objects.filter(
        **{f"{field_name}__in": values, f"{owner}__in": approved_queryset(user).values("pk")}
    )
    return set(rows.values_list(field_name, flat=True).distinct())


def label_facets(
    raw: dict[str, dict], params: SearchParams, user=None
) -> dict[str, list[FacetValue]]:
    """Labelled facet values; a selected value nobody may see is shown without its name.

    Counted values occur on matching approved phenomena, so they are named. A selected
    value with no count (its id typed into the URL) is named only when it occurs on some
    phenomenon `user` may find; otherwise it is listed as an unknown value, so its chip can
    still be removed.
    """
    raw = facet_mod.merge_selected({k: dict(v) for k, v in raw.items()}, params)
    out = {}
    for name in facet_mod.FACET_FIELDS:
        counts = raw.get(name, {})
        selected = set(getattr(params, name, ()) or ())
        labels = _labels(name, counts.keys())
        if name != "period":
            unseen = [v for v, n in counts.items() if not n and v in selected]
            hidden = set(unseen) - visible_values(name, unseen, user)
            for value in hidden | (selected - set(labels)):
                labels[value] = _("(nilai tidak dikenal)")
        values = [
            FacetValue(value=v, label=labels.get(v, str(v)), count=n, selected=v in selected)
            for v, n in counts.items()
            if v in labels
        ]
        if name == "period":
            values.sort(key=lambda f: f.value, reverse=True)
        else:
            values.sort(key=lambda f: (-f.count, f.label))
        out[name] = values
    return out
