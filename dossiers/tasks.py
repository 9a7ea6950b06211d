"""Entry point the django-q2 schedule calls (reminders/schedules.py)."""

import logging

from django.utils import timezone

from reminders.tasks import send_reminders

from .reminders import coverage_reminders as coverage_rule

logger = logging.getLogger(__name__)


def coverage_reminders(now=None) -> int:
    """Remind operators of upcoming releases short of approved phenomena. Returns how many."""
    sent = send_reminders(coverage_rule(now or timezone.now()))
    logger.info("dossiers: coverage reminders sent %d", sent)
    return sent
