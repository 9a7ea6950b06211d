"""Schedules: created idempotently, run by django-q's scheduler, visible and editable by admins."""

import datetime
import re

import pytest
from django.core.management import call_command
from django_q.models import Schedule
from django_q.scheduler import scheduler
from freezegun import freeze_time
from reminders_helpers import inapp, jakarta

from phenomena.models import Role
from reminders.models import Holiday
from reminders.schedules import SCHEDULES
from tests.conftest import PASSWORD


def test_setup_schedules_is_idempotent_and_keeps_admin_edits(db):
    call_command("setup_schedules")
    call_command("setup_schedules")
    assert Schedule.objects.count() == len(SCHEDULES)
    assert set(Schedule.objects.values_list("func", flat=True)) == {p.func for p in SCHEDULES}

    daily = Schedule.objects.get(func="reminders.tasks.operator_daily")
    daily.next_run = jakarta("2030-01-01 06:45")
    daily.save()
    call_command("setup_schedules")
    daily.refresh_from_db()
    assert daily.next_run == jakarta("2030-01-01 06:45")  # the admin's choice survives

    call_command("setup_schedules", "--reset")
    daily.refresh_from_db()
    assert daily.next_run != jakarta("2030-01-01 06:45")
    assert Schedule.objects.count() == len(SCHEDULES)


def test_schedules_run_at_their_jakarta_times(db):
    with freeze_time(jakarta("2026-04-15 10:00")):  # a Wednesday
        call_command("setup_schedules")
    runs = {s.func: s.next_run for s in Schedule.objects.all()}
    assert runs["reminders.tasks.operator_daily"] == jakarta("2026-04-16 08:00")
    assert runs["reminders.tasks.operator_weekly"] == jakarta("2026-04-17 15:00")  # Friday
    assert runs["reminders.tasks.supervisor_waiting"] == jakarta("2026-04-20 08:00")  # Monday
    assert runs["reminders.tasks.arc_reminders"] == jakarta("2026-04-16 07:30")
    assert runs["reminders.tasks.viewer_digest"] == jakarta("2026-04-16 07:00")


def test_due_schedule_runs_the_reminder_through_django_q(make_user):
    operator = make_user("op_sched", Role.OPERATOR, "fungsi-sosial-2")
    with freeze_time(jakarta("2026-04-12 12:00")):  # Sunday
        call_command("setup_schedules")
    with freeze_time(jakarta("2026-04-13 08:01")):  # Monday: the daily one is due
        scheduler()  # sync in tests: the task runs here
    assert len(inapp(operator, "operator_daily")) == 1
    daily = Schedule.objects.get(func="reminders.tasks.operator_daily")
    assert daily.next_run == jakarta("2026-04-14 08:00")
    with freeze_time(jakarta("2026-04-13 08:02")):
        scheduler()  # not due again
    assert len(inapp(operator, "operator_daily")) == 1


@pytest.fixture
def admin_client(client, admin_user):
    client.login(username=admin_user.username, password=PASSWORD)
    return client


def test_admin_sees_and_edits_schedules(admin_client):
    call_command("setup_schedules")
    page = admin_client.get("/admin/jadwal-tugas/").content.decode()
    for plan in SCHEDULES:
        assert plan.name in page
    # django-q's own words, in Indonesian (locale_wagtail/ completes its catalogue too).
    assert "Harian" in page and "Mingguan" in page and ">Daily<" not in page
    schedule = Schedule.objects.get(func="reminders.tasks.scrape_due")
    url = f"/admin/jadwal-tugas/edit/{schedule.pk}/"
    form = admin_client.get(url).content.decode()
    assert "Seberapa sering tugas ini dijalankan." in form and "Triwulanan" in form
    assert re.search(rf"<title>[^<]*{schedule.name}", form)  # its name, not its function
    data = {
        "name": schedule.name,
        "func": schedule.func,
        "schedule_type": Schedule.WEEKLY,
        "minutes": "",
        "next_run": "2026-05-04 09:30",
        "repeats": "-1",
    }
    assert admin_client.post(url, data).status_code == 302
    schedule.refresh_from_db()
    assert schedule.schedule_type == Schedule.WEEKLY
    assert schedule.next_run == jakarta("2026-05-04 09:30")
    # Only the project's registered tasks can be scheduled from the admin.
    response = admin_client.post(url, {**data, "func": "os.system"})
    assert response.status_code == 200
    assert "Pilih salah satu tugas SIMFONI" in response.content.decode()


def test_admin_adds_a_holiday(admin_client):
    response = admin_client.post(
        "/admin/hari-libur/new/", {"date": "2026-04-14", "name": "Cuti bersama"}
    )
    assert response.status_code == 302
    assert Holiday.objects.get(date=datetime.date(2026, 4, 14)).name == "Cuti bersama"


@pytest.mark.parametrize("role", [Role.OPERATOR, Role.SUPERVISOR, Role.VIEWER])
def test_other_roles_cannot_see_schedules(client, make_user, role):
    user = make_user("someone", role, "fungsi-sosial-1")
    client.login(username=user.username, password=PASSWORD)
    call_command("setup_schedules")
    for url in ("/admin/jadwal-tugas/", "/admin/hari-libur/new/"):
        response = client.get(url)
        assert response.status_code in (302, 403)
        assert "Pengingat harian operator" not in response.content.decode()
