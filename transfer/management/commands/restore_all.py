"""``manage.py restore_all FILE``: load an ``export_all`` JSON file into an empty site."""

import json

from django.core.management.base import BaseCommand, CommandError

from transfer import exporting


class Command(BaseCommand):
    help = "Restore an export_all JSON file into an empty site (no phenomena, no accounts)."

    def add_arguments(self, parser):
        parser.add_argument("file")

    def handle(self, *args, **options):
        try:
            with open(options["file"], encoding="utf-8") as fh:
                data = json.load(fh)
        except (OSError, ValueError) as exc:
            raise CommandError(f"Cannot read {options['file']}: {exc}") from exc
        try:
            counts = exporting.restore(data)
        except exporting.RestoreError as exc:
            raise CommandError(str(exc)) from exc
        total = sum(counts.values())
        self.stdout.write(f"{total} objek dipulihkan.")
