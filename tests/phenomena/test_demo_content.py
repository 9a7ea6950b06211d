"""Plain pytest checks for phenomena.demo_content (no Django needed)."""

import datetime
import re
from collections import Counter
from urllib.parse import urlparse

import pytest

from phenomena.demo_content import (
    ARC_INDICATORS,
    KABKOTA,
    PORTAL_OUTLETS,
    PRESS_DOMAINS,
    PRINT_OUTLET,
    SCOPES,
    SOURCE_TYPES,
    SUBJECTS,
    THEME_SUBJECT,
    generate,
)

TODAY = datetime.date(2025, 3, 10)
MONTHS = 18
KAB_TYPES = {"fgd", "stakeholder"}


@pytest.fixture(scope="module")
def items():
    return generate(400, today=TODAY)


def _host_matches(url: str, domain: str) -> bool:
    host = urlparse(url).hostname or ""
    return host == domain or host.endswith("." + domain)


def test_deterministic():
    a = generate(50, today=TODAY, seed=11)
    b = generate(50, today=TODAY, seed=11)
    c = generate(50, today=TODAY, seed=12)
    assert a == b
    assert a != c
    assert generate(0, today=TODAY) == []


def test_shape_and_vocabularies(items):
    assert len(items) == 400
    keys = {
        "title",
        "narrative",
        "subject",
        "theme",
        "scope",
        "kabkota",
        "reference_year",
        "reference_month",
        "keywords",
        "indicators",
        "sources",
        "level",
    }
    for it in items:
        assert set(it) == keys
        assert it["subject"] in SUBJECTS
        assert THEME_SUBJECT[it["theme"]] == it["subject"]
        assert it["theme"] in SUBJECTS[it["subject"]][1]
        assert it["scope"] in SCOPES
        assert it["level"] in ("provinsi", "kabkota")
        if it["scope"] == "kabkota":
            assert it["kabkota"] in KABKOTA
        else:
            assert it["kabkota"] is None
        for name, direction in it["indicators"]:
            assert name in ARC_INDICATORS
            assert direction in ("naik", "turun", "stabil")


def test_text_lengths(items):
    for it in items:
        assert 50 <= len(it["title"]) <= 110, it["title"]
        assert "{" not in it["title"] + it["narrative"]
        words = len(it["narrative"].split())
        assert 60 <= words <= 160, it["narrative"]
        sentences = len(re.findall(r"[.!?](?:\s|$)", it["narrative"]))
        assert 2 <= sentences <= 4, it["narrative"]


def test_titles_mostly_unique(items):
    assert len({it["title"] for it in items}) >= 0.95 * len(items)


def test_keywords(items):
    counts = Counter()
    for it in items:
        kws = it["keywords"]
        assert 2 <= len(kws) <= 5
        assert all(k == k.lower() and k.strip() for k in kws)
        assert len(set(kws)) == len(kws)
        counts.update(kws)
    # keywords repeat across items so that "top keywords" charts are meaningful
    assert counts.most_common(1)[0][1] >= 20
    assert sum(1 for c in counts.values() if c >= 5) >= 20


def test_reference_period_within_range(items):
    current = TODAY.year * 12 + TODAY.month
    for it in items:
        assert 1 <= it["reference_month"] <= 12
        ref = it["reference_year"] * 12 + it["reference_month"]
        assert 0 <= current - ref < MONTHS


def test_source_dates(items):
    for it in items:
        start = datetime.date(it["reference_year"], it["reference_month"], 1)
        assert 1 <= len(it["sources"]) <= 2
        for src in it["sources"]:
            assert src["source_type"] in SOURCE_TYPES
            assert isinstance(src["date"], datetime.date)
            assert src["date"] <= TODAY
            assert 0 <= (src["date"] - start).days <= 45


def test_kabkota_items_only_offline_sources(items):
    kab = [it for it in items if it["level"] == "kabkota"]
    assert 0.15 * len(items) <= len(kab) <= 0.35 * len(items)
    for it in kab:
        assert it["scope"] == "kabkota"
        assert it["kabkota"] in KABKOTA
        assert {s["source_type"] for s in it["sources"]} <= KAB_TYPES
        for src in it["sources"]:
            assert src["outlet"] is None and src["url"] == ""
        places = [
            p
            for kind in ("pasar", "kecamatan", "wisata", "kawasan")
            for p in KABKOTA[it["kabkota"]][kind]
        ]
        assert any(p in it["narrative"] for p in places), it["narrative"]
        assert (
            "FGD" in it["narrative"]
            or "wawancara" in it["narrative"].lower()
            or (
                "narasumber" in it["narrative"]
                or "Informasi langsung" in it["narrative"]
                or "petugas BPS" in it["narrative"]
            )
        )


def test_provinsi_items_never_use_kab_only_sources(items):
    prov = [it for it in items if it["level"] == "provinsi"]
    for it in prov:
        assert it["scope"] != "kabkota"
        assert not {s["source_type"] for s in it["sources"]} & KAB_TYPES
    first = Counter(it["sources"][0]["source_type"] for it in prov)
    assert 0.4 <= first["portal_berita"] / len(prov) <= 0.7


def test_source_outlets_and_urls(items):
    urls = []
    for it in items:
        for src in it["sources"]:
            stype, outlet, url = src["source_type"], src["outlet"], src["url"]
            if stype == "portal_berita":
                assert outlet in PORTAL_OUTLETS
                assert url.startswith("https://")
                assert _host_matches(url, PORTAL_OUTLETS[outlet]), url
                # numeric article id (or dated path, as Tribunnews/Kompas.id/JakPost use)
                assert re.search(r"\d{5,}", url) or re.search(r"/\d{4}/\d{2}/\d{2}/", url)
                urls.append(url)
            elif stype == "surat_kabar":
                assert outlet == PRINT_OUTLET and url == ""
            elif stype == "siaran_pers":
                assert outlet is None
                assert any(_host_matches(url, d) for d in PRESS_DOMAINS), url
            elif stype in KAB_TYPES:
                assert outlet is None and url == ""
            else:
                assert outlet is None
    assert len(urls) == len(set(urls))


def test_every_theme_covered_and_heavy_themes_dominate(items):
    counts = Counter(it["theme"] for it in items)
    for theme in THEME_SUBJECT:
        assert counts[theme] >= 3, theme
    top = {t for t, _ in counts.most_common(6)}
    assert {"Harga-harga (Inflasi)", "Pariwisata", "Tenaga Kerja"} <= top


def test_indicator_links(items):
    by_theme = {}
    for it in items:
        by_theme.setdefault(it["theme"], set()).update(n for n, _ in it["indicators"])
    assert by_theme["Harga-harga (Inflasi)"] == {"Perkembangan IHK (Inflasi)"}
    assert "Perkembangan Pariwisata" in by_theme["Pariwisata"]
    assert "Keadaan Ketenagakerjaan" in by_theme["Tenaga Kerja"]
    assert by_theme["Hukum dan Kriminal"] == set()
    used = set().union(*by_theme.values())
    assert used == set(ARC_INDICATORS)


@pytest.mark.parametrize("today", [datetime.date(2024, 1, 1), datetime.date(2026, 12, 31)])
def test_other_dates_and_small_windows(today):
    out = generate(120, today=today, seed=5, months=3)
    current = today.year * 12 + today.month
    for it in out:
        assert 0 <= current - (it["reference_year"] * 12 + it["reference_month"]) < 3
        for src in it["sources"]:
            assert src["date"] <= today
