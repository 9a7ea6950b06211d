"""The PostgreSQL search table stays in step with approval, and large result sets say so.

These run only on PostgreSQL (the table does not exist on SQLite, where Wagtail's FTS5
index serves search).
"""

import datetime

import pytest
from django.core.management import call_command
from django.db import connection

from phenomena.duplicates.merge import merge
from phenomena.models import Outlet, PhenomenonSource, SourceType
from search import pgsearch
from search.params import parse_params
from search.service import run_search

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


def test_postgres_uses_the_search_table(viewer, make_phenomenon):
    shown = make_phenomenon("Harga cabai rawit melonjak", "Pasokan cabai berkurang.")
    result = run_search(parse_params({"q": "cabai"}), viewer)
    assert result.backend == "postgres"
    assert [h.pk for h in result.hits] == [shown.pk]


def test_publish_edit_unpublish_delete(viewer, make_phenomenon, publisher):
    draft = make_phenomenon("Tarif ojek daring naik", "Aplikator menaikkan tarif.", approved=False)
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

    other = make_phenomenon("Harga telur naik", "Telur ayam ras naik.")
    assert found(viewer, "telur") == [other.pk]
    other.delete()
    assert row(other.pk) is None and found(viewer, "telur") == []


def test_merge_moves_sources_and_keywords_to_the_survivor(
    viewer, admin_user, make_phenomenon, publisher
):
    survivor = make_phenomenon("Harga bawang merah naik", "Pasokan bawang seret.")
    duplicate = make_phenomenon(
        "Bawang merah mahal",
        "Pasokan bawang dari Brebes turun.",
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


def test_source_changes_reach_filters_and_facets(viewer, make_phenomenon, publisher):
    item = make_phenomenon("Okupansi hotel naik", "Libur sekolah.")
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


def test_large_result_sets_are_estimated_and_say_so(settings, client, viewer, make_phenomenon):
    for n in range(6):
        make_phenomenon(f"Harga beras naik {n}", "Beras medium naik.", keywords=["beras"])
    make_phenomenon("Tarif tol naik", "Tol dalam kota.")
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


def test_rebuild_command_refills_the_table(viewer, make_phenomenon, capsys):
    make_phenomenon("Harga gula pasir naik", "Gula pasir naik.")
    make_phenomenon("Draf gula", "Belum disetujui.", approved=False)
    with connection.cursor() as cursor:
        cursor.execute(f"TRUNCATE {pgsearch.TABLE}")
    assert found(viewer, "gula") == []
    call_command("rebuild_search_table")
    out = capsys.readouterr().out
    assert "1/1 fenomena" in out and "berisi 1 fenomena" in out
    assert len(found(viewer, "gula")) == 1
