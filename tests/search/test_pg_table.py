"""The PostgreSQL search table stays in step with approval, and large result sets say so.

These run only on PostgreSQL (the table does not exist on SQLite, where Wagtail's FTS5
index serves search).
"""

import datetime
import importlib

import pytest
from django.core.management import call_command
from django.db import connection

from phenomena.duplicates.merge import merge
from phenomena.models import Outlet, PhenomenonSource, SourceType
from search.engines import pgtable as pgsearch
from search.params import parse_params
from search.service import run_search
from tests.search.conftest import SearchPhenomenonFactory

pytestmark = [
    pytest.mark.usefixtures("search_backend"),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="the search table exists on PostgreSQL only"
    ),
]


def row(pk):
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT tsv::text, outlet_ids, keyword_ids, source_date FROM {pgsearch.TABLE} "
            "WHERE id = %s",
            [pk],
        )
        return cursor.fetchone()


def found(user, word):
    return [hit.pk for hit in run_search(parse_params({"q": word}), user).hits]


def test_postgres_uses_the_search_table(viewer, db):
    shown = SearchPhenomenonFactory(
        title="Harga cabai rawit melonjak", narrative="Pasokan cabai berkurang."
    )
    result = run_search(parse_params({"q": "cabai"}), viewer)
    assert result.backend == "pgtable"
    assert [h.pk for h in result.hits] == [shown.pk]


def test_publish_edit_unpublish_delete(viewer, publisher, db):
    draft = SearchPhenomenonFactory(
        title="Tarif ojek daring naik", narrative="Aplikator menaikkan tarif.", draft=True
    )
    assert row(draft.pk) is None and found(viewer, "ojek") == []

    draft.get_latest_revision().publish(user=publisher)
    assert row(draft.pk) is not None
    assert found(viewer, "ojek") == [draft.pk]

    # An edit is only searchable once it is approved (published).
    edited = draft.get_latest_revision_as_object()
    edited.title = "Tarif bajaj naik"
    edited.narrative = "Pemilik bajaj menaikkan tarif."
    revision = edited.save_revision(user=publisher)
    assert found(viewer, "bajaj") == [] and found(viewer, "ojek") == [draft.pk]
    revision.publish(user=publisher)
    assert found(viewer, "bajaj") == [draft.pk] and found(viewer, "ojek") == []

    draft.refresh_from_db()
    draft.unpublish()
    assert row(draft.pk) is None and found(viewer, "bajaj") == []

    other = SearchPhenomenonFactory(title="Harga telur naik", narrative="Telur ayam ras naik.")
    assert found(viewer, "telur") == [other.pk]
    other.delete()
    assert row(other.pk) is None and found(viewer, "telur") == []


def test_merge_moves_sources_and_keywords_to_the_survivor(viewer, admin_user, publisher, db):
    survivor = SearchPhenomenonFactory(
        title="Harga bawang merah naik", narrative="Pasokan bawang seret."
    )
    duplicate = SearchPhenomenonFactory(
        title="Bawang merah mahal",
        narrative="Pasokan bawang dari Brebes turun.",
        keywords=["brebes"],
        sources=(("portal_berita", "Republika", datetime.date(2024, 5, 3)),),
    )
    republika = Outlet.objects.get(name="Republika").pk
    assert republika not in row(survivor.pk)[1]
    merge(survivor, duplicate, admin_user)
    assert row(duplicate.pk) is None
    assert republika in row(survivor.pk)[1]
    assert found(viewer, "brebes") == [survivor.pk]
    assert found(viewer, "republika") == [survivor.pk]


def test_source_changes_reach_filters_and_facets(viewer, publisher, db):
    item = SearchPhenomenonFactory(title="Okupansi hotel naik", narrative="Libur sekolah.")
    press = SourceType.objects.get(code="siaran_pers")
    by_type = parse_params({"source_type": press.pk})
    assert run_search(by_type, viewer).total == 0
    edited = item.get_latest_revision_as_object()
    edited.sources.add(PhenomenonSource(source_type=press, source_date=datetime.date(2024, 6, 2)))
    edited.save_revision(user=publisher).publish(user=publisher)
    result = run_search(by_type, viewer)
    assert [h.pk for h in result.hits] == [item.pk]
    assert {f.value: f.count for f in result.facets["source_type"]}[press.pk] == 1
    dated = parse_params({"date_from": "2024-06-01", "date_to": "2024-06-30"})
    assert run_search(dated, viewer).total == 1


def test_large_result_sets_are_estimated_and_say_so(settings, client, viewer, db):
    for n in range(6):
        SearchPhenomenonFactory(
            title=f"Harga beras naik {n}", narrative="Beras medium naik.", keywords=["beras"]
        )
    SearchPhenomenonFactory(title="Tarif tol naik", narrative="Tol dalam kota.")
    exact = run_search(parse_params({"q": "beras"}), viewer)
    assert exact.total == 6 and not exact.approximate_facets
    assert {f.label: f.count for f in exact.facets["keyword"]} == {"beras": 6}

    from django.core.cache import cache

    settings.SEARCH_EXACT_FACETS_LIMIT = 3
    settings.SEARCH_FACET_SAMPLE_ROWS = 1
    cache.clear()
    large = run_search(parse_params({"q": "beras"}), viewer)
    assert large.approximate_facets
    assert large.total > 3  # never less than the rows the first step counted
    assert len(large.hits) == 6  # the hits themselves are exact

    # With a sample as large as the result set the estimate is the exact count.
    settings.SEARCH_FACET_SAMPLE_ROWS = 10_000
    cache.clear()
    whole = run_search(parse_params({"q": "beras"}), viewer)
    assert whole.total == 6 and not whole.approximate_facets

    settings.SEARCH_FACET_SAMPLE_ROWS = 1
    cache.clear()
    client.force_login(viewer)
    html = client.get("/cari/", {"q": "beras"}).content.decode()
    assert "dari sekitar" in html and "perkiraan (±)" in html


def test_rebuild_command_refills_the_table(viewer, capsys, db):
    SearchPhenomenonFactory(title="Harga gula pasir naik", narrative="Gula pasir naik.")
    SearchPhenomenonFactory(title="Draf gula", narrative="Belum disetujui.", draft=True)
    with connection.cursor() as cursor:
        cursor.execute(f"TRUNCATE {pgsearch.TABLE}")
    assert found(viewer, "gula") == []
    call_command("rebuild_search_table")
    out = capsys.readouterr().out
    assert "1/1 fenomena" in out and "berisi 1 fenomena" in out
    assert len(found(viewer, "gula")) == 1


def ids_of(user, **params):
    return [hit.pk for hit in run_search(parse_params(params), user).hits]


def test_period_and_date_ranges_across_years(viewer, db):
    """Ranges become month/year keys for the index; the SQL beside them keeps days exact."""
    day = datetime.date
    made = {
        period: SearchPhenomenonFactory(
            title=f"Harga telur {period:%Y-%m}",
            narrative="Harga telur naik.",
            reference_period=period,
            sources=(("portal_berita", "Kompas.com", period.replace(day=source_day)),),
        )
        for period, source_day in (
            (day(2023, 11, 1), 3),
            (day(2024, 1, 1), 20),
            (day(2024, 6, 1), 9),
            (day(2025, 2, 1), 28),
        )
    }
    pk = {period.strftime("%Y-%m"): obj.pk for period, obj in made.items()}
    by_period = ids_of(viewer, q="telur", period_from="2023-11", period_to="2025-01")
    assert sorted(by_period) == sorted([pk["2023-11"], pk["2024-01"], pk["2024-06"]])
    # A range too long for keys is still answered (by the SQL condition alone).
    assert len(ids_of(viewer, q="telur", period_from="1900-02", period_to="2099-11")) == 4
    assert ids_of(viewer, period_from="2025-01") == [pk["2025-02"]]
    # Days inside a month: 2023-11-03 is out, 2024-01-20 is in.
    by_date = ids_of(viewer, date_from="2023-11-10", date_to="2024-01-31", sort="period_asc")
    assert by_date == [pk["2024-01"]]


def test_key_query_names_every_filter():
    params = parse_params(
        {
            "theme": ["3", "4"],
            "area": "7",
            "keyword": "9",
            "period_from": "2023-11",
            "period_to": "2025-01",
        }
    )
    query = pgsearch.key_query(params)
    assert "('t=3' | 't=4')" in query and "'a=7'" in query and "'k=9'" in query
    assert "('p=2023-11' | 'p=2023-12' | 'y=2024' | 'p=2025-01')" in query
    assert pgsearch.key_query(parse_params({})) == ""


@pytest.fixture
def many_tolls(db):
    """48 approved phenomena about "tol" with varied periods, areas, sources and titles."""
    made = []
    for n in range(48):
        made.append(
            SearchPhenomenonFactory(
                title=f"Tarif tol naik {n}" if n % 5 == 0 else f"Kemacetan kota {n}",
                narrative="Tarif tol dalam kota naik.",
                reference_period=datetime.date(2021 + n % 4, 1 + (n * 7) % 12, 1),
                area=("3171", "3172", "3175", None)[n % 4],
                sources=(
                    (
                        ("fgd", "siaran_pers", "stakeholder")[n % 3],
                        None,
                        datetime.date(2021 + n % 3, 1 + n % 12, 1 + n % 27),
                    ),
                ),
            )
        )
    return made


def large_pages(settings, user, per_page, **params):
    """Every page of a search on the large-result path (tiny limits force it)."""
    from django.core.cache import cache

    settings.SEARCH_EXACT_FACETS_LIMIT = 3
    settings.SEARCH_FACET_SAMPLE_ROWS = 2  # a 1/8 sample of 48 rows
    cache.clear()
    first = run_search(parse_params({**params, "per_page": per_page}), user)
    assert first.approximate_facets
    found, page = [h.pk for h in first.hits], 2
    while len(found) < 48 and page < 60:
        found += ids_of(user, **params, per_page=per_page, page=page)
        page += 1
    return found


@pytest.mark.parametrize("per_page", [2, 5])
def test_large_result_sets_keep_every_sort(settings, viewer, many_tolls, per_page):
    """Pages read from the region the sample points at are the pages of the full order."""
    for sort in ("period_desc", "period_asc", "date_desc", "date_asc", "source_type", "coverage"):
        settings.SEARCH_EXACT_FACETS_LIMIT = 5_000
        exact = ids_of(viewer, q="tol", sort=sort, per_page=100)
        assert len(exact) == 48
        assert large_pages(settings, viewer, per_page, q="tol", sort=sort) == exact, sort


def test_large_result_sets_rank_title_matches_first(settings, viewer, many_tolls):
    by_period = sorted(many_tolls, key=lambda p: (p.reference_period, p.pk), reverse=True)
    expected = [p.pk for p in by_period if "tol" in p.title.lower()]
    expected += [p.pk for p in by_period if "tol" not in p.title.lower()]
    assert large_pages(settings, viewer, 4, q="tol") == expected
    # The full ranking of a smaller result set also puts the title matches first.
    settings.SEARCH_EXACT_FACETS_LIMIT = 5_000
    exact = ids_of(viewer, q="tol", per_page=100)
    assert set(exact[:10]) == set(expected[:10])


@pytest.mark.parametrize("sort", ["relevance", "period_desc", "date_asc", "coverage"])
def test_pages_without_facets_have_their_own_smaller_limits(settings, viewer, many_tolls, sort):
    """Without facets (the API's list), a page near the start has a smaller exact limit and
    sample of its own: its total is estimated sooner, its pages are still the full order's;
    past that limit, and with facets (/cari/), the facets' limits apply."""
    from django.core.cache import cache

    settings.SEARCH_EXACT_FACETS_LIMIT = 5_000
    exact = ids_of(viewer, q="tol", sort=sort, per_page=100)
    assert len(exact) == 48
    settings.SEARCH_EXACT_LIMIT_WITHOUT_FACETS = 20
    settings.SEARCH_SAMPLE_ROWS_WITHOUT_FACETS = 2
    cache.clear()
    found = []
    for page in range(1, 11):
        params = parse_params({"q": "tol", "sort": sort, "per_page": 5, "page": page})
        result = run_search(params, viewer, with_facets=False, with_hits=False)
        assert result.approximate_total == (page <= 4), page
        found += result.ids
    assert found == exact
    with_facets = run_search(parse_params({"q": "tol", "sort": sort, "per_page": 5}), viewer)
    assert not with_facets.approximate_total and with_facets.total == 48


def test_first_version_table_gets_its_keys(viewer, db):
    """Migration 0002 turns a words-only table (the first version) into the keyed one."""
    item = SearchPhenomenonFactory(
        title="Harga bawang merah naik", narrative="Panen mundur.", area="3172"
    )
    area_id = item.area_id
    assert ids_of(viewer, area=area_id) == [item.pk]
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {pgsearch.TABLE} SET tsv = ts_delete(tsv, ARRAY(SELECT l FROM "
            "unnest(tsvector_to_array(tsv)) l WHERE l LIKE '%%=%%'))"
        )
        cursor.execute(f"ALTER TABLE {pgsearch.TABLE} ADD COLUMN bucket smallint")
        cursor.execute(f"CREATE INDEX {pgsearch.TABLE}_bucket ON {pgsearch.TABLE} (bucket)")
    assert ids_of(viewer, area=area_id) == []
    keys = importlib.import_module("search.migrations.0002_search_keys")
    with connection.cursor() as cursor:
        keys.add_keys(cursor)
    assert ids_of(viewer, area=area_id) == [item.pk]
    assert ids_of(viewer, q="bawang", area=area_id) == [item.pk]


def test_disjunctive_facet_of_a_large_set_is_sampled_but_the_total_stays_exact(
    settings, client, viewer, db
):
    from django.core.cache import cache

    from phenomena.models import Theme

    for n in range(8):
        SearchPhenomenonFactory(title=f"Harga beras naik {n}", narrative="Beras medium naik.")
    SearchPhenomenonFactory(title="Hotel penuh", narrative="Okupansi naik.", theme="Pariwisata")
    with connection.cursor() as cursor:
        cursor.execute(f"ANALYZE {pgsearch.TABLE}")
    tourism = Theme.objects.get(name="Pariwisata").pk
    params = parse_params({"theme": tourism})
    exact = run_search(params, viewer)
    assert exact.total == 1 and not exact.approximate_facets
    assert {f.label: f.count for f in exact.facets["theme"]} == {
        "Pariwisata": 1,
        "Harga-harga (Inflasi)": 8,
    }

    # The theme facet is counted over every phenomenon (9 rows, above 4 x 1): sampled.
    settings.SEARCH_EXACT_FACETS_LIMIT = 1
    settings.SEARCH_FACET_SAMPLE_ROWS = 1
    cache.clear()
    sampled = run_search(params, viewer)
    assert sampled.approximate_facets and not sampled.approximate_total
    assert sampled.total == 1 and len(sampled.hits) == 1
    # The ticked value's own count comes from the matches: exact, never lost by sampling.
    assert {f.label: f.count for f in sampled.facets["theme"]}["Pariwisata"] == 1
    client.force_login(viewer)
    html = client.get("/cari/", {"theme": tourism}).content.decode()
    assert "±" in html and "sekitar" not in html

    # A result set above the limit (the large-result path) keeps the ticked value's count.
    prices = Theme.objects.get(name="Harga-harga (Inflasi)").pk
    large = run_search(parse_params({"theme": prices}), viewer)
    assert len(large.hits) == 8 and large.approximate_facets
    assert {f.label: f.count for f in large.facets["theme"]}["Harga-harga (Inflasi)"] == 8
