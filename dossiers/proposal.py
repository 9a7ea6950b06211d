"""What SIMFONI proposes for a release: its reference period and the approved phenomena.

Reference period of a release (a default the statistician may change on the dossier):
* it ends with the month before the release month (BPS releases a month's figure in the
  following month: inflation of November early in December);
* it spans as many months as lie between the indicator's previous release and this one
  (monthly releases cover one month, quarterly ones three, yearly ones twelve); with no earlier
  release on the calendar, or one more than 12 months earlier (a gap in the calendar), it is
  one month.

Candidates: the approved (live) phenomena whose reference period falls in that range and
whose theme is one of the indicator's themes, or which the operator linked to the indicator
itself. Those linked to the indicator come first, then the most recent sources.
"""

import datetime
from dataclasses import dataclass

from django.db.models import Q

from phenomena.dates import month_year
from phenomena.models import Phenomenon, ReleaseDate

from .direction import estimate

MAX_PERIOD_MONTHS = 12


def first_of_month(day: datetime.date) -> datetime.date:
    return day.replace(day=1)


def add_months(day: datetime.date, months: int) -> datetime.date:
    index = day.year * 12 + day.month - 1 + months
    return datetime.date(index // 12, index % 12 + 1, 1)


def months_between(start: datetime.date, end: datetime.date) -> int:
    return (end.year - start.year) * 12 + end.month - start.month


def default_period(release: ReleaseDate) -> tuple[datetime.date, datetime.date]:
    end = add_months(first_of_month(release.date), -1)
    previous = (
        ReleaseDate.objects.filter(indicator_id=release.indicator_id, date__lt=release.date)
        .order_by("-date")
        .values_list("date", flat=True)
        .first()
    )
    span = 1
    if previous is not None:
        gap = months_between(previous, release.date)
        span = gap if 1 <= gap <= MAX_PERIOD_MONTHS else 1
    return add_months(end, -(span - 1)), end


def period_label(start: datetime.date, end: datetime.date) -> str:
    if start == end:
        return month_year(start)
    return f"{month_year(start)} – {month_year(end)}"


def matching(indicator, start: datetime.date, end: datetime.date):
    """Approved phenomena of the indicator's themes (or linked to it) in [start, end]."""
    theme_ids = list(indicator.themes.values_list("pk", flat=True))
    return (
        Phenomenon.objects.approved()
        .filter(
            Q(theme_id__in=theme_ids) | Q(indicator_links__indicator=indicator),
            reference_period__gte=first_of_month(start),
            reference_period__lte=first_of_month(end),
        )
        .distinct()
    )


@dataclass
class Candidate:
    phenomenon: Phenomenon
    direction: str | None
    direction_source: str  # "indikator" or "teks"
    linked: bool  # linked to the indicator by its operator

    @property
    def source(self):
        return self.phenomenon.primary_source


def candidates(indicator, start: datetime.date, end: datetime.date) -> list[Candidate]:
    found = (
        matching(indicator, start, end)
        .select_related("area", "scope", "theme")
        .prefetch_related("sources__outlet", "sources__source_type", "indicator_links")
    )
    result = []
    for phenomenon in found:
        guess = estimate(phenomenon, indicator)
        linked = any(link.indicator_id == indicator.pk for link in phenomenon.indicator_links.all())
        result.append(Candidate(phenomenon, guess.direction, guess.source, linked))

    def order(candidate):
        source = candidate.source
        day = source.source_date if source else candidate.phenomenon.reference_period
        return (not candidate.linked, -day.toordinal(), candidate.phenomenon.pk)

    return sorted(result, key=order)
