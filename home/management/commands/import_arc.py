from django.core.management.base import BaseCommand, CommandError

from home.arc import import_arc


class Command(BaseCommand):
    help = "Import a year's Advance Release Calendar from a CSV (indicator,source,jan..dec)."

    def add_arguments(self, parser):
        parser.add_argument("file", help="CSV file: indicator,source,jan,…,dec (day of month)")
        parser.add_argument("--year", type=int, required=True)

    def handle(self, *args, file, year, **options):
        try:
            with open(file, "rb") as fh:
                result = import_arc(fh, year)
        except OSError as exc:
            raise CommandError(str(exc)) from exc
        for error in result.errors:
            self.stderr.write(error)
        if not result.ok:
            raise CommandError(result.summary())
        self.stdout.write(self.style.SUCCESS(result.summary()))
