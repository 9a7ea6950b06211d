"""CSV and XLSX export of a result set (same filters and order as the page).

Every cell goes through `phenomena.spreadsheet` (no formula injection, no characters that
break XLSX), like the admin list's export.
"""

from __future__ import annotations

import csv
import io

from django.utils.translation import gettext as _

from phenomena.spreadsheet import CSV, safe_cell, xlsx_row

COLUMNS = [
    ("id", "ID"),
    ("title", "Judul"),
    ("narrative", "Narasi"),
    ("reference_period", "Periode referensi"),
    ("subject", "Subjek"),
    ("theme", "Tema"),
    ("scope", "Cakupan"),
    ("area", "Kabupaten/Kota"),
    ("source_type", "Jenis sumber"),
    ("outlet", "Media"),
    ("source_date", "Tanggal sumber"),
    ("url", "Tautan bukti"),
    ("indicators", "Indikator (arah)"),
    ("keywords", "Kata kunci"),
    ("detail_url", "Halaman detail"),
]


def row_for(phenomenon, base_url="") -> list:
    sources = list(phenomenon.sources.all())
    primary = sources[0] if sources else None
    return [
        phenomenon.pk,
        phenomenon.title,
        phenomenon.narrative,
        phenomenon.reference_period.strftime("%Y-%m"),
        str(phenomenon.subject),
        str(phenomenon.theme),
        str(phenomenon.scope),
        str(phenomenon.area) if phenomenon.area_id else "",
        str(primary.source_type) if primary else "",
        "; ".join(s.outlet.name for s in sources if s.outlet_id),
        primary.source_date.isoformat() if primary else "",
        " ".join(s.url for s in sources if s.url),
        "; ".join(
            f"{link.indicator} ({link.get_direction_display()})"
            for link in phenomenon.indicator_links.all()
        ),
        ", ".join(sorted(tag.name for tag in phenomenon.keywords.all())),
        f"{base_url}/fenomena/{phenomenon.pk}/",
    ]


def _note(total, shown):
    if total > shown:
        return _(
            "Hanya %(shown)s dari %(total)s hasil yang diekspor (batas ekspor). "
            "Persempit pencarian dengan filter untuk mengekspor sisanya."
        ) % {"shown": shown, "total": total}
    return ""


def to_csv(hits, total, base_url="") -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([label for _key, label in COLUMNS])
    for hit in hits:
        writer.writerow([safe_cell(value, CSV) for value in row_for(hit, base_url)])
    note = _note(total, len(hits))
    if note:
        writer.writerow([])
        writer.writerow([note])
    # UTF-8 with BOM so that Excel opens Indonesian text correctly.
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def to_xlsx(hits, total, base_url="", query_description="") -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook(write_only=False)
    sheet = workbook.active
    sheet.title = "Fenomena"
    sheet.append([label for _key, label in COLUMNS])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for hit in hits:
        xlsx_row(sheet, row_for(hit, base_url))
    sheet.freeze_panes = "A2"
    for letter, width in zip(
        "ABCDEFGHIJKLMNO", (8, 50, 80, 12, 20, 28, 18, 24, 22, 24, 14, 40, 40, 30, 36), strict=True
    ):
        sheet.column_dimensions[letter].width = width
    info = workbook.create_sheet("Keterangan")
    xlsx_row(info, [_("Pencarian"), query_description])
    info.append([_("Jumlah hasil"), total])
    info.append([_("Jumlah diekspor"), len(hits)])
    note = _note(total, len(hits))
    if note:
        info.append([_("Catatan"), note])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
