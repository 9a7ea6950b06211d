"""``manage.py export_all [--format json|csv] [--with-passwords] [-o FILE]``."""

import sys

from django.core.management.base import BaseCommand

from transfer import exporting


class Command(BaseCommand):
    help = "Export the whole collection (JSON for restore_all, or CSV of the phenomena)."

    def add_arguments(self, parser):
        parser.add_argument("--format", choices=["json", "csv"], default="json")
        parser.add_argument(
            "--with-passwords",
            action="store_true",
            help="include password hashes (a backup to restore on the same kind of site)",
        )
        parser.add_argument("-o", "--output", help="file to write (default: standard output)")

    def handle(self, *args, **options):
        if options["format"] == "json":
            payload = exporting.export_json_bytes(passwords=options["with_passwords"])
            if options["output"]:
                with open(options["output"], "wb") as fh:
                    fh.write(payload)
            else:
                sys.stdout.buffer.write(payload)
            return
        if options["output"]:
            with open(options["output"], "w", encoding="utf-8", newline="") as fh:
                count = exporting.export_csv(fh)
            self.stderr.write(f"{count} fenomena")
        else:
            exporting.export_csv(self.stdout)
