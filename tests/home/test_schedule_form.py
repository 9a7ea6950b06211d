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
    assert (
        response.status_code == 200 and "Hanya fungsi reminders.tasks" in response.content.decode()
    )


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
