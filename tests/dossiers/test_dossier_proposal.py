"""What SIMFONI proposes for a release: approved phenomena of its themes and period."""

import datetime

from dossiers import direction, service
from dossiers.proposal import candidates, default_period
from phenomena.models import Direction, ReleaseDate
from tests.dossiers.conftest import months_ago
from tests.factories import PhenomenonFactory


def test_default_period_is_the_month_before_a_monthly_release(release):
    assert default_period(release) == (months_ago(1), months_ago(1))


def test_quarterly_release_covers_the_three_months_since_the_previous_one(release):
    indicator = release.indicator
    day = datetime.date(2026, 8, 5)
    ReleaseDate.objects.create(indicator=indicator, date=datetime.date(2026, 5, 5))
    august = ReleaseDate.objects.create(indicator=indicator, date=day)
    assert default_period(august) == (datetime.date(2026, 5, 1), datetime.date(2026, 7, 1))


def test_a_gap_of_more_than_a_year_in_the_calendar_gives_one_month(release):
    indicator = release.indicator
    ReleaseDate.objects.create(indicator=indicator, date=datetime.date(2020, 1, 5))
    later = ReleaseDate.objects.create(indicator=indicator, date=datetime.date(2021, 9, 5))
    assert default_period(later) == (datetime.date(2021, 8, 1), datetime.date(2021, 8, 1))


def test_only_approved_phenomena_of_the_themes_and_period_are_proposed(scene):
    start, end = default_period(scene.release)
    found = candidates(scene.release.indicator, start, end)
    titles = [c.phenomenon.title for c in found]
    assert sorted(titles) == sorted([scene.cabai.title, scene.beras.title, scene.fgd_timur.title])
    # The one the operator linked to the indicator comes first.
    assert titles[0] == scene.cabai.title


def test_a_phenomenon_linked_to_the_indicator_is_proposed_whatever_its_theme(scene):
    linked = PhenomenonFactory(
        author=scene.op,
        theme="Pariwisata",
        title="Tarif hotel naik saat libur panjang",
        indicators=[("Perkembangan IHK (Inflasi)", Direction.NAIK)],
        approved=True,
    )
    start, end = default_period(scene.release)
    assert linked.pk in [c.phenomenon.pk for c in candidates(scene.release.indicator, start, end)]


def test_directions_come_from_the_link_then_from_the_text(scene):
    start, end = default_period(scene.release)
    by_pk = {c.phenomenon.pk: c for c in candidates(scene.release.indicator, start, end)}
    cabai, beras, telur = by_pk[scene.cabai.pk], by_pk[scene.beras.pk], by_pk[scene.fgd_timur.pk]
    assert (cabai.direction, cabai.direction_source) == ("naik", "indikator")
    assert (beras.direction, beras.direction_source) == ("turun", "teks")
    assert (telur.direction, telur.direction_source) == ("stabil", "teks")


def test_text_rules():
    assert direction.from_text("Harga bawang merah naik 10 persen") == "naik"
    assert direction.from_text("Jumlah penumpang KRL menurun tajam") == "turun"
    assert direction.from_text("Harga gula tidak naik bulan ini") == "stabil"
    assert direction.from_text("Peresmian kantor baru") is None


def test_picks_outside_the_proposal_are_refused(scene, make_user):
    spv = make_user("spv", "Supervisor", "fungsi-sosial-1")
    dossier = service.start(scene.release, spv)
    refused = service.save_picks(
        dossier,
        [
            service.Pick(scene.beras.pk, 2, "", "Operasi pasar"),
            service.Pick(scene.cabai.pk, 1, "naik", ""),
            service.Pick(scene.draft.pk, 3, "", ""),
            service.Pick(scene.other_theme.pk, 4, "", ""),
        ],
        spv,
    )
    assert sorted(refused) == sorted([scene.draft.pk, scene.other_theme.pk])
    cited = service.cited(dossier)
    assert [(c.number, c.title) for c in cited] == [
        (1, scene.cabai.title),
        (2, scene.beras.title),
    ]
    assert cited[1].direction == "turun"  # not chosen: the estimate
    assert cited[1].note == "Operasi pasar"


def test_template_paragraph_cites_the_picked_phenomena(scene, make_user):
    spv = make_user("spv", "Supervisor", "fungsi-sosial-1")
    dossier = service.start(scene.release, spv)
    service.save_picks(
        dossier,
        [
            service.Pick(scene.cabai.pk, 1, "", ""),
            service.Pick(scene.beras.pk, 2, "", ""),
            service.Pick(scene.fgd_timur.pk, 3, "", ""),
        ],
        spv,
    )
    generated = service.generate_paragraph(dossier)
    text = generated.text
    assert generated.provider == "template"
    assert "Perkembangan IHK (Inflasi)" in text
    assert f"{scene.cabai.title} [1]" in text
    assert "kenaikan" in text and "penurunan" in text and "stabil" in text
    assert f"{scene.beras.title} [2]" in text
    assert "Jakarta Timur [3]" in text


def test_a_failing_provider_falls_back_to_the_template(scene, make_user, settings):
    settings.DOSSIER_PARAGRAPH_PROVIDER = "tests.dossiers.test_dossier_proposal.BrokenProvider"
    spv = make_user("spv", "Supervisor", "fungsi-sosial-1")
    dossier = service.start(scene.release, spv)
    service.save_picks(dossier, [service.Pick(scene.cabai.pk, 1, "", "")], spv)
    generated = service.generate_paragraph(dossier)
    assert generated.provider == "template"
    assert "[1]" in generated.text
    assert "Penyedia uji" in generated.notice


def test_a_configured_provider_writes_the_paragraph(scene, make_user, settings):
    settings.DOSSIER_PARAGRAPH_PROVIDER = "tests.dossiers.test_dossier_proposal.EchoProvider"
    spv = make_user("spv", "Supervisor", "fungsi-sosial-1")
    dossier = service.start(scene.release, spv)
    service.save_picks(dossier, [service.Pick(scene.cabai.pk, 1, "", "")], spv)
    generated = service.generate_paragraph(dossier)
    assert (generated.provider, generated.text) == ("echo", f"1 fenomena: {scene.cabai.title} [1]")


class BrokenProvider:
    name, label = "broken", "Penyedia uji"

    def generate(self, context):
        from dossiers.paragraph import ParagraphUnavailable

        raise ParagraphUnavailable("no key")


class EchoProvider:
    name, label = "echo", "Echo"

    def generate(self, context):
        return f"{len(context.items)} fenomena: " + "; ".join(
            f"{i.title} [{i.number}]" for i in context.items
        )
