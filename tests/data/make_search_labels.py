# ruff: noqa: E501  (the data tables below read best one row per line)
"""Generate the labelled search-quality set ``search_labels.json`` (issue #12).

Deterministic (seeded): running it twice writes the same file.

    .venv/bin/python tests/data/make_search_labels.py

Phenomena are written the way news portals, press releases and FGD notes write them: the
same fact appears as an abbreviation in one text and in full in another (IHK / indeks
harga konsumen, TPT, wisman / turis asing, BBM, PHK, UMP, PDRB, KRL, bansos, Lebaran /
Idulfitri), kab/kota as "Jaksel" or "Kota Jakarta Selatan", months as "Okt" or "Oktober".
Traps share surface forms with other topics (anggur vs pengangguran, Selat Sunda vs
Jakarta Selatan, barang bekas vs Bekasi, "meningkat" vs "tingkat").

Queries are written the way staff search: abbreviations, full forms, a kab/kota or a month
and year typed as words, questions ("mengapa…", "dampak … terhadap …"), derivations
(wisata / wisatawan, ekspor / eksportir), extra words no text contains. Each query lists
its relevant phenomena (every phenomenon of its topic, and of its kab/kota and period when
it names one) and the must-not ones (the traps it could be confused with).
"""

from __future__ import annotations

import json
import random
from pathlib import Path

SEED = 20241212
OUT = Path(__file__).with_name("search_labels.json")

MONTHS = [
    "Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
    "Oktober", "November", "Desember",
]  # fmt: skip
SHORT = ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agt", "Sep", "Okt", "Nov", "Des"]
AREAS = {
    "3101": ["Kepulauan Seribu", "Kep. Seribu", "Kabupaten Kepulauan Seribu"],
    "3171": ["Jakarta Selatan", "Jaksel", "Kota Jakarta Selatan"],
    "3172": ["Jakarta Timur", "Jaktim", "Kota Jakarta Timur"],
    "3173": ["Jakarta Pusat", "Jakpus", "Kota Jakarta Pusat"],
    "3174": ["Jakarta Barat", "Jakbar", "Kota Jakarta Barat"],
    "3175": ["Jakarta Utara", "Jakut", "Kota Jakarta Utara"],
}
PLACES = {
    "3101": "Pulau Pramuka",
    "3171": "Pasar Minggu",
    "3172": "Kramat Jati",
    "3173": "Tanah Abang",
    "3174": "Cengkareng",
    "3175": "Muara Angke",
}
OUTLETS = ["Kompas.com", "Detik.com", "CNN Indonesia", "Antara", "Tempo.co", "Bisnis.com"]

# Each topic: theme, forms of its key term (abbreviation first), title and narrative
# templates. {term} is one form of the key term, {area} a form of the kab/kota name,
# {month} a month form, {year}, {pct}, {place} a district, {outlet}.
TOPICS = {
    "inflasi": {
        "theme": "Harga-harga (Inflasi)",
        "terms": ["IHK", "indeks harga konsumen"],
        "titles": [
            "{term} {area} {month} {year} naik {pct} persen dipicu cabai merah",
            "Harga cabai merah dorong kenaikan {term} di {area}",
            "Inflasi {area} {month} {year}: {term} terkerek bawang merah dan cabai",
        ],
        "texts": [
            "Kenaikan {term} terutama disumbang komoditas cabai merah dan bawang merah yang "
            "pasokannya berkurang dari sentra produksi. Pedagang di {place} menyebut harga "
            "naik dua kali lipat dalam sepekan.",
            "Dalam FGD bersama dinas ketahanan pangan, pedagang {place} menjelaskan pasokan "
            "cabai tersendat akibat hujan di daerah produksi sehingga {term} ikut naik.",
        ],
    },
    "pengangguran": {
        "theme": "Tenaga Kerja",
        "terms": ["TPT", "tingkat pengangguran terbuka"],
        "titles": [
            "{term} {area} turun menjadi {pct} persen",
            "Lowongan logistik tekan {term} di {area}",
            "{term} {area} {month} {year} membaik seiring pembukaan gudang baru",
        ],
        "texts": [
            "Pembukaan pusat logistik dan gudang daring di {place} menyerap banyak pencari "
            "kerja muda, sehingga {term} turun dibanding tahun sebelumnya.",
            "Dinas tenaga kerja mencatat pelatihan kerja dan bursa kerja di {place} membantu "
            "lulusan SMK mendapat pekerjaan; {term} menurun.",
        ],
    },
    "wisman": {
        "theme": "Pariwisata",
        "terms": ["wisman", "wisatawan mancanegara", "turis asing"],
        "titles": [
            "Kunjungan {term} ke {area} turun setelah musim liburan",
            "Jumlah {term} di {area} anjlok, okupansi hotel melemah",
            "{term} berkurang, hotel di {area} sepi pada {month} {year}",
        ],
        "texts": [
            "Pengelola hotel di {place} menyebut kedatangan {term} berkurang karena jadwal "
            "penerbangan internasional dipangkas maskapai.",
            "Asosiasi perhotelan melaporkan {term} menurun sehingga tingkat hunian kamar di "
            "{place} rendah sepanjang bulan.",
        ],
    },
    "bbm": {
        "theme": "Energi (Listrik dan Gas)",
        "terms": ["BBM", "bahan bakar minyak"],
        "titles": [
            "Harga {term} naik, tarif angkutan umum di {area} ikut naik",
            "Kenaikan harga {term} picu inflasi transportasi {area}",
            "Sopir angkot {area} keluhkan kenaikan {term}",
        ],
        "texts": [
            "Setelah pemerintah menaikkan harga {term} nonsubsidi, pengemudi angkot dan ojek "
            "di {place} menaikkan tarif sehingga inflasi kelompok transportasi meningkat.",
            "Organda menyebut biaya operasional naik karena {term}; tarif angkutan di {place} "
            "disesuaikan.",
        ],
    },
    "lebaran": {
        "theme": "Harga-harga (Inflasi)",
        "terms": ["Lebaran", "Idulfitri", "Idul Fitri"],
        "titles": [
            "Permintaan daging sapi melonjak menjelang {term} di {area}",
            "Harga daging sapi naik jelang {term}",
            "Pasar {place} ramai pembeli daging menjelang {term}",
        ],
        "texts": [
            "Pedagang daging di {place} menyebut permintaan naik tajam menjelang {term}, "
            "sementara pasokan sapi dari luar daerah terbatas.",
            "Menjelang {term} harga daging sapi di {place} naik karena permintaan rumah tangga "
            "meningkat.",
        ],
    },
    "phk": {
        "theme": "Tenaga Kerja",
        "terms": ["PHK", "pemutusan hubungan kerja"],
        "titles": [
            "Pabrik garmen di {area} lakukan {term} ratusan buruh",
            "Gelombang {term} melanda industri tekstil {area}",
            "Order ekspor turun, {term} di pabrik sepatu {area}",
        ],
        "texts": [
            "Serikat pekerja menyebut {term} terjadi karena pesanan dari luar negeri turun. "
            "Buruh pabrik di {place} dirumahkan tanpa kepastian.",
            "Dinas tenaga kerja mencatat {term} di kawasan industri {place} bertambah sejak "
            "awal tahun.",
        ],
    },
    "ump": {
        "theme": "Konsumsi dan Pendapatan",
        "terms": ["UMP", "upah minimum provinsi"],
        "titles": [
            "{term} {year} ditetapkan naik {pct} persen",
            "Buruh {area} tuntut kenaikan {term} lebih tinggi",
            "Pengusaha {area} keberatan dengan kenaikan {term}",
        ],
        "texts": [
            "Dewan pengupahan menetapkan {term} {year}; serikat buruh di {place} menilai "
            "kenaikannya belum sebanding dengan biaya hidup.",
            "Pengusaha di {place} menyatakan kenaikan {term} akan menambah biaya produksi.",
        ],
    },
    "pdrb": {
        "theme": "Statistik Makroekonomi",
        "terms": ["PDRB", "produk domestik regional bruto"],
        "titles": [
            "Pertumbuhan {term} {area} melambat pada triwulan III",
            "{term} {area} tumbuh {pct} persen ditopang perdagangan",
            "Ekonomi {area} tumbuh: {term} naik berkat konsumsi rumah tangga",
        ],
        "texts": [
            "Pertumbuhan {term} ditopang perdagangan besar dan eceran serta konsumsi rumah "
            "tangga di pusat belanja {place}.",
            "Bappeda menyebut {term} melambat karena belanja pemerintah belum terserap.",
        ],
    },
    "krl": {
        "theme": "Transportasi",
        "terms": ["KRL", "kereta rel listrik", "commuter line"],
        "titles": [
            "Penumpang {term} di stasiun {area} meningkat",
            "Jumlah penumpang {term} naik saat libur sekolah",
            "{term} makin padat, penumpang {area} bertambah",
        ],
        "texts": [
            "Operator mencatat penumpang {term} di stasiun {place} naik karena tarif bus "
            "naik dan jalan macet.",
            "Penumpang {term} dari {place} bertambah setelah jadwal perjalanan ditambah.",
        ],
    },
    "bansos": {
        "theme": "Perlindungan Sosial",
        "terms": ["bansos", "bantuan sosial"],
        "titles": [
            "Penyaluran {term} di {area} tertunda",
            "{term} beras dibagikan kepada warga {area}",
            "Warga {area} antre pencairan {term}",
        ],
        "texts": [
            "Dinas sosial menyalurkan {term} berupa beras dan uang tunai kepada keluarga "
            "penerima manfaat di {place}.",
            "Penyaluran {term} di {place} sempat tertunda karena pemutakhiran data penerima.",
        ],
    },
    "nelayan": {
        "theme": "Pertanian, Kehutanan, Perikanan",
        "terms": ["nelayan"],
        "titles": [
            "{term} {area} tidak melaut karena gelombang tinggi",
            "Hasil tangkapan {term} {area} turun",
            "Cuaca buruk, {term} di {area} sulit melaut",
        ],
        "texts": [
            "{term} di {place} memilih tidak melaut karena angin kencang; pasokan ikan ke "
            "pasar ikan berkurang dan harga ikan naik.",
            "Tangkapan {term} di {place} turun separuh karena gelombang tinggi.",
        ],
    },
    "ekspor": {
        "theme": "Ekspor-Impor",
        "terms": ["eksportir", "ekspor"],
        "titles": [
            "{term} furnitur {area} keluhkan permintaan global lesu",
            "Nilai {term} produk {area} turun",
            "Permintaan luar negeri melemah, {term} kopi {area} tertekan",
        ],
        "texts": [
            "Pelaku usaha di {place} menyebut {term} tertekan karena permintaan dari Eropa "
            "dan Amerika turun.",
            "Asosiasi menyebut {term} berkurang karena ongkos kapal naik.",
        ],
    },
    "pulau": {
        "theme": "Pariwisata",
        "terms": ["wisatawan", "pengunjung", "turis"],
        "titles": [
            "Kunjungan {term} ke pulau-pulau {area} naik saat libur panjang",
            "{term} padati dermaga menuju {area}",
        ],
        "texts": [
            "Kapal tambahan disiapkan karena {term} ke {place} meningkat pada akhir pekan panjang.",
            "Homestay di {place} penuh dipesan {term} domestik.",
        ],
    },
    "ojol": {
        "theme": "Transportasi",
        "terms": ["ojol", "ojek online", "ojek daring"],
        "titles": [
            "Tarif {term} di {area} naik, pengemudi keluhkan potongan aplikasi",
            "Pengemudi {term} {area} demo tuntut tarif baru",
        ],
        "texts": [
            "Pengemudi {term} di {place} menyebut pendapatan harian turun karena potongan "
            "aplikator naik.",
            "Kenaikan tarif {term} di {place} membuat pelanggan beralih ke angkutan umum.",
        ],
    },
    "banjir": {
        "theme": "Lingkungan",
        "terms": ["banjir", "genangan"],
        "titles": [
            "{term} rendam permukiman {area}, distribusi sayur terganggu",
            "Pedagang {area} merugi akibat {term}",
        ],
        "texts": [
            "{term} setinggi lutut di {place} membuat pasokan sayur ke pasar terlambat dan "
            "harga sayur naik.",
            "Warga {place} mengungsi karena {term}; toko dan warung tutup dua hari.",
        ],
    },
}

# Traps: surface forms shared with the topics above (must stay out of their top 20).
TRAPS = [
    ("trap-anggur-1", "Harga anggur impor naik di pasar buah", "Pedagang buah di Pasar Minggu "
     "menyebut harga anggur merah naik karena kurs rupiah melemah.", "3171", "Harga-harga (Inflasi)"),
    ("trap-anggur-2", "Anggur hijau Australia membanjiri pasar", "Importir buah menyebut "
     "pasokan anggur berlimpah sehingga harga turun.", "3174", "Ekspor-Impor"),
    ("trap-anggur-3", "Kebun anggur di Bali panen raya", "Petani anggur menikmati panen "
     "melimpah; harga di tingkat petani turun.", None, "Pertanian, Kehutanan, Perikanan"),
    ("trap-selat-1", "Nelayan Selat Sunda terhenti melaut", "Gelombang tinggi di Selat Sunda "
     "membuat kapal penyeberangan tertunda.", None, "Pertanian, Kehutanan, Perikanan"),
    ("trap-selat-2", "Antrean kapal di Selat Sunda saat mudik", "Penyeberangan Merak "
     "Bakauheni padat menjelang mudik.", None, "Transportasi"),
    ("trap-selat-3", "Wisata bahari Selat Malaka ramai turis", "Turis lokal memadati pantai "
     "di sekitar selat.", None, "Pariwisata"),
    ("trap-bekas-1", "Pasar barang bekas ramai pembeli", "Pakaian bekas impor diminati "
     "warga karena murah.", "3172", "Konsumsi dan Pendapatan"),
    ("trap-tingkat-1", "Tingkat hunian apartemen meningkat", "Penghuni apartemen bertambah "
     "di kawasan Kuningan.", "3171", "Pemukiman dan Perumahan"),
    ("trap-dapat-1", "Pedagang dapat bantuan modal usaha", "Koperasi dapat menyalurkan "
     "pinjaman modal kepada pedagang pasar.", "3173", "Kewiraswastaan"),
    ("trap-seribu-1", "Seribu pedagang ikut bazar murah", "Bazar murah diikuti seribu "
     "pedagang kecil.", "3174", "Konsumsi dan Pendapatan"),
]  # fmt: skip


def phenomena(rng: random.Random) -> list[dict]:
    out = []
    periods = [(2023, 9), (2024, 4), (2024, 8), (2024, 10), (2024, 12)]
    for topic, spec in TOPICS.items():
        codes = ["3101"] if topic == "pulau" else list(AREAS)[1:]
        if topic == "nelayan":
            codes = ["3175", "3101", "3175", "3175"]
        for i, code in enumerate(codes):
            for j in range(2 if topic != "pulau" else 4):
                year, month = periods[(i + 2 * j + len(topic)) % len(periods)]
                if topic == "lebaran":
                    year, month = (2024, 4) if j == 0 else (2023, 4)
                term = spec["terms"][(i + j) % len(spec["terms"])]
                area = AREAS[code][(i + j + len(topic)) % 3]
                month_form = (SHORT if (i + j) % 2 else MONTHS)[month - 1]
                values = {
                    "term": term,
                    "area": area,
                    "month": month_form,
                    "year": year,
                    "pct": f"{rng.randint(1, 9)},{rng.randint(0, 9)}",
                    "place": PLACES[code],
                    "outlet": rng.choice(OUTLETS),
                }
                title = spec["titles"][(i + j) % len(spec["titles"])].format(**values)
                text = spec["texts"][(i + j) % len(spec["texts"])].format(**values)
                text += f" (Sumber: {values['outlet']}, {month_form} {year}.)"
                title = title[0].upper() + title[1:]
                out.append(
                    {
                        "key": f"{topic}-{code}-{year}{month:02d}-{j}-{i}",
                        "topic": topic,
                        "title": title,
                        "narrative": text,
                        "area": code,
                        "period": f"{year}-{month:02d}",
                        "theme": spec["theme"],
                        "keywords": [topic] if rng.random() < 0.3 else [],
                    }
                )
    for key, title, text, code, theme in TRAPS:
        out.append(
            {
                "key": key,
                "topic": key.rsplit("-", 1)[0],
                "title": title,
                "narrative": text,
                "area": code,
                "period": "2024-10",
                "theme": theme,
                "keywords": [],
            }
        )
    return out


# (query, topic, area code or None, period "YYYY-MM"/"YYYY" or None, must-not topics, kind)
QUERIES = [
    # Abbreviation -> full form and back
    ("IHK", "inflasi", None, None, [], "abbreviation"),
    ("indeks harga konsumen", "inflasi", None, None, [], "abbreviation"),
    ("TPT", "pengangguran", None, None, ["trap-anggur", "trap-tingkat"], "abbreviation"),
    ("tingkat pengangguran terbuka", "pengangguran", None, None, ["trap-anggur", "trap-tingkat"], "abbreviation"),
    ("wisman", "wisman", None, None, [], "abbreviation"),
    ("wisatawan mancanegara", "wisman", None, None, [], "abbreviation"),
    ("turis asing", "wisman", None, None, [], "synonym"),
    ("BBM", "bbm", None, None, [], "abbreviation"),
    ("harga bahan bakar minyak", "bbm", None, None, [], "abbreviation"),
    ("PHK", "phk", None, None, [], "abbreviation"),
    ("pemutusan hubungan kerja buruh", "phk", None, None, [], "abbreviation"),
    ("UMP", "ump", None, None, [], "abbreviation"),
    ("upah minimum provinsi", "ump", None, None, [], "abbreviation"),
    ("PDRB", "pdrb", None, None, [], "abbreviation"),
    ("produk domestik regional bruto", "pdrb", None, None, [], "abbreviation"),
    ("KRL", "krl", None, None, [], "abbreviation"),
    ("penumpang kereta rel listrik", "krl", None, None, [], "abbreviation"),
    ("bansos", "bansos", None, None, [], "abbreviation"),
    ("bantuan sosial beras", "bansos", None, None, ["trap-dapat"], "abbreviation"),
    ("lebaran daging sapi", "lebaran", None, None, [], "synonym"),
    ("idul fitri", "lebaran", None, None, [], "synonym"),
    ("commuter line", "krl", None, None, [], "synonym"),
    ("tarif ojek online", "ojol", None, None, [], "synonym"),
    ("genangan air pasar", "banjir", None, None, [], "synonym"),
    ("banjir Jaktim", "banjir", "3172", None, ["trap-bekas"], "place"),
    # Places typed as words
    ("IHK Jaksel", "inflasi", "3171", None, ["trap-anggur"], "place"),
    ("inflasi Jakarta Timur", "inflasi", "3172", None, [], "place"),
    ("pengangguran Jakut", "pengangguran", "3175", None, ["trap-anggur"], "place"),
    ("TPT Jakarta Barat", "pengangguran", "3174", None, ["trap-anggur", "trap-seribu"], "place"),
    ("nelayan Jakut", "nelayan", "3175", None, ["trap-selat"], "place"),
    ("nelayan Kepulauan Seribu", "nelayan", "3101", None, ["trap-selat", "trap-seribu"], "place"),
    ("harga Jakbar BBM", "bbm", "3174", None, ["trap-anggur", "trap-seribu"], "place"),
    ("PHK Jaktim", "phk", "3172", None, ["trap-bekas"], "place"),
    ("wisman Jakpus", "wisman", "3173", None, [], "place"),
    ("bansos Jakarta Selatan", "bansos", "3171", None, ["trap-selat"], "place"),
    ("kota jakarta pusat krl", "krl", "3173", None, [], "place"),
    ("kep seribu wisatawan", "pulau", "3101", None, ["trap-seribu"], "place"),
    ("PDRB Jaksel", "pdrb", "3171", None, ["trap-selat"], "place"),
    ("UMP jakbar", "ump", "3174", None, [], "place"),
    # Periods typed as words
    ("inflasi Oktober 2024", "inflasi", None, "2024-10", [], "period"),
    ("IHK okt 2024", "inflasi", None, "2024-10", [], "period"),
    ("TPT Agustus 2024", "pengangguran", None, "2024-08", ["trap-anggur"], "period"),
    ("BBM 2023", "bbm", None, "2023", [], "period"),
    ("wisman desember 2024", "wisman", None, "2024-12", [], "period"),
    ("PHK 2024 Jaktim", "phk", "3172", "2024", [], "period"),
    ("harga daging lebaran 2024", "lebaran", None, "2024", [], "period"),
    ("krl Des 2024", "krl", None, "2024-12", [], "period"),
    ("ojol 2024", "ojol", None, "2024", [], "period"),
    ("bansos april 2024", "bansos", None, "2024-04", [], "period"),
    # Natural questions
    ("mengapa kunjungan wisatawan asing turun", "wisman", None, None, [], "question"),
    ("dampak kenaikan harga BBM terhadap inflasi", "bbm", None, None, [], "question"),
    ("apa penyebab PHK di pabrik garmen", "phk", None, None, [], "question"),
    ("bagaimana kondisi pengangguran di Jaksel", "pengangguran", "3171", None, ["trap-anggur"], "question"),
    ("apakah nelayan tidak melaut karena cuaca", "nelayan", None, None, [], "question"),
    ("kenapa harga cabai naik", "inflasi", None, None, ["trap-anggur"], "question"),
    ("pengaruh UMP terhadap pengusaha", "ump", None, None, [], "question"),
    ("mengapa penumpang KRL bertambah", "krl", None, None, [], "question"),
    # Derivations
    ("eksportir", "ekspor", None, None, [], "derivation"),
    ("kinerja eksportir", "ekspor", None, None, [], "derivation"),
    ("pulau seribu wisata", "pulau", "3101", None, ["trap-seribu"], "derivation"),
    ("berwisata ke kepulauan", "pulau", None, None, [], "derivation"),
    ("pengangguran", "pengangguran", None, None, ["trap-anggur", "trap-tingkat"], "trap"),
    ("cabai jakarta selatan", "inflasi", "3171", None, ["trap-selat"], "trap"),
    # Extra words no text contains (relaxed matching)
    ("lonjakan harga cabai merah keriting di pasar induk", "inflasi", None, None, [], "relaxed"),
    ("laporan gelombang PHK massal sektor tekstil", "phk", None, None, [], "relaxed"),
    ("statistik penumpang KRL harian terbaru", "krl", None, None, [], "relaxed"),
    ("data wisman hotel bintang lima", "wisman", None, None, [], "relaxed"),
    ("realisasi penyaluran bansos tunai terkini", "bansos", None, None, [], "relaxed"),
]  # fmt: skip


def queries(items: list[dict]) -> list[dict]:
    out = []
    for q, topic, code, period, must_not, kind in QUERIES:
        relevant = [
            p["key"]
            for p in items
            if p["topic"] == topic
            and (code is None or p["area"] == code)
            and (period is None or p["period"].startswith(period))
        ]
        assert relevant, q
        bad = [p["key"] for p in items if any(p["key"].startswith(t) for t in must_not)]
        out.append({"q": q, "kind": kind, "relevant": relevant, "must_not": bad})
    return out


def main() -> None:
    rng = random.Random(SEED)
    items = phenomena(rng)
    data = {"phenomena": items, "queries": queries(items)}
    OUT.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{len(items)} phenomena, {len(data['queries'])} queries -> {OUT.name}")


if __name__ == "__main__":
    main()
