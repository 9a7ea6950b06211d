"""Load benchmark: 50 concurrent users against gunicorn + PostgreSQL + Redis with 100k phenomena.

    python benchmarks/load.py                       # 100k, 50 users, 5 minutes
    python benchmarks/load.py --minutes 2 --users 30 --workers 3

Builds (once; reused when present) N approved phenomena in its own database (default
``simfoni_load``) with ``benchmarks/search.py``'s generator, the demo accounts (password
simfoni123, no demo phenomena), the dashboard rollups and an API key; starts
``gunicorn -c deploy/gunicorn.conf.py`` (production settings, ``--workers`` workers, Redis
cache and broker on DB ``--redis-db``) and one ``manage.py qcluster``; then runs locust
headless in a second process (``benchmarks/locustfile.py``) with this mix of users:

- viewers (``viewer``): search ``/cari/`` (one or two words, sometimes a filter), the
  dashboard ``/dasbor/``, the detail page ``/fenomena/<id>/``;
- API clients: ``/api/v1/phenomena/`` with a filter, sometimes ``q``;
- operators (``operator``): open the add form and submit a new phenomenon for review;
- supervisors (``supervisor``): open the review queue and approve one submission.

Every request is recorded by locust's request hook (time, name, status, duration) into a
JSON-lines file; this script prints a table per endpoint (requests, rps, p50/p95/p99,
failures, 5xx) with ``os.getloadavg()`` (the machine is shared), and checks that every
phenomenon the operators saw acknowledged (a redirect after "Ajukan") is stored exactly once.

``benchmarks/faults.py`` runs the same load with faults injected.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
PYTHON = sys.executable
BIN = Path(sys.executable).parent
SECRET_KEY = "load-" + "k7m2p9q4r1s8t3u6v5w0x" * 3
TITLE_TAG = "Uji beban"  # every title the load's operators submit starts with this


from bench_common import search_benchmark  # noqa: E402 (benchmarks/ is on the path)

search_bench = search_benchmark()


def load() -> str:
    return "/".join(f"{x:.2f}" for x in os.getloadavg())


def server_env(db_url: str, redis_url: str, workers: int, port: int) -> dict:
    """The production settings' environment (as an EnvironmentFile would give it)."""
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "simfoni_site.settings.production",
        "DATABASE_URL": db_url,
        "REDIS_URL": redis_url,
        "SECRET_KEY": SECRET_KEY,
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "0",
        "SECURE_COOKIES": "0",
        "API_RATE_LIMIT": str(10**9),
        "AXES_FAILURE_LIMIT": "1000",
        "LOG_LEVEL": "WARNING",
        "WEB_CONCURRENCY": str(workers),
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "Q_CLUSTER_NAME": "simfoni_load",
        "CACHE_KEY_PREFIX": "simfoni_load",
    }


def setup(n: int, db_url: str) -> dict:
    """The database (N phenomena, accounts, rollups, an API key) and what locust needs."""
    # Production password hashing: the accounts log in through gunicorn's production settings.
    os.environ["DJANGO_SETTINGS_MODULE"] = "simfoni_site.settings.production"
    os.environ["SECRET_KEY"] = SECRET_KEY
    search_bench.setup_django(db_url)
    from phenomena.models import Phenomenon

    # An earlier run's submissions: gone, so the database holds N again (and is reused).
    Phenomenon.objects.filter(title__startswith=TITLE_TAG).delete()
    t = time.perf_counter()
    search_bench.build(n)
    print(f"{n:,} phenomena ready in {time.perf_counter() - t:,.0f} s; load {load()}", flush=True)
    from api.models import ApiKey
    from home import rollup
    from phenomena.demo import DEMO_PASSWORD, create_accounts
    from phenomena.models import Outlet, Scope, SourceType, Subject, Theme

    users = create_accounts()
    for name in ("viewer", "operator", "supervisor"):
        users[name].set_password(DEMO_PASSWORD)
        users[name].save(update_fields=["password"])
    rollup.rebuild()
    from workflows.demo import allocate_like, load_allocations

    load_allocations()  # theme → supervisor, as in the demo: `supervisor` reviews like spv4
    allocate_like("supervisor", "spv4")
    ApiKey.objects.filter(name="load").delete()
    key = ApiKey(name="load", rate_limit=10**9)
    raw_key = key.issue()
    key.save()
    subject = Subject.objects.get(code="ekonomi")
    return {
        "password": DEMO_PASSWORD,
        "api_key": raw_key,
        "max_id": n,
        "title_tag": TITLE_TAG,
        "words": search_bench.WORDS[:150],
        "subjects": list(Subject.objects.values_list("pk", flat=True)),
        "themes": list(Theme.objects.values_list("pk", flat=True)),
        "areas": list(Scope.objects.filter(parent__isnull=False).values_list("pk", flat=True)),
        "form": {
            "scope": Scope.objects.get(code="dki").pk,
            "subject": subject.pk,
            "theme": Theme.objects.get(subject=subject, name="Harga-harga (Inflasi)").pk,
            "source_type": SourceType.objects.get(code="portal_berita").pk,
            "outlet": Outlet.objects.get(name="Kompas.com").pk,
        },
        "before": Phenomenon.objects.filter(title__startswith=TITLE_TAG).count(),
    }


def wait_http(url: str, proc: subprocess.Popen, seconds: float = 90) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"the server stopped (exit {proc.returncode})")
        try:
            urllib.request.urlopen(url, timeout=2).read()
            return
        except OSError:
            time.sleep(0.5)
    raise SystemExit(f"{url} did not answer within {seconds:.0f} s")


class Stack:
    """gunicorn (production settings) and one qcluster, logs in a temporary folder."""

    def __init__(self, db_url: str, redis_url: str, workers: int, port: int):
        self.env = server_env(db_url, redis_url, workers, port)
        self.port = port
        self.base = f"http://127.0.0.1:{port}"
        self.logs = Path(tempfile.mkdtemp(prefix="simfoni-load-"))
        self.procs: list[subprocess.Popen] = []

    def start(self) -> None:
        subprocess.run(
            [PYTHON, "manage.py", "collectstatic", "--noinput", "-v0"],
            cwd=ROOT,
            env=self.env,
            check=True,
        )
        self.web = self._spawn("gunicorn", [str(BIN / "gunicorn"), "-c", "deploy/gunicorn.conf.py"])
        self.q = self._spawn("qcluster", [PYTHON, "manage.py", "qcluster"])
        wait_http(self.base + "/healthz", self.web)
        print(f"gunicorn at {self.base}, logs in {self.logs}", flush=True)

    def _spawn(self, name: str, argv: list[str]) -> subprocess.Popen:
        out = open(self.logs / f"{name}.log", "w")  # noqa: SIM115 (open while the process runs)
        proc = subprocess.Popen(
            argv,
            cwd=ROOT,
            env=self.env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        self.procs.append(proc)
        return proc

    def workers(self) -> list[int]:
        """The gunicorn master's worker processes."""
        path = Path(f"/proc/{self.web.pid}/task/{self.web.pid}/children")
        return [int(pid) for pid in path.read_text().split()]

    def stop(self) -> None:
        for proc in self.procs:
            if proc.poll() is None:
                proc.send_signal(signal.SIGTERM)
        for proc in self.procs:
            try:
                proc.wait(timeout=40)
            except subprocess.TimeoutExpired:
                proc.kill()


def run_locust(base: str, config: dict, users: int, seconds: int, out: Path) -> subprocess.Popen:
    """Start locust headless in its own process; every request goes to `out` (JSON lines)."""
    cfg = out.with_suffix(".config.json")
    cfg.write_text(json.dumps(config))
    env = {**os.environ, "LOAD_CONFIG": str(cfg), "LOAD_RECORD": str(out)}
    return subprocess.Popen(
        [
            str(BIN / "locust"),
            "-f",
            str(ROOT / "benchmarks/locustfile.py"),
            "--headless",
            "--host",
            base,
            "-u",
            str(users),
            "-r",
            str(max(1, users // 5)),
            "-t",
            f"{seconds}s",
            "--stop-timeout",
            "30",
            "--only-summary",
            "--loglevel",
            "WARNING",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
    )


def read_records(path: Path) -> list[dict]:
    with open(path) as fh:
        return [json.loads(line) for line in fh if line.strip()]


def read_submissions(path: Path) -> dict:
    sub = path.with_suffix(".submissions.json")
    return json.loads(sub.read_text()) if sub.exists() else {"acknowledged": [], "unknown": []}


def percentile(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def table(records: list[dict], t0: float | None = None, t1: float | None = None) -> str:
    """Per endpoint: requests, rps, p50/p95/p99 (ms), failures, 5xx; between t0 and t1."""
    rows = [r for r in records if (t0 is None or r["t"] >= t0) and (t1 is None or r["t"] < t1)]
    if not rows:
        return "(no requests)"
    span = max(r["t"] for r in rows) - min(r["t"] for r in rows) or 1
    by_name = defaultdict(list)
    for r in rows:
        by_name[r["name"]].append(r)
    lines = [
        f"{'endpoint':<22} {'requests':>8} {'rps':>6} {'p50':>6} {'p95':>6} {'p99':>6} "
        f"{'failures':>8} {'5xx':>5}"
    ]
    for name in sorted(by_name) + ["ALL"]:
        group = rows if name == "ALL" else by_name[name]
        ms = [r["ms"] for r in group]
        failures = sum(1 for r in group if r["error"])
        five = sum(1 for r in group if r["status"] >= 500)
        lines.append(
            f"{name:<22} {len(group):>8} {len(group) / span:>6.1f} {percentile(ms, 50):>6.0f} "
            f"{percentile(ms, 95):>6.0f} {percentile(ms, 99):>6.0f} {failures:>8} {five:>5}"
        )
    return "\n".join(lines)


def errors_summary(records: list[dict], limit: int = 8) -> str:
    kinds = defaultdict(int)
    for r in records:
        if r["error"]:
            kinds[(r["name"], r["status"], r["error"][:90])] += 1
    return "\n".join(
        f"  {count:>5} × {name} [{status}] {error}"
        for (name, status, error), count in sorted(kinds.items(), key=lambda kv: -kv[1])[:limit]
    )


def verify_submissions(db_url: str, record: Path, before: int) -> dict:
    """Every acknowledged submission stored exactly once; nothing stored twice."""
    import psycopg

    sub = read_submissions(record)
    with psycopg.connect(db_url) as conn:
        counts = dict(
            conn.execute(
                "SELECT title, count(*) FROM phenomena_phenomenon WHERE title LIKE %s "
                "GROUP BY title",
                [TITLE_TAG + "%"],
            ).fetchall()
        )
        approved = conn.execute(
            "SELECT count(*) FROM phenomena_phenomenon WHERE title LIKE %s AND live",
            [TITLE_TAG + "%"],
        ).fetchone()[0]
    acknowledged = sub["acknowledged"]
    lost = [t for t in acknowledged if counts.get(t, 0) == 0]
    doubled = [t for t, c in counts.items() if c > 1]
    unknown_stored = [t for t in sub["unknown"] if counts.get(t, 0) == 1]
    return {
        "acknowledged": len(acknowledged),
        "stored_this_run": sum(counts.values()) - before,
        "lost": lost,
        "doubled": doubled,
        "unacknowledged_but_stored": len(unknown_stored),
        "unacknowledged_not_stored": len(sub["unknown"]) - len(unknown_stored),
        "approved_total": approved,
        "approvals_acknowledged": sub.get("approved", 0),
    }


def print_verification(v: dict) -> None:
    print(
        f"submissions: {v['acknowledged']} acknowledged, "
        f"{v['stored_this_run']} stored by this run, "
        f"lost {len(v['lost'])}, stored twice {len(v['doubled'])}; "
        f"unacknowledged (error/timeout): {v['unacknowledged_but_stored']} stored, "
        f"{v['unacknowledged_not_stored']} not stored; approvals acknowledged "
        f"{v['approvals_acknowledged']}"
    )
    if v["lost"] or v["doubled"]:
        print("  LOST:", v["lost"][:10], " DOUBLED:", v["doubled"][:10])


def arguments(description: str, minutes: float) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--n", type=int, default=100_000)
    parser.add_argument(
        "--db",
        default=os.environ.get(
            "LOAD_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/simfoni_load"
        ),
    )
    parser.add_argument(
        "--redis", default=os.environ.get("LOAD_REDIS_URL", "redis://127.0.0.1:6379/7")
    )
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--minutes", type=float, default=minutes)
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--port", type=int, default=0, help="0: a free port")
    parser.add_argument("--out", type=Path, default=None, help="the JSON-lines record")
    return parser


def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def prepare(args) -> tuple[dict, Stack, Path]:
    config = setup(args.n, args.db)
    stack = Stack(args.db, args.redis, args.workers, args.port or free_port())
    out = args.out or stack.logs / "requests.jsonl"
    return config, stack, out


def main():
    args = arguments(__doc__.splitlines()[0], 5).parse_args()
    config, stack, out = prepare(args)
    stack.start()
    try:
        seconds = int(args.minutes * 60)
        print(f"locust: {args.users} users for {seconds} s; load {load()}", flush=True)
        loads = []
        proc = run_locust(stack.base, config, args.users, seconds, out)
        while proc.poll() is None:
            time.sleep(5)
            loads.append(os.getloadavg()[0])
        records = read_records(out)
        start = min(r["t"] for r in records)
        print(f"\n{len(records):,} requests, {args.workers} gunicorn workers, {args.users} users")
        print(table(records))
        print(
            f"load average (1 min) during the run: mean {sum(loads) / len(loads):.2f}, "
            f"max {max(loads):.2f}; at the end {load()}"
        )
        warm = start + 30
        print("\nwithout the first 30 s (logins, cold caches):")
        print(table(records, t0=warm))
        if any(r["error"] for r in records):
            print("errors:\n" + errors_summary(records))
        print_verification(verify_submissions(args.db, out, config["before"]))
    finally:
        stack.stop()


if __name__ == "__main__":
    main()
