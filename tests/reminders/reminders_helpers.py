"""Shared by the reminder tests: phenomena with known timestamps, a review workflow, inboxes."""

import datetime

import factory
from django.core import mail
from notifications.models import Notification

from phenomena.models import Theme
from tests.factories import PhenomenonFactory


def jakarta(text):
    """'2026-04-13 08:00' in Asia/Jakarta as an aware datetime."""
    naive = datetime.datetime.fromisoformat(text)
    return naive.replace(tzinfo=datetime.timezone(datetime.timedelta(hours=7)))


class ReminderPhenomenonFactory(PhenomenonFactory):
    """A row with known timestamps (created 13 April 2026, 09:00 Jakarta), no source and no
    revision until it is submitted (`in_review=True, submitted_at=...`)."""

    title = "Harga cabai naik"
    narrative = "Narasi uji."
    reference_period = datetime.date(2026, 3, 1)
    theme = factory.LazyFunction(lambda: Theme.objects.filter(subject__code="ekonomi").first())
    created_at = factory.LazyFunction(lambda: jakarta("2026-04-13 09:00"))
    sources = ()
    revision = False
    validate = False


def inapp(user, kind=None):
    notes = Notification.objects.filter(recipient=user)
    if kind:
        notes = [n for n in notes if (n.data or {}).get("kind") == kind]
    return list(notes)


def mails_to(user):
    return [m for m in mail.outbox if user.email in m.to]
