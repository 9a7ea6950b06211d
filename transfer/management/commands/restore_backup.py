"""``manage.py restore_backup FILE``: a ``backup`` archive into an empty database."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from transfer import backup


class Command(BaseCommand):
    help = (
        "Restore a backup archive (database and media) into an empty database: a new one "
        "(createdb) for a pg_dump backup; a new or freshly migrated one for a JSON backup."
    )

    def add_arguments(self, parser):
        parser.add_argument("file")

    def handle(self, *args, **options):
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(f"no such file: {path}")
        try:
            restored = backup.restore_backup(path)
        except backup.BackupError as exc:
            raise CommandError(str(exc)) from exc
        figures = ", ".join(f"{k} {v}" for k, v in restored.items())
        self.stdout.write(f"restored from {path}: {figures}")
