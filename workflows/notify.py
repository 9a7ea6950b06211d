"""Workflow notifications: who hears of a submission, an approval or a rejection, and what.

These are lifecycle subscribers (`phenomena.lifecycle`), registered in `WorkflowsConfig.ready`
by `subscribe()`: they run once the decision is committed, never for a rolled-back one; quiet
events (bulk loads such as the demo data) are recorded in-app only, never e-mailed. Each
function decides its recipients (routing for reviewers, the author for decisions) and hands
each recipient one notification to `alerts.delivery.deliver`, which follows their preference
(in-app, e-mail through django-q2, both, off). Viewers get no notice per approval:
`reminders.rules.viewer_digest` sends them a digest.
"""

import contextlib

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext as _

from alerts.delivery import deliver
from phenomena import lifecycle

from .rejection import changed_field_labels, rejected_before
from .routing import reviewers_for

EVENT_SUBMITTED = lifecycle.SUBMITTED
EVENT_APPROVED = lifecycle.APPROVED
EVENT_REJECTED = lifecycle.REJECTED


def _absolute(url: str) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + url


def _url(name, phenomenon):
    return reverse(f"wagtailsnippets_phenomena_phenomenon:{name}", args=[phenomenon.pk])


# Each workflow event is a kind of notification with a preference (alerts.kinds).
EVENT_KINDS = {
    EVENT_SUBMITTED: "submission_new",
    EVENT_APPROVED: "phenomenon_approved",
    EVENT_REJECTED: "phenomenon_rejected",
}
# Viewers hear of newly approved phenomena in a daily or weekly digest instead
# (reminders.rules.viewer_digest), never one notice per approval.


def _send(event, actor, recipients, phenomenon, verb, description, url, lines=(), extra=None):
    """Deliver to each recipient by their preference (in-app, e-mail, both, off)."""
    recipients = [user for user in recipients if user.is_active]
    reached = []
    for user in recipients:
        used = deliver(
            user,
            EVENT_KINDS[event],
            f"{verb}: {phenomenon.title}"[:180],
            description,
            url,
            list(lines),
            actor=actor,
            action_object=phenomenon,
            extra_data={"event": event, **(extra or {})},
            email=not lifecycle.is_quiet(),
        )
        if used:
            reached.append(user)
    return reached


def _name(user):
    return (user.get_full_name() or user.get_username()) if user else _("sistem")


def submitted(task_state, user=None):
    """A new submission → the supervisors it is routed to.

    A resubmission after a rejection says so, with the reason it was rejected for, the fields
    changed since the rejected version, and a link to Wagtail's comparison of the two."""
    phenomenon = task_state.submitted_object()
    recipients = list(reviewers_for(phenomenon))
    values = {
        "author": _name(phenomenon.author),
        "title": phenomenon.title,
        "theme": phenomenon.theme,
    }
    rejected = rejected_before(task_state)
    lines = []
    if rejected is None:
        verb = _("Fenomena baru menunggu review")
        description = (
            _('%(author)s mengajukan fenomena "%(title)s" (%(theme)s) untuk Anda review.') % values
        )
    else:
        verb = _("Pengajuan ulang menunggu review")
        changed = changed_field_labels(rejected.revision, task_state.revision)
        description = _(
            '%(author)s mengajukan ulang fenomena "%(title)s" (%(theme)s) yang ditolak '
            "%(reviewer)s dengan alasan: %(reason)s"
        ) % {**values, "reviewer": _name(rejected.finished_by), "reason": rejected.comment}
        description += " " + (
            _("Yang diubah sejak ditolak: %(fields)s.") % {"fields": ", ".join(changed)}
            if changed
            else _("Tidak ada isian yang diubah sejak ditolak.")
        )
        lines.append(
            _("Bandingkan dengan versi yang ditolak: %(url)s")
            % {"url": _absolute(reverse("workflows:changes", args=[task_state.pk]))}
        )
    return _send(
        EVENT_SUBMITTED,
        user,
        recipients,
        phenomenon,
        verb,
        description,
        reverse("workflows:queue"),
        lines=lines,
        extra={"resubmission": rejected is not None},
    )


def approved(task_state, user=None):
    """Approved → the author."""
    phenomenon = task_state.submitted_object()
    if not phenomenon.author:
        return []
    description = _('%(reviewer)s menyetujui fenomena "%(title)s"; kini terlihat oleh semua.') % {
        "reviewer": _name(user),
        "title": phenomenon.title,
    }
    if task_state.comment:
        description += " " + _("Komentar: %(comment)s") % {"comment": task_state.comment}
    return _send(
        EVENT_APPROVED,
        user,
        [phenomenon.author],
        phenomenon,
        _("Fenomena disetujui"),
        description,
        _url("inspect", phenomenon),
    )


def rejected(task_state, user=None):
    """Rejected (with the reason) → the author."""
    phenomenon = task_state.submitted_object()
    if not phenomenon.author:
        return []
    return _send(
        EVENT_REJECTED,
        user,
        [phenomenon.author],
        phenomenon,
        _("Fenomena ditolak"),
        _(
            '%(reviewer)s menolak fenomena "%(title)s". Alasan: %(reason)s '
            "Perbaiki lalu ajukan kembali."
        )
        % {"reviewer": _name(user), "title": phenomenon.title, "reason": task_state.comment},
        _url("edit", phenomenon),
    )


# --- lifecycle subscribers -------------------------------------------------------------------


@contextlib.contextmanager
def _quiet_as(event):
    """Deliver a quiet event's notices quietly (in-app only), even after `quietly()` has ended
    (events are delivered at commit, which may come after the block)."""
    if event.quiet:
        with lifecycle.quietly():
            yield
    else:
        yield


def _review_task_state(event):
    """The review task state of the event, or None (not SIMFONI's review task)."""
    task_state = event.task_state
    if task_state is None or not hasattr(task_state, "submitted_object"):
        return None
    return task_state


def on_submitted(event):
    if task_state := _review_task_state(event):
        with _quiet_as(event):
            submitted(task_state, event.actor)


def on_approved(event):
    if task_state := _review_task_state(event):
        with _quiet_as(event):
            approved(task_state, event.actor)


def on_rejected(event):
    if task_state := _review_task_state(event):
        with _quiet_as(event):
            rejected(task_state, event.actor)


def subscribe():
    """Called once from `WorkflowsConfig.ready`."""
    lifecycle.subscribe(lifecycle.SUBMITTED, on_submitted)
    lifecycle.subscribe(lifecycle.APPROVED, on_approved)
    lifecycle.subscribe(lifecycle.REJECTED, on_rejected)
