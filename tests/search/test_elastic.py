"""Elasticsearch: settings, mapping and query building (no server needed).

Behavioural tests run against a live server through the `search_backend` fixture when
ELASTICSEARCH_URL is set.
"""

import datetime

from modelsearch.backends.elasticsearch8 import Elasticsearch8Mapping

from phenomena.models import Phenomenon
from search.engines.elasticsearch import (
    backend_settings,
    build_search,
    filter_clauses,
    parse_aggregations,
)
from search.params import parse_params
from simfoni_text.analysis import ELASTICSEARCH_ANALYZER
from tests.search.conftest import SearchPhenomenonFactory


def test_backend_settings_carry_the_indonesian_analysis():
    conf = backend_settings("http://es.example:9200")
    assert conf["BACKEND"] == "wagtail.search.backends.elasticsearch8"
    assert conf["URLS"] == ["http://es.example:9200"]
    analyzers = conf["INDEX_SETTINGS"]["settings"]["analysis"]["analyzer"]
    assert analyzers[ELASTICSEARCH_ANALYZER]["tokenizer"] == "whitespace"
    # Wagtail's _all_text copy fields have no analyzer of their own: the default must match.
    assert analyzers["default"] == analyzers[ELASTICSEARCH_ANALYZER]


def test_settings_switch_to_elasticsearch_when_url_is_set(monkeypatch):
    import importlib

    import simfoni_site.settings.base as base

    monkeypatch.setenv("ELASTICSEARCH_URL", "http://es.example:9200")
    try:
        reloaded = importlib.reload(base)
        assert reloaded.WAGTAILSEARCH_BACKENDS["default"]["BACKEND"].endswith("elasticsearch8")
        monkeypatch.delenv("ELASTICSEARCH_URL")
        reloaded = importlib.reload(base)
        default = reloaded.WAGTAILSEARCH_BACKENDS["default"]
        assert default == {"BACKEND": "wagtail.search.backends.database", "SEARCH_CONFIG": "simple"}
    finally:
        importlib.reload(base)


def test_mapping_uses_the_preanalysed_text_analyzer():
    mapping = Elasticsearch8Mapping(Phenomenon).get_mapping()["properties"]
    for name in ("search_text_id", "search_title_id"):
        assert mapping[name]["analyzer"] == ELASTICSEARCH_ANALYZER
        assert mapping[name]["search_analyzer"] == ELASTICSEARCH_ANALYZER
    assert mapping["outlet_ids_filter"]["type"] == "integer"
    assert mapping["source_dates_filter"]["type"] == "date"
    assert mapping["reference_period_filter"]["type"] == "date"
    assert mapping["live_filter"]["type"] == "boolean"


def test_document_holds_analysed_text_and_child_values(db):
    phenomenon = SearchPhenomenonFactory(
        title="Kenaikan harga cabai", narrative="Pengangguran turun.", keywords=["Bawang Merah"]
    )
    doc = Elasticsearch8Mapping(Phenomenon).get_document(phenomenon)
    assert "naik" in doc["search_text_id"].split()
    assert "pengangguran" in doc["search_text_id"].split()
    assert "kompas" in doc["search_text_id"].split()  # outlet name
    assert doc["keyword_ids_filter"] == [t.pk for t in phenomenon.keywords.all()]
    assert doc["outlet_ids_filter"] == [phenomenon.sources.first().outlet_id]
    assert doc["live_filter"] is True


def test_one_request_has_query_filters_facets_and_histogram():
    params = parse_params(
        {
            "q": "x",
            "area": ["5", "6"],
            "period_from": "2024-01",
            "date_to": "2024-03-31",
            "outlet": "3",
            "keyword": "9",
            "sort": "date_desc",
            "page": "3",
            "per_page": "10",
        }
    )
    body = build_search(params, "naik harga", "simfoni_phenomena_phenomenon", 20, 10).to_dict()
    # Every word is required (one multi_match per word; see test_thesaurus_groups_…).
    words = body["query"]["bool"]["must"][0]["bool"]["must"]
    assert [w["multi_match"]["query"] for w in words] == ["naik", "harga"]
    filters = body["query"]["bool"]["filter"]
    assert {"term": {"live_filter": True}} in filters
    assert {"range": {"reference_period_filter": {"gte": "2024-01-01"}}} in filters
    assert {"range": {"source_dates_filter": {"lte": "2024-03-31"}}} in filters
    # Disjunctive facets: the ticked values filter the hits after the aggregations ...
    area = {"terms": {"area_id_filter": [5, 6]}}
    outlet = {"terms": {"outlet_ids_filter": [3]}}
    keyword = {"terms": {"keyword_ids_filter": [9]}}
    assert area not in filters and outlet not in filters
    assert body["post_filter"]["bool"]["filter"] == [area, outlet, keyword]
    # ... and each facet is counted with every other ticked facet, not its own.
    assert body["aggs"]["area"]["filter"]["bool"]["filter"] == [outlet, keyword]
    assert body["aggs"]["outlet"]["filter"]["bool"]["filter"] == [area, keyword]
    assert body["aggs"]["theme"]["filter"]["bool"]["filter"] == [area, outlet, keyword]
    assert body["aggs"]["keyword"]["aggs"]["selected"]["terms"]["include"] == [9]
    assert body["from"] == 20 and body["size"] == 10
    assert body["sort"][0] == {"primary_source_date_filter": {"order": "desc", "missing": "_last"}}
    assert set(body["aggs"]) == {
        "subject",
        "theme",
        "scope",
        "area",
        "period",
        "source_type",
        "outlet",
        "indicator",
        "keyword",
    }
    assert body["aggs"]["period"]["aggs"]["values"]["date_histogram"]["calendar_interval"] == (
        "month"
    )
    assert body["track_total_hits"] is True


def test_no_text_means_no_scoring_and_period_order():
    body = build_search(parse_params({}), "", "i", 0, 20).to_dict()
    assert "must" not in body["query"]["bool"]
    assert body["sort"][0] == {"reference_period_filter": {"order": "desc"}}
    assert filter_clauses(parse_params({}))[0].to_dict() == {
        "term": {"_django_content_type": "phenomena.Phenomenon"}
    }


def test_aggregations_are_read_back():
    aggs = {
        "area": {"buckets": [{"key": 5, "doc_count": 3}]},
        "period": {"buckets": [{"key_as_string": "2024-02-01", "key": 1, "doc_count": 2}]},
    }
    parsed = parse_aggregations(aggs)
    assert parsed["area"] == {5: 3}
    wrapped = {
        "keyword": {
            "doc_count": 4,
            "values": {"buckets": [{"key": 1, "doc_count": 4}]},
            "selected": {"buckets": [{"key": 9, "doc_count": 1}]},
        }
    }
    assert parse_aggregations(wrapped)["keyword"] == {1: 4, 9: 1}
    assert parsed["period"] == {datetime.date(2024, 2, 1): 2}
    assert parsed["keyword"] == {}


def test_thesaurus_groups_become_alternatives_and_phrases():
    from search.understanding import QueryTerms

    terms = QueryTerms([[("tpt",), ("tingkat", "pengangguran", "terbuka")], [("jakut",)]])
    body = build_search(parse_params({"q": "x"}), terms, "i", 0, 10, False).to_dict()
    tpt, jakut = body["query"]["bool"]["must"][0]["bool"]["must"]
    variants = tpt["bool"]["should"]
    assert tpt["bool"]["minimum_should_match"] == 1
    assert variants[0]["multi_match"]["query"] == "tpt"
    assert variants[1]["multi_match"] | {} == {
        **variants[1]["multi_match"],
        "query": "tingkat pengangguran terbuka",
        "type": "phrase",
    }
    assert jakut["multi_match"]["query"] == "jakut"
    # Relaxed matching's candidates: any group.
    body = build_search(parse_params({"q": "x"}), terms.any_group(), "i", 0, 10, False)
    assert body.to_dict()["query"]["bool"]["must"][0]["bool"]["minimum_should_match"] == 1
