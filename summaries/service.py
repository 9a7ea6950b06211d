"""Summaries per scope: collect the approved phenomena, ask the provider, check, store.

A scope is (theme, reference month) with optionally a kab/kota area or an ARC release. Only
approved phenomena (`Phenomenon.objects.approved()`) of the scope enter a brief; every citation
the provider returns is checked against the brief and dropped when it is not in it.
"""

from __future__ import annotations

import datetime
import hashlib
import logging
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Count
from django.utils import translation
from django.utils.formats import date_format

from home.dashboard import add_months, local_today
from phenomena.models import Phenomenon, ReleaseDate, Scope, Theme

from . import extractive
from .extractive import Brief, Item, Release
from .models import ThemeSummary
from .providers import Provider, ProviderError, get_provider, keep_cited

logger = logging.getLogger(__name__)

MIN_RECOMMENDATIONS, MAX_RECOMMENDATIONS = 3, 5
#: Releases this many days ahead get their own summary (of the month before the release).
RELEASE_DAYS_AHEAD = 14


@dataclass(frozen=True)
class ScopeKey:
    theme_id: int
    month: datetime.date
    area_id: int | None = None
    release_id: int | None = None

    def as_kwargs(self) -> dict:
        return {
            "theme_id": self.theme_id,
            "month": self.month.isoformat(),
            "area_id": self.area_id,
            "release_id": self.release_id,
        }


def month_label(month: datetime.date) -> str:
    with translation.override("id"):
        return date_format(month, "F Y")


def day_label(day: datetime.date) -> str:
    with translation.override("id"):
        return date_format(day, "j F Y")


def _release(release: ReleaseDate) -> Release:
    return Release(release.indicator.name, release.date, day_label(release.date))


def scope_queryset(theme, month, area=None, release=None):
    """The approved phenomena a scope's summary may rest on."""
    qs = Phenomenon.objects.approved().filter(theme=theme, reference_period=month)
    if area is not None:
        qs = qs.filter(area=area)
    if release is not None:
        linked = qs.filter(indicator_links__indicator_id=release.indicator_id)
        if linked.exists():
            qs = linked
    return qs.distinct()


def build_brief(theme, month, area=None, release=None, today=None) -> Brief:
    today = today or local_today()
    qs = (
        scope_queryset(theme, month, area, release)
        .select_related("area")
        .prefetch_related("indicator_links__indicator", "keywords")
        .order_by("reference_period", "pk")
    )
    items = [
        Item(
            id=p.pk,
            title=p.title,
            narrative=p.narrative,
            area_code=p.area.code if p.area_id else "",
            area_label=p.area.label if p.area_id else "",
            indicators=[(link.indicator.name, link.direction) for link in p.indicator_links.all()],
            keywords=sorted(tag.name for tag in p.keywords.all()),
        )
        for p in qs
    ]
    previous = add_months(month, -1)
    upcoming = [
        _release(r)
        for r in ReleaseDate.objects.filter(
            indicator__themes=theme,
            date__gte=today,
            date__lte=today + datetime.timedelta(days=settings.SUMMARY_GAP_DAYS),
        )
        .select_related("indicator")
        .order_by("date")
    ]
    areas = []
    if area is None and release is None:
        areas = list(
            Scope.objects.filter(parent__isnull=False)
            .order_by("sort_order", "code")
            .values_list("code", "label")
        )
    return Brief(
        theme=theme.name,
        month_label=month_label(month),
        items=items,
        area_label=area.label if area else "",
        release=_release(release) if release else None,
        previous_count=scope_queryset(theme, previous, area, release).count(),
        previous_month_label=month_label(previous),
        areas=areas,
        upcoming=upcoming,
    )


def fingerprint(brief: Brief, provider: Provider) -> str:
    """Changes when the phenomena, their text or the provider change."""
    digest = hashlib.sha256(f"{provider.name}/{provider.model}".encode())
    for item in brief.items:
        digest.update(repr((item.id, item.title, item.narrative, item.indicators)).encode())
    digest.update(repr([(r.indicator, r.date) for r in brief.upcoming]).encode())
    return digest.hexdigest()[:32]


def _complete_recommendations(brief, recs):
    """3–5 recommendations: the provider's, topped up by the rules when it gave fewer."""
    recs = recs[:MAX_RECOMMENDATIONS]
    if len(recs) < MIN_RECOMMENDATIONS:
        texts = {r.text for r in recs}
        for rule in extractive.recommendations(brief):
            if len(recs) >= MIN_RECOMMENDATIONS:
                break
            if rule.text not in texts:
                recs.append(rule)
    return recs


def generate(
    theme,
    month,
    area=None,
    release=None,
    *,
    provider: Provider | None = None,
    attempt: int = 1,
    requested_by=None,
    force: bool = False,
    today=None,
) -> ThemeSummary | None:
    """Summarise one scope and store the run. Returns the new row (status OK or FAILED), the
    current version when nothing changed since (unless `force`), or None without phenomena.
    A failed run raises nothing: it is stored with its error and tokens, and the previous
    version stays current; `ProviderError` is re-raised only for the caller's retry."""
    provider = provider or get_provider()
    brief = build_brief(theme, month, area, release, today)
    if not brief.items:
        return None
    print_ = fingerprint(brief, provider)
    current = ThemeSummary.objects.current(theme, month, area, release)
    if current and not force and current.fingerprint == print_:
        return current
    row = ThemeSummary(
        theme=theme,
        reference_month=month,
        area=area,
        release=release,
        provider=provider.name,
        model=provider.model,
        attempt=attempt,
        phenomenon_count=len(brief.items),
        requested_by=requested_by,
        fingerprint=print_,
    )
    try:
        result = provider.summarise(brief)
        found = keep_cited(result.statements, brief.ids)
        if not found:
            raise ProviderError(
                "Jawaban tanpa pernyataan yang mengutip fenomena yang diberikan.",
                prompt_tokens=result.prompt_tokens,
                completion_tokens=result.completion_tokens,
            )
    except ProviderError as exc:
        row.status = ThemeSummary.Status.FAILED
        row.error = str(exc)[:2000]
        row.prompt_tokens, row.completion_tokens = exc.prompt_tokens, exc.completion_tokens
        row.save()
        logger.warning(
            "Summary %s %s area=%s release=%s failed (attempt %s): %s",
            theme,
            f"{month:%Y-%m}",
            getattr(area, "code", None),
            release and release.pk,
            attempt,
            exc,
        )
        exc.row = row
        raise
    recs = _complete_recommendations(brief, keep_cited(result.recommendations, brief.ids))
    row.status = ThemeSummary.Status.OK
    row.statements = [s.as_dict() for s in found]
    row.recommendations = [r.as_dict() for r in recs]
    row.text = " ".join(s.text for s in found)
    row.model = result.model
    row.prompt_tokens, row.completion_tokens = result.prompt_tokens, result.completion_tokens
    row.save()
    return row


def scopes_for_month(month: datetime.date, theme_ids=None) -> list[ScopeKey]:
    """Every scope worth a summary in `month`: each theme with approved phenomena, each kab/kota
    with at least SUMMARY_MIN_PER_AREA of them."""
    qs = Phenomenon.objects.approved().filter(reference_period=month)
    if theme_ids:
        qs = qs.filter(theme_id__in=theme_ids)
    keys = [
        ScopeKey(theme_id, month)
        for theme_id in qs.values_list("theme_id", flat=True).distinct().order_by("theme_id")
    ]
    per_area = (
        qs.filter(area__isnull=False)
        .values("theme_id", "area_id")
        .annotate(n=Count("pk"))
        .filter(n__gte=settings.SUMMARY_MIN_PER_AREA)
        .order_by("theme_id", "area_id")
    )
    keys += [ScopeKey(row["theme_id"], month, area_id=row["area_id"]) for row in per_area]
    return keys


def release_month(release: ReleaseDate) -> datetime.date:
    """The reference month a release explains: the month before it (BPS releases a month's
    figures early in the next one)."""
    return add_months(release.date.replace(day=1), -1)


def scopes_for_releases(today=None, theme_ids=None) -> list[ScopeKey]:
    """A summary per upcoming release (next RELEASE_DAYS_AHEAD days) and theme of its
    indicator, when that theme has approved phenomena in the month the release explains."""
    today = today or local_today()
    keys = []
    releases = ReleaseDate.objects.filter(
        date__gte=today, date__lte=today + datetime.timedelta(days=RELEASE_DAYS_AHEAD)
    ).prefetch_related("indicator__themes")
    for release in releases:
        month = release_month(release)
        for theme in release.indicator.themes.all():
            if theme_ids and theme.pk not in theme_ids:
                continue
            if scope_queryset(theme, month, release=release).exists():
                keys.append(ScopeKey(theme.pk, month, release_id=release.pk))
    return keys


def resolve(key: ScopeKey):
    theme = Theme.objects.get(pk=key.theme_id)
    area = Scope.objects.get(pk=key.area_id) if key.area_id else None
    release = (
        ReleaseDate.objects.select_related("indicator").get(pk=key.release_id)
        if key.release_id
        else None
    )
    return theme, key.month, area, release


# ---------------------------------------------------------------------------
# Reading (the site's cards)
# ---------------------------------------------------------------------------


def latest_for_theme(theme, month=None, area=None, limit=1) -> list[ThemeSummary]:
    """The current theme-level summary of `month` (or of the newest month that has one)."""
    qs = ThemeSummary.objects.ok().filter(theme=theme, area=area, release__isnull=True)
    if month is not None:
        qs = qs.filter(reference_month=month)
    first = qs.order_by("-reference_month", "-created_at", "-pk").first()
    return [first] if first else []


def latest_per_theme(limit=6, today=None, area=None) -> list[ThemeSummary]:
    """For the dashboard: per theme, the current theme-level summary (or the kab/kota's, with
    `area`) of this month or the last resting on the most phenomena (the newer on a tie);
    themes with most evidence first."""
    today = today or local_today()
    since = add_months(today.replace(day=1), -1)
    rows = (
        ThemeSummary.objects.ok()
        .filter(area=area, release__isnull=True, reference_month__gte=since)
        .select_related("theme", "area")
        .order_by("-reference_month", "-created_at", "-pk")
    )
    best: dict[int, ThemeSummary] = {}
    current: set[tuple[int, datetime.date]] = set()
    for row in rows:
        if (row.theme_id, row.reference_month) in current:
            continue  # an older version of a scope already seen
        current.add((row.theme_id, row.reference_month))
        kept = best.get(row.theme_id)
        if kept is None or row.phenomenon_count > kept.phenomenon_count:
            best[row.theme_id] = row
    ranked = sorted(
        best.values(), key=lambda r: (-r.phenomenon_count, -r.reference_month.toordinal())
    )
    return ranked[:limit]


def cited_phenomena(summary: ThemeSummary) -> dict[int, Phenomenon]:
    """The cited phenomena still approved (a later unpublish hides its link)."""
    ids = summary.cited_ids
    return {p.pk: p for p in Phenomenon.objects.approved().filter(pk__in=ids).only("pk", "title")}


def tokens_since(start: datetime.datetime) -> int:
    agg = ThemeSummary.objects.filter(created_at__gte=start).values_list(
        "prompt_tokens", "completion_tokens"
    )
    return sum(a + b for a, b in agg)
