"""PostgreSQL settings for the search table: what work_mem and shared_buffers change.

    python benchmarks/pg_settings.py 100000 [--db postgres://postgres@127.0.0.1:5432/simfoni_prod_bench]

Fills the search table (``search.engines.pgtable``: its function, table and indexes, nothing
else) of a dedicated database with N synthetic rows (skewed words, one word in a third of the
rows, ids of themes, keywords, outlets, months), once per size. Then runs the statements the
search page and the export make, the heavy way, under ``SET work_mem`` = 1MB, 4MB, 16MB and
64MB, with ``EXPLAIN (ANALYZE, BUFFERS)``: time (median of 3), temporary blocks written (a
sort or hash that did not fit in work_mem spills to disk), lossy bitmap heap blocks (a bitmap
that did not fit: every row of those pages is checked again), and shared buffer hits/reads
(the hit ratio: the table and its indexes in shared_buffers). Prints a Markdown table for
docs/deploy.md. Only ``SET`` in its own session: the server's settings are not changed.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

import psycopg

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

WORK_MEMS = ["1MB", "4MB", "16MB", "64MB"]

QUERIES = {
    # The first page of a common word, newest first: top-N sort, bitmap over a third of rows.
    "page: common word, by date": """
        SELECT id FROM simfoni_search_document WHERE tsv @@ 'pasar'::tsquery
        ORDER BY source_date DESC NULLS LAST, id DESC LIMIT 20""",
    # Ranked page of a common word (relevance sort): rank of every match, top-N.
    "page: common word, relevance": """
        SELECT id FROM simfoni_search_document WHERE tsv @@ 'pasar'::tsquery
        ORDER BY ts_rank_cd(tsv, 'pasar'::tsquery) DESC, id DESC LIMIT 20""",
    # Exact facet counts of a common word: keywords x months (many groups).
    "facets: keyword x month": """
        SELECT k, to_char(reference_period, 'YYYY-MM'), count(*)
        FROM simfoni_search_document, unnest(keyword_ids) k
        WHERE tsv @@ 'pasar'::tsquery GROUP BY 1, 2""",
    # The export (SEARCH_EXPORT_MAX_ROWS) of everything, ranked: a big sort.
    "export: 10 000 rows ranked": """
        SELECT id, source_date FROM simfoni_search_document WHERE tsv @@ 'pasar | harga'::tsquery
        ORDER BY ts_rank_cd(tsv, 'pasar | harga'::tsquery) DESC, id DESC LIMIT 10000""",
    # Every distinct keyword of all rows, sorted (browsing without words, a full facet).
    "facets: all rows, outlet x keyword": """
        SELECT o, k, count(*) FROM simfoni_search_document, unnest(outlet_ids) o,
        unnest(keyword_ids) k GROUP BY 1, 2 ORDER BY 3 DESC LIMIT 50""",
}


def build(conn, n: int) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "simfoni_site.settings.test")
    import django

    django.setup()
    from search.engines.pgtable import CREATE_SQL

    with conn.cursor() as cur:
        cur.execute("SELECT to_regclass('simfoni_search_document') IS NOT NULL")
        if cur.fetchone()[0]:
            cur.execute("SELECT count(*) FROM simfoni_search_document")
            if cur.fetchone()[0] == n:
                return
            cur.execute("DROP TABLE simfoni_search_document")
        for statement in CREATE_SQL:
            cur.execute(statement)
        started = time.perf_counter()
        cur.execute(
            """
            INSERT INTO simfoni_search_document (
                id, tsv, subject_id, theme_id, scope_id, area_id, reference_period,
                source_date, source_type_id, source_type_order, scope_order, area_code,
                source_type_ids, outlet_ids, indicator_ids, keyword_ids, source_dates)
            SELECT g, simfoni_search_tsv(
                    to_tsvector('simple', w.text), g::bigint, s::bigint, t::bigint, c::bigint,
                    a::bigint, p::date, st, o, i, k, sd,
                    d, st[1]::int, c::int),
                s, t, c, a, p::date, d, st[1], st[1]::int, c::int, a::text, st, o, i, k, sd
            FROM (
                SELECT g,
                    1 + g %% 8 AS s, 1 + g %% 40 AS t, 1 + g %% 7 AS c,
                    CASE WHEN g %% 3 = 0 THEN NULL ELSE 1 + g %% 6 END AS a,
                    date '2024-01-01' + ((g * 7919) %% 36) * interval '1 month' AS p,
                    date '2024-01-01' + ((g * 104729) %% 1095)::int AS d,
                    ARRAY[1 + g %% 5]::bigint[] AS st,
                    ARRAY[1 + g %% 60, 1 + (g * 31) %% 60]::bigint[] AS o,
                    ARRAY[1 + g %% 25]::bigint[] AS i,
                    ARRAY(SELECT 1 + ((g * j * 40503) %% 500) FROM generate_series(1, 4) j)
                        ::bigint[] AS k,
                    ARRAY[date '2024-01-01' + ((g * 104729) %% 1095)::int] AS sd
                FROM generate_series(1::bigint, %s::bigint) g
            ) r, LATERAL (
                SELECT CASE WHEN r.g %% 3 = 0 THEN 'pasar ' ELSE '' END
                    || CASE WHEN r.g %% 5 = 0 THEN 'harga ' ELSE '' END
                    || string_agg('w' || floor(2000 * power(random(), 3))::int, ' ') AS text
                FROM generate_series(1, 30) x WHERE r.g > 0
            ) w
            """,
            [n],
        )
        cur.execute("ANALYZE simfoni_search_document")
        conn.commit()
        print(f"built {n} rows in {time.perf_counter() - started:.0f} s", file=sys.stderr)


def _walk(plan):
    yield plan
    for child in plan.get("Plans", []):
        yield from _walk(child)


def measure(conn, sql: str, work_mem: str) -> dict:
    times, last = [], None
    with conn.cursor() as cur:
        cur.execute(f"SET work_mem = '{work_mem}'")
        cur.execute("SET max_parallel_workers_per_gather = 0")  # comparable, machine shared
        for _ in range(3):
            cur.execute("EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) " + sql)
            last = cur.fetchone()[0][0]
            times.append(last["Execution Time"])
        conn.rollback()
    plan = last["Plan"]
    nodes = list(_walk(plan))
    return {
        "ms": statistics.median(times),
        "temp_written_kb": plan.get("Temp Written Blocks", 0) * 8,
        "lossy_blocks": sum(node.get("Lossy Heap Blocks", 0) for node in nodes),
        "sorts": sorted({n["Sort Method"] for n in nodes if "Sort Method" in n}),
        "hit": plan.get("Shared Hit Blocks", 0),
        "read": plan.get("Shared Read Blocks", 0),
    }


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("n", type=int, nargs="?", default=100_000)
    parser.add_argument("--db", default="postgres://postgres@127.0.0.1:5432/simfoni_prod_bench")
    args = parser.parse_args()
    admin_url = args.db.rsplit("/", 1)[0] + "/postgres"
    name = args.db.rsplit("/", 1)[1]
    with psycopg.connect(admin_url, autocommit=True) as admin:
        if not admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            admin.execute(f'CREATE DATABASE "{name}"')
    with psycopg.connect(args.db) as conn:
        build(conn, args.n)
        sizes = conn.execute(
            "SELECT pg_size_pretty(pg_table_size('simfoni_search_document')), "
            "pg_size_pretty(pg_indexes_size('simfoni_search_document')), "
            "current_setting('shared_buffers')"
        ).fetchone()
        print(f"rows {args.n}; table {sizes[0]}, indexes {sizes[1]}; shared_buffers {sizes[2]}")
        print(f"load average {os.getloadavg()[0]:.2f}\n")
        print(
            "| statement | work_mem | ms (median of 3) | temp written | lossy heap blocks "
            "| sort | shared hit ratio |"
        )
        print("|---|---|--:|--:|--:|---|--:|")
        results = {}
        for label, sql in QUERIES.items():
            for work_mem in WORK_MEMS:
                r = measure(conn, sql, work_mem)
                results[(label, work_mem)] = r
                ratio = r["hit"] / max(1, r["hit"] + r["read"])
                print(
                    f"| {label} | {work_mem} | {r['ms']:.1f} | {r['temp_written_kb']} kB "
                    f"| {r['lossy_blocks']} | {', '.join(r['sorts']) or '-'} | {ratio:.1%} |"
                )
        print(f"\nload average {os.getloadavg()[0]:.2f}")
        json.dump(
            {f"{k[0]} @ {k[1]}": v for k, v in results.items()},
            sys.stderr,
            indent=1,
        )


if __name__ == "__main__":
    main()
