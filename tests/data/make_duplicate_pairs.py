"""Generate the labelled duplicate-detection evaluation set ``duplicate_pairs.jsonl``.

Deterministic (seeded): running it twice writes the same file.  Each line is a pair of
phenomenon records with a label (duplicate or not), the kind of pair and the split
("tune" for choosing thresholds, "test" held out).

    /work/main/.venv/bin/python tests/data/make_duplicate_pairs.py

Duplicates: rewordings, another outlet's story on the same release, truncated narratives,
added portal boilerplate, the same release re-typed with small edits, and the same article
under an AMP/mobile/tracking URL variant.  Non-duplicates: mostly hard negatives -- same
indicator another month, another kab/kota, another figure -- and same-topic other events.
"""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

SEED = 20241101
OUT = Path(__file__).with_name("duplicate_pairs.jsonl")

MONTHS = [
    "Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
    "Oktober", "November", "Desember",
]  # fmt: skip
ROMAN = ["I", "II", "III", "IV"]
KABKOTA = {
    "3171": ("Jakarta Selatan", "Pasar Minggu"),
    "3172": ("Jakarta Timur", "Pasar Induk Kramat Jati"),
    "3173": ("Jakarta Pusat", "Pasar Senen"),
    "3174": ("Jakarta Barat", "Pasar Grogol"),
    "3175": ("Jakarta Utara", "Pasar Koja Baru"),
}
PROVINCE = ("31", "DKI Jakarta")
OFFICIALS = ["Nurul Hasanudin", "Budi Santoso", "Dewi Lestari", "Arief Rahman", "Siti Aminah"]
EDITORS = ["Fadli", "Rina Kurnia", "Agus Salim", "Yoga Pratama", "Maria Ulfa", "Hendra"]

# Word-level synonyms used when another outlet or operator rewrites a story.
SYNONYMS = {
    "naik": ["meningkat", "mengalami kenaikan", "melonjak"],
    "turun": ["menurun", "mengalami penurunan", "merosot"],
    "mencatat": ["melaporkan", "mencatatkan", "merilis data"],
    "sebesar": ["mencapai", "yakni", "senilai"],
    "dibandingkan": ["dibanding", "jika dibandingkan dengan", "ketimbang"],
    "disebabkan": ["dipicu", "didorong"],
    "kenaikan": ["peningkatan", "lonjakan"],
    "penurunan": ["pelemahan", "koreksi"],
    "mengatakan": ["menyampaikan", "menjelaskan", "menuturkan"],
    "warga": ["masyarakat", "penduduk"],
    "pedagang": ["para pedagang", "penjual"],
    "cukup": ["relatif", "tergolong"],
}

# --- number formatting -------------------------------------------------------------------


def dec(x: float, digits: int = 2) -> str:
    """Indonesian decimal: 2.5 -> '2,5'."""
    return f"{x:.{digits}f}".replace(".", ",")


def thousands(n: int) -> str:
    """Indonesian thousands separator: 15000 -> '15.000'."""
    return f"{n:,}".replace(",", ".")


# --- themes --------------------------------------------------------------------------------
# Each theme: indicator codes, area levels ("prov" or "kab"), items (sub-indicators),
# fact generator, title templates and narrative slots (each slot: variants of one sentence).


def f_inflasi(r):
    return {"v": dec(r.uniform(1.0, 3.6)), "m": dec(r.uniform(0.05, 0.9)),
            "ihk": dec(r.uniform(104, 110)), "a": dec(r.uniform(0.1, 0.6))}  # fmt: skip


def f_harga(lo, hi, step=500):
    def gen(r):
        return {"p": thousands(r.randrange(lo, hi, step)), "pct": dec(r.uniform(4, 38), 1),
                "p0": thousands(r.randrange(lo // 2, lo, step))}  # fmt: skip

    return gen


def f_count(lo, hi, digits=1):
    def gen(r):
        return {"n": thousands(r.randrange(lo, hi)), "pct": dec(r.uniform(1.5, 30), digits),
                "v": dec(r.uniform(40, 72)), "d": dec(r.uniform(0.5, 8))}  # fmt: skip

    return gen


def f_rate(lo, hi):
    def gen(r):
        return {"v": dec(r.uniform(lo, hi)), "d": dec(r.uniform(0.05, 0.9)),
                "n": thousands(r.randrange(80, 520)), "pct": dec(r.uniform(1, 9), 1)}  # fmt: skip

    return gen


def f_trade(r):
    return {"v": dec(r.uniform(0.6, 1.8)), "pct": dec(r.uniform(1, 25)),
            "s": dec(r.uniform(20, 45))}  # fmt: skip


def f_proj(r):
    return {"n": thousands(r.randrange(40, 950)), "pct": dec(r.uniform(20, 95), 1),
            "u": thousands(r.randrange(200, 1800))}  # fmt: skip


THEMES = [
    dict(
        key="inflasi",
        ind=["IHK", "INFLASI"],
        levels=["prov"],
        items=["umum"],
        facts=f_inflasi,
        titles=[
            "Inflasi {area} {month} {year} Capai {v} Persen",
            "BPS: Inflasi Tahunan {area} pada {month} {year} Sebesar {v} Persen",
            "{area} Alami Inflasi {v} Persen (yoy) di {month} {year}",
            "Harga Naik, Inflasi {area} {month} {year} Tercatat {v} Persen",
        ],
        slots=[
            [
                "Badan Pusat Statistik (BPS) Provinsi {area} mencatat inflasi year on year (yoy) "
                "pada {month} {year} sebesar {v} persen dengan Indeks Harga Konsumen (IHK) {ihk}.",
                "Inflasi tahunan {area} pada {month} {year} tercatat {v} persen, dengan IHK "
                "sebesar {ihk}, menurut data BPS.",
                "BPS melaporkan IHK {area} {month} {year} berada di level {ihk} sehingga inflasi "
                "tahunan mencapai {v} persen.",
            ],
            [
                "Secara bulanan (month to month), {area} mengalami inflasi {m} persen.",
                "Dibandingkan bulan sebelumnya, terjadi inflasi sebesar {m} persen (mtm).",
            ],
            [
                "Kelompok makanan, minuman dan tembakau memberi andil terbesar, yakni {a} persen.",
                "Andil terbesar berasal dari kelompok makanan, minuman dan tembakau sebesar {a} "
                "persen.",
            ],
            [
                "Komoditas penyumbang inflasi antara lain cabai merah, bawang merah, beras "
                "dan emas perhiasan.",
                "Cabai merah, beras, bawang merah serta emas perhiasan menjadi komoditas utama "
                "pendorong inflasi.",
            ],
        ],
    ),
    dict(
        key="cabai",
        ind=["IHK", "HARGA_PANGAN"],
        levels=["kab"],
        items=["cabai rawit merah", "cabai merah keriting", "cabai merah besar"],
        facts=f_harga(45000, 125000, 1000),
        titles=[
            "Harga {item} di {market} Naik Jadi Rp{p} per Kg",
            "{item_t} di {area} Tembus Rp{p} per Kilogram",
            "Pedagang {market} Keluhkan Harga {item} Rp{p}/Kg",
        ],
        slots=[
            [
                "Harga {item} di {market}, {area}, naik menjadi Rp{p} per kilogram pada awal "
                "{month} {year}.",
                "Pada awal {month} {year}, {item} di {market} ({area}) dijual Rp{p} per kg.",
                "Pedagang di {market}, {area}, menjual {item} seharga Rp{p} per kilogram sejak "
                "awal {month} {year}.",
            ],
            [
                "Harga tersebut naik {pct} persen dibandingkan pekan sebelumnya yang masih Rp{p0} "
                "per kilogram.",
                "Sebelumnya harga komoditas ini hanya Rp{p0} per kg, atau naik {pct} persen.",
            ],
            [
                "Pedagang menyebut kenaikan disebabkan pasokan dari sentra produksi berkurang "
                "akibat curah hujan tinggi.",
                "Menurut pedagang, pasokan dari daerah sentra berkurang karena cuaca buruk.",
            ],
            [
                "Kenaikan harga cabai berpotensi menambah andil inflasi bulan {month}.",
                "BPS memperkirakan cabai akan kembali menjadi penyumbang inflasi pada bulan ini.",
            ],
        ],
    ),
    dict(
        key="beras",
        ind=["IHK", "HARGA_PANGAN"],
        levels=["kab", "prov"],
        items=["beras medium", "beras premium"],
        facts=f_harga(11500, 16800, 100),
        titles=[
            "Harga {item} di {area} Naik Jadi Rp{p} per Kg pada {month} {year}",
            "{item_t} Tembus Rp{p}/Kg, Warga {area} Mengeluh",
            "Harga Beras Belum Turun, {item_t} di {market} Rp{p}",
        ],
        slots=[
            [
                "Harga {item} di {market}, {area}, tercatat Rp{p} per kilogram pada {month} "
                "{year}.",
                "Pada {month} {year}, {item} di {market} ({area}) dijual seharga Rp{p} per kg.",
            ],
            [
                "Angka itu naik {pct} persen dibandingkan awal tahun yang masih Rp{p0}.",
                "Dibandingkan awal tahun (Rp{p0} per kg), harga naik {pct} persen.",
            ],
            [
                "Kenaikan disebabkan musim panen yang mundur dan biaya distribusi yang meningkat.",
                "Pedagang menyebut panen yang terlambat serta ongkos angkut yang naik sebagai "
                "pemicu.",
            ],
            [
                "Bulog menyiapkan operasi pasar untuk menstabilkan harga beras.",
                "Pemerintah berencana menggelar operasi pasar beras SPHP di sejumlah pasar.",
            ],
        ],
    ),
    dict(
        key="bawang",
        ind=["IHK", "HARGA_PANGAN"],
        levels=["kab"],
        items=["bawang merah", "bawang putih"],
        facts=f_harga(28000, 62000, 500),
        titles=[
            "Harga {item} di {market} Melonjak ke Rp{p} per Kg",
            "{item_t} di {area} Naik {pct} Persen, Kini Rp{p}",
        ],
        slots=[
            [
                "Harga {item} di {market}, {area}, melonjak menjadi Rp{p} per kilogram pada "
                "{month} {year}.",
                "{item_t} di {market} ({area}) kini dijual Rp{p} per kg sejak {month} {year}.",
            ],
            [
                "Harga tersebut naik {pct} persen dari sebelumnya Rp{p0} per kilogram.",
                "Sebelumnya pedagang masih menjual di kisaran Rp{p0}, naik {pct} persen.",
            ],
            [
                "Pasokan dari Brebes dan Nganjuk berkurang karena gagal panen.",
                "Gagal panen di Brebes membuat pasokan ke Jakarta menipis.",
            ],
        ],
    ),
    dict(
        key="bbm",
        ind=["IHK", "BBM"],
        levels=["prov"],
        items=["Pertamax", "Pertamax Turbo", "Dexlite"],
        facts=f_harga(12000, 15600, 50),
        titles=[
            "Harga {item} Naik Jadi Rp{p} per Liter Mulai {month} {year}",
            "Pertamina Naikkan Harga {item} ke Rp{p}, Berlaku {month} {year}",
            "BBM Nonsubsidi {item} Kini Rp{p} per Liter di {area}",
        ],
        slots=[
            [
                "PT Pertamina (Persero) menaikkan harga {item} di {area} menjadi Rp{p} per liter "
                "mulai 1 {month} {year}.",
                "Mulai 1 {month} {year}, harga {item} di {area} naik menjadi Rp{p} per liter.",
            ],
            [
                "Sebelumnya harga {item} dipatok Rp{p0} per liter.",
                "Harga sebelumnya tercatat Rp{p0} per liter.",
            ],
            [
                "Penyesuaian mengikuti tren harga minyak dunia dan nilai tukar rupiah.",
                "Pertamina menyebut kenaikan mengikuti harga minyak mentah dunia dan kurs rupiah.",
            ],
            [
                "BPS memperkirakan kenaikan harga bensin memberi andil pada inflasi bulan {month}.",
                "Kenaikan harga bensin diperkirakan menambah tekanan inflasi {month}.",
            ],
        ],
    ),
    dict(
        key="wisman",
        ind=["WISMAN", "PARIWISATA"],
        levels=["prov"],
        items=["Bandara Soekarno-Hatta"],
        facts=f_count(140000, 320000),
        titles=[
            "Kunjungan Wisman ke {area} {month} {year} Capai {n} Kunjungan",
            "Wisatawan Mancanegara ke {area} Naik {pct} Persen pada {month} {year}",
            "BPS: {n} Wisman Datang ke {area} Selama {month} {year}",
        ],
        slots=[
            [
                "BPS mencatat jumlah kunjungan wisatawan mancanegara (wisman) ke {area} pada "
                "{month} {year} sebesar {n} kunjungan.",
                "Sebanyak {n} kunjungan wisman tercatat masuk ke {area} selama {month} {year}.",
                "Jumlah wisman yang berkunjung ke {area} pada {month} {year} mencapai {n} "
                "kunjungan, menurut BPS.",
            ],
            [
                "Angka ini naik {pct} persen dibandingkan bulan yang sama tahun sebelumnya.",
                "Secara tahunan, kunjungan wisman naik {pct} persen.",
            ],
            [
                "Sebagian besar wisman masuk melalui {item}.",
                "Pintu masuk utama wisman adalah {item}.",
            ],
            [
                "Wisman asal Malaysia, Tiongkok dan Singapura mendominasi kunjungan.",
                "Malaysia, Tiongkok dan Singapura menjadi negara asal wisman terbanyak.",
            ],
        ],
    ),
    dict(
        key="hotel",
        ind=["TPK", "PARIWISATA"],
        levels=["prov", "kab"],
        items=["hotel bintang", "hotel nonbintang"],
        facts=f_count(100, 999),
        titles=[
            "TPK {item_t} di {area} {month} {year} Capai {v} Persen",
            "Tingkat Hunian {item_t} {area} Naik {d} Poin pada {month} {year}",
            "Okupansi {item_t} di {area} {month} {year} Sebesar {v} Persen",
        ],
        slots=[
            [
                "Tingkat Penghunian Kamar (TPK) {item} di {area} pada {month} {year} mencapai {v} "
                "persen.",
                "BPS mencatat TPK {item} {area} {month} {year} sebesar {v} persen.",
                "Okupansi {item} di {area} pada {month} {year} tercatat {v} persen.",
            ],
            [
                "Angka ini naik {d} poin dibandingkan bulan sebelumnya.",
                "TPK tersebut meningkat {d} poin dari bulan sebelumnya.",
            ],
            [
                "Rata-rata lama menginap tamu tercatat 1,8 hari.",
                "Tamu rata-rata menginap selama 1,8 hari.",
            ],
            [
                "Kenaikan okupansi didorong banyaknya kegiatan MICE dan libur sekolah.",
                "Kegiatan MICE serta libur sekolah mendorong tingkat hunian.",
            ],
        ],
    ),
    dict(
        key="tpt",
        ind=["TPT", "KETENAGAKERJAAN"],
        levels=["prov", "kab"],
        items=["umum"],
        facts=f_rate(4.0, 9.5),
        months=[2, 8],
        titles=[
            "Tingkat Pengangguran Terbuka {area} {month} {year} Sebesar {v} Persen",
            "TPT {area} {month} {year} Turun {d} Poin Menjadi {v} Persen",
            "BPS: {n} Ribu Penduduk {area} Menganggur per {month} {year}",
        ],
        slots=[
            [
                "Tingkat Pengangguran Terbuka (TPT) {area} pada {month} {year} sebesar {v} persen.",
                "BPS mencatat TPT {area} kondisi {month} {year} berada di angka {v} persen.",
            ],
            [
                "Angka tersebut turun {d} poin persen dibandingkan periode yang sama tahun lalu.",
                "Dibandingkan tahun sebelumnya, TPT turun {d} poin persen.",
            ],
            [
                "Jumlah penganggur tercatat sekitar {n} ribu orang.",
                "Sebanyak {n} ribu orang berstatus pengangguran.",
            ],
            [
                "Penyerapan tenaga kerja terbesar berada di sektor perdagangan dan jasa.",
                "Sektor perdagangan serta jasa paling banyak menyerap tenaga kerja.",
            ],
        ],
    ),
    dict(
        key="phk",
        ind=["PHK", "KETENAGAKERJAAN"],
        levels=["kab"],
        items=["tekstil", "garmen", "ritel", "startup teknologi"],
        facts=f_count(120, 3200),
        titles=[
            "{n} Pekerja {item_t} di {area} Terkena PHK pada {month} {year}",
            "Gelombang PHK: {n} Buruh {item} {area} Dirumahkan",
            "Disnaker Catat {n} Pekerja di {area} Kena PHK Sepanjang {month} {year}",
        ],
        slots=[
            [
                "Sebanyak {n} pekerja sektor {item} di {area} terkena pemutusan hubungan kerja "
                "(PHK) pada {month} {year}.",
                "Dinas Tenaga Kerja mencatat {n} pekerja {item} di {area} kena PHK selama {month} "
                "{year}.",
            ],
            [
                "Jumlah ini naik {pct} persen dibandingkan bulan sebelumnya.",
                "Angka PHK meningkat {pct} persen dari bulan sebelumnya.",
            ],
            [
                "Perusahaan beralasan permintaan turun dan biaya produksi meningkat.",
                "Turunnya permintaan dan naiknya biaya produksi menjadi alasan perusahaan.",
            ],
            [
                "Pemerintah kota menyiapkan pelatihan kerja bagi korban PHK.",
                "Pelatihan kerja disiapkan bagi pekerja yang terdampak.",
            ],
        ],
    ),
    dict(
        key="miskin",
        ind=["KEMISKINAN"],
        levels=["prov", "kab"],
        items=["umum"],
        facts=f_rate(3.2, 5.2),
        months=[3, 9],
        titles=[
            "Persentase Penduduk Miskin {area} {month} {year} Sebesar {v} Persen",
            "Kemiskinan {area} Turun Jadi {v} Persen per {month} {year}",
            "BPS: {n} Ribu Warga {area} Masih Miskin pada {month} {year}",
        ],
        slots=[
            [
                "Persentase penduduk miskin {area} pada {month} {year} sebesar {v} persen.",
                "BPS mencatat tingkat kemiskinan {area} kondisi {month} {year} berada di {v} "
                "persen.",
            ],
            [
                "Jumlah penduduk miskin mencapai {n} ribu orang.",
                "Sebanyak {n} ribu orang tergolong miskin.",
            ],
            [
                "Angka ini turun {d} poin persen dibandingkan periode sebelumnya.",
                "Dibandingkan periode sebelumnya, persentase turun {d} poin.",
            ],
            [
                "Garis kemiskinan naik seiring kenaikan harga pangan.",
                "Kenaikan harga pangan mendorong naiknya garis kemiskinan.",
            ],
        ],
    ),
    dict(
        key="ekspor",
        ind=["EKSPOR"],
        levels=["prov"],
        items=["nonmigas"],
        facts=f_trade,
        titles=[
            "Ekspor {area} {month} {year} Capai US${v} Miliar",
            "Nilai Ekspor {area} Naik {pct} Persen pada {month} {year}",
            "BPS: Ekspor {item_t} {area} {month} {year} US${v} Miliar",
        ],
        slots=[
            [
                "Nilai ekspor {area} pada {month} {year} mencapai US${v} miliar.",
                "BPS mencatat ekspor {area} {month} {year} sebesar US${v} miliar.",
            ],
            [
                "Angka ini naik {pct} persen dibandingkan bulan sebelumnya.",
                "Secara bulanan, ekspor naik {pct} persen.",
            ],
            [
                "Ekspor {item} mendominasi dengan pangsa {s} persen dari kendaraan dan bagiannya.",
                "Kendaraan dan bagiannya menyumbang {s} persen ekspor {item}.",
            ],
            [
                "Jepang dan Amerika Serikat menjadi negara tujuan utama.",
                "Negara tujuan ekspor terbesar adalah Jepang dan Amerika Serikat.",
            ],
        ],
    ),
    dict(
        key="impor",
        ind=["IMPOR"],
        levels=["prov"],
        items=["nonmigas"],
        facts=f_trade,
        titles=[
            "Impor {area} {month} {year} Turun Jadi US${v} Miliar",
            "Nilai Impor {area} {month} {year} Sebesar US${v} Miliar",
        ],
        slots=[
            [
                "Nilai impor {area} pada {month} {year} tercatat US${v} miliar.",
                "BPS mencatat impor {area} {month} {year} sebesar US${v} miliar.",
            ],
            [
                "Angka ini turun {pct} persen dibandingkan bulan sebelumnya.",
                "Secara bulanan, impor turun {pct} persen.",
            ],
            [
                "Impor bahan baku penolong mendominasi dengan pangsa {s} persen.",
                "Bahan baku penolong menyumbang {s} persen impor.",
            ],
            [
                "Tiongkok masih menjadi negara asal impor terbesar.",
                "Negara asal impor terbesar tetap Tiongkok.",
            ],
        ],
    ),
    dict(
        key="pdrb",
        ind=["PDRB", "PERTUMBUHAN_EKONOMI"],
        levels=["prov"],
        items=["umum"],
        facts=f_rate(4.2, 5.6),
        months=[2, 5, 8, 11],
        titles=[
            "Ekonomi {area} Triwulan {q} {year} Tumbuh {v} Persen",
            "BPS: Pertumbuhan Ekonomi {area} Kuartal {q} {year} Capai {v} Persen",
            "PDRB {area} Triwulan {q} {year} Tumbuh {v} Persen (yoy)",
        ],
        slots=[
            [
                "Ekonomi {area} pada triwulan {q} {year} tumbuh {v} persen secara tahunan (yoy).",
                "BPS mencatat pertumbuhan ekonomi {area} kuartal {q} {year} sebesar {v} persen "
                "(yoy).",
            ],
            [
                "Secara kuartalan, ekonomi tumbuh {d} persen.",
                "Dibandingkan triwulan sebelumnya, ekonomi tumbuh {d} persen (q-to-q).",
            ],
            [
                "Lapangan usaha perdagangan serta informasi dan komunikasi menjadi sumber "
                "pertumbuhan tertinggi.",
                "Sumber pertumbuhan tertinggi berasal dari perdagangan serta informasi dan "
                "komunikasi.",
            ],
            [
                "Konsumsi rumah tangga tumbuh {pct} persen.",
                "Dari sisi pengeluaran, konsumsi rumah tangga tumbuh {pct} persen.",
            ],
        ],
    ),
    dict(
        key="padi",
        ind=["PRODUKSI_PADI"],
        levels=["kab"],
        items=["padi"],
        facts=f_count(600, 6200),
        titles=[
            "Panen Padi di {area} {month} {year} Hasilkan {n} Ton GKG",
            "Produksi Padi {area} Naik {pct} Persen pada Panen {month} {year}",
        ],
        slots=[
            [
                "Petani di {area} memanen padi pada {month} {year} dengan produksi {n} ton gabah "
                "kering giling (GKG).",
                "Produksi padi {area} pada panen {month} {year} mencapai {n} ton GKG.",
            ],
            [
                "Produksi naik {pct} persen dibandingkan musim panen sebelumnya.",
                "Dibandingkan musim sebelumnya, produksi naik {pct} persen.",
            ],
            [
                "Luas panen tercatat sekitar {d} ratus hektare di wilayah pinggiran kota.",
                "Lahan sawah yang dipanen sekitar {d} ratus hektare.",
            ],
            [
                "Dinas KPKP menyalurkan benih unggul dan pupuk kepada kelompok tani.",
                "Kelompok tani mendapat bantuan benih dan pupuk dari Dinas KPKP.",
            ],
        ],
    ),
    dict(
        key="transport",
        ind=["TRANSPORTASI"],
        levels=["prov"],
        items=["KRL Commuter Line", "TransJakarta", "MRT Jakarta", "LRT Jakarta"],
        facts=f_count(2, 40),
        titles=[
            "Penumpang {item} {month} {year} Capai {n} Juta Orang",
            "Jumlah Penumpang {item} Naik {pct} Persen pada {month} {year}",
            "BPS: {n} Juta Orang Naik {item} Selama {month} {year}",
        ],
        slots=[
            [
                "Jumlah penumpang {item} di {area} pada {month} {year} mencapai {n} juta orang.",
                "Sebanyak {n} juta penumpang menggunakan {item} selama {month} {year}.",
            ],
            [
                "Angka ini naik {pct} persen dibandingkan bulan sebelumnya.",
                "Penumpang meningkat {pct} persen dari bulan sebelumnya.",
            ],
            [
                "Kenaikan didorong libur panjang dan kegiatan di pusat kota.",
                "Libur panjang serta kegiatan di pusat kota mendorong kenaikan penumpang.",
            ],
            [
                "Operator menambah jadwal perjalanan pada jam sibuk.",
                "Jadwal perjalanan pada jam sibuk ditambah oleh operator.",
            ],
        ],
    ),
    dict(
        key="bank",
        ind=["PERBANKAN"],
        levels=["prov"],
        items=["kredit", "dana pihak ketiga (DPK)"],
        facts=f_rate(4.5, 13),
        titles=[
            "Penyaluran {item_t} Perbankan di {area} Tumbuh {v} Persen per {month} {year}",
            "OJK: {item_t} Bank di {area} {month} {year} Naik {v} Persen",
        ],
        slots=[
            [
                "Penyaluran {item} perbankan di {area} per {month} {year} tumbuh {v} persen "
                "secara tahunan.",
                "OJK mencatat {item} perbankan di {area} tumbuh {v} persen (yoy) pada {month} "
                "{year}.",
            ],
            ["Nilainya mencapai Rp{n} triliun.", "Total nilainya sebesar Rp{n} triliun."],
            [
                "Rasio kredit bermasalah (NPL) terjaga di level {d} persen.",
                "NPL tercatat {d} persen, masih di bawah batas aman.",
            ],
        ],
    ),
    dict(
        key="konstruksi",
        ind=["KONSTRUKSI"],
        levels=["kab"],
        items=["rumah susun", "jalan layang", "saluran air"],
        facts=f_proj,
        titles=[
            "Pembangunan {item_t} di {area} Capai {pct} Persen",
            "Proyek {item_t} Senilai Rp{n} Miliar di {area} Ditargetkan Rampung {year}",
        ],
        slots=[
            [
                "Progres pembangunan {item} di {area} mencapai {pct} persen per {month} {year}.",
                "Hingga {month} {year}, pembangunan {item} di {area} sudah {pct} persen.",
            ],
            [
                "Proyek senilai Rp{n} miliar itu melibatkan {u} pekerja.",
                "Nilai proyek mencapai Rp{n} miliar dan menyerap {u} tenaga kerja.",
            ],
            [
                "Pemerintah provinsi menargetkan proyek selesai akhir tahun {year}.",
                "Proyek ditargetkan rampung pada akhir {year}.",
            ],
        ],
    ),
]
THEME_BY_KEY = {t["key"]: t for t in THEMES}
TOPICS = {
    "inflasi": "harga", "cabai": "harga cabai", "beras": "harga beras", "bawang": "harga bawang",
    "bbm": "harga BBM", "wisman": "pariwisata", "hotel": "okupansi hotel", "tpt": "pasar kerja",
    "phk": "ketenagakerjaan", "miskin": "kemiskinan", "ekspor": "ekspor", "impor": "impor",
    "pdrb": "perekonomian", "padi": "produksi pangan", "transport": "angkutan umum",
    "bank": "perbankan", "konstruksi": "proyek",
}  # fmt: skip

# --- outlets, URLs and boilerplate ---------------------------------------------------------


def slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:80]


def url_for(outlet: str, ev: dict, slug: str, r: random.Random) -> str:
    y, m, d = ev["year"], ev["month"], r.randint(1, 28)
    n7, hh = r.randint(1000000, 9999999), f"{r.randint(6, 22):02d}{r.randint(0, 59):02d}00"
    return {
        "detik": f"https://finance.detik.com/berita-ekonomi-bisnis/d-{n7}/{slug}",
        "kompas": f"https://money.kompas.com/read/{y}/{m:02d}/{d:02d}/{hh}126/{slug}",
        "cnn": f"https://www.cnnindonesia.com/ekonomi/{y}{m:02d}{d:02d}{hh}-92-{n7}/{slug}",
        "tempo": f"https://www.tempo.co/ekonomi/{slug}-{n7}",
        "antara": f"https://www.antaranews.com/berita/{n7}/{slug}",
        "bisnis": f"https://ekonomi.bisnis.com/read/{y}{m:02d}{d:02d}/9/{n7}/{slug}",
        "cnbc": f"https://www.cnbcindonesia.com/news/{y}{m:02d}{d:02d}{hh}-4-{n7 // 10}/{slug}",
        "beritajakarta": f"https://www.beritajakarta.id/id/berita/{slug}-{n7 % 100000}",
        "bps": f"https://jakarta.bps.go.id/id/pressrelease/{y}/{m:02d}/01/{n7 % 2000}/{slug}.html",
    }[outlet]


OUTLETS = ["detik", "kompas", "cnn", "tempo", "antara", "bisnis", "cnbc", "beritajakarta", "bps"]
DATELINES = {
    "detik": "Jakarta - ",
    "kompas": "KOMPAS.com - ",
    "cnn": "Jakarta, CNN Indonesia -- ",
    "tempo": "TEMPO.CO, Jakarta - ",
    "antara": "Jakarta (ANTARA) - ",
    "bisnis": "Bisnis.com, JAKARTA - ",
    "cnbc": "Jakarta, CNBC Indonesia - ",
    "beritajakarta": "",
    "bps": "",
}


def url_variant(url: str, r: random.Random) -> str:
    """Another address of the same article (AMP, mobile, tracking, paging)."""
    variants = [
        lambda u: u.replace("https://www.", "https://m.").replace("https://finance.", "https://m."),
        lambda u: u + ("/amp" if "antaranews" not in u else ""),
        lambda u: u.replace("https://", "http://") + "?utm_source=whatsapp&utm_medium=share",
        lambda u: u + "?page=all#page2",
        lambda u: u + "/?fbclid=IwAR3x" + str(r.randint(1000, 9999)),
        lambda u: u.replace("https://www.", "https://amp.") + "?amp=1",
        lambda u: u + "?single=1&tag_from=wp_nhl_" + str(r.randint(1, 30)),
        lambda u: u + "?outputType=amp&ref=twitter",
        lambda u: u.replace("https://www.", "https://").upper().replace("HTTPS://", "https://"),
    ]
    out = r.choice(variants)(url)
    if out == url:
        out = url + "?utm_campaign=newsletter"
    return out


# --- rendering -----------------------------------------------------------------------------


def make_event(theme: dict, r: random.Random, **over) -> dict:
    """A fact bundle: theme, item, area, period and figures."""
    level = r.choice(theme["levels"])
    code = r.choice(sorted(KABKOTA)) if level == "kab" else PROVINCE[0]
    months = theme.get("months") or list(range(1, 13))
    ev = {
        "theme": theme["key"], "item": r.choice(theme["items"]), "area_code": code,
        "year": r.choice([2022, 2023, 2024, 2025]), "month": r.choice(months),
        "facts": theme["facts"](r), "official": r.choice(OFFICIALS),
    }  # fmt: skip
    ev.update(over)
    return ev


def fields(ev: dict) -> dict:
    theme = THEME_BY_KEY[ev["theme"]]
    name, market = KABKOTA.get(ev["area_code"], (PROVINCE[1], "Pasar Induk Kramat Jati"))
    values = dict(ev["facts"])
    values.update(
        area=name, market=market, month=MONTHS[ev["month"] - 1], year=ev["year"],
        item=ev["item"], item_t=ev["item"][0].upper() + ev["item"][1:],
        q=ROMAN[(ev["month"] - 1) // 3], official=ev["official"], ind=theme["ind"][0],
    )  # fmt: skip
    return values


def synonymise(text: str, r: random.Random, rate: float) -> str:
    def swap(m):
        word = m.group(0)
        if word in SYNONYMS and r.random() < rate:
            return r.choice(SYNONYMS[word])
        return word

    return re.sub(r"\b[a-z]+\b", swap, text)


def render(ev: dict, r: random.Random, style: dict | None = None) -> tuple[str, str, dict]:
    """Title and narrative for ``ev``; ``style`` fixes template choices (random if None)."""
    theme = THEME_BY_KEY[ev["theme"]]
    if style is None:
        order = list(range(len(theme["slots"])))
        if r.random() < 0.5:
            mid = order[1:]
            r.shuffle(mid)
            order = order[:1] + mid
        drop = r.choice([None, None, order[-1]])
        style = {
            "title": r.randrange(len(theme["titles"])),
            "variants": [r.randrange(len(s)) for s in theme["slots"]],
            "order": [i for i in order if i != drop],
            "quote": r.random() < 0.5,
            "syn": r.choice([0.0, 0.3, 0.6]),
        }
    values = fields(ev)
    title = theme["titles"][style["title"]].format(**values)
    sentences = [theme["slots"][i][style["variants"][i]].format(**values) for i in style["order"]]
    sentences = [s[0].upper() + s[1:] for s in sentences]
    if style["quote"]:
        sentences.append(
            f'"Kami akan terus memantau perkembangan {TOPICS[theme["key"]]} ke depan," '
            f"kata {values['official']}."
        )
    narrative = synonymise(" ".join(sentences), random.Random(str(style)), style["syn"])
    return title, narrative, style


def restyle(style: dict, r: random.Random, theme: dict) -> dict:
    """A different writer's choices: other title, other sentence variants, other order."""
    new = dict(style)
    new["title"] = r.randrange(len(theme["titles"]))
    if len(theme["titles"]) > 1:
        while new["title"] == style["title"]:
            new["title"] = r.randrange(len(theme["titles"]))
    pairs = zip(style["variants"], theme["slots"], strict=True)
    new["variants"] = [(v + r.randint(1, 2)) % len(s) for v, s in pairs]
    order = list(range(len(theme["slots"])))
    mid = order[1:]
    r.shuffle(mid)
    new["order"] = order[:1] + mid
    if r.random() < 0.4:
        new["order"] = new["order"][:-1]
    new["quote"] = not style["quote"]
    new["syn"] = r.choice([0.3, 0.6])
    return new


def record(ev, title, narrative, urls, r, structured: bool) -> dict:
    rec = {"title": title, "narrative": narrative, "urls": urls}
    if structured:
        indicators = THEME_BY_KEY[ev["theme"]]["ind"]
        rec.update(
            reference_year=ev["year"],
            reference_month=ev["month"],
            area_code=ev["area_code"],
            indicators=indicators,
        )
    else:
        rec.update(reference_year=None, reference_month=None, area_code=None, indicators=[])
    return rec


def add_boilerplate(narr: str, outlet: str, r: random.Random, other_title: str) -> str:
    parts = re.split(r"(?<=\.) ", narr)
    cut = r.randint(1, max(1, len(parts) - 1))
    extra = [f"\n\nBaca juga: {other_title}\n\n"]
    if r.random() < 0.6:
        extra.append("\nADVERTISEMENT\n\nSCROLL TO CONTINUE WITH CONTENT\n")
    body = " ".join(parts[:cut]) + r.choice(extra) + " ".join(parts[cut:])
    tail = r.choice([
        f"\n\nEditor: {r.choice(EDITORS)}",
        f"\n\nPewarta: {r.choice(EDITORS)}\nEditor: {r.choice(EDITORS)}\nCopyright © ANTARA 2024",
        "\n\nSimak berita lainnya di Google News.",
        f" ({r.choice(['fdl', 'hns', 'ara'])}/{r.choice(['fdl', 'eds', 'hns'])})",
        "\n\nDapatkan update berita pilihan dan breaking news setiap hari dari Kompas.com.",
    ])  # fmt: skip
    return DATELINES[outlet] + body + tail


def truncate(narr: str, r: random.Random) -> str:
    words = narr.split()
    keep = max(12, int(len(words) * r.uniform(0.35, 0.7)))
    return " ".join(words[:keep]) + r.choice(["...", " …", " [...]", ""])


def retype(text: str, r: random.Random) -> str:
    """Small edits of a human re-typing a release: typos, % sign, spacing, casing."""
    words = text.split(" ")
    for _ in range(r.randint(1, 3)):
        i = r.randrange(len(words))
        w = words[i]
        if len(w) > 4 and w.isalpha():
            j = r.randrange(1, len(w) - 2)
            words[i] = w[:j] + w[j + 1] + w[j] + w[j + 2 :]
    out = " ".join(words)
    if r.random() < 0.5:
        out = out.replace(" persen", "%")
    if r.random() < 0.3:
        out = out.replace("Rp", "Rp ")
    if r.random() < 0.3:
        out = out.replace(". ", ".  ")
    return out


# --- pairs ---------------------------------------------------------------------------------


def shift_month(ev: dict, r: random.Random) -> dict:
    theme = THEME_BY_KEY[ev["theme"]]
    months = theme.get("months") or list(range(1, 13))
    choices = [m for m in months if m != ev["month"]]
    month = r.choice(choices)
    year = ev["year"] if r.random() < 0.8 else ev["year"] + 1
    return make_event(theme, r, item=ev["item"], area_code=ev["area_code"], month=month,
                      year=year)  # fmt: skip


def pair(kind: str, r: random.Random) -> tuple[dict, dict, bool]:
    theme = r.choice(THEMES)
    ev = make_event(theme, r)
    oa, ob = r.sample(OUTLETS, 2)
    ta, na, style = render(ev, r)
    url_a = url_for(oa, ev, slugify(ta), r)
    struct_a, struct_b = r.random() < 0.6, r.random() < 0.4
    other_title = render(make_event(r.choice(THEMES), r), r)[0]
    label = kind in {"reword", "other_outlet", "truncation", "boilerplate", "retyped",
                     "url_variant"}  # fmt: skip
    ev_b = ev
    if kind == "reword":
        tb, nb, _ = render(ev, r, restyle(style, r, theme))
        url_b = url_for(oa, ev, slugify(tb), r)
    elif kind == "other_outlet":
        tb, nb, _ = render(ev, r, restyle(style, r, theme))
        if r.random() < 0.5:
            nb = add_boilerplate(nb, ob, r, other_title)
        url_b = url_for(ob, ev, slugify(tb), r)
    elif kind == "truncation":
        tb, nb = (ta if r.random() < 0.6 else ta + " - " + ob.title()), truncate(na, r)
        url_b = url_for(ob, ev, slugify(tb), r)
    elif kind == "boilerplate":
        tb, nb = ta, add_boilerplate(na, oa, r, other_title)
        url_b = url_for(ob, ev, slugify(tb), r) if r.random() < 0.5 else url_a + "/"
        if url_b == url_a + "/":
            url_b = url_for(ob, ev, slugify(tb), r)
    elif kind == "retyped":
        tb, nb = retype(ta, r), retype(na, r)
        url_b = url_for(ob, ev, slugify(tb), r)
    elif kind == "url_variant":
        tb = ta
        nb = r.choice(["", truncate(na, r), add_boilerplate(na, oa, r, other_title)])
        url_b = url_variant(url_a, r)
    else:
        ev_b = other_event(kind, ev, theme, r)
        same_style = r.random() < 0.6
        tb, nb, _ = render(ev_b, r, style if same_style else restyle(style, r, theme))
        url_b = url_for(ob if r.random() < 0.5 else oa, ev_b, slugify(tb), r)
    a = record(ev, ta, na, [url_a], r, struct_a)
    b = record(ev_b, tb, nb, [url_b], r, struct_b)
    return a, b, label


def other_event(kind: str, ev: dict, theme: dict, r: random.Random) -> dict:
    """A different phenomenon that looks like ``ev`` (hard negative) or shares its topic."""
    if kind == "other_month":
        return shift_month(ev, r)
    if kind == "other_area":
        if ev["area_code"] in KABKOTA:
            code = r.choice([c for c in KABKOTA if c != ev["area_code"]])
        else:
            code = r.choice(sorted(KABKOTA))
        other = make_event(theme, r, item=ev["item"], month=ev["month"], year=ev["year"],
                           area_code=code)  # fmt: skip
        if r.random() < 0.3:  # same headline figure by coincidence
            other["facts"] = dict(ev["facts"])
        return other
    if kind == "other_figure":
        items = [i for i in theme["items"] if i != ev["item"]]
        if items and r.random() < 0.6:
            return make_event(theme, r, item=r.choice(items), month=ev["month"],
                              year=ev["year"], area_code=ev["area_code"])  # fmt: skip
        return make_event(theme, r, item=ev["item"], month=ev["month"], year=ev["year"] - 1,
                          area_code=ev["area_code"])  # fmt: skip
    return make_event(theme, r)  # same_topic: another event of the same theme


PLAN = {
    "reword": 40, "other_outlet": 40, "truncation": 32, "boilerplate": 32, "retyped": 30,
    "url_variant": 24, "other_month": 48, "other_area": 44, "other_figure": 40, "same_topic": 60,
}  # fmt: skip


def main() -> None:
    r = random.Random(SEED)
    rows = []
    for kind, count in PLAN.items():
        for _ in range(count):
            a, b, label = pair(kind, r)
            if r.random() < 0.5:
                a, b = b, a
            rows.append({"a": a, "b": b, "label": label, "kind": kind})
    r.shuffle(rows)
    with OUT.open("w", encoding="utf-8") as fh:
        for i, row in enumerate(rows, 1):
            row = {"id": f"p{i:04d}", **row, "split": "tune" if r.random() < 0.6 else "test"}
            row["a"]["id"], row["b"]["id"] = f"p{i:04d}a", f"p{i:04d}b"
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"wrote {len(rows)} pairs to {OUT}")


if __name__ == "__main__":
    main()
