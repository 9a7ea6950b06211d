"""django-q2 tasks: the weekly run, the admins' on-demand run, one scope with retries.

A failed or timed-out provider call keeps the previous summary (the failed run is stored with
its error and tokens), is logged, and is tried again later through a one-off django-q2
Schedule: after SUMMARY_RETRY_SECONDS, then twice as long each time, up to
SUMMARY_MAX_ATTEMPTS attempts in all.
"""

from __future__ import annotations

import datetime
import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils import timezone
from django_q.models import Schedule
from django_q.tasks import async_task

from home.dashboard import add_months, local_today

from . import service
from .providers import ProviderError

logger = logging.getLogger(__name__)

TASK = "summaries.tasks.summarise_scope"


def retry_delay(attempt: int) -> datetime.timedelta:
    """Back-off before attempt `attempt + 1`: 1×, 2×, 4×… SUMMARY_RETRY_SECONDS."""
    return datetime.timedelta(seconds=settings.SUMMARY_RETRY_SECONDS * 2 ** (attempt - 1))


def summarise_scope(
    theme_id, month, area_id=None, release_id=None, attempt=1, requested_by_id=None, force=False
):
    """One scope (django-q2 task). Returns the stored row's id, or None."""
    key = service.ScopeKey(
        theme_id, datetime.date.fromisoformat(month), area_id=area_id, release_id=release_id
    )
    theme, month_date, area, release = service.resolve(key)
    user = get_user_model().objects.filter(pk=requested_by_id).first() if requested_by_id else None
    try:
        row = service.generate(
            theme, month_date, area, release, attempt=attempt, requested_by=user, force=force
        )
    except ProviderError as exc:
        if exc.retryable and attempt < settings.SUMMARY_MAX_ATTEMPTS:
            when = timezone.now() + retry_delay(attempt)
            Schedule.objects.create(
                name=f"Ringkasan ulang {theme} {month} #{attempt + 1} ({timezone.now():%H%M%S%f})",
                func=TASK,
                kwargs=repr(
                    {
                        **key.as_kwargs(),
                        "attempt": attempt + 1,
                        "requested_by_id": requested_by_id,
                        "force": force,
                    }
                ),
                schedule_type=Schedule.ONCE,
                repeats=-1,  # deleted once it has run
                next_run=when,
            )
            logger.info("Summary of %s %s retried at %s", theme, month, when)
        else:
            logger.error("Summary of %s %s given up after %s attempts", theme, month, attempt)
        return getattr(exc, "row", None) and exc.row.pk
    return row.pk if row else None


def enqueue(keys, requested_by_id=None, force=False) -> int:
    for key in keys:
        async_task(
            TASK,
            **key.as_kwargs(),
            requested_by_id=requested_by_id,
            force=force,
            task_name=f"ringkasan-{key.theme_id}-{key.month:%Y%m}",
        )
    return len(keys)


def weekly(today=None) -> int:
    """The weekly schedule: every scope of the current month and of the month before (most
    phenomena about a month are entered in the next one), and the upcoming releases. Scopes
    whose phenomena did not change are skipped by `service.generate`."""
    today = today or local_today()
    month = today.replace(day=1)
    keys = service.scopes_for_month(month) + service.scopes_for_month(add_months(month, -1))
    keys += service.scopes_for_releases(today)
    return enqueue(keys)


def on_demand(month, theme_ids=None, requested_by_id=None) -> int:
    """An admin's request: every scope of `month` (ISO date), of the chosen themes or all,
    summarised again even when nothing changed."""
    month = datetime.date.fromisoformat(month).replace(day=1)
    keys = service.scopes_for_month(month, theme_ids)
    keys += [k for k in service.scopes_for_releases(theme_ids=theme_ids) if k.month == month]
    return enqueue(keys, requested_by_id=requested_by_id, force=True)
