"""The reminder schedules, created idempotently by `manage.py setup_schedules`.

Times are Asia/Jakarta. A schedule that exists (same name) is left as the admin edited it;
`--reset` puts the defaults back.
"""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.utils import timezone
from django_q.models import Schedule


@dataclass(frozen=True)
class Plan:
    name: str
    func: str
    schedule_type: str
    at: datetime.time
    weekday: int | None = None  # 0 = Monday, for weekly ones


SCHEDULES = [
    Plan("Pengingat harian operator", "reminders.tasks.operator_daily", Schedule.DAILY,
         datetime.time(8, 0)),
    Plan("Ringkasan mingguan operator", "reminders.tasks.operator_weekly", Schedule.WEEKLY,
         datetime.time(15, 0), weekday=4),
    Plan("Pengingat mingguan supervisor", "reminders.tasks.supervisor_waiting", Schedule.WEEKLY,
         datetime.time(8, 0), weekday=0),
    Plan("Pengingat ARC", "reminders.tasks.arc_reminders", Schedule.DAILY, datetime.time(7, 30)),
    # Daily: sends the daily digests every day and the weekly ones on Monday (or the first
    # run of the week), each viewer as they chose.
    Plan("Ringkasan fenomena disetujui untuk pemantau", "reminders.tasks.viewer_digest",
         Schedule.DAILY, datetime.time(7, 0)),
    Plan("Pengingat fenomena kurang sebelum rilis", "dossiers.tasks.coverage_reminders",
         Schedule.DAILY, datetime.time(7, 45)),
    Plan("Pengingat web scraping", "reminders.tasks.scrape_due", Schedule.DAILY,
         datetime.time(9, 0)),
    # summaries/: every theme's summary of this month and the last, and upcoming releases.
    Plan("Ringkasan AI mingguan per tema", "summaries.tasks.weekly", Schedule.WEEKLY,
         datetime.time(5, 0), weekday=0),
    # reports/: every approved phenomenon's source links; a report per dead link.
    Plan("Pemeriksaan tautan bukti mingguan", "reports.tasks.check_dead_links", Schedule.WEEKLY,
         datetime.time(2, 0), weekday=6),
    # scrape/: every enabled news portal, every two weeks (SCRAPE_SCHEDULE_TYPE).
    Plan("Web scraping portal berita", "scrape.tasks.scheduled_run",
         getattr(settings, "SCRAPE_SCHEDULE_TYPE", Schedule.BIWEEKLY), datetime.time(1, 0),
         weekday=0),
]  # fmt: skip


def first_run(plan: Plan, now=None) -> datetime.datetime:
    """The next local `plan.at` (on `plan.weekday` for weekly plans) after `now`."""
    now = timezone.localtime(now or timezone.now())
    candidate = now.replace(hour=plan.at.hour, minute=plan.at.minute, second=0, microsecond=0)
    if plan.weekday is not None:
        candidate += datetime.timedelta(days=(plan.weekday - candidate.weekday()) % 7)
    while candidate <= now:
        candidate += datetime.timedelta(days=7 if plan.weekday is not None else 1)
    return candidate


def setup_schedules(reset: bool = False, now=None) -> tuple[int, int]:
    """Create the missing schedules (and with `reset`, restore existing ones to the defaults).
    Returns (created, reset)."""
    created = updated = 0
    for plan in SCHEDULES:
        defaults = {
            "func": plan.func,
            "schedule_type": plan.schedule_type,
            "next_run": first_run(plan, now),
            "repeats": -1,
        }
        schedule = Schedule.objects.filter(name=plan.name).order_by("pk").first()
        if schedule is None:
            Schedule.objects.create(name=plan.name, **defaults)
            created += 1
        elif reset:
            for attr, value in defaults.items():
                setattr(schedule, attr, value)
            schedule.save()
            updated += 1
    return created, updated
