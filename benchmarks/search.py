"""Search benchmark: N synthetic approved phenomena in a dedicated PostgreSQL database.

    python benchmarks/search.py 10000            # 10k, 100000, 1000000 ...
    python benchmarks/search.py 100000 --db postgres://postgres@127.0.0.1:5432/simfoni_bench_search

Builds (once per size; reused when the database already holds N phenomena) N phenomena with
sources, indicators and keywords using bulk_create, indexes them through Wagtail's own
PostgreSQL index (`index.add_items`, the same code `update_index` runs), then prints p50/p95
latency of 200 mixed searches (a word + two filters + every facet, through
`search.service.run_search`, facet cache off) and of the detail page, plus the worst cases
reported separately: a word found in a third of all rows, and browsing everything.
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
imlek ramadan libur sekolah tahun baru konser festival pameran olahraga stadion
proyek jalan jembatan gedung apartemen perumahan tanah sewa properti konstruksi
""".split()
PLACES = """penjaringan cilincing koja tebet menteng gambir cengkareng kalideres cakung
matraman pulogadung kebayoran cilandak jagakarsa senen tambora""".split()
MOVES = ["naik", "turun", "melonjak", "anjlok", "stabil", "meningkat", "menurun", "bertambah"]
COMMON_WORD = "pasar"  # in exactly a third of the rows: the worst case of the benchmark


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


def build(n: int, seed: int = 7):
    from django.db import connection, transaction
    from taggit.models import Tag
    from wagtail.search.backends import get_search_backend

    from phenomena.models import (
        Indicator,
        Outlet,
        Phenomenon,
        PhenomenonIndicator,
        PhenomenonKeyword,
        PhenomenonSource,
        Scope,
        SourceType,
        Theme,
    )

    have = Phenomenon.objects.count()
    if have == n:
        print(f"reusing {n:,} phenomena already in the database")
        return
    if have:
        print(f"emptying ({have:,} phenomena of another size)")
        with connection.cursor() as cursor:
            cursor.execute(
                "TRUNCATE phenomena_phenomenon, phenomena_phenomenonsource, "
                "phenomena_phenomenonindicator, phenomena_phenomenonkeyword, "
                "wagtailsearch_indexentry RESTART IDENTITY CASCADE"
            )
    rng = random.Random(seed)
    themes = list(Theme.objects.select_related("subject"))
    areas = list(Scope.objects.filter(parent__isnull=False))
    kabkota = Scope.objects.get(code="kabkota")
    province_scopes = list(Scope.objects.filter(parent__isnull=True).exclude(code="kabkota"))
    types = list(SourceType.objects.all())
    outlets = list(Outlet.objects.all())
    indicators = list(Indicator.objects.all())
    tags = [Tag.objects.get_or_create(name=w, defaults={"slug": w})[0] for w in WORDS[:200]]
    backend = get_search_backend()
    index = backend.get_index_for_model(Phenomenon)
    index._refresh_title_norms = lambda full=False: None  # titles are not indexed as "title"
    start, chunk = time.perf_counter(), 5000
    months = [datetime.date(y, m, 1) for y in range(2019, 2026) for m in range(1, 13)]
    for first in range(0, n, chunk):
        size = min(chunk, n - first)
        rows = []
        for i in range(first, first + size):
            words = rng.choices(WORDS, k=rng.randint(30, 70))
            if i % 3 == 0:
                words.insert(rng.randrange(len(words)), COMMON_WORD)
            place, move = rng.choice(PLACES), rng.choice(MOVES)
            theme = rng.choice(themes)
            in_area = rng.random() < 0.4
            rows.append(
                Phenomenon(
                    title=f"{words[0].title()} {words[1]} {move} di {place.title()}",
                    narrative=f"{' '.join(words)} {move} di {place}.",
                    reference_period=rng.choice(months),
                    scope=kabkota if in_area else rng.choice(province_scopes),
                    area=rng.choice(areas) if in_area else None,
                    subject=theme.subject,
                    theme=theme,
                    live=True,
                    has_unpublished_changes=False,
                )
            )
        with transaction.atomic():
            created = Phenomenon.objects.bulk_create(rows)
            sources, links, keywords = [], [], []
            for p in created:
                for order in range(rng.choice((1, 1, 1, 2))):
                    stype = rng.choice(types)
                    outlet = rng.choice(outlets) if stype.needs_outlet else None
                    sources.append(
                        PhenomenonSource(
                            phenomenon=p,
                            sort_order=order,
                            source_type=stype,
                            outlet=outlet,
                            url="https://contoh.test/x" if outlet else "",
                            source_date=p.reference_period + datetime.timedelta(rng.randint(0, 40)),
                        )
                    )
                for order, ind in enumerate(rng.sample(indicators, rng.choice((1, 1, 2)))):
                    links.append(
                        PhenomenonIndicator(
                            phenomenon=p,
                            sort_order=order,
                            indicator=ind,
                            direction=rng.choice(("naik", "turun", "stabil")),
                        )
                    )
                for tag in rng.sample(tags, rng.randint(1, 3)):
                    keywords.append(PhenomenonKeyword(content_object=p, tag=tag))
            PhenomenonSource.objects.bulk_create(sources)
            PhenomenonIndicator.objects.bulk_create(links)
            PhenomenonKeyword.objects.bulk_create(keywords)
            objs = list(Phenomenon.get_indexed_objects().filter(pk__in=[p.pk for p in created]))
            for part in range(0, len(objs), 1000):
                index.add_items(Phenomenon, objs[part : part + 1000])
        done = first + size
        rate = done / (time.perf_counter() - start)
        print(f"\r  built {done:,}/{n:,} ({rate:,.0f}/s)", end="", flush=True)
    print()
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")


def percentile(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def fmt(label, times):
    ms = [t * 1000 for t in times]
    return (
        f"{label:<44} n={len(ms):<4} p50={percentile(ms, 50):7.1f} ms  "
        f"p95={percentile(ms, 95):7.1f} ms  max={max(ms):7.1f} ms"
    )


def run(queries: int, seed: int = 11):
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

    def one(params):
        t = time.perf_counter()
        result = run_search(parse_params(params), user)
        return time.perf_counter() - t, result.total

    one({"q": "beras"})  # warm up (stemmer, connection)
    mixed, totals = [], []
    for _ in range(queries):
        params = {
            "q": " ".join(rng.sample(WORDS, rng.choice((1, 1, 2)))),
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
    print(
        fmt("search: word + 2 filters + facets", mixed)
        + f"  (median {int(statistics.median(totals)):,} hits)"
    )
    common = [one({"q": COMMON_WORD}) for _ in range(5)]
    print(
        fmt(f"worst: '{COMMON_WORD}' (a third of rows) + facets", [t for t, _ in common])
        + f"  ({common[0][1]:,} hits)"
    )
    common_f = [one({"q": COMMON_WORD, "area": pools["area"][0]}) for _ in range(5)]
    print(
        fmt(f"'{COMMON_WORD}' + 1 filter + facets", [t for t, _ in common_f])
        + f"  ({common_f[0][1]:,} hits)"
    )
    browse = [one({}) for _ in range(5)]
    print(
        fmt("browse everything (no word) + facets", [t for t, _ in browse])
        + f"  ({browse[0][1]:,} hits)"
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
    print(fmt("detail page /fenomena/<id>/", detail))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int, nargs="?", default=10_000)
    parser.add_argument(
        "--db",
        default=os.environ.get(
            "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/simfoni_bench_search"
        ),
    )
    parser.add_argument("--queries", type=int, default=200)
    args = parser.parse_args()
    setup_django(args.db)
    t = time.perf_counter()
    build(args.n)
    print(f"data ready in {time.perf_counter() - t:,.0f} s; {args.queries} queries follow")
    run(args.queries)


if __name__ == "__main__":
    main()
