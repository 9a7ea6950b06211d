"""Search engines: one protocol, one engine per deployment, chosen by a setting.

``SIMFONI_SEARCH_ENGINE`` names the engine (environment variable of the same name):

- ``database`` (:mod:`.database`): Wagtail's database search backend (SQLite FTS5, or
  PostgreSQL full-text search over Wagtail's index table), filters and facets in the ORM;
- ``pgtable`` (:mod:`.pgtable`): PostgreSQL only, one statement over the denormalised
  search table (migrations ``simfoni_search.0001``/``0002``);
- ``elasticsearch`` (:mod:`.elasticsearch`): Wagtail's Elasticsearch 8 backend for the
  index, one elasticsearch-dsl request per search.

Empty (the default) chooses by the deployment: ``elasticsearch`` when ``ELASTICSEARCH_URL``
is set, ``pgtable`` on PostgreSQL, ``database`` otherwise.

Every engine answers :meth:`Engine.search` with the ids of one page of hits, the total and
the raw facet counts, narrowed by the filters of :mod:`phenomena.filters`; ``run_search``
(:mod:`search.service`) loads and labels them. Only the ``database`` and ``elasticsearch``
engines read Wagtail's search index, so only they keep it (:func:`uses_wagtail_index`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

ENGINES = ("database", "pgtable", "elasticsearch")


@dataclass
class EngineResult:
    ids: list[int]
    total: int
    facets: dict[str, dict] = field(default_factory=dict)
    approximate_facets: bool = False
    approximate_total: bool = False


class Engine(Protocol):
    #: The engine's name (one of ENGINES), shown as ``Result.backend``.
    name: str

    def search(
        self, queryset, params, terms: str, offset: int, limit: int, with_facets: bool = True
    ) -> EngineResult:
        """One page of the approved phenomena in `queryset` matching `terms` and `params`.

        `queryset` is what the user may see (``approved_queryset(user)``): no id outside
        it is returned. `terms` is the analysed query (simfoni_text.analysis), "" for none.
        """
        ...

    def sync(self, ids) -> None:
        """Bring what the engine searches up to date for phenomena `ids` (any state)."""
        ...

    def remove(self, ids) -> None:
        """Forget phenomena `ids` (deleted)."""
        ...


def engine_name(connection=None) -> str:
    """The engine this deployment uses: the setting, or the automatic choice."""
    name = (getattr(settings, "SIMFONI_SEARCH_ENGINE", "") or "").strip().lower()
    if connection is None:
        from django.db import connection
    if not name:
        if getattr(settings, "ELASTICSEARCH_URL", ""):
            name = "elasticsearch"
        elif connection.vendor == "postgresql":
            name = "pgtable"
        else:
            name = "database"
    if name not in ENGINES:
        raise ImproperlyConfigured(
            f"SIMFONI_SEARCH_ENGINE must be one of {', '.join(ENGINES)} (or empty), not {name!r}"
        )
    if name == "pgtable" and connection.vendor != "postgresql":
        raise ImproperlyConfigured("SIMFONI_SEARCH_ENGINE=pgtable needs PostgreSQL.")
    return name


def uses_wagtail_index(name=None) -> bool:
    """True when the engine reads Wagtail's search index (which must then be kept)."""
    return (name or engine_name()) != "pgtable"


def get_engine(name=None) -> Engine:
    """The search engine named by the setting (see the module doc)."""
    name = name or engine_name()
    if name == "pgtable":
        from .pgtable import PostgresTableEngine

        return PostgresTableEngine()
    from wagtail.search.backends import get_search_backend

    if name == "elasticsearch":
        from .elasticsearch import ElasticsearchEngine

        return ElasticsearchEngine(get_search_backend())
    from .database import DatabaseEngine

    return DatabaseEngine(get_search_backend())


def no_text_sort(params) -> str:
    """The sort of a search without words: relevance means newest first."""
    sort = params.effective_sort
    return "period_desc" if sort == "relevance" else sort
