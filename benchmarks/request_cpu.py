"""CPU time and query count per request, in-process, for the pages of the load test.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/simfoni_load python benchmarks/request_cpu.py
    python benchmarks/request_cpu.py --db postgres://postgres@127.0.0.1:5432/simfoni_load --runs 5

Signs in (``force_login``, no password hashing) as each demo role through
``django.test.Client`` against an existing database built by ``benchmarks/load.py`` (100k
approved phenomena, the demo accounts), with the production settings' environment (as
load.py gives gunicorn; a local-memory cache instead of Redis, search engine from the
settings), and prints per page the CPU time of this process (``time.process_time``, median
of ``--runs`` after one warm-up request, so that per-process caches are warm as in a
long-running worker) and the number of SQL queries. Wall time is not measured: the machine
is shared and loaded. Nothing is written beyond what a GET writes (sessions, last login);
with ``--queue N`` the operator submits N phenomena, the supervisor opens the queue and
approves one, all in one transaction that is rolled back (ids of sequences are used up).
"""

from __future__ import annotations

import argparse
import gc
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench_common import submission_form  # noqa: E402 (benchmarks/ is on the path)

SECRET_KEY = "cpu-" + "k7m2p9q4r1s8t3u6v5w0x" * 3
#: Each run of a search page takes the next words (as the load test's users do), so the
#: cached facet counts of an earlier run do not make it cheap; {s} is a subject id.
SEARCHES = [
    ("search /cari/ (no words)", "/cari/?page={i}"),
    ("search /cari/?q=<1 word>", "/cari/?q={w1}"),
    ("search /cari/?q=<2 words>", "/cari/?q={w1}+{w2}"),
    ("search /cari/?q=<1 word>&subject=", "/cari/?q={w1}&subject={s}"),
]
WORDS = (
    "beras cabai bawang minyak gula telur daging ikan tarif listrik bensin hotel wisatawan "
    "ekspor impor pabrik upah pekerja sekolah pasien vaksin banjir panen kredit"
).split()


def setup(db_url: str) -> None:
    os.environ.update(
        {
            "DJANGO_SETTINGS_MODULE": "simfoni_site.settings.production",
            "DATABASE_URL": db_url,
            "SECRET_KEY": SECRET_KEY,
            "ALLOWED_HOSTS": "testserver,127.0.0.1,localhost",
            "SECURE_SSL_REDIRECT": "0",
            "SECURE_COOKIES": "0",
            "API_RATE_LIMIT": str(10**9),
            "LOG_LEVEL": "WARNING",
        }
    )
    os.environ.pop("REDIS_URL", None)
    import django

    django.setup()
    from django.conf import settings
    from django.test.utils import override_settings

    # No collectstatic manifest here, no Redis: plain static URLs and a per-process cache.
    override_settings(
        CACHES={"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}},
        STORAGES={
            **settings.STORAGES,
            "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
        },
    ).enable()
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    plan = MigrationExecutor(connection).migration_plan(
        MigrationExecutor(connection).loader.graph.leaf_nodes()
    )
    if plan:
        raise SystemExit(f"{len(plan)} migrations not applied to {db_url}: not migrating it here")


_gc = {"start": 0.0, "total": 0.0}


def _gc_timer(phase, info):
    if phase == "start":
        _gc["start"] = time.process_time()
    else:
        _gc["total"] += time.process_time() - _gc["start"]


def measure(client, urls, runs: int, method: str = "get", data=None, rollback=False):
    """(median CPU ms, max queries, min queries, last status, last response, mean GC ms)
    of `runs` requests after one warm-up; `urls` is one URL or a function of the run number."""
    from django.db import connection, transaction
    from django.test.utils import CaptureQueriesContext

    cpu, queries, collecting, status = [], [], [], None
    for i in range(runs + 1):
        gc_before = _gc["total"]
        url = urls(i) if callable(urls) else urls
        payload = (data(i) if callable(data) else data) or {}
        with CaptureQueriesContext(connection) as ctx:
            t = time.process_time()
            if rollback:
                with transaction.atomic():
                    response = getattr(client, method)(url, payload)
                    transaction.set_rollback(True)
            else:
                response = getattr(client, method)(url, payload)
            elapsed = time.process_time() - t
        status = response.status_code
        if i:  # the first one warms the process (templates, per-process caches)
            cpu.append(elapsed * 1000)
            collecting.append((_gc["total"] - gc_before) * 1000)
            queries.append(len(ctx.captured_queries))
    gc_ms = statistics.mean(collecting) if collecting else 0.0  # mean: a full pass is rare
    return statistics.median(cpu), max(queries), min(queries), status, response, gc_ms


HEAD = f"{'page':<36} {'role':<11} {'status':>6} {'CPU ms':>8} {'queries':>8} {'GC ms':>6}"


def row(label, role, status, ms, qmin, qmax, gc_ms) -> None:
    q = f"{qmin}" if qmin == qmax else f"{qmin}-{qmax}"
    print(f"{label:<36} {role:<11} {status:>6} {ms:>8.1f} {q:>8} {gc_ms:>6.1f}", flush=True)


def submission(i: int) -> dict:
    """The load test's operator form (benchmarks/locustfile.py), one Kompas.com source."""
    from phenomena.models import Outlet, Scope, SourceType, Subject, Theme

    subject = Subject.objects.get(code="ekonomi")
    tag = f"cpu{os.getpid()}x{i}"
    return submission_form(
        title=f"Uji CPU {tag} kenaikan harga {'bamiru' * (i % 3 + 1)}",
        narrative=f"Narasi uji CPU {tag}: harga naik di pasar {i}.",
        keywords="uji cpu",
        url=f"https://money.kompas.com/read/uji-cpu/{tag}",
        ids={
            "scope": Scope.objects.get(code="dki").pk,
            "subject": subject.pk,
            "theme": Theme.objects.get(subject=subject, name="Harga-harga (Inflasi)").pk,
            "source_type": SourceType.objects.get(code="portal_berita").pk,
            "outlet": Outlet.objects.get(name="Kompas.com").pk,
        },
    )


class _Rollback(Exception):
    pass


def queue(clients, args) -> None:
    """In one transaction that is rolled back: the operator submits ``--queue`` phenomena
    (the "submit" row), the supervisor opens the queue and approves the first one (each
    approval rolled back to a savepoint, so the queue stays the same)."""
    import re

    from django.db import transaction

    operator, supervisor = clients["operator"], clients["supervisor"]
    add = "/admin/snippets/phenomena/phenomenon/add/"
    try:
        with transaction.atomic():
            n = args.queue
            datas = [submission(i) for i in range(n)]
            ms, qmax, qmin, status, _r, gc_ms = measure(
                operator, add, n - 1, method="post", data=lambda i: datas[i]
            )
            row("operator submit (rolled back)", "operator", status, ms, qmin, qmax, gc_ms)
            ms, qmax, qmin, status, response, gc_ms = measure(
                supervisor, "/admin/persetujuan/review/", args.runs
            )
            row(f"review queue ({n} waiting)", "supervisor", status, ms, qmin, qmax, gc_ms)
            rows = re.findall(r'name="only" value="(\d+)"', response.content.decode())
            if rows:
                ms, qmax, qmin, status, _r, gc_ms = measure(
                    supervisor,
                    "/admin/persetujuan/review/setujui/",
                    args.runs,
                    method="post",
                    data=lambda i: {"only": rows[0]},
                    rollback=True,
                )
                row("approve (rolled back)", "supervisor", status, ms, qmin, qmax, gc_ms)
            raise _Rollback
    except _Rollback:
        pass


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--db", default=os.environ.get("DATABASE_URL") or "")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument(
        "--queue",
        type=int,
        default=0,
        help="also: the operator submits this many, then the queue and approve (rolled back)",
    )
    ap.add_argument("--only", default="", help="only the pages whose label contains this")
    ap.add_argument(
        "--freeze",
        action="store_true",
        help="gc.freeze() after start-up, as deploy/gunicorn.conf.py does before forking",
    )
    args = ap.parse_args()
    gc.callbacks.append(_gc_timer)
    if not args.db.startswith("postgres"):
        raise SystemExit("--db postgres://… (a database built by benchmarks/load.py)")
    setup(args.db)
    if args.freeze:
        from simfoni_site.gc_tuning import freeze_startup_objects

        freeze_startup_objects()

    from django.contrib.auth import get_user_model
    from django.test import Client

    from phenomena.models import Phenomenon, Subject

    User = get_user_model()
    subject = Subject.objects.order_by("pk").values_list("pk", flat=True).first()
    ids = list(
        Phenomenon.objects.filter(live=True).order_by("pk").values_list("pk", flat=True)[:3000]
    )[::500]
    clients = {}
    for name in ("viewer", "operator", "supervisor"):
        clients[name] = Client()
        clients[name].force_login(User.objects.get(username=name))

    def search_urls(template):
        def url(i):
            w1, w2 = WORDS[(3 * i) % len(WORDS)], WORDS[(3 * i + 7) % len(WORDS)]
            return template.format(i=i + 1, w1=w1, w2=w2, s=subject)

        return url

    pages = [("viewer", label, search_urls(template)) for label, template in SEARCHES]
    pages += [("viewer", "detail /fenomena/<id>/", lambda i: f"/fenomena/{ids[i % len(ids)]}/")]
    pages += [("viewer", "dashboard /dasbor/", "/dasbor/")]
    pages += [("operator", "add form", "/admin/snippets/phenomena/phenomenon/add/")]
    pages += [("supervisor", "review queue", "/admin/persetujuan/review/")]
    print(HEAD)
    for role, label, url in pages:
        if args.only and args.only not in label:
            continue
        ms, qmax, qmin, status, response, gc_ms = measure(clients[role], url, args.runs)
        row(label, role, status, ms, qmin, qmax, gc_ms)
    if args.queue:
        queue(clients, args)
    print(f"load average {'/'.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
