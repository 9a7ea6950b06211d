from django.core.management.base import BaseCommand

from home import dashboard, rollup


class Command(BaseCommand):
    help = (
        "Hitung ulang tabel ringkasan dasbor (per hari × subjek/penulis/unit kerja × wilayah × "
        "status) dari seluruh fenomena. Aman dijalankan berulang kali."
    )

    def handle(self, *args, **options):
        result = rollup.rebuild()
        dashboard.invalidate()
        self.stdout.write(
            f"Ringkasan dasbor dibangun ulang: {result['subject_cells']} sel subjek, "
            f"{result['contributor_cells']} sel kontributor."
        )
