"""Search over approved phenomena: one entry point for the site, the export and the API.

``run_search(params, user)`` returns a :class:`Result` (hits, total, facets, page). The
engine behind it is chosen by the ``SIMFONI_SEARCH_ENGINE`` setting (:mod:`search.engines`):
Wagtail's database backend, the PostgreSQL search table or Elasticsearch. Text is analysed
in Python by :mod:`simfoni_text.analysis` before it reaches any engine, so all of them match the
same terms.

Only approved (live) phenomena are indexed, and every query is also narrowed to
``Phenomenon.objects.approved()`` seen through ``visible_phenomena(user)``, so a stale
index entry can never show a draft.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Prefetch
from django.utils.translation import gettext as _

from phenomena.filters import ID_FILTERS
from phenomena.models import Phenomenon
from phenomena.permissions import visible_phenomena

from . import facets as facet_mod
from . import relaxed as relaxed_mod
from .engines import EngineResult, get_engine
from .params import SearchParams
from .understanding import Understanding, understand

__all__ = ["EngineResult", "Result", "export_hits", "get_engine", "run_search"]

#: Exports never hold more rows than this (the page says so when a result set is larger).
EXPORT_MAX_ROWS = getattr(settings, "SEARCH_EXPORT_MAX_ROWS", 10_000)


@dataclass
class FacetValue:
    value: object
    label: str
    count: int
    selected: bool = False


@dataclass
class PageInfo:
    number: int
    per_page: int
    total: int

    @property
    def num_pages(self) -> int:
        return max(1, math.ceil(self.total / self.per_page))

    @property
    def has_previous(self) -> bool:
        return self.number > 1

    @property
    def has_next(self) -> bool:
        return self.number < self.num_pages

    @property
    def start_index(self) -> int:
        return 0 if not self.total else (self.number - 1) * self.per_page + 1

    @property
    def end_index(self) -> int:
        return min(self.total, self.number * self.per_page)

    @property
    def offset(self) -> int:
        return (self.number - 1) * self.per_page


@dataclass
class Result:
    hits: list
    total: int
    facets: dict[str, list[FacetValue]]
    page: PageInfo
    params: SearchParams
    messages: list[str] = field(default_factory=list)
    terms: str = ""
    backend: str = "database"
    #: True when facet counts were estimated from a sample of a very large result set.
    approximate_facets: bool = False
    #: True when the total itself was estimated (the result set is very large).
    approximate_total: bool = False
    #: What the query was understood as (filters found in it, question words dropped).
    understanding: Understanding | None = None
    #: True when phenomena matching only some of the words fill the page.
    partial: bool = False
    #: How many phenomena match every word (when ``partial``).
    complete_total: int = 0
    #: "Maksud Anda …?": a query with the misspelt words replaced, or "".
    suggestion: str = ""
    #: The page's phenomenon ids in order (``hits`` are these, loaded, unless not asked for).
    ids: list = field(default_factory=list)


def approved_queryset(user):
    """Approved phenomena that `user` may see: the only ones search ever returns.

    `user` None is the public API (a consuming system, no account): every approved one."""
    if user is None:
        return Phenomenon.objects.approved()
    return visible_phenomena(user, Phenomenon.objects.approved())


def run_search(
    params: SearchParams,
    user,
    *,
    with_facets=True,
    engine=None,
    with_hits=True,
    with_keywords=True,
) -> Result:
    """Search approved phenomena visible to `user`. Never raises for bad input.

    With ``with_hits=False`` the page's phenomena are not loaded: ``Result.hits`` is empty
    and ``Result.ids`` holds their ids in order (the API loads them its own, leaner way).
    ``with_keywords=False``: the hits come without their keywords (one query less)."""
    engine = engine or get_engine()
    messages = list(params.messages)
    understanding = understand(params)
    params = understanding.params
    terms = understanding.terms
    if params.q.strip() and not terms and not understanding.found:
        messages.append(
            _(
                "Kata kunci tidak berisi kata yang dapat dicari (hanya kata umum atau tanda "
                "baca), jadi semua fenomena yang cocok dengan filter ditampilkan."
            )
        )
    page = PageInfo(params.page, params.per_page, 0)
    result = engine.search(
        approved_queryset(user), params, terms, page.offset, params.per_page, with_facets
    )
    page.total = result.total
    if result.total and page.offset >= result.total and not result.ids:
        # Past the last page (an old shared link): show the last page instead.
        page.number = page.num_pages
        result = engine.search(
            approved_queryset(user), params, terms, page.offset, params.per_page, with_facets
        )
    partial, complete_total, suggestion = False, result.total, ""
    if terms and result.total < relaxed_mod.RELAX_BELOW and not result.approximate_total:
        queryset = approved_queryset(user)
        ranked, facets = relaxed_mod.relaxed_ids(engine, queryset, params, terms, with_facets)
        if len(ranked) > result.total:
            partial = True
            page.total = len(ranked)
            if page.offset >= page.total:
                page.number = page.num_pages
            result = EngineResult(
                ids=ranked[page.offset : page.offset + params.per_page],
                total=len(ranked),
                facets=facets if with_facets else {},
            )
            if complete_total:
                messages.append(
                    _(
                        "Hanya %(n)s fenomena memuat semua kata; sesudahnya ditampilkan yang "
                        "paling mendekati."
                    )
                    % {"n": complete_total}
                )
            else:
                messages.append(
                    _("Tidak ada yang memuat semua kata; menampilkan yang paling mendekati.")
                )
        if not complete_total:
            suggestion = relaxed_mod.suggest(params.q, understanding)
    ids = list(result.ids)
    return Result(
        hits=load_hits(ids, user, keywords=with_keywords) if with_hits else [],
        ids=ids,
        total=result.total,
        facets=label_facets(result.facets, params, user) if with_facets else {},
        page=page,
        params=params,
        messages=messages,
        terms=terms,
        backend=engine.name,
        approximate_facets=result.approximate_facets,
        approximate_total=result.approximate_total,
        understanding=understanding,
        partial=partial,
        complete_total=complete_total,
        suggestion=suggestion,
    )


def hit_prefetches(*, keywords: bool = True) -> list:
    """What a hit shows: sources with their type and media, indicators, keywords.

    One query per relation (type, media and indicator joined in), not one per model."""
    from phenomena.models import PhenomenonIndicator, PhenomenonSource

    prefetches = [
        Prefetch("sources", PhenomenonSource.objects.select_related("outlet", "source_type")),
        Prefetch("indicator_links", PhenomenonIndicator.objects.select_related("indicator")),
    ]
    return [*prefetches, "keywords"] if keywords else prefetches


def load_hits(ids, user, *, keywords: bool = True):
    """Phenomena for `ids`, in that order, with what the list and export show (their
    keywords unless `keywords` is False: the search page does not show them)."""
    if not ids:
        return []
    objects = (
        approved_queryset(user)
        .filter(pk__in=ids)
        .select_related("subject", "theme", "scope", "area", "work_unit")
        .prefetch_related(*hit_prefetches(keywords=keywords))
    )
    by_id = {obj.pk: obj for obj in objects}
    return [by_id[pk] for pk in ids if pk in by_id]


def export_hits(params: SearchParams, user, max_rows: int | None = None):
    """(hits, total) for an export: the first `max_rows` results in the chosen order."""
    max_rows = max_rows or EXPORT_MAX_ROWS
    engine = get_engine()
    understanding = understand(params)
    params, terms = understanding.params, understanding.terms
    result = engine.search(approved_queryset(user), params, terms, 0, max_rows, False)
    ids, total = result.ids, result.total
    if terms and total < relaxed_mod.RELAX_BELOW and not result.approximate_total:
        ranked, _facets = relaxed_mod.relaxed_ids(
            engine, approved_queryset(user), params, terms, False
        )
        if len(ranked) > total:
            ids, total = ranked[:max_rows], len(ranked)
    return load_hits(ids, user), total


# ---------------------------------------------------------------------------
# Facet labels
# ---------------------------------------------------------------------------


def _labels(name, values):
    values = [v for v in values if v is not None]
    if name == "period":
        from phenomena.dates import month_year

        return {v: month_year(v) for v in values}
    from .labels import labels  # reference tables kept per process

    return labels(name, values)


def visible_values(name, values, user) -> set:
    """The `values` of filter `name` that occur on a phenomenon the search shows `user`.

    A value that occurs only on drafts (a keyword typed on an unapproved phenomenon) is
    never named on the search page, not even when its id is put in the URL.
    """
    values = [v for v in values if v is not None]
    if not values:
        return set()
    model, field_name, owner = ID_FILTERS[name].values_source()
    rows = model.objects.filter(
        **{f"{field_name}__in": values, f"{owner}__in": approved_queryset(user).values("pk")}
    )
    return set(rows.values_list(field_name, flat=True).distinct())


def label_facets(
    raw: dict[str, dict], params: SearchParams, user=None
) -> dict[str, list[FacetValue]]:
    """Labelled facet values; a selected value nobody may see is shown without its name.

    Counted values occur on matching approved phenomena, so they are named. A selected
    value with no count (its id typed into the URL) is named only when it occurs on some
    phenomenon `user` may find; otherwise it is listed as an unknown value, so its chip can
    still be removed.
    """
    raw = facet_mod.merge_selected({k: dict(v) for k, v in raw.items()}, params)
    out = {}
    for name in facet_mod.FACET_FIELDS:
        counts = raw.get(name, {})
        selected = set(getattr(params, name, ()) or ())
        labels = _labels(name, counts.keys())
        if name != "period":
            unseen = [v for v, n in counts.items() if not n and v in selected]
            hidden = set(unseen) - visible_values(name, unseen, user)
            for value in hidden | (selected - set(labels)):
                labels[value] = _("(nilai tidak dikenal)")
        values = [
            FacetValue(value=v, label=labels.get(v, str(v)), count=n, selected=v in selected)
            for v, n in counts.items()
            if v in labels
        ]
        if name == "period":
            values.sort(key=lambda f: f.value, reverse=True)
        else:
            values.sort(key=lambda f: (-f.count, f.label))
        out[name] = values
    return out
