"""``manage.py backup [-o FILE | --output-dir DIR [--keep N]] [--format auto|json|pg_dump]``."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from transfer import backup


class Command(BaseCommand):
    help = "Back up the database and the media files into one .tar.gz (see docs/deploy.md)."

    def add_arguments(self, parser):
        parser.add_argument("-o", "--output", help="archive to write")
        parser.add_argument(
            "--output-dir",
            help="directory for simfoni-backup-<UTC time>.tar.gz (default: the current one)",
        )
        parser.add_argument(
            "--keep", type=int, default=0, help="with --output-dir: keep only the N newest"
        )
        parser.add_argument(
            "--format",
            choices=["auto", "json", "pg_dump"],
            default="auto",
            help="database dump: pg_dump on PostgreSQL, the export_all JSON elsewhere (auto)",
        )

    def handle(self, *args, **options):
        if options["output"] and options["output_dir"]:
            raise CommandError("give --output or --output-dir, not both")
        if options["output"]:
            path = Path(options["output"])
        else:
            path = Path(options["output_dir"] or ".") / backup.default_name()
        try:
            manifest = backup.create_backup(path, options["format"])
        except backup.BackupError as exc:
            raise CommandError(str(exc)) from exc
        if options["output_dir"] and options["keep"]:
            for old in backup.prune(path.parent, options["keep"]):
                self.stdout.write(f"deleted {old}")
        figures = ", ".join(f"{k} {v}" for k, v in manifest["counts"].items())
        self.stdout.write(
            f"{path}: {manifest['database']}, {figures}, {len(manifest['media'])} media files"
        )
