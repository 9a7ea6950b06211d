"""The ``elasticsearch`` engine: backend settings and the one-request faceted query.

Indexing goes through Wagtail's own ``wagtail.search.backends.elasticsearch8`` backend
(mapping from ``Phenomenon.search_fields``, signals, ``update_index``). The index settings
add :data:`simfoni_text.analysis.ELASTICSEARCH_ANALYSIS` and make its whitespace analyser the
index default, so Wagtail's ``_all_text`` copy fields are analysed like the pre-analysed
source fields.

Querying uses elasticsearch-dsl instead of Wagtail's ``.search()``/``.facet()`` because the
page needs what that API cannot say in one request: nine facets (terms aggregations) and a
monthly date histogram together with the hits, sorted by values of child rows
(primary source date, source type order).
"""

from __future__ import annotations

import copy

from elasticsearch_dsl import A, Q, Search

from phenomena.filters import ID_FILTERS, RANGE_FILTERS
from simfoni_text.analysis import ELASTICSEARCH_ANALYSIS, ELASTICSEARCH_ANALYZER

from ..facets import DISJUNCTIVE, FACET_FIELDS, KEYWORD_FACET_SIZE, selected_facets
from ..params import SearchParams
from .database import WagtailIndexSync

#: Document field of each facet / filter (Wagtail names FilterFields "<attname>_filter").
FIELDS = {
    **{name: f.document_field for name, f in ID_FILTERS.items() if not f.rows},
    "period": RANGE_FILTERS["period"].document_field,
    **{name: f.document_field for name, f in ID_FILTERS.items() if f.rows},
}
TEXT_FIELDS = ["search_title_id^2", "search_text_id"]
CONTENT_TYPE = "phenomena.Phenomenon"
FACET_SIZE = 200


def index_settings() -> dict:
    """INDEX_SETTINGS for Wagtail's Elasticsearch backend: the Indonesian analysis."""
    analysis = copy.deepcopy(ELASTICSEARCH_ANALYSIS)
    analyzers = analysis["analysis"]["analyzer"]
    analyzers["default"] = copy.deepcopy(analyzers[ELASTICSEARCH_ANALYZER])
    return {"settings": analysis}


def backend_settings(url: str, index_prefix: str = "simfoni_") -> dict:
    """The WAGTAILSEARCH_BACKENDS["default"] entry when ELASTICSEARCH_URL is set."""
    return {
        "BACKEND": "wagtail.search.backends.elasticsearch8",
        "URLS": [url],
        "INDEX_PREFIX": index_prefix,
        "TIMEOUT": 10,
        "INDEX_SETTINGS": index_settings(),
    }


def _sort_clause(sort: str) -> list:
    by_period = [{"reference_period_filter": {"order": "desc"}}, {"id_filter": {"order": "desc"}}]
    return {
        "relevance": ["_score", *by_period],
        "period_desc": by_period,
        "period_asc": [{"reference_period_filter": {"order": "asc"}}, {"id_filter": "asc"}],
        "date_desc": [
            {"primary_source_date_filter": {"order": "desc", "missing": "_last"}},
            {"id_filter": {"order": "desc"}},
        ],
        "date_asc": [
            {"primary_source_date_filter": {"order": "asc", "missing": "_last"}},
            {"id_filter": {"order": "asc"}},
        ],
        "source_type": [
            {"primary_source_type_order_filter": {"order": "asc", "missing": "_last"}},
            *by_period,
        ],
        "coverage": [
            {"scope_id_filter": {"order": "asc"}},
            {"area_id_filter": {"order": "asc", "missing": "_first"}},
            *by_period,
        ],
    }[sort]


def facet_clause(params: SearchParams, name: str):
    """The filter of facet `name` (its values OR'ed), or None when nothing is selected."""
    values = getattr(params, name)
    return Q("terms", **{FIELDS[name]: list(values)}) if values else None


def filter_clauses(params: SearchParams, facets=True) -> list:
    """Every filter; without the id facets' own filters when `facets` is False."""
    clauses = [
        Q("term", _django_content_type=CONTENT_TYPE),
        Q("term", live_filter=True),
    ]
    if facets:
        clauses += [c for c in (facet_clause(params, n) for n in DISJUNCTIVE) if c is not None]
    period = {}
    if params.period_from:
        period["gte"] = params.period_from.isoformat()
    if params.period_to:
        period["lte"] = params.period_to.isoformat()
    if period:
        clauses.append(Q("range", **{RANGE_FILTERS["period"].document_field: period}))
    dates = {}
    if params.date_from:
        dates["gte"] = params.date_from.isoformat()
    if params.date_to:
        dates["lte"] = params.date_to.isoformat()
    if dates:
        clauses.append(Q("range", **{RANGE_FILTERS["date"].document_field: dates}))
    return clauses


def text_clause(terms):
    """The words of the query: every thesaurus group (any group with ``operator="or"``),
    each group matched by any of its variants, a variant of several words as a phrase."""
    from ..understanding import QueryTerms

    terms = QueryTerms.of(terms)
    groups = []
    for group in terms.groups:
        variants = [
            Q(
                "multi_match",
                query=" ".join(v),
                fields=TEXT_FIELDS,
                type="phrase" if len(v) > 1 else "best_fields",
                analyzer=ELASTICSEARCH_ANALYZER,
            )
            for v in group
        ]
        groups.append(
            variants[0]
            if len(variants) == 1
            else Q("bool", should=variants, minimum_should_match=1)
        )
    if len(groups) == 1:
        return groups[0]
    if terms.operator == "and":
        return Q("bool", must=groups)
    return Q("bool", should=groups, minimum_should_match=1)


def build_search(
    params: SearchParams, terms: str, index: str, offset: int, limit: int, with_facets=True
) -> Search:
    """One request: the page of hits, the exact total and every facet.

    Facets are disjunctive (see search/facets.py): with facets, the selected facet values
    filter the hits as a ``post_filter``, and each facet's aggregation sits in a ``filter``
    aggregation holding every selected facet filter except its own.
    """
    search = Search(index=index).extra(track_total_hits=True)[offset : offset + limit]
    search = search.source(["pk"])
    selected = (
        {name: facet_clause(params, name) for name in selected_facets(params)}
        if with_facets
        else {}
    )
    if selected:
        search = search.post_filter(Q("bool", filter=list(selected.values())))
    facet_filters = not selected
    if terms:
        query = text_clause(terms)
        search = search.query(
            Q("bool", must=[query], filter=filter_clauses(params, facets=facet_filters))
        )
        sort = params.effective_sort
    else:
        search = search.query(Q("bool", filter=filter_clauses(params, facets=facet_filters)))
        sort = params.effective_sort if params.effective_sort != "relevance" else "period_desc"
    search = search.sort(*_sort_clause(sort))
    if with_facets:
        for name in FACET_FIELDS:
            if name == "period":
                agg = A(
                    "date_histogram",
                    field=FIELDS[name],
                    calendar_interval="month",
                    min_doc_count=1,
                    format="yyyy-MM-dd",
                )
            else:
                size = KEYWORD_FACET_SIZE if name == "keyword" else FACET_SIZE
                agg = A("terms", field=FIELDS[name], size=size)
            others = [clause for other, clause in selected.items() if other != name]
            if not selected:
                search.aggs.bucket(name, agg)
                continue
            wrapper = A("filter", Q("bool", filter=others))
            wrapper.bucket("values", agg)
            if name == "keyword" and params.keyword:
                # A selected keyword outside the most frequent ones keeps its count.
                wrapper.bucket(
                    "selected", A("terms", field=FIELDS[name], include=list(params.keyword))
                )
            search.aggs.bucket(name, wrapper)
    return search


def parse_aggregations(aggs: dict) -> dict[str, dict]:
    import datetime

    out: dict[str, dict] = {}
    for name in FACET_FIELDS:
        agg = aggs.get(name) or {}
        # Disjunctive facets come wrapped in a filter aggregation (see build_search).
        buckets = agg.get("buckets", (agg.get("values") or {}).get("buckets", []))
        buckets = buckets + (agg.get("selected") or {}).get("buckets", [])
        if name == "period":
            out[name] = {
                datetime.date.fromisoformat(b["key_as_string"][:10]): b["doc_count"]
                for b in buckets
            }
        else:
            out[name] = {int(b["key"]): b["doc_count"] for b in buckets}
    return out


class ElasticsearchEngine(WagtailIndexSync):
    name = "elasticsearch"

    def __init__(self, backend):
        self.backend = backend

    def index_name(self):
        from phenomena.models import Phenomenon

        return self.backend.get_index_for_model(Phenomenon).name

    def search(self, queryset, params, terms, offset, limit, with_facets=True):
        from . import EngineResult

        body = build_search(params, terms, self.index_name(), offset, limit, with_facets)
        response = self.backend.es.search(index=self.index_name(), body=body.to_dict())
        hits = response["hits"]
        ids = [int(hit["_source"]["pk"]) for hit in hits["hits"]]
        # The database has the last word: a hit that is no longer approved is dropped.
        allowed = set(queryset.filter(pk__in=ids).values_list("pk", flat=True))
        facets = parse_aggregations(response.get("aggregations", {})) if with_facets else {}
        return EngineResult(
            ids=[i for i in ids if i in allowed], total=hits["total"]["value"], facets=facets
        )
