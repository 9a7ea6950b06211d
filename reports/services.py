"""Filing and resolving error reports: who receives a report, who may resolve it, and how.

* ``file_report(user, phenomenon, kind, description)``: a signed-in user reports a problem with
  an approved phenomenon; the report is routed to the phenomenon's reviewers
  (``workflows.routing.reviewers_for``, the same rule as a submission) and to every admin, who
  are notified after the commit (``alerts`` kind ``error_report_new``).
* ``resolve(user, report, action, note)``: one of them resolves it — ``fix`` (fixed, with an
  optional note), ``unpublish`` (the phenomenon's approval withdrawn through
  ``phenomena.services.unpublish``, with the note as the reason) or ``dismiss`` (a reason is
  required); the reporter is notified of the outcome (``error_report_resolved``).
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from alerts.delivery import deliver
from phenomena import services as phenomena_services
from phenomena.permissions import administers

from .models import ErrorReport

RESOLVE = "reports.resolve_errorreport"
DESCRIPTION_MAX = 1000

FIX, UNPUBLISH, DISMISS = "fix", "unpublish", "dismiss"
OUTCOME = {
    FIX: ErrorReport.Status.FIXED,
    UNPUBLISH: ErrorReport.Status.UNPUBLISHED,
    DISMISS: ErrorReport.Status.DISMISSED,
}


def recipients(phenomenon) -> list:
    """Who a report on ``phenomenon`` goes to: its reviewers (routing) and the admins."""
    from workflows.routing import admins, reviewers_for

    users = {user.pk: user for user in reviewers_for(phenomenon)}
    for user in admins():
        users.setdefault(user.pk, user)
    return sorted(users.values(), key=lambda user: user.get_username())


def _clean_description(description: str) -> str:
    text = (description or "").strip()
    if not text:
        raise ValidationError({"description": [_("Uraikan kesalahannya secara singkat.")]})
    if len(text) > DESCRIPTION_MAX:
        raise ValidationError(
            {"description": [_("Paling banyak %(max)s karakter.") % {"max": DESCRIPTION_MAX}]}
        )
    return text


def file_report(user, phenomenon, kind, description, *, url: str = "") -> ErrorReport:
    """A report by ``user`` (None: the dead-link check) on the approved ``phenomenon``."""
    if user is not None and not (user.is_authenticated and user.is_active):
        raise PermissionDenied
    if not phenomenon.live:
        raise ValidationError(_("Hanya fenomena yang disetujui yang dapat dilaporkan."))
    if kind not in ErrorReport.Kind.values:
        raise ValidationError({"kind": [_("Pilih jenis kesalahan.")]})
    text = _clean_description(description)
    with transaction.atomic():
        report = ErrorReport.objects.create(
            phenomenon=phenomenon, reporter=user, kind=kind, description=text, url=url[:1000]
        )
        routed = recipients(phenomenon)
        report.routed_to.set(routed)
        transaction.on_commit(lambda: _notify_new(report.pk))
    return report


def reports_for(user):
    """The reports ``user`` may see and resolve: all for admins, those routed to supervisors."""
    if user is None or not user.is_authenticated or not user.is_active:
        return ErrorReport.objects.none()
    if administers(user):
        return ErrorReport.objects.all()
    if not user.has_perm(RESOLVE):
        return ErrorReport.objects.none()
    return ErrorReport.objects.filter(routed_to=user)


def open_count(user) -> int:
    return reports_for(user).filter(status=ErrorReport.Status.OPEN).count()


def may_resolve(user, report) -> bool:
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    if not user.has_perm(RESOLVE) and not administers(user):
        return False
    return administers(user) or report.routed_to.filter(pk=user.pk).exists()


def resolve(user, report: ErrorReport, action: str, note: str = "") -> ErrorReport:
    """Resolve ``report`` as ``user``: ``fix``, ``unpublish`` or ``dismiss`` (the last two need
    a ``note``: the reason). Raises ``PermissionDenied`` / ``ValidationError``."""
    if not may_resolve(user, report):
        raise PermissionDenied
    if action not in OUTCOME:
        raise ValidationError({"action": [_("Pilih tindakan.")]})
    note = (note or "").strip()
    if action == DISMISS and not note:
        raise ValidationError({"note": [_("Tulis alasan laporan ini ditolak.")]})
    if action == UNPUBLISH and not note:
        raise ValidationError({"note": [_("Tulis alasan membatalkan penerbitan.")]})
    with transaction.atomic():
        report = ErrorReport.objects.select_for_update().get(pk=report.pk)
        if not report.is_open:
            raise ValidationError(_("Laporan ini sudah diselesaikan."))
        closed = [report]
        if action == UNPUBLISH:
            phenomena_services.unpublish(user, report.phenomenon, note)
            # The other open reports on the phenomenon are settled by the same withdrawal.
            closed += list(
                ErrorReport.objects.select_for_update()
                .filter(phenomenon_id=report.phenomenon_id, status=ErrorReport.Status.OPEN)
                .exclude(pk=report.pk)
            )
        now = timezone.now()
        for item in closed:
            item.status = OUTCOME[action]
            item.resolution = note
            item.resolved_by = user
            item.resolved_at = now
            item.save(update_fields=["status", "resolution", "resolved_by", "resolved_at"])
            transaction.on_commit(lambda pk=item.pk: _notify_outcome(pk))
    return report


# --- notifications (after commit) ------------------------------------------------------------


def admin_url(report) -> str:
    return reverse("reports_admin:detail", args=[report.pk])


def _notify_new(report_pk: int) -> None:
    report = ErrorReport.objects.select_related("phenomenon", "reporter").get(pk=report_pk)
    who = (
        (report.reporter.get_full_name() or report.reporter.get_username())
        if report.reporter
        else _("pemeriksaan tautan otomatis")
    )
    description = _(
        "%(who)s melaporkan kesalahan (%(kind)s) pada fenomena “%(title)s”: %(text)s"
    ) % {
        "who": who,
        "kind": report.get_kind_display(),
        "title": report.phenomenon.title,
        "text": report.description,
    }
    for user in report.routed_to.all():
        if report.reporter_id == user.pk:
            continue
        deliver(
            user,
            "error_report_new",
            f"{_('Laporan kesalahan')}: {report.phenomenon.title}"[:180],
            description,
            admin_url(report),
            actor=report.reporter,
            action_object=report.phenomenon,
            extra_data={"error_report": report.pk},
        )


def _notify_outcome(report_pk: int) -> None:
    report = ErrorReport.objects.select_related("phenomenon", "reporter", "resolved_by").get(
        pk=report_pk
    )
    if report.reporter is None:
        return
    outcome = {
        ErrorReport.Status.FIXED: _("Kesalahan yang Anda laporkan sudah diperbaiki."),
        ErrorReport.Status.UNPUBLISHED: _("Penerbitan fenomena yang Anda laporkan dibatalkan."),
        ErrorReport.Status.DISMISSED: _("Laporan Anda ditolak."),
    }[report.status]
    description = _("Laporan Anda tentang “%(title)s” (%(kind)s): %(outcome)s") % {
        "title": report.phenomenon.title,
        "kind": report.get_kind_display(),
        "outcome": outcome,
    }
    if report.resolution:
        description += " " + _("Catatan: %(note)s") % {"note": report.resolution}
    url = reverse("search:detail", args=[report.phenomenon_id]) if report.phenomenon.live else None
    deliver(
        report.reporter,
        "error_report_resolved",
        f"{_('Hasil laporan kesalahan')}: {report.phenomenon.title}"[:180],
        description,
        url,
        actor=report.resolved_by,
        action_object=report.phenomenon,
        extra_data={"error_report": report.pk, "outcome": report.status},
    )


# --- the dead-link check ---------------------------------------------------------------------


def has_dead_link_report(phenomenon_id, url) -> bool:
    """A dead-link report that is open, or was dismissed (the link judged fine), already
    covers ``url``: the weekly check files no other."""
    return ErrorReport.objects.filter(
        Q(status=ErrorReport.Status.OPEN) | Q(status=ErrorReport.Status.DISMISSED),
        phenomenon_id=phenomenon_id,
        kind=ErrorReport.Kind.DEAD_LINK,
        url=url,
    ).exists()
