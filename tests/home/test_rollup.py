"""The dashboard rollups stay equal to a fresh recount after every kind of change."""

import datetime

import pytest
from django.core.cache import cache
from django.core.management import call_command
from freezegun import freeze_time

from home import dashboard, rollup
from home.dashboard import Filters
from phenomena.duplicates.merge import merge
from phenomena.models import Phenomenon, Scope, Subject, Theme
from tests.home.test_dashboard import NOW, make, ops  # noqa: F401 (fixtures)

TODAY = datetime.date(2026, 4, 15)


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()
    yield
    cache.clear()


def recounted() -> dict:
    """What `rebuild_dashboard_counts` computes from the phenomena now."""
    maintained = rollup.snapshot()
    call_command("rebuild_dashboard_counts", verbosity=0)
    fresh = rollup.snapshot()
    return maintained, fresh


def assert_exact():
    maintained, fresh = recounted()
    assert fresh, "the recount is empty: nothing was counted"
    assert maintained == fresh


def figures(**filters):
    return dashboard.compute(Filters(**filters), TODAY)


@freeze_time(NOW)
def test_publish_unpublish_and_delete_keep_rollups_exact(make, ops, admin_user):  # noqa: F811 (fixtures)
    first = make("2026-04-02T00:00:00Z", author=ops["ana"], keywords=["banjir"])
    pending = make("2026-04-03T00:00:00Z", author=ops["budi"], live=False, keywords=["rob"])
    assert_exact()
    assert figures()["subjects"]["total"] == 1

    pending.save_revision(user=admin_user).publish(user=admin_user)
    assert_exact()
    data = figures()
    assert data["subjects"]["total"] == 2
    assert {k["name"] for k in data["keywords"]} == {"banjir", "rob"}

    pending.refresh_from_db()
    pending.unpublish(user=admin_user)
    assert_exact()
    assert figures()["subjects"]["total"] == 1
    assert figures(include_pending=True)["subjects"]["total"] == 2

    first.delete()
    assert_exact()
    data = figures(include_pending=True)
    assert data["subjects"]["total"] == 1
    assert [k["name"] for k in data["keywords"]] == ["rob"]
    assert [o["username"] for o in data["contributors"]["operators"]] == ["budi"]


@freeze_time(NOW)
def test_editing_theme_area_and_keywords_moves_the_counts(make, ops, admin_user):  # noqa: F811 (fixtures)
    phenomenon = make("2026-04-02T00:00:00Z", author=ops["dedi"], keywords=["rob"])
    make("2026-04-04T00:00:00Z", author=ops["ana"])
    assert figures(area="3172")["subjects"]["total"] == 0

    other = Subject.objects.exclude(pk=phenomenon.subject_id).first()
    phenomenon.subject = other
    phenomenon.theme = Theme.objects.filter(subject=other).first()
    phenomenon.area = Scope.objects.get(code="3172")
    phenomenon.scope = Scope.objects.get(code="kabkota")
    phenomenon.save_revision(user=admin_user).publish(user=admin_user)
    assert_exact()
    east = figures(area="3172")
    assert east["subjects"]["total"] == 1
    assert {r["code"]: r["count"] for r in east["subjects"]["rows"]}[other.code] == 1
    assert [k["name"] for k in east["keywords"]] == ["rob"]

    phenomenon.refresh_from_db()
    phenomenon.keywords.set(["banjir", "gempa"])
    phenomenon.save()
    assert_exact()
    assert sorted(k["name"] for k in figures(area="3172")["keywords"]) == ["banjir", "gempa"]

    # writes that send no signal are counted too (the rollups follow the table)
    Phenomenon.objects.filter(pk=phenomenon.pk).update(
        live=False, created_at=datetime.datetime(2026, 3, 1, tzinfo=datetime.UTC)
    )
    assert_exact()
    assert figures(area="3172")["subjects"]["total"] == 0


@freeze_time(NOW)
def test_merge_keeps_rollups_exact(make, ops, make_user, admin_user):  # noqa: F811 (fixtures)
    survivor = make("2026-04-02T00:00:00Z", author=ops["ana"], keywords=["banjir"])
    duplicate = make("2026-04-03T00:00:00Z", author=ops["budi"], keywords=["rob"])
    survivor.save_revision(user=admin_user).publish(user=admin_user)
    duplicate.save_revision(user=admin_user).publish(user=admin_user)
    assert figures()["subjects"]["total"] == 2

    merge(survivor, duplicate, admin_user)  # an admin may merge any pair
    assert_exact()
    data = figures()
    assert data["subjects"]["total"] == 1
    assert sorted(k["name"] for k in data["keywords"]) == ["banjir", "rob"]
    assert [o["username"] for o in data["contributors"]["operators"]] == ["ana"]


@freeze_time(NOW)
def test_rebuild_is_idempotent_and_repairs_a_stale_rollup(make, ops):  # noqa: F811 (fixtures)
    make("2026-04-02T00:00:00Z", author=ops["ana"], keywords=["banjir"])
    make("2026-01-02T00:00:00Z", author=ops["citra"], area="3172", keywords=["rob"], live=False)
    before = figures(include_pending=True, period="semua")
    maintained = rollup.snapshot()
    from home.models import DailyKeywordCount, DailySubjectCount

    DailySubjectCount.objects.update(n=99)  # corrupt
    DailyKeywordCount.objects.all().delete()
    call_command("rebuild_dashboard_counts", verbosity=0)
    call_command("rebuild_dashboard_counts", verbosity=0)
    assert rollup.snapshot() == maintained
    assert figures(include_pending=True, period="semua") == before
