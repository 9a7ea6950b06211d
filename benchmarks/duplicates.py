"""Time one duplicate check against N stored phenomena on PostgreSQL.

    /work/main/.venv/bin/python benchmarks/duplicates.py --size 100000
    /work/main/.venv/bin/python benchmarks/duplicates.py --size 1000000 --keep

Uses a dedicated database (``--db``, default ``simfoni_bench_dup`` on 127.0.0.1; created and
migrated if missing), bulk-loads synthetic phenomena (texts from templates with random figures,
places, commodities and months), one source each (with canonical URL) and their fingerprints
with COPY, then times ``check_candidate`` (the service the form, import and scraper call) for
near-duplicates of stored records and for new stories.  Prints p50/p95 and the size of the
fingerprint and source tables with their indexes (``pg_total_relation_size``).
"""

from __future__ import annotations

import argparse
import datetime
import os
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

PLACES = [
    "Jakarta Selatan", "Jakarta Timur", "Jakarta Pusat", "Jakarta Barat", "Jakarta Utara",
    "Kepulauan Seribu", "DKI Jakarta",
]  # fmt: skip
GOODS = [
    "cabai merah", "cabai rawit", "bawang merah", "bawang putih", "beras medium", "beras premium",
    "daging sapi", "daging ayam ras", "telur ayam", "minyak goreng", "gula pasir", "tomat",
    "kentang", "ikan kembung", "jagung", "kedelai", "tepung terigu", "susu", "emas perhiasan",
    "tarif angkutan", "tiket pesawat", "sewa rumah", "biaya pendidikan", "rokok kretek",
]  # fmt: skip
EVENTS = [
    "pasokan dari sentra produksi berkurang akibat {cause}",
    "permintaan meningkat menjelang {holiday}",
    "distribusi terganggu karena {cause}",
    "panen raya di daerah pemasok membuat stok melimpah",
    "pemerintah menggelar operasi pasar di {n} titik",
    "harga di tingkat petani ikut {dir} {p} persen",
]  # fmt: skip
CAUSES = ["musim hujan", "banjir", "cuaca ekstrem", "gagal panen", "kenaikan ongkos angkut"]
HOLIDAYS = ["Ramadan", "Idulfitri", "Natal dan Tahun Baru", "Iduladha", "libur sekolah"]
MARKETS = ["Pasar Induk Kramat Jati", "Pasar Senen", "Pasar Minggu", "Pasar Jatinegara",
           "Pasar Tanah Abang", "Pasar Rumput", "Pasar Cipinang", "Pasar Koja"]  # fmt: skip
TITLES = [
    "Harga {good} di {place} {dir} {p} persen",
    "{good} {dir} {p} persen di pasar {place}",
    "{place}: harga {good} {dir} hingga Rp{price} per kilogram",
    "Pedagang {market} keluhkan harga {good} yang {dir}",
]  # fmt: skip
OUTLETS = ["kompas.com", "detik.com", "cnnindonesia.com", "tempo.co", "antaranews.com",
           "liputan6.com", "bisnis.com", "kontan.co.id", "beritasatu.com",
           "okezone.com"]  # fmt: skip


def synthetic(rng: random.Random, i: int, period: datetime.date) -> dict:
    """One synthetic phenomenon as a plain dict (title, narrative, url, period, area)."""
    values = {
        "good": rng.choice(GOODS),
        "place": rng.choice(PLACES),
        "dir": rng.choice(["naik", "turun"]),
        "p": f"{rng.randint(1, 60)},{rng.randint(0, 9)}",
        "price": f"{rng.randint(5, 150)}.{rng.randint(0, 9)}00",
        "market": rng.choice(MARKETS),
        "cause": rng.choice(CAUSES),
        "holiday": rng.choice(HOLIDAYS),
        "n": rng.randint(3, 90),
        "month": period.strftime("%m/%Y"),
    }
    sentences = [
        "Harga {good} di {market} {place} {dir} {p} persen dibandingkan bulan sebelumnya.",
        "Menurut pedagang, " + rng.choice(EVENTS) + ".",
        "Harga eceran mencapai Rp{price} per kilogram pada periode {month}.",
    ]
    if rng.random() < 0.7:
        sentences.append(rng.choice(EVENTS).capitalize() + ".")
    if rng.random() < 0.5:
        sentences.append("Dinas terkait memantau {n} pasar setiap pekan.")
    narrative = " ".join(s.format(**values) for s in sentences)
    return {
        "title": rng.choice(TITLES).format(**values).capitalize(),
        "narrative": narrative,
        "url": f"https://{rng.choice(OUTLETS)}/read/{period:%Y/%m}/{i}/"
        + values["good"].replace(" ", "-"),
        "reference_period": period,
    }


def reword(record: dict, rng: random.Random) -> dict:
    """A near-duplicate of ``record``: the same story told by another outlet."""
    sentences = record["narrative"].split(". ")
    rng.shuffle(sentences)
    return {
        "title": "Hari ini: " + record["title"].lower(),
        "narrative": ". ".join(sentences) + " Baca juga: berita lainnya.",
        "urls": [f"https://other.example/{rng.randint(1, 10**9)}"],
        "reference_period": record["reference_period"],
    }


def setup_django(db: str) -> None:
    os.environ["DATABASE_URL"] = f"postgres://postgres@127.0.0.1:5432/{db}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "simfoni_site.settings.test")
    import psycopg

    with psycopg.connect("postgresql://postgres@127.0.0.1:5432/postgres", autocommit=True) as c:
        if not c.execute("SELECT 1 FROM pg_database WHERE datname=%s", [db]).fetchone():
            c.execute(f'CREATE DATABASE "{db}"')
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def load(size: int, months: int, rng: random.Random) -> list[dict]:
    """Bulk-load ``size`` phenomena; returns a sample of the stored records for queries."""
    from django.db import connection

    from phenomena.duplicates.service import fingerprint_keys
    from phenomena.duplicates.urls import canonical_url_or_blank
    from phenomena.models import Phenomenon, Scope, SourceType, Subject, Theme

    existing = Phenomenon.objects.count()
    if existing >= size:
        print(f"reusing {existing} stored phenomena")
        sample = []
        for p in Phenomenon.objects.order_by("?")[:200].prefetch_related("sources"):
            sample.append(
                {
                    "title": p.title,
                    "narrative": p.narrative,
                    "url": p.sources.all()[0].url,
                    "reference_period": p.reference_period,
                }
            )
        return sample
    subject = Subject.objects.get(code="ekonomi")
    theme = Theme.objects.filter(subject=subject).first()
    scope = Scope.objects.get(code="dki")
    source_type = SourceType.objects.get(code="portal_berita")
    start = datetime.date(2020, 1, 1)
    periods = [(start + datetime.timedelta(days=31 * m)).replace(day=1) for m in range(months)]
    sample: list[dict] = []
    batch = 20000
    t0 = time.perf_counter()
    now = datetime.datetime.now(datetime.UTC)
    for offset in range(existing, size, batch):
        records = [
            synthetic(rng, i, rng.choice(periods)) for i in range(offset, min(size, offset + batch))
        ]
        with connection.cursor() as cursor:
            raw = cursor.connection
            with raw.cursor() as cur:
                ids = []
                with cur.copy(
                    "COPY phenomena_phenomenon (title, narrative, reference_period, scope_id, "
                    "subject_id, theme_id, created_at, updated_at, live, has_unpublished_changes, "
                    "locked, expired) FROM STDIN"
                ) as copy:
                    for r in records:
                        copy.write_row(
                            (r["title"], r["narrative"], r["reference_period"], scope.pk,
                             subject.pk, theme.pk, now, now, True, False, False, False)
                        )  # fmt: skip
                cur.execute(
                    "SELECT id FROM phenomena_phenomenon ORDER BY id DESC LIMIT %s", [len(records)]
                )
                ids = sorted(row[0] for row in cur.fetchall())
                with cur.copy(
                    "COPY phenomena_phenomenonsource (phenomenon_id, source_type_id, url, "
                    "source_date, canonical_url, sort_order) FROM STDIN"
                ) as copy:
                    for pk, r in zip(ids, records, strict=True):
                        copy.write_row(
                            (pk, source_type.pk, r["url"], r["reference_period"],
                             canonical_url_or_blank(r["url"]), 0)
                        )  # fmt: skip
                with cur.copy(
                    "COPY phenomena_phenomenonfingerprint (phenomenon_id, band_key, "
                    "reference_period) FROM STDIN"
                ) as copy:
                    for pk, r in zip(ids, records, strict=True):
                        for key in dict.fromkeys(fingerprint_keys(r["title"], r["narrative"])):
                            copy.write_row((pk, key, r["reference_period"]))
        if len(sample) < 200:
            sample.extend(rng.sample(records, min(20, len(records))))
        done = min(size, offset + batch)
        print(f"  loaded {done} ({time.perf_counter() - t0:.0f}s)", flush=True)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE phenomena_phenomenonfingerprint")
        cursor.execute("ANALYZE phenomena_phenomenonsource")
        cursor.execute("ANALYZE phenomena_phenomenon")
    return sample


def sizes() -> dict:
    from django.db import connection

    result = {}
    with connection.cursor() as cursor:
        for table in ("phenomena_phenomenonfingerprint", "phenomena_phenomenonsource"):
            cursor.execute(
                "SELECT pg_total_relation_size(%s), pg_relation_size(%s), "
                "(SELECT count(*) FROM " + table + ")",
                [table, table],
            )
            total, heap, rows = cursor.fetchone()
            result[table] = (total, heap, rows)
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=100000)
    parser.add_argument("--months", type=int, default=72, help="reference months spread")
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument("--db", default="simfoni_bench_dup")
    args = parser.parse_args()
    setup_django(args.db)
    from phenomena.duplicates.service import BANDS, ROWS, check_candidate

    rng = random.Random(5)
    sample = load(args.size, args.months, rng)
    for table, (total, heap, rows) in sizes().items():
        print(
            f"{table}: {rows} rows, table+indexes {total / 2**20:.0f} MiB "
            f"(heap {heap / 2**20:.0f} MiB, indexes {(total - heap) / 2**20:.0f} MiB)"
        )
    queries = []
    for i in range(args.queries):
        base = rng.choice(sample)
        if i % 3 == 0:
            queries.append(("same_url", {**base, "title": "x " + base["title"]}))
        elif i % 3 == 1:
            queries.append(("same_story", reword(base, rng)))
        else:
            new = synthetic(rng, 10**9 + i, base["reference_period"])
            new["url"] = f"https://new.example/{i}"
            queries.append(("new", new))
    for _kind, query in queries[:10]:  # warm-up
        check_candidate(query)
    timings, found = [], {"same_url": 0, "same_story": 0, "new": 0}
    for kind, query in queries:
        t0 = time.perf_counter()
        matches = check_candidate(query)
        timings.append(time.perf_counter() - t0)
        found[kind] += bool(matches)
    timings.sort()
    p50 = statistics.median(timings) * 1000
    p95 = timings[int(len(timings) * 0.95)] * 1000
    n = len(queries) // 3
    print(
        f"check_candidate over {args.size} phenomena ({BANDS} bands x {ROWS} rows, "
        f"{args.months} months): p50 {p50:.1f} ms, p95 {p95:.1f} ms, "
        f"max {timings[-1] * 1000:.1f} ms"
    )
    print(
        f"flagged: same URL {found['same_url']}/{n}, reworded same story "
        f"{found['same_story']}/{n}, new stories {found['new']}/{n} (synthetic near-twins "
        "from the same template can legitimately match)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
