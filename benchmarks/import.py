"""Spreadsheet import: dry run and import time of a generated sheet (10,000 rows by default).

    python benchmarks/import.py              # SQLite /tmp/simfoni_bench_import.sqlite3
    python benchmarks/import.py --rows 2000 \
        --database-url postgres://postgres@127.0.0.1:5432/simfoni_bench_import
    python benchmarks/import.py --rows 1000 --profile  # cProfile of the dry run, top 25
    python benchmarks/import.py --rows 2000 --pyinstrument  # pyinstrument trees of dry run, import

Starts from an empty, freshly migrated database (the file is deleted first; a PostgreSQL
database is flushed), creates an admin, writes the sheet with ``tests/data/make_big_sheet.py``
and times, through ``transfer.importer.run``: the dry run, the import (approved, as the admin:
create + publish through ``phenomena.services``), and a second dry run of the same sheet (every
row "already imported"). Prints rows per second, this process's CPU time (steadier than the wall
clock on a shared machine; the PostgreSQL server's own CPU is not in it) and the load average.
"""

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--database-url", default="sqlite:////tmp/simfoni_bench_import.sqlite3")
    parser.add_argument("--profile", action="store_true")
    parser.add_argument(
        "--pyinstrument", action="store_true", help="pyinstrument profiles of dry run and import"
    )
    parser.add_argument("--skip-import", action="store_true")
    args = parser.parse_args()

    if args.database_url.startswith("sqlite:///"):
        Path(args.database_url.removeprefix("sqlite:///")).unlink(missing_ok=True)
    os.environ["DATABASE_URL"] = args.database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "simfoni_site.settings.dev")
    os.environ["Q_SYNC"] = "0"
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    if not args.database_url.startswith("sqlite"):
        call_command("flush", interactive=False, verbosity=0)
        call_command("load_reference", verbosity=0)
    from django.contrib.auth import get_user_model

    from phenomena.models import Phenomenon, Role, WorkUnit
    from phenomena.roles import assign_role
    from tests.data.make_big_sheet import make_sheet
    from transfer import importer

    admin = get_user_model().objects.create_user("bench-admin", password="x")
    assign_role(admin, Role.ADMIN, WorkUnit.objects.get(code="fungsi-ipds"))
    admin = get_user_model().objects.get(pk=admin.pk)
    path = make_sheet(Path(tempfile.mkdtemp()) / "besar.csv", args.rows)
    content = path.read_bytes()
    print(f"sheet: {args.rows:,} rows, {len(content) / 1048576:.1f} MB; db: {args.database_url}")

    def timed(label, **kwargs):
        start, cpu = time.perf_counter(), time.process_time()
        report = importer.run(content, path.name, user=admin, **kwargs)
        seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
        print(
            f"{label:<28} {seconds:8.1f} s  {args.rows / seconds:8.0f} rows/s  "
            f"(this process's CPU {cpu:.1f} s: {args.rows / cpu:.0f} rows/CPU-s)  {report.counts}"
            f"  load {os.getloadavg()[0]:.1f}"
        )
        return report

    if args.pyinstrument:
        from pyinstrument import Profiler

        for label, write in (("dry run", False), ("import (approved)", True)):
            if write and args.skip_import:
                break
            profiler = Profiler()
            with profiler:
                timed(f"{label} (pyinstrument)", write=write)
            print(profiler.output_text(unicode=False, color=False, show_all=False))
        return
    if args.profile:
        import cProfile
        import pstats

        profiler = cProfile.Profile()
        profiler.enable()
        timed("dry run (profiled)", write=False)
        profiler.disable()
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)
        return
    timed("dry run", write=False)
    if args.skip_import:
        return
    timed("import (approved)", write=True)
    print(f"phenomena stored: {Phenomenon.objects.count():,}")
    timed("dry run again (idempotent)", write=False)


if __name__ == "__main__":
    main()
