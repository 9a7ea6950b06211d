"""Where users meet the summaries: search filtered by theme, a phenomenon's page, the dashboard,
the release calendar; and the admins' runs page with the on-demand button."""

import datetime
import re

import pytest
from django.urls import reverse
from freezegun import freeze_time

from phenomena.models import Indicator, ReleaseDate, Role, Theme
from summaries import service
from summaries.models import ThemeSummary
from summaries.providers import ExtractiveProvider
from tests.factories import PASSWORD, PhenomenonFactory

TODAY = datetime.date(2026, 12, 5)
MONTH = datetime.date(2026, 11, 1)
IHK = "Perkembangan IHK (Inflasi)"


@pytest.fixture
def summarised(db):
    theme = Theme.objects.get(name="Harga-harga (Inflasi)")
    approved = [
        PhenomenonFactory(
            theme=theme,
            reference_period=MONTH,
            author=None,
            published=True,
            title=f"Harga cabai merah naik di pasar {place}",
            indicators=[(IHK, "naik")],
            narrative=f"Harga cabai merah di pasar {place} naik 15 persen karena pasokan dari "
            "sentra produksi berkurang akibat hujan deras.",
        )
        for place in ("Kramat Jati", "Senen", "Minggu")
    ]
    with freeze_time(TODAY):
        summary = service.generate(theme, MONTH, provider=ExtractiveProvider())
    return theme, approved, summary


def login(client, make_user, role=Role.VIEWER, name="pemantau"):
    user = make_user(name, role)
    client.login(username=user.username, password=PASSWORD)
    return user


def assert_card(html, summary, approved):
    assert "Dibuat oleh offline/ekstraktif-1 pada" in html
    assert summary.statements[0]["text"] in html
    for phenomenon in approved:
        assert reverse("search:detail", args=[phenomenon.pk]) in html
    assert "Rekomendasi" in html


@freeze_time(TODAY)
def test_search_filtered_by_theme_shows_its_summary_with_links(client, make_user, summarised):
    theme, approved, summary = summarised
    login(client, make_user)
    html = client.get("/cari/", {"theme": theme.pk}).content.decode()
    assert_card(html, summary, approved)
    # Not on an unfiltered search, nor for another theme.
    assert "Dibuat oleh" not in client.get("/cari/").content.decode()
    other = Theme.objects.exclude(pk=theme.pk).first()
    assert "Dibuat oleh" not in client.get("/cari/", {"theme": other.pk}).content.decode()


@freeze_time(TODAY)
def test_phenomenon_page_and_dashboard_show_the_summary(client, make_user, summarised):
    theme, approved, summary = summarised
    login(client, make_user)
    html = client.get(reverse("search:detail", args=[approved[0].pk])).content.decode()
    assert_card(html, summary, approved)
    html = client.get(reverse("dashboard")).content.decode()
    assert_card(html, summary, approved)
    # Small cards: the first recommendations in view, the rest behind "Selengkapnya".
    assert "Selengkapnya" in html
    last = summary.recommendations[-1]["text"]
    assert html.index("Selengkapnya") < html.index(last)


@freeze_time(TODAY)
def test_a_newer_failed_run_leaves_the_previous_summary_on_the_pages(client, make_user, summarised):
    theme, approved, summary = summarised
    ThemeSummary.objects.create(
        theme=theme,
        reference_month=MONTH,
        provider="mistral",
        model="m",
        status="failed",
        error="HTTP 500",
    )
    login(client, make_user)
    html = client.get("/cari/", {"theme": theme.pk}).content.decode()
    assert summary.statements[0]["text"] in html and "HTTP 500" not in html


@freeze_time(TODAY)
def test_an_unpublished_phenomenon_loses_its_link(client, make_user, summarised):
    theme, approved, summary = summarised
    approved[0].live = False
    approved[0].save(update_fields=["live"])
    login(client, make_user)
    html = client.get("/cari/", {"theme": theme.pk}).content.decode()
    assert reverse("search:detail", args=[approved[0].pk]) not in html
    assert reverse("search:detail", args=[approved[1].pk]) in html


@freeze_time(TODAY)
def test_release_calendar_shows_release_summaries_to_signed_in_users(client, make_user, summarised):
    theme, approved, _summary = summarised
    release = ReleaseDate.objects.create(
        indicator=Indicator.objects.get(name=IHK), date=datetime.date(2026, 12, 8)
    )
    keys = service.scopes_for_releases(TODAY)
    assert service.ScopeKey(theme.pk, MONTH, release_id=release.pk) in keys
    summary = service.generate(theme, MONTH, release=release, provider=ExtractiveProvider())
    assert "menjelang rilis Perkembangan IHK (Inflasi) 8 Desember 2026" in summary.text
    assert "Dibuat oleh" not in client.get(reverse("arc_calendar")).content.decode()
    login(client, make_user)
    html = client.get(reverse("arc_calendar")).content.decode()
    assert "Ringkasan menjelang rilis" in html
    assert_card(html, summary, approved)


@freeze_time(TODAY)
def test_admin_asks_for_summaries_on_demand(client, make_user, summarised):
    theme, approved, first = summarised
    login(client, make_user, Role.ADMIN, "adm")
    page = client.get(reverse("summaries_runs")).content.decode()
    assert "Buat ringkasan sekarang" in page and "offline/ekstraktif-1" in page
    response = client.post(
        reverse("summaries_generate"), {"month": "2026-11", "themes": [theme.pk]}, follow=True
    )
    assert "1 ringkasan dijadwalkan untuk 2026-11" in response.content.decode()
    newest = ThemeSummary.objects.current(theme, MONTH)
    assert newest.pk != first.pk  # forced, although nothing changed
    assert newest.requested_by.username == "adm"


@freeze_time(TODAY)
def test_bad_month_is_refused_with_a_message_and_keeps_the_choice(client, make_user, summarised):
    theme, _approved, _first = summarised
    login(client, make_user, Role.ADMIN, "adm")
    response = client.post(
        reverse("summaries_generate"), {"month": "bulan lalu", "themes": [theme.pk]}
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "Isi bulan dengan format TTTT-BB." in html
    assert re.search(rf'name="themes" value="{theme.pk}"[^>]* checked', html)
    assert ThemeSummary.objects.count() == 1


@pytest.mark.parametrize("role", [Role.VIEWER, Role.OPERATOR, Role.SUPERVISOR])
def test_only_admins_may_ask(client, make_user, summarised, role):
    theme, _approved, _first = summarised
    login(client, make_user, role, f"u-{role.lower()}")
    response = client.post(reverse("summaries_generate"), {"month": "2026-11"})
    assert response.status_code in (302, 403)
    assert ThemeSummary.objects.count() == 1


def test_weekly_schedule_is_created_by_setup_schedules(db):
    from django.core.management import call_command
    from django_q.models import Schedule

    call_command("setup_schedules")
    schedule = Schedule.objects.get(func="summaries.tasks.weekly")
    assert schedule.schedule_type == Schedule.WEEKLY


@freeze_time(TODAY)
def test_weekly_run_summarises_this_and_last_month_and_skips_unchanged(summarised, settings):
    from summaries import tasks

    settings.MISTRAL_API_KEY = ""
    theme, approved, first = summarised
    assert tasks.weekly() >= 1
    assert ThemeSummary.objects.count() == 1  # nothing changed since
    PhenomenonFactory(
        theme=theme,
        reference_period=MONTH,
        author=None,
        published=True,
        title="Harga bawang merah turun",
        indicators=[(IHK, "turun")],
        narrative="Harga bawang merah di pasar Senen turun 10 persen karena panen raya.",
    )
    tasks.weekly()
    assert ThemeSummary.objects.current(theme, MONTH).phenomenon_count == 4
