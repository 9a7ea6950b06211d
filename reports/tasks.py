"""django-q2 tasks of the reports app (scheduled in reminders/schedules.py)."""

from dataclasses import asdict


def check_dead_links():
    """Weekly: check the approved phenomena's source links; file a report per dead link."""
    from .links import check_dead_links as run

    return asdict(run())
