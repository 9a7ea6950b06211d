"""Refill the PostgreSQL search table (search/engines/pgtable.py) from the approved phenomena."""

import time

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction

from search.engines import pgtable


class Command(BaseCommand):
    help = "Isi ulang tabel pencarian PostgreSQL dari semua fenomena yang disetujui."

    def add_arguments(self, parser):
        parser.add_argument("--chunk", type=int, default=2000)

    def handle(self, *args, chunk, **options):
        if connection.vendor != "postgresql":
            raise CommandError(
                "Tabel pencarian hanya dipakai di PostgreSQL; di basis data lain gunakan "
                "manage.py update_index."
            )
        start = time.perf_counter()

        def progress(done, total):
            rate = done / max(time.perf_counter() - start, 1e-6)
            self.stdout.write(f"  {done:,}/{total:,} fenomena ({rate:,.0f}/detik)")

        with transaction.atomic(), connection.cursor() as cursor:
            pgtable.create_table(cursor)
            done = pgtable.rebuild(cursor, chunk=chunk, progress=progress)
        from search.facets import bump_generation

        bump_generation()
        self.stdout.write(
            self.style.SUCCESS(
                f"Tabel pencarian berisi {done:,} fenomena ({time.perf_counter() - start:.1f} s)."
            )
        )
