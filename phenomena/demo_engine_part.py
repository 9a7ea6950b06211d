"""Deterministic generator of realistic demo phenomena (fenomena) for SIMFONI.

Pure Python, no Django imports. Entry point: :func:`generate`.

Every item explains why an official indicator moved in a given reference month, with
sources whose dates lie between the start of that month and ``today`` (at most ~45 days
later). About a quarter of the items are entered by kab/kota operators: those carry only
``fgd`` / ``stakeholder`` sources, scope ``kabkota`` and place names of that kab/kota.
"""

from __future__ import annotations

import datetime
import random
import re
import string
import unicodedata

__all__ = [
    "ARC_INDICATORS",
    "KABKOTA",
    "MONTHS_ID",
    "PORTAL_OUTLETS",
    "PRESS_DOMAINS",
    "PRINT_OUTLET",
    "SCOPES",
    "SOURCE_TYPES",
    "SUBJECTS",
    "THEME_SUBJECT",
    "generate",
]

# --------------------------------------------------------------------------------------
# Reference vocabularies
# --------------------------------------------------------------------------------------

MONTHS_ID = [
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
]

SUBJECTS: dict[str, tuple[str, list[str]]] = {
    "sosial": (
        "Statistik Demografi dan Sosial",
        [
            "Kependudukan dan Migrasi",
            "Tenaga Kerja",
            "Pendidikan",
            "Kesehatan",
            "Konsumsi dan Pendapatan",
            "Perlindungan Sosial",
            "Pemukiman dan Perumahan",
            "Hukum dan Kriminal",
            "Budaya",
            "Aktivitas Politik dan Komunitas Lainnya",
        ],
    ),
    "ekonomi": (
        "Statistik Ekonomi",
        [
            "Statistik Makroekonomi",
            "Pertanian",
            "Kehutanan",
            "Perikanan",
            "Energi (Listrik dan Gas)",
            "Pertambangan",
            "Manufaktur",
            "Konstruksi",
            "Industri Pengolahan",
            "Perbankan, Asuransi dan Finansial",
            "Pengeluaran Pemerintah (APBN/APBD)",
            "PMTB dan Investasi",
            "Lembaga Non-Profit",
            "Harga-harga (Inflasi)",
            "Transportasi",
            "Pariwisata",
            "Ekspor-Impor",
        ],
    ),
    "lingkungan": (
        "Statistik Lingkungan Hidup dan Multi-Domain",
        [
            "Lingkungan",
            "Gender",
            "Pembangunan Manusia",
            "Globalisasi",
            "MDGs",
            "Perkembangan Berkelanjutan",
            "Kewiraswastaan",
            "Lainnya",
        ],
    ),
}

THEME_SUBJECT: dict[str, str] = {
    theme: code for code, (_label, themes) in SUBJECTS.items() for theme in themes
}

ARC_INDICATORS = [
    "Perkembangan IHK (Inflasi)",
    "Perkembangan Pariwisata",
    "Profil Kemiskinan",
    "Perkembangan Ekspor Impor",
    "Pertumbuhan Ekonomi",
    "Indeks Pembangunan Manusia (IPM)",
    "Keadaan Ketenagakerjaan",
    "Luas Panen dan Produksi Padi",
]

SCOPES = ["global", "nasional", "dki", "bodetabek", "jawa", "luar_jawa", "kabkota"]

SOURCE_TYPES = {
    "surat_kabar": "Surat Kabar",
    "portal_berita": "Portal Berita Online",
    "siaran_pers": "Siaran Pers",
    "fgd": "Focus Group Discussion",
    "tv_video": "Siaran Berita Televisi atau Video YouTube",
    "stakeholder": "Informasi Langsung dari Stakeholder",
    "pelatihan": "Pelatihan/Diklat/Webinar",
    "web_scraping": "Web Scraping",
    "lainnya": "Lainnya",
}

PORTAL_OUTLETS: dict[str, str] = {
    "Republika": "republika.co.id",
    "Media Indonesia": "mediaindonesia.com",
    "Kompas.com": "kompas.com",
    "CNN Indonesia": "cnnindonesia.com",
    "Sindonews": "sindonews.com",
    "Rakyat Merdeka": "rm.id",
    "Tempo.co": "tempo.co",
    "The Jakarta Post": "thejakartapost.com",
    "Kontan": "kontan.co.id",
    "Suara.com": "suara.com",
    "Tribunnews": "tribunnews.com",
    "Kompas.id": "kompas.id",
    "Detik.com": "detik.com",
    "CNBC Indonesia": "cnbcindonesia.com",
    "Bisnis Indonesia": "bisnis.com",
}
# Relative popularity of portals in the collection.
_PORTAL_WEIGHTS = {
    "Kompas.com": 14,
    "Detik.com": 13,
    "CNN Indonesia": 10,
    "CNBC Indonesia": 9,
    "Tribunnews": 8,
    "Republika": 7,
    "Tempo.co": 6,
    "Bisnis Indonesia": 7,
    "Kontan": 6,
    "Suara.com": 6,
    "Sindonews": 5,
    "Media Indonesia": 5,
    "Kompas.id": 4,
    "Rakyat Merdeka": 3,
    "The Jakarta Post": 3,
}

PRINT_OUTLET = "Koran Kompas (cetak)"

PRESS_DOMAINS = [
    "bps.go.id",
    "jakarta.bps.go.id",
    "jakarta.go.id",
    "bi.go.id",
    "kemnaker.go.id",
    "kemenparekraf.go.id",
]

# Source-type mix of provincial entries (kab/kota operators only use fgd/stakeholder).
_PROV_SOURCE_WEIGHTS = {
    "portal_berita": 55,
    "siaran_pers": 15,
    "surat_kabar": 12,
    "tv_video": 9,
    "pelatihan": 5,
    "lainnya": 4,
}
_KAB_SOURCE_WEIGHTS = {"fgd": 55, "stakeholder": 45}
KAB_SHARE = 0.25

# --------------------------------------------------------------------------------------
# Kab/kota of DKI Jakarta with real place names, by kind of place
# --------------------------------------------------------------------------------------

KABKOTA: dict[str, dict] = {
    "3101": {
        "name": "Kepulauan Seribu",
        "bps": "BPS Kabupaten Kepulauan Seribu",
        "pasar": ["dermaga Pulau Pramuka", "Pulau Kelapa", "Pulau Tidung", "Pulau Panggang"],
        "kecamatan": [
            "Kecamatan Kepulauan Seribu Utara",
            "Kecamatan Kepulauan Seribu Selatan",
            "Pulau Harapan",
            "Pulau Untung Jawa",
        ],
        "wisata": [
            "Pulau Tidung",
            "Pulau Pramuka",
            "Pulau Untung Jawa",
            "Pulau Pari",
            "Pulau Harapan",
        ],
        "kawasan": ["Pulau Pramuka", "Pulau Panggang", "Pulau Kelapa", "Pulau Untung Jawa"],
    },
    "3171": {
        "name": "Jakarta Selatan",
        "bps": "BPS Kota Jakarta Selatan",
        "pasar": [
            "Pasar Minggu",
            "Pasar Mayestik",
            "Pasar Santa",
            "Pasar Kebayoran Lama",
            "Pasar Tebet Barat",
        ],
        "kecamatan": [
            "Kecamatan Kebayoran Baru",
            "Kecamatan Kebayoran Lama",
            "Kecamatan Pasar Minggu",
            "Kecamatan Tebet",
            "Kecamatan Cilandak",
            "Kecamatan Jagakarsa",
            "Kecamatan Mampang Prapatan",
            "Kecamatan Pesanggrahan",
        ],
        "wisata": [
            "kawasan Blok M",
            "Perkampungan Budaya Betawi Setu Babakan",
            "Taman Margasatwa Ragunan",
            "kawasan SCBD",
        ],
        "kawasan": [
            "kawasan SCBD",
            "kawasan Kuningan",
            "koridor TB Simatupang",
            "kawasan Blok M",
            "kawasan Mampang",
        ],
    },
    "3172": {
        "name": "Jakarta Timur",
        "bps": "BPS Kota Jakarta Timur",
        "pasar": [
            "Pasar Induk Kramat Jati",
            "Pasar Induk Beras Cipinang",
            "Pasar Jatinegara",
            "Pasar Perumnas Klender",
            "Pasar Rebo",
        ],
        "kecamatan": [
            "Kecamatan Cakung",
            "Kecamatan Pulogadung",
            "Kecamatan Jatinegara",
            "Kecamatan Duren Sawit",
            "Kecamatan Cipayung",
            "Kecamatan Ciracas",
            "Kecamatan Makasar",
            "Kecamatan Matraman",
        ],
        "wisata": [
            "Taman Mini Indonesia Indah",
            "Jakarta International Equestrian Park Pulomas",
            "Taman Wiladatika Cibubur",
            "kawasan Jatinegara",
        ],
        "kawasan": [
            "Kawasan Industri Pulogadung",
            "kawasan industri Cakung",
            "kawasan Jatinegara",
            "Terminal Pulo Gebang",
        ],
    },
    "3173": {
        "name": "Jakarta Pusat",
        "bps": "BPS Kota Jakarta Pusat",
        "pasar": [
            "Pasar Tanah Abang",
            "Pasar Senen",
            "Pasar Baru",
            "Pasar Johar Baru",
            "Pasar Cempaka Putih",
        ],
        "kecamatan": [
            "Kecamatan Tanah Abang",
            "Kecamatan Senen",
            "Kecamatan Gambir",
            "Kecamatan Menteng",
            "Kecamatan Kemayoran",
            "Kecamatan Cempaka Putih",
            "Kecamatan Johar Baru",
            "Kecamatan Sawah Besar",
        ],
        "wisata": [
            "kawasan Monas",
            "Kompleks Gelora Bung Karno",
            "JIExpo Kemayoran",
            "Masjid Istiqlal",
            "kawasan Menteng",
        ],
        "kawasan": [
            "kawasan Tanah Abang",
            "kawasan Thamrin",
            "kawasan Kemayoran",
            "Stasiun Gambir",
            "kawasan Senen",
        ],
    },
    "3174": {
        "name": "Jakarta Barat",
        "bps": "BPS Kota Jakarta Barat",
        "pasar": ["Pasar Glodok", "Pasar Pagi Asemka", "Pasar Grogol", "Pasar Slipi"],
        "kecamatan": [
            "Kecamatan Kalideres",
            "Kecamatan Cengkareng",
            "Kecamatan Grogol Petamburan",
            "Kecamatan Taman Sari",
            "Kecamatan Kebon Jeruk",
            "Kecamatan Kembangan",
            "Kecamatan Palmerah",
            "Kecamatan Tambora",
        ],
        "wisata": [
            "kawasan Kota Tua",
            "Taman Fatahillah",
            "kawasan Pecinan Glodok",
            "Museum Bank Indonesia",
        ],
        "kawasan": [
            "kawasan pergudangan Kalideres",
            "kawasan Cengkareng",
            "kawasan Glodok",
            "kawasan Kebon Jeruk",
        ],
    },
    "3175": {
        "name": "Jakarta Utara",
        "bps": "BPS Kota Jakarta Utara",
        "pasar": [
            "Pasar Ikan Muara Angke",
            "Pasar Ikan Modern Muara Baru",
            "Pasar Koja Baru",
            "Pasar Kelapa Gading",
        ],
        "kecamatan": [
            "Kecamatan Tanjung Priok",
            "Kecamatan Kelapa Gading",
            "Kecamatan Penjaringan",
            "Kecamatan Cilincing",
            "Kecamatan Koja",
            "Kecamatan Pademangan",
        ],
        "wisata": [
            "kawasan Ancol",
            "kawasan Pantai Indah Kapuk",
            "Pelabuhan Sunda Kelapa",
            "Jakarta International Stadium",
        ],
        "kawasan": [
            "Pelabuhan Tanjung Priok",
            "KBN Marunda",
            "Pelabuhan Perikanan Samudera Nizam Zachman",
            "kawasan Muara Angke",
            "kawasan Kelapa Gading",
        ],
    },
}

# scope code -> (modifier, subject noun, locative phrase)
_SCOPE_WORDS = {
    "dki": ("Jakarta", "Jakarta", "di Jakarta"),
    "kabkota": ("Jakarta", "Jakarta", "di Jakarta"),
    "nasional": ("nasional", "Indonesia", "secara nasional"),
    "bodetabek": ("Bodetabek", "Bodetabek", "di wilayah Bodetabek"),
    "jawa": ("Pulau Jawa", "Pulau Jawa", "di Pulau Jawa"),
    "luar_jawa": ("luar Jawa", "daerah luar Jawa", "di luar Jawa"),
    "global": ("global", "dunia", "di tingkat global"),
}

_ROMAN = ["I", "II", "III", "IV"]

# Idulfitri / Iduladha months (approximate calendar of the Hijri feasts).
_LEBARAN = {
    2022: (5, 5),
    2023: (4, 4),
    2024: (4, 4),
    2025: (3, 4),
    2026: (3, 3),
    2027: (3, 3),
    2028: (2, 3),
}
_RAMADAN = {2022: 4, 2023: 3, 2024: 3, 2025: 3, 2026: 2, 2027: 2, 2028: 2}
_IDULADHA = {2022: 7, 2023: 6, 2024: 6, 2025: 6, 2026: 5, 2027: 5, 2028: 5}
