"""Reading an uploaded sheet: CSV or XLSX into rows of cells, the header row found and its
columns recognised, and the dates Indonesian spreadsheets hold.

Formulas are never evaluated: an XLSX cell gives the value the spreadsheet program stored with
it; a formula without a stored value is read as its text (``=HYPERLINK("url", …)`` as its URL);
a CSV cell is always text.
"""

from __future__ import annotations

import csv
import datetime
import io
import re
import unicodedata
from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from home.arc import COLUMN_MONTH

# The fields a column may feed, with their labels on the mapping screen.
FIELDS = {
    "title": gettext_lazy("Judul"),
    "narrative": gettext_lazy("Narasi"),
    "source_type": gettext_lazy("Jenis sumber"),
    "outlet": gettext_lazy("Media"),
    "url": gettext_lazy("Tautan bukti"),
    "source_date": gettext_lazy("Tanggal sumber"),
    "reference_period": gettext_lazy("Periode referensi"),
    "scope": gettext_lazy("Cakupan"),
    "area": gettext_lazy("Kabupaten/kota"),
    "subject": gettext_lazy("Subjek"),
    "theme": gettext_lazy("Tema"),
    "keywords": gettext_lazy("Kata kunci"),
    "indicator": gettext_lazy("Indikator"),
    "direction": gettext_lazy("Arah indikator"),
}
IGNORE = ""

# Header texts (normalised: lower case, letters and digits separated by single spaces).
HEADERS = {
    "title": ["judul", "judul fenomena", "title", "headline", "judul berita"],
    "narrative": [
        "narasi",
        "uraian",
        "uraian fenomena",
        "narasi fenomena",
        "deskripsi",
        "isi",
        "keterangan",
        "fenomena",
        "narrative",
        "description",
        "summary",
        "ringkasan",
    ],
    "source_type": ["jenis sumber", "tipe sumber", "sumber data", "source type", "jenis"],
    "outlet": [
        "sumber",
        "media",
        "outlet",
        "nama media",
        "portal",
        "portal berita",
        "source",
        "sumber berita",
        "media massa",
    ],
    "url": ["link", "tautan", "url", "tautan bukti", "link berita", "link sumber", "bukti"],
    "source_date": [
        "tanggal",
        "tgl",
        "tanggal sumber",
        "tanggal berita",
        "tanggal terbit",
        "date",
        "published",
    ],
    "reference_period": [
        "periode",
        "periode referensi",
        "bulan",
        "bulan referensi",
        "period",
        "reference period",
    ],
    "scope": ["cakupan", "wilayah", "cakupan wilayah", "scope", "level wilayah", "region"],
    "area": ["kab kota", "kabupaten kota", "kabkota", "kota", "kabupaten", "district", "area"],
    "subject": ["subjek", "subject", "bidang"],
    "theme": ["tema", "theme", "topik", "topic"],
    "keywords": ["kata kunci", "keyword", "keywords", "tag", "tags"],
    "indicator": ["indikator", "indicator", "indikator terkait"],
    "direction": ["arah", "arah indikator", "direction", "dampak"],
}
HEADER_FIELD = {text: name for name, texts in HEADERS.items() for text in texts}
HEADER_SCAN_ROWS = 15


def normalise(text) -> str:
    """Lower case, accents off, runs of anything but letters and digits as one space."""
    text = unicodedata.normalize("NFKD", str(text or "")).encode("ascii", "ignore").decode()
    return " ".join(re.findall(r"[a-z0-9]+", text.casefold()))


class SheetError(ValueError):
    """The file cannot be read as a sheet (the message says why, in Indonesian)."""


@dataclass
class Sheet:
    header_line: int
    headers: list[str]
    columns: dict[int, str]  # column index -> field, recognised or mapped
    rows: list[tuple[int, list]]  # (line number in the file, cells)

    @property
    def unrecognised(self) -> list[tuple[int, str]]:
        return [(i, h) for i, h in enumerate(self.headers) if h.strip() and i not in self.columns]


# --- cells -----------------------------------------------------------------------------------

HYPERLINK_RE = re.compile(r'^=\s*HYPERLINK\(\s*"([^"]+)"', re.IGNORECASE)


def cell_text(value) -> str:
    """A cell as text: a formula as its text (a HYPERLINK as its URL); a neutralised
    ``'=…`` (our exports) without the apostrophe."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, datetime.datetime) and value.time() == datetime.time():
        value = value.date()
    text = str(value).strip()
    link = HYPERLINK_RE.match(text)
    if link:
        return link.group(1).strip()
    if text.startswith("'") and text[1:2] in ("=", "+", "-", "@"):
        return text[1:]
    return text


# --- files -----------------------------------------------------------------------------------


def read_rows(content: bytes, filename: str) -> list[tuple[int, list]]:
    """Every row of the file's first sheet as (line number, cells)."""
    name = filename.lower()
    if name.endswith(".xlsx") or content[:4] == b"PK\x03\x04":
        return _xlsx_rows(content)
    if name.endswith((".csv", ".txt", ".tsv")):
        return _csv_rows(content)
    raise SheetError(_("Jenis berkas tidak didukung. Unggah berkas CSV atau XLSX."))


def _csv_rows(content: bytes) -> list[tuple[int, list]]:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            text = content.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    if "\x00" in text:
        raise SheetError(_("Berkas ini bukan CSV (berisi data biner)."))
    sample = text[:4096]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",;\t") if sample.strip() else csv.excel
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text), dialect)
    rows = []
    try:
        for cells in reader:
            rows.append((reader.line_num, list(cells)))
    except csv.Error as exc:
        raise SheetError(_("CSV tidak dapat dibaca: %(error)s") % {"error": exc}) from exc
    return rows


def _xlsx_rows(content: bytes) -> list[tuple[int, list]]:
    from openpyxl import load_workbook

    try:
        values = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
        formulas = load_workbook(io.BytesIO(content), read_only=True, data_only=False)
    except Exception as exc:  # zipfile.BadZipFile, KeyError, InvalidFileException…
        raise SheetError(
            _("Berkas XLSX tidak dapat dibuka; simpan ulang sebagai .xlsx atau CSV.")
        ) from exc
    try:
        sheet_values = values.worksheets[0]
        sheet_formulas = formulas.worksheets[0]
        rows = []
        for number, (cached, written) in enumerate(
            zip(
                sheet_values.iter_rows(values_only=True),
                sheet_formulas.iter_rows(values_only=True),
                strict=False,
            ),
            start=1,
        ):
            cells = []
            for value, formula in zip(cached, written, strict=False):
                if isinstance(formula, str) and formula.startswith("="):
                    link = HYPERLINK_RE.match(formula)
                    if link:
                        value = link.group(1)
                    elif value is None:
                        value = formula  # never evaluated: the formula's text
                cells.append(value)
            rows.append((number, cells))
        return rows
    finally:
        values.close()
        formulas.close()


# --- header ----------------------------------------------------------------------------------


def recognise(header: str) -> str | None:
    text = normalise(header)
    if text in HEADER_FIELD:
        return HEADER_FIELD[text]
    # "Judul Fenomena (wajib)", "Tanggal Berita (dd/mm/yyyy)": the words before a bracket.
    text = normalise(re.split(r"[(\[]", str(header))[0])
    return HEADER_FIELD.get(text)


def find_header(rows) -> tuple[int, list[str], dict[int, str]]:
    """The header among the first rows: the one with the most recognised column names
    (a sheet title, merged group headings and blank rows above it are skipped)."""
    best = None
    for position, (_line, cells) in enumerate(rows[:HEADER_SCAN_ROWS]):
        texts = [cell_text(c) for c in cells]
        columns = {}
        for index, text in enumerate(texts):
            field = recognise(text) if text else None
            if field and field not in columns.values():
                columns[index] = field
        if len(columns) >= 2 and (best is None or len(columns) > len(best[2])):
            best = (position, texts, columns)
    if best is None:
        raise SheetError(
            _(
                "Baris judul kolom tidak ditemukan di %(n)d baris pertama (mis. “Judul”, "
                "“Narasi”, “Tanggal”, “Tautan”)."
            )
            % {"n": HEADER_SCAN_ROWS}
        )
    return best


def read_sheet(content: bytes, filename: str, mapping: dict | None = None) -> Sheet:
    """The sheet's header and data rows; ``mapping`` ({column index: field or ""}) overrides
    what was recognised (the mapping screen). Blank rows are dropped."""
    rows = read_rows(content, filename)
    position, headers, columns = find_header(rows)
    for key, field in (mapping or {}).items():
        index = int(key)
        if field == IGNORE:
            columns.pop(index, None)
        elif field in FIELDS:
            for other, name in list(columns.items()):
                if name == field and other != index:
                    columns.pop(other)
            columns[index] = field
    data = [
        (line, cells) for line, cells in rows[position + 1 :] if any(cell_text(c) for c in cells)
    ]
    return Sheet(rows[position][0], headers, columns, data)


# --- dates -----------------------------------------------------------------------------------

EXCEL_SERIAL_MIN, EXCEL_SERIAL_MAX = 20000, 80000  # 1954 .. 2119
DMY_RE = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2}|\d{4})$")
YMD_RE = re.compile(r"^(\d{4})[/.\-](\d{1,2})[/.\-](\d{1,2})(?:[ t].*)?$")
MY_RE = re.compile(r"^(\d{1,2})[/.\-](\d{4})$")
YM_RE = re.compile(r"^(\d{4})[/.\-](\d{1,2})$")
WORDS_RE = re.compile(r"(?:^|\s)(?:(\d{1,2})\s+)?([a-z]+)\s+(\d{2}|\d{4})$")


def _year(text: str) -> int:
    year = int(text)
    return year + 2000 if year < 100 else year


def parse_date(value) -> tuple[datetime.date | None, bool]:
    """``(date, day_known)`` of a cell: a date, an Excel serial number, "05/10/2024"
    (day first), "2024-10-05", "5 Okt 2024", "5 Oktober 2024", "Oktober 2024", "Okt-24",
    "10/2024". ``(None, False)`` when it is not a date."""
    if value is None or value == "":
        return None, False
    if isinstance(value, datetime.datetime):
        return value.date(), True
    if isinstance(value, datetime.date):
        return value, True
    if isinstance(value, int | float) and not isinstance(value, bool):
        if EXCEL_SERIAL_MIN <= value <= EXCEL_SERIAL_MAX:
            from openpyxl.utils.datetime import from_excel

            return from_excel(value).date(), True
        return None, False
    text = normalise(value)
    raw = str(value).strip().lower()
    try:
        if re.fullmatch(r"\d{5}(\.\d+)?", raw):
            return parse_date(float(raw))
        if match := YMD_RE.match(raw):
            y, m, d = match.groups()
            return datetime.date(int(y), int(m), int(d)), True
        if match := DMY_RE.match(raw):
            d, m, y = match.groups()
            return datetime.date(_year(y), int(m), int(d)), True
        if match := MY_RE.match(raw):
            m, y = match.groups()
            return datetime.date(int(y), int(m), 1), False
        if match := YM_RE.match(raw):
            y, m = match.groups()
            return datetime.date(int(y), int(m), 1), False
        match = WORDS_RE.search(text)
        if match:
            d, month, y = match.groups()
            if month in COLUMN_MONTH:
                month_number = COLUMN_MONTH[month]
                if d:
                    return datetime.date(_year(y), month_number, int(d)), True
                return datetime.date(_year(y), month_number, 1), False
    except ValueError:  # 31/02/2024
        return None, False
    return None, False
