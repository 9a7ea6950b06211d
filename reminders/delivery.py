"""Sending one notification to one user, the way they chose: in-app, e-mail, both or off.

`deliver` sends now; `send_once` sends only if (user, kind, key) was never sent before, recording
it in the same transaction (see `SentReminder`). Weekly reminders pass their items as
`digest_lines`: one notification and one e-mail listing them all, never one per item.
"""

import logging
import re
from urllib.parse import urljoin

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils.translation import gettext as _
from notifications.signals import notify

from .kinds import Channel, Frequency, get_kind
from .models import NotificationPreference, SentReminder

logger = logging.getLogger(__name__)


def channel_for(user, kind_code: str) -> str:
    """The user's channel for this kind: their choice, else the kind's default. A kind that
    cannot be turned off, or a digest (turned off by its frequency), never resolves to off,
    whatever is stored."""
    kind = get_kind(kind_code)
    stored = (
        NotificationPreference.objects.filter(user=user, kind=kind_code)
        .values_list("channel", flat=True)
        .first()
    )
    channel = stored or kind.default
    if channel == Channel.OFF and (kind.digest or not kind.optional):
        channel = kind.default
    return channel


def frequency_for(user, kind_code: str) -> str:
    """How often the user gets this digest kind: their choice, else the kind's default."""
    kind = get_kind(kind_code)
    stored = (
        NotificationPreference.objects.filter(user=user, kind=kind_code)
        .values_list("frequency", flat=True)
        .first()
    )
    frequency = stored or kind.default_frequency
    if frequency == Frequency.OFF and not kind.optional:
        frequency = kind.default_frequency
    return frequency


# Control characters (C0, DEL, C1); other whitespace is collapsed by str.split().
_CONTROL_RE = re.compile("[\x00-\x1f\x7f-\x9f]")


def email_subject(text: str, max_length: int = 180) -> str:
    """An e-mail subject from any text: "[SIMFONI] " and the text on one line (line breaks,
    tabs and other control characters become single spaces, so a header can never break),
    shortened to `max_length` characters."""
    line = " ".join(_CONTROL_RE.sub(" ", text).split())
    subject = f"[SIMFONI] {line}"
    if len(subject) > max_length:
        subject = subject[: max_length - 1].rstrip() + "…"
    return subject


def absolute_url(url: str | None) -> str | None:
    if not url:
        return None
    return urljoin(settings.WAGTAILADMIN_BASE_URL.rstrip("/") + "/", url)


def deliver(
    user,
    kind,
    verb,
    description,
    url=None,
    digest_lines=None,
    *,
    actor=None,
    target=None,
    action_object=None,
    extra_data=None,
    allow_email=True,
) -> list[str]:
    """Send one notification of `kind` to `user`; return the channels used ([] when off).

    `allow_email=False` keeps it in-app only (bulk loads); `extra_data` is stored with the
    in-app notification (e.g. the workflow event)."""
    if not user.is_active:
        return []
    channel = channel_for(user, kind)
    if not allow_email:
        channel = Channel.INAPP if channel != Channel.OFF else channel
    used = []
    lines = list(digest_lines or [])
    if channel in (Channel.INAPP, Channel.BOTH):
        notify.send(
            actor or user,
            recipient=user,
            verb=verb,
            description=description,
            target=target,
            action_object=action_object,
            data={"kind": kind, "url": url, "lines": lines, **(extra_data or {})},
        )
        used.append(Channel.INAPP)
    if channel in (Channel.EMAIL, Channel.BOTH) and user.email:
        body = [
            _("Yth. %(name)s,") % {"name": user.get_full_name() or user.get_username()},
            "",
            description,
        ]
        if lines:
            body += ["", *[f"- {line}" for line in lines]]
        link = absolute_url(url)
        if link:
            body += ["", link]
        body += [
            "",
            "-- ",
            _("SIMFONI. Atur notifikasi Anda di %(url)s")
            % {"url": absolute_url("/admin/preferensi-notifikasi/")},
        ]
        send_mail(
            subject=email_subject(str(verb)),
            message="\n".join(body),
            from_email=None,
            recipient_list=[user.email],
        )
        used.append(Channel.EMAIL)
    return used


def send_once(user, kind, key, verb, description, url=None, digest_lines=None, **extra) -> bool:
    """Deliver unless (user, kind, key) was already sent; True if sent now.

    The record and the in-app notification are one transaction: if sending fails the record is
    rolled back and the next run sends it. Two runs at the same time: the unique constraint
    lets only one of them create the record.
    """
    with transaction.atomic():
        record, created = SentReminder.objects.get_or_create(user=user, kind=kind, key=key)
        if not created:
            return False
        used = deliver(user, kind, verb, description, url, digest_lines, **extra)
        record.channels = ",".join(used)
        record.save(update_fields=["channels"])
    return True
