"""E-mail leaves after the commit, through django-q2: a mail server that refuses never fails or
rolls back a decision, the failure is logged and retried, and a rolled-back decision sends
nothing. The refusing server is a real SMTP socket on 127.0.0.1 answering 554."""

import logging
import socketserver
import threading
from multiprocessing import Queue, Value

import pytest
from django.core import mail
from django.db import transaction
from django.test import override_settings
from django_q.brokers import get_broker
from django_q.conf import Conf
from django_q.models import OrmQ, Task
from django_q.signing import SignedPackage
from notifications.models import Notification
from wf_helpers import action_url, submit

from alerts import email
from alerts.delivery import deliver
from phenomena.models import Phenomenon
from tests.factories import PhenomenonFactory


class RefusingSMTP(socketserver.BaseRequestHandler):
    """Greets every client with "554 no SMTP service here" and hangs up (RFC 5321 §3.1)."""

    def handle(self):
        self.server.connections += 1
        self.request.sendall(b"554 5.3.2 Layanan SMTP tidak tersedia\r\n")


@pytest.fixture
def refusing_smtp():
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), RefusingSMTP)
    server.daemon_threads = True
    server.connections = 0
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    host, port = server.server_address
    with override_settings(
        EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
        EMAIL_HOST=host,
        EMAIL_PORT=port,
        EMAIL_USE_TLS=False,
        EMAIL_USE_SSL=False,
        EMAIL_HOST_USER="",
        EMAIL_HOST_PASSWORD="",
        EMAIL_TIMEOUT=5,
    ):
        yield server
    server.shutdown()
    server.server_close()


@pytest.fixture
def queued(monkeypatch):
    """django-q2 as in production (not inline): tasks wait in the ORM broker for a cluster."""
    monkeypatch.setattr(Conf, "SYNC", False)
    # The cluster's worker closes stale connections before each task; here that would be the
    # test's own transaction.
    monkeypatch.setattr("django_q.worker.close_old_django_connections", lambda: None)
    monkeypatch.setattr("django_q.monitor.close_old_django_connections", lambda: None)


def run_cluster_once():
    """What a django-q2 cluster does with the due tasks: run each, save its result, and
    acknowledge it only if it succeeded (a failed one is handed out again after `retry`)."""
    from django_q.monitor import monitor
    from django_q.worker import worker

    broker = get_broker()
    task_queue, result_queue = Queue(), Queue()
    while due := broker.dequeue():  # Q_CLUSTER["bulk"] at a time
        for ack_id, pack in due:
            task = SignedPackage.loads(pack)
            task["ack_id"] = ack_id
            task_queue.put(task)
    task_queue.put("STOP")
    worker(task_queue, result_queue, Value("f", -1))
    result_queue.put("STOP")
    monitor(result_queue, broker)


def approve_through_the_admin(client, people):
    phenomenon = PhenomenonFactory(author=people.op, theme="Harga-harga (Inflasi)")
    task_state = submit(phenomenon)
    client.force_login(people.spv_inflasi)
    response = client.post(action_url(phenomenon, "approve", task_state), {"comment": "Bagus."})
    return phenomenon, response


def approval_notice(people):
    return Notification.objects.filter(recipient=people.op, data__event="approved")


def test_refusing_mail_server_does_not_fail_the_approval(client, people, refusing_smtp, caplog):
    caplog.set_level(logging.WARNING, logger="alerts.email")
    phenomenon, response = approve_through_the_admin(client, people)
    assert response.status_code == 302  # not a 500
    assert Phenomenon.objects.get(pk=phenomenon.pk).live  # published, nothing rolled back
    assert approval_notice(people).exists()  # the in-app notification is there
    assert refusing_smtp.connections >= 1  # the e-mail really went to the server …
    failures = [r for r in caplog.records if r.name == "alerts.email"]
    assert any("failed" in r.getMessage() and "opsos2@bps.test" in r.getMessage() for r in failures)
    assert mail.outbox == []  # … and was refused there


def test_refused_email_stays_queued_and_is_retried(client, people, refusing_smtp, queued, caplog):
    caplog.set_level(logging.WARNING, logger="alerts.email")
    phenomenon, response = approve_through_the_admin(client, people)
    assert response.status_code == 302
    assert Phenomenon.objects.get(pk=phenomenon.pk).live
    assert approval_notice(people).exists()
    # the request only queued the e-mails (the reviewers' on submission, the author's now)
    assert refusing_smtp.connections == 0
    waiting = OrmQ.objects.count()
    assert waiting >= 1

    run_cluster_once()  # first attempt: refused
    assert refusing_smtp.connections >= 1
    assert OrmQ.objects.count() == waiting  # not acknowledged: the broker hands it out again
    failed = Task.objects.filter(group=email.GROUP, success=False)
    assert failed.count() == waiting and all(t.attempt_count == 1 for t in failed)
    assert any("django-q retries it" in r.getMessage() for r in caplog.records)

    # `Q_CLUSTER["retry"]` seconds later the mail server is back: the retry delivers it.
    OrmQ.objects.update(lock=OrmQ.objects.first().lock.replace(year=2000))
    with override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"):
        run_cluster_once()
    assert OrmQ.objects.count() == 0
    assert "opsos2@bps.test" in [address for m in mail.outbox for address in m.to]
    assert Task.objects.filter(group=email.GROUP, success=True).exists()


def test_email_waits_for_the_commit(people, queued):
    with transaction.atomic():
        deliver(people.op, "operator_weekly", "Ringkasan", "Isi")
        assert OrmQ.objects.count() == 0  # not before the commit
    assert OrmQ.objects.count() == 1


def test_rolled_back_decision_sends_nothing(people):
    phenomenon = PhenomenonFactory(author=people.op, theme="Harga-harga (Inflasi)")
    task_state = submit(phenomenon)
    mail.outbox.clear()
    Notification.objects.all().delete()
    with pytest.raises(RuntimeError), transaction.atomic():
        task_state.task.specific.on_action(task_state, people.spv_inflasi, "approve")
        raise RuntimeError("the decision fails after the approval")
    assert not Phenomenon.objects.get(pk=phenomenon.pk).live
    assert mail.outbox == []
    assert not Notification.objects.exists()


def test_rolled_back_delivery_queues_nothing(people, queued):
    with pytest.raises(RuntimeError), transaction.atomic():
        assert deliver(people.op, "operator_weekly", "Ringkasan", "Isi") == ["inapp", "email"]
        raise RuntimeError
    assert OrmQ.objects.count() == 0
    assert mail.outbox == []
    assert not Notification.objects.filter(recipient=people.op).exists()


def test_email_is_sent_from_the_request_while_the_broker_is_down(
    client, people, monkeypatch, caplog
):
    """Redis stopped (benchmarks/faults.py): async_task cannot reach the broker; the e-mail
    goes out from the request instead of being lost, and the approval still succeeds."""
    from redis.exceptions import ConnectionError as RedisConnectionError

    def broker_down(*args, **kwargs):
        raise RedisConnectionError("Error 111 connecting to 127.0.0.1:6379. Connection refused.")

    monkeypatch.setattr(Conf, "SYNC", False)
    monkeypatch.setattr("django_q.tasks.async_task", broker_down)
    caplog.set_level(logging.WARNING, logger="alerts.email")
    phenomenon, response = approve_through_the_admin(client, people)
    assert response.status_code == 302
    assert Phenomenon.objects.get(pk=phenomenon.pk).live
    assert "opsos2@bps.test" in [address for m in mail.outbox for address in m.to]
    assert any("broker unreachable" in r.getMessage() for r in caplog.records)
