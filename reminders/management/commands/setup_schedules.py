from django.core.management.base import BaseCommand

from reminders.schedules import SCHEDULES, setup_schedules


class Command(BaseCommand):
    help = "Create the reminder schedules (django-q2) if missing; --reset restores the defaults."

    def add_arguments(self, parser):
        parser.add_argument(
            "--reset", action="store_true", help="Put existing schedules back to the defaults."
        )

    def handle(self, *args, reset=False, **options):
        created, updated = setup_schedules(reset=reset)
        self.stdout.write(
            f"Schedules: {created} created, {updated} reset, "
            f"{len(SCHEDULES) - created - updated} left as they were."
        )
