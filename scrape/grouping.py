"""Grouping the kept articles into proposed phenomena: one proposal per event.

A run brings the same story from several portals. ``group_articles(articles)`` puts the
articles that tell one event together with ``phenomena.duplicates.grouping.group_same_event``
(the duplicate check's rules: the same canonical URL, a near-identical text, or the same figures
for the same month and place), over what the proposer made of each article: its title, its
proposed narrative (else the start of its text), its URL, suggested reference month and area.

Each ``Proposal`` is one phenomenon with one source per article. Its *lead* article, the most
complete one (theme, scope, reference month, area, indicator and direction, figures, then the
longer narrative; the first fetched on a tie), gives the title, narrative and classification;
it comes first, so its outlet is the first source's and decides the default operator of a
delegation. Only articles still waiting for review (status *new*) are grouped by
``pending_proposals``, so grouping again after some were uploaded or skipped never proposes
those again.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass

from django.core.cache import cache

from phenomena import limits
from phenomena.duplicates.grouping import group_same_event

from .models import Article

CACHE_SECONDS = 600


@dataclass
class Proposal:
    """One proposed phenomenon: its articles, the lead (most complete) first."""

    articles: list

    @property
    def lead(self) -> Article:
        return self.articles[0]

    @property
    def key(self) -> str:
        """The checkbox value of the results page: the article ids joined by "-"."""
        return "-".join(str(a.pk) for a in self.articles)


def completeness(article: Article) -> tuple:
    """How much of a phenomenon the article's suggestions fill (higher is more complete)."""
    s = article.suggestions or {}
    required = sum(bool(s.get(k)) for k in ("theme", "scope", "reference_period"))
    extra = sum(
        [
            bool(s.get("area")),
            bool(s.get("indicator") and s.get("direction")),
            bool(s.get("figures")),
            s.get("period_basis") == "teks" and bool(s.get("reference_period")),
        ]
    )
    return (required, extra, len(s.get("narrative") or ""))


def _item(article: Article) -> dict:
    s = article.suggestions or {}
    return {
        "title": article.title,
        "narrative": s.get("narrative") or article.text[:2000],
        "url": article.url,
        "reference_period": s.get("reference_period") or None,
        "area_code": s.get("area") or None,
    }


def group_articles(articles: Iterable[Article]) -> list[Proposal]:
    """The articles as proposals, one per event, in the order of their first article."""
    articles = list(articles)
    positions = {id(a): n for n, a in enumerate(articles)}
    items = [dict(_item(a), position=n) for n, a in enumerate(articles)]
    proposals = []
    for group in group_same_event(items):
        members = [articles[item["position"]] for item in group]
        members.sort(key=lambda a: (tuple(-v for v in completeness(a)), positions[id(a)]))
        for start in range(0, len(members), limits.SOURCES_MAX):  # one source per article
            proposals.append(Proposal(members[start : start + limits.SOURCES_MAX]))
    proposals.sort(key=lambda p: min(positions[id(a)] for a in p.articles))
    return proposals


def group_keys(articles: Iterable[Article]) -> list[str]:
    """One key per article; articles with the same key are one proposed phenomenon."""
    articles = list(articles)
    key_of = {}
    for proposal in group_articles(articles):
        for article in proposal.articles:
            key_of[id(article)] = proposal.key
    return [key_of[id(a)] for a in articles]


def pending_proposals() -> list[Proposal]:
    """The articles waiting for review (status *new*), grouped; oldest fetched first inside a
    group's order, newest proposals first on the page.

    The grouping of the same set of waiting articles is cached (by their ids) for
    ``CACHE_SECONDS``: paging through the results does not group thousands of articles again."""
    articles = list(
        Article.objects.filter(status=Article.Status.NEW)
        .select_related("source__outlet")
        .order_by("-fetched_at", "-pk")
    )
    digest = hashlib.sha256(",".join(str(a.pk) for a in articles).encode()).hexdigest()
    cache_key = f"scrape:groups:{digest}"
    keys = cache.get(cache_key)
    by_pk = {a.pk: a for a in articles}
    if keys is None or any(pk not in by_pk for key in keys for pk in key):
        keys = [[a.pk for a in p.articles] for p in group_articles(articles)]
        cache.set(cache_key, keys, CACHE_SECONDS)
    return [Proposal([by_pk[pk] for pk in key]) for key in keys]
