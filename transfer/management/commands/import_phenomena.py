"""``manage.py import_phenomena FILE [--as-user U] [--actor A] [--mode approved|submit]
[--dry-run] [--map COLUMN=FIELD] [--not-duplicate-reason TEXT]``: the admin import, from the
command line (see docs/import.md)."""

import json
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from transfer import importer
from transfer.reading import FIELDS


class Command(BaseCommand):
    help = "Import phenomena from a CSV or XLSX sheet (dry run with --dry-run)."

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument(
            "--as-user",
            required=True,
            help="username the phenomena are input by (their work unit, their input rules)",
        )
        parser.add_argument(
            "--actor",
            help="username who approves them in --mode approved (default: --as-user)",
        )
        parser.add_argument("--mode", choices=["approved", "submit"], default="approved")
        parser.add_argument("--dry-run", action="store_true", help="check and report only")
        parser.add_argument(
            "--map",
            action="append",
            default=[],
            metavar="COLUMN=FIELD",
            help=f"column number (1 = A) to a field ({', '.join(FIELDS)}) or '' to ignore it",
        )
        parser.add_argument("--not-duplicate-reason", default=None)
        parser.add_argument("--json", action="store_true", help="print the report as JSON")

    def handle(self, *args, **options):
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(f"No such file: {path}")
        users = get_user_model().objects
        try:
            user = users.get(username=options["as_user"])
            actor = users.get(username=options["actor"]) if options["actor"] else user
        except get_user_model().DoesNotExist as exc:
            raise CommandError("Unknown user") from exc
        if not actor.has_perm("transfer.import_phenomena"):
            raise CommandError(f"{actor.username} may not import (transfer.import_phenomena).")
        mapping = {}
        for item in options["map"]:
            column, _sep, name = item.partition("=")
            if not column.isdigit() or (name and name not in FIELDS):
                raise CommandError(f"Bad --map {item!r}")
            mapping[str(int(column) - 1)] = name
        report = importer.run(
            path.read_bytes(),
            path.name,
            user=user,
            actor=actor,
            mode=options["mode"],
            mapping=mapping,
            write=not options["dry_run"],
            not_duplicate_reason=options["not_duplicate_reason"],
        )
        if options["json"]:
            self.stdout.write(json.dumps(report.as_dict(), ensure_ascii=False, indent=1))
        else:
            for row in report.rows:
                if row.status in (importer.WILL_IMPORT, importer.IMPORTED) and not row.notes:
                    continue
                text = "; ".join([*row.messages, *row.notes])
                self.stdout.write(f"baris {row.line}: {row.status}: {row.title[:60]} — {text}")
            for line in report.unmatched_lines():
                self.stdout.write(f"tidak dikenali — {line}")
        if report.error:
            raise CommandError(report.error)
        self.stdout.write(report.summary())
