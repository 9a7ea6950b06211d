from django.core.management.base import BaseCommand

from workflows.demo import ALLOCATION_FILE, load_allocations


class Command(BaseCommand):
    help = (
        "Allocate themes to supervisors from supervisor_allocation.csv "
        "('Supervisor N' is account spvN; idempotent). `load_demo` runs this too."
    )

    def add_arguments(self, parser):
        parser.add_argument("--file", default=str(ALLOCATION_FILE))

    def handle(self, *args, file, **options):
        result = load_allocations(file)
        self.stdout.write(
            f"{result['allocations']} new allocations; "
            f"{result['allocation_rows_skipped']} rows without an account skipped."
        )
