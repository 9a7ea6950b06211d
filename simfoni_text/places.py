"""Place names as data: a registry the text analysis reads, filled by whoever runs it.

Nothing here knows any place. The site installs its names at start-up (``phenomena.places``:
the areas in the database plus ``phenomena/reference/place_names.csv``); a script without
Django can call :func:`install` with :func:`read_csv`. Two uses:

* search analysis (:mod:`simfoni_text.analysis`) keeps every word of the place names marked
  ``keep_whole`` as it is, so the stemmer never turns "Bekasi" into "bekas" (used) or
  "Selatan" into "selat" (strait);
* the duplicate check (:mod:`simfoni_text.facts`) maps the names that carry an area key
  ("Jakarta Selatan", "Jaksel" -> ``3171``) to that key, to tell apart the same story told
  about two places.

A name is given as ``(name, area_key)`` or ``(name, area_key, keep_whole)`` (``keep_whole``
defaults to true); an empty key marks a place word that identifies no area (a district, a
compass word used in place names). Names are matched casefolded and without accents, word by
word. Changing which words are kept whole changes the terms of the search index: rebuild it
afterwards (``manage.py rebuild_search_table``).
"""

from __future__ import annotations

import csv
import re
import threading
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

__all__ = [
    "PlaceName",
    "areas_in",
    "generation",
    "install",
    "install_lazily",
    "names",
    "normalise_name",
    "read_csv",
    "words",
]

_WORD_RE = re.compile(r"[a-z]+")


@dataclass(frozen=True)
class PlaceName:
    """One installed name: normalised words joined by spaces, its area key ("" for none) and
    whether search analysis keeps its words whole."""

    name: str
    area: str = ""
    keep_whole: bool = True


@dataclass(frozen=True)
class _State:
    names: tuple[PlaceName, ...] = ()
    words: frozenset[str] = frozenset()
    areas: dict | None = None
    pattern: re.Pattern | None = None


_lock = threading.RLock()
_state = _State()
_generation = 0
_loader: Callable[[], Iterable] | None = None


def normalise_name(name: str) -> str:
    """Casefold ``name``, drop accents and keep its letter runs joined by single spaces."""
    decomposed = unicodedata.normalize("NFKD", (name or "").casefold())
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(_WORD_RE.findall(plain))


def _entries(items: Iterable) -> list[PlaceName]:
    """Normalise names, pairs or triples (see the module doc); later names win on a clash."""
    found: dict[str, PlaceName] = {}
    for item in items:
        if isinstance(item, str):
            item = (item,)
        elif isinstance(item, PlaceName):
            item = (item.name, item.area, item.keep_whole)
        name, *rest = item
        area = rest[0] if rest else ""
        keep_whole = rest[1] if len(rest) > 1 else True
        key = normalise_name(name)
        if key:
            found[key] = PlaceName(key, str(area or "").strip(), bool(keep_whole))
    return list(found.values())


def _build(entries: list[PlaceName]) -> _State:
    areas = {entry.name: entry.area for entry in entries if entry.area}
    pattern = None
    if areas:
        alternatives = sorted(map(re.escape, areas), key=len, reverse=True)
        pattern = re.compile(r"\b(" + "|".join(alternatives) + r")\b")
    words = frozenset(word for entry in entries if entry.keep_whole for word in entry.name.split())
    return _State(tuple(entries), words, areas, pattern)


def install(items: Iterable) -> None:
    """Replace the installed names with ``items``: names, ``(name, area_key[, keep_whole])``
    tuples or :class:`PlaceName`."""
    global _state, _generation, _loader
    state = _build(_entries(items))
    with _lock:
        _state, _loader = state, None
        _generation += 1


def install_lazily(loader: Callable[[], Iterable]) -> None:
    """Install ``loader()`` on the next lookup (e.g. names read from a database not yet ready).

    The names installed so far stay in use until then. A loader that returns None is not ready
    yet (e.g. called while the application is still starting): it is asked again next time.
    """
    global _loader
    with _lock:
        _loader = loader


def _current() -> _State:
    if _loader is not None:
        with _lock:
            loader = _loader
            if loader is not None:
                items = loader()
                if items is not None:
                    install(items)
    return _state


def generation() -> int:
    """A number that changes whenever the installed names change (for callers' caches)."""
    _current()
    return _generation


def names() -> tuple[PlaceName, ...]:
    """The installed names, normalised."""
    return _current().names


def words() -> frozenset[str]:
    """Every word of the installed names kept whole ("jakarta", "selatan", "gambir", ...)."""
    return _current().words


def areas_in(text: str) -> list[str]:
    """Area keys of the names mentioned in ``text``, in order, longest name first.

    ``text`` must already be casefolded, accent-free words separated by single spaces.
    """
    state = _current()
    if state.pattern is None:
        return []
    return [state.areas[match] for match in state.pattern.findall(text)]


def read_csv(path: str | Path) -> list[PlaceName]:
    """Names from a CSV file with the columns ``name``, ``area_key`` and ``keep_whole``
    (``1``/``0``, missing or blank: ``1``)."""
    with open(path, encoding="utf-8", newline="") as fh:
        return [
            PlaceName(
                row["name"],
                (row.get("area_key") or "").strip(),
                (row.get("keep_whole") or "1").strip() != "0",
            )
            for row in csv.DictReader(fh)
        ]
