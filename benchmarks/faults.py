"""Faults under load: kill a web worker, restart PostgreSQL, stop Redis for 30 s.

    python benchmarks/faults.py                     # 100k, 50 users, 4 minutes
    python benchmarks/faults.py --minutes 3 --gap 50
    python benchmarks/faults.py --only-workers 6 --gap 20 --minutes 2.5   # worker kills only

The same stack and users as ``benchmarks/load.py`` (its database, gunicorn + qcluster with
production settings, locust headless in a second process). While the load runs:

1. at ``gap`` s: SIGKILL to one gunicorn worker (the master starts another);
2. at 2 × ``gap`` s: ``pg_ctlcluster --skip-systemctl-redirect 15 main restart``;
3. at 3 × ``gap`` s: ``redis-cli shutdown nosave``, and 30 s later ``redis-server`` again.

Each fault is stamped; afterwards, for each one, the requests that failed between it and the
next (count, kinds, first and last failure, so the error window) and the latency of that
stretch; then the check that every phenomenon the operators saw acknowledged is stored exactly
once and none twice. PostgreSQL and Redis are shared with other work on this machine: each
fault is done once, and both services are checked (``pg_isready``, ``redis-cli ping``) and
started again if needed at the end, whatever happened.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import load as bench  # noqa: E402 (benchmarks/load.py, after the path)

PG_RESTART = ["pg_ctlcluster", "--skip-systemctl-redirect", "15", "main", "restart"]
PG_READY = ["pg_isready", "-h", "127.0.0.1", "-q"]
REDIS_STOP = ["redis-cli", "-h", "127.0.0.1", "shutdown", "nosave"]
REDIS_START = [
    "redis-server",
    "--daemonize",
    "yes",
    "--bind",
    "127.0.0.1",
    "--port",
    "6379",
    "--save",
    "",
]
REDIS_DOWN_SECONDS = 30


def ok(argv: list[str]) -> bool:
    return subprocess.run(argv, capture_output=True, timeout=20).returncode == 0


def redis_up() -> bool:
    result = subprocess.run(["redis-cli", "-h", "127.0.0.1", "ping"], capture_output=True)
    return b"PONG" in result.stdout


def ensure_services() -> str:
    """Both shared services running again (started if not); what was done."""
    done = []
    if not ok(PG_READY):
        subprocess.run(["pg_ctlcluster", "--skip-systemctl-redirect", "15", "main", "start"])
        done.append("started PostgreSQL")
    if not redis_up():
        subprocess.run(
            REDIS_START, cwd="/var/lib/redis" if Path("/var/lib/redis").is_dir() else "/"
        )
        done.append("started Redis")
    for _ in range(30):
        if ok(PG_READY) and redis_up():
            break
        time.sleep(1)
    state = f"pg_isready: {'ok' if ok(PG_READY) else 'NO'}, redis ping: "
    state += "PONG" if redis_up() else "NO"
    return "; ".join([*done, state])


def stamp(events: list, label: str) -> float:
    t = time.time()
    events.append((t, label))
    print(f"[{time.strftime('%H:%M:%S', time.localtime(t))}] {label}; load {bench.load()}")
    return t


def kill_worker(stack, events) -> None:
    victim = stack.workers()[0]
    stamp(events, f"kill -9 gunicorn worker {victim}")
    os.kill(victim, signal.SIGKILL)


def restart_postgres(events) -> None:
    stamp(events, "PostgreSQL restart")
    t = time.monotonic()
    subprocess.run(PG_RESTART, check=False, timeout=120)
    print(f"  pg_ctlcluster restart returned after {time.monotonic() - t:.1f} s")


def stop_redis(events) -> float:
    stamp(events, f"Redis stopped for {REDIS_DOWN_SECONDS} s")
    subprocess.run(REDIS_STOP, check=False)
    return time.monotonic()


def start_redis(events) -> None:
    subprocess.run(REDIS_START, check=False, cwd="/var/lib/redis")
    stamp(events, "Redis started again")


def window_report(records: list[dict], label: str, t0: float, t1: float) -> dict:
    rows = [r for r in records if t0 <= r["t"] < t1]
    failed = [r for r in rows if r["error"]]
    five = [r for r in rows if r["status"] >= 500]
    report = {
        "fault": label,
        "requests": len(rows),
        "failed": len(failed),
        "5xx": len(five),
        "p95": bench.percentile([r["ms"] for r in rows], 95) if rows else 0,
        # when the failed answers came (locust stamps a request at its answer), from the fault
        "first": min(r["t"] for r in failed) - t0 if failed else None,
        "last": max(r["t"] for r in failed) - t0 if failed else None,
        # the oldest failed request was sent this long before the fault (queued meanwhile)
        "sent": min(r["t"] - r["ms"] / 1000 for r in failed) - t0 if failed else None,
        "kinds": Counter(
            f"{r['name']} [{r['status']}] {r['error'][:70]}" for r in failed
        ).most_common(6),
    }
    return report


def print_window(w: dict) -> None:
    if w["failed"]:
        span = (
            f"failed answers from +{w['first']:.1f} s to +{w['last']:.1f} s after it "
            f"(window {w['last'] - w['first']:.1f} s; oldest failed request sent at "
            f"{w['sent']:+.1f} s)"
        )
    else:
        span = "no failure"
    print(
        f"\n{w['fault']}: {w['requests']} requests, {w['failed']} failed, {w['5xx']} 5xx, "
        f"p95 {w['p95']:.0f} ms; {span}"
    )
    for kind, count in w["kinds"]:
        print(f"  {count:>5} × {kind}")


def main():
    parser = bench.arguments(__doc__.splitlines()[0], 4)
    parser.add_argument("--gap", type=float, default=55, help="seconds between faults")
    parser.add_argument(
        "--only-workers",
        type=int,
        default=0,
        metavar="K",
        help="only kill a gunicorn worker, K times (PostgreSQL and Redis untouched)",
    )
    args = parser.parse_args()
    config, stack, out = bench.prepare(args)
    events: list[tuple[float, str]] = []
    seconds = int(args.minutes * 60)
    needed = (args.only_workers or 3) * args.gap + (0 if args.only_workers else REDIS_DOWN_SECONDS)
    if seconds < needed + 20:
        raise SystemExit(f"--minutes too short for --gap {args.gap}")
    stack.start()
    try:
        print(f"locust: {args.users} users for {seconds} s; load {bench.load()}", flush=True)
        proc = bench.run_locust(stack.base, config, args.users, seconds, out)
        start = time.monotonic()
        stamp(events, "load starts")

        def at(offset):
            time.sleep(max(0.0, start + offset - time.monotonic()))

        for k in range(1, args.only_workers + 1):
            at(k * args.gap)
            kill_worker(stack, events)
        if args.only_workers:
            proc.wait()
            stamp(events, "load ends")
            return
        at(args.gap)
        workers_before = len(stack.workers())
        kill_worker(stack, events)
        at(2 * args.gap)
        print(f"  gunicorn workers: {workers_before} before, {len(stack.workers())} now")
        restart_postgres(events)
        at(3 * args.gap)
        stop_redis(events)
        at(3 * args.gap + REDIS_DOWN_SECONDS)
        start_redis(events)
        proc.wait()
        stamp(events, "load ends")
    finally:
        if not args.only_workers:
            print("services:", ensure_services(), flush=True)
        try:
            records = bench.read_records(out)
            print(f"\n{len(records):,} requests in all")
            print(bench.table(records))
            labels = [label for _, label in events]
            times = [t for t, _ in events]
            print_window(window_report(records, "before the faults", times[0], times[1]))
            for i in range(1, len(events) - 1):
                if labels[i] == "Redis started again":
                    continue
                end = times[i + 1]
                if labels[i].startswith("Redis stopped"):  # until the next stamp after restart
                    end = times[i + 2]
                print_window(window_report(records, labels[i], times[i], end))
            health = bench.urllib.request.urlopen(stack.base + "/healthz", timeout=10)
            print(f"\n/healthz after the faults: {health.status} {health.read()[:200]!r}")
            print(f"gunicorn workers at the end: {len(stack.workers())}")
            bench.print_verification(bench.verify_submissions(args.db, out, config["before"]))
        finally:
            stack.stop()
            print("logs:", stack.logs)


if __name__ == "__main__":
    main()
