"""Coverage before release day: the dashboard's list of short releases and the reminders."""

import datetime

import pytest
from django.urls import reverse

from dossiers import coverage
from dossiers.tasks import coverage_reminders
from phenomena.models import Indicator, ReleaseDate
from phenomena.rules import today
from reminders.models import SentReminder
from tests.factories import PhenomenonFactory
from tests.reminders.reminders_helpers import inapp, mails_to

INFLASI = "Perkembangan IHK (Inflasi)"


@pytest.fixture
def upcoming(db):
    """Inflation released in 5 days (reference period: the month before that release)."""
    indicator = Indicator.objects.get(name=INFLASI)
    return ReleaseDate.objects.create(indicator=indicator, date=today() + datetime.timedelta(5))


def period_of(release):
    return coverage.coverage_for(release).period_start


@pytest.fixture
def people(make_user):
    return {
        "op": make_user("opsos2", "Operator", "fungsi-sosial-2"),
        "op_3172": make_user("op3172", "Operator", "bps-3172"),
        "op_3171": make_user("op3171", "Operator", "bps-3171"),
        "spv": make_user("spv", "Supervisor", "fungsi-sosial-1"),
        "viewer": make_user("viewer", "Viewer", "fungsi-ipds"),
    }


def approved(author, release, **kwargs):
    return PhenomenonFactory(
        author=author, reference_period=period_of(release), approved=True, **kwargs
    )


def test_short_release_is_listed_overall_and_per_kabkota(upcoming, people, settings):
    settings.DOSSIER_COVERAGE_MIN = 3
    settings.DOSSIER_COVERAGE_MIN_AREA = 1
    approved(people["op"], upcoming)
    approved(people["op_3172"], upcoming, area="3172")
    PhenomenonFactory(author=people["op"], reference_period=period_of(upcoming))  # a draft
    [gap] = [g for g in coverage.gaps(today()) if g.release == upcoming]
    assert (gap.total, gap.short_overall, gap.missing) == (2, True, 1)
    short = {a.area.code for a in gap.short_areas}
    assert "3172" not in short and "3171" in short


def test_enough_phenomena_everywhere_is_not_listed(upcoming, people, settings):
    settings.DOSSIER_COVERAGE_MIN = 1
    settings.DOSSIER_COVERAGE_MIN_AREA = 0  # per kab/kota check off
    approved(people["op"], upcoming)
    assert upcoming not in [g.release for g in coverage.gaps(today())]


def test_releases_beyond_the_window_are_not_listed(people, settings):
    indicator = Indicator.objects.get(name=INFLASI)
    far = ReleaseDate.objects.create(indicator=indicator, date=today() + datetime.timedelta(20))
    assert far not in [g.release for g in coverage.gaps(today())]
    settings.DOSSIER_COVERAGE_DAYS = 30
    assert far in [g.release for g in coverage.gaps(today())]


def test_dashboard_shows_the_gaps_to_staff_not_to_viewers(client, upcoming, people, settings):
    settings.DOSSIER_COVERAGE_MIN = 2
    approved(people["op"], upcoming)
    client.force_login(people["spv"])
    page = client.get(reverse("dashboard")).content.decode()
    assert "Fenomena kurang untuk rilis 14 hari ke depan" in page
    assert reverse("dossiers:release", args=[upcoming.pk]) in page
    assert "1 dari minimal 2" in page
    client.force_login(people["viewer"])
    page = client.get(reverse("dashboard")).content.decode()
    assert "Fenomena kurang untuk rilis" not in page


def test_operators_of_the_gap_are_reminded_once(upcoming, people, settings):
    settings.DOSSIER_COVERAGE_MIN = 3  # 2 approved: short overall
    settings.DOSSIER_COVERAGE_MIN_AREA = 1
    approved(people["op"], upcoming)
    approved(people["op_3172"], upcoming, area="3172")  # Jakarta Timur is covered

    sent = coverage_reminders()
    op_notes = inapp(people["op"], "dossier_coverage")
    assert len(op_notes) == 1
    assert INFLASI in op_notes[0].verb
    assert mails_to(people["op"])  # default channel: in-app and e-mail
    assert len(inapp(people["op_3171"], "dossier_coverage")) == 1  # Jakarta Selatan: none yet
    assert inapp(people["op_3172"], "dossier_coverage") == []  # their kab/kota is covered
    assert inapp(people["spv"], "dossier_coverage") == []
    assert inapp(people["viewer"], "dossier_coverage") == []
    assert sent == SentReminder.objects.filter(kind="dossier_coverage").count() >= 2

    assert coverage_reminders() == 0  # once per release


def test_kabkota_operator_is_not_reminded_of_an_overall_gap(upcoming, people, settings):
    settings.DOSSIER_COVERAGE_MIN = 5
    settings.DOSSIER_COVERAGE_MIN_AREA = 0
    coverage_reminders()
    assert len(inapp(people["op"], "dossier_coverage")) == 1
    assert inapp(people["op_3172"], "dossier_coverage") == []


def test_the_schedule_runs_the_coverage_reminders(db):
    from django_q.models import Schedule

    from reminders.schedules import setup_schedules

    setup_schedules()
    schedule = Schedule.objects.get(func="dossiers.tasks.coverage_reminders")
    assert schedule.schedule_type == Schedule.DAILY
