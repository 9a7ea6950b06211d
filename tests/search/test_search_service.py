"""Behaviour of search (run_search) on every available backend."""

import datetime

import pytest

from phenomena.models import Direction, Indicator, Outlet, Scope, SourceType, Subject, Theme
from search.params import parse_params
from search.service import export_hits, run_search
from tests.search.conftest import SearchPhenomenonFactory, refresh_index

pytestmark = pytest.mark.usefixtures("search_backend")


def search(user, **query):
    return run_search(parse_params(query), user)


def titles(result):
    return [hit.title for hit in result.hits]


def facet_counts(result, name):
    return {f.label: f.count for f in result.facets[name]}


@pytest.fixture
def grapes_and_jobs(db):
    jobs = SearchPhenomenonFactory(
        title="Tingkat pengangguran terbuka turun",
        narrative="Pengangguran di Jakarta berkurang karena lapangan kerja baru di sektor jasa.",
        subject="sosial",
        theme="Tenaga Kerja",
        indicators=(),
    )
    grapes = SearchPhenomenonFactory(
        title="Harga anggur impor melonjak",
        narrative="Pedagang buah menjual anggur lebih mahal menjelang Imlek.",
    )
    refresh_index()
    return jobs, grapes


def test_stemming_does_not_confuse_unemployment_with_grapes(viewer, grapes_and_jobs):
    jobs, grapes = grapes_and_jobs
    assert titles(search(viewer, q="pengangguran")) == [jobs.title]
    assert titles(search(viewer, q="anggur")) == [grapes.title]


def test_query_words_are_stemmed_like_the_text(viewer, db):
    rise = SearchPhenomenonFactory(
        title="Harga beras naik di pasar induk", narrative="Harga beras medium naik tajam."
    )
    SearchPhenomenonFactory(
        title="Tarif angkutan udara turun", narrative="Tiket pesawat lebih murah setelah Lebaran."
    )
    refresh_index()
    assert titles(search(viewer, q="kenaikan harga")) == [rise.title]
    assert titles(search(viewer, q="KENAIKAN HARGA")) == [rise.title]


def test_place_names_do_not_collide(viewer, db):
    south = SearchPhenomenonFactory(
        title="Harga sayur di Jakarta Selatan stabil",
        narrative="Pasar di Jakarta Selatan ramai pembeli.",
    )
    strait = SearchPhenomenonFactory(
        title="Penyeberangan Selat Sunda padat",
        narrative="Antrean kendaraan di pelabuhan Merak mengular.",
    )
    refresh_index()
    assert titles(search(viewer, q="Jakarta Selatan")) == [south.title]
    assert titles(search(viewer, q="selat sunda")) == [strait.title]


def test_spelling_variants_and_accents(viewer, db):
    chili = SearchPhenomenonFactory(
        title="Harga cabe rawit melonjak", narrative="Pasokan cabe dari Jawa Tengah berkurang."
    )
    cafe = SearchPhenomenonFactory(
        title="Kafe baru di Kemang", narrative="Kopi dan café menjamur di Jakarta Selatan."
    )
    refresh_index()
    assert titles(search(viewer, q="cabai")) == [chili.title]
    assert titles(search(viewer, q="Cabe")) == [chili.title]
    assert titles(search(viewer, q="cafe")) == [cafe.title]
    assert titles(search(viewer, q="CAFÉ")) == [cafe.title]


@pytest.mark.parametrize("word", ["naik", "turun", "bulan", "lebih", "jumlah"])
def test_meaning_words_are_searchable(viewer, word, db):
    hit = SearchPhenomenonFactory(
        title=f"Fenomena kata {word}", narrative=f"Angka {word} dibanding periode lalu."
    )
    SearchPhenomenonFactory(
        title="Fenomena lain sama sekali", narrative="Tidak ada kata yang dicari di sini."
    )
    refresh_index()
    assert titles(search(viewer, q=word)) == [hit.title]


def test_keywords_and_outlet_names_are_searchable(viewer, db):
    tagged = SearchPhenomenonFactory(
        title="Judul tanpa kata", narrative="Narasi tanpa kata.", keywords=["bawang putih"]
    )
    outlet = SearchPhenomenonFactory(
        title="Berita lain",
        narrative="Narasi lain.",
        sources=(("portal_berita", "Republika", datetime.date(2024, 5, 3)),),
    )
    refresh_index()
    assert titles(search(viewer, q="bawang putih")) == [tagged.title]
    assert titles(search(viewer, q="republika")) == [outlet.title]


def test_drafts_never_leak(viewer, db):
    SearchPhenomenonFactory(
        title="Inflasi beras draf", narrative="Harga beras naik.", draft=True, keywords=["beras"]
    )
    approved = SearchPhenomenonFactory(
        title="Inflasi beras disetujui", narrative="Harga beras naik."
    )
    refresh_index()
    for result in (search(viewer, q="beras"), search(viewer)):
        assert titles(result) == [approved.title]
        assert result.total == 1
        counts = [f.count for group in result.facets.values() for f in group]
        assert counts and max(counts) == 1
        assert facet_counts(result, "keyword") == {}  # the only keyword was on the draft
    hits, total = export_hits(parse_params({"q": "beras"}), viewer)
    assert [h.title for h in hits] == [approved.title] and total == 1


def test_unpublish_and_delete_remove_from_results(viewer, db):
    gone = SearchPhenomenonFactory(title="Harga telur ayam naik", narrative="Telur ayam ras naik.")
    deleted = SearchPhenomenonFactory(title="Harga telur bebek naik", narrative="Telur bebek naik.")
    refresh_index()
    assert search(viewer, q="telur").total == 2
    gone.unpublish()
    deleted.delete()
    refresh_index()
    assert search(viewer, q="telur").total == 0


def test_each_filter_narrows(viewer, db):
    base = dict(narrative="Harga naik.")
    a = SearchPhenomenonFactory(
        title="A",
        **base,
        area="3171",
        reference_period=datetime.date(2024, 3, 1),
        keywords=["beras"],
        sources=(("portal_berita", "Kompas.com", datetime.date(2024, 3, 5)),),
    )
    b = SearchPhenomenonFactory(
        title="B",
        **base,
        area="3172",
        reference_period=datetime.date(2024, 5, 1),
        subject="sosial",
        theme="Tenaga Kerja",
        keywords=["upah"],
        sources=(("fgd", None, datetime.date(2024, 5, 20)),),
        indicators=(("Perkembangan Pariwisata", Direction.TURUN),),
    )
    refresh_index()
    ids = lambda **f: {h.pk for h in search(viewer, **f).hits}  # noqa: E731
    assert ids() == {a.pk, b.pk}
    assert ids(subject=Subject.objects.get(code="sosial").pk) == {b.pk}
    assert ids(theme=Theme.objects.get(name="Harga-harga (Inflasi)").pk) == {a.pk}
    assert ids(scope=Scope.objects.get(code="kabkota").pk) == {a.pk, b.pk}
    assert ids(scope=Scope.objects.get(code="dki").pk) == set()
    assert ids(area=Scope.objects.get(code="3171").pk) == {a.pk}
    assert ids(area=[Scope.objects.get(code="3171").pk, Scope.objects.get(code="3172").pk]) == {
        a.pk,
        b.pk,
    }
    assert ids(source_type=SourceType.objects.get(code="fgd").pk) == {b.pk}
    assert ids(outlet=Outlet.objects.get(name="Kompas.com").pk) == {a.pk}
    assert ids(indicator=Indicator.objects.get(name="Perkembangan Pariwisata").pk) == {b.pk}
    from taggit.models import Tag

    assert ids(keyword=Tag.objects.get(name="upah").pk) == {b.pk}
    assert ids(period_from="2024-04", period_to="2024-12") == {b.pk}
    assert ids(period_to="2024-03") == {a.pk}
    assert ids(date_from="2024-05-01") == {b.pk}
    assert ids(date_from="2024-03-01", date_to="2024-03-31") == {a.pk}
    assert ids(q="harga", area=Scope.objects.get(code="3172").pk) == {b.pk}


def test_facet_counts_follow_the_query(viewer, db):
    SearchPhenomenonFactory(
        title="Harga beras naik", narrative="Beras medium naik.", area="3171", keywords=["beras"]
    )
    SearchPhenomenonFactory(
        title="Harga beras turun", narrative="Beras premium turun.", area="3172", keywords=["beras"]
    )
    SearchPhenomenonFactory(
        title="Hotel penuh",
        narrative="Okupansi hotel naik.",
        area="3171",
        subject="ekonomi",
        theme="Pariwisata",
        sources=(("fgd", None, datetime.date(2024, 5, 2)),),
    )
    refresh_index()
    everything = search(viewer)
    assert facet_counts(everything, "area") == {"Jakarta Selatan": 2, "Jakarta Timur": 1}
    assert facet_counts(everything, "source_type") == {
        "Portal Berita Online": 2,
        "Focus Group Discussion": 1,
    }
    assert facet_counts(everything, "period") == {"Mei 2024": 3}
    rice = search(viewer, q="beras")
    assert facet_counts(rice, "area") == {"Jakarta Selatan": 1, "Jakarta Timur": 1}
    assert facet_counts(rice, "theme") == {"Harga-harga (Inflasi)": 2}
    assert facet_counts(rice, "keyword") == {"beras": 2}
    assert facet_counts(rice, "outlet") == {"Kompas.com": 2}
    hotel = search(viewer, q="hotel")
    assert facet_counts(hotel, "source_type") == {"Focus Group Discussion": 1}
    # A selected value stays visible, marked, with its count, and so do its siblings
    # (values of one facet combine with OR: disjunctive facets).
    south = Scope.objects.get(code="3171").pk
    narrowed = search(viewer, q="beras", area=south)
    assert [(f.label, f.count, f.selected) for f in narrowed.facets["area"]] == [
        ("Jakarta Selatan", 1, True),
        ("Jakarta Timur", 1, False),
    ]


def test_sorting(viewer, db):
    old = SearchPhenomenonFactory(
        title="Harga lama",
        narrative="Harga naik harga naik harga naik.",
        reference_period=datetime.date(2023, 1, 1),
        sources=(("fgd", None, datetime.date(2024, 6, 1)),),
    )
    new = SearchPhenomenonFactory(
        title="Kabar baru",
        narrative="Harga naik.",
        reference_period=datetime.date(2024, 6, 1),
        area="3172",
        sources=(("portal_berita", "Kompas.com", datetime.date(2024, 6, 3)),),
    )
    mid = SearchPhenomenonFactory(
        title="Harga tengah tahun",
        narrative="Harga naik.",
        reference_period=datetime.date(2023, 7, 1),
        sources=(("siaran_pers", None, datetime.date(2023, 7, 15)),),
    )
    refresh_index()
    order = lambda sort, q="harga": [h.pk for h in search(viewer, q=q, sort=sort).hits]  # noqa: E731
    assert order("period_desc") == [new.pk, mid.pk, old.pk]
    assert order("period_asc") == [old.pk, mid.pk, new.pk]
    assert order("date_desc") == [new.pk, old.pk, mid.pk]
    assert order("date_asc") == [mid.pk, old.pk, new.pk]
    type_order = {s.pk: s.sort_order for s in SourceType.objects.all()}
    by_type = sorted([old, new, mid], key=lambda p: (type_order[p.sources.first().source_type_id]))
    assert order("source_type") == [p.pk for p in by_type]
    cov = order("coverage")
    assert cov.index(new.pk) == 2  # kab/kota after province-wide
    relevance = order("relevance")
    assert set(relevance) == {old.pk, new.pk, mid.pk}
    assert relevance[-1] == new.pk  # "harga" only in the narrative, not in the title


def test_pagination(viewer, db):
    for i in range(5):
        SearchPhenomenonFactory(
            title=f"Harga komoditas {i}",
            narrative="Harga naik.",
            reference_period=datetime.date(2024, i + 1, 1),
        )
    refresh_index()
    first = search(viewer, q="harga", per_page=2, sort="period_asc")
    second = search(viewer, q="harga", per_page=2, sort="period_asc", page=2)
    last = search(viewer, q="harga", per_page=2, sort="period_asc", page=99)
    assert first.total == 5 and first.page.num_pages == 3
    assert titles(first) == ["Harga komoditas 0", "Harga komoditas 1"]
    assert titles(second) == ["Harga komoditas 2", "Harga komoditas 3"]
    assert titles(last) == ["Harga komoditas 4"] and last.page.number == 3


BAD_QUERIES = [
    "",
    "   ",
    "a" * 5000,
    "harga " * 1000,
    '"harga naik',
    "harga AND OR NOT naik",
    "(harga) && || ! naik*",
    "'; DROP TABLE phenomena_phenomenon; --",
    "1' OR '1'='1",
    'title:harga^3 AND narrative:"naik"~2',
    "[* TO *] {a TO b} harga/naik\\",
    "NEAR(harga naik) harga*",
    "\x00\x01 harga",
    "💥🔥 harga",
    "yang dan di ke",
]


@pytest.mark.parametrize("query", BAD_QUERIES)
def test_bad_queries_never_fail(viewer, query, db):
    SearchPhenomenonFactory(title="Harga beras naik", narrative="Harga beras naik di pasar.")
    refresh_index()
    result = search(viewer, q=query)
    assert result.total >= 0
    if query.strip() and not result.terms:
        assert result.messages  # "nothing searchable" is said, not an error
