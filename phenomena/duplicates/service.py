"""The one duplicate check of SIMFONI, used by the input form, the import, the scraper and the API.

A candidate (an unsaved ``Phenomenon`` with its source URLs, a ``Record`` or a plain dict from
an import/scrape) is compared with every stored, non-merged phenomenon -- drafts and pending
submissions included -- in two ways:

* **same evidence**: one of its canonical source URLs is already stored
  (``PhenomenonSource.canonical_url``, indexed) -> a *block*;
* **same story**: near-identical title and narrative.  Candidates come from the
  ``PhenomenonFingerprint`` table (LSH band keys of the MinHash of title + narrative, restricted
  to the same reference month), then the core's ``score`` decides on those few -> a *warn*.

Parameters (see README "Duplicates"): ``BANDS`` x ``ROWS`` = 20 x 2 -> 20 fingerprint rows per
phenomenon (20M rows at 1M phenomena instead of 64M with the core's 64 x 2), with full recall of
the evaluation set's held-out duplicates.
"""

from __future__ import annotations

import datetime
import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Count, Prefetch, Q

from . import scoring
from .scoring import Match, Record
from .urls import canonical_url_or_blank

BANDS = 20
ROWS = 2
NUM_PERM = 128
MAX_CANDIDATES = 10
DEFAULT_LIMIT = 5

__all__ = [
    "BANDS",
    "ROWS",
    "DuplicateMatch",
    "check",
    "check_candidate",
    "check_phenomenon",
    "duplicate_candidates",
    "fingerprint_keys",
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
    """The ``BANDS`` band keys of title + narrative (empty when there is no text)."""
    minhash = scoring.signature(title or "", narrative or "", num_perm=NUM_PERM)
    return [_to_int64(k) for k in scoring.lsh_band_keys(minhash, BANDS, ROWS)]


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


def _latest_content(obj):
    """The content a phenomenon will have once reviewed: its latest revision if it differs."""
    if obj.live and obj.has_unpublished_changes and obj.latest_revision_id:
        content = obj.get_latest_revision_as_object()
        content.merged_into_id = obj.merged_into_id
        return content
    return obj


def _candidate_ids(record: Record, exclude: set) -> list:
    """Ids of stored phenomena sharing a canonical URL or enough band keys with ``record``."""
    from ..models import PhenomenonFingerprint, PhenomenonSource

    urls = {u for u in (canonical_url_or_blank(url) for url in record.urls) if u}
    ids: list = []
    if urls:
        same_url = (
            PhenomenonSource.objects.filter(canonical_url__in=urls)
            .exclude(phenomenon_id__in=exclude)
            .values_list("phenomenon_id", flat=True)
            .distinct()
        )
        ids.extend(same_url)
    keys = fingerprint_keys(record.title, record.narrative)
    if keys:
        rows = PhenomenonFingerprint.objects.filter(band_key__in=keys)
        period = _period_of(record)
        if period is not None:
            rows = rows.filter(reference_period=period)
        ranked = (
            rows.exclude(phenomenon_id__in=exclude)
            .values("phenomenon_id")
            .annotate(shared=Count("id"))
            .order_by("-shared", "phenomenon_id")[:MAX_CANDIDATES]
        )
        ids.extend(r["phenomenon_id"] for r in ranked if r["phenomenon_id"] not in ids)
    return ids


def check(
    record: Record, *, exclude_ids: Iterable = (), limit: int = DEFAULT_LIMIT
) -> list[DuplicateMatch]:
    """Stored phenomena that ``record`` duplicates, best first (URL blocks before warnings).

    Merged phenomena are skipped (their survivor holds their content); ``exclude_ids`` are
    skipped too (the candidate itself, pairs already judged "bukan duplikat").
    """
    from ..models import Phenomenon, PhenomenonSource

    exclude = {i for i in exclude_ids if i is not None}
    if record.id is not None:
        exclude.add(record.id)
    ids = _candidate_ids(record, exclude)
    if not ids:
        return []
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
    features = scoring._prepare(record)
    matches = []
    for obj in stored:
        content = _latest_content(obj)
        found: Match | None = scoring._score_features(
            features, scoring._prepare(record_for(content))
        )
        if found is not None:
            matches.append(
                DuplicateMatch(obj, found.score, found.reason, found.kind, found.explanation)
            )
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


def duplicate_candidates(phenomenon, limit: int = DEFAULT_LIMIT) -> list[DuplicateMatch]:
    """For review: stored phenomena that ``phenomenon`` may duplicate, minus pairs judged
    "bukan duplikat".  Merged phenomena have none."""
    if phenomenon.merged_into_id:
        return []
    return check_phenomenon(_latest_content(phenomenon), limit=limit)


# --- keeping the fingerprints in sync ------------------------------------------------------


def refresh_fingerprints(phenomenon, content=None) -> None:
    """Replace the fingerprint rows of ``phenomenon`` with those of ``content`` (default: its
    latest content).  Merged phenomena keep none, so they are never candidates."""
    from ..models import PhenomenonFingerprint

    if phenomenon.pk is None:
        return
    content = content if content is not None else phenomenon
    keys = [] if phenomenon.merged_into_id else fingerprint_keys(content.title, content.narrative)
    with transaction.atomic():
        PhenomenonFingerprint.objects.filter(phenomenon_id=phenomenon.pk).delete()
        PhenomenonFingerprint.objects.bulk_create(
            PhenomenonFingerprint(
                phenomenon_id=phenomenon.pk,
                band_key=key,
                reference_period=content.reference_period,
            )
            for key in dict.fromkeys(keys)
        )
