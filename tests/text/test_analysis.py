"""Tests for the shared Indonesian text analyser (no Django, no database)."""

import re
import time

import pytest

from simfoni_text.analysis import (
    ELASTICSEARCH_ANALYSIS,
    ELASTICSEARCH_ANALYZER,
    MAX_QUERY_TERMS,
    STOP_WORDS,
    analyse,
    analyse_query,
    analyse_to_string,
    normalise,
    protected_words,
    stem,
    tokens,
)

NARRATIVE = (
    "Inflasi DKI Jakarta pada bulan Mei 2024 tercatat sebesar 2,5 persen (yoy), lebih tinggi "
    "dibandingkan bulan sebelumnya. Kenaikan harga cabai merah, bawang putih dan beras menjadi "
    "penyumbang utama, seiring berkurangnya pasokan dari daerah sentra produksi akibat musim "
    "kemarau. Menurut pedagang di Pasar Induk Kramat Jati, harga-harga bahan pokok mulai naik "
    "sejak awal Ramadan karena permintaan masyarakat meningkat. Di sisi lain, tarif angkutan "
    "udara turun setelah libur Lebaran berakhir dan jumlah penumpang kembali normal. Tingkat "
    "pengangguran terbuka juga menurun, sementara pengeluaran rumah tangga untuk makanan naik."
)

# A safe query result: terms of letters/digits (dots only between digits), single spaces.
SAFE_QUERY_RE = re.compile(r"^(?:[^\W_]+(?:\.\d+)*(?: [^\W_]+(?:\.\d+)*)*)?$")


def shares_term(a: str, b: str) -> bool:
    return bool(set(analyse(a)) & set(analyse(b)))


# --- matching behaviour -------------------------------------------------------------


def test_kenaikan_harga_matches_harga_naik():
    assert set(analyse("kenaikan harga")) == set(analyse("harga naik"))
    assert set(analyse("Penurunan harga beras")) >= set(analyse("harga beras turun"))


def test_pengangguran_does_not_match_anggur():
    for word in ("pengangguran", "penganggur", "menganggur", "Pengangguran-nya"):
        assert not shares_term(word, "anggur"), word
    # ...but the unemployment family still matches itself.
    assert analyse("penganggur") == analyse("pengangguran") == analyse("menganggur")


def test_jakarta_selatan_does_not_match_selat():
    assert not shares_term("Jakarta Selatan", "Selat Sunda")
    assert "selatan" in analyse("JAKARTA SELATAN")
    for direction in ("utara", "barat", "timur", "tengah", "pusat"):
        assert analyse(direction) == [direction]


def test_cabai_and_cabe_are_the_same_term():
    assert analyse("cabe") == analyse("cabai") == analyse("Cabai") == ["cabai"]
    assert analyse("harga cabe rawit naik") == analyse("harga cabai rawit naik")


def test_penduduk_and_pendapatan_do_not_collide():
    assert not shares_term("penduduk", "duduk")
    assert analyse("kependudukan") == analyse("penduduk")
    assert not shares_term("pendapatan", "dapat")
    assert not shares_term("pendapatan", "mendapatkan")
    assert not shares_term("meningkat", "tingkat pengangguran")


def test_particles_on_protected_words():
    assert analyse("penduduknya") == ["penduduk"]
    assert analyse("penganggurannya") == ["pengangguran"]


# --- normalisation and tokens ---------------------------------------------------------


def test_accents_and_case():
    assert normalise("Café RÉSUMÉ Ñandú") == "cafe resume nandu"
    assert analyse("KENAIKAN Harga") == analyse("kenaikan harga")
    assert tokens("ﬁnansial") == ["finansial"]  # ligature
    assert analyse("Jakarta\u2013Selatan") == analyse("Jakarta-Selatan") == ["jakarta", "selatan"]


def test_reduplication():
    assert normalise("Harga-harga") == "harga"
    assert analyse("harga-harga naik") == ["harga", "naik"]
    assert analyse("buah-buahan") == analyse("buah")


def test_numbers_kept_and_unified():
    assert tokens("2,5 persen") == tokens("2.5 persen") == ["2.5", "persen"]
    assert analyse("inflasi 2,5%") == analyse("inflasi 2.5 %")
    assert "3171" in analyse("kode wilayah 3171")
    assert "1.250.000" in analyse("Rp1.250.000,")
    assert analyse("tahun 2024.") == ["tahun", "2024"]


def test_meaning_words_are_kept():
    meaning = (
        "naik turun meningkat menurun bulan tahun lebih kurang jumlah tinggi rendah baru "
        "besar kecil harga awal akhir tidak belum banyak sementara"
    ).split()
    for word in meaning:
        assert word not in STOP_WORDS, word
        assert analyse(word), word
    assert analyse("tidak naik") == ["tidak", "naik"]
    assert analyse("tak naik") == analyse("tidak naik")


def test_function_words_are_dropped():
    sample = "yang di ke dari dan atau ini itu pada untuk dengan dalam oleh akan telah sudah"
    assert analyse(sample) == []
    assert analyse("dengannya itulah apapun adalah tersebut para pun") == []
    # A content word that Sastrawi reduces to a function word keeps its own form.
    assert analyse("keadaan pengadaan perolehan") == ["keadaan", "pengadaan", "perolehan"]


def test_long_junk_tokens_dropped():
    assert analyse("a" * 500) == []


# --- stop words and protected words ---------------------------------------------------


def test_protected_words_map_to_their_stem():
    for word, fixed in protected_words().items():
        assert word not in STOP_WORDS, word
        assert analyse(word) == [fixed], word
        # The fixed stem is stable: typing the stem itself gives the same term.
        assert stem(fixed) == fixed, fixed


# Domain vocabulary (inflation, tourism, labour, poverty, trade, GDP, agriculture, transport,
# banking, places) and everyday words whose meaning is unrelated to any of it.
DOMAIN_WORDS = """
    inflasi deflasi kenaikan penurunan harga cabai beras bawang telur minyak tarif listrik
    makanan minuman pakaian perlengkapan perumahan pariwisata wisatawan kunjungan pengunjung
    penginapan penghunian hotel penerbangan pelabuhan angkutan penumpang perjalanan bandara
    pengangguran penganggur angkatan lapangan pekerjaan pekerja upah setengah dirumahkan
    pendapatan penghasilan pengeluaran kemiskinan penduduk kependudukan konsumsi
    perdagangan ekspor impor neraca pertumbuhan perekonomian investasi pertambangan
    pertanian petani peternakan perikanan perkebunan panen produksi
    keuangan perbankan kredit tabungan pinjaman simpanan anggaran pemerintah kebijakan
    subsidi pajak meningkat peningkatan menurun sepekan triwulan pengadaan perolehan
    jakarta selatan utara barat timur pusat bekasi tangerang depok bogor seribu kepulauan
    kemayoran penjaringan kembangan petamburan
""".split()

EVERYDAY_WORDS = """
    anggur duduk selat dapat hasil keluar tingkat lapang angkat anggar jalan tumpang
    perintah bijak pakai lengkap tengah tabung perban terna unjung pek bekas ribu mayor
    jaring kembang tambur ada oleh
""".split()


def test_domain_vocabulary_has_no_stem_collisions():
    everyday = set(EVERYDAY_WORDS)
    for word in EVERYDAY_WORDS:
        everyday.update(analyse(word))
    collisions = {}
    for word in DOMAIN_WORDS:
        terms = analyse(word)
        assert len(terms) == 1, (word, terms)
        if terms[0] in everyday:
            collisions[word] = terms[0]
    assert collisions == {}


@pytest.mark.parametrize(
    ("derived", "base"),
    [
        ("kenaikan", "naik"),
        ("penurunan", "turun"),
        ("perbankan", "bank"),
        ("peternakan", "ternak"),
        ("pengunjung", "kunjungan"),
        ("sepekan", "pekan"),
        ("pemerintahan", "pemerintah"),
        ("menabung", "tabungan"),
        ("kemiskinan", "miskin"),
        ("perdagangan", "dagang"),
    ],
)
def test_related_forms_share_a_term(derived, base):
    assert analyse(derived) == analyse(base)


# --- queries -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "query",
    [
        "",
        "   ",
        '"',
        '"""',
        "*** --- ;;; ()",
        "AND OR NOT",
        "yang di dan",
        "-anggur",
        "NOT anggur",
        "x" * 5000,
    ],
)
def test_query_with_nothing_searchable_is_empty(query):
    assert analyse_query(query) == ""


@pytest.mark.parametrize(
    ("query", "wanted", "unwanted"),
    [
        ('"harga naik', {"harga", "naik"}, set()),
        ("harga AND cabai OR beras", {"harga", "cabai", "beras"}, {"and", "or"}),
        ("harga NOT anggur", {"harga"}, {"anggur", "not"}),
        ("+harga -anggur infla*", {"harga", "infla"}, {"anggur"}),
        ("'; DROP TABLE phenomena; --", {"drop", "table"}, set()),
        ("title:inflasi harga~2 naik^3 a\\b", {"inflasi", "harga", "naik"}, {"title", "3"}),
        ("[2020 TO 2024] {2020 TO *}", {"2020", "2024"}, {"to"}),
        (
            'NEAR(harga naik, 5) {title body}:cabai "tak',
            {"harga", "naik", "cabai", "tidak"},
            {"near", "title", "body"},
        ),
        ("body : inflasi OR", {"body", "inflasi"}, {"or"}),
        (
            "Kenaikan Harga-harga di Jakarta–Selatan 2,5%",
            {"naik", "harga", "selatan", "2.5"},
            {"selat"},
        ),
    ],
)
def test_bad_queries_give_safe_plain_terms(query, wanted, unwanted):
    result = analyse_query(query)
    assert SAFE_QUERY_RE.match(result), result
    terms = set(result.split())
    assert wanted <= terms, result
    assert not (unwanted & terms), result


def test_query_output_is_safe_for_random_punctuation():
    junk = "\"'`;:-+*~^\\/()[]{}<>!?&|=%$#@,."
    for i in range(len(junk)):
        query = f"harga{junk[i]}naik {junk[i:] + junk[:i]} 'cabai'"
        result = analyse_query(query)
        assert SAFE_QUERY_RE.match(result), (query, result)
        assert "cabai" in result.split()


def test_long_query_is_truncated():
    words = " ".join(f"kata{i}" for i in range(3000))  # "kata0" -> "kata", "0": many numbers
    start = time.perf_counter()
    result = analyse_query(words)
    assert time.perf_counter() - start < 1.0
    assert 0 < len(result.split()) <= MAX_QUERY_TERMS
    assert len(analyse_query("inflasi " * 2000).split()) == 1


def test_query_and_document_analysis_agree():
    doc = set(analyse(NARRATIVE))
    for query in ("kenaikan harga cabai", "pengangguran menurun", "harga-harga naik 2.5"):
        assert set(analyse_query(query).split()) <= doc, query


# --- Elasticsearch and index string ----------------------------------------------------


def test_index_string_survives_whitespace_lowercase_analyzer():
    analyzer = ELASTICSEARCH_ANALYSIS["analysis"]["analyzer"][ELASTICSEARCH_ANALYZER]
    assert analyzer["tokenizer"] == "whitespace"
    assert analyzer["filter"] == ["lowercase", "asciifolding"]
    indexed = analyse_to_string(NARRATIVE)
    assert indexed.lower().split() == analyse(NARRATIVE)


def test_analysis_is_idempotent_on_a_narrative():
    terms = analyse(NARRATIVE)
    assert analyse(" ".join(terms)) == terms


def test_speed_is_reasonable():
    analyse(NARRATIVE)  # warm the caches
    words = len(NARRATIVE.split())
    start = time.perf_counter()
    for _ in range(200):
        analyse(NARRATIVE)
    elapsed = time.perf_counter() - start
    assert words * 200 / elapsed > 20_000  # words/second; measured ~480,000 when warm
