"""Disjunctive facets on /cari/: values of one facet combine with OR and stay visible.

Each facet with a ticked value is counted with every other filter applied but not its own,
so ticking one Tema keeps the other themes listed, with the counts they would add. Runs on
every backend under test (SQLite FTS or the PostgreSQL search table, Elasticsearch when
ELASTICSEARCH_URL is set).
"""

import datetime

import pytest
from taggit.models import Tag

from phenomena.models import Scope, Theme
from search.params import parse_params
from search.service import run_search
from tests.search.conftest import SearchPhenomenonFactory, refresh_index

pytestmark = pytest.mark.usefixtures("search_backend")

PRICES = "Harga-harga (Inflasi)"
TOURISM = "Pariwisata"


def search(user, **query):
    return run_search(parse_params(query), user)


def facet(result, name):
    return {f.label: (f.count, f.selected) for f in result.facets[name]}


def theme_id(name):
    return Theme.objects.get(subject__code="ekonomi", name=name).pk


def area_id(code):
    return Scope.objects.get(code=code).pk


@pytest.fixture
def three_themes(db):
    """Prices: 2 (South, East), tourism: 1 (South), labour (another subject): 1 (East)."""
    SearchPhenomenonFactory(
        title="Harga beras naik", narrative="Beras naik.", area="3171", keywords=["beras"]
    )
    SearchPhenomenonFactory(
        title="Harga cabai naik", narrative="Cabai naik.", area="3172", keywords=["cabai"]
    )
    SearchPhenomenonFactory(
        title="Hotel penuh", narrative="Okupansi naik.", area="3171", theme=TOURISM
    )
    SearchPhenomenonFactory(
        title="Pengangguran turun",
        narrative="Kerja naik.",
        area="3172",
        subject="sosial",
        theme="Tenaga Kerja",
    )
    refresh_index()


def test_ticking_one_theme_keeps_the_other_themes_with_counts(viewer, three_themes):
    result = search(viewer, theme=theme_id(PRICES))
    assert result.total == 2
    assert facet(result, "theme") == {
        PRICES: (2, True),
        TOURISM: (1, False),
        "Tenaga Kerja": (1, False),
    }
    # Other facets are counted on the matches (the ticked theme applies to them).
    assert facet(result, "area") == {"Jakarta Selatan": (1, False), "Jakarta Timur": (1, False)}
    assert facet(result, "keyword") == {"beras": (1, False), "cabai": (1, False)}


def test_two_themes_combine_with_or(viewer, three_themes):
    result = search(viewer, theme=[theme_id(PRICES), theme_id(TOURISM)])
    assert result.total == 3
    assert sorted(h.title for h in result.hits) == [
        "Harga beras naik",
        "Harga cabai naik",
        "Hotel penuh",
    ]
    assert facet(result, "theme") == {
        PRICES: (2, True),
        TOURISM: (1, True),
        "Tenaga Kerja": (1, False),
    }


def test_each_facet_is_counted_with_the_other_facets_filters(viewer, three_themes):
    result = search(viewer, theme=theme_id(PRICES), area=area_id("3171"))
    assert [h.title for h in result.hits] == ["Harga beras naik"]
    # Themes among the South's phenomena; kab/kota among the price phenomena.
    assert facet(result, "theme") == {PRICES: (1, True), TOURISM: (1, False)}
    assert facet(result, "area") == {"Jakarta Selatan": (1, True), "Jakarta Timur": (1, False)}
    # A facet with nothing ticked follows every filter.
    assert facet(result, "keyword") == {"beras": (1, False)}
    # Words narrow every facet, the disjunctive ones too.
    worded = search(viewer, q="hotel", theme=theme_id(PRICES))
    assert worded.total == 0
    assert facet(worded, "theme") == {TOURISM: (1, False), PRICES: (0, True)}


def test_selected_keyword_outside_the_top_keeps_its_count(viewer, db):
    for i in range(27):
        SearchPhenomenonFactory(
            title=f"Harga komoditas {i}",
            narrative="Harga naik.",
            keywords=[f"umum{i:02d}", "harga"],
        )
    SearchPhenomenonFactory(title="Harga langka", narrative="Harga naik.", keywords=["zzlangka"])
    refresh_index()
    rare = Tag.objects.get(name="zzlangka").pk
    result = search(viewer, keyword=rare)
    assert result.total == 1
    counts = facet(result, "keyword")
    assert counts["zzlangka"] == (1, True)
    assert counts["harga"] == (27, False)


def test_search_page_links_another_theme_to_add_it(client, viewer, three_themes):
    client.force_login(viewer)
    prices, tourism = theme_id(PRICES), theme_id(TOURISM)
    html = client.get("/cari/", {"theme": prices}).content.decode()
    # The tourism entry of the Tema facet adds tourism to the ticked prices theme.
    assert f"theme={prices}&amp;theme={tourism}" in html
    both = client.get("/cari/", {"theme": [prices, tourism]}).content.decode()
    assert "Hotel penuh" in both and "Harga beras naik" in both


# --- Issue 21 item 3: no value of a draft is named on the search page -------------------


def test_keyword_only_on_a_draft_is_never_named(client, viewer, db):
    SearchPhenomenonFactory(title="Harga gula naik", narrative="Gula naik.", keywords=["gula"])
    SearchPhenomenonFactory(
        title="Rencana rahasia",
        narrative="Belum disetujui.",
        draft=True,
        keywords=["bocoranrahasia"],
    )
    refresh_index()
    secret = Tag.objects.get(name="bocoranrahasia").pk
    client.force_login(viewer)
    response = client.get("/cari/", {"keyword": secret})
    html = response.content.decode()
    assert response.status_code == 200
    assert "bocoranrahasia" not in html
    # The filter is still shown (unnamed), so it can be removed.
    assert "(nilai tidak dikenal)" in html
    result = search(viewer, keyword=secret)
    assert {f.label for f in result.facets["keyword"]} == {"(nilai tidak dikenal)", "gula"}
    assert "bocoranrahasia" not in {f.label for group in result.facets.values() for f in group}


def test_keyword_of_an_approved_phenomenon_is_named_even_with_no_match(client, viewer, db):
    SearchPhenomenonFactory(title="Harga gula naik", narrative="Gula naik.", keywords=["gula"])
    SearchPhenomenonFactory(
        title="Harga lama",
        narrative="Dulu.",
        reference_period=datetime.date(2023, 1, 1),
        keywords=["lamasekali"],
    )
    refresh_index()
    old = Tag.objects.get(name="lamasekali").pk
    client.force_login(viewer)
    html = client.get("/cari/", {"keyword": old, "period_from": "2024-01"}).content.decode()
    assert "lamasekali" in html  # the chip names it: it is on an approved phenomenon
