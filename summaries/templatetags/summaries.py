"""Summary cards for the site's pages: {% load summaries %} then one of the tags below."""

from django import template
from django.urls import reverse

from home.dashboard import local_today
from phenomena.models import Theme

from .. import service
from ..models import ThemeSummary

register = template.Library()


COMPACT_STATEMENTS, COMPACT_RECOMMENDATIONS = 2, 3


def card(summary: ThemeSummary, compact: bool = False) -> dict:
    """The card's context: statements and recommendations with numbered citation links (only
    to phenomena still approved). Compact cards (dashboard, calendar) show the first few."""
    live = service.cited_phenomena(summary)
    numbers: dict[int, int] = {}
    for pk in summary.cited_ids:
        if pk in live:
            numbers[pk] = len(numbers) + 1

    def cited(entries):
        out = []
        for entry in entries:
            links = [
                {
                    "n": numbers[pk],
                    "url": reverse("search:detail", args=[pk]),
                    "title": live[pk].title,
                }
                for pk in entry.get("cites", [])
                if pk in numbers
            ]
            out.append({"text": entry["text"], "links": links, "kind": entry.get("kind", "")})
        return out

    statements, recommendations = summary.statements, summary.recommendations
    cut_s, cut_r = (COMPACT_STATEMENTS, COMPACT_RECOMMENDATIONS) if compact else (None, None)
    return {
        "summary": summary,
        "statements": cited(statements[:cut_s]),
        "recommendations": cited(recommendations[:cut_r]),
        "more_statements": cited(statements[cut_s:]) if compact else [],
        "more_recommendations": cited(recommendations[cut_r:]) if compact else [],
        "sources": [
            {"n": n, "url": reverse("search:detail", args=[pk]), "title": live[pk].title}
            for pk, n in numbers.items()
        ],
    }


def _cards(summaries, compact=False, title=""):
    return {
        "cards": [card(s, compact) for s in summaries],
        "compact": compact,
        "title": title,
    }


@register.inclusion_tag("summaries/cards.html")
def search_summary(params):
    """On /cari/ filtered to one theme: that theme's summary (of the one month filtered, else the
    newest), the kab/kota one first when one area is filtered and it has its own."""
    if len(params.theme) != 1:
        return {"cards": []}
    theme = Theme.objects.filter(pk=params.theme[0]).first()
    if theme is None:
        return {"cards": []}
    month = params.period_from if params.period_from == params.period_to else None
    found = []
    if len(params.area) == 1:
        found = service.latest_for_theme(theme, month, area=params.area[0])
    found = found or service.latest_for_theme(theme, month)
    return _cards(found)


@register.inclusion_tag("summaries/cards.html")
def phenomenon_summary(phenomenon):
    """On a phenomenon's page: its theme's summary of its month (else the theme's newest)."""
    theme = phenomenon.theme
    found = service.latest_for_theme(theme, phenomenon.reference_period) or (
        service.latest_for_theme(theme)
    )
    return _cards(found)


@register.inclusion_tag("summaries/cards.html")
def dashboard_summaries(area=None, limit=6):
    """On the dashboard: the themes' summaries, the chosen kab/kota's when one is chosen."""
    return _cards(service.latest_per_theme(limit, area=area), compact=True, title="dashboard")


@register.inclusion_tag("summaries/cards.html", takes_context=True)
def release_summaries(context, limit=6):
    """On the release calendar, for signed-in users: the summaries of upcoming releases."""
    request = context.get("request")
    if request is None or not request.user.is_authenticated:
        return {"cards": []}
    today = local_today()
    rows = (
        ThemeSummary.objects.ok()
        .filter(release__date__gte=today)
        .select_related("theme", "release__indicator", "area")
        .order_by("release__date", "-created_at")
    )
    seen, found = set(), []
    for row in rows:
        if (row.release_id, row.theme_id) in seen:
            continue
        seen.add((row.release_id, row.theme_id))
        found.append(row)
        if len(found) >= limit:
            break
    return _cards(found, compact=True, title="releases")
