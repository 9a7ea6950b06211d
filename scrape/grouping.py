"""Grouping a run's articles into proposed phenomena.

``group_keys(articles)`` returns one key per article; articles with the same key are one
proposed phenomenon. For now the key is the canonical URL (each article stands alone); the
cross-outlet event grouping (same event told by several portals) replaces it later without
changing callers.
"""

from __future__ import annotations

from collections.abc import Iterable


def group_keys(articles: Iterable) -> list[str]:
    return [
        getattr(article, "canonical_url", "") or getattr(article, "url", "") for article in articles
    ]
