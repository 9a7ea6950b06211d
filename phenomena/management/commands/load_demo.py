import contextlib

from django.core import mail
from django.core.management.base import BaseCommand
from django.test.utils import override_settings

from phenomena.demo import DEMO_PASSWORD, demo_accounts, load_demo


class Command(BaseCommand):
    help = "Create the demo accounts and demo phenomena (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument("--count", type=int, default=420, help="number of phenomena")
        parser.add_argument("--seed", type=int, default=2024)

    def handle(self, *args, count, seed, **options):
        # Demo events (approvals, submissions) notify demo accounts in the app; their e-mails
        # are held back and only counted, whatever EMAIL_BACKEND is configured.
        with held_back_emails() as held:
            result = load_demo(count=count, seed=seed)
        self.stdout.write(
            f"Demo: {result['accounts']} accounts, {result['phenomena']} new phenomena, "
            f"{result['arc']} new ARC dates."
        )
        extra = {k: v for k, v in result.items() if k not in {"accounts", "phenomena", "arc"}}
        if extra:
            self.stdout.write("  " + ", ".join(f"{k}: {v}" for k, v in extra.items()))
        self.stdout.write(f"  {len(held)} demo e-mail notifications not sent.")
        self.stdout.write(f"Demo accounts (password {DEMO_PASSWORD}):")
        for account in demo_accounts()[:6]:
            self.stdout.write(f"  {account.username:<12} {account.role:<11} {account.unit}")
        self.stdout.write("  … and op.<kode>, spv.<kode>, viewer.<kode> per kab/kota (e.g. 3172)")


@contextlib.contextmanager
def held_back_emails():
    """Inside: e-mails go to a list (Django's in-memory backend), not to anyone."""
    saved = getattr(mail, "outbox", None)
    with override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"):
        mail.outbox = held = []
        try:
            yield held
        finally:
            if saved is None:
                del mail.outbox
            else:
                mail.outbox = saved
