"""The one duplicate check of SIMFONI, used by the input form, the import, the scraper and the API.

A candidate (an unsaved ``Phenomenon`` with its source URLs, a ``Record`` or a plain dict from
an import/scrape) is compared with every stored, non-merged phenomenon -- drafts and pending
submissions included -- in two ways:

* **same evidence**: one of its canonical source URLs is already stored
  (``PhenomenonSource.canonical_url``, indexed) -> a *block*;
* **same story**: near-identical title and narrative, or the same event told in other words
  (the same figures for the same month and place: another outlet's rewrite, the news written
  from a press release).  Candidates come from the ``PhenomenonFingerprint`` table (LSH band
  keys of the MinHash of title + narrative and figure keys, restricted to the same reference
  month), then the core's ``score`` decides on those few -> a *warn*.

Parameters (see docs/duplicates.md): ``BANDS`` x ``ROWS`` = 20 x 2 -> 20 fingerprint rows per
phenomenon (20M rows at 1M phenomena instead of 64M with the core's 64 x 2), with full recall of
the evaluation set's held-out duplicates.
"""

from __future__ import annotations

import datetime
import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Prefetch, Q

from simfoni_text.urls import canonical_url_or_blank

from . import scoring
from .scoring import Record

BANDS = 20
ROWS = 2
NUM_PERM = 128
MAX_CANDIDATES = 10
DEFAULT_LIMIT = 5
# A band key shared by more than this many phenomena of the month is a "stop-key" (template
# wording such as "harga ... naik ... persen"): it says little, so each key's lookup reads at
# most STOP_KEY_LIMIT + 1 index entries and phenomena sharing rare keys rank first.
STOP_KEY_LIMIT = 200

__all__ = [
    "BANDS",
    "ROWS",
    "DuplicateMatch",
    "check",
    "check_candidate",
    "check_phenomenon",
    "duplicate_candidates",
    "fingerprint_keys",
    "prepare_for_storage",
    "record_for",
    "refresh_fingerprints",
]


@dataclass(frozen=True)
class DuplicateMatch:
    """A stored phenomenon that the candidate duplicates, with the score and the reason."""

    phenomenon: object  # phenomena.models.Phenomenon
    score: float
    reason: str  # "same_url" | "same_story"
    kind: str  # "block" | "warn"
    explanation: str

    @property
    def blocks(self) -> bool:
        return self.kind == "block"

    def as_dict(self, user=None) -> dict:
        """JSON-ready summary: title, outlet, date, status and a link when ``user`` may see it."""
        from ..permissions import visible_phenomena

        obj = self.phenomenon
        source = _primary_source(obj)
        link = None
        if user is None or visible_phenomena(user).filter(pk=obj.pk).exists():
            link = admin_url(obj, "inspect")
        return {
            "id": obj.pk,
            "title": obj.title,
            "outlet": str(source) if source else "",
            "url": source.url if source else "",
            "date": source.source_date.isoformat() if source else None,
            "reference_period": obj.reference_period_label,
            "status": status_label(obj),
            "link": link,
            "score": self.score,
            "reason": self.reason,
            "kind": self.kind,
            "explanation": self.explanation,
        }


def admin_url(obj, view: str) -> str:
    from django.urls import reverse

    return reverse(f"wagtailsnippets_phenomena_phenomenon:{view}", args=[obj.pk])


def status_label(obj) -> str:
    """Status as the operator knows it: Disetujui / Menunggu persetujuan / Draf."""
    from django.utils.translation import gettext as _

    if obj.merged_into_id:
        return _("Digabungkan")
    if obj.live:
        return _("Disetujui") + (_(" (ada perubahan)") if obj.has_unpublished_changes else "")
    workflow_state = getattr(obj, "_current_workflow_state", None)
    if workflow_state is None and hasattr(obj, "current_workflow_state"):
        workflow_state = obj.current_workflow_state
    if workflow_state is not None:
        return _("Menunggu persetujuan")
    return _("Draf")


def _primary_source(obj):
    sources = list(obj.sources.all())
    return sources[0] if sources else None


# --- keys -----------------------------------------------------------------------------------


def _to_int64(key: str) -> int:
    """A core band key ("07:9f2c...") as a signed 64-bit integer for a BIGINT column."""
    digest = hashlib.blake2b(key.encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


def fingerprint_keys(title: str, narrative: str) -> list[int]:
    """The ``BANDS`` band keys and the figure keys of title + narrative (empty when there is
    no text)."""
    return _keys_of(scoring._prepare(Record(title=title or "", narrative=narrative or "")))


def _keys_of(features) -> list[int]:
    """The band keys of prepared features plus their figure keys (``scoring.figure_keys``: the
    same figure for the same month), so that a rewrite of the same event by another outlet,
    sharing no band, is still a candidate."""
    minhash = scoring._signature_from_tokens(features.tokens, NUM_PERM)
    keys = scoring.lsh_band_keys(minhash, BANDS, ROWS) + scoring.figure_keys(features)
    return [_to_int64(k) for k in keys]


def prepare_for_storage(record: Record) -> tuple[list[int], dict]:
    """Band keys and stored scoring features (``scoring.prepared_data``) of one record,
    normalising its text once.  Used when saving and by bulk loads."""
    features = scoring._prepare(record)
    return list(dict.fromkeys(_keys_of(features))), scoring.prepared_data(record, features)


# --- records --------------------------------------------------------------------------------


def _area_code(obj) -> str | None:
    if getattr(obj, "area_id", None):
        return obj.area.code
    if getattr(obj, "scope_id", None):
        return obj.scope.code
    return None


def record_for(obj, urls: Iterable[str] | None = None) -> Record:
    """The ``Record`` of a phenomenon (saved or not); ``urls`` default to its sources' URLs."""
    period = obj.reference_period
    if urls is None:
        urls = [s.url for s in obj.sources.all() if s.url]
    return Record(
        id=obj.pk,
        title=obj.title or "",
        narrative=obj.narrative or "",
        urls=list(urls),
        reference_year=period.year if period else None,
        reference_month=period.month if period else None,
        area_code=_area_code(obj),
    )


def _record_from_mapping(data: Mapping) -> tuple[Record, datetime.date | None]:
    """A ``Record`` from a plain dict as the import and the scraper produce it.

    Accepted keys: title, narrative, urls (or url), reference_period (date or "YYYY-MM[-DD]")
    or reference_year + reference_month, area_code.
    """
    urls = list(data.get("urls") or [])
    if data.get("url"):
        urls.append(data["url"])
    period = data.get("reference_period")
    if isinstance(period, str) and period:
        parts = [int(p) for p in period.split("-")[:2]]
        period = datetime.date(parts[0], parts[1], 1)
    elif isinstance(period, datetime.date):
        period = period.replace(day=1)
    elif data.get("reference_year") and data.get("reference_month"):
        period = datetime.date(int(data["reference_year"]), int(data["reference_month"]), 1)
    else:
        period = None
    record = Record(
        id=data.get("id"),
        title=data.get("title") or "",
        narrative=data.get("narrative") or "",
        urls=urls,
        reference_year=period.year if period else None,
        reference_month=period.month if period else None,
        area_code=data.get("area_code"),
    )
    return record, period


def _period_of(record: Record) -> datetime.date | None:
    if record.reference_year and record.reference_month:
        return datetime.date(record.reference_year, record.reference_month, 1)
    return None


# --- the check ------------------------------------------------------------------------------


def latest_content(obj):
    """The content a phenomenon will have once reviewed: its latest revision if it differs."""
    if obj.live and obj.has_unpublished_changes and obj.latest_revision_id:
        content = obj.get_latest_revision_as_object()
        content.merged_into_id = obj.merged_into_id
        return content
    return obj


def _same_url_ids(record: Record, exclude: set) -> list:
    """Ids of stored phenomena with a source of the same canonical URL."""
    from ..models import PhenomenonSource

    urls = {u for u in (canonical_url_or_blank(url) for url in record.urls) if u}
    if not urls:
        return []
    rows = (
        PhenomenonSource.objects.filter(canonical_url__in=urls)
        .exclude(phenomenon_id__in=exclude)
        .values_list("phenomenon_id", flat=True)
        .distinct()
    )
    return sorted(rows)


def _story_ids(keys: list[int], period: datetime.date | None, exclude: set) -> list:
    """Ids of the best same-story candidates (see ``_story_rows``)."""
    return [pk for pk, _data in _story_rows(keys, period, exclude)]


def _story_rows(keys: list[int], period: datetime.date | None, exclude: set) -> list:
    """``(id, stored features or None)`` of the ``MAX_CANDIDATES`` phenomena sharing most band
    keys with the candidate.

    One query, portable (PostgreSQL and SQLite): per key, at most ``STOP_KEY_LIMIT + 1`` rows
    of the ``(band_key, reference_period, phenomenon_id)`` index are read; keys that reach the
    limit are stop-keys.  Phenomena are ranked by shared non-stop keys, then by all shared keys.
    """
    from django.db import connection

    from ..models import PhenomenonDuplicateFeatures, PhenomenonFingerprint

    if not keys:
        return []
    table = connection.ops.quote_name(PhenomenonFingerprint._meta.db_table)
    where = "band_key = %s" + (" AND reference_period = %s" if period is not None else "")
    per_key = (
        f"SELECT * FROM (SELECT band_key, phenomenon_id FROM {table} WHERE {where} "
        f"ORDER BY phenomenon_id LIMIT {STOP_KEY_LIMIT + 1}) AS k{{i}}"
    )
    union = " UNION ALL ".join(per_key.format(i=i) for i in range(len(keys)))
    params: list = []
    for key in keys:
        params.extend([key, period] if period is not None else [key])
    exclude_sql = ""
    if exclude:
        exclude_sql = f"WHERE h.phenomenon_id NOT IN ({', '.join(['%s'] * len(exclude))})"
        params.extend(sorted(exclude))
    features = connection.ops.quote_name(PhenomenonDuplicateFeatures._meta.db_table)
    sql = (
        f"WITH hits AS ({union}), "
        "sizes AS (SELECT band_key, COUNT(*) AS n FROM hits GROUP BY band_key), "
        "ranked AS (SELECT h.phenomenon_id, "
        f"SUM(CASE WHEN s.n <= {STOP_KEY_LIMIT} THEN 1 ELSE 0 END) AS rare, COUNT(*) AS shared "
        f"FROM hits h JOIN sizes s ON s.band_key = h.band_key {exclude_sql} "
        "GROUP BY h.phenomenon_id ORDER BY rare DESC, shared DESC, h.phenomenon_id "
        f"LIMIT {MAX_CANDIDATES}) "
        f"SELECT r.phenomenon_id, f.data FROM ranked r LEFT JOIN {features} f "
        "ON f.phenomenon_id = r.phenomenon_id "
        "ORDER BY r.rare DESC, r.shared DESC, r.phenomenon_id"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [
            (pk, json.loads(data) if isinstance(data, str | bytes) else data)
            for pk, data in cursor.fetchall()
        ]


def _load(ids) -> dict:
    """Non-merged phenomena by id, with what ``DuplicateMatch.as_dict`` shows."""
    from ..models import Phenomenon, PhenomenonSource

    if not ids:
        return {}
    stored = (
        Phenomenon.objects.filter(pk__in=ids, merged_into__isnull=True)
        .select_related("scope", "area")
        .prefetch_related(
            Prefetch(
                "sources",
                queryset=PhenomenonSource.objects.select_related("outlet", "source_type"),
            )
        )
    )
    return {obj.pk: obj for obj in stored}


def check(
    record: Record, *, exclude_ids: Iterable = (), limit: int = DEFAULT_LIMIT
) -> list[DuplicateMatch]:
    """Stored phenomena that ``record`` duplicates, best first (URL blocks before warnings).

    Merged phenomena are skipped (their survivor holds their content); ``exclude_ids`` are
    skipped too (the candidate itself, pairs already judged "bukan duplikat").

    Same-story candidates are scored on their stored features (``PhenomenonDuplicateFeatures``);
    only the phenomena that match -- and those sharing a URL, checked on their latest content --
    are loaded as objects.
    """
    exclude = {i for i in exclude_ids if i is not None}
    if record.id is not None:
        exclude.add(record.id)
    features = scoring._prepare(record)
    url_ids = _same_url_ids(record, exclude)
    rows = [
        (pk, data)
        for pk, data in _story_rows(_keys_of(features), _period_of(record), exclude)
        if pk not in url_ids
    ]
    if not url_ids and not rows:
        return []
    story_ids = [pk for pk, _data in rows]
    prepared = {
        pk: scoring.prepared_from_data(data, pk)
        for pk, data in rows
        if data and data.get("v") == scoring.PREPARED_VERSION
    }
    found: dict = {}
    for pk in story_ids:
        if pk in prepared:
            match = scoring._score_features(features, prepared[pk])
            if match is not None:
                found[pk] = match
    missing = [pk for pk in story_ids if pk not in prepared]  # not prepared yet: slow path
    objects = _load([*url_ids, *found, *missing])
    for pk in [*url_ids, *missing]:
        obj = objects.get(pk)
        if obj is not None:
            match = scoring._score_features(
                features, scoring._prepare(record_for(latest_content(obj)))
            )
            if match is not None:
                found[pk] = match
    matches = [
        DuplicateMatch(objects[pk], m.score, m.reason, m.kind, m.explanation)
        for pk, m in found.items()
        if pk in objects
    ]
    matches.sort(key=lambda m: (not m.blocks, -m.score, m.phenomenon.pk))
    return matches[:limit]


def decided_not_duplicate_ids(phenomenon_id) -> set:
    """Phenomena judged "bukan duplikat" of ``phenomenon_id`` (in either direction)."""
    from ..models import DuplicateDecision

    if phenomenon_id is None:
        return set()
    rows = DuplicateDecision.objects.filter(
        Q(phenomenon_id=phenomenon_id) | Q(other_id=phenomenon_id),
        kind=DuplicateDecision.Kind.NOT_DUPLICATE,
    ).values_list("phenomenon_id", "other_id")
    return {b if a == phenomenon_id else a for a, b in rows}


def check_phenomenon(obj, urls: Iterable[str] | None = None, **kwargs) -> list[DuplicateMatch]:
    """``check`` for a (possibly unsaved) phenomenon; ``urls`` when its sources are unsaved."""
    exclude = set(kwargs.pop("exclude_ids", ())) | decided_not_duplicate_ids(obj.pk)
    return check(record_for(obj, urls), exclude_ids=exclude, **kwargs)


def check_candidate(candidate, **kwargs) -> list[DuplicateMatch]:
    """Entry point for the import, the scraper and the API.

    ``candidate`` is a plain dict (see ``_record_from_mapping``), a ``Record`` or a phenomenon.
    """
    if isinstance(candidate, Record):
        return check(candidate, **kwargs)
    if isinstance(candidate, Mapping):
        record, _period = _record_from_mapping(candidate)
        return check(record, **kwargs)
    return check_phenomenon(candidate, **kwargs)


def duplicate_candidates(
    phenomenon, limit: int = DEFAULT_LIMIT, content=None
) -> list[DuplicateMatch]:
    """For review: stored phenomena that ``phenomenon`` may duplicate, minus pairs judged
    "bukan duplikat".  Merged phenomena have none.  Compared on ``content`` (default: its
    latest content, pending edit included)."""
    if phenomenon.merged_into_id:
        return []
    return check_phenomenon(
        content if content is not None else latest_content(phenomenon), limit=limit
    )


# --- keeping the fingerprints in sync ------------------------------------------------------


def refresh_fingerprints(phenomenon, content=None) -> None:
    """Replace the fingerprint rows and the stored scoring features of ``phenomenon`` with
    those of ``content`` (default: its latest content).  Merged phenomena keep none, so they
    are never candidates."""
    from ..models import PhenomenonDuplicateFeatures, PhenomenonFingerprint

    if phenomenon.pk is None:
        return
    content = content if content is not None else phenomenon
    keys, data = [], None
    if not phenomenon.merged_into_id:
        keys, data = prepare_for_storage(record_for(content, urls=()))
    with transaction.atomic():
        PhenomenonFingerprint.objects.filter(phenomenon_id=phenomenon.pk).delete()
        PhenomenonFingerprint.objects.bulk_create(
            PhenomenonFingerprint(
                phenomenon_id=phenomenon.pk,
                band_key=key,
                reference_period=content.reference_period,
            )
            for key in keys
        )
        if data is None:
            PhenomenonDuplicateFeatures.objects.filter(phenomenon_id=phenomenon.pk).delete()
        else:
            PhenomenonDuplicateFeatures.objects.update_or_create(
                phenomenon_id=phenomenon.pk, defaults={"data": data}
            )
