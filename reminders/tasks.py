"""Entry points that django-q's schedules call (see `reminders.schedules`).

Each takes an optional `now` (tests travel in time; the scheduler passes nothing), asks its rule
in `reminders.rules` who gets what, and sends each reminder once. Returns how many were sent.
"""

import logging

from django.utils import timezone

from . import rules
from .delivery import send_once

logger = logging.getLogger(__name__)


def send_reminders(reminders) -> int:
    sent = 0
    for reminder in reminders:
        if send_once(
            reminder.user,
            reminder.kind,
            reminder.key,
            reminder.verb,
            reminder.description,
            url=reminder.url,
            digest_lines=reminder.lines,
        ):
            sent += 1
    return sent


def _run(rule, now=None, **kwargs) -> int:
    now = now or timezone.now()
    sent = send_reminders(rule(now, **kwargs))
    logger.info("reminders: %s sent %d", rule.__name__, sent)
    return sent


def operator_daily(now=None) -> int:
    return _run(rules.operator_daily, now)


def operator_weekly(now=None) -> int:
    return _run(rules.operator_weekly, now)


def supervisor_waiting(now=None) -> int:
    return _run(rules.supervisor_waiting, now)


def viewer_digest(now=None) -> int:
    """Viewers' daily or weekly digest of newly approved phenomena (each by their choice)."""
    return _run(rules.viewer_digest, now)


def arc_reminders(now=None) -> int:
    """Before a release (operators, supervisors) and on its day (viewers)."""
    return _run(rules.arc_upcoming, now) + _run(rules.arc_release_day, now)


def scrape_due(now=None) -> int:
    return _run(rules.scrape_due, now)
