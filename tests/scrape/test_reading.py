"""Reading articles of several portal layouts, and the rules that pre-fill a phenomenon:
every suggestion is something the article says."""

import datetime
import re
from types import SimpleNamespace

import pytest
from scrape_portals import ARTICLES, article_html

from phenomena.models import Indicator, Scope, Theme
from scrape import extract, rules

pytestmark = pytest.mark.django_db


def read(host, path, source=None):
    return extract.read_article(article_html(host, path), f"http://{host}.localhost{path}", source)


INFLASI = ("kompas", "/read/2026/10/05/101010/inflasi-jakarta-oktober")
SCRIPTED = ("kompas", "/read/2026/10/07/080000/judul-disisipkan-skrip")
WISMAN = ("detik", "/berita/d-7600001/wisman-ke-jakarta-turun")
JAKUT = ("detik", "/berita/d-7600002/pengangguran-jakut")
ROB = ("warta", "/2026/10/20/banjir-rob")
LANSIA = ("isi", "/berita/bansos-lansia")


@pytest.mark.parametrize(
    "key, published",
    [
        (INFLASI, datetime.date(2026, 11, 3)),  # meta article:published_time
        (WISMAN, datetime.date(2026, 11, 2)),  # "Senin, 02 Nov 2026 14:10 WIB"
        (ROB, datetime.date(2026, 10, 20)),  # <time datetime>
    ],
)
def test_layouts_give_title_date_and_only_the_article_text(key, published):
    article = read(*key)
    expected = ARTICLES[key]
    assert article.title == expected["title"]
    assert article.published == published
    for paragraph in expected["paragraphs"]:
        if not paragraph.startswith("Baca juga"):
            assert paragraph in article.text
    assert "Baca juga" not in article.text
    assert "ADVERTISEMENT" not in article.text and "Terpopuler" not in article.text
    assert "iklan" not in article.text  # script text never counts


def test_script_injected_title_is_not_taken():
    article = read(*SCRIPTED)
    assert article.title == "Harga beras naik di Jakarta Utara"
    assert "DIRETAS" not in article.title and "document" not in article.title
    assert article.published == datetime.date(2026, 10, 7)


def test_css_overrides_read_a_layout_the_generic_rules_misread():
    generic = read(*LANSIA)
    assert "Kartu Lansia" not in generic.text  # the sidebar's longer text wins
    source = SimpleNamespace(
        title_selector=".judul-besar", body_selector="#isi-berita", date_selector=".tgl"
    )
    article = read(*LANSIA, source=source)
    assert article.title == "Bansos Kartu Lansia Jakarta Naik"
    assert "Rp 600.000" in article.text and "Terpopuler" not in article.text
    assert article.published == datetime.date(2026, 10, 15)


def test_a_bad_override_selector_falls_back_to_the_generic_rules():
    source = SimpleNamespace(title_selector="[[[", body_selector=":::", date_selector="")
    article = read(*INFLASI, source=source)
    assert article.title.startswith("Inflasi Jakarta") and "2,35 persen" in article.text


def test_feed_and_sitemap_parsing_resist_entities():
    evil = (
        b"<?xml version='1.0'?><!DOCTYPE r [<!ENTITY x SYSTEM 'file:///etc/passwd'>]>"
        b"<rss><channel><item><title>&x;</title><link>http://a.localhost/1</link>"
        b"</item></channel></rss>"
    )
    links = extract.feed_links(evil)
    assert [link.url for link in links] == ["http://a.localhost/1"]
    assert "root:" not in links[0].title
    atom = (
        b"<feed xmlns='http://www.w3.org/2005/Atom'><entry><title>A</title>"
        b"<link href='http://a.localhost/2'/><published>2026-10-01T00:00:00Z</published>"
        b"</entry></feed>"
    )
    assert extract.feed_links(atom)[0].published == datetime.date(2026, 10, 1)
    assert extract.feed_links(b"bukan xml") == []


def propose(key):
    article = read(*key)
    compiled = rules.compile_rules()
    return article, rules.propose(article.title, article.text, article.published, compiled)


def test_inflation_article_is_prefilled_from_what_it_says():
    article, s = propose(INFLASI)
    assert s["relevant"]
    assert Theme.objects.get(pk=s["theme"]).name == "Harga-harga (Inflasi)"
    assert Indicator.objects.get(pk=s["indicator"]).name == "Perkembangan IHK (Inflasi)"
    assert s["reference_period"] == "2026-10-01" and s["period_basis"] == "teks"
    assert s["scope"] == "dki" and s["area"] == ""  # the province, one market in Jaktim
    assert s["direction"] == "naik"
    assert "inflasi" in s["keywords"]
    figures = {f["text"]: f for f in s["figures"]}
    assert figures["2,35 persen"]["value"] == 2.35 and figures["2,35 persen"]["unit"] == "persen"
    assert "inflasi tahunan Jakarta" in figures["2,35 persen"]["measure"]
    assert figures["Rp 65.000"]["value"] == 65000 and figures["Rp 65.000"]["unit"] == "Rp"
    assert "harga cabai merah" in figures["Rp 65.000"]["measure"]
    assert_nothing_invented(article, s)


def test_kabkota_tourism_and_labour_articles():
    article, s = propose(JAKUT)
    assert Theme.objects.get(pk=s["theme"]).name == "Tenaga Kerja"
    assert (s["scope"], s["area"]) == ("kabkota", "3175")
    assert Scope.objects.filter(code=s["area"], parent__isnull=False).exists()
    assert s["reference_period"] == "2026-08-01" and s["direction"] == "turun"
    assert_nothing_invented(article, s)
    article, s = propose(WISMAN)
    assert Theme.objects.get(pk=s["theme"]).name == "Pariwisata"
    assert s["reference_period"] == "2026-09-01"  # not the publication month (November)
    assert s["direction"] == "turun"
    assert {"215.000 kunjungan", "3,2 persen", "58,4 persen"} <= {f["text"] for f in s["figures"]}
    assert_nothing_invented(article, s)


def test_irrelevant_article_is_not_kept():
    article, s = propose(("kompas", "/read/2026/10/06/090000/persija-menang"))
    assert not s["relevant"]


def test_nothing_guessed_when_the_article_does_not_say_it():
    s = rules.propose(
        "Inflasi terkendali",
        "Inflasi terkendali menurut pengamat. Inflasi dibahas lagi.",
        None,
        rules.compile_rules(),
    )
    assert s["scope"] == "" and s["area"] == ""
    assert s["reference_period"] == "" and s["figures"] == []
    s = rules.propose("Inflasi", "Inflasi naik.", datetime.date(2026, 11, 3), rules.compile_rules())
    assert (s["reference_period"], s["period_basis"]) == ("2026-11-01", "tanggal terbit")


def test_a_dated_day_is_an_event_not_the_reference_month():
    period, basis = rules.reference_month(
        "Rapat digelar 28 November 2026 membahas inflasi Oktober 2026.", None
    )
    assert period == datetime.date(2026, 10, 1) and basis == "teks"
    period, _ = rules.reference_month("Pada bulan Desember harga naik.", datetime.date(2027, 1, 5))
    assert period == datetime.date(2026, 12, 1)  # December before a January publication


def test_proposer_is_one_setting(settings):
    settings.SCRAPE_PROPOSER = f"{__name__}.fake_proposer"
    assert rules.get_proposer() is fake_proposer


def fake_proposer(title, text, published, compiled):
    return {"relevant": False}


def assert_nothing_invented(article, s):
    text = f"{article.title}\n{article.text}"
    flat = " ".join(text.split())
    sentences = [x for x in re.split(r"(?<=[.!?])\s+", s["narrative"]) if x]
    assert 2 <= len(sentences) <= 4
    for sentence in sentences:
        assert sentence in flat, sentence
    for figure in s["figures"]:
        assert figure["text"] in text and figure["measure"] in flat
    for keyword in s["keywords"]:
        assert keyword in text.casefold()
    if s["direction"]:
        assert any(w in text.casefold() for w in rules.DIRECTION_WORDS[s["direction"]])
