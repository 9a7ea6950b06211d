"""Coverage before release day: upcoming releases whose themes have too few approved phenomena.

For each release in the next `DOSSIER_COVERAGE_DAYS` days (default 14, today excluded) the
approved phenomena that its dossier would propose (`proposal.matching`: the indicator's themes
or linked to it, in the release's default reference period) are counted overall and per
kab/kota. A release is short when the overall count is under `DOSSIER_COVERAGE_MIN` (default 5)
or when a kab/kota has fewer than `DOSSIER_COVERAGE_MIN_AREA` (default 1; 0 turns the per
kab/kota check off). The kab/kota are the areas of the reference data (`Scope` children).
"""

import datetime
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Count

from phenomena.models import ReleaseDate, Scope

from .proposal import default_period, matching, period_label


@dataclass
class AreaCount:
    area: Scope
    count: int
    short: bool


@dataclass
class ReleaseCoverage:
    release: ReleaseDate
    period_start: datetime.date
    period_end: datetime.date
    total: int
    minimum: int
    areas: list[AreaCount] = field(default_factory=list)

    @property
    def indicator(self):
        return self.release.indicator

    @property
    def period(self) -> str:
        return period_label(self.period_start, self.period_end)

    @property
    def short_overall(self) -> bool:
        return self.total < self.minimum

    @property
    def short_areas(self) -> list[AreaCount]:
        return [a for a in self.areas if a.short]

    @property
    def short(self) -> bool:
        return self.short_overall or bool(self.short_areas)

    @property
    def missing(self) -> int:
        return max(self.minimum - self.total, 0)


def coverage_for(release: ReleaseDate, minimum=None, minimum_area=None, areas=None):
    minimum = settings.DOSSIER_COVERAGE_MIN if minimum is None else minimum
    minimum_area = settings.DOSSIER_COVERAGE_MIN_AREA if minimum_area is None else minimum_area
    if areas is None:
        areas = list(Scope.objects.filter(parent__isnull=False).order_by("sort_order", "code"))
    start, end = default_period(release)
    found = matching(release.indicator, start, end)
    total = found.count()
    per_area = dict(
        found.filter(area__isnull=False)
        .order_by()
        .values_list("area_id")
        .annotate(n=Count("pk", distinct=True))
    )
    counts = [
        AreaCount(area, per_area.get(area.pk, 0), per_area.get(area.pk, 0) < minimum_area)
        for area in areas
    ]
    return ReleaseCoverage(release, start, end, total, minimum, counts)


def upcoming(today: datetime.date, days=None) -> list[ReleaseCoverage]:
    """Coverage of every release in (today, today + days]."""
    days = settings.DOSSIER_COVERAGE_DAYS if days is None else days
    releases = (
        ReleaseDate.objects.filter(date__gt=today, date__lte=today + datetime.timedelta(days=days))
        .select_related("indicator")
        .order_by("date", "indicator__sort_order", "indicator__name")
    )
    areas = list(Scope.objects.filter(parent__isnull=False).order_by("sort_order", "code"))
    return [coverage_for(release, areas=areas) for release in releases]


def gaps(today: datetime.date, days=None) -> list[ReleaseCoverage]:
    return [c for c in upcoming(today, days) if c.short]
