"""Sending one notification to one user, the way they chose: in-app, e-mail, both or off.

`deliver` is the one way any app notifies a user (workflow events, reminders, the scraper). The
in-app notification (django-notifications) is written in the caller's transaction; the e-mail is
queued with `alerts.email.queue_email`, i.e. sent through django-q2 after the commit, retried if
the mail server refuses, and never sent for a rolled-back transaction. Weekly reminders pass their
items as `digest_lines`: one notification and one e-mail listing them all, never one per item.
"""

import re
from urllib.parse import urljoin

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext as _
from notifications.signals import notify

from .email import queue_email
from .kinds import Channel, Frequency, get_kind
from .models import NotificationPreference


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


def email_body(user, description, lines=(), url=None) -> str:
    body = [
        _("Yth. %(name)s,") % {"name": user.get_full_name() or user.get_username()},
        "",
        str(description),
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
        % {"url": absolute_url(reverse("alerts_preferences"))},
    ]
    return "\n".join(body)


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
    email=True,
) -> list[str]:
    """Send one notification of `kind` to `user`; return the channels used ([] when off).

    `extra_data` is stored with the in-app notification (e.g. the workflow event). The e-mail
    leaves after the current transaction commits (see `alerts.email`); `email=False` (quiet
    bulk loads) records the in-app notification only."""
    if not user.is_active:
        return []
    channel = channel_for(user, kind)
    used = []
    lines = [str(line) for line in digest_lines or []]
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
    if email and channel in (Channel.EMAIL, Channel.BOTH) and user.email:
        queue_email(user.email, email_subject(str(verb)), email_body(user, description, lines, url))
        used.append(Channel.EMAIL)
    return used
