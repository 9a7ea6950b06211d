"""Dashboard render time on PostgreSQL with many phenomena, cold and warm cache.

    python benchmarks/dashboard.py --count 100000            # fills simfoni_bench_dash, then times
    python benchmarks/dashboard.py --count 1000000 --runs 5

It uses its own database (`--db`, default simfoni_bench_dash on 127.0.0.1:5432; created and
migrated if missing) and tops it up with synthetic phenomena (bulk_create: spread over the last
36 months, ~85% approved, 1–3 keywords each) until it holds `--count`. Then it renders /dasbor/
through Django's test client as a supervisor: *cold* = cache cleared before each request,
*warm* = figures cached. Prints the median and max of each. Targets at 1M: < 300 ms cold,
< 20 ms warm.
"""

import argparse
import datetime
import os
import random
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


def synthesize(count: int, months: int = 36, seed: int = 1, batch: int = 5000) -> int:
    """bulk_create `count` phenomena spread over the last `months` months (no revisions)."""
    from django.db import transaction
    from django.utils import timezone
    from taggit.models import Tag

    from phenomena.models import Phenomenon, PhenomenonKeyword, Role, Scope, Theme, UserProfile

    rng = random.Random(seed)
    themes = list(Theme.objects.select_related("subject"))
    profiles = list(
        UserProfile.objects.filter(role=Role.OPERATOR).select_related("work_unit", "user")
    )
    scope_dki = Scope.objects.get(code="dki")
    scope_kab = Scope.objects.get(code="kabkota")
    tags = [Tag.objects.get_or_create(name=k, defaults={"slug": k.lower()})[0] for k in KEYWORDS]
    weights = [1 / (i + 1) for i in range(len(tags))]  # a few keywords are far more common
    now = timezone.now()
    span = months * 30 * 86400
    made = 0
    while made < count:
        size = min(batch, count - made)
        rows = []
        for _i in range(size):
            theme = rng.choice(themes)
            profile = rng.choice(profiles)
            created = now - datetime.timedelta(seconds=int(span * rng.random() ** 1.3))
            area = profile.work_unit.area if profile.work_unit.area_id else None
            rows.append(
                Phenomenon(
                    title="Fenomena sintetis",
                    narrative="Narasi sintetis untuk pengukuran kinerja dasbor.",
                    reference_period=timezone.localtime(created).date().replace(day=1),
                    scope=scope_kab if area else scope_dki,
                    area=area,
                    subject_id=theme.subject_id,
                    theme=theme,
                    author_id=profile.user_id,
                    work_unit_id=profile.work_unit_id,
                    created_at=created,
                    live=rng.random() < 0.85,
                    has_unpublished_changes=False,
                )
            )
        with transaction.atomic():
            Phenomenon.objects.bulk_create(rows, batch_size=batch)
            links = []
            for phenomenon in rows:
                for tag in set(rng.choices(tags, weights, k=rng.randint(1, 3))):
                    links.append(PhenomenonKeyword(content_object_id=phenomenon.pk, tag=tag))
            PhenomenonKeyword.objects.bulk_create(links, batch_size=batch * 3)
        made += size
        print(f"  {made:,}/{count:,} phenomena created", flush=True)
    return made


def timed(fn, runs: int) -> list[float]:
    result = []
    for _i in range(runs):
        start = time.perf_counter()
        fn()
        result.append((time.perf_counter() - start) * 1000)
    return result


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--db", default="simfoni_bench_dash")
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()

    configure(args.db, create=True)
    from django.core.cache import cache
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    from phenomena.models import Phenomenon

    call_command("migrate", verbosity=0)
    supervisor = ensure_users()
    have = Phenomenon.objects.count()
    if have < args.count:
        print(f"Creating {args.count - have:,} phenomena in {args.db}…")
        start = time.perf_counter()
        synthesize(args.count - have, seed=have + 1)
        print(f"  done in {time.perf_counter() - start:.0f} s")
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
    total = Phenomenon.objects.count()

    client = Client()
    client.force_login(supervisor)

    def get(url):
        def request():
            response = client.get(url)
            assert response.status_code == 200, response.status_code

        return request

    print(f"\nDashboard on PostgreSQL, {total:,} phenomena ({args.db}), {args.runs} runs each")
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
            f" {statistics.median(warm_ms):>9.1f} ms {max(warm_ms):>6.1f} ms"
        )


if __name__ == "__main__":
    main()
