"""API benchmark: the list endpoint under gunicorn (2 workers) on PostgreSQL, load from here.

    python benchmarks/api.py 50000
    python benchmarks/api.py 100000 --db postgres://postgres@127.0.0.1:5432/simfoni_bench_api_100k

Builds N approved phenomena with ``benchmarks/search.py``'s generator (reused when the
database already holds N), issues an API key, starts ``gunicorn simfoni_site.wsgi -w 2``
(production settings, Redis cache when REDIS_URL is set) and requests from this second
process, over HTTP with the key:

- ``/api/v1/phenomena/?limit=50`` with two filters (subject + kab/kota, or theme + source type);
- the same with ``q`` (one or two words);
- the second page through ``cursor``, and ``facets=true`` with q + two filters;

sequentially (p50/p95/max) and then with 4 concurrent clients, after ``--warmup`` requests
of other queries of each kind; prints the figures and ``os.getloadavg()`` (the machine is
shared).
"""

from __future__ import annotations

import argparse
import concurrent.futures
import os
import random
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


from bench_common import search_benchmark  # noqa: E402 (benchmarks/ is on the path)

search_bench = search_benchmark()


def issue_key() -> str:
    from api.models import ApiKey

    ApiKey.objects.filter(name="benchmark").delete()
    key = ApiKey(name="benchmark", rate_limit=10**9)
    raw = key.issue()
    key.save()
    return raw


def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(db_url: str, port: int) -> subprocess.Popen:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "simfoni_site.settings.production",
        "DATABASE_URL": db_url,
        "SECRET_KEY": "bench-" + "x1y2z3w4v5u6t7s8r9q0p" * 3,
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "0",
        "SECURE_COOKIES": "0",
        "API_RATE_LIMIT": str(10**9),
        "LOG_LEVEL": "WARNING",
    }
    gunicorn = Path(sys.executable).with_name("gunicorn")
    proc = subprocess.Popen(
        [
            str(gunicorn),
            "simfoni_site.wsgi",
            "-w",
            "2",
            "-b",
            f"127.0.0.1:{port}",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
    )
    for _ in range(120):
        if proc.poll() is not None:
            raise SystemExit("gunicorn stopped")
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v1/openapi.json", timeout=2)
            return proc
        except OSError:
            time.sleep(0.5)
    proc.terminate()
    raise SystemExit("gunicorn did not start")


def get(base, key, params):
    url = base + "/api/v1/phenomena/?" + urllib.parse.urlencode(params, doseq=True)
    request = urllib.request.Request(url, headers={"X-API-Key": key})
    t = time.perf_counter()
    with urllib.request.urlopen(request, timeout=60) as response:
        body = response.read()
    return time.perf_counter() - t, body


def queries(n: int, seed: int = 5):
    from phenomena.models import Scope, SourceType, Subject, Theme

    rng = random.Random(seed)
    subjects = list(Subject.objects.values_list("pk", flat=True))
    themes = list(Theme.objects.values_list("pk", flat=True))
    areas = list(Scope.objects.filter(parent__isnull=False).values_list("pk", flat=True))
    types = list(SourceType.objects.values_list("pk", flat=True))
    words = search_bench.WORDS[:120]
    out = {"two filters": [], "two filters + q": [], "q + two filters + facets": []}
    for _ in range(n):
        if rng.random() < 0.5:
            filters = {"subject": rng.choice(subjects), "area": rng.choice(areas)}
        else:
            filters = {"theme": rng.choice(themes), "source_type": rng.choice(types)}
        q = " ".join(rng.sample(words, rng.choice((1, 2))))
        out["two filters"].append({"limit": 50, **filters})
        out["two filters + q"].append({"limit": 50, "q": q, **filters})
        out["q + two filters + facets"].append({"limit": 50, "q": q, "facets": "true", **filters})
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int, nargs="?", default=50_000)
    parser.add_argument(
        "--db",
        default=os.environ.get(
            "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/simfoni_bench_api"
        ),
    )
    parser.add_argument("--requests", type=int, default=100)
    parser.add_argument("--warmup", type=int, default=50, help="warm-up requests of each kind")
    parser.add_argument("--port", type=int, default=0, help="0: a free port")
    args = parser.parse_args()
    search_bench.setup_django(args.db)
    t = time.perf_counter()
    search_bench.build(args.n)
    ready = time.perf_counter() - t
    print(f"{args.n:,} phenomena ready in {ready:,.0f} s; load {search_bench.load()}")
    key = issue_key()
    plan = queries(args.requests)
    port = args.port or free_port()
    server = start_server(args.db, port)
    base = f"http://127.0.0.1:{port}"
    try:
        # Warm both workers as a long-running server is: other queries than the measured ones
        # (another seed), so the stemmer's word cache and the "Maksud Anda" vocabulary are
        # built, not the measured queries' answers.
        warm = queries(args.warmup, seed=99)
        for params in warm["two filters"] + warm["two filters + q"]:
            get(base, key, params)
        for label, batch in plan.items():
            times = [get(base, key, params)[0] for params in batch]
            print(search_bench.fmt(f"{label} (sequential)", times), f"load {search_bench.load()}")
        # Page 2 through the cursor of page 1.
        import json

        times = []
        for params in plan["two filters"][: args.requests // 2]:
            _, body = get(base, key, params)
            cursor = json.loads(body)["next_cursor"]
            if cursor:
                times.append(get(base, key, {**params, "cursor": cursor})[0])
        if times:
            print(search_bench.fmt("second page by cursor", times))
        with concurrent.futures.ThreadPoolExecutor(4) as pool:
            for label in ("two filters", "two filters + q"):
                start = time.perf_counter()
                times = [
                    elapsed for elapsed, _ in pool.map(lambda p: get(base, key, p), plan[label])
                ]
                wall = time.perf_counter() - start
                print(
                    search_bench.fmt(f"{label} (4 concurrent clients)", times),
                    f"{len(times) / wall:.0f} req/s, load {search_bench.load()}",
                )
    finally:
        server.terminate()
        server.wait(timeout=30)


if __name__ == "__main__":
    main()
