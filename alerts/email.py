"""E-mail leaves only after the decision is committed, through django-q2, which retries it.

`queue_email` registers the message with `transaction.on_commit`: a rolled-back transaction sends
nothing. After the commit the message is handed to django-q2 (`async_task`), and the cluster's
worker sends it with Django's e-mail backend. If the mail server refuses, `send_email` logs it
and raises; django-q2 then leaves the task unacknowledged and the broker hands it out again after
`Q_CLUSTER["retry"]` seconds, up to `Q_CLUSTER["max_attempts"]` times. Nothing of this runs
inside the request that made the decision, so a refusing server is never a 500 and never a
rollback. (With `Q_CLUSTER["sync"]`, as in the tests, the task runs at once: a failure is logged
here instead of being raised into the request.)

When the broker itself is unreachable (Redis stopped: `benchmarks/faults.py` lost 24 e-mails in
30 s that way), the message is sent from the request instead (`EMAIL_TIMEOUT` bounds the wait),
so an outage of the broker delays nothing and loses nothing unless the mail server fails too.
"""

import logging

from django.core.mail import send_mail
from django.db import transaction

logger = logging.getLogger(__name__)

TASK = "alerts.email.send_email"
GROUP = "alerts-email"


def send_email(to: str, subject: str, body: str) -> None:
    """django-q2 task: send one e-mail; raise on failure so that django-q2 tries again."""
    try:
        send_mail(subject=subject, message=body, from_email=None, recipient_list=[to])
    except Exception as error:
        logger.warning("E-mail %r to %s failed (%s); django-q retries it", subject, to, error)
        raise


def _enqueue(to: str, subject: str, body: str) -> None:
    from django_q.conf import Conf
    from django_q.tasks import async_task

    try:
        async_task(TASK, to, subject, body, group=GROUP, task_name=f"e-mail {to}"[:100])
        return
    except Exception:
        if Conf.SYNC:
            # The task ran inline and the mail server refused (send_email logged why): the
            # decision is already committed, so log it and carry on.
            logger.exception("E-mail %r to %s was not sent", subject, to)
            return
    # The broker is unreachable: send it from here rather than lose it.
    logger.warning("Task broker unreachable: e-mail %r to %s sent from the request", subject, to)
    try:
        send_email(to, subject, body)
    except Exception:
        logger.exception("E-mail %r to %s was not sent", subject, to)


def queue_email(to: str, subject: str, body: str) -> None:
    """Send `body` to `to` once the current transaction commits (at once outside one)."""
    subject, body = str(subject), str(body)
    transaction.on_commit(lambda: _enqueue(to, subject, body))
