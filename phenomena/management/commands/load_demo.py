from django.core.management.base import BaseCommand

from phenomena.demo import DEMO_PASSWORD, demo_accounts, load_demo


class Command(BaseCommand):
    help = "Create the demo accounts and demo phenomena (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument("--count", type=int, default=420, help="number of phenomena")
        parser.add_argument("--seed", type=int, default=2024)

    def handle(self, *args, count, seed, **options):
        # load_demo runs quietly (phenomena.lifecycle.quietly): its submissions, approvals and
        # rejections e-mail nobody; the in-app notifications are recorded for the demo accounts.
        result = load_demo(count=count, seed=seed)
        self.stdout.write(
            f"Demo: {result['accounts']} accounts, {result['phenomena']} new phenomena, "
            f"{result['arc']} new ARC dates."
        )
        extra = {k: v for k, v in result.items() if k not in {"accounts", "phenomena", "arc"}}
        if extra:
            self.stdout.write("  " + ", ".join(f"{k}: {v}" for k, v in extra.items()))
        self.stdout.write("  Demo events e-mail nobody: in-app notifications only, no e-mail sent.")
        self.stdout.write(f"Demo accounts (password {DEMO_PASSWORD}):")
        for account in demo_accounts()[:6]:
            self.stdout.write(f"  {account.username:<12} {account.role:<11} {account.unit}")
        self.stdout.write("  … and op.<kode>, spv.<kode>, viewer.<kode> per kab/kota (e.g. 3172)")
