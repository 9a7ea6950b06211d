"""Search that understands how BPS staff write (issue #12), on the automatic engine of the
database under test (database on SQLite, pgtable on PostgreSQL; Elasticsearch when set).

Each kind of miss: abbreviations and synonyms both ways, kab/kota and periods typed in the
query (as removable filter chips), question words, safe derivation, relaxed matching with
its message, "Maksud Anda", thesaurus edits without a restart, and the stemming traps.
"""

import datetime
from urllib.parse import parse_qs, urlsplit

import pytest
from django.utils import timezone

from phenomena.models import Scope
from search.models import SynonymGroup
from search.params import parse_params
from search.service import export_hits, run_search
from tests.factories import AdminFactory, ViewerFactory
from tests.search.conftest import SearchPhenomenonFactory, refresh_index

pytestmark = pytest.mark.django_db


def area(code):
    return Scope.objects.get(code=code)


def kabkota():
    return Scope.objects.filter(parent__isnull=False).first().parent


@pytest.fixture
def corpus(search_backend, publisher):
    """A small set of phenomena written the way the news and FGD notes write them."""
    made = {}

    def make(key, title, narrative, code=None, period=datetime.date(2024, 10, 1), keywords=()):
        extra = {"area": code} if code else {}
        made[key] = SearchPhenomenonFactory(
            title=title, narrative=narrative, reference_period=period, keywords=keywords, **extra
        )

    make(
        "ihk",
        "IHK Okt 2024 naik dipicu cabai merah",
        "Indeks naik 0,3 persen karena pasokan cabai merah dari Jawa Barat berkurang.",
        code="3171",
    )
    make(
        "tpt",
        "Tingkat pengangguran terbuka turun di Jakarta Utara",
        "Sektor logistik pelabuhan menyerap pencari kerja baru.",
        code="3175",
        period=datetime.date(2024, 8, 1),
    )
    make(
        "wisman",
        "Kunjungan turis asing turun setelah libur sekolah",
        "Hotel di kawasan Kemayoran mencatat okupansi rendah sepanjang bulan.",
        code="3171",
        period=datetime.date(2024, 7, 1),
    )
    make(
        "bbm",
        "Kenaikan harga bahan bakar minyak mendorong tarif ojek",
        "Pengemudi menaikkan tarif setelah harga Pertalite naik.",
        code="3174",
        period=datetime.date(2023, 9, 1),
    )
    make(
        "lebaran",
        "Permintaan daging sapi melonjak menjelang Idulfitri",
        "Pedagang di pasar tradisional menaikkan harga daging.",
        code="3172",
        period=datetime.date(2024, 4, 1),
    )
    make(
        "ekspor",
        "Eksportir garmen mengeluhkan permintaan global yang lesu",
        "Pabrik tekstil di Cakung mengurangi jam kerja.",
        code="3172",
        period=datetime.date(2024, 10, 1),
    )
    # The traps: words a careless stemmer or a loose match would confuse.
    make(
        "anggur",
        "Harga anggur impor naik di pasar buah",
        "Pedagang buah menyebut kurs rupiah melemah.",
        code="3174",
    )
    make(
        "selat",
        "Nelayan Selat Sunda mengeluhkan cuaca",
        "Tangkapan ikan berkurang karena gelombang tinggi di selat.",
        period=datetime.date(2024, 10, 1),
    )
    refresh_index()
    return made


def search(q, user=None, **filters):
    params = parse_params({"q": q, **filters})
    return run_search(params, user or ViewerFactory())


def ids(result):
    return [p.pk for p in result.hits]


# ---------------------------------------------------------------------------
# Abbreviations and synonyms, both directions
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "query, key",
    [
        ("indeks harga konsumen", "ihk"),  # the text says "IHK"
        ("TPT", "tpt"),  # the text says "tingkat pengangguran terbuka"
        ("wisman", "wisman"),  # the text says "turis asing"
        ("wisatawan mancanegara", "wisman"),
        ("BBM", "bbm"),  # "bahan bakar minyak"
        ("daging lebaran", "lebaran"),  # "Idulfitri"
        ("ekspor garmen", "ekspor"),  # "Eksportir"
    ],
)
def test_abbreviations_and_synonyms_find_the_other_form(corpus, query, key):
    result = search(query)
    assert ids(result)[:1] == [corpus[key].pk], (query, [p.title for p in result.hits])
    assert not result.partial


def test_a_month_typed_in_full_finds_the_short_form_and_back(corpus):
    assert corpus["ihk"].pk in ids(search("cabai oktober"))
    # …and a short form in the query finds the full name in the text.
    corpus_text = SearchPhenomenonFactory(
        title="Inflasi Desember dipicu tarif angkutan udara", narrative="Libur Nataru."
    )
    refresh_index()
    assert corpus_text.pk in ids(search("inflasi des"))


# ---------------------------------------------------------------------------
# Places and periods typed in the query become filters (chips on the page)
# ---------------------------------------------------------------------------


def test_a_typed_kabkota_becomes_the_area_filter(corpus):
    result = search("harga Jakbar")
    assert result.params.area == (area("3174").pk,)
    assert [f.filter for f in result.understanding.found] == ["area"]
    assert ids(result) == [corpus["bbm"].pk, corpus["anggur"].pk] or set(ids(result)) == {
        corpus["bbm"].pk,
        corpus["anggur"].pk,
    }


def test_a_typed_month_and_year_becomes_the_period_filter(corpus):
    result = search("inflasi Okt 2024 cabai")
    assert result.params.period_from == result.params.period_to == datetime.date(2024, 10, 1)
    assert ids(result)[:1] == [corpus["ihk"].pk]
    # A year alone: the whole year.
    result = search("harga bbm 2023")
    assert (result.params.period_from, result.params.period_to) == (
        datetime.date(2023, 1, 1),
        datetime.date(2023, 12, 1),
    )
    assert ids(result) == [corpus["bbm"].pk]


def test_the_page_shows_typed_place_and_month_as_removable_chips(corpus, client):
    client.force_login(ViewerFactory())
    response = client.get("/cari/", {"q": "cabai Jaksel Oktober 2024"})
    assert response.status_code == 302
    target = urlsplit(response["Location"])
    query = parse_qs(target.query)
    assert query["q"] == ["cabai"]
    assert query["area"] == [str(area("3171").pk)]
    assert query["period_from"] == query["period_to"] == ["2024-10"]
    page = client.get(response["Location"])
    html = page.content.decode()
    assert "“jaksel” dipakai sebagai filter Kabupaten/Kota" in html
    assert "“oktober 2024” dipakai sebagai filter periode referensi" in html
    assert "dari “jaksel”" in html and "dari “oktober 2024”" in html
    assert [p.pk for p in page.context["result"].hits] == [corpus["ihk"].pk]
    # One click on the area chip drops it: the other kab/kota come back.
    chip = next(c for c in page.context["active_filters"] if c["typed"] == "jaksel")
    dropped = parse_qs(urlsplit(chip["url"]).query)
    assert "area" not in dropped and dropped["q"] == ["cabai"]
    assert dropped["period_from"] == ["2024-10"]
    wider = client.get("/cari/" + chip["url"])
    assert wider.status_code == 200 and not wider.context["result"].params.area
    assert "dipakai sebagai filter Kabupaten/Kota" not in wider.content.decode()


def test_a_place_typed_alone_is_searched_in_the_text_with_its_other_names(corpus):
    provincial = SearchPhenomenonFactory(
        title="Harga sayur stabil", narrative="Pasar-pasar di Jaksel ramai pembeli."
    )
    refresh_index()
    result = search("Jakarta Selatan")
    assert not result.params.area and not result.understanding.found
    assert provincial.pk in ids(result)


def test_the_export_understands_the_query_the_same_way(corpus):
    hits, total = export_hits(parse_params({"q": "harga Jakbar 2023"}), ViewerFactory())
    assert [p.pk for p in hits] == [corpus["bbm"].pk] and total == 1


def test_a_chosen_area_filter_is_not_overridden_by_a_typed_place(corpus):
    result = search("harga jaksel", area=[str(area("3174").pk)])
    assert result.params.area == (area("3174").pk,)
    assert not result.understanding.found


# ---------------------------------------------------------------------------
# Natural questions
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "query, key",
    [
        ("mengapa kunjungan wisatawan asing turun", "wisman"),
        ("dampak kenaikan harga BBM terhadap tarif ojek", "bbm"),
        ("apakah pengangguran turun", "tpt"),
    ],
)
def test_question_words_do_not_have_to_match(corpus, query, key):
    result = search(query)
    assert ids(result)[:1] == [corpus[key].pk], [p.title for p in result.hits]


# ---------------------------------------------------------------------------
# Relaxed matching
# ---------------------------------------------------------------------------


def test_no_empty_page_when_some_words_match_and_the_page_says_so(corpus, client):
    result = search("cabai merah gorengan renyah")
    assert result.partial and result.complete_total == 0
    assert ids(result)[:1] == [corpus["ihk"].pk]
    client.force_login(ViewerFactory())
    page = client.get("/cari/", {"q": "cabai merah gorengan renyah"})
    assert "Tidak ada yang memuat semua kata; menampilkan yang paling mendekati" in (
        page.content.decode()
    )


def test_partial_matches_are_ranked_by_words_covered_and_title_first(corpus, publisher):
    three_in_text = SearchPhenomenonFactory(
        title="Catatan pedagang", narrative="Pasokan daging sapi dan cabai tersendat."
    )
    two_in_text = SearchPhenomenonFactory(title="Catatan pasar", narrative="Daging sapi langka.")
    refresh_index()
    order = ids(search("daging sapi cabai"))
    # Three words anywhere beat two in the title, which beat the same two in the narrative;
    # one word of three (cabai alone) is below half the words and left out.
    assert order[:3] == [three_in_text.pk, corpus["lebaran"].pk, two_in_text.pk]


def test_complete_matches_come_first_then_partial_ones(corpus):
    scarce = SearchPhenomenonFactory(title="Daging sapi langka", narrative="Stok menipis.")
    refresh_index()
    result = search("daging sapi langka")
    assert result.complete_total == 1 and result.partial
    assert ids(result)[:2] == [scarce.pk, corpus["lebaran"].pk]
    assert "Hanya 1 fenomena memuat semua kata" in result.messages[-1]


# ---------------------------------------------------------------------------
# Traps: stay out of the results (and the top 20) even with relaxed matching
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "query, trap",
    [
        ("pengangguran", "anggur"),
        ("tingkat pengangguran terbuka cabai", "anggur"),
        ("nelayan Jakarta Selatan", "selat"),
        ("turis Jaksel oktober", "selat"),
    ],
)
def test_the_stemming_traps_stay_out(corpus, query, trap):
    assert corpus[trap].pk not in ids(search(query))


def test_kepulauan_and_pulau_but_not_anggur_for_pengangguran(corpus):
    island = SearchPhenomenonFactory(
        title="Kunjungan wisata ke pulau-pulau kecil naik", narrative="Kapal tambahan."
    )
    refresh_index()
    assert island.pk in ids(search("wisatawan kepulauan"))


# ---------------------------------------------------------------------------
# "Maksud Anda …?"
# ---------------------------------------------------------------------------


def test_a_misspelt_query_gets_a_suggestion(corpus, client):
    result = search("pengangguaran")
    assert result.total == 0
    assert result.suggestion == "pengangguran"
    client.force_login(ViewerFactory())
    html = client.get("/cari/", {"q": "kunjungn turis"}).content.decode()
    assert "Maksud Anda:" in html and "kunjungan turis" in html


def test_no_suggestion_when_the_words_are_known(corpus):
    assert search("cabai").suggestion == ""


# ---------------------------------------------------------------------------
# The thesaurus is data: admins edit it, the next search uses it
# ---------------------------------------------------------------------------


def test_a_thesaurus_edit_takes_effect_without_a_restart(corpus, client):
    koperasi = SearchPhenomenonFactory(
        title="Koperasi desa menyalurkan pupuk bersubsidi", narrative="Petani terbantu."
    )
    refresh_index()
    assert koperasi.pk not in ids(search("kopdes"))
    client.force_login(AdminFactory())
    response = client.post(
        "/admin/snippets/simfoni_search/synonymgroup/add/",
        {"terms": "kopdes, koperasi desa", "kind": "singkatan", "note": "", "active": "on"},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert ids(search("kopdes"))[:1] == [koperasi.pk]
    # Switched off again: the abbreviation no longer finds it.
    group = SynonymGroup.objects.get(terms__startswith="kopdes")
    group.active = False
    group.save()
    assert koperasi.pk not in ids(search("kopdes"))


def test_another_process_edit_is_seen_within_the_check_interval(corpus, settings, monkeypatch):
    """Searches do not ask the database whether the thesaurus changed more than once per
    SIMFONI_THESAURUS_CHECK_SECONDS; an edit made elsewhere (no signal here) is seen after."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from search import thesaurus

    settings.SIMFONI_THESAURUS_CHECK_SECONDS = 30
    clock = {"now": 1000.0}
    monkeypatch.setattr(thesaurus.time, "monotonic", lambda: clock["now"])
    koperasi = SearchPhenomenonFactory(
        title="Koperasi desa menyalurkan pupuk bersubsidi", narrative="Petani terbantu."
    )
    refresh_index()
    # Saved in this process: the next search uses it at once.
    group = SynonymGroup.objects.create(terms="kopdes, koperasi desa", kind="singkatan")
    assert ids(search("kopdes"))[:1] == [koperasi.pk]
    with CaptureQueriesContext(connection) as queries:
        thesaurus.current()
    assert not [q for q in queries if "synonymgroup" in q["sql"]]
    # Switched off by another process (an UPDATE, no signal in this one).
    SynonymGroup.objects.filter(pk=group.pk).update(active=False, updated_at=timezone.now())
    clock["now"] += 10
    assert ids(search("kopdes"))[:1] == [koperasi.pk]  # within the interval: not yet seen
    clock["now"] += 25
    assert koperasi.pk not in ids(search("kopdes"))


def test_a_group_needs_two_searchable_forms(client, db):
    client.force_login(AdminFactory())
    response = client.post(
        "/admin/snippets/simfoni_search/synonymgroup/add/",
        {"terms": "kopdes", "kind": "singkatan", "note": "x", "active": "on"},
    )
    assert response.status_code == 200
    assert "paling sedikit dua kata" in response.content.decode()
    assert 'value="x"' in response.content.decode()  # nothing typed is lost
    assert not SynonymGroup.objects.filter(note="x").exists()


def test_viewers_cannot_edit_the_thesaurus(client, db):
    client.force_login(ViewerFactory())
    response = client.post(
        "/admin/snippets/simfoni_search/synonymgroup/add/",
        {"terms": "a, b", "kind": "sinonim"},
    )
    assert response.status_code in (302, 403)
    assert not SynonymGroup.objects.filter(terms="a, b").exists()


def test_kabkota_abbreviations_come_from_the_areas(db):
    from search import thesaurus

    Scope.objects.create(code="3299", label="Kota Bandung Barat", parent=kabkota())
    groups = thesaurus.current().groups
    assert any(("bandung", "barat") in g and ("banbar",) in g for g in groups)
