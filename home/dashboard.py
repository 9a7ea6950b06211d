"""The dashboard's figures: aggregate queries over the daily rollups, cached per filter.

Every figure is computed in the database from the rollup tables (`home/rollup.py`, kept exact
by database triggers), so its cost does not grow with the number of phenomena. Results are
cached under a key made of the filters (level, include_pending, period), today's date, the
language (month labels are in the reader's language) and a *generation* number that
`invalidate()` bumps whenever a phenomenon is published, unpublished, created, merged or
deleted (a lifecycle subscriber, after commit: `home/signal_handlers.py`), so one cache write
invalidates every cached variant at once.

Definitions (shown in the page's notes too):
- *collected in month M* = `created_at` falls in M in the site's time zone (Asia/Jakarta);
- *past 12 months* = the current month and the 11 before it (the line chart's last 12 points);
- *last two weeks* = today and the 13 days before it, from local midnight;
- *approved* = published (`live`); staff may ask to include the not yet approved ones
  (drafts, submissions, returned ones); viewers never see them;
- ties in the top 3 are broken by name (A→Z), so the list is the same on every load.
"""

import datetime
import time
from dataclasses import asdict, dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.db.models import Count, Min, Sum
from django.db.models.functions import Lower, TruncMonth
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from phenomena.dates import month_year, short_month_year
from phenomena.models import (
    PhenomenonKeyword,
    Scope,
    Subject,
    WorkUnit,
)
from phenomena.roles import get_profile

from .models import DailyContributorCount, DailyKeywordCount, DailySubjectCount

CACHE_PREFIX = "simfoni:dashboard"
GENERATION_KEY = f"{CACHE_PREFIX}:generation"
MONTHS_IN_CHART = 24
MONTHS_IN_TOTALS = 12
KEYWORD_DAYS = 14
TOP_N = 3

# period code → (label, days back; None = all time)
PERIODS = {
    "30h": (_("30 hari"), 30),
    "3b": (_("3 bulan"), 91),
    "12b": (_("12 bulan"), 365),
    "semua": (_("Semua waktu"), None),
}
DEFAULT_PERIOD = "12b"


def cache_seconds() -> int:
    return int(getattr(settings, "DASHBOARD_CACHE_SECONDS", 600))


@dataclass(frozen=True)
class Filters:
    """What the user asked for. `area` is a kab/kota code, or "" for the whole province."""

    area: str = ""
    include_pending: bool = False
    period: str = DEFAULT_PERIOD

    def key(self, today: datetime.date, generation: int) -> str:
        pending = "p1" if self.include_pending else "p0"
        area = self.area or "all"
        return f"{CACHE_PREFIX}:{generation}:{today:%Y%m%d}:{area}:{pending}:{self.period}"


def is_staff(user) -> bool:
    """Staff (operators, supervisors, admins) may include pending phenomena; viewers never."""
    return bool(user.has_perm("phenomena.view_pending_figures"))


def filters_for(user, params) -> Filters:
    """Read the filters from query parameters, allowing only what `user` may see."""
    if "wilayah" in params:
        area = (params.get("wilayah") or "").strip()
    else:  # kab/kota staff start on their own kab/kota
        profile = get_profile(user)
        area = profile.work_unit.area.code if profile and profile.work_unit.area_id else ""
    if area and not Scope.objects.filter(code=area, parent__isnull=False).exists():
        area = ""
    period = params.get("periode") or DEFAULT_PERIOD
    if period not in PERIODS:
        period = DEFAULT_PERIOD
    include_pending = is_staff(user) and params.get("tertunda") in {"1", "on", "true"}
    return Filters(area=area, include_pending=include_pending, period=period)


# --- time helpers -------------------------------------------------------------------------


def local_today() -> datetime.date:
    return timezone.localdate()


def local_midnight(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def add_months(day: datetime.date, months: int) -> datetime.date:
    index = day.year * 12 + day.month - 1 + months
    return datetime.date(index // 12, index % 12 + 1, 1)


def month_starts(today: datetime.date, count: int) -> list[datetime.date]:
    """First days of the `count` months ending with today's month, oldest first."""
    this_month = today.replace(day=1)
    return [add_months(this_month, offset) for offset in range(-(count - 1), 1)]


def month_label(day: datetime.date, short: bool = True) -> str:
    """'Des 26' (short) or 'Desember 2026', in the active language."""
    return short_month_year(day) if short else month_year(day)


# --- queries ------------------------------------------------------------------------------


def area_ids(filters: Filters) -> list[int] | None:
    """The kab/kota ids the filter means (None = the whole province)."""
    if not filters.area:
        return None
    return list(Scope.objects.filter(code=filters.area).values_list("pk", flat=True))


def counted(model, filters: Filters):
    """Rollup cells (`home/rollup.py`) of the phenomena the figures count."""
    queryset = model.objects.order_by()
    if not filters.include_pending:
        queryset = queryset.filter(live=True)
    areas = area_ids(filters)
    if areas is not None:
        queryset = queryset.filter(area_id__in=areas)
    return queryset


def monthly_counts(filters: Filters, today: datetime.date) -> dict:
    """Phenomena collected per month over the last 24 months: one series per subject + total."""
    months = month_starts(today, MONTHS_IN_CHART)
    rows = (
        counted(DailySubjectCount, filters)
        .filter(day__gte=months[0])
        .annotate(month=TruncMonth("day"))
        .values("month", "subject_id")
        .annotate(n=Sum("n"))
        .order_by()
    )
    position = {month: i for i, month in enumerate(months)}
    counts: dict[int, list[int]] = {}
    for row in rows:
        month = row["month"]
        if isinstance(month, datetime.datetime):
            month = month.date()
        i = position.get(month.replace(day=1))
        if i is None:  # created in the future (clock skew): not in the chart
            continue
        counts.setdefault(row["subject_id"], [0] * len(months))[i] += row["n"]
    series = [
        {
            "code": subject.code,
            "label": subject.label,
            "counts": counts.get(subject.pk, [0] * len(months)),
        }
        for subject in Subject.objects.all()
    ]
    total = [sum(s["counts"][i] for s in series) for i in range(len(months))]
    return {
        "months": [m.isoformat() for m in months],
        "labels": [month_label(m) for m in months],
        "series": series,
        "total": total,
        "rows": [  # the same numbers by month, for the accessible table
            {
                "label": month_label(m, short=False),
                "counts": [s["counts"][i] for s in series],
                "total": total[i],
            }
            for i, m in enumerate(months)
        ],
    }


def subject_totals(monthly: dict) -> dict:
    """Totals per subject over the past 12 months, from the monthly counts (no extra query)."""
    rows = [
        {"code": s["code"], "label": s["label"], "count": sum(s["counts"][-MONTHS_IN_TOTALS:])}
        for s in monthly["series"]
    ]
    first = datetime.date.fromisoformat(monthly["months"][-MONTHS_IN_TOTALS])
    last = datetime.date.fromisoformat(monthly["months"][-1])
    return {
        "rows": rows,
        "total": sum(r["count"] for r in rows),
        "from": month_label(first, short=False),
        "to": month_label(last, short=False),
    }


def period_start(period: str, today: datetime.date) -> datetime.datetime | None:
    days = PERIODS[period][1]
    return None if days is None else local_midnight(today - datetime.timedelta(days=days - 1))


def top_contributors(filters: Filters, today: datetime.date) -> dict:
    """The 3 operators and the 3 work units with the most uploads in the period.

    One grouped query (author × work unit: a few hundred rows at most) gives both rankings;
    names are fetched for the winners only.
    """
    queryset = counted(DailyContributorCount, filters)
    since = period_start(filters.period, today)
    if since is not None:
        queryset = queryset.filter(day__gte=since.date())
    by_author: dict[int, int] = {}
    by_unit: dict[int, int] = {}
    for row in queryset.values("author_id", "work_unit_id").annotate(n=Sum("n")).order_by():
        if row["author_id"]:
            by_author[row["author_id"]] = by_author.get(row["author_id"], 0) + row["n"]
        if row["work_unit_id"]:
            by_unit[row["work_unit_id"]] = by_unit.get(row["work_unit_id"], 0) + row["n"]

    users = {
        user.pk: user
        for user in get_user_model()
        .objects.filter(pk__in=by_author)
        .select_related("simfoni_profile__work_unit")
        .only("username", "first_name", "last_name", "simfoni_profile__work_unit__name")
    }
    units = {unit.pk: unit for unit in WorkUnit.objects.filter(pk__in=by_unit).only("name")}
    top_people = sorted(
        (pk for pk in by_author if pk in users),
        key=lambda pk: (-by_author[pk], users[pk].username),
    )[:TOP_N]
    top_units = sorted(
        (pk for pk in by_unit if pk in units),
        key=lambda pk: (-by_unit[pk], units[pk].name.lower(), pk),
    )[:TOP_N]
    return {
        "operators": [
            {
                "name": users[pk].get_full_name() or users[pk].username,
                "username": users[pk].username,
                "unit": _unit_name(users[pk]),
                "count": by_author[pk],
            }
            for pk in top_people
        ],
        "units": [{"name": units[pk].name, "count": by_unit[pk]} for pk in top_units],
    }


def _unit_name(user) -> str:
    profile = get_profile(user)
    return profile.work_unit.name if profile else ""


def top_keywords(filters: Filters, today: datetime.date) -> list[dict]:
    """The 3 keywords on the most phenomena entered in the last two weeks (case-folded).

    Counted from the keyword rollup: per case-folded name, the sum of its tags' links. That is
    the number of phenomena unless one phenomenon has two tags of the same folded name (e.g.
    "Inflasi" and "inflasi"); such names are recounted from the phenomena themselves.
    """
    since = today - datetime.timedelta(days=KEYWORD_DAYS - 1)
    groups = list(
        counted(DailyKeywordCount, filters)
        .filter(day__gte=since, n__gt=0)
        .values(folded=Lower("tag__name"))
        .annotate(
            n=Sum("n"),
            tags=Count("tag_id", distinct=True),
            name=Min("tag__name"),
            slug=Min("tag__slug"),
        )
        .order_by("folded")  # the database's collation, as before; then by count below
    )
    shared = [g["folded"] for g in groups if g["tags"] > 1]
    if shared:
        conditions = {"content_object__created_at__gte": local_midnight(since)}
        if not filters.include_pending:
            conditions["content_object__live"] = True
        if filters.area:
            conditions["content_object__area__code"] = filters.area
        exact = dict(
            PhenomenonKeyword.objects.filter(**conditions)
            .annotate(folded=Lower("tag__name"))
            .filter(folded__in=shared)
            .values("folded")
            .annotate(n=Count("content_object_id", distinct=True))
            .values_list("folded", "n")
        )
        for group in groups:
            if group["folded"] in exact:
                group["n"] = exact[group["folded"]]
    groups.sort(key=lambda g: -g["n"])  # stable: ties stay in name order
    return [{"name": g["name"], "slug": g["slug"], "count": g["n"]} for g in groups[:TOP_N]]


def compute(filters: Filters, today: datetime.date) -> dict:
    monthly = monthly_counts(filters, today)
    return {
        "filters": asdict(filters),
        "today": today.isoformat(),
        "monthly": monthly,
        "subjects": subject_totals(monthly),
        "contributors": top_contributors(filters, today),
        "keywords": top_keywords(filters, today),
    }


# --- cache --------------------------------------------------------------------------------


def generation() -> int:
    """The current cache generation. It starts from the clock, so a generation lost to cache
    eviction or a restart never brings back figures cached under an older one."""
    value = cache.get(GENERATION_KEY)
    if value is None:
        cache.add(GENERATION_KEY, time.time_ns() // 1000, None)
        value = cache.get(GENERATION_KEY) or 0
    return value


def invalidate() -> None:
    """Forget every cached figure (all filters): the next request recomputes them."""
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # not set yet (or evicted)
        cache.set(GENERATION_KEY, time.time_ns() // 1000, None)


def cached_html(filters: Filters, today: datetime.date, variant: str, render) -> str:
    """The rendered dashboard body for `filters` (and `variant`: the language), cached like the
    figures: a warm dashboard costs one cache read, not a template render."""
    key = f"{filters.key(today, generation())}:html:{variant}"
    html = cache.get(key)
    if html is None:
        html = render()
        cache.set(key, html, cache_seconds())
    return html


def figures(filters: Filters, today: datetime.date | None = None) -> dict:
    """All figures of the dashboard for `filters`, from the cache when it has them."""
    today = today or local_today()
    # The figures hold month labels in the active language: one cache entry per language.
    key = f"{filters.key(today, generation())}:{get_language()}"
    data = cache.get(key)
    if data is None:
        data = compute(filters, today)
        cache.set(key, data, cache_seconds())
    return data
