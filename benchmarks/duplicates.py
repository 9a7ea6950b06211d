"""Time one duplicate check against N stored phenomena on PostgreSQL.

    /work/main/.venv/bin/python benchmarks/duplicates.py --size 100000
    /work/main/.venv/bin/python benchmarks/duplicates.py --size 1000000   # adds 900k, ~10 min

Uses a dedicated database (``--db``, default ``simfoni_bench_dup`` on 127.0.0.1; created and
migrated if missing; a later, larger ``--size`` adds to what is stored).  A pool of ``--pool``
distinct synthetic texts (templates with random goods, places, markets, figures) gets its band
keys and stored scoring features computed once with multiprocessing (cached in /tmp);
phenomenon ``i`` reuses pool text ``i % pool`` in another reference month each time, so a month
holds distinct texts that collide through their templates.  Phenomena, one source each,
fingerprints and features are loaded with COPY (fingerprint indexes dropped and rebuilt), then
VACUUM ANALYZE runs as autovacuum would.  Times 200 ``check_candidate`` calls (the service the
form, import and scraper call: same URL, reworded story, new story) and prints p50/p95, the
load average and table + index sizes (``pg_total_relation_size``).
"""

from __future__ import annotations

import argparse
import datetime
import json
import multiprocessing
import os
import pickle
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


# The version of the stored features is in the name: a pool prepared by older code is not reused.
POOL_CACHE = Path("/tmp/simfoni_dup_pool_v{version}_{size}_{months}.pickle")


def _prepare_one(item: tuple[str, str]) -> tuple[list[int], str]:
    """Band keys and stored features (as JSON) of one text; runs in a worker process."""
    from phenomena.duplicates.scoring import Record
    from phenomena.duplicates.service import prepare_for_storage

    title, narrative = item
    keys, data = prepare_for_storage(Record(title=title, narrative=narrative))
    return keys, json.dumps(data, separators=(",", ":"))


def text_pool(size: int, months: int) -> list[dict]:
    """``size`` distinct synthetic texts with their keys and features (cached in /tmp).

    Computing keys/features is the slow part of a load; phenomenon ``i`` reuses pool text
    ``i % size`` in another month each time, so every month holds only distinct texts that
    collide through their shared templates, as real monthly news does.
    """
    from phenomena.duplicates.scoring import PREPARED_VERSION

    cache = Path(str(POOL_CACHE).format(version=PREPARED_VERSION, size=size, months=months))
    if cache.exists():
        return pickle.loads(cache.read_bytes())
    rng = random.Random(11)
    start = datetime.date(2020, 1, 1)
    periods = [(start + datetime.timedelta(days=31 * m)).replace(day=1) for m in range(months)]
    pool = [synthetic(rng, i, rng.choice(periods)) for i in range(size)]
    t0 = time.perf_counter()
    # Read the place names (the areas come from the database) and close the connection before
    # forking: a worker reading them through the parent's inherited connection hangs.
    from django.db import connections

    from simfoni_text import places

    places.names()
    connections.close_all()
    with multiprocessing.Pool(os.cpu_count()) as workers:
        prepared = workers.map(
            _prepare_one, [(r["title"], r["narrative"]) for r in pool], chunksize=500
        )
    for record, (keys, data) in zip(pool, prepared, strict=True):
        record["keys"], record["data"] = keys, data
        record["month"] = periods.index(record["reference_period"])
    print(f"  prepared {size} texts in {time.perf_counter() - t0:.0f}s", flush=True)
    cache.write_bytes(pickle.dumps(pool))
    return pool


def _period_figure_keys(text: dict, period: datetime.date) -> list[int]:
    """Figure keys of a pool text stored in ``period`` (the texts name no month: the keys
    take the phenomenon's reference month, as the service does when saving)."""
    from phenomena.duplicates.scoring import keys_for_figures
    from phenomena.duplicates.service import _to_int64

    data = json.loads(text["data"])
    if data["e"][1] is not None:  # the text names its month: already among text["keys"]
        return []
    return [_to_int64(k) for k in keys_for_figures(data["e"][0], period.year, period.month)]


def _period(month: int, months: int) -> datetime.date:
    year, month0 = divmod(month % months, 12)
    return datetime.date(2020 + year, month0 + 1, 1)


FP_INDEXES = ("phen_fp_key_period_id", "phenomena_phenomenonfingerprint_phenomenon_id")


def load(size: int, months: int, pool_size: int) -> list[dict]:
    """Bulk-load phenomena up to ``size`` with COPY; returns 200 stored records for queries."""
    from django.db import connection

    from phenomena.models import Phenomenon, Scope, SourceType, Subject, Theme
    from simfoni_text.urls import canonical_url_or_blank

    existing = Phenomenon.objects.count()
    if existing < size:
        pool = text_pool(pool_size, months)
        subject = Subject.objects.get(code="ekonomi")
        theme = Theme.objects.filter(subject=subject).first()
        scope = Scope.objects.get(code="dki")
        source_type = SourceType.objects.get(code="portal_berita")
        now = datetime.datetime.now(datetime.UTC)
        t0 = time.perf_counter()
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = "
                "'phenomena_phenomenonfingerprint' AND indexname NOT LIKE '%%pkey'"
            )
            fp_indexes = cursor.fetchall()
            for name, _definition in fp_indexes:  # rebuilt after the load: much faster
                cursor.execute(f'DROP INDEX "{name}"')
        batch = 50000
        for offset in range(existing, size, batch):
            numbers = range(offset, min(size, offset + batch))
            rows = []
            for i in numbers:
                text = pool[i % pool_size]
                copy_no = i // pool_size  # 0, 1, 2...: the same text in another month
                period = _period(text["month"] + 7 * copy_no, months)
                url = f"https://{OUTLETS[i % len(OUTLETS)]}/read/{period:%Y/%m}/{i}/berita"
                rows.append((text, period, url))
            with connection.cursor() as cursor, cursor.connection.cursor() as cur:
                cur.execute(
                    "SELECT nextval(pg_get_serial_sequence('phenomena_phenomenon', 'id')) "
                    "FROM generate_series(1, %s)",
                    [len(rows)],
                )
                ids = [r[0] for r in cur.fetchall()]
                with cur.copy(
                    "COPY phenomena_phenomenon (id, title, narrative, reference_period, scope_id, "
                    "subject_id, theme_id, created_at, updated_at, live, has_unpublished_changes, "
                    "locked, expired) FROM STDIN"
                ) as copy:
                    for pk, (text, period, _url) in zip(ids, rows, strict=True):
                        copy.write_row(
                            (pk, text["title"], text["narrative"], period, scope.pk,
                             subject.pk, theme.pk, now, now, True, False, False, False)
                        )  # fmt: skip
                with cur.copy(
                    "COPY phenomena_phenomenonsource (phenomenon_id, source_type_id, url, "
                    "source_date, canonical_url, sort_order) FROM STDIN"
                ) as copy:
                    for pk, (_text, period, url) in zip(ids, rows, strict=True):
                        copy.write_row(
                            (pk, source_type.pk, url, period, canonical_url_or_blank(url), 0)
                        )
                with cur.copy(
                    "COPY phenomena_phenomenonfingerprint (phenomenon_id, band_key, "
                    "reference_period) FROM STDIN"
                ) as copy:
                    for pk, (text, period, _url) in zip(ids, rows, strict=True):
                        for key in text["keys"] + _period_figure_keys(text, period):
                            copy.write_row((pk, key, period))
                with cur.copy(
                    "COPY phenomena_phenomenonduplicatefeatures (phenomenon_id, data) FROM STDIN"
                ) as copy:
                    for pk, (text, period, _url) in zip(ids, rows, strict=True):
                        data = text["data"].replace(
                            '"y":null,"m":null', f'"y":{period.year},"m":{period.month}'
                        )
                        copy.write_row((pk, data))
            done = numbers[-1] + 1
            print(f"  loaded {done} ({time.perf_counter() - t0:.0f}s)", flush=True)
        with connection.cursor() as cursor:
            for _name, definition in fp_indexes:
                cursor.execute(definition)
            print(f"  indexes rebuilt ({time.perf_counter() - t0:.0f}s)", flush=True)
    with connection.cursor() as cursor:
        # As autovacuum would: statistics, and the visibility map for index-only scans.
        for table in (
            "phenomena_phenomenonfingerprint",
            "phenomena_phenomenonsource",
            "phenomena_phenomenon",
            "phenomena_phenomenonduplicatefeatures",
        ):
            cursor.execute(f"VACUUM ANALYZE {table}")
        cursor.execute("SELECT min(id), max(id) FROM phenomena_phenomenon")
        low, high = cursor.fetchone()
        picked = random.Random(5).sample(range(low, high + 1), 200)
        cursor.execute(
            "SELECT p.title, p.narrative, p.reference_period, s.url FROM phenomena_phenomenon p "
            "JOIN phenomena_phenomenonsource s ON s.phenomenon_id = p.id WHERE p.id = ANY(%s)",
            [picked],
        )
        return [
            {"title": t, "narrative": n, "reference_period": rp, "url": u}
            for t, n, rp, u in cursor.fetchall()
        ]


def sizes() -> dict:
    from django.db import connection

    result = {}
    with connection.cursor() as cursor:
        for table in (
            "phenomena_phenomenonfingerprint",
            "phenomena_phenomenonduplicatefeatures",
            "phenomena_phenomenonsource",
        ):
            cursor.execute(
                "SELECT pg_total_relation_size(%s), pg_relation_size(%s), "
                "(SELECT count(*) FROM " + table + ")",
                [table, table],
            )
            total, heap, rows = cursor.fetchone()
            result[table] = (total, heap, rows)
        cursor.execute(
            "SELECT indexrelname, pg_relation_size(indexrelid) FROM pg_stat_user_indexes "
            "WHERE relname = 'phenomena_phenomenonfingerprint' ORDER BY indexrelname"
        )
        result["indexes"] = cursor.fetchall()
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=100000)
    parser.add_argument("--months", type=int, default=72, help="reference months spread")
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--pool", type=int, default=100000, help="distinct synthetic texts")
    parser.add_argument("--db", default="simfoni_bench_dup")
    args = parser.parse_args()
    setup_django(args.db)
    from phenomena.duplicates.service import BANDS, ROWS, check_candidate

    rng = random.Random(5)
    t0 = time.perf_counter()
    sample = load(args.size, args.months, args.pool)
    print(f"load: {time.perf_counter() - t0:.0f}s")
    stats = sizes()
    fp_indexes = stats.pop("indexes")
    for table, (total, heap, rows) in stats.items():
        print(
            f"{table}: {rows} rows, table+indexes {total / 2**20:.0f} MiB "
            f"(heap {heap / 2**20:.0f} MiB, indexes {(total - heap) / 2**20:.0f} MiB)"
        )
    print(
        "  fingerprint indexes: "
        + ", ".join(f"{name} {size / 2**20:.0f} MiB" for name, size in fp_indexes)
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
    by_kind: dict[str, list[float]] = {kind: [] for kind in found}
    load_before = os.getloadavg()
    for kind, query in queries:
        t0 = time.perf_counter()
        matches = check_candidate(query)
        timings.append(time.perf_counter() - t0)
        by_kind[kind].append(timings[-1])
        found[kind] += bool(matches)
    load_after = os.getloadavg()
    timings.sort()
    p50 = statistics.median(timings) * 1000
    p95 = timings[int(len(timings) * 0.95)] * 1000
    n = {kind: len(t) for kind, t in by_kind.items()}
    print(
        f"check_candidate over {args.size} phenomena ({BANDS} bands x {ROWS} rows, "
        f"{args.months} months): p50 {p50:.1f} ms, p95 {p95:.1f} ms, "
        f"max {timings[-1] * 1000:.1f} ms"
    )
    print(
        "  p95 by kind: "
        + ", ".join(
            f"{kind} {sorted(t)[int(len(t) * 0.95)] * 1000:.1f} ms" for kind, t in by_kind.items()
        )
    )
    print(
        "  load average (1/5/15 min) before "
        + "/".join(f"{x:.2f}" for x in load_before)
        + ", after "
        + "/".join(f"{x:.2f}" for x in load_after)
        + f" on {os.cpu_count()} cores"
    )
    print(
        f"flagged: same URL {found['same_url']}/{n['same_url']}, reworded same story "
        f"{found['same_story']}/{n['same_story']}, new stories {found['new']}/{n['new']} "
        "(synthetic near-twins "
        "from the same template can legitimately match)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
