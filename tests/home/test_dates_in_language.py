"""Dates in the reader's language: a user who chose English reads English month and day names
on the dashboard, the review queue and the ARC calendar; an Indonesian user reads Indonesian.

(The month and day tables used to be written out in Indonesian in three modules, so English
users read "Desember 2026" and "Sen Sel Rab" among English text.)"""

import re

import pytest
from django.urls import reverse
from wagtail.users.models import UserProfile

from phenomena.models import Role

# Written out here on purpose: the test does not ask the code under test for the names.
INDONESIAN = (
    "Januari Februari Maret April Mei Juni Juli Agustus September Oktober November Desember"
)
ENGLISH = "January February March April May June July August September October November December"
# April, September and November are spelled the same in both languages.
ONLY_INDONESIAN = [m for m in INDONESIAN.split() if m not in ENGLISH.split()]
ONLY_ENGLISH = [m for m in ENGLISH.split() if m not in INDONESIAN.split()]


def month_years(html, names):
    """The "<month> <year>" labels of `names` in `html`."""
    return re.findall(rf"\b(?:{'|'.join(names)}) \d{{4}}\b", html)


def prefer(user, language):
    UserProfile.objects.update_or_create(user=user, defaults={"preferred_language": language})


@pytest.fixture
def viewer(make_user):
    return make_user("pembaca", Role.VIEWER, "fungsi-ipds")


def test_dashboard_months_follow_the_language_even_when_cached(client, viewer):
    client.force_login(viewer)
    prefer(viewer, "id-id")
    html = client.get("/dasbor/").content.decode()  # cached in Indonesian first
    assert len(month_years(html, ONLY_INDONESIAN)) >= 9  # the 12 months of the chart's table
    assert month_years(html, ONLY_ENGLISH) == []

    prefer(viewer, "en")
    html = client.get("/dasbor/").content.decode()
    assert len(month_years(html, ONLY_ENGLISH)) >= 9
    assert month_years(html, ONLY_INDONESIAN) == []


def test_arc_calendar_months_and_weekdays_follow_the_language(client, viewer):
    client.force_login(viewer)
    prefer(viewer, "en")
    html = client.get(reverse("arc_calendar")).content.decode()
    assert len(set(month_years(html, ONLY_ENGLISH))) == len(ONLY_ENGLISH)
    assert month_years(html, ONLY_INDONESIAN) == []
    assert '<th scope="col">Mon</th>' in html and '<th scope="col">Sen</th>' not in html

    prefer(viewer, "id-id")
    html = client.get(reverse("arc_calendar")).content.decode()
    assert len(set(month_years(html, ONLY_INDONESIAN))) == len(ONLY_INDONESIAN)
    assert month_years(html, ONLY_ENGLISH) == []
    assert '<th scope="col">Sen</th>' in html and '<th scope="col">Mon</th>' not in html


def test_review_queue_dates_follow_the_language(client, make_user):
    from tests.factories import PhenomenonFactory
    from tests.workflows.wf_helpers import submit
    from workflows.models import SupervisorAllocation

    operator = make_user("opsos2", Role.OPERATOR, "fungsi-sosial-2")
    supervisor = make_user("spvinflasi", Role.SUPERVISOR, "fungsi-distribusi-1")
    phenomenon = PhenomenonFactory(author=operator, theme="Harga-harga (Inflasi)")
    SupervisorAllocation.objects.create(supervisor=supervisor, theme=phenomenon.theme)
    submit(phenomenon)
    month = phenomenon.reference_period.month - 1
    year = phenomenon.reference_period.year
    client.force_login(supervisor)

    prefer(supervisor, "en")
    html = client.get(reverse("workflows:queue")).content.decode()
    assert f"{ENGLISH.split()[month]} {year}" in html  # the reference period
    assert month_years(html, ONLY_INDONESIAN) == []

    prefer(supervisor, "id-id")
    html = client.get(reverse("workflows:queue")).content.decode()
    assert f"{INDONESIAN.split()[month]} {year}" in html
    assert month_years(html, ONLY_ENGLISH) == []


def test_reminder_days_follow_the_language():
    import datetime

    from django.utils import translation

    from reminders.rules import format_day

    day = datetime.date(2026, 4, 20)
    with translation.override("id-id"):
        assert format_day(day) == "Senin, 20 April 2026"
    with translation.override("en"):
        assert format_day(day) == "Monday, 20 April 2026"
