"""Dashboard render time on PostgreSQL with many phenomena, cold and warm cache.

    python benchmarks/dashboard.py                          # 100k then 1M in simfoni_bench_dash2
    python benchmarks/dashboard.py --sizes 100000 --runs 5

It uses its own database (`--db`, default simfoni_bench_dash2 on 127.0.0.1:5432; created and
migrated if missing) and tops it up, for each size in `--sizes`, with synthetic phenomena made
by one `INSERT … SELECT … generate_series` (spread over the last 36 months, weighted to recent
ones, ~85% approved, 1–3 keywords each, rollup triggers off while loading), then rebuilds the
dashboard rollups (`home.rollup.rebuild`: one `INSERT … SELECT … GROUP BY` per table) and
runs VACUUM ANALYZE. It renders /dasbor/ through Django's test client as a supervisor:
*cold* = cache cleared before each request, *warm* = figures cached. Prints the median and max
of each with the load average (the machine is shared). Targets at 1M: < 300 ms cold, < 20 ms
warm.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

KEYWORDS = (
    "inflasi, cabai merah, beras, bawang merah, minyak goreng, BBM, tarif listrik, pariwisata, "
    "hotel, wisatawan mancanegara, ekspor, impor, PHK, pengangguran, UMP, banjir, rob, "
    "kemacetan, MRT, TransJakarta, pendapatan, kemiskinan, bansos, PKH, stunting, DBD, sekolah, "
    "PPDB, investasi, kredit, suku bunga, properti, konstruksi, pasar Tanjung Priok, "
    "kontainer, harga emas, nilai tukar, UMKM, ojek daring, e-commerce, gas LPG, air bersih, "
    "polusi udara, sampah, Lebaran, Natal, Imlek, mudik, arus balik, hujan lebat"
).split(", ")


def configure(db_name: str, create: bool) -> None:
    url = f"postgres://postgres@127.0.0.1:5432/{db_name}"
    if create:
        import psycopg

        with psycopg.connect(
            "postgres://postgres@127.0.0.1:5432/postgres", autocommit=True
        ) as conn:
            exists = conn.execute(
                "SELECT 1 FROM pg_database WHERE datname=%s", [db_name]
            ).fetchone()
            if not exists:
                conn.execute(f'CREATE DATABASE "{db_name}"')
    os.environ["DATABASE_URL"] = url
    os.environ["ALLOWED_HOSTS"] = "testserver,127.0.0.1,localhost"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "simfoni_site.settings.test")
    import django

    django.setup()


def ensure_users():
    """A realistic number of authors: two operators per work unit, plus one supervisor."""
    from django.contrib.auth import get_user_model

    from phenomena.models import Role, WorkUnit
    from phenomena.roles import assign_role

    User = get_user_model()
    for unit in WorkUnit.objects.all():
        for n in (1, 2):
            user, created = User.objects.get_or_create(username=f"bench.{unit.code}.{n}")
            if created:
                assign_role(user, Role.OPERATOR, unit)
    supervisor, created = User.objects.get_or_create(username="bench.supervisor")
    if created:
        assign_role(supervisor, Role.SUPERVISOR, WorkUnit.objects.get(code="fungsi-ipds"))
    return supervisor


def synthesize(count: int, months: int = 36) -> int:
    """Add `count` phenomena (and their keywords) with SQL; returns how many were added."""
    from django.conf import settings
    from django.db import connection, transaction
    from taggit.models import Tag

    from phenomena.models import Role, Scope, Theme, UserProfile

    themes = list(Theme.objects.order_by("pk").values_list("pk", "subject_id"))
    profiles = list(
        UserProfile.objects.filter(role=Role.OPERATOR)
        .order_by("pk")
        .values_list("user_id", "work_unit_id", "work_unit__area_id")
    )
    tags = [Tag.objects.get_or_create(name=k, defaults={"slug": k.lower()})[0].pk for k in KEYWORDS]
    weights = [1 / (i + 1) for i in range(len(tags))]  # a few keywords are far more common
    starts = [float(sum(weights[:i])) for i in range(len(weights))]
    params = {
        "count": count,
        "span": months * 30 * 86400,
        "tz": settings.TIME_ZONE,
        "authors": [p[0] for p in profiles],
        "units": [p[1] for p in profiles],
        "areas": [p[2] or 0 for p in profiles],
        "profiles": len(profiles),
        "themes": [t[0] for t in themes],
        "subjects": [t[1] for t in themes],
        "theme_count": len(themes),
        "dki": Scope.objects.get(code="dki").pk,
        "kab": Scope.objects.get(code="kabkota").pk,
        "tags": tags,
        "starts": starts,
        "weight": sum(weights),
    }
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL session_replication_role = replica")  # no triggers while loading
        cursor.execute("SELECT coalesce(max(id), 0) FROM phenomena_phenomenon")
        before = cursor.fetchone()[0]
        cursor.execute(
            """
            INSERT INTO phenomena_phenomenon (
                live, has_unpublished_changes, expired, locked, title, narrative,
                reference_period, created_at, updated_at, author_id, work_unit_id, area_id,
                scope_id, subject_id, theme_id)
            SELECT s.live, false, false, false, 'Fenomena sintetis',
                'Narasi sintetis untuk pengukuran kinerja dasbor.',
                date_trunc('month', s.created AT TIME ZONE %(tz)s)::date, s.created, s.created,
                (%(authors)s::int[])[s.p], (%(units)s::bigint[])[s.p],
                nullif((%(areas)s::bigint[])[s.p], 0),
                CASE WHEN (%(areas)s::bigint[])[s.p] = 0 THEN %(dki)s ELSE %(kab)s END,
                (%(subjects)s::bigint[])[s.t], (%(themes)s::bigint[])[s.t]
            FROM (
                SELECT random() < 0.85 AS live,
                    now() - make_interval(secs => %(span)s * power(random(), 1.3)) AS created,
                    1 + floor(random() * %(profiles)s)::int AS p,
                    1 + floor(random() * %(theme_count)s)::int AS t
                FROM generate_series(1, %(count)s)
            ) s
            """,
            params,
        )
        cursor.execute(
            """
            INSERT INTO phenomena_phenomenonkeyword (content_object_id, tag_id)
            SELECT DISTINCT p.id,
                (%(tags)s::int[])[width_bucket(random() * %(weight)s, %(starts)s::float8[])]
            FROM phenomena_phenomenon p
            CROSS JOIN LATERAL generate_series(1, 1 + (p.id %% 3)::int) k
            WHERE p.id > %(before)s
            """,
            {**params, "before": before},
        )
    return count


def timed(fn, runs: int) -> list[float]:
    result = []
    for _i in range(runs):
        start = time.perf_counter()
        fn()
        result.append((time.perf_counter() - start) * 1000)
    return result


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="100000,1000000")
    parser.add_argument("--db", default="simfoni_bench_dash2")
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()

    configure(args.db, create=True)
    from django.core.management import call_command
    from django.db import connection

    from home import rollup
    from phenomena.models import Phenomenon

    call_command("migrate", verbosity=0)
    supervisor = ensure_users()
    for size in [int(n) for n in args.sizes.split(",")]:
        have = Phenomenon.objects.count()
        if have < size:
            print(f"Creating {size - have:,} phenomena in {args.db}…", flush=True)
            start = time.perf_counter()
            synthesize(size - have)
            made = time.perf_counter() - start
            start = time.perf_counter()
            cells = rollup.rebuild()
            print(
                f"  made in {made:.0f} s; rollups rebuilt in {time.perf_counter() - start:.1f} s"
                f" ({cells['subject_cells']:,} subject + {cells['contributor_cells']:,}"
                " contributor cells)",
                flush=True,
            )
            with connection.cursor() as cursor:
                cursor.execute("VACUUM ANALYZE")
        measure(supervisor, args)


def measure(supervisor, args):
    from django.core.cache import cache
    from django.test import Client

    from phenomena.models import Phenomenon

    total = Phenomenon.objects.count()
    client = Client()
    client.force_login(supervisor)

    def get(url):
        def request():
            response = client.get(url)
            assert response.status_code == 200, response.status_code

        return request

    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    print(f"\nDashboard on PostgreSQL, {total:,} phenomena ({args.db}), {args.runs} runs each")
    print(f"load average before: {load}")
    print(f"{'view':<44} {'cold median':>12} {'cold max':>9} {'warm median':>12} {'warm max':>9}")
    for label, url in [
        ("/dasbor/ (province, approved, 12 months)", "/dasbor/"),
        ("/dasbor/?wilayah=3172", "/dasbor/?wilayah=3172"),
        ("/dasbor/?tertunda=1&periode=semua", "/dasbor/?tertunda=1&periode=semua"),
        ("/admin/ (admin home with dashboard panel)", "/admin/"),
    ]:
        get(url)()  # connection, templates, first import

        def cold(url=url):
            cache.clear()
            get(url)()

        cold_ms = timed(cold, args.runs)
        warm_ms = timed(get(url), args.runs * 3)
        print(
            f"{label:<44} {statistics.median(cold_ms):>9.0f} ms {max(cold_ms):>6.0f} ms"
            f" {statistics.median(warm_ms):>9.1f} ms {max(warm_ms):>6.1f} ms",
            flush=True,
        )
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
