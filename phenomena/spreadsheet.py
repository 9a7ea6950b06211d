"""Spreadsheet cells safe to open: no formula injection, no characters that break XLSX.

Every CSV and XLSX export of SIMFONI (the viewer search's `/cari/export.*`, the admin list's
``?export=csv|xlsx``) writes its cells through `safe_cell`:

* characters XML (and so XLSX) cannot hold, i.e. the control characters other than tab, line
  feed and carriage return, are removed, so old data with them never breaks an export;
* in CSV, text starting with ``= + - @``, a tab or a carriage return gets a leading ``'``, as
  OWASP advises against CSV injection; a spreadsheet then shows it as text, not a formula;
* in XLSX, text is always written as a text cell (never a formula), and text that looks like
  a formula is marked "quote prefix", so that editing the cell in Excel keeps it text.
"""

import re

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from wagtail.admin.views.mixins import SpreadsheetExportMixin

CSV = "csv"
XLSX = "xlsx"

# OWASP "CSV Injection": what a spreadsheet may read as the start of a formula.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# The characters openpyxl refuses (IllegalCharacterError): C0 controls except \t \n \r.
ILLEGAL_RE = re.compile(ILLEGAL_CHARACTERS_RE.pattern)


def looks_like_formula(value) -> bool:
    return isinstance(value, str) and value.startswith(FORMULA_START)


def safe_cell(value, fmt: str = CSV):
    """`value` made safe for a cell of a `fmt` ("csv" or "xlsx") spreadsheet.

    Text loses illegal characters and, in CSV, a formula-like start is neutralised with a
    leading apostrophe; other values (numbers, dates, None) are returned unchanged."""
    if not isinstance(value, str):
        return value
    value = ILLEGAL_RE.sub("", value)
    if fmt == CSV and looks_like_formula(value):
        value = "'" + value
    return value


def as_text_cell(cell):
    """Make an openpyxl cell holding text a text cell, never a formula."""
    if isinstance(cell.value, str):
        if looks_like_formula(cell.value):
            cell.quotePrefix = True
        cell.data_type = "s"
    return cell


def xlsx_row(sheet, values):
    """Append `values` to an openpyxl `sheet` as one row of safe cells."""
    sheet.append([safe_cell(value, XLSX) for value in values])
    for cell in sheet[sheet.max_row]:
        as_text_cell(cell)


class SafeSpreadsheetExportMixin(SpreadsheetExportMixin):
    """Wagtail's list export (``?export=csv|xlsx``) with every cell through `safe_cell`."""

    def preprocess_field_value(self, field, value, export_format):
        value = super().preprocess_field_value(field, value, export_format)
        return safe_cell(value, export_format)

    def generate_xlsx_row(self, worksheet, row_dict, date_format=None):
        for cell in super().generate_xlsx_row(worksheet, row_dict, date_format):
            yield as_text_cell(cell)
