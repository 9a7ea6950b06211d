"""Importing phenomena from an old spreadsheet, through ``phenomena.services`` only.

``run(...)`` reads the sheet (``reading``), turns each row into a ``PhenomenonInput``
(``matching`` for the free text), and then either checks it (``write=False``, the dry run:
``services.check_phenomenon``, nothing written) or writes it (``services.create_phenomenon``,
then ``services.publish`` for approved historical data, or ``submit=True`` for submissions).
Each row gets a report line: will import / imported, duplicate of (the services' duplicate
check, another row of the file, or a row imported before), or refused with the reasons.
A near copy of an earlier row of the same file (``InFileDuplicates``: the services' scoring)
is a duplicate of that row in the dry run, the import and a re-run alike.

A re-run never imports a row twice: every imported row's fingerprint (title, canonical URL,
source date, narrative) is kept (``ImportedRow``) and a URL already stored is a duplicate for
the services. Rows are written in transactions of ``CHUNK`` rows, each row in its own savepoint,
each transaction a ``services.batch()``: every row is checked and written through the services
as ever, and the bookkeeping (search index, dashboard cache, duplicate fingerprints of a row
saved several times) is done once per row or once per transaction instead of once per save.
Approved (historical) imports run in ``lifecycle.quietly()`` (nobody is notified of old news);
submissions notify their reviewers one by one, as any submission does.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
from collections import Counter
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from phenomena import lifecycle, services
from phenomena.duplicates import scoring
from phenomena.duplicates import service as duplicate_service
from phenomena.models import Direction
from simfoni_text.urls import canonical_url_or_blank

from .matching import Taxonomy
from .models import ImportBatch, ImportedRow
from .reading import FIELDS, Sheet, cell_text, normalise, parse_date, read_sheet

CHUNK = 200
APPROVED, SUBMIT = ImportBatch.Mode.APPROVED, ImportBatch.Mode.SUBMIT

WILL_IMPORT = "import"
IMPORTED = "imported"
DUPLICATE = "duplicate"
REFUSED = "refused"
ALREADY = "already"

ERROR_LABELS = {
    "__all__": "",
    "title": FIELDS["title"],
    "narrative": FIELDS["narrative"],
    "reference_period": FIELDS["reference_period"],
    "scope": FIELDS["scope"],
    "area": FIELDS["area"],
    "subject": FIELDS["subject"],
    "theme": FIELDS["theme"],
    "keywords": FIELDS["keywords"],
    "sources": gettext_lazy("Sumber"),
    "indicators": FIELDS["indicator"],
    "source_type": FIELDS["source_type"],
    "outlet": FIELDS["outlet"],
    "url": FIELDS["url"],
    "source_date": FIELDS["source_date"],
    "indicator": FIELDS["indicator"],
    "direction": FIELDS["direction"],
}


def max_bytes() -> int:
    return getattr(settings, "IMPORT_MAX_BYTES", 10 * 1024 * 1024)


def max_rows() -> int:
    return getattr(settings, "IMPORT_MAX_ROWS", 20000)


@dataclass
class RowReport:
    line: int
    status: str
    title: str = ""
    messages: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    duplicate_of: dict | None = None  # {"id", "title", "line"} (line: another row of the file)
    phenomenon_id: int | None = None


@dataclass
class ImportReport:
    filename: str
    mode: str
    written: bool
    columns: dict[str, str] = field(default_factory=dict)  # field -> header
    rows: list[RowReport] = field(default_factory=list)
    unmatched: dict[str, Counter] = field(default_factory=dict)
    error: str = ""
    batch_id: int | None = None

    def count(self, status) -> int:
        return sum(1 for row in self.rows if row.status == status)

    @property
    def counts(self) -> dict[str, int]:
        return {
            "import": self.count(WILL_IMPORT) + self.count(IMPORTED),
            "duplicate": self.count(DUPLICATE),
            "already": self.count(ALREADY),
            "refused": self.count(REFUSED),
            "rows": len(self.rows),
        }

    def summary(self) -> str:
        if self.error:
            return self.error
        figures = self.counts
        if self.written:
            text = _(
                "%(import)d baris diimpor; %(duplicate)d duplikat, %(already)d sudah diimpor "
                "sebelumnya, %(refused)d ditolak (dari %(rows)d baris)."
            )
        else:
            text = _(
                "Uji coba: %(import)d baris akan diimpor; %(duplicate)d duplikat, %(already)d "
                "sudah diimpor sebelumnya, %(refused)d ditolak (dari %(rows)d baris). Belum ada "
                "yang disimpan."
            )
        return text % figures

    def unmatched_lines(self) -> list[str]:
        lines = []
        for name, texts in self.unmatched.items():
            listed = ", ".join(f"“{t}” ({n}×)" for t, n in texts.most_common())
            lines.append(f"{FIELDS[name]}: {listed}")
        return lines

    def as_dict(self) -> dict:
        return {
            "counts": self.counts,
            "unmatched": {k: dict(v) for k, v in self.unmatched.items()},
            "rows": [row.__dict__ for row in self.rows],
        }


# --- rows to input ---------------------------------------------------------------------------

SPLIT_RE = re.compile(r"[,;|\n]+")


@dataclass
class Built:
    data: services.PhenomenonInput | None
    errors: list[str]
    notes: list[str]
    fingerprint: str
    canonical_url: str


def fingerprint(title, url, source_date, narrative) -> str:
    parts = [
        normalise(title),
        canonical_url_or_blank(url or ""),
        source_date.isoformat() if source_date else "",
        normalise(narrative)[:2000],
    ]
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()


class RowBuilder:
    def __init__(self, sheet: Sheet, taxonomy: Taxonomy, report: ImportReport):
        self.sheet = sheet
        self.tax = taxonomy
        self.report = report
        self.index = {name: i for i, name in sheet.columns.items()}

    def cell(self, cells, name):
        i = self.index.get(name)
        return cells[i] if i is not None and i < len(cells) else None

    def text(self, cells, name) -> str:
        return cell_text(self.cell(cells, name))

    def unmatched(self, name, text, errors):
        self.report.unmatched.setdefault(name, Counter())[text] += 1
        errors.append(
            _("%(field)s “%(text)s” tidak dikenali.") % {"field": FIELDS[name], "text": text}
        )

    def match(self, vocabulary, name, text, notes, errors, finder=None):
        if not text:
            return None
        found = finder(text) if finder else vocabulary.find(text)
        if found is None:
            self.unmatched(name, text, errors)
        elif normalise(text) not in vocabulary.exact:
            notes.append(
                _("%(field)s “%(text)s” dibaca sebagai “%(found)s”.")
                % {"field": FIELDS[name], "text": text, "found": found}
            )
        return found

    def build(self, cells) -> Built:
        tax = self.tax
        errors: list[str] = []
        notes: list[str] = []
        title = self.text(cells, "title")
        narrative = self.text(cells, "narrative")
        url = self.text(cells, "url")

        source_date, day_known = parse_date(self.cell(cells, "source_date"))
        raw_date = self.text(cells, "source_date")
        if raw_date and source_date is None:
            errors.append(_("Tanggal “%(text)s” tidak dikenali.") % {"text": raw_date})
        elif source_date and not day_known:
            notes.append(_("Tanggal sumber hanya bulan; dicatat tanggal 1."))
        period, _day = parse_date(self.cell(cells, "reference_period"))
        raw_period = self.text(cells, "reference_period")
        if raw_period and period is None:
            errors.append(_("Periode “%(text)s” tidak dikenali.") % {"text": raw_period})
        if period is None and source_date is not None and not raw_period:
            period = source_date
        if source_date is None and not raw_date and period is not None:
            source_date = period
            notes.append(_("Tanggal sumber kosong; dipakai awal periode."))
        if period is not None:
            period = period.replace(day=1)

        # Source: type, outlet (from its column or the URL's domain).
        outlet_text = self.text(cells, "outlet")
        type_text = self.text(cells, "source_type")
        outlet = None
        source_type = None
        if outlet_text:
            outlet = tax.outlets.find(outlet_text)
            if outlet is None and not type_text and tax.source_types.find(outlet_text):
                type_text = outlet_text  # "Sumber: FGD"
            elif outlet is None:
                self.unmatched("outlet", outlet_text, errors)
        if outlet is None and url and not outlet_text:
            outlet = tax.outlet_of_url(url)
        if type_text:
            source_type = self.match(tax.source_types, "source_type", type_text, notes, errors)
        elif outlet is not None:
            source_type = outlet.source_type
        elif not errors:
            errors.append(_("Jenis sumber kosong dan tidak dapat diketahui dari media/tautan."))

        # Scope and area.
        scope_text = self.text(cells, "scope")
        area_text = self.text(cells, "area")
        scope = area = None
        if area_text:
            area = self.match(tax.areas, "area", area_text, notes, errors)
        if scope_text:
            scope = tax.scopes.find(scope_text)
            if scope is None:
                as_area = tax.areas.find(scope_text)
                if as_area is not None:
                    area = area or as_area
                    scope = as_area.parent
                else:
                    self.unmatched("scope", scope_text, errors)
        if scope is None and area is not None:
            scope = area.parent
        if scope is None and not scope_text:
            errors.append(_("Cakupan kosong."))

        subject = self.match(tax.subjects, "subject", self.text(cells, "subject"), notes, errors)
        theme_text = self.text(cells, "theme")
        theme = self.match(
            tax.themes,
            "theme",
            theme_text,
            notes,
            errors,
            finder=lambda t: tax.theme(t, subject),
        )
        if theme is not None and subject is None and not self.text(cells, "subject"):
            subject = theme.subject
        if not theme_text:
            errors.append(_("Tema kosong."))

        keywords = []
        for word in SPLIT_RE.split(self.text(cells, "keywords")):
            word = " ".join(word.split())
            if word and word.lower() not in {k.lower() for k in keywords}:
                keywords.append(word)

        indicators = []
        direction_text = self.text(cells, "direction")
        direction = tax.direction(direction_text) if direction_text else None
        if direction_text and direction is None:
            self.unmatched("direction", direction_text, errors)
        for name in re.split(r"[;\n]+", self.text(cells, "indicator")):
            name = name.strip()
            if not name:
                continue
            indicator = self.match(tax.indicators, "indicator", name, notes, errors)
            if indicator is not None and indicator.pk not in {i.indicator.pk for i in indicators}:
                indicators.append(
                    services.IndicatorData(indicator, direction or Direction.NAIK.value)
                )
        if indicators and not direction_text:
            notes.append(_("Arah indikator kosong; dicatat “naik”."))

        if not title:
            errors.append(_("Judul kosong."))
        if not narrative:
            errors.append(_("Narasi kosong."))
        if period is None and not raw_period and not raw_date:
            errors.append(_("Tanggal dan periode kosong."))

        fp = fingerprint(title, url, source_date, narrative)
        canonical = canonical_url_or_blank(url)
        if errors:
            return Built(None, errors, notes, fp, canonical)
        data = services.PhenomenonInput(
            title=title,
            narrative=narrative,
            reference_period=period,
            scope=scope,
            area=area,
            subject=subject,
            theme=theme,
            keywords=keywords,
            sources=[
                services.SourceData(
                    source_type=source_type, outlet=outlet, url=url, source_date=source_date
                )
            ],
            indicators=indicators,
        )
        return Built(data, errors, notes, fp, canonical)


class InFileDuplicates:
    """Rows of this file that are (or will be) stored, so that a later near copy of one of them
    is a duplicate in the dry run as it is in the import and in a re-run.

    The same check as the services' (``phenomena.duplicates.service.check``): candidates share
    a band key of the title + narrative MinHash in the same reference month, are ranked the
    same way (shared rare keys, then all shared keys, at most ``MAX_CANDIDATES``) and scored on
    the same features, the stored side without URLs (a same URL is the exact check's).  Without
    ``not_duplicate_reason`` a near copy is a duplicate; with it, as in the services, it is not.
    """

    def __init__(self, not_duplicate_reason: str | None = None):
        self.acknowledged = not_duplicate_reason is not None
        self.keys: dict[tuple, list[int]] = {}  # (band key, period) -> lines, in file order
        self.features: dict[int, scoring._Features] = {}  # line -> stored side
        self.titles: dict[int, str] = {}
        self._last = None

    @staticmethod
    def record(data: services.PhenomenonInput, urls) -> scoring.Record:
        period = data.reference_period
        place = data.area or data.scope
        return scoring.Record(
            title=data.title or "",
            narrative=data.narrative or "",
            urls=[u for u in urls if u],
            reference_year=period.year if period else None,
            reference_month=period.month if period else None,
            area_code=place.code if place is not None else None,
        )

    def _prepared(self, data: services.PhenomenonInput):
        """Features (with the row's URLs) and band keys of ``data``, computed once per row."""
        if self._last is not None and self._last[0] is data:
            return self._last[1], self._last[2]
        features = scoring._prepare(self.record(data, [s.url for s in data.sources]))
        period = data.reference_period.replace(day=1) if data.reference_period else None
        keys = [(key, period) for key in dict.fromkeys(duplicate_service._keys_of(features))]
        self._last = (data, features, keys)
        return features, keys

    def find(self, data: services.PhenomenonInput) -> int | None:
        """The line of the earlier row ``data`` nearly copies (best score), or None."""
        if self.acknowledged or not self.features or not (data.title or data.narrative):
            return None
        features, keys = self._prepared(data)
        limit = duplicate_service.STOP_KEY_LIMIT
        rare: Counter = Counter()
        shared: Counter = Counter()
        for key in keys:
            lines = self.keys.get(key, ())[: limit + 1]
            for line in lines:
                shared[line] += 1
                rare[line] += len(lines) <= limit
        ranked = sorted(shared, key=lambda line: (-rare[line], -shared[line], line))
        best = None
        for line in ranked[: duplicate_service.MAX_CANDIDATES]:
            match = scoring._score_features(features, self.features[line])
            if match is not None and (best is None or match.score > best[0]):
                best = (match.score, line)
        return best[1] if best else None

    def add(self, line: int, data: services.PhenomenonInput) -> None:
        features, keys = self._prepared(data)
        # Stored without URLs, as the services store features (a same URL is found apart).
        self.features[line] = dataclasses.replace(features, urls=frozenset())
        self.titles[line] = data.title
        for key in keys:
            self.keys.setdefault(key, []).append(line)


def error_messages(exc: ValidationError) -> list[str]:
    if not hasattr(exc, "error_dict"):
        return [str(m) for m in exc.messages]
    lines = []
    for key, messages in exc.message_dict.items():
        name = key.rsplit("-", 1)[-1] if key.startswith(("sources-", "indicators-")) else key
        label = ERROR_LABELS.get(name, name)
        for message in messages:
            lines.append(f"{label}: {message}" if label else str(message))
    return lines


# --- the import ------------------------------------------------------------------------------


def run(
    content: bytes,
    filename: str,
    *,
    user,
    actor=None,
    mode: str = APPROVED,
    mapping: dict | None = None,
    write: bool = False,
    not_duplicate_reason: str | None = None,
    batch: ImportBatch | None = None,
) -> ImportReport:
    """Check (``write=False``) or import the sheet as ``user`` (the author of what is
    imported; its rules apply), published by ``actor`` (default ``user``) in ``APPROVED`` mode.
    """
    actor = actor or user
    report = ImportReport(filename=filename, mode=mode, written=write)
    if len(content) > max_bytes():
        report.error = _("Berkas terlalu besar: %(size)s MB; paling besar %(max)s MB.") % {
            "size": round(len(content) / 1048576, 1),
            "max": round(max_bytes() / 1048576, 1),
        }
        return report
    from .reading import SheetError

    try:
        sheet = read_sheet(content, filename, mapping)
    except SheetError as exc:
        report.error = str(exc)
        return report
    if len(sheet.rows) > max_rows():
        report.error = _("Berkas berisi %(n)d baris; paling banyak %(max)d per impor.") % {
            "n": len(sheet.rows),
            "max": max_rows(),
        }
        return report
    report.columns = {name: sheet.headers[i] for i, name in sorted(sheet.columns.items())}
    if "title" not in sheet.columns.values():
        report.error = _("Kolom judul tidak ditemukan; petakan salah satu kolom sebagai Judul.")
        return report
    builder = RowBuilder(sheet, Taxonomy(), report)
    built = [(line, builder.build(cells)) for line, cells in sheet.rows]

    already = dict(
        ImportedRow.objects.filter(fingerprint__in=[b.fingerprint for _l, b in built]).values_list(
            "fingerprint", "phenomenon_id"
        )
    )
    seen_fp: dict[str, int] = {}
    seen_url: dict[str, int] = {}
    in_file = InFileDuplicates(not_duplicate_reason)
    planned = []  # (row, built) to check or write, in file order, rows already imported included
    for line, b in built:
        row = RowReport(line=line, status=WILL_IMPORT, title=b.data.title if b.data else "")
        row.notes = b.notes
        report.rows.append(row)
        if b.fingerprint in already:
            row.status = ALREADY
            row.phenomenon_id = already[b.fingerprint]
            row.messages.append(_("Baris ini sudah diimpor sebelumnya."))
            if b.data is not None:
                planned.append((row, b))  # an earlier row of the file for the rows after it
            continue
        first = seen_fp.get(b.fingerprint) or (b.canonical_url and seen_url.get(b.canonical_url))
        if first:
            row.status = DUPLICATE
            row.duplicate_of = {"line": first}
            row.messages.append(_("Sama dengan baris %(line)d berkas ini.") % {"line": first})
            continue
        seen_fp[b.fingerprint] = line
        if b.canonical_url:
            seen_url[b.canonical_url] = line
        if b.errors:
            row.status = REFUSED
            row.messages.extend(b.errors)
            continue
        planned.append((row, b))

    if not write:
        for row, b in planned:
            if _settled(row, b, in_file):
                continue
            _check(row, b, user, not_duplicate_reason)
            if row.status == WILL_IMPORT:
                in_file.add(row.line, b.data)
        return report

    if batch is None:
        batch = ImportBatch.objects.create(
            filename=filename[:255],
            file_sha256=hashlib.sha256(content).hexdigest(),
            content=content,
            mapping=mapping or {},
            mode=mode,
            as_user=user,
            created_by=actor,
        )
    report.batch_id = batch.pk
    reason = _("Impor data historis dari %(file)s (batch #%(batch)d)") % {
        "file": filename,
        "batch": batch.pk,
    }
    context = lifecycle.quietly() if mode == APPROVED else _noop()
    with context:
        for start in range(0, len(planned), CHUNK):
            with transaction.atomic(), services.batch():
                for row, b in planned[start : start + CHUNK]:
                    if _settled(row, b, in_file):
                        continue
                    _write(row, b, batch, user, actor, mode, not_duplicate_reason, reason)
                    services.flush_batch()  # outside the row's savepoint
                    if row.status == IMPORTED:
                        in_file.add(row.line, b.data)
    batch.status = ImportBatch.Status.IMPORTED
    batch.imported_at = timezone.now()
    batch.summary = report.counts
    batch.save(update_fields=["status", "imported_at", "summary"])
    return report


class _noop:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


def _settled(row, b, in_file: InFileDuplicates) -> bool:
    """True when ``row`` is not to be checked or written: imported before (it becomes an earlier
    row of the file for the rows after it) or a near copy of an earlier row (marked a duplicate).

    Rows are taken in file order, a re-run's rows already imported included, so that each row is
    compared with the rows stored before it, as in the first run: the services' check ranks its
    candidates (at most ``MAX_CANDIDATES``), and the rows stored *after* a near copy may outrank
    the row it copies -- judged against the whole file, it would be imported on a re-run.
    """
    if row.status == ALREADY:
        in_file.add(row.line, b.data)
        return True
    first = in_file.find(b.data)
    if first is None:
        return False
    row.status = DUPLICATE
    row.duplicate_of = {"line": first, "title": in_file.titles[first]}
    row.messages.append(
        _("Hampir sama dengan baris %(line)d berkas ini (“%(title)s”).")
        % {"line": first, "title": in_file.titles[first]}
    )
    return True


def _refusal(row, exc):
    if isinstance(exc, services.DuplicateError):
        row.status = DUPLICATE
        match = exc.matches[0] if exc.matches else None
        if match is not None:
            row.duplicate_of = {"id": match.phenomenon.pk, "title": match.phenomenon.title}
        row.messages.extend(error_messages(exc))
    elif isinstance(exc, PermissionDenied):
        row.status = REFUSED
        row.messages.append(_("Pengguna yang dipilih tidak boleh menginput fenomena."))
    else:
        row.status = REFUSED
        row.messages.extend(error_messages(exc))


def _check(row, b, user, not_duplicate_reason):
    try:
        services.check_phenomenon(user, b.data, not_duplicate_reason=not_duplicate_reason)
    except (ValidationError, PermissionDenied) as exc:
        _refusal(row, exc)


def _write(row, b, batch, user, actor, mode, not_duplicate_reason, reason):
    try:
        with transaction.atomic():
            phenomenon = services.create_phenomenon(
                user, b.data, submit=mode == SUBMIT, not_duplicate_reason=not_duplicate_reason
            )
            if mode == APPROVED:
                services.publish(actor, phenomenon, reason=reason)
            ImportedRow.objects.create(
                batch=batch, line=row.line, fingerprint=b.fingerprint, phenomenon=phenomenon
            )
    except (ValidationError, PermissionDenied) as exc:
        _refusal(row, exc)
        return
    row.status = IMPORTED
    row.phenomenon_id = phenomenon.pk
