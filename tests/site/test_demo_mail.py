"""Loading the demo e-mails nobody: its events are quiet (phenomena.lifecycle.quietly), so no
e-mail is sent or queued; the demo accounts still find their in-app notifications (submissions
for the supervisors, decisions for the operators) and the bookkeeping still runs."""

import io

from django.core import mail
from django.core.management import call_command
from django_q.models import OrmQ, Task
from notifications.models import Notification

from phenomena.models import Phenomenon


def test_load_demo_emails_nobody_but_leaves_in_app_notices(db):
    out = io.StringIO()
    call_command("load_demo", count=30, stdout=out)
    assert Phenomenon.objects.count() == 30
    assert mail.outbox == []
    assert not Task.objects.filter(group="alerts-email").exists()
    assert not OrmQ.objects.exists()
    assert Notification.objects.exists()
    assert "e-mail nobody" in out.getvalue()
    assert "Subject:" not in out.getvalue()
