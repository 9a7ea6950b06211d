"""A large generated sheet (10,000 rows by default) in the old recap layout, made at test or
benchmark time rather than committed. Texts are random word sequences (seeded), so rows are
not near-duplicates of each other; every row has its own Kompas.com link.

    .venv/bin/python tests/data/make_big_sheet.py /tmp/besar.csv 10000
"""

import csv
import random
import sys
from pathlib import Path

WORDS = (
    "harga beras cabai bawang telur daging ayam minyak gula tepung pasar pedagang pembeli "
    "pasokan distribusi panen hujan banjir kemarau petani nelayan pelabuhan kapal truk kereta "
    "penumpang tarif bus halte stasiun bandara wisatawan hotel restoran kuliner festival konser "
    "pameran pabrik pekerja buruh upah kontrak pelatihan sekolah guru murid kampus beasiswa "
    "rumah sakit puskesmas pasien dokter obat vaksin listrik gas bensin solar kendaraan jalan "
    "proyek gedung apartemen kredit bank bunga tabungan investasi saham ekspor impor kontainer "
    "bansos subsidi kemiskinan pengangguran lowongan usaha warung toko daring ojek logistik "
    "gudang sampah air udara polusi taman kebersihan keamanan kriminal lalu lintas parkir"
).split()
THEMES = ["Inflasi", "Pariwisata", "Transportasi", "Statistik Makroekonomi"]
HEADER = ["No", "Judul", "Uraian", "Sumber", "Tanggal", "Cakupan", "Subjek", "Tema", "Link"]


def make_sheet(path, rows=10_000, seed=17) -> Path:
    rng = random.Random(seed)
    path = Path(path)
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["Rekap fenomena (dibuat otomatis)"])
        writer.writerow([])
        writer.writerow(HEADER)
        for n in range(1, rows + 1):
            title = " ".join(rng.sample(WORDS, 7)).capitalize()
            narrative = " ".join(rng.choices(WORDS, k=40)).capitalize() + "."
            month = 1 + n % 12
            year = 2022 + (n // 12) % 3
            day = 1 + n % 28
            writer.writerow(
                [
                    n,
                    f"{title} {n}",
                    narrative,
                    "Kompas.com",
                    f"{day:02d}/{month:02d}/{year}",
                    "DKI Jakarta",
                    "Statistik Ekonomi",
                    THEMES[n % len(THEMES)],
                    f"https://www.kompas.com/read/{year}/{month:02d}/{day:02d}/berita-{n}",
                ]
            )
    return path


if __name__ == "__main__":
    print(make_sheet(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 10_000))
