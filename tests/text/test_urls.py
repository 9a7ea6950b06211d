"""Canonical evidence URLs: variants of one article compare equal, other articles do not."""

import pytest

from simfoni_text.urls import canonical_url

KOMPAS = "https://money.kompas.com/read/2024/11/01/113000926/inflasi-jakarta-oktober-2024"
DETIK = "https://finance.detik.com/berita-ekonomi-bisnis/d-7614321/bps-inflasi-oktober-2024"
CNN = "https://www.cnnindonesia.com/ekonomi/20241101113512-92-1162534/bps-catat-inflasi"
TEMPO = "https://www.tempo.co/ekonomi/bps-catat-inflasi-oktober-2024-1163453"
ANTARA = "https://www.antaranews.com/berita/4430001/bps-inflasi-dki-jakarta-oktober-2024"
BISNIS = "https://ekonomi.bisnis.com/read/20241101/9/1812345/inflasi-dki-jakarta-oktober-2024"
CNBC = "https://www.cnbcindonesia.com/news/20241101120512-4-584512/inflasi-jakarta-oktober"


@pytest.mark.parametrize(
    ("variant", "original"),
    [
        ("http://money.kompas.com/read/2024/11/01/113000926/inflasi-jakarta-oktober-2024", KOMPAS),
        (KOMPAS.replace("https://money.", "HTTPS://MONEY.").upper()[:20] + KOMPAS[20:], KOMPAS),
        (CNN.replace("https://www.", "https://"), CNN),
        (CNN.replace("https://www.", "https://m."), CNN),
        (CNBC.replace("https://www.", "https://mobile."), CNBC),
        (TEMPO.replace("https://www.", "https://amp."), TEMPO),
    ],
)
def test_scheme_case_and_mobile_host_prefixes_are_ignored(variant, original):
    assert canonical_url(variant) == canonical_url(original)


@pytest.mark.parametrize(
    ("variant", "original"),
    [
        (CNN + "/amp", CNN),
        (ANTARA.replace("/berita/", "/amp/berita/"), ANTARA),
        (TEMPO + "?amp=1", TEMPO),
        (TEMPO + "?outputType=amp", TEMPO),
        (BISNIS + ".amp", BISNIS),
        (
            "https://amp.kompas.com/money/read/2024/11/01/113000926/inflasi-jakarta-oktober-2024",
            KOMPAS,
        ),
        (
            "https://m.detik.com/finance/berita-ekonomi-bisnis/d-7614321/bps-inflasi-oktober-2024",
            DETIK,
        ),
    ],
)
def test_amp_pages_equal_the_article(variant, original):
    assert canonical_url(variant) == canonical_url(original)


@pytest.mark.parametrize(
    "query",
    [
        "utm_source=whatsapp&utm_medium=share&utm_campaign=wa",
        "fbclid=IwAR3xYz",
        "gclid=abc&dclid=def&msclkid=ghi",
        "_ga=2.1234.5678",
        "ref=twitter",
        "source=dable",
        "mc_cid=1a2b&mc_eid=3c4d",
        "igshid=MzRlODBiNWFlZA==",
        "tag_from=wp_nhl_5",
    ],
)
def test_tracking_parameters_are_removed(query):
    assert canonical_url(f"{DETIK}?{query}") == canonical_url(DETIK)


@pytest.mark.parametrize(
    "query", ["page=all", "page=2", "single=1", "showpage=all", "tpl=mobile", "page_num=3"]
)
def test_paging_parameters_are_removed(query):
    assert canonical_url(f"{KOMPAS}?{query}") == canonical_url(KOMPAS)


def test_fragment_trailing_slash_and_default_port_are_removed():
    assert canonical_url(f"https://www.antaranews.com:443{ANTARA[26:]}/#komentar") == (
        canonical_url(ANTARA)
    )
    assert canonical_url("http://www.bisnis.com:80/") == canonical_url("https://bisnis.com")


def test_remaining_query_is_kept_and_sorted():
    first = canonical_url("https://www.beritajakarta.id/berita?id=55&cat=ekonomi&utm_source=x")
    second = canonical_url("https://beritajakarta.id/berita?cat=ekonomi&id=55")
    assert first == second
    assert "id=55" in first and "cat=ekonomi" in first
    assert canonical_url("https://beritajakarta.id/berita?id=56") != second


def test_non_default_port_is_kept():
    assert canonical_url("https://data.jakarta.go.id:8443/x") != canonical_url(
        "https://data.jakarta.go.id/x"
    )


def test_different_outlets_and_sections_stay_different():
    assert canonical_url("https://www.kompas.com/a/b") != canonical_url("https://www.kompas.id/a/b")
    money = "https://money.kompas.com/read/2024/11/01/1/x"
    assert canonical_url(money) != canonical_url(money.replace("money.", "nasional."))
    assert canonical_url(money).startswith("https://money.kompas.com/")


def test_different_articles_stay_different():
    assert canonical_url(DETIK) != canonical_url(DETIK.replace("d-7614321", "d-7614322"))
    assert canonical_url(TEMPO) != canonical_url(TEMPO.replace("1163453", "1163454"))


def test_result_is_stable():
    once = canonical_url(f"http://m.detik.com{DETIK[25:]}?utm_source=x#a")
    assert canonical_url(once) == once


@pytest.mark.parametrize(
    "bad", ["", "   ", "bukan url", "ftp://files.bps.go.id/x", "https://", "http://localhost/a"]
)
def test_invalid_input_raises_value_error(bad):
    with pytest.raises(ValueError):
        canonical_url(bad)


def test_non_string_raises_value_error():
    with pytest.raises(ValueError, match="teks"):
        canonical_url(None)
