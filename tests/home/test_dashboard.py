"""Each dashboard figure against hand-counted phenomena (created directly, known timestamps)."""

import datetime

import pytest
from django.core.cache import cache
from django.urls import reverse
from freezegun import freeze_time
from taggit.models import Tag

from home import dashboard
from home.dashboard import Filters
from phenomena.models import Phenomenon, PhenomenonKeyword, ReleaseDate, Role, Scope, Subject, Theme
from tests.conftest import PASSWORD

NOW = "2026-04-15T03:00:00Z"  # Wednesday 15 April 2026, 10:00 in Jakarta


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def ops(make_user):
    return {
        "ana": make_user("ana", Role.OPERATOR, "fungsi-sosial-2"),
        "budi": make_user("budi", Role.OPERATOR, "fungsi-sosial-1"),
        "citra": make_user("citra", Role.OPERATOR, "fungsi-distribusi-1"),
        "dedi": make_user("dedi", Role.OPERATOR, "bps-3172"),
    }


@pytest.fixture
def make(db):
    scope_dki = Scope.objects.get(code="dki")
    scope_kab = Scope.objects.get(code="kabkota")

    def build(created, subject="ekonomi", live=True, author=None, keywords=(), area=None):
        subject_obj = Subject.objects.get(code=subject)
        created_at = datetime.datetime.fromisoformat(created.replace("Z", "+00:00"))
        return _create(subject_obj, created_at, live, author, keywords, area, scope_dki, scope_kab)

    return build


def _create(subject, created_at, live, author, keywords, area, scope_dki, scope_kab):
    phenomenon = Phenomenon.objects.create(
        title="Fenomena uji",
        narrative="Narasi uji.",
        reference_period=datetime.date(2024, 1, 1),
        scope=scope_kab if area else scope_dki,
        area=Scope.objects.get(code=area) if area else None,
        subject=subject,
        theme=Theme.objects.filter(subject=subject).first(),
        author=author,
        work_unit=author.simfoni_profile.work_unit if author else None,
        created_at=created_at,
        live=live,
    )
    for keyword in keywords:
        tag = (
            keyword
            if isinstance(keyword, Tag)
            else Tag.objects.get_or_create(name=keyword, defaults={"slug": keyword.lower()})[0]
        )
        PhenomenonKeyword.objects.create(content_object=phenomenon, tag=tag)
    return phenomenon


def month_count(data, month, subject=None):
    index = data["monthly"]["months"].index(month)
    if subject is None:
        return data["monthly"]["total"][index]
    series = next(s for s in data["monthly"]["series"] if s["code"] == subject)
    return series["counts"][index]


@freeze_time(NOW)
def test_monthly_counts_follow_jakarta_months(make):
    make("2026-03-31T18:00:00Z")  # 1 April 01:00 in Jakarta
    make("2026-03-31T16:59:00Z")  # 31 March 23:59 in Jakarta
    make("2026-04-10T00:00:00Z", subject="sosial")
    make("2026-04-11T00:00:00Z", live=False)  # not approved: not counted
    make("2024-04-30T17:00:00Z")  # 1 May 2024 00:00 Jakarta: the oldest month in the chart
    make("2024-04-30T16:59:00Z")  # 30 April 2024 in Jakarta: too old
    data = dashboard.compute(Filters(), datetime.date(2026, 4, 15))

    assert len(data["monthly"]["months"]) == 24
    assert data["monthly"]["months"][0] == "2024-05-01"
    assert data["monthly"]["months"][-1] == "2026-04-01"
    assert month_count(data, "2026-04-01") == 2
    assert month_count(data, "2026-04-01", "ekonomi") == 1
    assert month_count(data, "2026-04-01", "sosial") == 1
    assert month_count(data, "2026-03-01") == 1
    assert month_count(data, "2024-05-01") == 1
    assert sum(data["monthly"]["total"]) == 4
    assert [r["total"] for r in data["monthly"]["rows"]] == data["monthly"]["total"]


@freeze_time(NOW)
def test_subject_totals_cover_the_past_12_months(make):
    make("2025-04-30T17:00:00Z", subject="sosial")  # 1 May 2025 Jakarta: first of the 12 months
    make("2025-04-30T16:59:00Z", subject="sosial")  # April 2025: 13th month back, not counted
    make("2026-01-05T00:00:00Z", subject="ekonomi")
    make("2026-02-05T00:00:00Z", subject="ekonomi")
    make("2026-02-06T00:00:00Z", subject="lingkungan", live=False)
    totals = dashboard.compute(Filters(), datetime.date(2026, 4, 15))["subjects"]
    by_code = {row["code"]: row["count"] for row in totals["rows"]}
    assert by_code == {"sosial": 1, "ekonomi": 2, "lingkungan": 0}
    assert totals["total"] == 3
    assert totals["from"] == "Mei 2025" and totals["to"] == "April 2026"


@freeze_time(NOW)
def test_top_contributors_with_tie_break_and_period(make, ops):
    for _i in range(3):
        make("2026-01-10T00:00:00Z", author=ops["ana"])  # old: only in 12 months / all
    for name in ["dedi", "citra", "budi"]:  # ties at 2, inserted in reverse alphabetical order
        make("2026-04-01T00:00:00Z", author=ops[name])
        make("2026-04-02T00:00:00Z", author=ops[name])
    make("2026-04-03T00:00:00Z", author=ops["dedi"], live=False)  # pending: not counted
    today = datetime.date(2026, 4, 15)

    year = dashboard.top_contributors(Filters(period="12b"), today)
    assert [(o["username"], o["count"]) for o in year["operators"]] == [
        ("ana", 3),
        ("budi", 2),
        ("citra", 2),
    ]
    assert year["operators"][0]["unit"] == "Fungsi Sosial 2"
    month = dashboard.top_contributors(Filters(period="30h"), today)
    assert [(o["username"], o["count"]) for o in month["operators"]] == [
        ("budi", 2),
        ("citra", 2),
        ("dedi", 2),
    ]
    units = [(u["name"], u["count"]) for u in year["units"]]
    assert units[0] == ("Fungsi Sosial 2", 3)
    assert [count for _name, count in units[1:]] == [2, 2]
    assert [name for name, _count in units[1:]] == sorted(name for name, _count in units[1:])


@freeze_time(NOW)
def test_top_keywords_last_two_weeks_case_folded(make, client, viewer):
    upper = Tag.objects.create(name="Inflasi", slug="inflasi")
    lower = Tag.objects.create(name="inflasi", slug="inflasi-1")
    make("2026-04-14T00:00:00Z", keywords=[upper, "cabai"])
    make("2026-04-10T00:00:00Z", keywords=[lower, "banjir"])
    make("2026-04-01T17:00:00Z", keywords=[lower, "zebra"])  # 2 April Jakarta: first day in
    make("2026-04-01T16:59:00Z", keywords=["cabai", "zebra"])  # 1 April Jakarta: too old
    make("2026-04-12T00:00:00Z", keywords=["banjir", "cabai", "zebra"])
    make("2026-04-13T00:00:00Z", keywords=["zebra", "gempa"], live=False)  # pending
    top = dashboard.top_keywords(Filters(), datetime.date(2026, 4, 15))
    # inflasi 3 (two spellings), then banjir 2, cabai 2, zebra 2: tie broken A→Z
    assert [(k["name"].lower(), k["count"]) for k in top] == [
        ("inflasi", 3),
        ("banjir", 2),
        ("cabai", 2),
    ]
    client.login(username=viewer.username, password=PASSWORD)
    response = client.get(reverse("dashboard"))
    assert 'href="/cari/?keyword=inflasi"' in response.content.decode()
    assert "3 <small>fenomena" in response.content.decode()


@freeze_time(NOW)
def test_kabkota_filter(make, ops, client, viewer):
    make("2026-04-02T00:00:00Z", author=ops["dedi"], area="3172", keywords=["rob"])
    make("2026-04-03T00:00:00Z", author=ops["dedi"], area="3172")
    make("2026-04-04T00:00:00Z", author=ops["ana"], area="3171")
    make("2026-04-05T00:00:00Z", author=ops["ana"], keywords=["inflasi"])
    today = datetime.date(2026, 4, 15)
    assert dashboard.compute(Filters(), today)["subjects"]["total"] == 4
    east = dashboard.compute(Filters(area="3172"), today)
    assert east["subjects"]["total"] == 2
    assert [o["username"] for o in east["contributors"]["operators"]] == ["dedi"]
    assert [k["name"] for k in east["keywords"]] == ["rob"]

    client.login(username=viewer.username, password=PASSWORD)
    response = client.get(reverse("dashboard"), {"wilayah": "3172"})
    assert response.context["dash"]["subjects"]["total"] == 2
    assert response.context["area"].code == "3172"
    unknown = client.get(reverse("dashboard"), {"wilayah": "9999"})
    assert unknown.context["dash"]["subjects"]["total"] == 4


@freeze_time(NOW)
def test_kabkota_staff_start_on_their_own_area(make, ops, client, make_user):
    make("2026-04-02T00:00:00Z", author=ops["dedi"], area="3172")
    make("2026-04-05T00:00:00Z", author=ops["ana"])
    spv = make_user("spv3172", Role.SUPERVISOR, "bps-3172")
    client.login(username=spv.username, password=PASSWORD)
    assert client.get(reverse("dashboard")).context["dash"]["subjects"]["total"] == 1
    everywhere = client.get(reverse("dashboard"), {"wilayah": ""})
    assert everywhere.context["dash"]["subjects"]["total"] == 2


@freeze_time(NOW)
def test_pending_only_for_staff_who_ask(make, client, viewer, supervisor):
    make("2026-04-02T00:00:00Z")
    make("2026-04-03T00:00:00Z", live=False)
    make("2026-04-04T00:00:00Z", live=False)
    url = reverse("dashboard")

    client.login(username=viewer.username, password=PASSWORD)
    asked = client.get(url, {"tertunda": "1"})
    assert asked.context["dash"]["subjects"]["total"] == 1
    assert asked.context["filters"].include_pending is False
    assert 'name="tertunda"' not in asked.content.decode()

    client.login(username=supervisor.username, password=PASSWORD)
    assert client.get(url).context["dash"]["subjects"]["total"] == 1
    staff = client.get(url, {"tertunda": "1"})
    assert staff.context["dash"]["subjects"]["total"] == 3
    assert 'name="tertunda"' in staff.content.decode()


@freeze_time(NOW)
def test_cache_serves_figures_until_a_phenomenon_is_published(make, admin_user):
    make("2026-04-02T00:00:00Z")
    assert dashboard.figures(Filters())["subjects"]["total"] == 1

    # A change without a signal is not seen: the figures come from the cache.
    Phenomenon.objects.update(live=False)
    assert dashboard.figures(Filters())["subjects"]["total"] == 1

    pending = make("2026-04-03T00:00:00Z", live=False)  # creating one invalidates too
    assert dashboard.figures(Filters())["subjects"]["total"] == 0
    revision = pending.save_revision(user=admin_user)
    revision.publish(user=admin_user)
    assert dashboard.figures(Filters())["subjects"]["total"] == 1

    pending.refresh_from_db()
    pending.unpublish(user=admin_user)
    assert dashboard.figures(Filters())["subjects"]["total"] == 0

    Phenomenon.objects.filter(pk=pending.pk).update(live=True)
    dashboard.invalidate()
    assert dashboard.figures(Filters())["subjects"]["total"] == 1
    pending.delete()
    assert dashboard.figures(Filters())["subjects"]["total"] == 0


@freeze_time(NOW)
def test_cache_keys_differ_per_filter(make, ops):
    make("2026-04-02T00:00:00Z", author=ops["dedi"], area="3172")
    make("2026-04-03T00:00:00Z", live=False)
    assert dashboard.figures(Filters())["subjects"]["total"] == 1
    assert dashboard.figures(Filters(include_pending=True))["subjects"]["total"] == 2
    assert dashboard.figures(Filters(area="3171"))["subjects"]["total"] == 0


@freeze_time(NOW)
def test_calendar_of_this_month_and_next(client, viewer):
    from phenomena.models import Indicator

    inflation = Indicator.objects.get(slug="perkembangan-ihk-inflasi")
    tourism = Indicator.objects.get(slug="perkembangan-pariwisata")
    growth = Indicator.objects.get(slug="pertumbuhan-ekonomi")
    for indicator, day in [
        (inflation, "2026-04-01"),
        (tourism, "2026-04-14"),  # this week (Mon 13 – Sun 19 April)
        (inflation, "2026-04-15"),  # today
        (growth, "2026-05-05"),  # next month
        (growth, "2026-06-05"),  # not shown
    ]:
        ReleaseDate.objects.create(indicator=indicator, date=datetime.date.fromisoformat(day))
    client.login(username=viewer.username, password=PASSWORD)
    response = client.get(reverse("dashboard"))
    months = response.context["months"]
    assert [(m["year"], m["month"]) for m in months] == [(2026, 4), (2026, 5)]
    april = {r["date"].day: r for r in months[0]["releases"]}
    assert sorted(april) == [1, 14, 15]
    assert april[15]["is_today"] and april[14]["this_week"] and april[1]["past"]
    assert [r["date"].day for r in months[1]["releases"]] == [5]
    html = response.content.decode()
    assert 'href="/cari/?indicator=perkembangan-ihk-inflasi"' in html
    assert 'href="/cari/?indicator=pertumbuhan-ekonomi"' in html
    assert "Hari ini" in html and "Minggu ini" in html
    assert "2026-06-05" not in html


def test_dashboard_needs_login(client, db):
    response = client.get(reverse("dashboard"))
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_login_lands_on_dashboard(client, viewer):
    response = client.post(
        reverse("wagtailadmin_login"), {"username": viewer.username, "password": PASSWORD}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("dashboard")
    assert client.get("/").url == reverse("dashboard")


def test_homepage_for_visitors_stays(client, db):
    assert client.get("/").status_code == 200


def test_admin_home_shows_dashboard_panels(client, viewer):
    client.login(username=viewer.username, password=PASSWORD)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Dasbor fenomena" in html
    assert "home/vendor/chartjs/chart.umd.min.js" in html
    assert "Kalender rilis (ARC)" in html


@freeze_time(NOW)
def test_cached_page_follows_release_calendar_changes(client, viewer):
    from phenomena.models import Indicator

    client.force_login(viewer)
    assert "Profil Kemiskinan" not in client.get(reverse("dashboard")).content.decode()
    release = ReleaseDate.objects.create(
        indicator=Indicator.objects.get(name="Profil Kemiskinan"), date=datetime.date(2026, 4, 20)
    )
    assert "Profil Kemiskinan" in client.get(reverse("dashboard")).content.decode()
    release.delete()
    assert "Profil Kemiskinan" not in client.get(reverse("dashboard")).content.decode()


def test_monthly_lines_are_straight_not_smoothed():
    """Chart.js's `tension` > 0 draws curves that wave between small counts (0–3) and dip
    below zero; every line dataset on the dashboard is drawn with straight segments."""
    import re
    from pathlib import Path

    script = (Path(__file__).parents[2] / "home/static/home/dashboard.js").read_text()
    tensions = re.findall(r"tension:\s*([0-9.]+)", script)
    assert tensions and all(float(t) == 0 for t in tensions)
    assert "cubicInterpolationMode" not in script
