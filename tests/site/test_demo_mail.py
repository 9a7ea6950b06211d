"""Loading the demo sends no e-mail (the demo events still notify in the app); it says how many
it held back."""

import io

from django.core import mail
from django.core.management import call_command
from notifications.models import Notification


def test_load_demo_sends_no_email_and_says_how_many(db):
    out = io.StringIO()
    call_command("load_demo", count=30, stdout=out)
    assert mail.outbox == []
    assert Notification.objects.exists()
    assert "demo e-mail notifications not sent" in out.getvalue()
    assert "Subject:" not in out.getvalue()
