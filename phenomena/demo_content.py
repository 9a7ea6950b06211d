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

# Month names of the demo's Indonesian texts (content, not display).
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

# --------------------------------------------------------------------------------------
# Per-theme banks. Templates use str.format slots; a template whose slots are not
# available for an item is skipped. Banks may be keyed by direction ("naik", "turun",
# "stabil", "*" = any). Slot entries that are dicts set several coherent slots at once
# and may be restricted to seasonal moments with "when" (see _events). Tuples are
# number specs (low, high, decimals[, rounding step]). "name*k" picks k distinct values.
# --------------------------------------------------------------------------------------

_IHK = "Perkembangan IHK (Inflasi)"
_PAR = "Perkembangan Pariwisata"
_MISKIN = "Profil Kemiskinan"
_EKSIM = "Perkembangan Ekspor Impor"
_PE = "Pertumbuhan Ekonomi"
_IPM = "Indeks Pembangunan Manusia (IPM)"
_NAKER = "Keadaan Ketenagakerjaan"
_PADI = "Luas Panen dan Produksi Padi"

THEMES: dict[str, dict] = {}

THEMES["Harga-harga (Inflasi)"] = {
    "weight": 16,
    "kab": True,
    "kab_weights": {"3101": 1, "3171": 2, "3172": 4, "3173": 2, "3174": 2, "3175": 2},
    "place": "pasar",
    "scopes": {"dki": 85, "nasional": 15},
    "dirs": {"naik": 70, "turun": 20, "stabil": 10},
    "indicators": [(_IHK, 1.0)],
    "press": ["jakarta.bps.go.id", "jakarta.bps.go.id", "bi.go.id", "bps.go.id"],
    "keywords": [
        "inflasi",
        "harga pangan",
        "ihk",
        "daya beli",
        "tpid",
        "pasokan",
        "operasi pasar",
        "pasar tradisional",
    ],
    "slots": {
        "kom": {
            "naik": [
                {
                    "komoditas": "cabai merah",
                    "kw1": "cabai merah",
                    "harga": (55000, 95000, 0, 500),
                    "satuan": "kg",
                    "sebab": "curah hujan tinggi yang mengganggu panen di sentra produksi "
                    "Garut dan Brebes",
                    "sebab_singkat": "pasokan seret",
                    "when": "musim_hujan",
                },
                {
                    "komoditas": "cabai merah",
                    "kw1": "cabai merah",
                    "harga": (50000, 85000, 0, 500),
                    "satuan": "kg",
                    "sebab": "berakhirnya masa panen di sentra produksi Jawa Barat dan Jawa Tengah",
                    "sebab_singkat": "panen berakhir",
                },
                {
                    "komoditas": "cabai rawit",
                    "kw1": "cabai rawit",
                    "harga": (60000, 110000, 0, 500),
                    "satuan": "kg",
                    "sebab": "berkurangnya pasokan dari Jawa Tengah dan Jawa Timur akibat "
                    "cuaca ekstrem",
                    "sebab_singkat": "cuaca ekstrem",
                    "when": "musim_hujan",
                },
                {
                    "komoditas": "bawang merah",
                    "kw1": "bawang merah",
                    "harga": (38000, 62000, 0, 500),
                    "satuan": "kg",
                    "sebab": "menipisnya pasokan dari Brebes dan Nganjuk di luar masa panen",
                    "sebab_singkat": "pasokan berkurang",
                },
                {
                    "komoditas": "beras medium",
                    "kw1": "beras",
                    "harga": (12800, 14600, 0, 100),
                    "satuan": "kg",
                    "sebab": "mundurnya masa tanam dan menurunnya stok di Pasar Induk Beras "
                    "Cipinang",
                    "sebab_singkat": "stok menipis",
                },
                {
                    "komoditas": "beras premium",
                    "kw1": "beras",
                    "harga": (14800, 17200, 0, 100),
                    "satuan": "kg",
                    "sebab": "tingginya harga gabah kering panen di tingkat petani",
                    "sebab_singkat": "harga gabah tinggi",
                },
                {
                    "komoditas": "emas perhiasan",
                    "kw1": "emas perhiasan",
                    "harga": (1250000, 1750000, 0, 5000),
                    "satuan": "gram",
                    "sebab": "naiknya harga emas dunia di tengah ketidakpastian ekonomi global",
                    "sebab_singkat": "harga emas dunia naik",
                },
                {
                    "komoditas": "daging ayam ras",
                    "kw1": "daging ayam",
                    "harga": (36000, 45000, 0, 500),
                    "satuan": "kg",
                    "sebab": "naiknya harga pakan dan bibit ayam (DOC) di tingkat peternak",
                    "sebab_singkat": "harga pakan naik",
                },
                {
                    "komoditas": "telur ayam ras",
                    "kw1": "telur ayam",
                    "harga": (28500, 33500, 0, 500),
                    "satuan": "kg",
                    "sebab": "naiknya harga jagung pakan di tingkat peternak di Blitar dan Kendal",
                    "sebab_singkat": "harga jagung pakan naik",
                },
                {
                    "komoditas": "daging sapi",
                    "kw1": "daging sapi",
                    "harga": (135000, 160000, 0, 1000),
                    "satuan": "kg",
                    "sebab": "meningkatnya permintaan menjelang {momen}",
                    "sebab_singkat": "permintaan melonjak",
                    "when": ("lebaran", "iduladha"),
                },
                {
                    "komoditas": "tarif angkutan udara",
                    "kw1": "tiket pesawat",
                    "sebab": "lonjakan permintaan perjalanan selama {momen}",
                    "sebab_singkat": "permintaan tiket melonjak",
                    "when": ("nataru", "lebaran", "libur_sekolah"),
                },
                {
                    "komoditas": "biaya pendidikan",
                    "kw1": "biaya pendidikan",
                    "sebab": "dimulainya tahun ajaran baru di sekolah dan perguruan tinggi swasta",
                    "sebab_singkat": "tahun ajaran baru",
                    "when": "ajaran_baru",
                },
                {
                    "komoditas": "tomat",
                    "kw1": "tomat",
                    "harga": (15000, 28000, 0, 500),
                    "satuan": "kg",
                    "sebab": "serangan hama dan cuaca lembap di sentra hortikultura Lembang "
                    "dan Cianjur",
                    "sebab_singkat": "serangan hama",
                },
                {
                    "komoditas": "gula pasir",
                    "kw1": "gula pasir",
                    "harga": (17500, 19500, 0, 100),
                    "satuan": "kg",
                    "sebab": "naiknya harga gula mentah di pasar internasional",
                    "sebab_singkat": "harga gula dunia naik",
                },
                {
                    "komoditas": "minyak goreng",
                    "kw1": "minyak goreng",
                    "harga": (17000, 20500, 0, 100),
                    "satuan": "liter",
                    "sebab": "naiknya harga minyak sawit mentah (CPO) di pasar global",
                    "sebab_singkat": "harga CPO naik",
                },
                {
                    "komoditas": "bensin",
                    "kw1": "bbm",
                    "objek": "harga BBM nonsubsidi",
                    "sebab": "penyesuaian harga BBM nonsubsidi oleh Pertamina dan badan usaha "
                    "lainnya",
                    "sebab_singkat": "harga BBM nonsubsidi naik",
                },
                {
                    "komoditas": "tarif air minum PAM",
                    "kw1": "tarif air",
                    "sebab": "penyesuaian tarif air minum oleh Perumda PAM Jaya",
                    "sebab_singkat": "tarif PAM naik",
                    "when": "diskon_listrik",
                },
            ],
            "turun": [
                {
                    "komoditas": "cabai merah",
                    "kw1": "cabai merah",
                    "harga": (24000, 40000, 0, 500),
                    "satuan": "kg",
                    "sebab": "panen raya di sentra produksi yang membuat pasokan ke Pasar "
                    "Induk Kramat Jati melimpah",
                    "sebab_singkat": "pasokan melimpah",
                    "when": ("kemarau", "panen"),
                },
                {
                    "komoditas": "cabai rawit",
                    "kw1": "cabai rawit",
                    "harga": (25000, 45000, 0, 500),
                    "satuan": "kg",
                    "sebab": "masuknya musim panen di sentra produksi Jawa Timur",
                    "sebab_singkat": "musim panen",
                    "when": ("kemarau", "panen"),
                },
                {
                    "komoditas": "bawang merah",
                    "kw1": "bawang merah",
                    "harga": (25000, 35000, 0, 500),
                    "satuan": "kg",
                    "sebab": "panen raya bawang merah di Brebes",
                    "sebab_singkat": "panen raya",
                },
                {
                    "komoditas": "tomat",
                    "kw1": "tomat",
                    "harga": (7000, 12000, 0, 500),
                    "satuan": "kg",
                    "sebab": "melimpahnya pasokan dari sentra hortikultura di Jawa Barat",
                    "sebab_singkat": "pasokan melimpah",
                },
                {
                    "komoditas": "daging ayam ras",
                    "kw1": "daging ayam",
                    "harga": (30000, 34500, 0, 500),
                    "satuan": "kg",
                    "sebab": "kelebihan pasokan ayam hidup di tingkat peternak",
                    "sebab_singkat": "pasokan ayam berlebih",
                },
                {
                    "komoditas": "telur ayam ras",
                    "kw1": "telur ayam",
                    "harga": (24000, 27500, 0, 500),
                    "satuan": "kg",
                    "sebab": "normalnya permintaan setelah {momen}",
                    "sebab_singkat": "permintaan normal",
                    "when": ("pasca_lebaran", "pasca_nataru"),
                },
                {
                    "komoditas": "tarif angkutan udara",
                    "kw1": "tiket pesawat",
                    "sebab": "berakhirnya periode {momen} sehingga permintaan tiket kembali normal",
                    "sebab_singkat": "libur usai",
                    "when": ("pasca_lebaran", "pasca_nataru"),
                },
                {
                    "komoditas": "tarif listrik",
                    "kw1": "tarif listrik",
                    "sebab": "pemberian diskon tarif listrik 50 persen bagi pelanggan rumah "
                    "tangga berdaya hingga 2.200 VA",
                    "sebab_singkat": "diskon tarif listrik",
                    "when": "diskon_listrik",
                },
                {
                    "komoditas": "bensin",
                    "kw1": "bbm",
                    "objek": "harga BBM nonsubsidi",
                    "sebab": "turunnya harga minyak mentah dunia yang diikuti penyesuaian "
                    "harga BBM nonsubsidi",
                    "sebab_singkat": "harga BBM turun",
                },
                {
                    "komoditas": "emas perhiasan",
                    "kw1": "emas perhiasan",
                    "harga": (1150000, 1400000, 0, 5000),
                    "satuan": "gram",
                    "sebab": "melemahnya harga emas dunia seiring menguatnya dolar AS",
                    "sebab_singkat": "harga emas melemah",
                },
            ],
            "stabil": [
                {
                    "komoditas": "beras medium",
                    "kw1": "beras",
                    "sebab": "penyaluran beras SPHP oleh Bulog dan operasi pasar di sejumlah "
                    "pasar tradisional",
                    "sebab_singkat": "operasi pasar",
                },
                {
                    "komoditas": "minyak goreng",
                    "kw1": "minyak goreng",
                    "sebab": "terjaganya pasokan Minyakita di pasar tradisional",
                    "sebab_singkat": "pasokan terjaga",
                },
                {
                    "komoditas": "bawang merah",
                    "kw1": "bawang merah",
                    "sebab": "pasokan yang lancar dari sentra produksi di Brebes",
                    "sebab_singkat": "pasokan lancar",
                },
                {
                    "komoditas": "telur ayam ras",
                    "kw1": "telur ayam",
                    "sebab": "Gerakan Pangan Murah yang digelar Pemprov DKI Jakarta bersama "
                    "Food Station",
                    "sebab_singkat": "gerakan pangan murah",
                },
                {
                    "komoditas": "gula pasir",
                    "kw1": "gula pasir",
                    "sebab": "stok gula nasional yang mencukupi hingga akhir tahun",
                    "sebab_singkat": "stok mencukupi",
                },
            ],
        },
        "lain*2": [
            "bawang merah",
            "tomat",
            "daging ayam ras",
            "emas perhiasan",
            "sigaret kretek mesin",
            "kopi bubuk",
            "tarif parkir",
            "sewa rumah",
            "bawang putih",
            "ikan kembung",
        ],
    },
    "aktor": [
        "Kepala BPS Provinsi DKI Jakarta",
        "Kepala Perwakilan Bank Indonesia Provinsi DKI Jakarta",
        "Kepala Dinas Ketahanan Pangan, Kelautan dan Pertanian DKI Jakarta",
        "Direktur Utama Perumda Pasar Jaya",
        "Ketua Ikatan Pedagang Pasar Indonesia (Ikappi) DKI Jakarta",
    ],
    "nums": {
        "mtm": (0.10, 0.90, 2),
        "mtm_low": (0.01, 0.12, 2),
        "deflasi": (0.02, 0.45, 2),
        "yoy": (1.50, 3.50, 2),
        "andil": (0.02, 0.16, 2),
        "persen_harga": (5, 35, 0),
    },
    "titles": {
        "naik": [
            "{objek_t} Melonjak, Inflasi {wil_t} {bulan} {tahun} Capai {mtm} Persen",
            "Inflasi {wil_t} {bulan} {tahun} Tercatat {mtm} Persen, {komoditas_t} Jadi "
            "Penyumbang Utama",
            "{komoditas_t} Dorong Inflasi {wil_t} {bulan} {tahun}, Inflasi Tahunan {yoy} Persen",
            "BPS: Kenaikan {objek_t} Picu Inflasi {mtm} Persen pada {bulan} {tahun}",
            "{sebab_singkat_t}, Harga {komoditas_t} di {tempat_t} Naik Jadi Rp{harga} per {satuan}",
            "Inflasi Tahunan {wil_t} {bulan} {tahun} Sebesar {yoy} Persen, {komoditas_t} "
            "Beri Andil Terbesar",
            "{sebab_singkat_t}, {komoditas_t} Kerek Inflasi {wil_t} {bulan} {tahun}",
        ],
        "turun": [
            "{wil_s_t} Alami Deflasi {deflasi} Persen pada {bulan} {tahun}, {objek_t} Turun",
            "{objek_t} Anjlok, {wil_s_t} Catat Deflasi pada {bulan} {tahun}",
            "{sebab_singkat_t}, Harga {komoditas_t} di {tempat_t} Turun ke Rp{harga} per {satuan}",
            "BPS Catat Deflasi {deflasi} Persen di {wil_s_t} Akibat Penurunan {objek_t}",
            "{sebab_singkat_t}, {wil_s_t} Alami Deflasi {deflasi} Persen pada {bulan} {tahun}",
        ],
        "stabil": [
            "Inflasi {wil_t} {bulan} {tahun} Terkendali di {mtm_low} Persen, {objek_t} Stabil",
            "{objek_t} Relatif Stabil, Inflasi {wil_t} {bulan} {tahun} Hanya {mtm_low} Persen",
            "TPID DKI Jaga Stabilitas {objek_t}, Inflasi {bulan} {tahun} Sebesar {mtm_low} Persen",
        ],
    },
    "leads": {
        "naik": [
            "{bps} mencatat inflasi bulanan {wil} pada {bulan} {tahun} sebesar {mtm} persen "
            "(mtm), sementara inflasi tahunan mencapai {yoy} persen (yoy).",
            "Komoditas {komoditas} menjadi penyumbang utama inflasi {wil} pada {bulan} {tahun} "
            "dengan andil {andil} persen poin terhadap inflasi bulanan sebesar {mtm} persen.",
            "Indeks Harga Konsumen (IHK) {wil} pada {bulan} {tahun} naik {mtm} persen "
            "dibanding {bulan_lalu}, terutama didorong kenaikan {objek}.",
            "Pantauan di {tempat} menunjukkan harga {komoditas} naik sekitar {persen_harga} "
            "persen dibanding {bulan_lalu} menjadi Rp{harga} per {satuan}.",
        ],
        "turun": [
            "{bps} mencatat {wil_s} mengalami deflasi sebesar {deflasi} persen (mtm) pada "
            "{bulan} {tahun}, dengan inflasi tahunan tercatat {yoy} persen (yoy).",
            "Penurunan {objek} menjadi penyumbang deflasi terbesar {di_wil} pada {bulan} "
            "{tahun} dengan andil -{andil} persen poin.",
            "Pantauan di {tempat} menunjukkan harga {komoditas} turun sekitar {persen_harga} "
            "persen dibanding {bulan_lalu} menjadi Rp{harga} per {satuan}.",
        ],
        "stabil": [
            "Inflasi {wil} pada {bulan} {tahun} tercatat rendah, hanya {mtm_low} persen (mtm), "
            "dengan inflasi tahunan sebesar {yoy} persen (yoy).",
            "{bps} mencatat IHK {wil} pada {bulan} {tahun} hanya naik {mtm_low} persen "
            "dibanding {bulan_lalu}, ditopang stabilnya {objek}.",
        ],
    },
    "causes": {
        "naik": [
            "Menurut {aktor}, kenaikan {objek} dipicu oleh {sebab}.",
            "Pedagang di {tempat} menyebut {sebab} membuat {objek} sulit turun dalam beberapa "
            "pekan terakhir.",
            "Kenaikan tersebut terutama disebabkan oleh {sebab}, sementara permintaan "
            "masyarakat relatif tetap.",
        ],
        "turun": [
            "Menurut {aktor}, penurunan {objek} terjadi karena {sebab}.",
            "Pedagang di {tempat} menyebut {sebab} membuat {objek} berangsur turun sejak "
            "awal bulan.",
        ],
        "stabil": [
            "Menurut {aktor}, {objek} relatif stabil berkat {sebab}.",
            "Pedagang di {tempat} mengakui {objek} tidak banyak bergerak karena {sebab}.",
        ],
    },
    "extras": [
        "Selain {komoditas}, komoditas lain yang turut memberi andil antara lain {lain} dan "
        "{lain2}.",
        "Kelompok makanan, minuman, dan tembakau tercatat sebagai penyumbang terbesar "
        "perubahan indeks pada bulan tersebut.",
    ],
    "closings": {
        "naik": [
            "Pemprov DKI Jakarta bersama TPID menggelar operasi pasar dan Gerakan Pangan Murah "
            "di {tempat2} untuk meredam kenaikan harga.",
            "{aktor2} memperkirakan tekanan harga akan mereda pada {bulan_depan} seiring "
            "membaiknya pasokan dari daerah sentra.",
            "Meski demikian, inflasi tahunan sebesar {yoy} persen masih berada dalam rentang "
            "sasaran 2,5±1 persen.",
        ],
        "turun": [
            "Deflasi ini dinilai bersifat sementara karena lebih banyak dipengaruhi sisi "
            "pasokan, bukan melemahnya daya beli masyarakat.",
            "{aktor2} meminta pemantauan harga tetap dilakukan agar penurunan harga tidak "
            "merugikan petani dan peternak di daerah pemasok.",
        ],
        "stabil": [
            "TPID DKI Jakarta akan terus memantau harga di {tempat2} dan pasar tradisional "
            "lainnya untuk menjaga daya beli masyarakat.",
            "{aktor2} menilai kerja sama antardaerah dalam penyediaan pangan menjadi kunci "
            "stabilnya harga di Jakarta.",
        ],
    },
    "topik": ["pergerakan {objek}", "perkembangan {objek} di tingkat konsumen"],
    "peserta": [
        "pedagang pasar tradisional",
        "pengelola pasar dan pedagang grosir",
        "perwakilan Perumda Pasar Jaya dan pedagang",
    ],
    "narasumber": [
        "kepala unit pasar",
        "seorang pedagang grosir",
        "pengurus Ikappi setempat",
        "pedagang eceran",
    ],
}

THEMES["Pariwisata"] = {
    "weight": 9,
    "kab": True,
    "kab_weights": {"3101": 5, "3171": 1, "3172": 1, "3173": 2, "3174": 2, "3175": 2},
    "place": "wisata",
    "scopes": {"dki": 90, "nasional": 10},
    "dirs": {"naik": 60, "turun": 35, "stabil": 5},
    "indicators": [(_PAR, 1.0)],
    "press": ["jakarta.bps.go.id", "kemenparekraf.go.id"],
    "keywords": [
        "pariwisata",
        "okupansi hotel",
        "wisman",
        "tpk",
        "hotel berbintang",
        "phri",
        "wisatawan nusantara",
        "mice",
    ],
    "slots": {
        "sbb": {
            "naik": [
                {
                    "sebab": "libur sekolah dan cuti bersama",
                    "sebab_singkat": "libur sekolah",
                    "when": ("libur_sekolah",),
                },
                {
                    "sebab": "penyelenggaraan konser musik internasional di Gelora Bung Karno "
                    "dan Jakarta International Stadium",
                    "sebab_singkat": "konser internasional",
                    "kw2": "konser",
                },
                {
                    "sebab": "padatnya agenda rapat dan MICE instansi pemerintah serta "
                    "korporasi di akhir tahun anggaran",
                    "sebab_singkat": "agenda MICE akhir tahun",
                    "kw2": "mice",
                    "when": "akhir_tahun",
                },
                {
                    "sebab": "penyelenggaraan Jakarta Fair di JIExpo Kemayoran",
                    "sebab_singkat": "Jakarta Fair",
                    "when": "jakarta_fair",
                },
                {
                    "sebab": "rangkaian perayaan {momen}",
                    "sebab_singkat": "perayaan HUT Jakarta",
                    "when": "hut_jakarta",
                },
                {
                    "sebab": "dibukanya sejumlah rute penerbangan langsung baru dari kota-kota "
                    "di Asia",
                    "sebab_singkat": "rute penerbangan baru",
                },
                {
                    "sebab": "libur Natal dan Tahun Baru",
                    "sebab_singkat": "libur Nataru",
                    "when": "nataru",
                },
                {
                    "sebab": "pameran dagang dan konferensi internasional di JIExpo Kemayoran "
                    "dan Jakarta Convention Center",
                    "sebab_singkat": "pameran internasional",
                    "kw2": "mice",
                },
            ],
            "turun": [
                {
                    "sebab": "berakhirnya musim libur sekolah",
                    "sebab_singkat": "libur usai",
                    "when": ("ajaran_baru", "pasca_nataru"),
                },
                {
                    "sebab": "bulan Ramadan yang menurunkan kegiatan rapat dan perjalanan wisata",
                    "sebab_singkat": "efek Ramadan",
                    "when": "ramadan",
                },
                {
                    "sebab": "efisiensi anggaran perjalanan dinas dan rapat di hotel oleh "
                    "instansi pemerintah",
                    "sebab_singkat": "efisiensi anggaran",
                    "kw2": "efisiensi anggaran",
                    "when": "efisiensi",
                },
                {
                    "sebab": "cuaca buruk dan gelombang tinggi yang membuat penyeberangan ke "
                    "Kepulauan Seribu dibatasi",
                    "sebab_singkat": "cuaca buruk",
                    "when": "musim_hujan",
                },
                {
                    "sebab": "minimnya agenda acara berskala besar dan pameran di Jakarta",
                    "sebab_singkat": "sepi agenda acara",
                },
                {
                    "sebab": "lesunya permintaan kamar dari segmen korporasi",
                    "sebab_singkat": "permintaan korporasi lesu",
                },
            ],
            "stabil": [
                {
                    "sebab": "stabilnya permintaan kamar dari segmen korporasi dan wisatawan "
                    "nusantara",
                    "sebab_singkat": "permintaan stabil",
                },
            ],
        },
        "negara*3": [
            "Malaysia",
            "China",
            "Singapura",
            "Jepang",
            "Korea Selatan",
            "Australia",
            "India",
            "Amerika Serikat",
            "Arab Saudi",
        ],
    },
    "nums": {
        "tpk": (45.0, 70.0, 2),
        "tpk_delta": (0.5, 6.0, 2),
        "wisman": (150, 265, 1),
        "wisman_pct": (2.0, 25.0, 2),
        "rlmt": (1.6, 2.3, 2),
        "wisnus": (4.5, 7.5, 2),
    },
    "aktor": [
        "Ketua Badan Pimpinan Daerah PHRI DKI Jakarta",
        "Kepala Dinas Pariwisata dan Ekonomi Kreatif DKI Jakarta",
        "Kepala BPS Provinsi DKI Jakarta",
        "Sekretaris Asosiasi Travel Agent Indonesia (Astindo)",
    ],
    "titles": {
        "naik": [
            "TPK Hotel Berbintang di Jakarta {bulan} {tahun} Naik Jadi {tpk} Persen",
            "Kunjungan Wisman ke Jakarta {bulan} {tahun} Capai {wisman} Ribu, Naik "
            "{wisman_pct} Persen",
            "{sebab_singkat_t}, Okupansi Hotel di Sekitar {tempat_t} Melonjak pada {bulan}",
            "Wisman Asal {negara_t} Dominasi Kunjungan ke Jakarta pada {bulan} {tahun}",
            "Tingkat Hunian Hotel Jakarta {bulan} {tahun} Naik {tpk_delta} Poin Berkat "
            "{sebab_singkat_t}",
            "{sebab_singkat_t} Dongkrak Kunjungan Wisatawan ke {tempat_t}, {bulan} {tahun}",
        ],
        "turun": [
            "TPK Hotel Berbintang Jakarta {bulan} {tahun} Turun ke {tpk} Persen",
            "Okupansi Hotel Jakarta Melemah pada {bulan} {tahun}, PHRI Sebut {sebab_singkat_t}",
            "Kunjungan Wisman ke Jakarta {bulan} {tahun} Turun {wisman_pct} Persen",
            "{sebab_singkat_t}, Kunjungan Wisatawan ke {tempat_t} Menurun pada {bulan} {tahun}",
            "Tingkat Hunian Hotel Jakarta Turun {tpk_delta} Poin pada {bulan} {tahun}",
        ],
        "stabil": [
            "TPK Hotel Berbintang Jakarta {bulan} {tahun} Bertahan di Kisaran {tpk} Persen",
            "Kunjungan Wisman ke Jakarta {bulan} {tahun} Stabil di {wisman} Ribu Kunjungan",
        ],
    },
    "leads": [
        "{bps} mencatat Tingkat Penghunian Kamar (TPK) hotel berbintang di Jakarta pada "
        "{bulan} {tahun} sebesar {tpk} persen, {arah} {tpk_delta} poin dibanding {bulan_lalu}.",
        "Jumlah kunjungan wisatawan mancanegara (wisman) ke Jakarta pada {bulan} {tahun} "
        "tercatat {wisman} ribu kunjungan, {arah} {wisman_pct} persen dibanding bulan "
        "sebelumnya.",
        "Rata-rata lama menginap tamu hotel berbintang di Jakarta pada {bulan} {tahun} "
        "tercatat {rlmt} hari, dengan TPK sebesar {tpk} persen.",
        "Perjalanan wisatawan nusantara dengan tujuan Jakarta pada {bulan} {tahun} "
        "mencapai {wisnus} juta perjalanan, {meningkat} dibanding {bulan_lalu}.",
    ],
    "causes": [
        "{aktor} menyebut kondisi tersebut dipengaruhi oleh {sebab}.",
        "Pengelola {tempat} mengatakan {sebab} berpengaruh langsung terhadap jumlah pengunjung "
        "dan tingkat hunian hotel di sekitarnya.",
        "Menurut {aktor}, {sebab} menjadi faktor utama pergerakan tingkat hunian kamar pada "
        "bulan tersebut.",
    ],
    "extras": [
        "Wisman asal {negara} masih menjadi penyumbang kunjungan terbesar, disusul {negara2} "
        "dan {negara3}.",
        "Hotel bintang empat dan lima di kawasan Thamrin, Sudirman, dan Kuningan mencatat "
        "tingkat hunian tertinggi.",
    ],
    "closings": {
        "naik": [
            "PHRI DKI Jakarta berharap momentum ini berlanjut dengan lebih banyak agenda acara "
            "internasional di Jakarta.",
            "Dinas Parekraf DKI Jakarta menyiapkan kalender acara di {tempat2} untuk menjaga "
            "tren kunjungan wisatawan.",
        ],
        "turun": [
            "Pelaku usaha perhotelan berharap pemerintah kembali menggelar kegiatan di hotel "
            "agar tingkat hunian pulih.",
            "Pengelola destinasi di {tempat2} menyiapkan paket promosi untuk menarik kembali "
            "wisatawan domestik.",
        ],
        "stabil": [
            "{aktor2} memperkirakan tingkat hunian akan meningkat menjelang musim libur "
            "berikutnya.",
        ],
    },
    "topik": ["kunjungan wisatawan", "tingkat hunian penginapan dan homestay"],
    "peserta": [
        "pengelola homestay dan pemandu wisata",
        "pelaku usaha wisata dan perhotelan",
        "pengelola destinasi wisata",
    ],
    "narasumber": [
        "pengelola homestay",
        "manajer hotel",
        "pengelola destinasi wisata",
        "pemandu wisata",
    ],
}

THEMES["Tenaga Kerja"] = {
    "weight": 8,
    "kab": True,
    "kab_weights": {"3101": 1, "3171": 2, "3172": 3, "3173": 2, "3174": 3, "3175": 3},
    "place": "kawasan",
    "scopes": {"dki": 85, "nasional": 10, "bodetabek": 5},
    "dirs": {"naik": 45, "turun": 50, "stabil": 5},
    "indicators": [(_NAKER, 1.0)],
    "press": ["jakarta.bps.go.id", "kemnaker.go.id"],
    "keywords": [
        "pengangguran",
        "tpt",
        "phk",
        "lapangan kerja",
        "sakernas",
        "pekerja informal",
        "ump",
        "job fair",
    ],
    "slots": {
        "sbb": {
            "naik": [
                {
                    "sebab": "gelombang PHK di industri tekstil dan alas kaki",
                    "sebab_singkat": "PHK industri tekstil",
                    "kw2": "phk",
                },
                {
                    "sebab": "penutupan sejumlah gerai ritel modern dan pusat perbelanjaan",
                    "sebab_singkat": "gerai ritel tutup",
                    "kw2": "ritel",
                },
                {
                    "sebab": "bertambahnya lulusan baru SMA dan SMK yang belum terserap pasar "
                    "kerja",
                    "sebab_singkat": "lulusan baru belum terserap",
                    "kw2": "lulusan smk",
                    "when": ("libur_sekolah", "ajaran_baru"),
                },
                {
                    "sebab": "perlambatan sektor perdagangan serta akomodasi dan makan minum",
                    "sebab_singkat": "sektor perdagangan melambat",
                },
                {
                    "sebab": "relokasi pabrik ke daerah dengan upah lebih rendah di Jawa Tengah",
                    "sebab_singkat": "relokasi pabrik",
                    "kw2": "relokasi pabrik",
                },
            ],
            "turun": [
                {
                    "sebab": "terbukanya lowongan di sektor jasa, perdagangan, dan akomodasi",
                    "sebab_singkat": "sektor jasa serap tenaga kerja",
                },
                {
                    "sebab": "penyelenggaraan job fair oleh Disnakertransgi DKI Jakarta di "
                    "sejumlah wilayah",
                    "sebab_singkat": "job fair",
                    "kw2": "job fair",
                },
                {
                    "sebab": "bertambahnya pekerja di sektor informal dan ekonomi digital",
                    "sebab_singkat": "sektor informal tumbuh",
                    "kw2": "pekerja informal",
                },
                {
                    "sebab": "program pelatihan berbasis kompetensi di Pusat Pelatihan Kerja "
                    "Daerah (PPKD)",
                    "sebab_singkat": "pelatihan PPKD",
                    "kw2": "pelatihan kerja",
                },
                {
                    "sebab": "rekrutmen pekerja musiman menjelang {momen}",
                    "sebab_singkat": "rekrutmen musiman",
                    "when": ("lebaran", "nataru"),
                },
            ],
            "stabil": [
                {
                    "sebab": "seimbangnya penciptaan lapangan kerja dengan pertambahan "
                    "angkatan kerja",
                    "sebab_singkat": "pasar kerja seimbang",
                },
            ],
        },
    },
    "nums": {
        "tpt": (6.0, 8.0, 2),
        "tpt_delta": (0.10, 0.90, 2),
        "penganggur": (310, 400, 2),
        "phk": (450, 5200, 0, 10),
        "loker": (1500, 9000, 0, 50),
        "perusahaan": (25, 90, 0),
        "informal": (33.0, 38.0, 2),
    },
    "aktor": [
        "Kepala Disnakertransgi DKI Jakarta",
        "Kepala BPS Provinsi DKI Jakarta",
        "Ketua DPD Konfederasi Serikat Pekerja Indonesia DKI Jakarta",
        "Ketua Apindo DKI Jakarta",
    ],
    "titles": {
        "naik": [
            "TPT Jakarta Naik Jadi {tpt} Persen, {sebab_singkat_t} Jadi Pemicu",
            "Disnakertransgi DKI Catat {phk} Pekerja Terkena PHK pada {bulan} {tahun}",
            "{sebab_singkat_t}, Ribuan Pekerja di {tempat_t} Kehilangan Pekerjaan",
            "Pengangguran di Jakarta Bertambah pada {bulan} {tahun}, {sebab_singkat_t} Disorot",
            "Angka Pengangguran Jakarta Naik {tpt_delta} Poin, Capai {penganggur} Ribu Orang",
        ],
        "turun": [
            "TPT Jakarta Turun ke {tpt} Persen, {sebab_singkat_t} Jadi Penopang",
            "Job Fair di {tempat_t} Tawarkan {loker} Lowongan Kerja pada {bulan} {tahun}",
            "Pengangguran Terbuka Jakarta Turun {tpt_delta} Poin Berkat {sebab_singkat_t}",
            "{sebab_singkat_t}, Jumlah Penganggur Jakarta Turun Jadi {penganggur} Ribu Orang",
        ],
        "stabil": [
            "Tingkat Pengangguran Terbuka Jakarta Bertahan di {tpt} Persen pada {bulan} {tahun}",
            "Pasar Kerja Jakarta {bulan} {tahun} Relatif Stabil, TPT Tercatat {tpt} Persen",
        ],
    },
    "leads": {
        "*": [
            "{bps} mencatat Tingkat Pengangguran Terbuka (TPT) Jakarta sebesar {tpt} persen, "
            "{arah} {tpt_delta} persen poin dibanding periode yang sama tahun sebelumnya.",
            "Jumlah penganggur di Jakarta tercatat sekitar {penganggur} ribu orang dengan TPT "
            "{tpt} persen, sementara pekerja informal mencapai {informal} persen.",
        ],
        "naik": [
            "Dinas Tenaga Kerja, Transmigrasi dan Energi (Disnakertransgi) DKI Jakarta mencatat "
            "{phk} pekerja terkena pemutusan hubungan kerja (PHK) hingga {bulan} {tahun}.",
        ],
        "turun": [
            "Bursa kerja yang digelar di {tempat} pada {bulan} {tahun} menawarkan {loker} "
            "lowongan dari {perusahaan} perusahaan.",
        ],
    },
    "causes": [
        "{aktor} menyebut kondisi tersebut dipengaruhi oleh {sebab}.",
        "Menurut {aktor}, {sebab} menjadi faktor utama perubahan kondisi pasar kerja di Jakarta.",
        "Pekerja dan pengusaha di {tempat} menilai {sebab} berdampak langsung pada "
        "penyerapan tenaga kerja di wilayah tersebut.",
    ],
    "extras": [
        "Sektor perdagangan, akomodasi dan makan minum, serta industri pengolahan masih "
        "menjadi penyerap tenaga kerja terbesar di Jakarta.",
        "Penganggur berpendidikan SMK tercatat paling banyak dibanding jenjang pendidikan lainnya.",
    ],
    "closings": {
        "naik": [
            "{aktor2} meminta pemerintah memperluas program pelatihan ulang dan jaminan "
            "kehilangan pekerjaan bagi pekerja terdampak.",
            "Pemprov DKI Jakarta menyiapkan bursa kerja dan pelatihan di PPKD untuk membantu "
            "pekerja yang terkena PHK.",
        ],
        "turun": [
            "{aktor2} berharap tren positif ini berlanjut seiring masuknya investasi baru di "
            "sektor jasa dan ekonomi digital.",
            "Disnakertransgi DKI Jakarta berencana menggelar bursa kerja serupa di {tempat2} "
            "pada bulan berikutnya.",
        ],
        "stabil": [
            "{aktor2} menilai kualitas pekerjaan, terutama porsi pekerja informal, masih perlu "
            "mendapat perhatian.",
        ],
    },
    "topik": ["kondisi ketenagakerjaan", "penyerapan tenaga kerja dan PHK"],
    "peserta": [
        "pengusaha dan serikat pekerja",
        "pengelola kawasan industri dan perwakilan pekerja",
        "pelaku UMKM dan pencari kerja",
    ],
    "narasumber": [
        "pengurus serikat pekerja",
        "manajer personalia sebuah pabrik",
        "pengelola kawasan",
        "petugas Suku Dinas Tenaga Kerja",
    ],
}

THEMES["Statistik Makroekonomi"] = {
    "weight": 7,
    "kab": True,
    "place": "kawasan",
    "scopes": {"dki": 75, "nasional": 20, "global": 5},
    "dirs": {"naik": 55, "turun": 40, "stabil": 5},
    "indicators": [(_PE, 1.0)],
    "press": ["jakarta.bps.go.id", "bi.go.id", "bps.go.id"],
    "keywords": [
        "pertumbuhan ekonomi",
        "pdrb",
        "konsumsi rumah tangga",
        "daya beli",
        "investasi",
        "ekonomi jakarta",
        "kelas menengah",
    ],
    "slots": {
        "sbb": {
            "naik": [
                {
                    "sebab": "konsumsi rumah tangga yang tetap kuat",
                    "sebab_singkat": "konsumsi rumah tangga",
                    "kw2": "konsumsi rumah tangga",
                },
                {
                    "sebab": "meningkatnya realisasi belanja pemerintah daerah",
                    "sebab_singkat": "belanja pemerintah",
                    "kw2": "belanja pemerintah",
                },
                {
                    "sebab": "tumbuhnya sektor informasi dan komunikasi serta jasa keuangan",
                    "sebab_singkat": "sektor infokom dan keuangan",
                },
                {
                    "sebab": "pulihnya kinerja sektor akomodasi dan makan minum",
                    "sebab_singkat": "sektor akomodasi",
                },
                {
                    "sebab": "meningkatnya investasi bangunan dan proyek infrastruktur",
                    "sebab_singkat": "investasi bangunan",
                    "kw2": "investasi",
                },
                {
                    "sebab": "belanja masyarakat selama {momen}",
                    "sebab_singkat": "belanja Ramadan dan Lebaran",
                    "when": "lebaran",
                },
            ],
            "turun": [
                {
                    "sebab": "melambatnya konsumsi rumah tangga kelas menengah",
                    "sebab_singkat": "konsumsi kelas menengah",
                    "kw2": "kelas menengah",
                },
                {
                    "sebab": "terkontraksinya belanja pemerintah akibat efisiensi anggaran",
                    "sebab_singkat": "efisiensi anggaran",
                    "kw2": "efisiensi anggaran",
                    "when": "efisiensi",
                },
                {
                    "sebab": "lesunya sektor perdagangan besar dan eceran",
                    "sebab_singkat": "lesunya perdagangan",
                },
                {
                    "sebab": "tertahannya investasi swasta di tengah ketidakpastian global",
                    "sebab_singkat": "investasi tertahan",
                    "kw2": "investasi",
                },
                {
                    "sebab": "melemahnya ekspor jasa dan perdagangan antarwilayah",
                    "sebab_singkat": "ekspor jasa melemah",
                },
            ],
            "stabil": [
                {
                    "sebab": "konsumsi rumah tangga yang stabil di tengah inflasi terkendali",
                    "sebab_singkat": "konsumsi stabil",
                },
            ],
        },
        "sektor*2": [
            "perdagangan besar dan eceran",
            "informasi dan komunikasi",
            "jasa keuangan dan asuransi",
            "konstruksi",
            "industri pengolahan",
            "transportasi dan pergudangan",
            "jasa perusahaan",
        ],
    },
    "nums": {
        "pdrb": (4.40, 5.40, 2),
        "qtq": (0.20, 2.10, 2),
        "kontribusi": (16.5, 17.4, 2),
        "konsumsi": (4.20, 5.30, 2),
        "sektor_tumbuh": (5.5, 9.5, 2),
    },
    "aktor": [
        "Kepala BPS Provinsi DKI Jakarta",
        "Kepala Perwakilan Bank Indonesia Provinsi DKI Jakarta",
        "ekonom Universitas Indonesia",
        "ekonom INDEF",
        "Kepala Bappeda DKI Jakarta",
    ],
    "titles": {
        "naik": [
            "Ekonomi Jakarta Triwulan {triwulan} {tahun} Tumbuh {pdrb} Persen, Ditopang "
            "{sebab_singkat_t}",
            "BPS: Pertumbuhan Ekonomi {wil_s_t} Triwulan {triwulan} {tahun} Capai {pdrb} Persen",
            "{sebab_singkat_t} Dorong Ekonomi Jakarta Tumbuh {pdrb} Persen pada Triwulan "
            "{triwulan}",
            "Sektor {sektor_t} Jadi Motor Ekonomi Jakarta Triwulan {triwulan} {tahun}",
        ],
        "turun": [
            "Ekonomi Jakarta Melambat ke {pdrb} Persen pada Triwulan {triwulan} {tahun}",
            "{sebab_singkat_t} Tahan Laju Ekonomi Jakarta Triwulan {triwulan} {tahun}",
            "Ekonom: {sebab_singkat_t} Bayangi Pertumbuhan Ekonomi Jakarta Triwulan {triwulan} "
            "{tahun}",
            "Pertumbuhan Ekonomi {wil_s_t} Triwulan {triwulan} {tahun} Melambat Jadi {pdrb} Persen",
        ],
        "stabil": [
            "Ekonomi Jakarta Triwulan {triwulan} {tahun} Tumbuh Stabil di Level {pdrb} Persen",
        ],
        "*": [
            "Kontribusi Jakarta terhadap PDB Nasional Capai {kontribusi} Persen pada Triwulan "
            "{triwulan} {tahun}",
        ],
    },
    "leads": {
        "*": [
            "{bps} mencatat ekonomi {wil_s} pada triwulan {triwulan} {tahun} tumbuh {pdrb} "
            "persen (yoy) dan {qtq} persen dibanding triwulan sebelumnya (qtq).",
            "Perekonomian Jakarta pada triwulan {triwulan} {tahun} tumbuh {pdrb} persen (yoy), "
            "dengan kontribusi terhadap PDB nasional sebesar {kontribusi} persen.",
        ],
        "naik": [
            "Pertumbuhan ekonomi Jakarta triwulan {triwulan} {tahun} yang mencapai {pdrb} "
            "persen ditopang oleh sektor {sektor} yang tumbuh {sektor_tumbuh} persen.",
        ],
        "turun": [
            "Laju pertumbuhan ekonomi Jakarta pada triwulan {triwulan} {tahun} melambat menjadi "
            "{pdrb} persen (yoy), lebih rendah dibanding triwulan sebelumnya.",
        ],
    },
    "causes": {
        "naik": [
            "Menurut {aktor}, capaian tersebut terutama didorong oleh {sebab}.",
            "{aktor} menilai {sebab} menjadi penopang utama pertumbuhan pada periode ini.",
        ],
        "turun": [
            "Menurut {aktor}, perlambatan tersebut dipengaruhi oleh {sebab}.",
            "{aktor} menilai {sebab} menahan laju pertumbuhan ekonomi Jakarta.",
        ],
        "stabil": ["Menurut {aktor}, stabilnya pertumbuhan ditopang oleh {sebab}."],
    },
    "extras": [
        "Dari sisi pengeluaran, konsumsi rumah tangga masih menjadi komponen terbesar dengan "
        "pertumbuhan {konsumsi} persen.",
        "Dari sisi lapangan usaha, sektor {sektor} dan {sektor2} memberi sumbangan terbesar "
        "terhadap pertumbuhan.",
    ],
    "closings": [
        "{aktor2} memperkirakan ekonomi Jakarta sepanjang {tahun} tetap tumbuh di kisaran "
        "4,8 hingga 5,2 persen.",
        "Pemprov DKI Jakarta menyatakan akan mempercepat realisasi belanja modal untuk "
        "menjaga momentum pertumbuhan.",
        "{aktor2} mengingatkan perlunya menjaga daya beli kelas menengah agar konsumsi "
        "rumah tangga tidak melemah.",
    ],
    "topik": ["aktivitas ekonomi dan usaha", "kondisi usaha di sektor {sektor}"],
    "peserta": [
        "pelaku usaha dan asosiasi pengusaha",
        "pengelola kawasan usaha dan pelaku UMKM",
    ],
    "narasumber": ["pengelola kawasan usaha", "pengurus Kadin setempat", "pelaku usaha"],
}

THEMES["Transportasi"] = {
    "weight": 7,
    "kab": True,
    "kab_weights": {"3101": 2, "3171": 2, "3172": 2, "3173": 3, "3174": 1, "3175": 2},
    "place": "kawasan",
    "scopes": {"dki": 70, "bodetabek": 25, "nasional": 5},
    "dirs": {"naik": 65, "turun": 30, "stabil": 5},
    "indicators": [(_PE, 0.35), (_PAR, 0.15)],
    "press": ["jakarta.bps.go.id", "jakarta.go.id"],
    "keywords": [
        "transportasi",
        "angkutan umum",
        "penumpang",
        "mobilitas",
        "kemacetan",
        "transportasi publik",
    ],
    "slots": {
        "moda": [
            {
                "moda": "KRL Commuter Line Jabodetabek",
                "aktor": "VP Corporate Secretary KAI Commuter",
                "kw1": "krl",
                "penumpang": (25.0, 33.0, 1),
                "satuan_p": "juta",
            },
            {
                "moda": "Transjakarta",
                "aktor": "Direktur Utama PT Transportasi Jakarta",
                "kw1": "transjakarta",
                "penumpang": (28.0, 38.0, 1),
                "satuan_p": "juta",
            },
            {
                "moda": "MRT Jakarta",
                "aktor": "Direktur Utama PT MRT Jakarta",
                "kw1": "mrt",
                "penumpang": (2.9, 4.3, 2),
                "satuan_p": "juta",
            },
            {
                "moda": "LRT Jabodebek",
                "aktor": "Manager Public Relations LRT Jabodebek",
                "kw1": "lrt",
                "penumpang": (1.7, 2.7, 2),
                "satuan_p": "juta",
            },
            {
                "moda": "penerbangan domestik Bandara Soekarno-Hatta",
                "aktor": "pihak pengelola Bandara Soekarno-Hatta",
                "kw1": "angkutan udara",
                "penumpang": (1.05, 1.65, 2),
                "satuan_p": "juta",
            },
            {
                "moda": "kapal penumpang Pelabuhan Tanjung Priok",
                "aktor": "General Manager Pelindo Regional 2 Tanjung Priok",
                "kw1": "angkutan laut",
                "penumpang": (35, 95, 1),
                "satuan_p": "ribu",
            },
        ],
        "sbb": {
            "naik": [
                {"sebab": "arus mudik dan balik {momen}", "when": "lebaran"},
                {"sebab": "libur panjang {momen}", "when": ("nataru", "libur_sekolah")},
                {"sebab": "penambahan rute dan jam operasional layanan"},
                {"sebab": "penerapan tarif integrasi antarmoda yang lebih murah"},
                {
                    "sebab": "beralihnya pengguna kendaraan pribadi akibat kemacetan dan "
                    "ganjil-genap"
                },
                {
                    "sebab": "penyelenggaraan {momen} yang menarik banyak pengunjung",
                    "when": ("jakarta_fair", "hut_jakarta"),
                },
            ],
            "turun": [
                {"sebab": "berakhirnya periode {momen}", "when": ("pasca_lebaran", "pasca_nataru")},
                {"sebab": "gangguan operasional dan perawatan prasarana di sejumlah lintasan"},
                {"sebab": "genangan dan banjir yang mengganggu perjalanan", "when": "musim_hujan"},
                {"sebab": "berkurangnya hari kerja efektif akibat libur nasional dan cuti bersama"},
                {
                    "sebab": "berkurangnya perjalanan dinas akibat efisiensi anggaran",
                    "when": "efisiensi",
                },
            ],
            "stabil": [{"sebab": "pola perjalanan komuter yang relatif tetap"}],
        },
    },
    "nums": {"pct": (1.5, 18.0, 2), "harian": (0.9, 1.4, 2)},
    "aktor": [
        "Kepala Dinas Perhubungan DKI Jakarta",
        "Direktur Utama PT Transportasi Jakarta",
        "VP Corporate Secretary KAI Commuter",
        "Direktur Utama PT MRT Jakarta",
        "pengamat transportasi Universitas Indonesia",
    ],
    "titles": {
        "naik": [
            "Penumpang {moda_t} pada {bulan} {tahun} Capai {penumpang} {satuan_p} Orang",
            "Jumlah Penumpang {moda_t} Naik {pct} Persen pada {bulan} {tahun}",
            "Pengguna {moda_t} Melonjak {pct} Persen Selama {bulan} {tahun}",
            "Mobilitas Warga Meningkat, Penumpang {moda_t} Tembus {penumpang} {satuan_p}",
        ],
        "turun": [
            "Penumpang {moda_t} Turun {pct} Persen pada {bulan} {tahun}",
            "Jumlah Pengguna {moda_t} {bulan} {tahun} Turun Jadi {penumpang} {satuan_p} Orang",
            "Mobilitas Menurun, Penumpang {moda_t} Berkurang pada {bulan} {tahun}",
        ],
        "stabil": [
            "Penumpang {moda_t} {bulan} {tahun} Stabil di Kisaran {penumpang} {satuan_p} Orang",
        ],
    },
    "leads": [
        "Jumlah penumpang {moda} pada {bulan} {tahun} tercatat {penumpang} {satuan_p} orang, "
        "{arah} {pct} persen dibanding {bulan_lalu}.",
        "{bps} mencatat jumlah penumpang {moda} selama {bulan} {tahun} mencapai {penumpang} "
        "{satuan_p} orang, {meningkat} {pct} persen secara bulanan.",
    ],
    "causes": [
        "Menurut {aktor}, pergerakan jumlah penumpang dipengaruhi oleh {sebab}.",
        "{aktor} menyebut {sebab} menjadi faktor utama perubahan jumlah penumpang pada bulan "
        "tersebut.",
        "Petugas di {tempat} mencatat {sebab} berpengaruh terhadap kepadatan penumpang di "
        "simpul transportasi tersebut.",
    ],
    "extras": [
        "Rata-rata pengguna angkutan umum massal di Jakarta kini mencapai sekitar {harian} "
        "juta orang per hari.",
        "Kepadatan tertinggi terjadi pada jam berangkat dan pulang kerja, terutama di "
        "stasiun dan halte transit.",
    ],
    "closings": [
        "Dinas Perhubungan DKI Jakarta berencana menambah armada dan memperpanjang jam "
        "layanan di koridor padat.",
        "Pemprov DKI Jakarta menargetkan porsi penggunaan angkutan umum terus meningkat "
        "seiring integrasi layanan Jaklingko.",
        "{aktor2} menilai integrasi tarif dan jaringan menjadi kunci menjaga minat warga "
        "menggunakan transportasi publik.",
    ],
    "topik": ["mobilitas penumpang angkutan umum", "pergerakan penumpang angkutan umum"],
    "peserta": [
        "pengelola terminal dan operator angkutan",
        "perwakilan operator transportasi dan warga",
    ],
    "narasumber": [
        "kepala terminal",
        "petugas operasional stasiun",
        "koordinator operator angkutan",
    ],
}

THEMES["Ekspor-Impor"] = {
    "weight": 6,
    "kab": True,
    "kab_weights": {"3101": 1, "3171": 1, "3172": 3, "3173": 1, "3174": 2, "3175": 6},
    "place": "kawasan",
    "scopes": {"dki": 65, "nasional": 20, "global": 15},
    "dirs": {"naik": 55, "turun": 45},
    "indicators": [(_EKSIM, 1.0), (_PE, 0.15)],
    "press": ["jakarta.bps.go.id", "bps.go.id"],
    "keywords": [
        "ekspor",
        "impor",
        "neraca perdagangan",
        "tanjung priok",
        "nilai tukar",
        "perdagangan internasional",
    ],
    "slots": {
        "kom": [
            {"komoditas": "perhiasan dan permata", "kw1": "perhiasan", "tujuan": "Swiss"},
            {"komoditas": "kendaraan dan bagiannya", "kw1": "otomotif", "tujuan": "Filipina"},
            {"komoditas": "ikan dan udang", "kw1": "produk perikanan", "tujuan": "Jepang"},
            {
                "komoditas": "mesin dan perlengkapan elektrik",
                "kw1": "elektronik",
                "tujuan": "Singapura",
            },
            {"komoditas": "alas kaki", "kw1": "alas kaki", "tujuan": "Amerika Serikat"},
            {"komoditas": "pakaian jadi", "kw1": "tekstil", "tujuan": "Amerika Serikat"},
            {
                "komoditas": "bahan kimia organik",
                "kw1": "bahan kimia",
                "tujuan": "Tiongkok",
            },
        ],
        "sbb": {
            "naik": [
                {"sebab": "meningkatnya permintaan dari negara mitra dagang utama"},
                {"sebab": "melemahnya nilai tukar rupiah yang membuat produk lebih kompetitif"},
                {
                    "sebab": "percepatan pengiriman sebelum berlakunya tarif impor baru Amerika "
                    "Serikat",
                    "when": "efisiensi",
                },
                {"sebab": "naiknya harga komoditas di pasar internasional"},
                {
                    "sebab": "lonjakan pesanan menjelang {momen} di negara tujuan",
                    "when": "akhir_tahun",
                },
            ],
            "turun": [
                {"sebab": "melemahnya permintaan global, terutama dari Tiongkok dan Eropa"},
                {"sebab": "turunnya harga komoditas di pasar internasional"},
                {"sebab": "ketidakpastian kebijakan tarif perdagangan Amerika Serikat"},
                {
                    "sebab": "berkurangnya hari kerja akibat libur {momen}",
                    "when": ("lebaran", "pasca_lebaran"),
                },
                {"sebab": "gangguan rantai pasok dan naiknya biaya pengapalan"},
            ],
        },
    },
    "nums": {
        "ekspor": (0.95, 1.45, 2),
        "impor": (6.8, 9.6, 2),
        "pct": (1.2, 16.0, 2),
        "pangsa": (12.0, 31.0, 2),
    },
    "aktor": [
        "Kepala BPS Provinsi DKI Jakarta",
        "Ketua Gabungan Pengusaha Ekspor Indonesia (GPEI) DKI Jakarta",
        "ekonom Bank Permata",
        "Kepala Dinas PPKUKM DKI Jakarta",
    ],
    "titles": {
        "naik": [
            "Ekspor Jakarta {bulan} {tahun} Naik {pct} Persen Jadi US${ekspor} Miliar",
            "Ekspor {komoditas_t} Dorong Kinerja Ekspor Jakarta {bulan} {tahun}",
            "Nilai Ekspor DKI Jakarta {bulan} {tahun} Capai US${ekspor} Miliar, {komoditas_t} "
            "Terbesar",
            "Pengiriman {komoditas_t} ke {tujuan_t} Melonjak pada {bulan} {tahun}",
        ],
        "turun": [
            "Ekspor Jakarta {bulan} {tahun} Turun {pct} Persen Jadi US${ekspor} Miliar",
            "Permintaan Global Melemah, Ekspor {komoditas_t} dari Jakarta Turun pada {bulan}",
            "Impor Melalui Jakarta {bulan} {tahun} Turun {pct} Persen Jadi US${impor} Miliar",
            "Ekspor {komoditas_t} ke {tujuan_t} Merosot pada {bulan} {tahun}",
        ],
    },
    "leads": [
        "{bps} mencatat nilai ekspor Jakarta pada {bulan} {tahun} sebesar US${ekspor} miliar, "
        "{arah} {pct} persen dibanding {bulan_lalu}.",
        "Nilai impor melalui pelabuhan di Jakarta pada {bulan} {tahun} tercatat US${impor} "
        "miliar, sementara ekspor mencapai US${ekspor} miliar.",
        "Komoditas {komoditas} menyumbang {pangsa} persen dari total ekspor Jakarta pada "
        "{bulan} {tahun}, dengan tujuan utama {tujuan}.",
    ],
    "causes": [
        "Menurut {aktor}, perubahan kinerja ekspor dipengaruhi oleh {sebab}.",
        "{aktor} menyebut {sebab} menjadi faktor utama pergerakan nilai perdagangan Jakarta.",
        "Pelaku usaha di {tempat} menilai {sebab} berdampak langsung pada volume "
        "pengiriman barang.",
    ],
    "extras": [
        "Ekspor {komoditas} ke {tujuan} menjadi salah satu penentu pergerakan nilai ekspor "
        "pada bulan tersebut.",
        "Impor bahan baku dan barang modal masih mendominasi arus barang yang masuk melalui "
        "Pelabuhan Tanjung Priok.",
    ],
    "closings": [
        "{aktor2} mendorong eksportir memperluas pasar ke negara nontradisional di Timur "
        "Tengah dan Afrika.",
        "Pemerintah diharapkan memperkuat fasilitasi ekspor bagi UMKM agar kinerja "
        "perdagangan Jakarta lebih stabil.",
        "{aktor2} memperkirakan kinerja ekspor masih akan dipengaruhi dinamika harga "
        "komoditas dan kebijakan dagang negara mitra.",
    ],
    "topik": ["arus barang ekspor dan impor", "pengiriman {komoditas}"],
    "peserta": ["eksportir dan pengusaha logistik", "pengelola pelabuhan dan forwarder"],
    "narasumber": ["pengusaha logistik", "eksportir {komoditas}", "pengelola gudang"],
}

THEMES["Konsumsi dan Pendapatan"] = {
    "weight": 6,
    "kab": True,
    "place": "pasar",
    "scopes": {"dki": 80, "nasional": 15, "bodetabek": 5},
    "dirs": {"naik": 45, "turun": 50, "stabil": 5},
    "indicators": [(_MISKIN, 0.6), (_PE, 0.2)],
    "keywords": [
        "daya beli",
        "konsumsi rumah tangga",
        "kelas menengah",
        "pendapatan",
        "garis kemiskinan",
        "belanja masyarakat",
        "ump",
    ],
    "slots": {
        "sbb": {
            "naik": [
                {
                    "sebab": "meningkatnya belanja masyarakat menjelang {momen}",
                    "sebab_singkat": "belanja {momen}",
                    "when": ("lebaran", "nataru"),
                },
                {
                    "sebab": "pencairan tunjangan hari raya (THR) bagi pekerja",
                    "sebab_singkat": "pencairan THR",
                    "kw2": "thr",
                    "when": "lebaran",
                },
                {
                    "sebab": "kenaikan upah minimum provinsi yang mulai berlaku awal tahun",
                    "sebab_singkat": "kenaikan UMP",
                    "kw2": "ump",
                    "when": "awal_tahun",
                },
                {
                    "sebab": "pemberian diskon besar-besaran dalam program Jakarta Great Sale",
                    "sebab_singkat": "Jakarta Great Sale",
                    "when": "hut_jakarta",
                },
                {
                    "sebab": "meningkatnya penjualan daring melalui platform e-commerce",
                    "sebab_singkat": "belanja daring",
                    "kw2": "e-commerce",
                },
            ],
            "turun": [
                {
                    "sebab": "melemahnya daya beli kelas menengah",
                    "sebab_singkat": "daya beli melemah",
                    "kw2": "kelas menengah",
                },
                {
                    "sebab": "beralihnya konsumen ke belanja daring",
                    "sebab_singkat": "konsumen beralih ke daring",
                    "kw2": "e-commerce",
                },
                {
                    "sebab": "meningkatnya kebutuhan biaya sekolah pada {momen}",
                    "sebab_singkat": "biaya sekolah",
                    "when": "ajaran_baru",
                },
                {
                    "sebab": "kecenderungan masyarakat menahan belanja dan menambah tabungan",
                    "sebab_singkat": "warga tahan belanja",
                    "kw2": "tabungan",
                },
                {
                    "sebab": "maraknya pinjaman daring dan judi online yang menggerus pendapatan",
                    "sebab_singkat": "jerat pinjol",
                    "kw2": "pinjol",
                },
            ],
            "stabil": [
                {
                    "sebab": "terjaganya inflasi dan pendapatan riil masyarakat",
                    "sebab_singkat": "inflasi terjaga",
                }
            ],
        },
    },
    "nums": {
        "ikk": (112.0, 132.0, 1),
        "ipr": (1.5, 9.5, 2),
        "gk": (815000, 880000, 0, 1),
        "omzet": (15, 45, 0),
        "konsumsi": (4.2, 5.3, 2),
    },
    "aktor": [
        "Ketua Aprindo DKI Jakarta",
        "Kepala Perwakilan Bank Indonesia Provinsi DKI Jakarta",
        "ekonom CORE Indonesia",
        "Ketua Himpunan Peritel dan Penyewa Pusat Perbelanjaan Indonesia (Hippindo)",
        "Kepala BPS Provinsi DKI Jakarta",
    ],
    "titles": {
        "naik": [
            "{sebab_singkat_t} Dongkrak Omzet Pedagang {tempat_t} hingga {omzet} Persen",
            "Indeks Keyakinan Konsumen Jakarta {bulan} {tahun} Naik ke Level {ikk}",
            "Belanja Warga Jakarta Meningkat pada {bulan} {tahun}, {sebab_singkat_t} Jadi Pemicu",
            "Penjualan Eceran di Jakarta {bulan} {tahun} Tumbuh {ipr} Persen",
        ],
        "turun": [
            "Daya Beli Warga Melemah, Pedagang {tempat_t} Keluhkan Omzet Turun {omzet} Persen",
            "Indeks Keyakinan Konsumen Jakarta {bulan} {tahun} Turun ke Level {ikk}",
            "{sebab_singkat_t}, Penjualan Eceran di Jakarta Turun {ipr} Persen pada {bulan}",
            "Kelas Menengah Jakarta Tahan Belanja pada {bulan} {tahun}, Ritel Lesu",
        ],
        "stabil": ["Keyakinan Konsumen Jakarta {bulan} {tahun} Stabil di Level {ikk}"],
        "*": ["Garis Kemiskinan Jakarta Jadi Rp{gk} per Kapita per Bulan, {sebab_singkat_t}"],
    },
    "leads": [
        "Survei Konsumen Bank Indonesia mencatat Indeks Keyakinan Konsumen (IKK) Jakarta pada "
        "{bulan} {tahun} berada di level {ikk}, {meningkat} dibanding {bulan_lalu}.",
        "Pedagang di {tempat} mengaku omzet pada {bulan} {tahun} {arah} sekitar {omzet} "
        "persen dibanding bulan sebelumnya.",
        "Garis kemiskinan Jakarta tercatat sebesar Rp{gk} per kapita per bulan, tertinggi "
        "di antara provinsi lain di Indonesia.",
    ],
    "causes": [
        "Menurut {aktor}, kondisi tersebut dipengaruhi oleh {sebab}.",
        "{aktor} menilai {sebab} menjadi faktor utama perubahan pola belanja warga Jakarta.",
        "Pengelola {tempat} menyebut {sebab} terlihat dari jumlah pengunjung dan transaksi harian.",
    ],
    "extras": [
        "Porsi pengeluaran untuk makanan jadi dan minuman terus meningkat dalam struktur "
        "konsumsi rumah tangga Jakarta.",
        "Konsumsi rumah tangga Jakarta tumbuh {konsumsi} persen dan masih menjadi penopang "
        "utama perekonomian.",
    ],
    "closings": [
        "{aktor2} meminta pemerintah menjaga stabilitas harga agar daya beli masyarakat "
        "tidak semakin tertekan.",
        "Pemprov DKI Jakarta menyiapkan program belanja dan diskon untuk mendorong "
        "konsumsi di pusat perbelanjaan dan pasar rakyat.",
        "{aktor2} memperkirakan pola belanja masyarakat akan kembali normal pada {bulan_depan}.",
    ],
    "topik": ["pola belanja dan pendapatan warga", "omzet pedagang dan daya beli"],
    "peserta": ["pedagang dan pengelola pasar", "pelaku UMKM dan tokoh masyarakat"],
    "narasumber": ["pedagang pakaian", "pengelola pasar", "pemilik warung sembako"],
}

THEMES["Perlindungan Sosial"] = {
    "weight": 5,
    "kab": True,
    "place": "kecamatan",
    "scopes": {"dki": 85, "nasional": 15},
    "dirs": {"turun": 60, "naik": 35, "stabil": 5},
    "indicators": [(_MISKIN, 0.85)],
    "press": ["jakarta.go.id", "jakarta.bps.go.id"],
    "keywords": [
        "kemiskinan",
        "bansos",
        "perlindungan sosial",
        "penduduk miskin",
        "dtsen",
        "kartu lansia jakarta",
        "pkh",
    ],
    "slots": {
        "prog": [
            {"program": "Kartu Lansia Jakarta (KLJ)", "kw1": "kartu lansia jakarta"},
            {"program": "Kartu Penyandang Disabilitas Jakarta (KPDJ)", "kw1": "kpdj"},
            {"program": "Kartu Anak Jakarta (KAJ)", "kw1": "kartu anak jakarta"},
            {"program": "Program Keluarga Harapan (PKH)", "kw1": "pkh"},
            {"program": "Bantuan Pangan Non Tunai (BPNT)", "kw1": "bpnt"},
            {"program": "bantuan pangan beras 10 kilogram", "kw1": "bantuan pangan"},
        ],
        "sbb": {
            "turun": [
                {"sebab": "penyaluran bantuan sosial yang lebih tepat sasaran"},
                {
                    "sebab": "terkendalinya inflasi pangan sehingga daya beli penduduk miskin "
                    "terjaga"
                },
                {
                    "sebab": "meningkatnya pendapatan pekerja informal seiring pulihnya aktivitas "
                    "usaha"
                },
                {"sebab": "pemutakhiran data penerima bantuan dalam DTSEN"},
            ],
            "naik": [
                {"sebab": "kenaikan harga beras yang menggerus daya beli rumah tangga miskin"},
                {"sebab": "bertambahnya pekerja yang kehilangan pekerjaan akibat PHK"},
                {"sebab": "tertundanya penyaluran bantuan sosial akibat pemutakhiran data"},
                {"sebab": "naiknya biaya hidup, terutama sewa tempat tinggal dan transportasi"},
            ],
            "stabil": [{"sebab": "penyaluran bantuan sosial yang berjalan rutin"}],
        },
    },
    "nums": {
        "p0": (4.0, 4.7, 2),
        "miskin": (440, 485, 1),
        "penerima": (15000, 150000, 0, 100),
        "nominal": (300, 600, 0, 50),
    },
    "aktor": [
        "Kepala Dinas Sosial DKI Jakarta",
        "Kepala BPS Provinsi DKI Jakarta",
        "Wakil Ketua DPRD DKI Jakarta",
        "peneliti SMERU Research Institute",
    ],
    "titles": {
        "turun": [
            "Persentase Penduduk Miskin Jakarta Turun Jadi {p0} Persen",
            "Penduduk Miskin Jakarta Berkurang Jadi {miskin} Ribu Orang, Bansos Jadi Penopang",
            "Penyaluran {program_t} Tahap {bulan} {tahun} Sasar {penerima} Penerima",
        ],
        "naik": [
            "Jumlah Penduduk Miskin Jakarta Naik Jadi {miskin} Ribu Orang",
            "Persentase Penduduk Miskin Jakarta Naik ke {p0} Persen, Harga Pangan Disorot",
            "Penyaluran {program_t} di {tempat_t} Tertunda, Warga Mengeluh pada {bulan} {tahun}",
        ],
        "stabil": ["Angka Kemiskinan Jakarta Bertahan di {p0} Persen pada {bulan} {tahun}"],
        "*": [
            "Pemprov DKI Salurkan {program_t} kepada {penerima} Warga pada {bulan} {tahun}",
        ],
    },
    "leads": [
        "{bps} mencatat persentase penduduk miskin Jakarta sebesar {p0} persen atau sekitar "
        "{miskin} ribu orang, {arah} dibanding periode sebelumnya.",
        "Pemprov DKI Jakarta menyalurkan {program} kepada {penerima} penerima pada {bulan} "
        "{tahun} dengan nilai Rp{nominal} ribu per bulan.",
        "Dinas Sosial DKI Jakarta mencatat {penerima} keluarga di Jakarta menerima {program} "
        "pada periode {bulan} {tahun}.",
    ],
    "causes": [
        "Menurut {aktor}, perubahan angka kemiskinan dipengaruhi oleh {sebab}.",
        "{aktor} menyebut {sebab} menjadi faktor penting bagi kesejahteraan rumah tangga "
        "berpendapatan rendah.",
        "Warga di {tempat} menilai {sebab} berpengaruh langsung terhadap kebutuhan sehari-hari "
        "mereka.",
    ],
    "extras": [
        "Penduduk miskin Jakarta sebagian besar tinggal di permukiman padat di wilayah utara "
        "dan timur.",
        "Komoditas beras dan rokok kretek filter masih menjadi penyumbang terbesar garis "
        "kemiskinan Jakarta.",
    ],
    "closings": [
        "Dinas Sosial DKI Jakarta memastikan pemutakhiran data penerima bantuan dilakukan "
        "setiap bulan agar tepat sasaran.",
        "{aktor2} meminta bantuan sosial disertai program pemberdayaan agar keluarga penerima "
        "dapat mandiri.",
    ],
    "topik": ["penyaluran {program}", "kondisi rumah tangga miskin dan penerima bantuan"],
    "peserta": ["pendamping PKH dan pengurus RT/RW", "lurah dan pendamping sosial"],
    "narasumber": ["pendamping PKH", "ketua RW", "petugas Suku Dinas Sosial"],
}


def _light(**kw) -> dict:
    """Lighter themes share sensible defaults."""
    base = {"kab": False, "place": "kecamatan", "scopes": {"dki": 1}, "dirs": {"naik": 1}}
    base.update(kw)
    return base


THEMES["Kependudukan dan Migrasi"] = _light(
    weight=3,
    kab=True,
    scopes={"dki": 60, "bodetabek": 25, "luar_jawa": 15},
    dirs={"naik": 60, "turun": 40},
    keywords=["urbanisasi", "pendatang baru", "komuter", "kependudukan", "dukcapil"],
    slots={
        "sbb": {
            "naik": [
                {
                    "sebab": "arus balik {momen} yang membawa pendatang baru dari daerah",
                    "sebab_singkat": "arus balik Lebaran",
                    "when": ("lebaran", "pasca_lebaran"),
                },
                {
                    "sebab": "terbukanya lapangan kerja sektor jasa dan perdagangan di Jakarta",
                    "sebab_singkat": "daya tarik lapangan kerja",
                },
                {
                    "sebab": "meningkatnya jumlah komuter dari Bogor, Depok, Tangerang, dan Bekasi",
                    "sebab_singkat": "komuter bertambah",
                    "kw1": "komuter",
                },
            ],
            "turun": [
                {
                    "sebab": "penataan administrasi kependudukan dan penonaktifan NIK warga yang "
                    "tidak lagi berdomisili di Jakarta",
                    "sebab_singkat": "penonaktifan NIK",
                    "kw1": "penonaktifan nik",
                },
                {
                    "sebab": "mahalnya biaya tempat tinggal yang mendorong warga pindah ke "
                    "Bodetabek",
                    "sebab_singkat": "biaya hunian mahal",
                },
            ],
        },
    },
    nums={"pendatang": (8000, 25000, 0, 50), "komuter": (3.2, 3.9, 2), "nik": (50, 200, 0)},
    titles=[
        "Dukcapil DKI Catat {pendatang} Pendatang Baru di Jakarta pada {bulan} {tahun}",
        "{sebab_singkat_t}, Jumlah Penduduk di {tempat_t} Berubah pada {bulan} {tahun}",
        "Jumlah Komuter Bodetabek ke Jakarta Capai {komuter} Juta Orang per Hari",
        "Pendatang Baru di Jakarta {bulan} {tahun} Didominasi Usia Produktif",
    ],
    leads=[
        "Dinas Kependudukan dan Pencatatan Sipil DKI Jakarta mencatat {pendatang} pendatang "
        "baru masuk ke Jakarta pada {bulan} {tahun}, sebagian besar berusia 20-35 tahun.",
        "Jumlah komuter dari Bodetabek yang beraktivitas di Jakarta diperkirakan mencapai "
        "{komuter} juta orang per hari pada {bulan} {tahun}.",
        "Pemprov DKI Jakarta menata data kependudukan terhadap sekitar {nik} ribu NIK warga "
        "yang tidak lagi tinggal sesuai alamat pada {bulan} {tahun}.",
    ],
    causes=[
        "Menurut Kepala Dinas Dukcapil DKI Jakarta, perubahan tersebut dipengaruhi oleh {sebab}.",
        "Aparat kelurahan di {tempat} menyebut {sebab} terlihat dari bertambahnya pengurusan "
        "dokumen kependudukan.",
    ],
    extras=[
        "Wilayah Jakarta Timur dan Jakarta Barat menjadi tujuan utama pendatang baru karena "
        "biaya sewa tempat tinggal relatif lebih murah.",
    ],
    closings=[
        "Pemprov DKI Jakarta mengimbau pendatang baru segera melapor ke RT/RW dan kelurahan "
        "setempat.",
        "Data mobilitas penduduk ini menjadi masukan bagi perencanaan layanan transportasi "
        "dan perumahan di Jakarta.",
    ],
    topik=["mobilitas dan pertambahan penduduk", "kedatangan pendatang baru"],
    peserta=["lurah, ketua RT/RW, dan petugas Dukcapil"],
    narasumber=["petugas Dukcapil kelurahan", "ketua RW", "lurah setempat"],
)

THEMES["Pendidikan"] = _light(
    weight=3,
    kab=True,
    dirs={"naik": 70, "turun": 30},
    indicators=[(_IPM, 0.5)],
    keywords=["pendidikan", "kjp plus", "sekolah", "putus sekolah", "rata-rata lama sekolah"],
    slots={
        "sbb": {
            "naik": [
                {"sebab": "perluasan penerima Kartu Jakarta Pintar (KJP) Plus", "kw1": "kjp plus"},
                {
                    "sebab": "program sekolah swasta gratis yang mulai diujicobakan Pemprov DKI",
                    "kw1": "sekolah gratis",
                },
                {
                    "sebab": "bertambahnya daya tampung sekolah negeri melalui pembangunan unit "
                    "sekolah baru"
                },
            ],
            "turun": [
                {
                    "sebab": "keterbatasan daya tampung sekolah negeri pada seleksi penerimaan "
                    "murid baru",
                    "kw1": "spmb",
                },
                {"sebab": "tingginya biaya pendidikan di sekolah swasta"},
            ],
        },
    },
    nums={"kjp": (480, 710, 1), "rls": (11.2, 11.6, 2), "aps": (68.0, 76.0, 2)},
    titles=[
        "Pencairan KJP Plus Tahap {bulan} {tahun} Sasar {kjp} Ribu Pelajar Jakarta",
        "Angka Partisipasi Sekolah Usia 16-18 Tahun di Jakarta Capai {aps} Persen",
        "Rata-rata Lama Sekolah Warga Jakarta Jadi {rls} Tahun, Tertinggi Nasional",
        "Orang Tua di {tempat_t} Keluhkan Daya Tampung Sekolah Negeri pada {bulan} {tahun}",
    ],
    leads=[
        "Pemprov DKI Jakarta mencairkan dana KJP Plus kepada {kjp} ribu pelajar pada {bulan} "
        "{tahun} untuk membantu kebutuhan sekolah.",
        "Rata-rata lama sekolah penduduk Jakarta berusia 25 tahun ke atas tercatat {rls} "
        "tahun, sementara APS usia 16-18 tahun mencapai {aps} persen.",
    ],
    causes=[
        "Menurut Kepala Dinas Pendidikan DKI Jakarta, kondisi tersebut dipengaruhi oleh {sebab}.",
        "Kepala sekolah di {tempat} menilai {sebab} berdampak pada jumlah siswa yang "
        "melanjutkan sekolah.",
    ],
    extras=[
        "Angka putus sekolah tertinggi masih ditemukan di permukiman padat di Jakarta Utara "
        "dan Jakarta Barat.",
    ],
    closings=[
        "Pemprov DKI Jakarta menargetkan tidak ada anak usia sekolah yang putus sekolah "
        "karena alasan biaya.",
        "DPRD DKI Jakarta meminta pemutakhiran data penerima bantuan pendidikan dilakukan "
        "secara berkala.",
    ],
    topik=["akses dan biaya pendidikan", "penyaluran KJP Plus"],
    peserta=["kepala sekolah dan komite sekolah", "orang tua murid dan guru"],
    narasumber=["kepala sekolah", "pengurus komite sekolah", "orang tua murid"],
)

THEMES["Kesehatan"] = _light(
    weight=3,
    kab=True,
    dirs={"naik": 55, "turun": 45},
    indicators=[(_IPM, 0.4)],
    keywords=["kesehatan", "dbd", "ispa", "polusi udara", "puskesmas", "stunting"],
    slots={
        "peny": {
            "naik": [
                {
                    "penyakit": "demam berdarah dengue (DBD)",
                    "kw1": "dbd",
                    "sebab": "curah hujan tinggi dan banyaknya genangan air",
                    "when": "musim_hujan",
                },
                {
                    "penyakit": "infeksi saluran pernapasan akut (ISPA)",
                    "kw1": "ispa",
                    "sebab": "memburuknya kualitas udara selama musim kemarau",
                    "when": "kemarau",
                },
                {
                    "penyakit": "diare",
                    "kw1": "diare",
                    "sebab": "terbatasnya akses air bersih di permukiman padat",
                },
            ],
            "turun": [
                {
                    "penyakit": "demam berdarah dengue (DBD)",
                    "kw1": "dbd",
                    "sebab": "gerakan pemberantasan sarang nyamuk dan berakhirnya musim hujan",
                },
                {
                    "penyakit": "balita stunting",
                    "kw1": "stunting",
                    "sebab": "pemberian makanan tambahan dan pendampingan gizi di posyandu",
                },
            ],
        },
    },
    nums={"kasus": (450, 3200, 0), "pct": (5.0, 40.0, 1)},
    titles={
        "naik": [
            "Kasus {penyakit_t} di Jakarta {bulan} {tahun} Naik Jadi {kasus} Kasus",
            "Puskesmas di {tempat_t} Catat Lonjakan Pasien {penyakit_t}",
            "Dinkes DKI Catat {kasus} Kasus {penyakit_t} Sepanjang {bulan} {tahun}",
        ],
        "turun": [
            "Kasus {penyakit_t} di Jakarta Turun {pct} Persen pada {bulan} {tahun}",
            "Dinkes DKI: Jumlah {penyakit_t} di {tempat_t} Menurun pada {bulan} {tahun}",
        ],
    },
    leads=[
        "Dinas Kesehatan DKI Jakarta mencatat {kasus} kasus {penyakit} pada {bulan} {tahun}, "
        "{arah} {pct} persen dibanding bulan sebelumnya.",
        "Puskesmas di {tempat} melaporkan jumlah pasien {penyakit} {meningkat} sepanjang "
        "{bulan} {tahun}.",
    ],
    causes=[
        "Menurut Kepala Dinas Kesehatan DKI Jakarta, kondisi tersebut dipengaruhi oleh {sebab}.",
        "Petugas puskesmas di {tempat} menyebut {sebab} menjadi faktor utama perubahan "
        "jumlah kasus.",
    ],
    extras=["Kelompok balita dan lansia menjadi kelompok yang paling rentan."],
    closings=[
        "Dinkes DKI Jakarta mengimbau warga menerapkan perilaku hidup bersih dan sehat serta "
        "segera memeriksakan diri ke fasilitas kesehatan.",
        "Pemprov DKI Jakarta menyiagakan puskesmas dan rumah sakit daerah untuk menangani "
        "lonjakan pasien.",
    ],
    topik=["kasus {penyakit} di puskesmas", "kondisi kesehatan warga"],
    peserta=["kader posyandu dan petugas puskesmas"],
    narasumber=["kepala puskesmas", "kader posyandu", "petugas surveilans puskesmas"],
)

THEMES["Pemukiman dan Perumahan"] = _light(
    weight=3,
    kab=True,
    dirs={"naik": 70, "turun": 30},
    indicators=[(_MISKIN, 0.25)],
    keywords=["perumahan", "rusun", "harga rumah", "permukiman kumuh", "backlog perumahan"],
    slots={
        "sbb": {
            "naik": [
                {"sebab": "tingginya permintaan hunian dekat simpul transportasi", "kw1": "tod"},
                {"sebab": "naiknya harga tanah dan bahan bangunan"},
                {
                    "sebab": "program penataan kampung dan pembangunan rusun oleh Pemprov DKI",
                    "kw1": "rusun",
                },
            ],
            "turun": [
                {
                    "sebab": "melemahnya daya beli dan ketatnya syarat kredit pemilikan rumah",
                    "kw1": "kpr",
                },
                {
                    "sebab": "banyaknya unit rusun yang belum terisi karena lokasi jauh dari "
                    "tempat kerja",
                    "kw1": "rusun",
                },
            ],
        },
    },
    nums={"ihpr": (1.0, 3.5, 2), "unit": (200, 1500, 0, 10), "backlog": (1.1, 1.4, 2)},
    titles=[
        "Harga Rumah Tapak di Jakarta Naik {ihpr} Persen pada Triwulan {triwulan} {tahun}",
        "Pemprov DKI Siapkan {unit} Unit Rusun bagi Warga {tempat_t}",
        "Backlog Perumahan Jakarta Capai {backlog} Juta Unit, Hunian Terjangkau Minim",
        "Penataan Permukiman Padat di {tempat_t} Dimulai pada {bulan} {tahun}",
    ],
    leads=[
        "Survei Harga Properti Residensial Bank Indonesia mencatat harga rumah di Jakarta "
        "pada triwulan {triwulan} {tahun} naik {ihpr} persen (yoy).",
        "Dinas Perumahan Rakyat dan Kawasan Permukiman DKI Jakarta menyiapkan {unit} unit "
        "rusun bagi warga terdampak penataan di {tempat} pada {bulan} {tahun}.",
    ],
    causes=[
        "Menurut pengembang dan pengamat properti, kondisi tersebut dipengaruhi oleh {sebab}.",
        "Warga di {tempat} menilai {sebab} menentukan keputusan mereka untuk menyewa atau "
        "membeli hunian.",
    ],
    extras=[
        "Kebutuhan rumah layak huni di Jakarta diperkirakan mencapai {backlog} juta unit.",
    ],
    closings=[
        "Pemprov DKI Jakarta menargetkan penambahan hunian terjangkau melalui skema rusun "
        "sewa dan kampung susun.",
        "Pengamat perkotaan mendorong pembangunan hunian vertikal di kawasan berorientasi transit.",
    ],
    topik=["kondisi hunian dan permukiman warga", "kebutuhan rumah layak huni"],
    peserta=["pengurus RW dan warga permukiman padat", "pengelola rusunawa dan penghuni"],
    narasumber=["pengelola rusunawa", "ketua RW", "agen properti"],
)

THEMES["Hukum dan Kriminal"] = _light(
    weight=2,
    dirs={"naik": 60, "turun": 40},
    keywords=["kriminalitas", "keamanan", "polda metro jaya", "penipuan online", "tawuran"],
    slots={
        "kej": [
            {"kejahatan": "pencurian kendaraan bermotor", "kw1": "curanmor"},
            {"kejahatan": "penipuan daring", "kw1": "penipuan online"},
            {"kejahatan": "tawuran antarwarga", "kw1": "tawuran"},
            {"kejahatan": "peredaran narkoba", "kw1": "narkoba"},
            {"kejahatan": "judi online", "kw1": "judi online"},
        ],
    },
    nums={"kasus": (120, 950, 0), "pct": (4.0, 30.0, 1)},
    titles={
        "naik": [
            "Kasus {kejahatan_t} di Jakarta Naik {pct} Persen pada {bulan} {tahun}",
            "Polda Metro Jaya Tangani {kasus} Kasus {kejahatan_t} pada {bulan} {tahun}",
            "Warga {tempat_t} Resah, Kasus {kejahatan_t} Meningkat pada {bulan} {tahun}",
        ],
        "turun": [
            "Kasus {kejahatan_t} di Jakarta Turun {pct} Persen pada {bulan} {tahun}",
            "Patroli Diperketat, {kejahatan_t} di {tempat_t} Berkurang pada {bulan} {tahun}",
        ],
    },
    leads=[
        "Polda Metro Jaya mencatat {kasus} kasus {kejahatan} di wilayah Jakarta pada {bulan} "
        "{tahun}, {arah} {pct} persen dibanding bulan sebelumnya.",
        "Kasus {kejahatan} di {tempat} {meningkat} sepanjang {bulan} {tahun} menurut "
        "laporan kepolisian sektor setempat.",
    ],
    causes=[
        "Kepolisian menyebut faktor ekonomi dan lemahnya pengawasan lingkungan menjadi "
        "pemicu utama kasus {kejahatan}.",
        "Menurut kriminolog Universitas Indonesia, perubahan tersebut berkaitan dengan "
        "kondisi ekonomi dan intensitas patroli di {tempat}.",
    ],
    extras=[
        "Sebagian besar pelaku yang diamankan berusia produktif dan tidak memiliki pekerjaan tetap."
    ],
    closings=[
        "Polda Metro Jaya mengimbau warga mengaktifkan sistem keamanan lingkungan dan segera "
        "melapor jika menemukan tindak kejahatan.",
        "Pemprov DKI Jakarta bersama kepolisian menambah titik CCTV dan patroli di kawasan rawan.",
    ],
)

THEMES["Budaya"] = _light(
    weight=2,
    kab=True,
    kab_weights={"3101": 1, "3171": 3, "3172": 1, "3173": 2, "3174": 3, "3175": 1},
    place="wisata",
    indicators=[(_PAR, 0.4)],
    keywords=["budaya betawi", "festival", "museum", "seni budaya", "ekonomi kreatif"],
    slots={
        "acara": [
            {"acara": "Lebaran Betawi", "kw1": "lebaran betawi"},
            {"acara": "Festival Palang Pintu", "kw1": "budaya betawi"},
            {"acara": "Jakarnaval", "kw1": "jakarnaval", "when": "hut_jakarta"},
            {"acara": "Festival Kota Tua", "kw1": "kota tua"},
            {"acara": "Festival Cap Go Meh di Glodok", "kw1": "cap go meh", "when": "awal_tahun"},
            {"acara": "pekan museum Jakarta", "kw1": "museum"},
        ],
    },
    nums={"pengunjung": (15, 120, 1), "umkm": (80, 400, 0)},
    titles=[
        "{acara_t} di {tempat_t} Sedot {pengunjung} Ribu Pengunjung pada {bulan} {tahun}",
        "{acara_t} {tahun} Libatkan {umkm} Pelaku UMKM dan Seniman Lokal",
        "Ribuan Warga Padati {acara_t} di {tempat_t}, {bulan} {tahun}",
    ],
    leads=[
        "Penyelenggaraan {acara} di {tempat} pada {bulan} {tahun} dikunjungi sekitar "
        "{pengunjung} ribu orang.",
        "Dinas Kebudayaan DKI Jakarta menggelar {acara} pada {bulan} {tahun} dengan "
        "melibatkan {umkm} pelaku UMKM dan sanggar seni.",
    ],
    causes=[
        "Menurut Kepala Dinas Kebudayaan DKI Jakarta, tingginya antusiasme warga didorong "
        "oleh promosi di media sosial dan akses transportasi umum yang mudah.",
        "Pelaku UMKM di {tempat} mengaku penjualan kuliner dan kerajinan meningkat selama "
        "acara berlangsung.",
    ],
    extras=[
        "Pertunjukan ondel-ondel, lenong, dan gambang kromong menjadi daya tarik utama "
        "bagi pengunjung."
    ],
    closings=[
        "Pemprov DKI Jakarta berencana menjadikan acara ini agenda tahunan untuk memperkuat "
        "citra Jakarta sebagai kota budaya.",
        "Kegiatan budaya ini diharapkan turut mendorong kunjungan wisatawan dan ekonomi "
        "kreatif di Jakarta.",
    ],
    topik=["penyelenggaraan {acara}", "kegiatan seni budaya dan UMKM"],
    peserta=["pengelola sanggar seni dan pelaku UMKM", "tokoh budaya Betawi"],
    narasumber=["pengelola sanggar seni", "tokoh budaya Betawi", "panitia acara"],
)

THEMES["Aktivitas Politik dan Komunitas Lainnya"] = _light(
    weight=2,
    keywords=["pilkada", "unjuk rasa", "partisipasi pemilih", "musrenbang", "komunitas"],
    slots={
        "keg": [
            {
                "kegiatan": "masa kampanye {momen}",
                "kw1": "pilkada",
                "when": "pilkada",
                "dampak": "meningkatnya pesanan alat peraga kampanye dan konsumsi di sekitar "
                "lokasi kampanye",
            },
            {
                "kegiatan": "aksi unjuk rasa buruh di kawasan Patung Kuda",
                "kw1": "unjuk rasa",
                "dampak": "pengalihan arus lalu lintas dan tutupnya sejumlah toko di sekitar "
                "lokasi",
            },
            {
                "kegiatan": "Musrenbang tingkat kota",
                "kw1": "musrenbang",
                "dampak": "masuknya usulan perbaikan saluran air dan jalan lingkungan",
            },
            {
                "kegiatan": "kegiatan car free day komunitas",
                "kw1": "car free day",
                "dampak": "meningkatnya transaksi pedagang kaki lima di sekitar lokasi",
            },
        ],
    },
    nums={"peserta": (500, 15000, 0, 100), "usulan": (300, 2500, 0)},
    titles=[
        "{kegiatan_t} di Jakarta pada {bulan} {tahun} Diikuti {peserta} Orang",
        "Dampak {kegiatan_t} Terasa di {tempat_t} pada {bulan} {tahun}",
        "Warga {tempat_t} Ajukan {usulan} Usulan Pembangunan pada {bulan} {tahun}",
    ],
    leads=[
        "{kegiatan} yang berlangsung pada {bulan} {tahun} diikuti sekitar {peserta} orang.",
        "Pelaksanaan {kegiatan} pada {bulan} {tahun} memberikan dampak terhadap aktivitas "
        "ekonomi warga di {tempat}.",
    ],
    causes=[
        "Aparat kecamatan di {tempat} mencatat kegiatan tersebut menyebabkan {dampak}.",
        "Menurut pengamat sosial, kegiatan tersebut berdampak pada {dampak}.",
    ],
    extras=[
        "Pemprov DKI Jakarta mencatat sebanyak {usulan} usulan warga masuk melalui "
        "kanal aspirasi pada periode yang sama."
    ],
    closings=[
        "Pemprov DKI Jakarta meminta seluruh pihak menjaga ketertiban agar aktivitas ekonomi "
        "warga tidak terganggu.",
        "Pengamat menilai partisipasi warga dalam kegiatan komunitas perlu terus didorong.",
    ],
)

THEMES["Pertanian"] = _light(
    weight=3,
    kab=True,
    kab_weights={"3101": 1, "3171": 1, "3172": 4, "3174": 3, "3175": 2},
    scopes={"jawa": 45, "dki": 35, "nasional": 20},
    dirs={"naik": 55, "turun": 45},
    indicators=[(_PADI, 0.85), (_IHK, 0.15)],
    keywords=[
        "padi",
        "beras",
        "produksi padi",
        "luas panen",
        "pasar induk beras cipinang",
        "urban farming",
    ],
    slots={
        "sbb": {
            "naik": [
                {
                    "sebab": "panen raya di Karawang, Indramayu, dan Subang",
                    "sebab_singkat": "panen raya",
                    "when": "panen",
                },
                {
                    "sebab": "cukupnya pasokan air irigasi dan penggunaan benih unggul",
                    "sebab_singkat": "irigasi memadai",
                },
                {
                    "sebab": "program optimalisasi lahan dan pompanisasi sawah",
                    "sebab_singkat": "optimalisasi lahan",
                },
            ],
            "turun": [
                {
                    "sebab": "kemarau panjang yang membuat sebagian sawah puso",
                    "sebab_singkat": "kemarau panjang",
                    "when": "kemarau",
                },
                {
                    "sebab": "mundurnya musim tanam akibat banjir di sentra produksi",
                    "sebab_singkat": "musim tanam mundur",
                    "when": "musim_hujan",
                },
                {
                    "sebab": "alih fungsi lahan sawah menjadi permukiman dan pergudangan",
                    "sebab_singkat": "alih fungsi lahan",
                },
            ],
        },
    },
    nums={
        "stok": (28, 55, 1),
        "pasok": (2.5, 4.8, 1),
        "luas": (380, 620, 0),
        "prod": (2.1, 3.6, 2),
    },
    titles=[
        "Stok Beras di Pasar Induk Beras Cipinang {bulan} {tahun} Capai {stok} Ribu Ton",
        "{sebab_singkat_t}, Pasokan Beras ke Jakarta Capai {pasok} Ribu Ton per Hari",
        "Luas Panen Padi di Jakarta {tahun} Tinggal {luas} Hektare, {sebab_singkat_t}",
        "Produksi Padi {wil_s_t} Terpengaruh {sebab_singkat_t} pada {bulan} {tahun}",
    ],
    leads=[
        "Stok beras di Pasar Induk Beras Cipinang pada {bulan} {tahun} tercatat {stok} ribu "
        "ton dengan pasokan harian rata-rata {pasok} ribu ton.",
        "Luas panen padi di Jakarta yang tersebar di Cakung, Kalideres, dan Cilincing tercatat "
        "sekitar {luas} hektare dengan produktivitas {prod} ribu ton gabah.",
        "Produksi padi {di_wil} pada {bulan} {tahun} {meningkat} dibanding periode yang sama "
        "tahun sebelumnya.",
    ],
    causes=[
        "Menurut Direktur Utama PT Food Station Tjipinang Jaya, kondisi tersebut dipengaruhi "
        "oleh {sebab}.",
        "Petani di {tempat} menyebut {sebab} menentukan hasil panen musim ini.",
    ],
    extras=[
        "Sebagian besar pasokan beras Jakarta berasal dari Jawa Barat, Jawa Tengah, dan Jawa Timur."
    ],
    closings=[
        "Pemprov DKI Jakarta menjalin kerja sama antardaerah untuk menjamin pasokan beras "
        "tetap aman.",
        "Dinas KPKP DKI Jakarta juga mendorong pertanian perkotaan untuk menambah ketahanan "
        "pangan warga.",
    ],
    topik=["kondisi panen padi dan pasokan beras", "aktivitas pertanian perkotaan"],
    peserta=["kelompok tani dan penyuluh pertanian"],
    narasumber=["ketua kelompok tani", "penyuluh pertanian", "pedagang beras"],
)

THEMES["Kehutanan"] = _light(
    weight=1.2,
    keywords=["ruang terbuka hijau", "hutan kota", "mangrove", "penanaman pohon"],
    slots={
        "lok": [
            {"lokasi": "Hutan Lindung Angke Kapuk", "kw1": "mangrove"},
            {"lokasi": "Hutan Kota Srengseng", "kw1": "hutan kota"},
            {"lokasi": "Taman Wisata Alam Mangrove Angke Kapuk", "kw1": "mangrove"},
            {"lokasi": "Hutan Kota GBK", "kw1": "hutan kota"},
        ]
    },
    nums={"bibit": (2000, 25000, 0, 100), "rth": (5.0, 10.0, 1)},
    titles=[
        "Pemprov DKI Tanam {bibit} Bibit Pohon di {lokasi_t} pada {bulan} {tahun}",
        "Luas RTH Jakarta Baru {rth} Persen, Penanaman di {lokasi_t} Digencarkan",
        "Rehabilitasi {lokasi_t} Berlanjut, {bibit} Bibit Ditanam pada {bulan} {tahun}",
    ],
    leads=[
        "Dinas Pertamanan dan Hutan Kota DKI Jakarta menanam {bibit} bibit pohon di {lokasi} "
        "pada {bulan} {tahun}.",
        "Luas ruang terbuka hijau publik Jakarta baru sekitar {rth} persen dari luas wilayah, "
        "jauh di bawah target 20 persen.",
    ],
    causes=[
        "Penanaman dilakukan untuk mengurangi polusi udara, menahan abrasi, dan menambah "
        "daerah resapan air.",
        "Menurut pegiat lingkungan, keterbatasan lahan dan tingginya harga tanah menjadi "
        "kendala utama penambahan RTH.",
    ],
    closings=[
        "Pemprov DKI Jakarta mengajak komunitas dan perusahaan ikut mengadopsi pohon melalui "
        "program tanggung jawab sosial.",
        "Pemeliharaan bibit akan dipantau secara berkala agar tingkat hidup tanaman tinggi.",
    ],
)

THEMES["Perikanan"] = _light(
    weight=2,
    kab=True,
    kab_weights={"3101": 4, "3175": 5, "3172": 1, "3174": 1},
    place="pasar",
    scopes={"dki": 70, "luar_jawa": 20, "nasional": 10},
    dirs={"naik": 50, "turun": 50},
    indicators=[(_IHK, 0.35)],
    keywords=["perikanan", "nelayan", "harga ikan", "muara angke", "hasil tangkapan"],
    slots={
        "ikan": [
            {"ikan": "ikan kembung", "kw1": "ikan kembung"},
            {"ikan": "ikan tongkol", "kw1": "ikan tongkol"},
            {"ikan": "cumi-cumi", "kw1": "cumi"},
            {"ikan": "ikan tenggiri", "kw1": "ikan tenggiri"},
            {"ikan": "udang", "kw1": "udang"},
        ],
        "sbb": {
            "naik": [
                {
                    "sebab": "cuaca buruk dan gelombang tinggi yang membuat nelayan tidak melaut",
                    "when": "musim_hujan",
                },
                {"sebab": "berkurangnya pasokan ikan dari Lampung dan Sulawesi"},
                {"sebab": "naiknya harga solar dan biaya operasional kapal"},
            ],
            "turun": [
                {"sebab": "musim ikan dan cuaca yang mendukung nelayan melaut", "when": "kemarau"},
                {"sebab": "melimpahnya pasokan dari kapal-kapal yang bersandar di Muara Baru"},
            ],
        },
    },
    nums={"harga": (30000, 85000, 0, 500), "tangkap": (800, 2500, 0, 10), "pct": (5, 30, 0)},
    titles={
        "naik": [
            "Harga {ikan_t} di {tempat_t} Naik Jadi Rp{harga} per Kg pada {bulan} {tahun}",
            "Nelayan Sulit Melaut, Pasokan {ikan_t} di {tempat_t} Berkurang",
            "Hasil Tangkapan Turun, Harga {ikan_t} Naik {pct} Persen pada {bulan} {tahun}",
        ],
        "turun": [
            "Pasokan Melimpah, Harga {ikan_t} di {tempat_t} Turun ke Rp{harga} per Kg",
            "Hasil Tangkapan Nelayan {bulan} {tahun} Capai {tangkap} Ton, Harga {ikan_t} Turun",
        ],
    },
    leads=[
        "Harga {ikan} di {tempat} pada {bulan} {tahun} tercatat Rp{harga} per kg, {arah} "
        "sekitar {pct} persen dibanding bulan sebelumnya.",
        "Volume ikan yang didaratkan di pelabuhan perikanan Jakarta pada {bulan} {tahun} "
        "mencapai {tangkap} ton, {meningkat} dibanding {bulan_lalu}.",
    ],
    causes=[
        "Menurut Ketua Himpunan Nelayan Seluruh Indonesia (HNSI) DKI Jakarta, kondisi tersebut "
        "dipengaruhi oleh {sebab}.",
        "Pedagang di {tempat} menyebut {sebab} menentukan pasokan ikan setiap hari.",
    ],
    extras=["Ikan segar turut memengaruhi pergerakan harga kelompok makanan di Jakarta."],
    closings=[
        "Dinas KPKP DKI Jakarta memantau ketersediaan ikan di pelabuhan dan pasar agar harga "
        "tetap terjangkau.",
        "Nelayan berharap ada bantuan solar bersubsidi dan asuransi bagi nelayan kecil.",
    ],
    topik=["hasil tangkapan dan harga {ikan}"],
    peserta=["nelayan dan pedagang ikan", "pengelola tempat pelelangan ikan"],
    narasumber=["nelayan", "pengelola tempat pelelangan ikan", "pedagang ikan"],
)

THEMES["Energi (Listrik dan Gas)"] = _light(
    weight=2,
    kab=True,
    dirs={"naik": 55, "turun": 45},
    indicators=[(_IHK, 0.45)],
    keywords=["listrik", "elpiji", "energi", "pln", "tarif listrik"],
    slots={
        "sbb": {
            "naik": [
                {
                    "sebab": "cuaca panas yang meningkatkan penggunaan pendingin ruangan",
                    "topik_e": "konsumsi listrik",
                    "when": "kemarau",
                    "kw1": "konsumsi listrik",
                },
                {
                    "sebab": "perubahan pola distribusi elpiji 3 kg ke pangkalan resmi",
                    "topik_e": "antrean elpiji 3 kg",
                    "kw1": "elpiji 3 kg",
                },
                {
                    "sebab": "bertambahnya pelanggan kendaraan listrik dan SPKLU",
                    "topik_e": "konsumsi listrik",
                    "kw1": "kendaraan listrik",
                },
            ],
            "turun": [
                {
                    "sebab": "diskon tarif listrik 50 persen bagi pelanggan rumah tangga",
                    "topik_e": "tagihan listrik",
                    "when": "diskon_listrik",
                    "kw1": "diskon listrik",
                },
                {
                    "sebab": "berkurangnya aktivitas perkantoran selama libur panjang",
                    "topik_e": "konsumsi listrik",
                    "kw1": "konsumsi listrik",
                },
            ],
        },
    },
    nums={"gwh": (2600, 3300, 0, 10), "pct": (2.0, 12.0, 1), "beban": (5.2, 5.9, 2)},
    titles=[
        "Konsumsi Listrik Jakarta {bulan} {tahun} Capai {gwh} GWh, {arah_t} {pct} Persen",
        "PLN UID Jakarta Raya Catat Beban Puncak {beban} GW pada {bulan} {tahun}",
        "Warga {tempat_t} Soroti {topik_e_t} pada {bulan} {tahun}",
    ],
    leads=[
        "PLN UID Jakarta Raya mencatat konsumsi listrik di Jakarta pada {bulan} {tahun} "
        "sebesar {gwh} GWh, {arah} {pct} persen dibanding bulan sebelumnya.",
        "Beban puncak sistem kelistrikan Jakarta pada {bulan} {tahun} mencapai {beban} GW, "
        "{meningkat} dibanding periode yang sama tahun sebelumnya.",
    ],
    causes=[
        "Menurut General Manager PLN UID Jakarta Raya, kondisi tersebut dipengaruhi oleh {sebab}.",
        "Warga di {tempat} menyebut {sebab} berpengaruh terhadap pengeluaran rumah tangga.",
    ],
    extras=["Sektor bisnis dan rumah tangga menjadi pengguna listrik terbesar di Jakarta."],
    closings=[
        "PLN memastikan pasokan listrik di Jakarta tetap andal dengan cadangan daya yang "
        "mencukupi.",
        "Pemerintah mengimbau masyarakat menggunakan energi secara hemat dan membeli elpiji "
        "di pangkalan resmi.",
    ],
    topik=["{topik_e} rumah tangga"],
    peserta=["pengurus RW dan pemilik pangkalan elpiji"],
    narasumber=["pemilik pangkalan elpiji", "pengurus RW", "pelaku usaha warung makan"],
)

THEMES["Pertambangan"] = _light(
    weight=1.2,
    scopes={"nasional": 60, "global": 40},
    dirs={"naik": 50, "turun": 50},
    indicators=[(_EKSIM, 0.3)],
    keywords=["pertambangan", "batu bara", "nikel", "harga komoditas", "hilirisasi"],
    slots={
        "kom": [
            {"komoditas": "batu bara", "kw1": "batu bara", "satuan": "ton", "harga": (105, 150, 1)},
            {"komoditas": "nikel", "kw1": "nikel", "satuan": "ton", "harga": (15000, 18500, 0, 50)},
            {
                "komoditas": "minyak mentah Indonesia (ICP)",
                "kw1": "harga minyak",
                "satuan": "barel",
                "harga": (65, 85, 2),
            },
            {"komoditas": "timah", "kw1": "timah", "satuan": "ton", "harga": (28000, 34000, 0, 50)},
        ]
    },
    nums={"pct": (1.5, 12.0, 1)},
    titles=[
        "Harga {komoditas_t} {arah_t} {pct} Persen pada {bulan} {tahun}",
        "Harga {komoditas_t} Capai US${harga} per {satuan}, Pengaruhi Kinerja Ekspor",
        "Pergerakan Harga {komoditas_t} {bulan} {tahun} Bayangi Penerimaan Negara",
    ],
    leads=[
        "Harga {komoditas} pada {bulan} {tahun} tercatat sekitar US${harga} per {satuan}, "
        "{arah} {pct} persen dibanding bulan sebelumnya.",
        "Kementerian ESDM mencatat harga acuan {komoditas} pada {bulan} {tahun} {arah} "
        "menjadi US${harga} per {satuan}.",
    ],
    causes=[
        "Menurut pengamat energi, pergerakan harga dipengaruhi oleh permintaan Tiongkok dan "
        "India serta kondisi pasokan global.",
        "Analis komoditas menyebut kebijakan produksi negara produsen dan kondisi geopolitik "
        "turut memengaruhi harga.",
    ],
    closings=[
        "Pergerakan harga komoditas tambang ini berpengaruh terhadap kinerja ekspor dan "
        "penerimaan negara bukan pajak.",
        "Perusahaan tambang yang berkantor pusat di Jakarta menyesuaikan rencana produksi "
        "dan investasi.",
    ],
)

THEMES["Manufaktur"] = _light(
    weight=2,
    kab=True,
    kab_weights={"3172": 4, "3174": 2, "3175": 3},
    place="kawasan",
    scopes={"dki": 50, "nasional": 50},
    dirs={"naik": 45, "turun": 55},
    indicators=[(_PE, 0.6)],
    keywords=["manufaktur", "pmi manufaktur", "industri", "pesanan baru", "pabrik"],
    slots={
        "sbb": {
            "naik": [
                {"sebab": "meningkatnya pesanan baru dari pasar domestik"},
                {"sebab": "persiapan stok menjelang {momen}", "when": ("lebaran", "akhir_tahun")},
            ],
            "turun": [
                {"sebab": "melemahnya permintaan ekspor dan banjir produk impor murah"},
                {"sebab": "naiknya biaya bahan baku impor akibat pelemahan rupiah"},
            ],
        }
    },
    nums={"pmi": (46.5, 53.5, 1), "pct": (2.0, 9.0, 1)},
    titles={
        "naik": [
            "PMI Manufaktur Indonesia {bulan} {tahun} Naik ke Level {pmi}, Ekspansi Berlanjut",
            "Pesanan Meningkat, Pabrik di {tempat_t} Tambah Jam Produksi pada {bulan}",
        ],
        "turun": [
            "PMI Manufaktur {bulan} {tahun} Turun ke {pmi}, Industri Tertekan",
            "Permintaan Lesu, Produksi Pabrik di {tempat_t} Turun {pct} Persen",
        ],
    },
    leads=[
        "Purchasing Managers' Index (PMI) manufaktur Indonesia pada {bulan} {tahun} berada "
        "di level {pmi}, {arah} dibanding {bulan_lalu}.",
        "Pengelola {tempat} mencatat aktivitas produksi pabrik pada {bulan} {tahun} {meningkat} "
        "sekitar {pct} persen.",
    ],
    causes=[
        "Menurut Kementerian Perindustrian, kondisi tersebut dipengaruhi oleh {sebab}.",
        "Pelaku industri di {tempat} menyebut {sebab} menentukan volume produksi.",
    ],
    closings=[
        "Pelaku industri berharap pemerintah memperketat pengawasan barang impor dan "
        "mempermudah akses bahan baku.",
        "Kemenperin optimistis kinerja manufaktur membaik seiring pulihnya permintaan.",
    ],
    topik=["aktivitas produksi pabrik"],
    peserta=["pengelola kawasan industri dan manajer pabrik"],
    narasumber=["manajer pabrik", "pengelola kawasan industri"],
)

THEMES["Konstruksi"] = _light(
    weight=2,
    kab=True,
    place="kawasan",
    dirs={"naik": 65, "turun": 35},
    indicators=[(_PE, 0.6)],
    keywords=["konstruksi", "infrastruktur", "mrt", "proyek", "semen"],
    slots={
        "proyek": [
            {"proyek": "MRT Jakarta fase 2A rute Bundaran HI–Kota", "kw1": "mrt"},
            {"proyek": "LRT Jakarta fase 1B rute Velodrome–Manggarai", "kw1": "lrt"},
            {"proyek": "tanggul pantai NCICD di pesisir utara", "kw1": "tanggul laut"},
            {"proyek": "pembangunan rusun dan kampung susun", "kw1": "rusun"},
            {"proyek": "sodetan dan normalisasi sungai", "kw1": "pengendalian banjir"},
        ]
    },
    nums={"progres": (35.0, 92.0, 2), "semen": (380, 520, 1), "pct": (2.0, 11.0, 1)},
    titles=[
        "Progres Proyek {proyek_t} Capai {progres} Persen pada {bulan} {tahun}",
        "Konsumsi Semen di Jakarta {bulan} {tahun} {arah_t} {pct} Persen",
        "Pengerjaan {proyek_t} di {tempat_t} Dikebut pada {bulan} {tahun}",
    ],
    leads=[
        "Progres fisik {proyek} hingga {bulan} {tahun} telah mencapai {progres} persen.",
        "Asosiasi Semen Indonesia mencatat konsumsi semen di Jakarta pada {bulan} {tahun} "
        "sebesar {semen} ribu ton, {arah} {pct} persen dibanding {bulan_lalu}.",
    ],
    causes=[
        "Menurut pelaksana proyek, percepatan pekerjaan didukung cuaca dan kelancaran "
        "pembebasan lahan di sekitar {tempat}.",
        "Kontraktor menyebut aktivitas konstruksi dipengaruhi realisasi anggaran dan "
        "ketersediaan material.",
    ],
    closings=[
        "Pemprov DKI Jakarta menargetkan proyek rampung sesuai jadwal agar manfaatnya "
        "segera dirasakan warga.",
        "Sektor konstruksi diharapkan terus menopang pertumbuhan ekonomi Jakarta.",
    ],
    topik=["aktivitas proyek konstruksi"],
    peserta=["kontraktor dan pengelola proyek"],
    narasumber=["pelaksana proyek", "pemasok material bangunan"],
)

THEMES["Industri Pengolahan"] = _light(
    weight=2,
    kab=True,
    kab_weights={"3172": 3, "3174": 2, "3175": 2, "3171": 1},
    place="kawasan",
    dirs={"naik": 50, "turun": 50},
    indicators=[(_PE, 0.6)],
    keywords=["industri pengolahan", "industri makanan minuman", "tekstil", "produksi ibs", "ikm"],
    slots={
        "ind": [
            {"industri": "industri makanan dan minuman", "kw1": "industri makanan minuman"},
            {"industri": "industri tekstil dan pakaian jadi", "kw1": "tekstil"},
            {"industri": "industri percetakan", "kw1": "percetakan"},
            {"industri": "industri farmasi", "kw1": "farmasi"},
            {"industri": "industri kendaraan bermotor", "kw1": "otomotif"},
        ]
    },
    nums={"pct": (1.5, 12.0, 2)},
    titles=[
        "Produksi {industri_t} di Jakarta {arah_t} {pct} Persen pada Triwulan {triwulan} {tahun}",
        "Pertumbuhan Produksi Industri Manufaktur Jakarta Triwulan {triwulan} {tahun} "
        "{arah_t} {pct} Persen",
        "Pelaku {industri_t} di {tempat_t} Ungkap Kondisi Produksi {bulan} {tahun}",
    ],
    leads=[
        "{bps} mencatat produksi {industri} di Jakarta pada triwulan {triwulan} {tahun} {arah} "
        "{pct} persen dibanding periode yang sama tahun sebelumnya.",
        "Pelaku {industri} di {tempat} melaporkan volume produksi {meningkat} sepanjang "
        "{bulan} {tahun}.",
    ],
    causes=[
        "Menurut asosiasi industri, kondisi tersebut dipengaruhi oleh permintaan domestik "
        "dan harga bahan baku.",
        "Pengusaha di {tempat} menyebut ketersediaan bahan baku dan tenaga kerja terampil "
        "menentukan kapasitas produksi.",
    ],
    closings=[
        "Pemprov DKI Jakarta mendorong industri kecil menengah naik kelas melalui "
        "pendampingan dan sertifikasi halal.",
        "Pelaku industri berharap ada insentif untuk peremajaan mesin produksi.",
    ],
    topik=["kondisi produksi {industri}"],
    peserta=["pelaku industri kecil menengah"],
    narasumber=["pemilik usaha konfeksi", "manajer produksi", "pelaku IKM"],
)

THEMES["Perbankan, Asuransi dan Finansial"] = _light(
    weight=2,
    scopes={"dki": 60, "nasional": 40},
    dirs={"naik": 60, "turun": 40},
    indicators=[(_PE, 0.3)],
    press=["bi.go.id"],
    keywords=["perbankan", "kredit", "dpk", "qris", "pinjol", "bi-rate"],
    slots={
        "sbb": {
            "naik": [
                {
                    "sebab": "meningkatnya permintaan kredit modal kerja dan konsumsi",
                    "kw1": "kredit",
                },
                {"sebab": "makin luasnya penggunaan QRIS di pedagang kecil", "kw1": "qris"},
            ],
            "turun": [
                {
                    "sebab": "sikap hati-hati perbankan di tengah suku bunga tinggi",
                    "kw1": "suku bunga",
                },
                {"sebab": "turunnya permintaan kredit dari sektor perdagangan", "kw1": "kredit"},
            ],
        }
    },
    nums={
        "kredit": (5.0, 12.5, 2),
        "dpk": (4.0, 10.0, 2),
        "qris": (25, 80, 1),
        "pinjol": (18.0, 30.0, 2),
    },
    titles=[
        "Kredit Perbankan di Jakarta {bulan} {tahun} Tumbuh {kredit} Persen",
        "Dana Pihak Ketiga Bank di Jakarta {arah_t} pada {bulan} {tahun}, Tumbuh {dpk} Persen",
        "Transaksi QRIS di Jakarta Melonjak {qris} Persen pada {bulan} {tahun}",
        "Outstanding Pinjaman Daring Warga Jakarta Capai Rp{pinjol} Triliun",
    ],
    leads=[
        "Bank Indonesia mencatat penyaluran kredit perbankan di Jakarta pada {bulan} {tahun} "
        "tumbuh {kredit} persen (yoy), sementara DPK tumbuh {dpk} persen.",
        "OJK mencatat outstanding pinjaman daring warga Jakarta pada {bulan} {tahun} sebesar "
        "Rp{pinjol} triliun, tertinggi kedua setelah Jawa Barat.",
    ],
    causes=[
        "Menurut Kepala Perwakilan BI Provinsi DKI Jakarta, kondisi tersebut dipengaruhi "
        "oleh {sebab}.",
        "Bankir menyebut {sebab} menjadi faktor utama pergerakan intermediasi perbankan.",
    ],
    closings=[
        "BI DKI Jakarta mendorong perluasan digitalisasi pembayaran di pasar tradisional dan UMKM.",
        "OJK mengingatkan masyarakat agar meminjam di platform berizin dan sesuai kemampuan bayar.",
    ],
)

THEMES["Pengeluaran Pemerintah (APBN/APBD)"] = _light(
    weight=2,
    dirs={"naik": 55, "turun": 45},
    indicators=[(_PE, 0.6)],
    press=["jakarta.go.id"],
    keywords=[
        "apbd",
        "belanja pemerintah",
        "realisasi anggaran",
        "efisiensi anggaran",
        "belanja modal",
    ],
    slots={
        "sbb": {
            "naik": [
                {"sebab": "percepatan lelang dan pembayaran proyek infrastruktur"},
                {"sebab": "pencairan belanja bantuan sosial dan hibah"},
            ],
            "turun": [
                {
                    "sebab": "kebijakan efisiensi anggaran pemerintah pusat",
                    "when": "efisiensi",
                    "kw1": "efisiensi anggaran",
                },
                {"sebab": "lambatnya proses pengadaan barang dan jasa di awal tahun"},
            ],
        }
    },
    nums={"real": (18.0, 85.0, 2), "apbd": (81.0, 91.5, 1), "modal": (10.0, 60.0, 2)},
    titles=[
        "Realisasi APBD DKI Jakarta hingga {bulan} {tahun} Baru {real} Persen",
        "Belanja Modal Pemprov DKI {bulan} {tahun} Terealisasi {modal} Persen",
        "Serapan Anggaran DKI {arah_t} pada {bulan} {tahun}, DPRD Minta Percepatan",
    ],
    leads=[
        "Realisasi belanja APBD DKI Jakarta hingga {bulan} {tahun} mencapai {real} persen dari "
        "pagu sekitar Rp{apbd} triliun.",
        "Badan Pengelola Keuangan Daerah DKI Jakarta mencatat realisasi belanja modal hingga "
        "{bulan} {tahun} baru {modal} persen.",
    ],
    causes=[
        "Menurut Kepala BPKD DKI Jakarta, realisasi anggaran dipengaruhi oleh {sebab}.",
        "DPRD DKI Jakarta menilai {sebab} berpengaruh pada serapan anggaran.",
    ],
    closings=[
        "Pemprov DKI Jakarta menargetkan serapan anggaran mencapai di atas 90 persen "
        "hingga akhir tahun.",
        "Ekonom mengingatkan belanja pemerintah penting untuk menopang pertumbuhan ekonomi daerah.",
    ],
)

THEMES["PMTB dan Investasi"] = _light(
    weight=2,
    scopes={"dki": 70, "nasional": 30},
    dirs={"naik": 60, "turun": 40},
    indicators=[(_PE, 0.7)],
    keywords=["investasi", "pmtb", "pma", "pmdn", "penanaman modal"],
    slots={
        "sbb": {
            "naik": [
                {
                    "sebab": "masuknya investasi di sektor perumahan, kawasan industri, dan "
                    "perkantoran"
                },
                {"sebab": "ekspansi pusat data dan infrastruktur digital"},
            ],
            "turun": [
                {"sebab": "sikap investor yang menunggu kepastian kebijakan"},
                {"sebab": "tingginya suku bunga dan ketidakpastian global"},
            ],
        }
    },
    nums={
        "inv": (38.0, 68.0, 1),
        "pct": (3.0, 22.0, 1),
        "pma": (45.0, 65.0, 1),
        "pmtb": (3.0, 7.0, 2),
    },
    titles=[
        "Realisasi Investasi di Jakarta Triwulan {triwulan} {tahun} Capai Rp{inv} Triliun",
        "Investasi Jakarta {arah_t} {pct} Persen pada Triwulan {triwulan} {tahun}",
        "PMTB Jakarta Triwulan {triwulan} {tahun} Tumbuh {pmtb} Persen, Sektor Digital Menonjol",
    ],
    leads=[
        "DPMPTSP DKI Jakarta mencatat realisasi investasi pada triwulan {triwulan} {tahun} "
        "sebesar Rp{inv} triliun, dengan porsi PMA sekitar {pma} persen.",
        "Pembentukan Modal Tetap Bruto (PMTB) Jakarta pada triwulan {triwulan} {tahun} tumbuh "
        "{pmtb} persen (yoy).",
    ],
    causes=[
        "Menurut Kepala DPMPTSP DKI Jakarta, kondisi tersebut dipengaruhi oleh {sebab}.",
        "Ekonom menilai {sebab} menentukan arah investasi di ibu kota.",
    ],
    closings=[
        "Pemprov DKI Jakarta terus mempermudah perizinan untuk menjaga Jakarta sebagai "
        "tujuan utama investasi.",
        "Investasi diharapkan menciptakan lapangan kerja baru bagi warga Jakarta.",
    ],
)

THEMES["Lembaga Non-Profit"] = _light(
    weight=1.2,
    kab=True,
    indicators=[(_PE, 0.5)],
    keywords=["lnprt", "zakat", "yayasan", "organisasi kemasyarakatan", "filantropi"],
    slots={
        "keg": [
            {
                "kegiatan": "penyaluran zakat, infak, dan sedekah oleh Baznas (Bazis) DKI Jakarta",
                "kw1": "zakat",
                "when": "lebaran",
            },
            {"kegiatan": "kegiatan sosial yayasan dan lembaga filantropi", "kw1": "filantropi"},
            {
                "kegiatan": "aktivitas organisasi kemasyarakatan dan partai politik",
                "kw1": "organisasi kemasyarakatan",
                "when": ("pilkada", "pemilu"),
            },
            {
                "kegiatan": "bantuan kemanusiaan bagi korban banjir dan kebakaran",
                "kw1": "bantuan kemanusiaan",
            },
        ]
    },
    nums={"dana": (40, 260, 1), "lnprt": (4.0, 15.0, 2), "penerima": (5000, 90000, 0, 100)},
    titles=[
        "Konsumsi LNPRT Jakarta Triwulan {triwulan} {tahun} Tumbuh {lnprt} Persen",
        "Dana Sosial Rp{dana} Miliar Disalurkan kepada {penerima} Warga Jakarta",
        "Lembaga Sosial di {tempat_t} Salurkan Bantuan bagi {penerima} Penerima",
    ],
    leads=[
        "Konsumsi Lembaga Non-Profit yang Melayani Rumah Tangga (LNPRT) di Jakarta pada "
        "triwulan {triwulan} {tahun} tumbuh {lnprt} persen (yoy).",
        "Sebanyak Rp{dana} miliar dana sosial disalurkan melalui {kegiatan} kepada sekitar "
        "{penerima} penerima pada {bulan} {tahun}.",
    ],
    causes=[
        "Pertumbuhan tersebut didorong oleh meningkatnya {kegiatan}.",
        "Pengurus lembaga di {tempat} menyebut {kegiatan} meningkat dibanding bulan sebelumnya.",
    ],
    closings=[
        "Lembaga filantropi diharapkan terus bersinergi dengan pemerintah agar bantuan "
        "tepat sasaran.",
        "Aktivitas LNPRT turut menyumbang pertumbuhan konsumsi dalam PDRB Jakarta.",
    ],
    topik=["{kegiatan}"],
    peserta=["pengurus yayasan dan lembaga amil zakat"],
    narasumber=["pengurus yayasan", "pengurus masjid", "relawan lembaga sosial"],
)

THEMES["Lingkungan"] = _light(
    weight=2,
    kab=True,
    dirs={"naik": 60, "turun": 40},
    keywords=["lingkungan", "polusi udara", "banjir", "sampah", "kualitas udara", "rob"],
    slots={
        "isu": {
            "naik": [
                {
                    "isu": "polusi udara",
                    "kw1": "polusi udara",
                    "when": "kemarau",
                    "sebab": "musim kemarau, emisi kendaraan, dan aktivitas industri",
                },
                {
                    "isu": "banjir rob",
                    "kw1": "rob",
                    "sebab": "pasang air laut maksimum dan penurunan muka tanah",
                },
                {
                    "isu": "genangan dan banjir",
                    "kw1": "banjir",
                    "when": "musim_hujan",
                    "sebab": "curah hujan ekstrem dan meluapnya Kali Ciliwung",
                },
                {
                    "isu": "volume sampah",
                    "kw1": "sampah",
                    "sebab": "meningkatnya konsumsi masyarakat dan belum optimalnya "
                    "pemilahan sampah",
                },
            ],
            "turun": [
                {
                    "isu": "polusi udara",
                    "kw1": "polusi udara",
                    "when": "musim_hujan",
                    "sebab": "turunnya hujan dan uji emisi kendaraan yang diperketat",
                },
                {
                    "isu": "volume sampah ke Bantargebang",
                    "kw1": "sampah",
                    "sebab": "beroperasinya fasilitas RDF Rorotan dan bank sampah",
                },
            ],
        }
    },
    nums={"pm25": (25.0, 75.0, 1), "sampah": (7.5, 8.6, 2), "rw": (15, 180, 0)},
    titles=[
        "{isu_t} di Jakarta {arah_t} pada {bulan} {tahun}, Warga {tempat_t} Terdampak",
        "Konsentrasi PM2,5 Jakarta {bulan} {tahun} Capai {pm25} Mikrogram per Meter Kubik",
        "{isu_t} Rendam {rw} RW di Jakarta pada {bulan} {tahun}",
        "Volume Sampah Jakarta Capai {sampah} Ribu Ton per Hari pada {bulan} {tahun}",
    ],
    leads=[
        "Dinas Lingkungan Hidup DKI Jakarta mencatat {isu} pada {bulan} {tahun} {meningkat} "
        "dibanding bulan sebelumnya.",
        "Rata-rata konsentrasi PM2,5 di Jakarta pada {bulan} {tahun} tercatat {pm25} "
        "mikrogram per meter kubik.",
        "Volume sampah Jakarta yang dikirim ke TPST Bantargebang pada {bulan} {tahun} "
        "mencapai {sampah} ribu ton per hari.",
    ],
    causes=[
        "Menurut Kepala Dinas Lingkungan Hidup DKI Jakarta, kondisi tersebut dipengaruhi "
        "oleh {sebab}.",
        "Warga di {tempat} menyebut {sebab} berdampak pada aktivitas sehari-hari.",
    ],
    closings=[
        "Pemprov DKI Jakarta memperketat uji emisi, menambah pompa, dan memperluas "
        "bank sampah di tingkat RW.",
        "Warga diimbau mengurangi penggunaan kendaraan pribadi dan memilah sampah dari rumah.",
    ],
    topik=["kondisi {isu} di lingkungan warga"],
    peserta=["pengurus RW dan petugas kebersihan", "pegiat lingkungan dan warga"],
    narasumber=["petugas PPSU", "ketua RW", "pengelola bank sampah"],
)

THEMES["Gender"] = _light(
    weight=1.2,
    kab=True,
    indicators=[(_IPM, 0.25)],
    keywords=[
        "gender",
        "perempuan",
        "ipg",
        "kekerasan terhadap perempuan",
        "pemberdayaan perempuan",
    ],
    slots={
        "isu": [
            {"isu": "partisipasi kerja perempuan", "kw1": "pekerja perempuan"},
            {"isu": "usaha mikro milik perempuan", "kw1": "umkm perempuan"},
            {"isu": "kasus kekerasan terhadap perempuan dan anak", "kw1": "kekerasan"},
        ]
    },
    nums={"tpak": (50.0, 58.0, 2), "ipg": (94.5, 95.8, 2), "kasus": (120, 450, 0)},
    titles=[
        "TPAK Perempuan Jakarta Capai {tpak} Persen, {isu_t} Meningkat",
        "Indeks Pembangunan Gender Jakarta {tahun} Capai {ipg}",
        "UPT PPPA DKI Tangani {kasus} Kasus Kekerasan pada {bulan} {tahun}",
        "Pemberdayaan Perempuan di {tempat_t} Dorong {isu_t}",
    ],
    leads=[
        "Tingkat partisipasi angkatan kerja perempuan di Jakarta tercatat {tpak} persen, "
        "sementara Indeks Pembangunan Gender mencapai {ipg}.",
        "UPT Perlindungan Perempuan dan Anak DKI Jakarta menangani {kasus} kasus pada {bulan} "
        "{tahun}.",
    ],
    causes=[
        "Menurut Dinas PPAPP DKI Jakarta, perkembangan {isu} dipengaruhi oleh akses "
        "pelatihan, layanan penitipan anak, dan kesadaran masyarakat untuk melapor.",
        "Kader PKK di {tempat} menyebut program pendampingan berdampak pada {isu}.",
    ],
    closings=[
        "Pemprov DKI Jakarta memperluas layanan pengaduan dan pelatihan kewirausahaan "
        "bagi perempuan.",
        "Pegiat gender mendorong kebijakan ramah keluarga di tempat kerja.",
    ],
    topik=["{isu}"],
    peserta=["kader PKK dan pelaku usaha perempuan"],
    narasumber=["kader PKK", "pendamping UPT PPPA", "pelaku usaha perempuan"],
)

THEMES["Pembangunan Manusia"] = _light(
    weight=1.5,
    scopes={"dki": 80, "nasional": 20},
    indicators=[(_IPM, 1.0)],
    press=["jakarta.bps.go.id", "bps.go.id"],
    keywords=["ipm", "pembangunan manusia", "umur harapan hidup", "pengeluaran per kapita"],
    slots={
        "komp": [
            {"komponen": "umur harapan hidup saat lahir", "kw1": "umur harapan hidup"},
            {"komponen": "harapan lama sekolah", "kw1": "pendidikan"},
            {"komponen": "pengeluaran riil per kapita", "kw1": "pengeluaran per kapita"},
        ]
    },
    nums={"ipm": (82.2, 84.2, 2), "delta": (0.4, 0.9, 2), "uhh": (73.5, 74.5, 2)},
    titles=[
        "IPM Jakarta {tahun} Capai {ipm}, Tertinggi di Indonesia",
        "IPM Jakarta Naik {delta} Poin, Didorong {komponen_t}",
        "BPS: Pembangunan Manusia {wil_s_t} Terus Membaik, IPM {tahun} Sebesar {ipm}",
    ],
    leads=[
        "{bps} mencatat Indeks Pembangunan Manusia (IPM) Jakarta tahun {tahun} sebesar {ipm}, "
        "naik {delta} poin dibanding tahun sebelumnya.",
        "Umur harapan hidup saat lahir penduduk Jakarta mencapai {uhh} tahun dan IPM berada "
        "pada kategori sangat tinggi.",
    ],
    causes=[
        "Kenaikan IPM terutama didorong oleh peningkatan {komponen}.",
        "Menurut Kepala BPS Provinsi DKI Jakarta, perbaikan {komponen} menjadi penyumbang "
        "terbesar kenaikan IPM.",
    ],
    closings=[
        "Meski tinggi, kesenjangan IPM antarwilayah, terutama Kepulauan Seribu, masih "
        "perlu diperhatikan.",
        "Pemprov DKI Jakarta menargetkan IPM terus meningkat melalui layanan pendidikan "
        "dan kesehatan gratis.",
    ],
)

THEMES["Globalisasi"] = _light(
    weight=1.2,
    scopes={"global": 70, "nasional": 30},
    dirs={"naik": 50, "turun": 50},
    indicators=[(_EKSIM, 0.4)],
    keywords=["globalisasi", "nilai tukar", "ekonomi global", "perang dagang", "kota global"],
    slots={
        "isu": [
            {"isu": "kebijakan tarif impor Amerika Serikat", "kw1": "perang dagang"},
            {"isu": "pergerakan nilai tukar rupiah terhadap dolar AS", "kw1": "nilai tukar"},
            {"isu": "harga minyak dunia", "kw1": "harga minyak"},
            {"isu": "peringkat Jakarta sebagai kota global", "kw1": "kota global"},
        ]
    },
    nums={"kurs": (15200, 16900, 0, 5), "pct": (0.5, 6.0, 1)},
    titles=[
        "Rupiah {arah_t} ke Rp{kurs} per Dolar AS pada {bulan} {tahun}",
        "Dampak {isu_t} Mulai Terasa bagi Pelaku Usaha Jakarta",
        "Ekonom: {isu_t} Pengaruhi Ekonomi Jakarta pada {bulan} {tahun}",
    ],
    leads=[
        "Nilai tukar rupiah pada akhir {bulan} {tahun} berada di level Rp{kurs} per dolar AS, "
        "{arah} sekitar {pct} persen dibanding bulan sebelumnya.",
        "Perkembangan {isu} pada {bulan} {tahun} menjadi perhatian pelaku usaha dan pemerintah.",
    ],
    causes=[
        "Menurut ekonom, dinamika {isu} memengaruhi harga barang impor, biaya produksi, "
        "dan arus modal ke Indonesia.",
        "Pelaku usaha menilai {isu} berdampak pada rencana ekspansi dan ekspor.",
    ],
    closings=[
        "Pemerintah dan Bank Indonesia berkomitmen menjaga stabilitas nilai tukar dan "
        "daya saing ekonomi.",
        "Jakarta diharapkan memperkuat perannya sebagai pusat bisnis dan jasa di kawasan.",
    ],
)

THEMES["MDGs"] = _light(
    weight=1.2,
    keywords=["mdgs", "air minum layak", "sanitasi", "kematian ibu", "akses layanan dasar"],
    slots={
        "ind": [
            {"indikator": "akses air minum layak", "kw1": "air minum layak"},
            {"indikator": "akses sanitasi layak", "kw1": "sanitasi"},
            {"indikator": "persalinan di fasilitas kesehatan", "kw1": "kesehatan ibu"},
        ]
    },
    nums={"pct": (85.0, 99.5, 2), "rw": (20, 120, 0)},
    titles=[
        "Capaian {indikator_t} di Jakarta Mencapai {pct} Persen pada {tahun}",
        "{rw} RW di Jakarta Masih Tertinggal dalam {indikator_t}",
        "Pemprov DKI Kejar Target {indikator_t} di {tempat_t}",
    ],
    leads=[
        "Persentase rumah tangga di Jakarta dengan {indikator} mencapai {pct} persen pada {tahun}.",
        "Pemprov DKI Jakarta mencatat masih ada {rw} RW dengan capaian {indikator} di bawah "
        "rata-rata provinsi.",
    ],
    causes=[
        "Menurut Bappeda DKI Jakarta, keterbatasan lahan dan permukiman padat di {tempat} "
        "menjadi kendala utama peningkatan {indikator}.",
        "Perluasan jaringan PAM Jaya dan program sanitasi komunal mendorong perbaikan {indikator}.",
    ],
    closings=[
        "Capaian ini menjadi bagian dari upaya melanjutkan agenda pembangunan milenium "
        "ke dalam target SDGs.",
        "Pemprov DKI Jakarta menargetkan seluruh warga memiliki akses layanan dasar yang layak.",
    ],
)

THEMES["Perkembangan Berkelanjutan"] = _light(
    weight=1.2,
    keywords=[
        "sdgs",
        "pembangunan berkelanjutan",
        "bus listrik",
        "energi terbarukan",
        "emisi karbon",
    ],
    slots={
        "prog": [
            {"program": "elektrifikasi armada bus Transjakarta", "kw1": "bus listrik"},
            {"program": "pemasangan panel surya atap di gedung pemerintah", "kw1": "panel surya"},
            {"program": "pengolahan sampah menjadi bahan bakar RDF", "kw1": "rdf"},
            {"program": "perluasan jalur sepeda", "kw1": "jalur sepeda"},
        ]
    },
    nums={"unit": (100, 600, 0), "emisi": (5.0, 20.0, 1), "pct": (10.0, 45.0, 1)},
    titles=[
        "Program {program_t} Capai {pct} Persen dari Target pada {tahun}",
        "Pemprov DKI Targetkan Emisi Turun {emisi} Persen Lewat {program_t}",
        "Progres {program_t} di Jakarta Dipercepat pada {bulan} {tahun}",
    ],
    leads=[
        "Capaian {program} di Jakarta hingga {bulan} {tahun} telah mencapai {pct} persen dari "
        "target.",
        "Pemprov DKI Jakarta menambah {unit} unit sarana dalam program {program} pada {bulan} "
        "{tahun}.",
    ],
    causes=[
        "Program ini didorong target penurunan emisi gas rumah kaca dan komitmen SDGs "
        "Pemprov DKI Jakarta.",
        "Menurut Dinas Lingkungan Hidup DKI Jakarta, {program} diharapkan menekan emisi "
        "sekitar {emisi} persen.",
    ],
    closings=[
        "Pemprov DKI Jakarta mengajak swasta berinvestasi dalam proyek hijau.",
        "Pengamat menilai konsistensi kebijakan menjadi kunci keberhasilan program berkelanjutan.",
    ],
)

THEMES["Kewiraswastaan"] = _light(
    weight=2,
    kab=True,
    place="kecamatan",
    dirs={"naik": 70, "turun": 30},
    indicators=[(_NAKER, 0.3)],
    press=["jakarta.go.id", "kemenparekraf.go.id"],
    keywords=["umkm", "jakpreneur", "wirausaha", "kur", "ekonomi kreatif"],
    slots={
        "sbb": {
            "naik": [
                {
                    "sebab": "pendampingan dan pelatihan melalui program Jakpreneur",
                    "kw1": "jakpreneur",
                },
                {"sebab": "penyaluran kredit usaha rakyat (KUR) yang lebih mudah", "kw1": "kur"},
                {"sebab": "ramainya pesanan menjelang {momen}", "when": ("lebaran", "nataru")},
            ],
            "turun": [
                {"sebab": "lesunya daya beli dan persaingan dengan produk impor murah"},
                {"sebab": "naiknya harga bahan baku dan biaya sewa tempat usaha"},
            ],
        }
    },
    nums={"umkm": (500, 8000, 0, 10), "kur": (1.5, 6.5, 2), "pct": (5, 40, 0)},
    titles=[
        "Program Jakpreneur Dampingi {umkm} UMKM Baru pada {bulan} {tahun}",
        "Penyaluran KUR di Jakarta hingga {bulan} {tahun} Capai Rp{kur} Triliun",
        "Pelaku UMKM di {tempat_t} Catat Omzet {arah_t} {pct} Persen pada {bulan} {tahun}",
    ],
    leads=[
        "Pemprov DKI Jakarta mencatat {umkm} wirausaha baru bergabung dalam program Jakpreneur "
        "pada {bulan} {tahun}.",
        "Pelaku UMKM di {tempat} mengaku omzet pada {bulan} {tahun} {arah} sekitar {pct} "
        "persen dibanding bulan sebelumnya.",
    ],
    causes=[
        "Menurut Kepala Dinas PPKUKM DKI Jakarta, kondisi tersebut dipengaruhi oleh {sebab}.",
        "Pelaku usaha di {tempat} menyebut {sebab} menentukan keberlangsungan usaha mereka.",
    ],
    closings=[
        "Pemprov DKI Jakarta akan memperluas akses pemasaran UMKM melalui e-katalog dan "
        "pusat perbelanjaan.",
        "Pelaku UMKM berharap ada pendampingan pemasaran digital yang berkelanjutan.",
    ],
    topik=["kondisi usaha mikro dan kecil", "omzet dan permodalan UMKM"],
    peserta=["pelaku UMKM binaan Jakpreneur", "pelaku usaha mikro dan pendamping"],
    narasumber=["pelaku UMKM kuliner", "pendamping Jakpreneur", "perajin lokal"],
)

THEMES["Lainnya"] = _light(
    weight=1.2,
    keywords=["kebakaran", "cuaca ekstrem", "bencana", "pelayanan publik"],
    slots={
        "kej": [
            {"kejadian": "kebakaran permukiman padat", "kw1": "kebakaran"},
            {"kejadian": "cuaca ekstrem dan pohon tumbang", "kw1": "cuaca ekstrem"},
            {"kejadian": "gangguan layanan air bersih", "kw1": "air bersih"},
        ]
    },
    nums={"kk": (20, 350, 0), "kejadian_n": (40, 180, 0)},
    titles=[
        "{kejadian_t} di {tempat_t} Berdampak pada {kk} Kepala Keluarga",
        "BPBD DKI Catat {kejadian_n} Kejadian {kejadian_t} pada {bulan} {tahun}",
        "Warga {tempat_t} Terdampak {kejadian_t} pada {bulan} {tahun}",
    ],
    leads=[
        "{kejadian} terjadi di {tempat} pada {bulan} {tahun} dan berdampak pada sekitar {kk} "
        "kepala keluarga.",
        "BPBD DKI Jakarta mencatat {kejadian_n} kejadian {kejadian} sepanjang {bulan} {tahun}.",
    ],
    causes=[
        "Menurut BPBD DKI Jakarta, kejadian tersebut dipicu oleh kondisi cuaca, "
        "kepadatan bangunan, dan instalasi yang tidak memadai.",
        "Aparat kelurahan di {tempat} menyebut kejadian tersebut mengganggu aktivitas "
        "ekonomi warga selama beberapa hari.",
    ],
    closings=[
        "Pemprov DKI Jakarta menyalurkan bantuan logistik dan menyiapkan posko bagi "
        "warga terdampak.",
        "Warga diimbau meningkatkan kewaspadaan dan memeriksa instalasi listrik di rumah.",
    ],
)

# --------------------------------------------------------------------------------------
# Engine
# --------------------------------------------------------------------------------------

_FORMATTER = string.Formatter()
_SMALL_WORDS = {"dan", "di", "ke", "dari", "yang", "untuk", "per", "atau", "pada", "dengan"}
_GENERIC_AKTOR = [
    "Kepala BPS Provinsi DKI Jakarta",
    "Sekretaris Daerah Provinsi DKI Jakarta",
    "Kepala Bappeda DKI Jakarta",
    "ekonom Universitas Indonesia",
]
_GENERIC_PESERTA = ["pelaku usaha setempat", "aparat kelurahan dan tokoh masyarakat"]
_GENERIC_NARASUMBER = ["lurah setempat", "pengurus RW setempat", "pelaku usaha setempat"]

_KAB_INTRO = {
    "fgd": [
        "Dalam FGD yang digelar {kota_bps} bersama {peserta} di {tempat} pada {tgl}, "
        "peserta membahas {topik}.",
        "Focus group discussion (FGD) bersama {peserta} di {tempat} mengungkap kondisi "
        "{topik} di {kota} selama {bulan} {tahun}.",
        "{kota_bps} menghimpun informasi mengenai {topik} melalui FGD bersama {peserta} "
        "di {tempat} pada {tgl}.",
    ],
    "stakeholder": [
        "Hasil wawancara dengan {narasumber} di {tempat} pada {tgl} memberikan gambaran "
        "mengenai {topik} di {kota}.",
        "Informasi langsung dari {narasumber} di {tempat} menunjukkan perkembangan {topik} "
        "selama {bulan} {tahun}.",
        "Kepada petugas {kota_bps}, {narasumber} di {tempat} menjelaskan kondisi {topik} "
        "pada {bulan} {tahun}.",
    ],
}
_KAB_TITLES = {
    "fgd": [
        "FGD {kota_bps}: {topik_t} di {tempat_t} pada {bulan} {tahun}",
        "Temuan FGD di {tempat_t} soal {topik_t}, {bulan} {tahun}",
        "Hasil FGD {kota_t}: {topik_t} Sepanjang {bulan} {tahun}",
    ],
    "stakeholder": [
        "Stakeholder di {tempat_t} Ungkap {topik_t} pada {bulan} {tahun}",
        "Wawancara {kota_bps}: {topik_t} di {tempat_t}, {bulan} {tahun}",
        "Informasi Lapangan {kota_t}: {topik_t} pada {bulan} {tahun}",
    ],
}
_PELATIHAN_SENTENCE = [
    "Materi tersebut dibahas dalam webinar {webinar} yang diikuti pegawai BPS Provinsi "
    "DKI Jakarta pada {tgl}.",
    "Informasi ini diperoleh dari pelatihan {webinar} yang diselenggarakan pada {tgl}.",
]
_WEBINAR = [
    "Analisis Fenomena Statistik",
    "Literasi Statistik untuk Perencanaan Daerah",
    "Pemanfaatan Big Data untuk Statistik Resmi",
    "Diseminasi Berita Resmi Statistik",
]


def _events(year: int, month: int) -> dict[str, str]:
    """Seasonal moments of a month, used to keep causes plausible for the calendar."""
    ev: dict[str, str] = {"any": ""}
    ram = _RAMADAN.get(year)
    idf = _LEBARAN.get(year, (0, 0))
    if month == ram or month in idf:
        ev["lebaran"] = "Ramadan dan Idulfitri"
    if month == ram:
        ev["ramadan"] = "bulan Ramadan"
    if idf[1] and month == idf[1] % 12 + 1:
        ev["pasca_lebaran"] = "libur Lebaran"
    if month == _IDULADHA.get(year):
        ev["iduladha"] = "Iduladha"
    if month == 12:
        ev["nataru"] = "libur Natal dan Tahun Baru"
        ev["libur_sekolah"] = "libur sekolah akhir tahun"
    if month == 1:
        ev["pasca_nataru"] = "libur Natal dan Tahun Baru"
    if month in (6, 7):
        ev["libur_sekolah"] = "libur kenaikan kelas"
        ev["jakarta_fair"] = "Jakarta Fair"
    if month in (7, 8):
        ev["ajaran_baru"] = "tahun ajaran baru"
    if month == 6:
        ev["hut_jakarta"] = f"HUT ke-{year - 1527} Jakarta"
    if month == 8:
        ev["hut_ri"] = f"HUT ke-{year - 1945} RI"
    if month in (11, 12, 1, 2, 3):
        ev["musim_hujan"] = "musim hujan"
    if month in (6, 7, 8, 9):
        ev["kemarau"] = "musim kemarau"
    if month in (4, 5, 8, 9):
        ev["panen"] = "musim panen"
    if month in (10, 11, 12):
        ev["akhir_tahun"] = "akhir tahun"
    if year == 2024 and month in (9, 10, 11):
        ev["pilkada"] = "Pilkada Jakarta 2024"
    if year == 2024 and month in (1, 2):
        ev["pemilu"] = "Pemilu 2024"
    if year == 2025 and month in (1, 2):
        ev["diskon_listrik"] = "diskon tarif listrik"
    if year == 2025 and 2 <= month <= 8:
        ev["efisiensi"] = "efisiensi anggaran"
    return ev


def _fmt_num(x: float, dec: int) -> str:
    s = f"{x:,.{dec}f}"
    return s.replace(",", "_").replace(".", ",").replace("_", ".")


def _gen_num(rng: random.Random, spec: tuple) -> str:
    lo, hi, dec = spec[0], spec[1], spec[2]
    step = spec[3] if len(spec) > 3 else None
    x = rng.uniform(lo, hi)
    if step:
        x = round(x / step) * step
    return _fmt_num(x, dec)


def _title_case(text: str) -> str:
    words = text.split(" ")
    out = []
    for i, w in enumerate(words):
        if i and w in _SMALL_WORDS:
            out.append(w)
            continue
        for j, ch in enumerate(w):
            if ch.isalpha():
                w = w[:j] + ch.upper() + w[j + 1 :]
                break
        out.append(w)
    return " ".join(out)


def _cap_first(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


def _slugify(text: str, max_len: int = 90) -> str:
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    text = text.replace("%", " persen ")
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    if len(slug) > max_len:
        slug = slug[:max_len].rsplit("-", 1)[0]
    return slug


def _by_dir(spec, direction: str):
    """Template/slot banks may be a plain list or a dict keyed by direction (+ '*')."""
    if isinstance(spec, dict):
        return list(spec.get(direction, [])) + list(spec.get("*", []))
    return list(spec)


def _fields(template: str) -> set[str]:
    return {f for _, f, _, _ in _FORMATTER.parse(template) if f}


def _render(template: str, slots: dict) -> str | None:
    if not _fields(template) <= slots.keys():
        return None
    text = template.format(**slots)
    if "{" in text:  # slot values may themselves contain slots (e.g. topik)
        if not _fields(text) <= slots.keys():
            return None
        text = text.format(**slots)
    return text


def _pick_render(rng: random.Random, templates: list[str], slots: dict) -> str | None:
    options = [t for t in templates if _render(t, slots) is not None]
    if not options:
        return None
    return _render(rng.choice(options), slots)


def _weighted(rng: random.Random, weights: dict):
    keys = list(weights)
    return rng.choices(keys, weights=[weights[k] for k in keys])[0]


def _place_pool(kind: str, kab: str | None) -> list[str]:
    if kab:
        return list(KABKOTA[kab][kind])
    pool: list[str] = []
    for code, info in KABKOTA.items():
        if code == "3101" and kind in ("pasar", "kecamatan", "kawasan"):
            continue  # provincial news rarely quotes the islands for these
        pool.extend(info[kind])
    return pool


def _build_slots(
    rng: random.Random,
    theme: dict,
    direction: str,
    scope: str,
    kab: str | None,
    ref: datetime.date,
    src_date: datetime.date,
) -> dict:
    y, m = ref.year, ref.month
    events = _events(y, m)
    wil, wil_s, di_wil = _SCOPE_WORDS[scope]
    prev_m = (m - 2) % 12
    next_m = m % 12
    slots: dict[str, str] = {
        "bulan": MONTHS_ID[m - 1],
        "tahun": str(y),
        "tahun_lalu": str(y - 1),
        "bulan_lalu": MONTHS_ID[prev_m],
        "bulan_depan": MONTHS_ID[next_m],
        "triwulan": _ROMAN[(m - 1) // 3],
        "tgl": f"{src_date.day} {MONTHS_ID[src_date.month - 1]} {src_date.year}",
        "wil": wil,
        "wil_s": wil_s,
        "di_wil": di_wil,
        "bps": "BPS" if scope == "nasional" else "BPS Provinsi DKI Jakarta",
        "arah": {"naik": "naik", "turun": "turun", "stabil": "stabil"}[direction],
        "meningkat": {"naik": "meningkat", "turun": "menurun", "stabil": "relatif stabil"}[
            direction
        ],
        "webinar": rng.choice(_WEBINAR),
    }
    if kab:
        slots["kota"] = KABKOTA[kab]["name"]
        slots["kota_bps"] = KABKOTA[kab]["bps"]
    places = _place_pool(theme.get("place", "kecamatan"), kab)
    tempat = rng.sample(places, 2) if len(places) > 1 else places * 2
    slots["tempat"], slots["tempat2"] = tempat
    for key in ("aktor", "peserta", "narasumber"):
        default = {
            "aktor": _GENERIC_AKTOR,
            "peserta": _GENERIC_PESERTA,
            "narasumber": _GENERIC_NARASUMBER,
        }[key]
        pool = theme.get(key, default)
        picked = rng.sample(pool, 2) if len(pool) > 1 else pool * 2
        slots[key], slots[key + "2"] = picked
    for name, spec in theme.get("nums", {}).items():
        slots[name] = _gen_num(rng, spec)
    for name, spec in theme.get("slots", {}).items():
        values = _by_dir(spec, direction)
        if name.count("*"):
            base, k = name.split("*")
            taken = set(slots.values())
            choices = [v for v in values if v not in taken]
            picked = rng.sample(choices, int(k))
            for i, v in enumerate(picked):
                slots[base if i == 0 else f"{base}{i + 1}"] = v
            continue
        usable = []
        for v in values:
            if isinstance(v, dict) and v.get("when"):
                when = v["when"] if isinstance(v["when"], tuple) else (v["when"],)
                if not any(w in events for w in when):
                    continue
            usable.append(v)
        if not usable:
            continue
        value = rng.choice(usable)
        if isinstance(value, dict):
            if value.get("when"):
                when = value["when"] if isinstance(value["when"], tuple) else (value["when"],)
                slots["momen"] = next(events[w] for w in when if w in events)
            for k, v in value.items():
                if k == "when":
                    continue
                slots[k] = _gen_num(rng, v) if isinstance(v, tuple) else v
        else:
            slots[name] = value
    if "komoditas" in slots and "objek" not in slots:
        kom = slots["komoditas"]
        slots["objek"] = kom if kom.split(" ")[0] in ("tarif", "biaya") else f"harga {kom}"
    if theme.get("topik"):
        slots["topik"] = _render(rng.choice(theme["topik"]), slots) or ""
    for key in list(slots):
        if isinstance(slots[key], str) and not key.startswith("kw"):
            slots[key + "_t"] = _title_case(slots[key])
    return slots


def _ref_months(today: datetime.date, months: int) -> list[tuple[int, int]]:
    out = []
    y, m = today.year, today.month
    for _ in range(max(1, months)):
        out.append((y, m))
        y, m = (y, m - 1) if m > 1 else (y - 1, 12)
    return out


def _source_date(rng: random.Random, ref: datetime.date, today: datetime.date):
    last = min(ref + datetime.timedelta(days=45), today)
    span = (last - ref).days
    # news usually follows the facts within a few weeks
    offset = min(span, int(rng.triangular(0, span + 1, min(span, 12))))
    return ref + datetime.timedelta(days=max(0, offset))


def _digits(rng: random.Random, k: int) -> str:
    return str(rng.randint(10 ** (k - 1), 10**k - 1))


def _portal_url(rng: random.Random, outlet: str, slug: str, d: datetime.date, subject: str):
    eko = subject == "ekonomi"
    ymd = f"{d.year}/{d.month:02d}/{d.day:02d}"
    stamp = f"{d:%Y%m%d}{rng.randint(6, 21):02d}{rng.randint(0, 59):02d}{rng.randint(0, 59):02d}"
    hms = stamp[8:]
    if outlet == "Kompas.com":
        host = "money.kompas.com" if eko else "megapolitan.kompas.com"
        return f"https://{host}/read/{ymd}/{hms}{_digits(rng, 2)}/{slug}"
    if outlet == "Detik.com":
        if eko:
            return f"https://finance.detik.com/berita-ekonomi-bisnis/d-{_digits(rng, 7)}/{slug}"
        return f"https://news.detik.com/berita/d-{_digits(rng, 7)}/{slug}"
    if outlet == "CNN Indonesia":
        sec, cat = ("ekonomi", 92) if eko else ("nasional", 20)
        return f"https://www.cnnindonesia.com/{sec}/{stamp}-{cat}-{_digits(rng, 7)}/{slug}"
    if outlet == "CNBC Indonesia":
        sec = "news" if eko else "research"
        return f"https://www.cnbcindonesia.com/{sec}/{stamp}-4-{_digits(rng, 6)}/{slug}"
    if outlet == "Tribunnews":
        sec = "bisnis" if eko else "metropolitan"
        return f"https://www.tribunnews.com/{sec}/{ymd}/{slug}"
    if outlet == "Republika":
        host = "ekonomi.republika.co.id" if eko else "news.republika.co.id"
        code = "s" + "".join(rng.choice(string.ascii_lowercase) for _ in range(3))
        code += _digits(rng, 5)
        return f"https://{host}/berita/{code}/{slug}"
    if outlet == "Media Indonesia":
        sec = "ekonomi" if eko else "megapolitan"
        return f"https://mediaindonesia.com/{sec}/{_digits(rng, 6)}/{slug}"
    if outlet == "Sindonews":
        host, cat = ("ekbis.sindonews.com", 33) if eko else ("metro.sindonews.com", 170)
        ts = int(datetime.datetime(d.year, d.month, d.day, 10).timestamp())
        return f"https://{host}/read/{_digits(rng, 7)}/{cat}/{slug}-{ts}"
    if outlet == "Rakyat Merdeka":
        sec = "ekonomi-bisnis" if eko else "nasional"
        return f"https://rm.id/baca-berita/{sec}/{_digits(rng, 6)}/{slug}"
    if outlet == "Tempo.co":
        sec = {"ekonomi": "ekonomi", "sosial": "politik"}.get(subject, "lingkungan")
        return f"https://www.tempo.co/{sec}/{slug}-{_digits(rng, 7)}"
    if outlet == "The Jakarta Post":
        sec = "business" if eko else "indonesia"
        return f"https://www.thejakartapost.com/{sec}/{ymd}/{slug}.html"
    if outlet == "Kontan":
        host = "nasional.kontan.co.id" if eko else "regional.kontan.co.id"
        return f"https://{host}/news/{slug}-{_digits(rng, 6)}"
    if outlet == "Suara.com":
        sec = "bisnis" if eko else "news"
        return f"https://www.suara.com/{sec}/{ymd}/{hms}/{slug}"
    if outlet == "Kompas.id":
        sec = "ekonomi" if eko else "metro"
        return f"https://www.kompas.id/baca/{sec}/{ymd}/{slug}"
    if outlet == "Bisnis Indonesia":
        host, cat = ("ekonomi.bisnis.com", 9) if eko else ("jakarta.bisnis.com", 77)
        return f"https://{host}/read/{d:%Y%m%d}/{cat}/{_digits(rng, 7)}/{slug}"
    raise ValueError(outlet)  # pragma: no cover


def _press_url(rng: random.Random, domain: str, slug: str, d: datetime.date) -> str:
    ymd = f"{d.year}/{d.month:02d}/{d.day:02d}"
    if domain in ("bps.go.id", "jakarta.bps.go.id"):
        host = "www.bps.go.id" if domain == "bps.go.id" else domain
        return f"https://{host}/id/pressrelease/{ymd}/{_digits(rng, 4)}/{slug}.html"
    if domain == "bi.go.id":
        return (
            "https://www.bi.go.id/id/publikasi/ruang-media/news-release/Pages/"
            f"sp_{d:%y}{_digits(rng, 5)}.aspx"
        )
    if domain == "jakarta.go.id":
        return f"https://www.jakarta.go.id/siaran-pers/{d.year}/{d.month:02d}/{slug}"
    if domain == "kemnaker.go.id":
        return f"https://kemnaker.go.id/news/detail/{slug}"
    return f"https://kemenparekraf.go.id/berita/siaran-pers-{slug}"


def _youtube_url(rng: random.Random) -> str:
    alphabet = string.ascii_letters + string.digits + "-_"
    return "https://www.youtube.com/watch?v=" + "".join(rng.choice(alphabet) for _ in range(11))


def _make_source(rng, stype, title, d, theme, subject, exclude_outlets) -> dict:
    slug = _slugify(title)
    outlet: str | None = None
    url = ""
    if stype == "portal_berita":
        weights = {k: v for k, v in _PORTAL_WEIGHTS.items() if k not in exclude_outlets}
        outlet = _weighted(rng, weights)
        url = _portal_url(rng, outlet, slug, d, subject)
    elif stype == "surat_kabar":
        outlet = PRINT_OUTLET
    elif stype == "siaran_pers":
        url = _press_url(rng, rng.choice(theme.get("press", _DEFAULT_PRESS)), slug, d)
    elif stype == "tv_video":
        url = _youtube_url(rng)
    return {"source_type": stype, "outlet": outlet, "url": url, "date": d}


_DEFAULT_PRESS = ["jakarta.bps.go.id", "jakarta.go.id"]


def _keywords(rng: random.Random, theme: dict, slots: dict) -> list[str]:
    pool = theme["keywords"]
    out: list[str] = []
    if rng.random() < 0.75:
        out.append(pool[0])
    for key in sorted(k for k in slots if k.startswith("kw") and not k.endswith("_t")):
        out.append(slots[key])
    weights = [1.0 / (i + 1) ** 0.7 for i in range(len(pool))]
    target = rng.randint(2, 5)
    guard = 0
    while len(dict.fromkeys(out)) < target and guard < 40:
        out.append(rng.choices(pool, weights=weights)[0])
        guard += 1
    return list(dict.fromkeys(k.lower() for k in out))[:5]


def _indicators(rng: random.Random, theme: dict, direction: str) -> list[tuple[str, str]]:
    out = []
    for name, prob in theme.get("indicators", []):
        if rng.random() < prob:
            out.append((name, direction))
    return out


def _allocate(rng: random.Random, n: int) -> list[str]:
    """Themes for n items: proportional quotas (so rare themes still appear) + weighted rest."""
    names = list(THEMES)
    total = sum(THEMES[t]["weight"] for t in names)
    result = []
    for t in names:
        result.extend([t] * int(n * THEMES[t]["weight"] / total))
    weights = [THEMES[t]["weight"] for t in names]
    while len(result) < n:
        result.append(rng.choices(names, weights=weights)[0])
    rng.shuffle(result)
    return result


def _kab_probability() -> float:
    total = sum(t["weight"] for t in THEMES.values())
    kab_total = sum(t["weight"] for t in THEMES.values() if t.get("kab"))
    return min(0.95, KAB_SHARE * total / kab_total)


def _make_item(rng, theme_name, today, ref_months, used_titles, used_urls) -> dict:
    theme = THEMES[theme_name]
    subject = THEME_SUBJECT[theme_name]
    kab_level = bool(theme.get("kab")) and rng.random() < _kab_probability()
    y, m = rng.choices(ref_months, weights=[0.35] + [1.0] * (len(ref_months) - 1))[0]
    ref = datetime.date(y, m, 1)
    direction = _weighted(rng, theme.get("dirs", {"naik": 1}))
    if kab_level:
        scope = "kabkota"
        kab = _weighted(rng, theme.get("kab_weights", {c: 1 for c in KABKOTA}))
        stypes = [_weighted(rng, _KAB_SOURCE_WEIGHTS)]
        if rng.random() < 0.2:
            stypes.append("stakeholder" if stypes[0] == "fgd" else "fgd")
    else:
        scope = _weighted(rng, theme.get("scopes", {"dki": 1}))
        kab = None
        stypes = [_weighted(rng, _PROV_SOURCE_WEIGHTS)]
        if rng.random() < 0.3:
            extra = _weighted(rng, _PROV_SOURCE_WEIGHTS)
            if extra == "portal_berita" or extra != stypes[0]:
                stypes.append(extra)
    dates = sorted(_source_date(rng, ref, today) for _ in stypes)

    title = fallback = ""
    slots: dict = {}
    for attempt in range(60):
        slots = _build_slots(rng, theme, direction, scope, kab, ref, dates[0])
        templates = _by_dir(theme["titles"], direction)
        if kab_level and rng.random() < 0.5:
            templates = _KAB_TITLES[stypes[0]]
        candidate = _pick_render(rng, templates, slots)
        if not candidate:
            continue
        candidate = _cap_first(candidate)
        if 50 <= len(candidate) <= 110:
            fallback = fallback or candidate
        if 50 <= len(candidate) <= 110 and (candidate not in used_titles or attempt > 50):
            title = candidate
            break
    if not title:  # pragma: no cover - every theme has templates of valid length
        title = fallback or _cap_first(f"{theme_name}: {slots.get('bulan')} {slots.get('tahun')}")
    used_titles.add(title)

    sources = []
    outlets_used: set[str] = set()
    for stype, d in zip(stypes, dates, strict=True):
        for _ in range(10):
            src = _make_source(rng, stype, title, d, theme, subject, outlets_used)
            if not src["url"] or src["url"] not in used_urls:
                break
        if src["url"]:
            used_urls.add(src["url"])
        if src["outlet"]:
            outlets_used.add(src["outlet"])
        sources.append(src)
    narrative = _narrative(rng, theme, direction, slots, kab_level, sources[0], subject)

    return {
        "title": title,
        "narrative": narrative,
        "subject": subject,
        "theme": theme_name,
        "scope": scope,
        "kabkota": kab,
        "reference_year": y,
        "reference_month": m,
        "keywords": _keywords(rng, theme, slots),
        "indicators": _indicators(rng, theme, direction),
        "sources": sources,
        "level": "kabkota" if kab_level else "provinsi",
    }


_CONTEXT = {
    "sosial": [
        "Kondisi ini menjadi perhatian karena berkaitan langsung dengan kesejahteraan warga, "
        "terutama kelompok berpendapatan rendah yang tinggal di permukiman padat Jakarta.",
        "Pemerintah daerah menilai informasi lapangan seperti ini penting sebagai dasar "
        "penyusunan program sosial yang lebih tepat sasaran pada tahun berikutnya.",
    ],
    "ekonomi": [
        "Perkembangan tersebut turut memengaruhi aktivitas ekonomi Jakarta pada {bulan} "
        "{tahun}, terutama bagi pelaku usaha yang bergantung pada permintaan domestik.",
        "Sejumlah pelaku usaha menilai kondisi ini perlu diantisipasi karena berpotensi "
        "memengaruhi biaya operasional dan rencana ekspansi dalam beberapa bulan ke depan.",
    ],
    "lingkungan": [
        "Isu ini menjadi bagian dari agenda pembangunan berkelanjutan Jakarta yang menekankan "
        "keseimbangan antara pertumbuhan ekonomi, kualitas lingkungan, dan kesejahteraan warga.",
        "Pemprov DKI Jakarta menyatakan akan menjadikan perkembangan ini sebagai bahan evaluasi "
        "kebijakan bersama perangkat daerah terkait dan pemangku kepentingan lainnya.",
    ],
}
_ATTRIBUTION = {
    "portal_berita": ", seperti diberitakan {outlet} pada {tgl}",
    "surat_kabar": ", seperti dimuat harian Kompas edisi {tgl}",
    "siaran_pers": ", sebagaimana disampaikan dalam siaran pers tertanggal {tgl}",
    "tv_video": ", seperti dilaporkan dalam tayangan berita televisi pada {tgl}",
    "pelatihan": ", berdasarkan materi yang disampaikan pada {tgl}",
    "lainnya": ", berdasarkan informasi yang dihimpun pada {tgl}",
    "fgd": ", menurut keterangan peserta FGD",
    "stakeholder": ", menurut keterangan narasumber",
}


_TAIL_CLAUSES = [
    ", sehingga perkembangannya akan terus dipantau dalam beberapa bulan ke depan",
    ", dan perkembangan berikutnya akan dievaluasi bersama pemangku kepentingan terkait",
    ", mengingat dampaknya terhadap aktivitas ekonomi dan kesejahteraan warga Jakarta",
]


def _word_count(sentences: list[str]) -> int:
    return sum(len(s.split()) for s in sentences)


def _narrative(rng, theme, direction, slots, kab_level, source, subject) -> str:
    theme = dict(theme, _ctx=_CONTEXT[subject])

    def pick(key: str, avoid: set[str]) -> str | None:
        options = _by_dir(theme.get(key, []), direction)
        rng.shuffle(options)
        for t in options:
            text = _render(t, slots)
            if text and text not in avoid:
                return _cap_first(text)
        return None

    stype = source["source_type"]
    used: set[str] = set()
    body: list[str] = []
    if kab_level:
        body.append(_pick_render(rng, _KAB_INTRO[stype], slots) or "")
    for key in ("leads", "causes"):
        sentence = pick(key, used)
        if sentence:
            body.append(sentence)
            used.add(sentence)
    closing = pick("closings", used) or ""
    tail = _pick_render(rng, _PELATIHAN_SENTENCE, slots) if stype == "pelatihan" else None
    finals = [s for s in (closing, tail) if s]
    max_body = 4 - len(finals)
    fillers = [lambda: pick("extras", used), lambda: pick("_ctx", used)]
    want_extra = rng.random() < 0.45
    for filler in fillers:
        if len(body) >= max_body:
            break
        if _word_count(body + finals) >= 75 and not want_extra:
            break
        sentence = filler()
        if sentence:
            body.append(sentence)
            used.add(sentence)
            want_extra = False
    sentences = [s for s in body + finals if s]
    if _word_count(sentences) < 62 or rng.random() < 0.15:
        attr = _ATTRIBUTION[stype].format(outlet=source["outlet"] or "", tgl=slots["tgl"])
        i = 1 if kab_level else 0
        if len(sentences) > i and sentences[i].endswith("."):
            sentences[i] = sentences[i][:-1] + attr + "."
    if _word_count(sentences) < 60 and sentences[-1].endswith("."):
        sentences[-1] = sentences[-1][:-1] + rng.choice(_TAIL_CLAUSES) + "."
    while _word_count(sentences) > 160 and len(sentences) > 2:
        sentences.pop(-2)
    return " ".join(sentences)


def generate(n: int, *, today: datetime.date, seed: int = 2024, months: int = 18) -> list[dict]:
    """Generate ``n`` demo phenomena, deterministic for (seed, today, months).

    Reference months lie within the last ``months`` months up to ``today``'s month; source
    dates lie in [reference month start, min(start + 45 days, today)].
    """
    if n <= 0:
        return []
    rng = random.Random(seed)
    ref_months = _ref_months(today, months)
    used_titles: set[str] = set()
    used_urls: set[str] = set()
    return [
        _make_item(rng, theme, today, ref_months, used_titles, used_urls)
        for theme in _allocate(rng, n)
    ]
