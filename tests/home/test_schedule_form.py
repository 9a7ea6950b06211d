"""The task schedule form offers SIMFONI's tasks by name (a dropdown), not a free-text
function path; the list shows the task's name and dates in the one Indonesian format."""

import pytest
from django.core.management import call_command
from django_q.models import Schedule

from reminders.schedules import SCHEDULES
from reminders.viewsets import TASK_FUNCTIONS


@pytest.fixture
def schedule(db):
    call_command("setup_schedules")
    return Schedule.objects.get(func="reminders.tasks.scrape_due")


def test_function_is_a_dropdown_of_named_tasks(client, admin_user, schedule):
    client.force_login(admin_user)
    html = client.get(f"/admin/jadwal-tugas/edit/{schedule.pk}/").content.decode()
    assert '<select name="func"' in html
    assert '<input type="text" name="func"' not in html
    for plan in SCHEDULES:
        assert f'<option value="{plan.func}"' in html and plan.name in html
    assert 'value="reminders.tasks.scrape_due" selected' in html


def test_every_scheduled_task_is_offered_and_exists():
    import importlib

    assert [func for func, _label in TASK_FUNCTIONS] == [plan.func for plan in SCHEDULES]
    for func, _label in TASK_FUNCTIONS:
        module, name = func.rsplit(".", 1)
        assert callable(getattr(importlib.import_module(module), name))


def test_choosing_another_task_saves_it_and_a_made_up_one_is_refused(client, admin_user, schedule):
    client.force_login(admin_user)
    url = f"/admin/jadwal-tugas/edit/{schedule.pk}/"
    data = {
        "name": schedule.name,
        "func": "reminders.tasks.arc_reminders",
        "schedule_type": Schedule.DAILY,
        "minutes": "",
        "next_run": "2026-05-04 09:30",
        "repeats": "-1",
    }
    assert client.post(url, data).status_code == 302
    schedule.refresh_from_db()
    assert schedule.func == "reminders.tasks.arc_reminders"
    response = client.post(url, {**data, "func": "reminders.tasks.send_reminders"})
    html = response.content.decode()
    assert response.status_code == 200 and "Pilih salah satu tugas SIMFONI" in html
    schedule.refresh_from_db()
    assert schedule.func == "reminders.tasks.arc_reminders"


@pytest.mark.parametrize(
    "func",
    [
        "scrape.tasks.scheduled_run",
        "summaries.tasks.weekly",
        "dossiers.tasks.coverage_reminders",
        "reports.tasks.check_dead_links",
    ],
)
def test_schedules_of_other_apps_can_be_edited(client, admin_user, schedule, func):
    """Every registered schedule is editable, not only reminders.tasks.* (the scrape run every
    two weeks became weekly, say); a dotted path outside the registered tasks stays refused."""
    client.force_login(admin_user)
    other = Schedule.objects.get(func=func)
    url = f"/admin/jadwal-tugas/edit/{other.pk}/"
    data = {
        "name": other.name,
        "func": func,
        "schedule_type": Schedule.WEEKLY,
        "minutes": "",
        "next_run": "2026-05-04 01:00",
        "repeats": "-1",
    }
    assert client.post(url, data).status_code == 302
    other.refresh_from_db()
    assert other.func == func and other.schedule_type == Schedule.WEEKLY
    for made_up in ("scrape.tasks.run_part", "scrape.runner.start_run", "os.system"):
        response = client.post(url, {**data, "func": made_up})
        assert response.status_code == 200
        assert "Pilih salah satu tugas SIMFONI" in response.content.decode()
    other.refresh_from_db()
    assert other.func == func


def test_an_older_schedule_keeps_its_unlisted_function_but_cannot_take_another(
    client, admin_user, schedule
):
    client.force_login(admin_user)
    old = Schedule.objects.create(
        name="Lama", func="reminders.tasks.send_reminders", schedule_type=Schedule.DAILY
    )
    url = f"/admin/jadwal-tugas/edit/{old.pk}/"
    data = {
        "name": "Lama",
        "func": old.func,
        "schedule_type": Schedule.WEEKLY,
        "minutes": "",
        "next_run": "2026-05-04 01:00",
        "repeats": "-1",
    }
    assert client.post(url, data).status_code == 302
    old.refresh_from_db()
    assert old.schedule_type == Schedule.WEEKLY
    response = client.post(url, {**data, "func": "reminders.tasks.other_made_up"})
    assert response.status_code == 200


def test_list_names_the_task_and_dates_read_in_indonesian(client, admin_user, schedule):
    client.force_login(admin_user)
    html = client.get("/admin/jadwal-tugas/").content.decode()
    assert "Pengingat web scraping" in html
    assert "reminders.tasks.scrape_due" not in html
    schedule.refresh_from_db()
    from django.utils import timezone
    from django.utils.formats import date_format
    from django.utils.translation import override

    with override("id"):
        expected = date_format(timezone.localtime(schedule.next_run), "DATETIME_FORMAT")
    assert expected in html and f"{timezone.localtime(schedule.next_run):%d-%m-%Y}" not in html
