"""Duplicate scoring, MinHash/LSH signatures and an in-memory candidate index.

Flow: ``signature`` -> ``lsh_band_keys`` gives short keys that a database stores as
``(phenomenon_id, band_key)`` rows; candidates are the phenomena sharing at least one key
(``WHERE band_key IN (...) GROUP BY phenomenon_id ORDER BY count(*) DESC LIMIT n``) plus those
with the same canonical URL.  Only those few candidates are scored here with ``score``.
``DuplicateIndex`` is the in-memory equivalent used by tests, the evaluation and benchmarks.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Hashable, Iterable
from dataclasses import dataclass, field

from datasketch import MinHash
from rapidfuzz import fuzz

from simfoni_text.facts import (
    EventFacts,
    Facts,
    event_facts,
    extract_facts,
    normalise_text,
    strip_boilerplate,
    strip_dates,
)
from simfoni_text.urls import canonical_url

__all__ = [
    "BANDS",
    "NUM_PERM",
    "ROWS",
    "WARN_THRESHOLD",
    "DuplicateIndex",
    "Match",
    "Record",
    "figure_keys",
    "find_duplicates",
    "lsh_band_keys",
    "score",
    "signature",
]

NUM_PERM = 128
BANDS = 64
ROWS = 2
SHINGLE_SIZE = 1
# Chosen on the "tune" split: same-story pairs score >= 0.65 there, hard negatives <= 0.49.
WARN_THRESHOLD = 0.6
MIN_CONTAINMENT_TOKENS = 8

MSG_SAME_URL = "Tautan bukti sama dengan fenomena yang sudah ada"
STRONG_THRESHOLD = 0.85
MSG_SAME_STORY = "Judul dan narasi {degree} dengan fenomena yang sudah ada ({pct}%)"
MSG_SAME_TITLE = "Judul {degree} dengan fenomena yang sudah ada ({pct}%)"

_NATIONAL = {"nasional", "indonesia", "id", "0", "00", "0000"}
_DKI = {"dki", "dki jakarta", "jakarta", "31", "3100"}


@dataclass
class Record:
    """A phenomenon as seen by the duplicate checker (structured fields are optional)."""

    id: Hashable | None = None
    title: str = ""
    narrative: str = ""
    urls: list[str] = field(default_factory=list)
    reference_year: int | None = None
    reference_month: int | None = None
    area_code: str | None = None
    indicators: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Match:
    """A stored phenomenon that the candidate duplicates ("block") or resembles ("warn")."""

    id: Hashable | None
    score: float
    reason: str  # "same_url" | "same_story"
    kind: str  # "block" | "warn"
    explanation: str


@dataclass(frozen=True)
class _Features:
    """Everything ``score`` needs from one record, computed once."""

    record: Record
    urls: frozenset[str]
    title: str
    narrative: str
    narrative_tokens: frozenset[str]
    title_facts: Facts
    facts: Facts
    tokens: tuple[str, ...]
    event: EventFacts = EventFacts()


def _prepare(record: Record) -> _Features:
    """Normalise a record's URLs and text once.

    Portal boilerplate, press-release headers and incidental dates ("Senin (3/11)") are left
    out: they are not what the story says."""
    body = strip_boilerplate(record.narrative)
    title_tokens = normalise_text(strip_dates(record.title))
    narrative_tokens = normalise_text(strip_dates(body))
    tokens = title_tokens + narrative_tokens
    return _Features(
        record=record,
        urls=frozenset(_canonical_urls(record.urls)),
        title=" ".join(title_tokens),
        narrative=" ".join(narrative_tokens),
        narrative_tokens=frozenset(narrative_tokens),
        title_facts=extract_facts(record.title, title_tokens),
        facts=extract_facts(strip_dates(f"{record.title}\n{body}"), tokens),
        tokens=tuple(tokens),
        event=event_facts(record.title, body),
    )


# Version of the stored feature format (``prepared_data``); bump it when ``_prepare`` changes
# so that ``PhenomenonDuplicateFeatures`` rows are recomputed (see the service).
PREPARED_VERSION = 2


def prepared_data(record: Record, features: _Features | None = None) -> dict:
    """Compact, JSON-ready form of what scoring needs from a stored record.

    Holds the normalised title and narrative, the facts of the title and of the whole text and
    the structured period/area -- everything but the URLs (a database finds those through its
    canonical-URL index) and the tokens (only used for band keys).  ``prepared_from_data``
    rebuilds the features without normalising the text again.
    """
    features = features if features is not None else _prepare(record)
    return {
        "v": PREPARED_VERSION,
        "t": features.title,
        "n": features.narrative,
        "tf": [list(v) for v in _fact_values(features.title_facts)],
        "f": [list(v) for v in _fact_values(features.facts)],
        "y": record.reference_year,
        "m": record.reference_month,
        "a": record.area_code,
        "e": _event_values(features.event),
    }


def _event_values(event: EventFacts) -> list:
    return [
        list(event.figures),
        event.month,
        event.year,
        event.place,
        event.scale,
        list(event.places),
    ]


def _fact_values(facts: Facts) -> tuple:
    return facts.numbers, facts.years, facts.periods, facts.places


def prepared_from_data(data: dict, record_id: Hashable | None = None) -> _Features:
    """Features of a stored record from ``prepared_data`` (no URLs, no tokens)."""
    record = Record(
        id=record_id,
        reference_year=data.get("y"),
        reference_month=data.get("m"),
        area_code=data.get("a"),
    )
    narrative = data.get("n") or ""
    return _Features(
        record=record,
        urls=frozenset(),
        title=data.get("t") or "",
        narrative=narrative,
        narrative_tokens=frozenset(narrative.split()),
        title_facts=Facts(*(tuple(v) for v in data["tf"])),
        facts=Facts(*(tuple(v) for v in data["f"])),
        tokens=(),
        event=_event_from_values(data.get("e")),
    )


def _event_from_values(values: list | None) -> EventFacts:
    if not values:
        return EventFacts()
    figures, month, year, place, scale, named = values
    return EventFacts(tuple(figures), month, year, place, scale, tuple(named))


def _canonical_urls(urls: Iterable[str]) -> list[str]:
    """Canonical forms of the valid URLs (invalid ones cannot prove a duplicate)."""
    result = []
    for url in urls or ():
        try:
            result.append(canonical_url(url))
        except ValueError:
            continue
    return result


# --- signatures ---------------------------------------------------------------------------


def _shingles(tokens: Iterable[str], size: int = SHINGLE_SIZE) -> set[str]:
    """Word shingles (n-grams of ``size`` tokens) as strings."""
    tokens = list(tokens)
    if len(tokens) < size:
        return {" ".join(tokens)} if tokens else set()
    return {" ".join(tokens[i : i + size]) for i in range(len(tokens) - size + 1)}


def signature(title: str, narrative: str, num_perm: int = NUM_PERM) -> MinHash:
    """MinHash of the word shingles of the normalised title and boilerplate-free narrative."""
    tokens = normalise_text(strip_dates(title)) + normalise_text(
        strip_dates(strip_boilerplate(narrative))
    )
    return _signature_from_tokens(tokens, num_perm)


def _signature_from_tokens(tokens: Iterable[str], num_perm: int = NUM_PERM) -> MinHash:
    """MinHash over the shingles of already normalised tokens."""
    minhash = MinHash(num_perm=num_perm, seed=1)
    shingles = _shingles(tokens)
    if shingles:
        minhash.update_batch([s.encode("utf-8") for s in sorted(shingles)])
    return minhash


def lsh_band_keys(minhash: MinHash, bands: int = BANDS, rows: int = ROWS) -> list[str]:
    """Split ``minhash`` into ``bands`` bands of ``rows`` values; one short key per band.

    Keys look like ``"07:9f2c4e1a0b3d5c6e"`` (band number, 64-bit digest of the band) and are
    meant for an indexed ``band_key`` column.  An empty MinHash (no text) yields no keys, so
    records without text never become candidates of each other by accident.
    """
    if bands < 1 or rows < 1 or bands * rows > len(minhash.hashvalues):
        raise ValueError(f"bands*rows ({bands}*{rows}) exceeds num_perm {len(minhash.hashvalues)}")
    if minhash.is_empty():
        return []
    values = minhash.hashvalues
    keys = []
    for band in range(bands):
        chunk = values[band * rows : (band + 1) * rows].tobytes()
        keys.append(f"{band:02d}:{hashlib.blake2b(chunk, digest_size=8).hexdigest()}")
    return keys


# --- scoring ------------------------------------------------------------------------------


def score(candidate: Record, existing: Record) -> Match | None:
    """Compare a new phenomenon with a stored one; ``None`` when they are not duplicates.

    Same canonical evidence URL -> "block" (score 1.0).  Otherwise a near-identical title and
    narrative -> "warn", unless the structured period/area differ or the texts name another
    figure, period or place.
    """
    return _score_features(_prepare(candidate), _prepare(existing))


def _score_features(a: _Features, b: _Features) -> Match | None:
    """``score`` on prepared features; the match carries the id of ``b``."""
    if a.urls & b.urls:
        return Match(b.record.id, 1.0, "same_url", "block", MSG_SAME_URL)
    if _structured_conflict(a.record, b.record):
        return None
    similarity, title_only = _text_similarity(a, b)
    value = round(similarity * _fact_agreement(a, b), 3)
    evidence = _figure_evidence(a, b)
    if evidence > value:
        value, title_only = evidence, False
    if value < WARN_THRESHOLD:
        return None
    message = MSG_SAME_TITLE if title_only else MSG_SAME_STORY
    degree = "sangat mirip" if value >= STRONG_THRESHOLD else "mirip"
    explanation = message.format(degree=degree, pct=round(value * 100))
    return Match(b.record.id, value, "same_story", "warn", explanation)


def _normalise_area(code: str | None) -> str | None:
    """Map area spellings onto one code ("dki" -> "31", "nasional" -> "00")."""
    if code is None or not str(code).strip():
        return None
    code = str(code).strip().casefold()
    if code in _NATIONAL:
        return "00"
    return "31" if code in _DKI else code


def _structured_conflict(a: Record, b: Record) -> bool:
    """True when both records state a different reference period or area."""
    for left, right in (
        (a.reference_year, b.reference_year),
        (a.reference_month, b.reference_month),
        (_normalise_area(a.area_code), _normalise_area(b.area_code)),
    ):
        if left is not None and right is not None and left != right:
            return True
    return False


def _text_similarity(a: _Features, b: _Features) -> tuple[float, bool]:
    """Similarity of title and narrative in 0..1, and whether only titles could be compared."""
    title = fuzz.token_set_ratio(a.title, b.title) / 100 if a.title and b.title else 0.0
    if not (a.narrative and b.narrative):
        return title * 0.95, True
    narrative = _narrative_similarity(a, b)
    return 0.3 * title + 0.7 * narrative, False


def _narrative_similarity(a: _Features, b: _Features) -> float:
    """Narrative similarity robust to reordering, truncation and added sentences.

    ``token_sort_ratio`` rewards the same wording; the containment of the shorter narrative's
    vocabulary in the longer one rewards truncation, discounted when the shorter narrative is
    too short to be evidence on its own.
    """
    ordered = fuzz.token_sort_ratio(a.narrative, b.narrative) / 100
    small, large = sorted((a.narrative_tokens, b.narrative_tokens), key=len)
    containment = len(small & large) / len(small)
    containment *= min(1.0, len(small) / MIN_CONTAINMENT_TOKENS)
    return max(ordered, 0.9 * containment)


def _fact_agreement(a: _Features, b: _Features) -> float:
    """Factor in 0..1 that falls when the texts name a different figure, period or place."""
    factor = 1.0
    for attribute in ("periods", "years", "places"):
        factor *= _primary_agreement(a, b, attribute)
    factor *= _number_agreement(a.facts.numbers, b.facts.numbers)
    # A headline figure absent from the other text on both sides: another figure is reported.
    missing_a = set(a.title_facts.numbers) - set(b.facts.numbers)
    missing_b = set(b.title_facts.numbers) - set(a.facts.numbers)
    if missing_a and missing_b:
        factor *= 0.7
    return factor


def _primary_agreement(a: _Features, b: _Features, attribute: str) -> float:
    """Compare the main period/year/place: the first one in the title, else in the text."""
    primary_a = _primary(a, attribute)
    primary_b = _primary(b, attribute)
    if primary_a is None or primary_b is None:
        return 1.0
    if primary_a != primary_b:
        return 0.5
    all_a, all_b = set(getattr(a.facts, attribute)), set(getattr(b.facts, attribute))
    return 1.0 if all_a <= all_b or all_b <= all_a else 0.85


def _primary(features: _Features, attribute: str) -> str | None:
    """The first value of ``attribute`` in the title, else in the whole text."""
    values = getattr(features.title_facts, attribute) or getattr(features.facts, attribute)
    return values[0] if values else None


def _number_agreement(numbers_a: Iterable[str], numbers_b: Iterable[str]) -> float:
    """1.0 when one text's figures are a subset of the other's; lower when both differ."""
    set_a, set_b = set(numbers_a), set(numbers_b)
    if not set_a or not set_b:
        return 1.0
    conflict = min(len(set_a - set_b), len(set_b - set_a)) / min(len(set_a), len(set_b))
    return 1.0 - 0.5 * conflict


# --- the same event told in other words -------------------------------------------------

# A shared figure counts 1 when it is distinctive (a unit, a decimal or a value >= 1,000), else
# 0.5 ("12 RT"); FIGURE_MIN_SHARED is the weight two stories must share.
FIGURE_MIN_SHARED = 2.0
FIGURE_KEYS = 6


def _figure_weight(figure: str) -> float:
    number = figure.rstrip("%ptusdr")
    if figure != number or "." in number or "e" in number:
        return 1.0
    try:
        return 1.0 if float(number) >= 1000 else 0.5
    except ValueError:
        return 0.5


def _place_conflict(left: EventFacts, right: EventFacts) -> bool:
    """Both stories are about a place and not the same one (the province "31" and one of its
    cities "3171" are two places: BPS reports the same indicator for both).  Without a dominant
    place on either side, two stories naming one place each must name the same."""
    if left.place or right.place:
        return bool(left.place and right.place and left.place != right.place)
    return len(left.places) == len(right.places) == 1 and left.places != right.places


def _figure_evidence(a: _Features, b: _Features) -> float:
    """Score from the facts alone: the same figures for the same month and place.

    A rewrite of the same event by another outlet -- or the news written from a press release --
    shares few words but reports the same figures.  Two stories sharing at least
    ``FIGURE_MIN_SHARED`` (weighted) figures, most of the figures of the one with fewer, for the
    same reference month and year and compatible places score 0.6 to 0.9 with the number of
    shared figures; any conflict in month, year or place gives 0.
    """
    ea, eb = a.event, b.event
    if not ea.figures or not eb.figures or ea.month is None or ea.month != eb.month:
        return 0.0
    if ea.year and eb.year and ea.year != eb.year:
        return 0.0
    if _place_conflict(ea, eb):
        return 0.0
    shared = set(ea.figures) & set(eb.figures)
    weight = sum(_figure_weight(f) for f in shared)
    if weight < FIGURE_MIN_SHARED:
        return 0.0
    if len(shared) / min(len(set(ea.figures)), len(set(eb.figures))) < 0.5:
        return 0.0
    return min(0.9, 0.6 + 0.1 * (weight - FIGURE_MIN_SHARED))


def figure_keys(features: _Features) -> list[str]:
    """Extra candidate keys: one per figure (distinctive first, at most ``FIGURE_KEYS``) with the
    reference month and year, e.g. ``"fig:1.92%:2025-10"``.

    A rewrite with ~30% word overlap shares no LSH band with the original but shares these, so
    it is still a candidate; ``score`` then decides.  No month, no keys.
    """
    event = features.event
    if event.month is not None:
        return keys_for_figures(event.figures, event.year, event.month)
    record = features.record
    return keys_for_figures(event.figures, record.reference_year, record.reference_month)


def keys_for_figures(figures: Iterable[str], year: int | None, month: int | None) -> list[str]:
    """``figure_keys`` of normalised figures for one reference month (none without a month)."""
    if month is None:
        return []
    chosen = sorted(figures, key=lambda f: _figure_weight(f) < 1.0)[:FIGURE_KEYS]
    return [f"fig:{figure}:{year or '-'}-{month}" for figure in chosen]


# --- index ---------------------------------------------------------------------------------


class DuplicateIndex:
    """In-memory candidate index on LSH band keys and canonical URLs (dicts of sets).

    Mirrors what the database does with a ``(phenomenon_id, band_key)`` table: ``query``
    returns ids that share a URL, then ids ranked by the number of shared band keys.
    """

    def __init__(self, bands: int = BANDS, rows: int = ROWS, max_candidates: int = 50):
        self.bands, self.rows, self.max_candidates = bands, rows, max_candidates
        self._by_key: dict[str, set[Hashable]] = {}
        self._by_url: dict[str, set[Hashable]] = {}
        self._items: dict[Hashable, tuple[_Features, tuple[str, ...]]] = {}

    def __len__(self) -> int:
        return len(self._items)

    def __contains__(self, item_id: Hashable) -> bool:
        return item_id in self._items

    def keys_for(self, record: Record) -> list[str]:
        """Band keys of ``record`` with this index's parameters."""
        return self._keys(_prepare(record))

    def _keys(self, features: _Features) -> list[str]:
        minhash = _signature_from_tokens(features.tokens, max(NUM_PERM, self.bands * self.rows))
        return lsh_band_keys(minhash, self.bands, self.rows) + figure_keys(features)

    def add(self, item_id: Hashable, record: Record) -> None:
        """Index ``record`` under ``item_id`` (replacing an earlier version)."""
        self._add_features(item_id, _prepare(record))

    def _add_features(self, item_id: Hashable, features: _Features, keys=None) -> None:
        """``add`` for prepared features (and their keys, when already computed)."""
        if item_id in self._items:
            self.remove(item_id)
        keys = tuple(self._keys(features) if keys is None else keys)
        self._items[item_id] = (features, keys)
        for key in keys:
            self._by_key.setdefault(key, set()).add(item_id)
        for url in features.urls:
            self._by_url.setdefault(url, set()).add(item_id)

    def remove(self, item_id: Hashable) -> None:
        """Forget ``item_id``; unknown ids are ignored."""
        entry = self._items.pop(item_id, None)
        if entry is None:
            return
        features, keys = entry
        for table, values in ((self._by_key, keys), (self._by_url, features.urls)):
            for value in values:
                ids = table.get(value)
                if ids is not None:
                    ids.discard(item_id)
                    if not ids:
                        del table[value]

    def query(self, record: Record) -> list[Hashable]:
        """Candidate ids for ``record``: same URL first, then most shared band keys."""
        return self._query(_prepare(record))

    def _query(self, features: _Features, keys=None) -> list[Hashable]:
        same_url = {i for url in features.urls for i in self._by_url.get(url, ())}
        keys = self._keys(features) if keys is None else keys
        counts = Counter(i for key in keys for i in self._by_key.get(key, ()))
        ranked = [i for i, _ in counts.most_common(self.max_candidates) if i not in same_url]
        return sorted(same_url, key=str) + ranked

    def features(self, item_id: Hashable) -> _Features:
        """Prepared features of a stored record (used by ``find_duplicates``)."""
        return self._items[item_id][0]


def find_duplicates(candidate: Record, index: DuplicateIndex, limit: int = 5) -> list[Match]:
    """Matches for ``candidate`` among the indexed records, best first (blocks before warns)."""
    features = _prepare(candidate)
    matches = []
    for item_id in index._query(features):
        if candidate.id is not None and item_id == candidate.id:
            continue
        stored = index.features(item_id)
        match = _score_features(features, stored)
        if match is not None:
            matches.append(Match(item_id, match.score, match.reason, match.kind, match.explanation))
    matches.sort(key=lambda m: (m.kind != "block", -m.score, str(m.id)))
    return matches[:limit]
