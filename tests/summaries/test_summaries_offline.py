"""The offline summariser on demo-like data: what it cites and the gaps it names are real."""

import datetime
from collections import Counter

import pytest
from freezegun import freeze_time
from summaries_helpers import TODAY, create_from_demo, demo_items

from phenomena.models import Indicator, Phenomenon, ReleaseDate, Scope, Theme
from summaries import service
from summaries.models import ThemeSummary
from summaries.providers import ExtractiveProvider
from tests.factories import PhenomenonFactory

INFLASI = "Harga-harga (Inflasi)"


def busiest_month(theme):
    months = Counter(
        Phenomenon.objects.approved().filter(theme=theme).values_list("reference_period", flat=True)
    )
    return months.most_common(1)[0][0]


@freeze_time(TODAY)
def test_every_citation_is_an_approved_phenomenon_of_the_theme_and_month(demo_theme):
    theme = Theme.objects.get(name=INFLASI)
    month = busiest_month(theme)
    summary = service.generate(theme, month, provider=ExtractiveProvider())
    assert summary.status == ThemeSummary.Status.OK
    approved = set(
        Phenomenon.objects.approved()
        .filter(theme=theme, reference_period=month)
        .values_list("pk", flat=True)
    )
    assert summary.phenomenon_count == len(approved)
    assert len(summary.statements) >= 3
    assert 3 <= len(summary.recommendations) <= 5
    for entry in summary.statements + summary.recommendations:
        assert entry["text"].strip()
        assert entry["cites"], entry
        assert set(entry["cites"]) <= approved, entry
    # The drafts and submissions of the same theme and month are never cited.
    others = {p.pk for p in demo_theme["other"]}
    assert not set(summary.cited_ids) & others
    # Useful text: the overview counts what was approved; key sentences come from narratives.
    assert f"{len(approved)} fenomena disetujui" in summary.statements[0]["text"]
    narratives = " ".join(
        Phenomenon.objects.filter(pk__in=approved).values_list("narrative", flat=True)
    )
    quotes = [s for s in summary.statements if s.get("kind") == "kutipan"]
    assert quotes and all(q["text"].rstrip(" …")[:60] in narratives for q in quotes)


@freeze_time(TODAY)
def test_named_coverage_gaps_really_exist(demo_theme):
    theme = Theme.objects.get(name=INFLASI)
    month = busiest_month(theme)
    # A release of the theme's indicator in three days makes the gap urgent.
    indicator = Indicator.objects.get(name="Perkembangan IHK (Inflasi)")
    ReleaseDate.objects.create(indicator=indicator, date=TODAY + datetime.timedelta(days=3))
    summary = service.generate(theme, month, provider=ExtractiveProvider())
    gaps = [r for r in summary.recommendations if r.get("kind") == "celah_cakupan"]
    covered = set(
        Phenomenon.objects.approved()
        .filter(theme=theme, reference_period=month, area__isnull=False)
        .values_list("area__code", flat=True)
    )
    all_areas = set(Scope.objects.filter(parent__isnull=False).values_list("code", flat=True))
    if covered == all_areas:
        assert not gaps
    else:
        assert gaps, summary.recommendations
        assert set(gaps[0]["areas"]) == all_areas - covered
        assert "Perkembangan IHK (Inflasi)" in gaps[0]["text"]
        assert summary.recommendations[0] is not None and gaps[0] == summary.recommendations[0]


@freeze_time(TODAY)
def test_no_kabkota_phenomena_before_a_release_next_week_is_the_first_recommendation(db):
    theme = Theme.objects.get(name="Pariwisata")
    month = datetime.date(2026, 11, 1)
    for item in demo_items("Pariwisata", n=200, months=2)[:6]:
        if not item.get("kabkota"):
            create_from_demo(item, reference_period=month, published=True)
    # A kab/kota draft does not count as coverage.
    PhenomenonFactory(theme=theme, area="3172", reference_period=month, author=None)
    indicator = Indicator.objects.get(name="Perkembangan Pariwisata")
    ReleaseDate.objects.create(indicator=indicator, date=TODAY + datetime.timedelta(days=5))
    summary = service.generate(theme, month, provider=ExtractiveProvider())
    first = summary.recommendations[0]
    assert first["kind"] == "celah_cakupan"
    assert first["text"].startswith(
        "Belum ada fenomena tingkat kabupaten/kota untuk tema Pariwisata"
    )
    assert "Perkembangan Pariwisata dirilis 10 Desember 2026" in first["text"]
    assert set(first["areas"]) == set(
        Scope.objects.filter(parent__isnull=False).values_list("code", flat=True)
    )
    # Once one kab/kota is covered, only the others are named.
    covered = PhenomenonFactory(
        theme=theme,
        area="3172",
        reference_period=month,
        author=None,
        published=True,
        title="FGD hotel di Jakarta Timur: okupansi naik saat libur sekolah",
        narrative="Peserta FGD menyebut okupansi hotel di Jakarta Timur naik 8 persen.",
    )
    summary = service.generate(theme, month, provider=ExtractiveProvider())
    gap = next(r for r in summary.recommendations if r["kind"] == "celah_cakupan")
    assert "3172" not in gap["areas"] and gap["areas"]
    assert covered.pk in gap["cites"]
    assert "Jakarta Timur" not in gap["text"].split("belum punya")[0].split(":", 1)[1]


@freeze_time(TODAY)
def test_directions_and_conflicts_are_counted_from_the_indicators(db):
    theme = Theme.objects.get(name=INFLASI)
    month = datetime.date(2026, 11, 1)
    ihk = "Perkembangan IHK (Inflasi)"
    up = [
        PhenomenonFactory(
            theme=theme,
            reference_period=month,
            author=None,
            published=True,
            title=f"Harga cabai naik di pasar {i}",
            indicators=[(ihk, "naik")],
            narrative=f"Harga cabai merah di pasar {i} naik 15 persen karena "
            "pasokan dari sentra produksi berkurang akibat hujan.",
        )
        for i in ("Kramat Jati", "Senen", "Minggu")
    ]
    down = PhenomenonFactory(
        theme=theme,
        reference_period=month,
        author=None,
        published=True,
        title="Tarif angkutan udara turun",
        indicators=[(ihk, "turun")],
        narrative="Tarif angkutan udara turun 10 persen setelah musim liburan berakhir.",
    )
    summary = service.generate(theme, month, provider=ExtractiveProvider())
    overview = summary.statements[0]["text"]
    assert "3 naik, 1 turun" in overview and "arah dominan: naik" in overview
    kinds = {r["kind"]: r for r in summary.recommendations}
    assert set(kinds["arah_bertentangan"]["cites"]) == {p.pk for p in up} | {down.pk}
    assert set(kinds["pantau_indikator"]["cites"]) == {p.pk for p in up}


@freeze_time(TODAY)
def test_an_unchanged_scope_is_not_summarised_again_unless_forced(demo_theme):
    theme = Theme.objects.get(name=INFLASI)
    month = busiest_month(theme)
    first = service.generate(theme, month, provider=ExtractiveProvider())
    assert service.generate(theme, month, provider=ExtractiveProvider()) == first
    forced = service.generate(theme, month, provider=ExtractiveProvider(), force=True)
    assert forced.pk != first.pk
    assert ThemeSummary.objects.current(theme, month) == forced


def test_nothing_approved_makes_no_summary(db):
    theme = Theme.objects.get(name=INFLASI)
    PhenomenonFactory(theme=theme, author=None)  # a draft
    assert service.generate(theme, datetime.date(2026, 11, 1)) is None
    assert not ThemeSummary.objects.exists()


@pytest.mark.parametrize("n", [1, 2])
def test_few_phenomena_still_get_three_recommendations(db, n):
    theme = Theme.objects.get(name=INFLASI)
    month = datetime.date(2026, 11, 1)
    for i in range(n):
        PhenomenonFactory(
            theme=theme,
            reference_period=month,
            author=None,
            published=True,
            title=f"Harga beras medium stabil pekan ke-{i + 1}",
            narrative="Harga beras medium di Pasar Induk Cipinang stabil pada "
            "kisaran Rp13.500 per kilogram karena stok cukup.",
        )
    summary = service.generate(theme, month, provider=ExtractiveProvider())
    assert 3 <= len(summary.recommendations) <= 5
    assert any(r["kind"] == "bukti_tipis" for r in summary.recommendations)


@pytest.mark.parametrize(
    "text, direction",
    [
        ("Harga cabai merah meningkat tajam di pasar tradisional.", "naik"),
        ("Jumlah wisatawan mancanegara menurun karena cuaca buruk.", "turun"),
        ("Harga beras tetap stabil sepanjang bulan.", "stabil"),
        ("Pemerintah meresmikan pasar baru di Jakarta Timur.", None),
    ],
)
def test_direction_words_of_a_phenomenon_without_indicator(text, direction):
    from summaries.extractive import word_direction

    assert word_direction(text) == direction


@freeze_time(TODAY)
def test_a_kabkota_with_enough_phenomena_gets_its_own_summary(db, settings):
    settings.SUMMARY_MIN_PER_AREA = 3
    theme = Theme.objects.get(name=INFLASI)
    month = datetime.date(2026, 11, 1)
    east = [
        PhenomenonFactory(
            theme=theme,
            area="3172",
            reference_period=month,
            author=None,
            published=True,
            title=f"FGD pedagang pasar {place}: harga telur naik",
            narrative=f"Pedagang di pasar {place} menyebut harga telur ayam ras naik 6 persen "
            "karena harga pakan naik.",
            indicators=[("Perkembangan IHK (Inflasi)", "naik")],
        )
        for place in ("Kramat Jati", "Jatinegara", "Klender")
    ]
    PhenomenonFactory(theme=theme, area="3171", reference_period=month, author=None, published=True)
    keys = service.scopes_for_month(month)
    area = Scope.objects.get(code="3172")
    assert service.ScopeKey(theme.pk, month, area_id=area.pk) in keys
    assert service.ScopeKey(theme.pk, month, area_id=Scope.objects.get(code="3171").pk) not in (
        keys
    )
    summary = service.generate(theme, month, area=area, provider=ExtractiveProvider())
    assert "tema Harga-harga (Inflasi) di Jakarta Timur" in summary.statements[0]["text"]
    assert set(summary.cited_ids) <= {p.pk for p in east}
    assert not [r for r in summary.recommendations if r.get("kind") == "celah_cakupan"]
    # The dashboard filtered to Jakarta Timur shows it; the province dashboard does not.
    assert service.latest_per_theme(area=area) == [summary]
    assert service.latest_per_theme() == []
