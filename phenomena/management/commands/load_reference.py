from django.core.management.base import BaseCommand

from phenomena.reference_data import load_reference


class Command(BaseCommand):
    help = "Create or update the reference data from phenomena/reference/ (idempotent)."

    def handle(self, *args, **options):
        load_reference()
        self.stdout.write(self.style.SUCCESS("Reference data loaded."))
