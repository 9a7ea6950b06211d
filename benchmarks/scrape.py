"""A scraping run end to end against the local portal server: articles per second and memory.

    python benchmarks/scrape.py                        # 5,000 articles, SQLite /tmp/...sqlite3
    python benchmarks/scrape.py --articles 1000
    python benchmarks/scrape.py --database-url postgres://postgres@127.0.0.1:5432/simfoni_bench_scrape

Starts the test suite's portal server (``tests/scrape/scrape_portals.py``, its ``bench`` site: a
sitemap index of ``--articles`` generated Indonesian articles, three topics in four relevant;
the server sets TCP_NODELAY), a freshly migrated database (the SQLite file is deleted first; a
PostgreSQL database is flushed and its reference data reloaded), one enabled sitemap source
with no politeness delay, and runs its part of a run in this process, exactly as the django-q
task does (``scrape.runner.run_part``): discovery (sitemap index and children) → fetch (robots.txt,
size cap, retries) → read → propose (keyword rules) → duplicate check of each kept article
(``phenomena.duplicates.service.check_candidate``) → store, unique by canonical URL.

Prints articles per second (wall clock), articles per CPU-second of this process (steadier on
a shared machine; the server's threads run in this process too, so it is a conservative
figure), the RSS before the run, at intervals as the run grows and at its peak (VmHWM), and the
load average before and after. ``--phenomena N`` stores N approved phenomena first so the
duplicate check has something to search.
"""

import argparse
import os
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "scrape"))


def memory() -> tuple[float, float]:
    """(RSS, peak RSS) of this process in MB, from /proc/self/status."""
    values = {}
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith(("VmRSS:", "VmHWM:")):
                key, kb, _unit = line.split()
                values[key] = int(kb) / 1024
    return values.get("VmRSS:", 0.0), values.get("VmHWM:", 0.0)


def load() -> str:
    return "/".join(f"{x:.2f}" for x in os.getloadavg())


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=5000)
    parser.add_argument("--database-url", default="sqlite:////tmp/simfoni_bench_scrape.sqlite3")
    parser.add_argument("--phenomena", type=int, default=0)
    parser.add_argument("--samples", type=int, default=8, help="RSS lines printed during the run")
    args = parser.parse_args()
    sys.stdout.reconfigure(line_buffering=True)  # lines appear as they come, also in a file

    if args.database_url.startswith("sqlite:///"):
        db_file = Path(args.database_url.removeprefix("sqlite:///"))
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(f"{db_file}{suffix}").unlink(missing_ok=True)
    os.environ["DATABASE_URL"] = args.database_url
    # test settings: DEBUG off (no query log growing with the run); tasks are not queued here
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "simfoni_site.settings.test")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    if not args.database_url.startswith("sqlite"):
        call_command("flush", interactive=False, verbosity=0)
        call_command("load_reference", verbosity=0)

    from scrape_portals import start_server

    from scrape import runner
    from scrape.models import Article, Run, RunSource, Source

    if args.phenomena:
        from tests.factories import PhenomenonFactory

        for _ in range(args.phenomena):
            PhenomenonFactory()

    server = start_server(bench_articles=args.articles)
    source = Source.objects.create(
        name="Bench (lokal)",
        enabled=True,
        discovery=Source.Discovery.SITEMAP,
        start_url=server.url("bench", "/sitemap.xml"),
        delay_seconds=0,
        max_pages=args.articles // 500 + 2,
        max_articles=args.articles,
    )
    run = Run.objects.create()
    part = RunSource.objects.create(run=run, source=source)

    stored = {"n": 0}
    original_store = runner._store

    def counting_store(*a, **kw):
        stored["n"] += 1
        return original_store(*a, **kw)

    runner._store = counting_store
    samples: list[tuple[float, int, float]] = []
    done = threading.Event()
    started = time.perf_counter()

    def sample():
        while not done.wait(0.25):
            rss, _peak = memory()
            samples.append((time.perf_counter() - started, stored["n"], rss))

    rss_before, _ = memory()
    print(
        f"{args.articles:,} articles on {server.url('bench', '/sitemap.xml')}; "
        f"db {args.database_url}; RSS before {rss_before:.0f} MB; load {load()}"
    )
    sampler = threading.Thread(target=sample, daemon=True)
    cpu = time.process_time()
    started = time.perf_counter()
    sampler.start()
    runner.run_part(part.pk)
    seconds = time.perf_counter() - started
    cpu = time.process_time() - cpu
    done.set()
    sampler.join()
    server.stop()
    runner._store = original_store

    part.refresh_from_db()
    rss_after, peak = memory()
    n = part.fetched
    print(
        f"run: {part.get_status_display()}; found {part.found:,}, fetched {n:,}, kept {part.kept:,}"
        f" (each duplicate-checked), duplicate {part.duplicate}, errors {part.errors}"
        f"{'; ' + part.message if part.message else ''}"
    )
    print(
        f"{seconds:.1f} s: {n / seconds:.0f} articles/s end to end; "
        f"CPU {cpu:.1f} s: {n / cpu:.0f} articles per CPU-second"
    )
    print(f"RSS before {rss_before:.0f} MB, after {rss_after:.0f} MB, peak {peak:.0f} MB")
    step = max(1, len(samples) // args.samples)
    for at, count, rss in samples[step - 1 :: step]:
        print(f"  {at:6.1f} s  {count:>6,} articles  RSS {rss:5.0f} MB")
    print(f"load average after: {load()} ({os.cpu_count()} cores)")
    assert Article.objects.filter(source=source).count() == n


if __name__ == "__main__":
    main()
