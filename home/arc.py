"""The Advance Release Calendar (ARC): importing a year's sheet, month grids and the .ics feed.

A sheet is a CSV with a header `indicator,source,jan,…,dec` (Indonesian month abbreviations
`mei, agu, okt, des` are accepted too, and an optional `themes` column of theme names separated
by `;`). Each month cell holds the day of the month of that indicator's release; blank means no
release that month. `import_arc` checks every row first and imports nothing if any row is wrong,
reporting each bad row by its line number; the admin upload view and `manage.py import_arc` both
call it. `preview_arc` checks a sheet and lists what importing it would add, change and remove
(the admin upload shows that first and imports only once confirmed).
"""

import calendar
import csv
import datetime
import io
import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from phenomena.dates import month_name, weekday_abbreviations
from phenomena.models import Indicator, ReleaseDate, Theme

MONTH_ALIASES = {
    1: ["jan", "januari", "january"],
    2: ["feb", "februari", "february", "peb"],
    3: ["mar", "maret", "march"],
    4: ["apr", "april"],
    5: ["may", "mei"],
    6: ["jun", "juni", "june"],
    7: ["jul", "juli", "july"],
    8: ["aug", "agu", "agt", "agustus", "august"],
    9: ["sep", "sept", "september"],
    10: ["oct", "okt", "oktober", "october"],
    11: ["nov", "november", "nopember"],
    12: ["dec", "des", "desember", "december"],
}
NAME_MAX = Indicator._meta.get_field("name").max_length
PRODUCER_MAX = Indicator._meta.get_field("producer").max_length
COLUMN_MONTH = {alias: month for month, aliases in MONTH_ALIASES.items() for alias in aliases}
MIN_YEAR, MAX_YEAR = 2000, 2100
# A day cell: one or two ASCII digits. str.isdigit() also accepts "²" or "٣", which int() refuses.
DAY_CELL = re.compile(r"[0-9]{1,2}")


@dataclass
class ArcRow:
    line: int
    indicator: str
    producer: str
    themes: list[str] | None
    dates: list[datetime.date]


@dataclass
class ArcImportResult:
    year: int
    errors: list[str] = field(default_factory=list)
    rows: list[ArcRow] = field(default_factory=list)
    indicators_created: list[str] = field(default_factory=list)
    added: int = 0
    removed: int = 0
    imported: bool = False
    changes: list = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors

    def summary(self) -> str:
        if self.errors:
            return _("Tidak ada yang diimpor: %(n)d kesalahan.") % {"n": len(self.errors)}
        figures = {
            "year": self.year,
            "rows": len(self.rows),
            "added": self.added,
            "removed": self.removed,
            "created": len(self.indicators_created),
        }
        if not self.imported:
            return (
                _(
                    "Pratinjau ARC %(year)d: %(rows)d indikator, %(added)d tanggal rilis "
                    "akan ditambah, %(removed)d akan dihapus, %(created)d indikator baru. "
                    "Belum ada yang diubah."
                )
                % figures
            )
        return (
            _(
                "ARC %(year)d diimpor: %(rows)d indikator, %(added)d tanggal rilis baru, "
                "%(removed)d dihapus, %(created)d indikator baru."
            )
            % figures
        )


def read_sheet(source) -> str:
    """The sheet's text (raises UnicodeDecodeError if it is not UTF-8)."""
    return _text(source)


def _text(source) -> str:
    """The sheet as text, from str, bytes or a (binary or text) file."""
    if hasattr(source, "read"):
        source = source.read()
    if isinstance(source, bytes):
        source = source.decode("utf-8-sig")
    return source.lstrip("\ufeff")


def parse_arc(source, year: int) -> ArcImportResult:
    """Read and check a sheet without touching the database's release dates."""
    result = ArcImportResult(year=year)
    if not MIN_YEAR <= year <= MAX_YEAR:
        result.errors.append(_("Tahun %(year)s tidak valid.") % {"year": year})
        return result
    try:
        text = _text(source)
    except UnicodeDecodeError:
        result.errors.append(_("Berkas bukan CSV berpengkodean UTF-8."))
        return result
    sample = text[:2048]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",;\t") if sample.strip() else csv.excel
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text), dialect)
    header = next(reader, None)
    if not header or not any(cell.strip() for cell in header):
        result.errors.append(_("Baris 1: berkas kosong atau tanpa judul kolom."))
        return result
    columns = [cell.strip().lower() for cell in header]
    if "indicator" not in columns and "indikator" not in columns:
        result.errors.append(_("Baris 1: kolom “indicator” tidak ada."))
    month_columns = {i: COLUMN_MONTH[c] for i, c in enumerate(columns) if c in COLUMN_MONTH}
    missing = sorted(set(range(1, 13)) - set(month_columns.values()))
    if missing:
        result.errors.append(
            _("Baris 1: kolom bulan tidak lengkap (tidak ada: %(months)s).")
            % {"months": ", ".join(month_name(m) for m in missing)}
        )
    if result.errors:
        return result

    def column(*names):
        return next((columns.index(n) for n in names if n in columns), None)

    name_col = column("indicator", "indikator")
    source_col = column("source", "sumber", "produsen")
    themes_col = column("themes", "tema")
    known_themes = {name.lower(): name for name in Theme.objects.values_list("name", flat=True)}
    seen: dict[str, int] = {}
    for cells in reader:
        line = reader.line_num
        if not any(cell.strip() for cell in cells):
            continue
        cells = cells + [""] * (len(columns) - len(cells))

        def error(message, _line=line):
            result.errors.append(
                _("Baris %(line)d: %(message)s") % {"line": _line, "message": message}
            )

        name = cells[name_col].strip()
        if not name:
            error(_("nama indikator kosong."))
            continue
        if len(name) > NAME_MAX:
            error(
                _("nama indikator %(length)d karakter; paling banyak %(max)d.")
                % {"length": len(name), "max": NAME_MAX}
            )
            continue
        if name.lower() in seen:
            error(
                _("indikator “%(name)s” sudah ada di baris %(first)d.")
                % {"name": name, "first": seen[name.lower()]}
            )
            continue
        seen[name.lower()] = line
        dates = []
        for index, month in sorted(month_columns.items(), key=lambda item: item[1]):
            value = cells[index].strip()
            if not value:
                continue
            month_label = month_name(month)
            if not DAY_CELL.fullmatch(value):
                error(
                    _("kolom %(column)s: “%(value)s” bukan tanggal (isi angka 1–31 atau kosong).")
                    % {"column": columns[index], "value": value}
                )
                continue
            day = int(value)
            last_day = calendar.monthrange(year, month)[1]
            if not 1 <= day <= last_day:
                error(
                    _("kolom %(column)s: tanggal %(day)d %(month)s %(year)d tidak ada.")
                    % {"column": columns[index], "day": day, "month": month_label, "year": year}
                )
                continue
            dates.append(datetime.date(year, month, day))
        themes = None
        if themes_col is not None and cells[themes_col].strip():
            themes = []
            for theme in (t.strip() for t in cells[themes_col].split(";")):
                if not theme:
                    continue
                if theme.lower() not in known_themes:
                    error(_("tema “%(theme)s” tidak dikenal.") % {"theme": theme})
                    continue
                themes.append(known_themes[theme.lower()])
        producer = cells[source_col].strip() if source_col is not None else ""
        if len(producer) > PRODUCER_MAX:
            error(
                _("sumber %(length)d karakter; paling banyak %(max)d.")
                % {"length": len(producer), "max": PRODUCER_MAX}
            )
            continue
        result.rows.append(ArcRow(line, name, producer, themes, dates))
    if not result.rows and not result.errors:
        result.errors.append(_("Berkas tidak berisi satu indikator pun."))
    return result


def _unique_slug(name: str) -> str:
    base = slugify(name)[:150] or "indikator"
    slug, n = base, 2
    while Indicator.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


@dataclass
class ArcChange:
    """What importing one row would do to its indicator's release dates of the year."""

    indicator: str
    new_indicator: bool
    added: list[datetime.date]
    removed: list[datetime.date]
    kept: int

    @property
    def changed(self) -> bool:
        return bool(self.new_indicator or self.added or self.removed)


def plan_arc(result: ArcImportResult) -> list[ArcChange]:
    """For a checked sheet, what the import would add, remove and keep (reads, never writes)."""
    first, last = datetime.date(result.year, 1, 1), datetime.date(result.year, 12, 31)
    changes = []
    for row in result.rows:
        indicator = Indicator.objects.filter(name__iexact=row.indicator).first()
        existing = (
            set(indicator.releases.filter(date__range=(first, last)).values_list("date", flat=True))
            if indicator
            else set()
        )
        wanted = set(row.dates)
        changes.append(
            ArcChange(
                indicator=indicator.name if indicator else row.indicator,
                new_indicator=indicator is None,
                added=sorted(wanted - existing),
                removed=sorted(existing - wanted),
                kept=len(wanted & existing),
            )
        )
    return changes


def preview_arc(source, year: int) -> ArcImportResult:
    """Check the sheet and count what importing it would change, without changing anything."""
    result = parse_arc(source, year)
    if result.ok:
        result.changes = plan_arc(result)
        result.added = sum(len(c.added) for c in result.changes)
        result.removed = sum(len(c.removed) for c in result.changes)
        result.indicators_created = [c.indicator for c in result.changes if c.new_indicator]
    return result


def import_arc(source, year: int) -> ArcImportResult:
    """Check the sheet; if every row is right, make the year's release dates of each indicator in
    it exactly those of the sheet (indicators not in the sheet are left alone). All or nothing:
    one transaction, so a failure on any row leaves the database as it was."""
    result = parse_arc(source, year)
    if not result.ok:
        return result
    with transaction.atomic():
        _apply(result)
    result.imported = True
    return result


def _apply(result: ArcImportResult) -> None:
    first, last = datetime.date(result.year, 1, 1), datetime.date(result.year, 12, 31)
    for row in result.rows:
        indicator = Indicator.objects.filter(name__iexact=row.indicator).first()
        if indicator is None:
            indicator = Indicator.objects.create(
                name=row.indicator,
                slug=_unique_slug(row.indicator),
                producer=row.producer or "BPS",
                sort_order=Indicator.objects.count(),
            )
            result.indicators_created.append(indicator.name)
        elif row.producer and indicator.producer != row.producer:
            indicator.producer = row.producer
            indicator.save(update_fields=["producer"])
        if row.themes is not None:
            indicator.themes.set(Theme.objects.filter(name__in=row.themes))
        existing = set(
            indicator.releases.filter(date__range=(first, last)).values_list("date", flat=True)
        )
        wanted = set(row.dates)
        result.removed += indicator.releases.filter(date__in=existing - wanted).delete()[0]
        ReleaseDate.objects.bulk_create(
            [ReleaseDate(indicator=indicator, date=d) for d in sorted(wanted - existing)]
        )
        result.added += len(wanted - existing)


# --- calendar -----------------------------------------------------------------------------


def releases_by_date(start: datetime.date, end: datetime.date) -> dict[datetime.date, list]:
    """Release dates between `start` and `end` (inclusive), each day's indicators in order."""
    days: dict[datetime.date, list] = {}
    for release in (
        ReleaseDate.objects.filter(date__range=(start, end))
        .select_related("indicator")
        .order_by("date", "indicator__sort_order", "indicator__name")
    ):
        days.setdefault(release.date, []).append(release.indicator)
    return days


def week_of(day: datetime.date) -> tuple[datetime.date, datetime.date]:
    """Monday and Sunday of the week containing `day`."""
    monday = day - datetime.timedelta(days=day.weekday())
    return monday, monday + datetime.timedelta(days=6)


def month_grid(year: int, month: int, releases: dict, today: datetime.date) -> dict:
    """One month as weeks of days (Monday first), each day with its releases."""
    week_start, week_end = week_of(today)
    weeks = []
    for week in calendar.Calendar(firstweekday=0).monthdatescalendar(year, month):
        weeks.append(
            [
                {
                    "date": day,
                    "in_month": day.month == month,
                    "releases": releases.get(day, []) if day.month == month else [],
                    "is_today": day == today,
                    "this_week": week_start <= day <= week_end,
                    "past": day < today,
                }
                for day in week
            ]
        )
    listing = [
        {
            "date": day,
            "indicators": releases[day],
            "is_today": day == today,
            "this_week": week_start <= day <= week_end,
            "past": day < today,
        }
        for day in sorted(releases)
        if day.year == year and day.month == month
    ]
    return {
        "year": year,
        "month": month,
        "name": month_name(month),
        "weeks": weeks,
        "releases": listing,
        "is_current": (year, month) == (today.year, today.month),
    }


def weekdays() -> list[str]:
    """The calendar's column heads, Monday first, in the reader's language."""
    return weekday_abbreviations()


def months_grids(first: datetime.date, count: int, today: datetime.date) -> list[dict]:
    """`count` month grids from the month of `first`."""
    start = first.replace(day=1)
    end_month = start
    for _i in range(count - 1):
        end_month = (end_month.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)
    end = end_month.replace(day=calendar.monthrange(end_month.year, end_month.month)[1])
    releases = releases_by_date(start, end)
    grids, month = [], start
    for _i in range(count):
        grids.append(month_grid(month.year, month.month, releases, today))
        month = (month.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)
    return grids


# --- iCalendar feed -------------------------------------------------------------------------


def uid_domain() -> str:
    return urlsplit(getattr(settings, "WAGTAILADMIN_BASE_URL", "")).hostname or "simfoni.local"


def release_uid(indicator, date: datetime.date) -> str:
    """Stable across imports and edits: the indicator's slug and the day."""
    return f"arc-{indicator.slug}-{date:%Y%m%d}@{uid_domain()}"


def ics_feed(start: datetime.date, end: datetime.date, base_url: str = "") -> bytes:
    """An iCalendar of the releases between `start` and `end`: one all-day event each."""
    from icalendar import Calendar, Event

    cal = Calendar()
    cal.add("prodid", "-//SIMFONI//Kalender Rilis ARC//ID")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", _("Kalender Rilis (ARC) — SIMFONI"))
    cal.add("x-wr-timezone", settings.TIME_ZONE)
    stamp = timezone.now().replace(microsecond=0)
    for day, indicators in releases_by_date(start, end).items():
        for indicator in indicators:
            event = Event()
            event.add("uid", release_uid(indicator, day))
            event.add("dtstamp", stamp)
            event.add("dtstart", day)
            event.add("dtend", day + datetime.timedelta(days=1))
            event.add("summary", _("Rilis %(indicator)s") % {"indicator": indicator.name})
            event.add("transp", "TRANSPARENT")
            event.add("categories", ["ARC", indicator.producer])
            link = f"{base_url}/cari/?indicator={indicator.slug}"
            event.add(
                "description",
                _("Rilis %(indicator)s (%(producer)s). Fenomena terkait: %(link)s")
                % {"indicator": indicator.name, "producer": indicator.producer, "link": link},
            )
            event.add("url", link)
            cal.add_component(event)
    return cal.to_ical()
