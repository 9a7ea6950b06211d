"""Search benchmark: N synthetic approved phenomena in a dedicated PostgreSQL database.

    python benchmarks/search.py 100000           # 100k, 1000000 ...
    python benchmarks/search.py 1000000 --db postgres://postgres@127.0.0.1:5432/simfoni_bench_sp_1m

Builds (once per size; reused when the database already holds N phenomena) N approved
phenomena with sources, indicators and keywords, and their rows in the PostgreSQL search
table, with ``INSERT ... SELECT generate_series`` (no ORM: 1M rows in a few minutes). The
text follows a Zipf-Mandelbrot distribution over ~2,150 words (the real Indonesian words
below first, then made-up rare ones), so some words are in half the rows and most in well
under 1 %; the word ``pasar`` is in exactly a third of them. Each word's analysed form
(``simfoni_text.analysis.analyse_to_string``) is computed once in Python.

Then it prints p50/p95/max of 200 mixed searches (one or two words + two filters + every
facet, through ``search.service.run_search``, facet cache off), and separately the worst
cases: a word in a third of all rows, the same with a filter, browsing everything; then the
detail page through the test client; each with ``os.getloadavg()`` (the machine is shared).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

WORDS = """
beras cabai bawang merah putih minyak goreng gula telur ayam daging sapi ikan sayur buah
tarif listrik air bensin solar gas elpiji angkutan udara kereta bus ojek taksi tol
hotel okupansi wisatawan mancanegara nusantara kunjungan pelabuhan bandara penumpang
ekspor impor kontainer pabrik industri tekstil garmen elektronik otomotif semen baja
upah buruh pekerja kontrak karyawan perusahaan lowongan pelatihan sekolah siswa guru
rumah sakit pasien vaksin puskesmas bpjs bantuan sosial sembako subsidi kartu program
banjir rob hujan kemarau panen gagal pasokan distribusi gudang stok operasi
kredit bunga bank tabungan investasi saham obligasi rupiah dolar kurs inflasi deflasi
restoran kafe kuliner mal ritel toko grosir daring belanja diskon promo lebaran natal
imlek ramadan libur tahun baru konser festival pameran olahraga stadion
proyek jalan jembatan gedung apartemen perumahan tanah sewa properti konstruksi
""".split()
PLACES = """penjaringan cilincing koja tebet menteng gambir cengkareng kalideres cakung
matraman pulogadung kebayoran cilandak jagakarsa senen tambora""".split()
MOVES = ["naik", "turun", "melonjak", "anjlok", "stabil", "meningkat", "menurun", "bertambah"]
COMMON_WORD = "pasar"  # in exactly a third of the rows: the worst case of the benchmark
RARE_WORDS = 2000
ZIPF_OFFSET = 10  # Zipf-Mandelbrot: p(rank r) ~ 1 / (r + 10)


def vocabulary(seed=3):
    """Real words first (the most frequent ranks), then made-up rare ones."""
    rng = random.Random(seed)
    syllables = "ba be bi bo bu da di du ka ke ki ko ku la li lu ma mi mu na ni nu ra ri ro ru "
    syllables += "sa si su ta ti tu pa pi pu ga gi gu ja ju wa wi ya"
    syllables = syllables.split()
    words, seen = [w for w in WORDS if w != COMMON_WORD], set(WORDS) | {COMMON_WORD}
    while len(words) < len(WORDS) + RARE_WORDS:
        word = "".join(rng.choice(syllables) for _ in range(rng.randint(3, 4)))
        if word not in seen:
            seen.add(word)
            words.append(word)
    return words


def setup_django(db_url: str):
    os.environ["DATABASE_URL"] = db_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "simfoni_site.settings.test")
    import psycopg

    name = db_url.rsplit("/", 1)[1]
    admin_url = db_url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin_url, autocommit=True) as conn:
        if not conn.execute("select 1 from pg_database where datname=%s", [name]).fetchone():
            conn.execute(f'create database "{name}"')
    import django

    django.setup()
    from django.conf import settings

    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
    settings.ALLOWED_HOSTS = ["*"]
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def step(label, cursor, sql, args=None):
    t = time.perf_counter()
    cursor.execute(sql, args or [])
    print(f"  {label}: {time.perf_counter() - t:,.1f} s", flush=True)


def compact():
    """After a migration rewrote the search table of an older benchmark database: compact it."""
    from django.db import connection

    from search.engines import pgtable as pgsearch

    with connection.cursor() as cur:
        cur.execute(
            "SELECT coalesce(n_dead_tup, 0) FROM pg_stat_user_tables WHERE relname = %s",
            [pgsearch.TABLE],
        )
        row = cur.fetchone()
        if row and row[0]:
            step("compacting the search table", cur, f"VACUUM FULL {pgsearch.TABLE}")
            step("analyze", cur, f"VACUUM ANALYZE {pgsearch.TABLE}")


def build(n: int, seed: float = 0.42):
    from django.db import connection
    from taggit.models import Tag

    from phenomena.models import Phenomenon
    from search.engines import pgtable as pgsearch
    from simfoni_text.analysis import analyse_to_string

    have = Phenomenon.objects.count()
    with connection.cursor() as cur:
        cur.execute(f"SELECT count(*) FROM {pgsearch.TABLE}")
        complete = cur.fetchone()[0] == have
    if have == n and complete:
        print(f"reusing {n:,} phenomena already in the database")
        compact()
        return
    words = vocabulary()
    stems = [analyse_to_string(w) or w for w in words]
    places = [p.title() for p in PLACES]
    for w in WORDS:
        Tag.objects.get_or_create(name=w, defaults={"slug": w})
    with connection.cursor() as cur:
        if have:
            print(f"emptying ({have:,} phenomena of another size)")
        cur.execute(
            "TRUNCATE phenomena_phenomenon, phenomena_phenomenonsource, "
            "phenomena_phenomenonindicator, phenomena_phenomenonkeyword, "
            f"wagtailsearch_indexentry, {pgsearch.TABLE} RESTART IDENTITY CASCADE"
        )
        cur.execute("SELECT setseed(%s)", [seed])
        cur.execute("SET work_mem = '256MB'")
        cur.execute("SET synchronous_commit = off")
        # The dashboard's rollup triggers would fire once per row (hours at 1M); this
        # database is only searched, so they stay off while loading.
        cur.execute("SET session_replication_role = replica")
        cur.execute("DROP TABLE IF EXISTS bench_text, bench_vocab")
        cur.execute(
            "CREATE UNLOGGED TABLE bench_vocab AS SELECT %s::text[] w, %s::text[] s, "
            "%s::text[] m, %s::text[] ms, %s::text[] p, %s::text[] lp",
            [
                words,
                stems,
                MOVES,
                [analyse_to_string(m) or m for m in MOVES],
                places,
                PLACES,
            ],
        )
        cur.execute("DROP TABLE IF EXISTS bench_words")
        cur.execute(
            "CREATE UNLOGGED TABLE bench_words AS SELECT i::int, w, s "
            "FROM unnest(%s::text[], %s::text[]) WITH ORDINALITY AS u(w, s, i)",
            [words, stems],
        )
        cur.execute("ALTER TABLE bench_words ADD PRIMARY KEY (i)")
        # Word ranks of each phenomenon: 20-50 draws, Zipf-Mandelbrot over the vocabulary.
        v = len(words)
        step(
            "word draws",
            cur,
            f"""CREATE UNLOGGED TABLE bench_text AS
            SELECT g AS id, ARRAY(
                SELECT 1 + LEAST({v - 1}, floor({ZIPF_OFFSET + 0.5} * power(
                    {(v + ZIPF_OFFSET) / (ZIPF_OFFSET + 0.5)}, random()) - {ZIPF_OFFSET}))::int
                FROM generate_series(1, 20 + (g::bigint * 7919) %% 31) WHERE g > 0) AS idx,
                1 + (g * 31) %% 16 AS place, 1 + (g * 17) %% 8 AS move
            FROM generate_series(1, %s) g""",
            [n],
        )
        step(
            "texts",
            cur,
            """CREATE UNLOGGED TABLE bench_body AS
            SELECT b.id, b.place, b.move, t.w1, t.w2, t.s1, t.s2, t.body, t.stems
            FROM bench_text b, LATERAL (
                SELECT min(bw.w) FILTER (WHERE u.o = 1) w1, min(bw.w) FILTER (WHERE u.o = 2) w2,
                    min(bw.s) FILTER (WHERE u.o = 1) s1, min(bw.s) FILTER (WHERE u.o = 2) s2,
                    string_agg(bw.w, ' ' ORDER BY u.o) body,
                    string_agg(bw.s, ' ' ORDER BY u.o) stems
                FROM unnest(b.idx) WITH ORDINALITY u(x, o) JOIN bench_words bw ON bw.i = u.x) t
            """,
        )
        cur.execute("DROP TABLE bench_text")
        cur.execute("ALTER TABLE bench_body RENAME TO bench_text")
        cur.execute("ALTER TABLE bench_text ADD PRIMARY KEY (id)")
        step(
            "phenomena",
            cur,
            """
            WITH th AS (SELECT array_agg(id ORDER BY id) t, array_agg(subject_id ORDER BY id) s
                        FROM phenomena_theme),
                 ar AS (SELECT array_agg(id ORDER BY id) a FROM phenomena_scope
                        WHERE parent_id IS NOT NULL),
                 pr AS (SELECT array_agg(id ORDER BY id) p FROM phenomena_scope
                        WHERE parent_id IS NULL AND code <> 'kabkota'),
                 kk AS (SELECT id FROM phenomena_scope WHERE code = 'kabkota')
            INSERT INTO phenomena_phenomenon (id, live, has_unpublished_changes, expired, locked,
                title, narrative, reference_period, created_at, updated_at, first_published_at,
                last_published_at, scope_id, area_id, subject_id, theme_id)
            SELECT b.id, true, false, false, false,
                initcap(b.w1) || ' ' || b.w2 || ' ' || v.m[b.move]
                    || ' di ' || v.p[b.place],
                b.body
                    || CASE WHEN b.id %% 3 = 0 THEN ' pasar' ELSE '' END
                    || ' ' || v.m[b.move] || ' di ' || v.lp[b.place] || '.',
                date '2019-01-01' + ((b.id * 37) %% 84) * interval '1 month',
                now(), now(), now(), now(),
                CASE WHEN r.x < 0.4 THEN kk.id ELSE pr.p[1 + (b.id %% cardinality(pr.p))] END,
                CASE WHEN r.x < 0.4 THEN ar.a[1 + (b.id %% cardinality(ar.a))] END,
                th.s[r.t], th.t[r.t]
            FROM bench_text b, bench_vocab v, th, ar, pr, kk,
                LATERAL (SELECT random() + b.id * 0 AS x,
                         1 + floor(random() * cardinality(th.t))::int + b.id * 0 AS t) r
            """,
        )
        cur.execute("SELECT setval(pg_get_serial_sequence('phenomena_phenomenon', 'id'), %s)", [n])
        step(
            "sources",
            cur,
            """
            WITH st AS (SELECT array_agg(id ORDER BY id) i,
                               array_agg(needs_outlet ORDER BY id) o FROM phenomena_sourcetype),
                 ou AS (SELECT array_agg(id ORDER BY id) i FROM phenomena_outlet)
            INSERT INTO phenomena_phenomenonsource (phenomenon_id, sort_order, source_type_id,
                outlet_id, url, canonical_url, source_date)
            SELECT p.id, k - 1, st.i[t.t],
                CASE WHEN st.o[t.t] THEN ou.i[1 + ((p.id * 13 + k) %% cardinality(ou.i))] END,
                CASE WHEN st.o[t.t] THEN 'https://contoh.test/' || p.id || '-' || k ELSE '' END,
                '', p.reference_period + ((p.id + k) %% 40)::int
            FROM phenomena_phenomenon p, st, ou,
                generate_series(1, CASE WHEN p.id %% 4 = 0 THEN 2 ELSE 1 END) k,
                LATERAL (SELECT 1 + floor(random() * cardinality(st.i))::int + k * 0 AS t) t
            """,
        )
        step(
            "indicators",
            cur,
            """
            WITH ind AS (SELECT array_agg(id ORDER BY id) i FROM phenomena_indicator)
            INSERT INTO phenomena_phenomenonindicator (phenomenon_id, sort_order, indicator_id,
                direction)
            SELECT p.id, k - 1, ind.i[1 + ((p.id * 7 + k * 11) %% cardinality(ind.i))],
                (ARRAY['naik', 'turun', 'stabil'])[1 + (p.id + k) %% 3]
            FROM phenomena_phenomenon p, ind,
                generate_series(1, CASE WHEN p.id %% 3 = 1 THEN 2 ELSE 1 END) k
            """,
        )
        step(
            "keywords",
            cur,
            """
            WITH tg AS (SELECT array_agg(id ORDER BY id) i FROM taggit_tag
                        WHERE name = ANY(%s))
            INSERT INTO phenomena_phenomenonkeyword (content_object_id, tag_id)
            SELECT DISTINCT p.id, tg.i[1 + ((p.id * 101 + k * 37) %% cardinality(tg.i))]
            FROM phenomena_phenomenon p, tg, generate_series(1, 1 + p.id %% 3) k
            """,
            [WORDS],
        )
        step(
            "search table",
            cur,
            f"""
            WITH s AS (SELECT phenomenon_id AS id, array_agg(DISTINCT source_type_id) st,
                           array_agg(DISTINCT outlet_id) FILTER (WHERE outlet_id IS NOT NULL) o,
                           array_agg(DISTINCT source_date) d
                       FROM phenomena_phenomenonsource GROUP BY phenomenon_id),
                 f AS (SELECT DISTINCT ON (phenomenon_id) phenomenon_id AS id, source_date,
                           source_type_id
                       FROM phenomena_phenomenonsource ORDER BY phenomenon_id, sort_order, id),
                 i AS (SELECT phenomenon_id AS id, array_agg(DISTINCT indicator_id) i
                       FROM phenomena_phenomenonindicator GROUP BY phenomenon_id),
                 k AS (SELECT content_object_id AS id, array_agg(DISTINCT tag_id::bigint) k,
                           string_agg(t.name, ' ') names
                       FROM phenomena_phenomenonkeyword pk JOIN taggit_tag t ON t.id = pk.tag_id
                       GROUP BY content_object_id)
            INSERT INTO {pgsearch.TABLE} (id, tsv, subject_id, theme_id, scope_id, area_id,
                reference_period, source_date, source_type_id, source_type_order, scope_order,
                area_code, source_type_ids, outlet_ids, indicator_ids, keyword_ids, source_dates)
            SELECT p.id,
                {pgsearch.TSV_FUNCTION}(
                    setweight(to_tsvector('simple', b.s1 || ' ' || b.s2 || ' '
                        || v.ms[b.move] || ' ' || v.lp[b.place]), 'A')
                    || to_tsvector('simple', b.stems
                        || CASE WHEN p.id %% 3 = 0 THEN ' pasar' ELSE '' END
                        || ' ' || v.ms[b.move] || ' ' || v.lp[b.place] || ' ' || k.names),
                    p.id, p.subject_id, p.theme_id, p.scope_id, p.area_id, p.reference_period,
                    s.st, coalesce(s.o, '{{}}'), i.i, k.k, s.d, f.source_date, stp.sort_order,
                    sc.sort_order),
                p.subject_id, p.theme_id, p.scope_id, p.area_id, p.reference_period,
                f.source_date, f.source_type_id, stp.sort_order, sc.sort_order, ar.code,
                s.st, coalesce(s.o, '{{}}'), i.i, k.k, s.d
            FROM phenomena_phenomenon p
            JOIN bench_text b ON b.id = p.id
            CROSS JOIN bench_vocab v
            JOIN s ON s.id = p.id JOIN f ON f.id = p.id JOIN i ON i.id = p.id
            JOIN k ON k.id = p.id
            JOIN phenomena_sourcetype stp ON stp.id = f.source_type_id
            JOIN phenomena_scope sc ON sc.id = p.scope_id
            LEFT JOIN phenomena_scope ar ON ar.id = p.area_id
            """,
        )
        cur.execute("DROP TABLE bench_text, bench_vocab, bench_words")
        cur.execute("SET session_replication_role = DEFAULT")
    with connection.cursor() as cur:
        step("vacuum analyze", cur, "VACUUM ANALYZE")


def load():
    return "/".join(f"{x:.1f}" for x in os.getloadavg())


def percentile(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def fmt(label, times):
    ms = [t * 1000 for t in times]
    return (
        f"{label:<44} n={len(ms):<4} p50={percentile(ms, 50):7.1f} ms  "
        f"p95={percentile(ms, 95):7.1f} ms  max={max(ms):7.1f} ms"
    )


def run(queries: int, seed: int = 11, dump=None):
    from django.contrib.auth import get_user_model
    from django.test import Client
    from taggit.models import Tag

    from phenomena.models import (
        Indicator,
        Outlet,
        Phenomenon,
        Role,
        Scope,
        SourceType,
        Subject,
        Theme,
        WorkUnit,
    )
    from phenomena.roles import assign_role
    from search.params import parse_params
    from search.service import run_search

    user, _ = get_user_model().objects.get_or_create(username="bench-viewer")
    assign_role(user, Role.VIEWER, WorkUnit.objects.get(code="fungsi-ipds"))
    rng = random.Random(seed)
    pools = {
        "area": list(Scope.objects.filter(parent__isnull=False).values_list("pk", flat=True)),
        "subject": list(Subject.objects.values_list("pk", flat=True)),
        "theme": list(Theme.objects.values_list("pk", flat=True)),
        "source_type": list(SourceType.objects.values_list("pk", flat=True)),
        "outlet": list(Outlet.objects.values_list("pk", flat=True)),
        "indicator": list(Indicator.objects.values_list("pk", flat=True)),
        "keyword": list(Tag.objects.filter(name__in=WORDS).values_list("pk", flat=True)),
    }
    sorts = ["relevance"] * 5 + ["period_desc", "date_desc", "source_type", "coverage"]

    approximate = []

    def one(params):
        t = time.perf_counter()
        result = run_search(parse_params(params), user)
        elapsed = time.perf_counter() - t
        approximate.append(result.approximate_facets)
        if dump is not None:  # what was found, to compare two versions of the code
            facets = {
                name: [(str(v.value), v.count) for v in values]
                for name, values in result.facets.items()
            }
            row = {"params": params, "total": result.total, "ids": [h.pk for h in result.hits]}
            dump.write(json.dumps({**row, "facets": facets}, sort_keys=True) + "\n")
        return elapsed, result.total

    vocab = vocabulary()

    def query_words():
        # Half the queries use the real (frequent) words, half any word of the vocabulary.
        pool = WORDS if rng.random() < 0.5 else vocab
        return " ".join(rng.sample(pool, rng.choice((1, 1, 2))))

    one({"q": "beras"})  # warm up (stemmer, connection)
    mixed, totals, slowest = [], [], []
    for _ in range(queries):
        params = {
            "q": query_words(),
            "sort": rng.choice(sorts),
        }
        for name in rng.sample([*pools, "period"], 2):
            if name == "period":
                year = rng.randint(2019, 2025)
                params.update(period_from=f"{year}-01", period_to=f"{year}-12")
            else:
                params[name] = rng.choice(pools[name])
        elapsed, total = one(params)
        mixed.append(elapsed)
        totals.append(total)
        slowest.append((elapsed, total, params))
    print(
        fmt("search: word + 2 filters + facets", mixed)
        + f"  (median {int(statistics.median(totals)):,} hits, max {max(totals):,}; "
        f"{sum(approximate)} with approximate facets)  load {load()}"
    )
    for elapsed, total, params in sorted(slowest, key=lambda x: -x[0])[:5]:
        print(f"    slow: {elapsed * 1000:7.1f} ms  {total:,} hits  {params}")
    common = [one({"q": COMMON_WORD}) for _ in range(5)]
    print(
        fmt(f"worst: '{COMMON_WORD}' (a third of rows) + facets", [t for t, _ in common])
        + f"  ({common[0][1]:,} hits, approximate={approximate[-1]})  load {load()}"
    )
    common_f = [one({"q": COMMON_WORD, "area": pools["area"][0]}) for _ in range(5)]
    print(
        fmt(f"'{COMMON_WORD}' + 1 filter + facets", [t for t, _ in common_f])
        + f"  ({common_f[0][1]:,} hits, approximate={approximate[-1]})  load {load()}"
    )
    # Filters that go with the sort order (the rows of 2019 are last when sorting by date).
    cases = [
        (
            "+ year 2019, by source date",
            {"period_from": "2019-01", "period_to": "2019-12", "sort": "date_desc"},
        ),
        (
            "+ source type, by source type",
            {"source_type": pools["source_type"][-1], "sort": "source_type"},
        ),
        ("+ kab/kota, by coverage", {"area": pools["area"][0], "sort": "coverage"}),
        ("page 100", {"page": 100}),
    ]
    for label, extra in cases:
        times = [one({"q": COMMON_WORD, **extra}) for _ in range(3)]
        print(
            fmt(f"'{COMMON_WORD}' {label}", [t for t, _ in times])
            + f"  ({times[0][1]:,} hits)  load {load()}"
        )
    browse = [one({}) for _ in range(5)]
    print(
        fmt("browse everything (no word) + facets", [t for t, _ in browse])
        + f"  ({browse[0][1]:,} hits, approximate={approximate[-1]})  load {load()}"
    )
    client = Client()
    client.force_login(user)
    ids = list(Phenomenon.objects.order_by("?").values_list("pk", flat=True)[:queries])
    detail = []
    for pk in ids:
        t = time.perf_counter()
        response = client.get(f"/fenomena/{pk}/")
        detail.append(time.perf_counter() - t)
        assert response.status_code == 200
    print(fmt("detail page /fenomena/<id>/", detail) + f"  load {load()}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int, nargs="?", default=100_000)
    parser.add_argument(
        "--db",
        default=os.environ.get(
            "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/simfoni_bench_sp_100k"
        ),
    )
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument(
        "--dump", help="write every search's params, total, hits and facets (JSON lines) here"
    )
    args = parser.parse_args()
    setup_django(args.db)
    t = time.perf_counter()
    build(args.n)
    print(
        f"data ready in {time.perf_counter() - t:,.0f} s; {args.queries} queries follow; "
        f"load {load()}"
    )
    if args.dump:
        with open(args.dump, "w", encoding="utf-8") as dump:
            run(args.queries, dump=dump)
    else:
        run(args.queries)


if __name__ == "__main__":
    main()
