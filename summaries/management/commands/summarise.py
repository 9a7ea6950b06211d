import datetime

from django.core.management.base import BaseCommand, CommandError

from home.dashboard import add_months, local_today
from phenomena.models import Theme
from summaries import service
from summaries.models import ThemeSummary
from summaries.providers import ProviderError, get_provider


class Command(BaseCommand):
    help = (
        "Summarise the themes now, in this process (the weekly django-q2 run does the same "
        "through the queue): this month and the last, or --month, and the upcoming releases."
    )

    def add_arguments(self, parser):
        parser.add_argument("--month", help="YYYY-MM (default: this month and the last)")
        parser.add_argument("--theme", action="append", default=[], help="theme name (repeat)")
        parser.add_argument("--force", action="store_true", help="even when nothing changed")
        parser.add_argument(
            "--if-empty", action="store_true", help="only when no summary is stored yet"
        )

    def handle(self, *args, month=None, theme=(), force=False, if_empty=False, **options):
        if if_empty and ThemeSummary.objects.exists():
            self.stdout.write("Summaries: some are stored already; nothing done.")
            return
        theme_ids = None
        if theme:
            found = dict(Theme.objects.filter(name__in=theme).values_list("name", "pk"))
            unknown = sorted(set(theme) - set(found))
            if unknown:
                raise CommandError(f"Unknown theme(s): {', '.join(unknown)}")
            theme_ids = list(found.values())
        if month:
            try:
                months = [datetime.datetime.strptime(month, "%Y-%m").date()]
            except ValueError as exc:
                raise CommandError("--month must be YYYY-MM") from exc
        else:
            this = local_today().replace(day=1)
            months = [this, add_months(this, -1)]
        keys = [k for m in months for k in service.scopes_for_month(m, theme_ids)]
        keys += [k for k in service.scopes_for_releases(theme_ids=theme_ids) if k.month in months]
        provider = get_provider()
        stored = failed = tokens = 0
        for key in keys:
            theme_obj, month_date, area, release = service.resolve(key)
            try:
                row = service.generate(
                    theme_obj, month_date, area, release, provider=provider, force=force
                )
            except ProviderError as exc:
                failed += 1
                tokens += exc.prompt_tokens + exc.completion_tokens
                self.stderr.write(f"{theme_obj} {month_date:%Y-%m}: {exc}")
                continue
            if row is not None:
                stored += 1
                tokens += row.total_tokens
        self.stdout.write(
            f"Summaries ({provider.name}/{provider.model}): {len(keys)} scopes, "
            f"{stored} current, {failed} failed, {tokens} tokens."
        )
