"""Query understanding: what a typed query means, in one place for the page, export and API.

:func:`understand` reads the words of ``params.q`` and returns an :class:`Understanding`:

* a kab/kota ("Jaksel", "Jakarta Selatan", "Kota Jakarta Selatan"), a month with a year
  ("Oktober 2024", "okt 2024") or a year ("2024") typed in the query becomes a **filter**
  (kab/kota, reference period), unless the same filter is already set; a kab/kota is a
  filter only beside other search words (typed alone it is searched in the text, with all
  its names); :attr:`found` says
  which words became which filter, so the page shows them as removable chips;
* question words ("mengapa", "bagaimana", "apakah", "dampak", "terhadap"…) are dropped
  (:data:`QUESTION_WORDS`), unless nothing else is left;
* the remaining words are analysed and expanded by the thesaurus (:mod:`search.thesaurus`)
  into :class:`QueryTerms`: groups of alternatives every engine applies alike.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field, replace

from simfoni_text import places
from simfoni_text.analysis import STOP_WORDS, analyse, query_words

from . import thesaurus
from .params import SearchParams

__all__ = ["QUESTION_WORDS", "Found", "QueryTerms", "Understanding", "understand"]

#: Words of a question that a phenomenon does not have to contain (besides the stop words).
QUESTION_WORDS = frozenset(
    """
    mengapa kenapa bagaimana gimana apa apakah siapa kapan dimana berapa bagaimanakah
    dampak berdampak dampaknya pengaruh berpengaruh pengaruhnya mempengaruhi memengaruhi
    terhadap penyebab menyebabkan faktor tentang mengenai soal info informasi berita
    """.split()
)

#: Years typed in a query that become a reference-period filter.
YEAR_RANGE = (1990, 2100)


class QueryTerms(str):
    """The analysed query: the plain terms as a string, and the groups of alternatives.

    ``str(terms)`` is the space-separated first variant of every group (what older code and
    caches read); :attr:`groups` is a tuple of groups, each a tuple of variants, each a
    tuple of analysed words. An engine matches a phenomenon when every group has a variant
    whose words all occur in it.
    """

    groups: tuple = ()
    #: "and": every group must match; "or": any group (relaxed matching's candidates).
    operator: str = "and"

    def __new__(cls, groups=(), operator="and"):
        groups = tuple(tuple(tuple(v) for v in group) for group in groups if group)
        obj = super().__new__(cls, " ".join(" ".join(group[0]) for group in groups))
        obj.groups = groups
        obj.operator = operator
        return obj

    def any_group(self) -> QueryTerms:
        """The same groups, of which any one is enough."""
        return QueryTerms(self.groups, operator="or")

    @classmethod
    def of(cls, terms) -> QueryTerms:
        """`terms` as QueryTerms (a plain analysed string: one group per word)."""
        if isinstance(terms, QueryTerms):
            return terms
        return cls(((w,),) for w in str(terms or "").split())

    def words(self) -> list[str]:
        """Every word of every variant (for highlighting, suggestions)."""
        return list(dict.fromkeys(w for group in self.groups for v in group for w in v))


@dataclass
class Found:
    """Words of the query that became a filter."""

    words: str
    filter: str  # "area" or "period"
    label: str


@dataclass
class Understanding:
    params: SearchParams
    terms: QueryTerms
    found: list[Found] = field(default_factory=list)
    ignored: list[str] = field(default_factory=list)
    #: The query without the words that became filters ("" when nothing is left).
    remaining_q: str = ""


def _area_index() -> tuple[dict[tuple[str, ...], str], int]:
    """Normalised place names (word tuples) -> area key, and the longest name in words."""
    index = {}
    for place in places.names():
        if place.area:
            index[tuple(place.name.split())] = place.area
    for place in places.names():
        if place.area:
            abbreviation = thesaurus.kabkota_abbreviation(place.name)
            if abbreviation:
                index.setdefault((abbreviation,), place.area)
    return index, max((len(k) for k in index), default=1)


def _areas_by_code() -> dict[str, tuple[int, str]]:
    from phenomena.models import Scope

    return {
        code: (pk, label)
        for pk, code, label in Scope.objects.filter(parent__isnull=False).values_list(
            "pk", "code", "label"
        )
    }


_PREFIXES = {("kota",), ("kab",), ("kabupaten",), ("kota", "administrasi"), ("kota", "adm")}


def _year(word: str) -> int | None:
    if len(word) == 4 and word.isdigit() and YEAR_RANGE[0] <= int(word) <= YEAR_RANGE[1]:
        return int(word)
    return None


def understand(params: SearchParams) -> Understanding:
    """What `params.q` asks for: filters found in it, question words, thesaurus groups."""
    words = query_words(params.q)
    found: list[Found] = []
    keep = [True] * len(words)
    new_area = None
    period = None
    if words and not params.area:
        index, longest = _area_index()
        areas = None
        i = 0
        while i < len(words):
            for n in range(min(longest, len(words) - i), 0, -1):
                key = tuple(words[i : i + n])
                if key in index:
                    areas = areas if areas is not None else _areas_by_code()
                    if index[key] in areas and new_area is None:
                        start = i
                        for prefix in _PREFIXES:  # "kota jaksel": the prefix goes too
                            if tuple(words[max(0, i - len(prefix)) : i]) == prefix:
                                start = i - len(prefix)
                        pk, label = areas[index[key]]
                        new_area = pk
                        for j in range(start, i + n):
                            keep[j] = False
                        found.append(Found(" ".join(words[start : i + n]), "area", label))
                    i += n
                    break
            else:
                i += 1
    if words and not (params.period_from or params.period_to):
        for i, word in enumerate(words):
            year = _year(word)
            if year is None or not keep[i]:
                continue
            month = thesaurus.month_number(words[i - 1]) if i > 0 and keep[i - 1] else None
            if month:
                keep[i - 1] = keep[i] = False
                start = datetime.date(year, month, 1)
                period = (start, start)
                from phenomena.dates import month_year

                found.append(Found(f"{words[i - 1]} {word}", "period", month_year(start)))
            else:
                keep[i] = False
                period = (datetime.date(year, 1, 1), datetime.date(year, 12, 1))
                found.append(Found(word, "period", str(year)))
            break
    if new_area is not None and not analyse(
        " ".join(w for w, k in zip(words, keep, strict=True) if k and w not in QUESTION_WORDS)
    ):
        # Only a place (and a period) typed: search the place's names in the text too, since
        # a province-wide phenomenon may be about it; the filter would hide that one.
        new_area = None
        for i, found_item in enumerate(list(found)):
            if found_item.filter == "area":
                found.pop(i)
                place = found_item.words.split()
                for j in range(len(words) - len(place) + 1):
                    if words[j : j + len(place)] == place:
                        for k in range(j, j + len(place)):
                            keep[k] = True
                        break
    remaining = [w for w, k in zip(words, keep, strict=True) if k]
    ignored = [w for w in remaining if w in QUESTION_WORDS and w not in STOP_WORDS]
    content = [w for w in remaining if w not in QUESTION_WORDS]
    if not analyse(" ".join(content)):
        content, ignored = remaining, []  # only question words: search them after all
    terms: dict[str, None] = {}
    for term in analyse(" ".join(content)):
        terms[term] = None
    effective = params
    if new_area is not None:
        effective = replace(effective, area=(new_area,))
    if period is not None:
        effective = replace(effective, period_from=period[0], period_to=period[1])
    expanded = thesaurus.expand(list(terms)[:32])
    return Understanding(
        params=effective,
        terms=QueryTerms(expanded),
        found=found,
        ignored=ignored,
        remaining_q=" ".join(remaining) if found else params.q,
    )
