"""Reminders are sent once: `send_once` records (user, kind, key) and delivers through alerts.

Delivery itself (channels, preferences, e-mail through django-q2 after the commit) is
`alerts.delivery.deliver`, the same for reminders and workflow notifications.
"""

from django.db import transaction

from alerts.delivery import deliver

from .models import SentReminder


def send_once(user, kind, key, verb, description, url=None, digest_lines=None, **extra) -> bool:
    """Deliver unless (user, kind, key) was already sent; True if sent now.

    The record and the in-app notification are one transaction, and the e-mail is queued for
    when it commits: if anything fails the record is rolled back, nothing was e-mailed, and the
    next run sends it. Two runs at the same time: the unique constraint lets only one of them
    create the record. A mail server that refuses does not undo the record: django-q2 retries
    the e-mail (`alerts.email`), so the reminder is never sent twice.
    """
    with transaction.atomic():
        record, created = SentReminder.objects.get_or_create(user=user, kind=kind, key=key)
        if not created:
            return False
        used = deliver(user, kind, verb, description, url, digest_lines, **extra)
        record.channels = ",".join(used)
        record.save(update_fields=["channels"])
    return True
