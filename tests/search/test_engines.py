"""One engine per deployment chosen by a setting; one declaration of the filters; frozen SQL;
the search kept by lifecycle subscribers after commit."""

import datetime
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.db import connection, transaction
from django.urls import reverse

from phenomena import filters, lifecycle
from phenomena.models import Phenomenon, SourceType
from search import engines, subscribers
from search.engines import elasticsearch as es_engine
from search.engines import pgtable
from search.engines.database import DatabaseEngine
from search.facets import DISJUNCTIVE, FACET_FIELDS
from search.params import ID_FILTERS, parse_params
from tests.search.conftest import SearchPhenomenonFactory

ON_POSTGRESQL = connection.vendor == "postgresql"


# -- The setting chooses the engine -----------------------------------------------------------


@pytest.mark.parametrize(
    ("setting", "url", "expected"),
    [
        ("", "", "pgtable" if ON_POSTGRESQL else "database"),
        ("", "http://127.0.0.1:9200", "elasticsearch"),
        ("database", "", "database"),
        ("database", "http://127.0.0.1:9200", "database"),
        ("elasticsearch", "http://127.0.0.1:9200", "elasticsearch"),
        (" Database ", "", "database"),
    ],
)
def test_the_setting_chooses_the_engine(settings, setting, url, expected):
    settings.SIMFONI_SEARCH_ENGINE = setting
    settings.ELASTICSEARCH_URL = url
    assert engines.engine_name() == expected
    assert engines.uses_wagtail_index() == (expected != "pgtable")


def test_get_engine_builds_the_chosen_engine(settings):
    settings.SIMFONI_SEARCH_ENGINE = "database"
    settings.ELASTICSEARCH_URL = ""
    assert isinstance(engines.get_engine(), DatabaseEngine)
    assert engines.get_engine().name == "database"
    assert isinstance(engines.get_engine("pgtable"), pgtable.PostgresTableEngine)


def test_an_unknown_engine_is_a_configuration_error(settings):
    settings.SIMFONI_SEARCH_ENGINE = "solr"
    with pytest.raises(ImproperlyConfigured):
        engines.engine_name()


@pytest.mark.skipif(ON_POSTGRESQL, reason="the search table exists on PostgreSQL")
def test_pgtable_needs_postgresql(settings):
    settings.SIMFONI_SEARCH_ENGINE = "pgtable"
    with pytest.raises(ImproperlyConfigured):
        engines.engine_name()


def test_settings_need_a_url_for_elasticsearch(monkeypatch):
    import importlib

    import simfoni_site.settings.base as base

    monkeypatch.setenv("SIMFONI_SEARCH_ENGINE", "elasticsearch")
    monkeypatch.delenv("ELASTICSEARCH_URL", raising=False)
    try:
        with pytest.raises(ImproperlyConfigured):
            importlib.reload(base)
    finally:
        monkeypatch.delenv("SIMFONI_SEARCH_ENGINE")
        importlib.reload(base)


def test_no_engine_is_chosen_by_sniffing_the_backend():
    source = (Path(engines.__file__).parent.parent / "service.py").read_text()
    assert "__module__" not in source and "PostgresIndexEngine" not in source


@pytest.mark.usefixtures("search_backend")
def test_run_search_reports_the_engine(viewer, db):
    from search.service import run_search

    SearchPhenomenonFactory(title="Harga cabai naik", narrative="Cabai rawit.")
    result = run_search(parse_params({"q": "cabai"}), viewer)
    assert result.backend == engines.engine_name() and result.total == 1


# -- One declaration of the filters ----------------------------------------------------------


def test_the_declaration_drives_params_facets_and_every_engine():
    names = tuple(filters.ID_FILTERS)
    assert ID_FILTERS == names == DISJUNCTIVE
    assert set(FACET_FIELDS) == {*names, "period"}
    assert set(pgtable.KEY_PREFIX) == set(names)
    assert set(es_engine.FIELDS) == {*names, "period"}
    for name, spec in filters.ID_FILTERS.items():
        assert pgtable.KEY_PREFIX[name] == spec.key
        assert es_engine.FIELDS[name] == spec.document_field
        assert FACET_FIELDS[name] == spec.own_field


def test_admin_list_and_queue_filters_come_from_the_declaration():
    from phenomena.viewsets import PhenomenonFilterSet
    from workflows.views import QueueFilterSet

    admin = PhenomenonFilterSet.base_filters
    assert admin["source_type"].field_name == filters.ID_FILTERS["source_type"].path
    assert admin["reference_period"].field_name == "reference_period"
    assert set(admin) == {"status", "subject", "theme", "scope", "area", "source_type",
                          "reference_period"}  # fmt: skip
    queue = QueueFilterSet.base_filters
    assert queue["subject"].field_name == "theme__subject"
    assert queue["theme"].field_name == "theme"
    assert queue["source_type"].field_name == "phenomenon__sources__source_type"
    assert queue["source_type"].distinct


def test_filters_apply_each_declared_filter(db):
    kompas = SearchPhenomenonFactory(
        title="Harga beras naik", narrative="Beras.", keywords=["beras"]
    )
    press = SearchPhenomenonFactory(
        title="Hotel penuh",
        narrative="Okupansi.",
        theme="Pariwisata",
        reference_period=datetime.date(2023, 1, 1),
        sources=(("siaran_pers", None, datetime.date(2023, 1, 5)),),
        indicators=(),
    )
    everything = Phenomenon.objects.filter(pk__in=[kompas.pk, press.pk])

    def found(**query):
        return set(filters.apply(everything, parse_params(query)).values_list("pk", flat=True))

    assert found() == {kompas.pk, press.pk}
    assert found(theme=press.theme_id) == {press.pk}
    assert found(theme=[press.theme_id, kompas.theme_id]) == {kompas.pk, press.pk}
    assert found(source_type=SourceType.objects.get(code="siaran_pers").pk) == {press.pk}
    assert found(keyword=kompas.keywords.get().pk) == {kompas.pk}
    assert found(indicator=kompas.indicator_links.get().indicator_id) == {kompas.pk}
    assert found(period_from="2024-01") == {kompas.pk}
    assert found(date_to="2023-12-31") == {press.pk}
    # Filters combine with AND.
    assert found(theme=press.theme_id, period_from="2024-01") == set()


# -- Migrations are history -------------------------------------------------------------------


def test_migrations_hold_their_own_sql():
    folder = Path(engines.__file__).parent.parent / "migrations"
    for migration in folder.glob("0*.py"):
        text = migration.read_text()
        assert "search.engines" not in text and "pgsearch" not in text, migration.name
        assert "from search import" not in text, migration.name


# -- Lifecycle subscribers, after commit ------------------------------------------------------


class RecordingEngine:
    def __init__(self):
        self.synced, self.removed = [], []

    def sync(self, ids):
        self.synced.append(list(ids))

    def remove(self, ids):
        self.removed.append(list(ids))


@pytest.fixture
def recording(monkeypatch):
    engine = RecordingEngine()
    monkeypatch.setattr(subscribers, "get_engine", lambda: engine)
    return engine


@pytest.mark.django_db
def test_merge_syncs_the_duplicate_and_its_survivor_after_commit(recording):
    with transaction.atomic():
        lifecycle.emit(lifecycle.MERGED, 7, survivor_id=3)
        assert recording.synced == []  # nothing before the commit
    assert recording.synced == [[7, 3]]


@pytest.mark.django_db
def test_a_rolled_back_publish_never_reaches_the_search(recording):
    with pytest.raises(RuntimeError), transaction.atomic():
        lifecycle.emit(lifecycle.PUBLISHED, 7)
        raise RuntimeError
    assert recording.synced == []


@pytest.mark.django_db
def test_delete_removes_and_unpublish_syncs(recording):
    lifecycle.emit(lifecycle.DELETED, 5)
    lifecycle.emit(lifecycle.UNPUBLISHED, 6)
    assert recording.removed == [[5]] and recording.synced == [[6]]


@pytest.mark.skipif(not ON_POSTGRESQL, reason="the search table exists on PostgreSQL only")
@pytest.mark.usefixtures("search_backend")
def test_wagtail_index_is_not_written_where_the_search_table_serves(db):
    from modelsearch.backends.database.postgres.postgres import IndexEntry

    assert Phenomenon.search_auto_update is False
    item = SearchPhenomenonFactory(title="Harga gula naik", narrative="Gula pasir.")
    assert not IndexEntry._default_manager.filter(object_id=str(item.pk)).exists()
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT count(*) FROM {pgtable.TABLE} WHERE id = %s", [item.pk])
        assert cursor.fetchone()[0] == 1


@pytest.mark.usefixtures("search_backend")
def test_the_admin_chooser_finds_approved_phenomena_by_title(client, admin_user, db):
    item = SearchPhenomenonFactory(title="Harga cabai merah naik", narrative="Pasokan berkurang.")
    SearchPhenomenonFactory(title="Tarif ojek naik", narrative="Aplikator.")
    client.force_login(admin_user)
    url = reverse("wagtailsnippetchoosers_phenomena_phenomenon:choose_results")
    response = client.get(url, {"q": "cabai"})
    assert response.status_code == 200
    assert [obj.pk for obj in response.context["results"]] == [item.pk]
