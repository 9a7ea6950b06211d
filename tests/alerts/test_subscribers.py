"""Side effects are lifecycle subscribers, registered in their apps' ready(): each workflow
event notifies the same people with the same texts as before, once committed; quiet events
(bulk loads) notify nobody but still do the bookkeeping (the dashboard cache)."""

import weakref

import pytest
from django.core import mail
from django.db import transaction
from django.urls import reverse
from notifications.models import Notification
from wagtail.signals import task_rejected, task_submitted, workflow_approved
from wf_helpers import submit

from home import dashboard
from home import signal_handlers as dashboard_subscribers
from phenomena import lifecycle
from tests.factories import PhenomenonFactory
from workflows import notify
from workflows.apps import _no_email


def notices(event):
    return list(Notification.objects.filter(data__event=event).order_by("recipient__username"))


def emailed():
    return sorted(address for m in mail.outbox for address in m.to)


def act(phenomenon, user, action, comment=""):
    state = phenomenon.current_workflow_task_state
    state.task.specific.on_action(state, user, action, comment=comment)
    phenomenon.refresh_from_db()


def test_subscribers_are_registered_in_ready():
    assert notify.on_submitted in lifecycle.subscribers(lifecycle.SUBMITTED)
    assert notify.on_approved in lifecycle.subscribers(lifecycle.APPROVED)
    assert notify.on_rejected in lifecycle.subscribers(lifecycle.REJECTED)
    for name in dashboard_subscribers.COUNTED_EVENTS:
        assert dashboard_subscribers.phenomenon_changed in lifecycle.subscribers(name)
    # no receiver of Wagtail's workflow signals besides the lifecycle bridge (and the no-op
    # that holds the place of Wagtail's own workflow e-mails)
    for signal in (task_submitted, task_rejected, workflow_approved):
        receivers = [e[1]() if isinstance(e[1], weakref.ref) else e[1] for e in signal.receivers]
        modules = {r.__module__ for r in receivers if r not in (None, _no_email)}
        assert not {m for m in modules if m.startswith(("workflows", "reminders", "home"))}


def test_submission_notifies_the_routed_reviewers(people):
    phenomenon = PhenomenonFactory(
        author=people.op, theme="Harga-harga (Inflasi)", title="Cabai naik"
    )
    submit(phenomenon)
    (notice,) = notices("submitted")
    assert notice.recipient == people.spv_inflasi
    assert notice.actor == people.op
    assert notice.action_object == phenomenon
    assert notice.verb == "Fenomena baru menunggu review: Cabai naik"
    assert notice.description == (
        'Opsos2 Uji mengajukan fenomena "Cabai naik" (Harga-harga (Inflasi)) untuk Anda review.'
    )
    assert notice.data["kind"] == "submission_new"
    assert notice.data["url"] == reverse("workflows:queue")
    assert notice.data["resubmission"] is False
    assert emailed() == ["spvinflasi@bps.test"]
    assert mail.outbox[0].subject == "[SIMFONI] Fenomena baru menunggu review: Cabai naik"
    assert notice.description in mail.outbox[0].body


def test_rejection_then_resubmission(people):
    phenomenon = PhenomenonFactory(
        author=people.op, theme="Harga-harga (Inflasi)", title="Cabai naik"
    )
    submit(phenomenon)
    mail.outbox.clear()
    act(phenomenon, people.spv_inflasi, "reject", "Tautan bukti rusak.")
    (notice,) = notices("rejected")
    assert notice.recipient == people.op and notice.actor == people.spv_inflasi
    assert notice.verb == "Fenomena ditolak: Cabai naik"
    assert notice.description == (
        'Spvinflasi Uji menolak fenomena "Cabai naik". Alasan: Tautan bukti rusak. '
        "Perbaiki lalu ajukan kembali."
    )
    assert notice.data["url"] == f"/admin/snippets/phenomena/phenomenon/edit/{phenomenon.pk}/"
    assert emailed() == ["opsos2@bps.test"]

    Notification.objects.all().delete()
    mail.outbox.clear()
    submit(phenomenon)
    (notice,) = notices("submitted")
    assert notice.recipient == people.spv_inflasi
    assert notice.verb == "Pengajuan ulang menunggu review: Cabai naik"
    assert notice.description.startswith(
        'Opsos2 Uji mengajukan ulang fenomena "Cabai naik" (Harga-harga (Inflasi)) yang ditolak '
        "Spvinflasi Uji dengan alasan: Tautan bukti rusak."
    )
    assert "Tidak ada isian yang diubah sejak ditolak." in notice.description
    assert notice.data["resubmission"] is True
    assert "Bandingkan dengan versi yang ditolak:" in notice.data["lines"][0]
    assert emailed() == ["spvinflasi@bps.test"]


def test_approval_notifies_the_author(people):
    phenomenon = PhenomenonFactory(
        author=people.op, theme="Harga-harga (Inflasi)", title="Cabai naik"
    )
    submit(phenomenon)
    mail.outbox.clear()
    act(phenomenon, people.spv_inflasi, "approve", "Bagus.")
    (notice,) = notices("approved")
    assert notice.recipient == people.op and notice.actor == people.spv_inflasi
    assert notice.verb == "Fenomena disetujui: Cabai naik"
    assert notice.description == (
        'Spvinflasi Uji menyetujui fenomena "Cabai naik"; kini terlihat oleh semua. '
        "Komentar: Bagus."
    )
    assert notice.data["url"] == f"/admin/snippets/phenomena/phenomenon/inspect/{phenomenon.pk}/"
    assert emailed() == ["opsos2@bps.test"]


def test_notifications_wait_for_the_commit(people):
    phenomenon = PhenomenonFactory(author=people.op, theme="Harga-harga (Inflasi)")
    with transaction.atomic():
        submit(phenomenon)
        assert not Notification.objects.exists()
        assert mail.outbox == []
    assert len(notices("submitted")) == 1
    assert emailed() == ["spvinflasi@bps.test"]


def test_quiet_events_are_recorded_in_app_but_never_emailed(people):
    phenomenon = PhenomenonFactory(author=people.op, theme="Harga-harga (Inflasi)")
    other = PhenomenonFactory(author=people.op, theme="Harga-harga (Inflasi)", title="Lainnya")
    before = dashboard.generation()
    with lifecycle.quietly():
        submit(phenomenon)
        act(phenomenon, people.spv_inflasi, "approve")
        submit(other)
        act(other, people.spv_inflasi, "reject", "Kurang sumber.")
    assert phenomenon.live
    assert mail.outbox == []
    # The same notices as a loud decision, in-app only: the reviewer heard of both
    # submissions, the author of the approval and of the rejection.
    assert len(notices("submitted")) == 2
    assert len(notices("approved")) == 1
    assert len(notices("rejected")) == 1
    assert dashboard.generation() != before  # the published one was counted


@pytest.mark.parametrize("rolled_back", [False, True])
def test_dashboard_cache_is_invalidated_after_commit_only(people, rolled_back):
    phenomenon = PhenomenonFactory(author=people.op, theme="Harga-harga (Inflasi)")
    before = dashboard.generation()
    try:
        with transaction.atomic():
            phenomenon.save_revision(user=people.admin).publish(user=people.admin)
            assert dashboard.generation() == before  # not yet
            if rolled_back:
                raise RuntimeError
    except RuntimeError:
        pass
    assert (dashboard.generation() == before) is rolled_back


def test_alerts_imports_neither_workflows_nor_reminders():
    """The cycle workflows.notify → reminders.delivery → workflows.routing is gone: both call
    alerts, and alerts depends on neither."""
    import ast
    from pathlib import Path

    import alerts

    imported = set()
    for path in Path(alerts.__file__).parent.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                imported.add(node.module.split(".")[0])
            elif isinstance(node, ast.Import):
                imported |= {alias.name.split(".")[0] for alias in node.names}
    assert not imported & {"workflows", "reminders", "home", "search"}
