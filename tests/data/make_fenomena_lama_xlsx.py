"""Writes tests/data/fenomena_lama.xlsx: an old recap sheet as offices keep them — a merged
title row, a blank row, merged group headings, real date cells, an Excel serial number, a
HYPERLINK formula for the link and a formula in a text cell (never evaluated by the import).

    .venv/bin/python tests/data/make_fenomena_lama_xlsx.py
"""

import datetime
from pathlib import Path

from openpyxl import Workbook

HEADER = [
    "No",
    "Judul",
    "Narasi Fenomena",
    "Media",
    "Jenis Sumber",
    "Tanggal Berita",
    "Periode",
    "Wilayah",
    "Kabupaten/Kota",
    "Subjek",
    "Tema",
    "Keywords",
    "Tautan",
    "Keterangan Tambahan",
]
ROWS = [
    [
        1,
        "Harga beras medium naik di pasar tradisional",
        "Harga beras medium naik delapan persen karena panen mundur dan distribusi terlambat.",
        "kompas",
        "Portal Berita Online",
        datetime.datetime(2024, 9, 12),
        "September 2024",
        "Provinsi DKI Jakarta",
        None,
        "Statistik Ekonomi",
        "harga harga inflasi",
        "beras; harga pangan",
        '=HYPERLINK("https://www.kompas.com/money/read/2024/09/12/beras-naik","buka")',
        "cek ulang",
    ],
    [None] * 14,
    [
        2,
        "Okupansi hotel di Jakarta Utara meningkat",
        '=CONCATENATE("Okupansi hotel"," naik")',
        "CNN Indonesia",
        "online",
        45560,
        "Sep-24",
        "kabupaten/kota",
        "jakut",
        "Ekonomi",
        "Pariwisata",
        "hotel",
        "https://www.cnnindonesia.com/ekonomi/20240925-okupansi-hotel",
        None,
    ],
]


def build(path: Path) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "Rekap"
    ws.append(["Rekap Fenomena September 2024"])
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(HEADER))
    ws.append([])
    ws.append(["Identitas", None, None, "Sumber", None, None, "Klasifikasi"])
    ws.merge_cells("A3:C3")
    ws.merge_cells("D3:F3")
    ws.merge_cells("G3:N3")
    ws.append(HEADER)
    for row in ROWS:
        ws.append(row)
    ws["F6"].number_format = "dd/mm/yyyy"
    wb.save(path)
    return path


if __name__ == "__main__":
    print(build(Path(__file__).with_name("fenomena_lama.xlsx")))
