"""Importing the old spreadsheets: messy sheets, the dry-run report, idempotence."""

import datetime
from pathlib import Path

import pytest
from django.core.management import call_command

from phenomena.models import Phenomenon, Role
from tests.factories import PhenomenonFactory
from transfer import importer
from transfer.models import ImportBatch, ImportedRow

DATA = Path(__file__).parent.parent / "data"
CSV = DATA / "fenomena_lama.csv"
XLSX = DATA / "fenomena_lama.xlsx"


@pytest.fixture
def existing(admin_user):
    """A phenomenon stored before the import, sharing the URL of the sheet's row 8 (without
    its tracking parameter)."""
    return PhenomenonFactory(
        approved=True,
        author=admin_user,
        title="Wisata akhir pekan ramai",
        narrative="Kunjungan ke tempat wisata di akhir pekan ramai sekali menurut pengelola.",
        sources=[
            {
                "outlet": "Kompas.com",
                "url": "https://www.kompas.com/tren/read/2024/10/09/sudah-ada",
            }
        ],
    )


def by_line(report):
    return {row.line: row for row in report.rows}


def test_dry_run_reports_each_row_and_writes_nothing(admin_user, existing):
    before = Phenomenon.objects.count()
    report = importer.run(CSV.read_bytes(), CSV.name, user=admin_user, write=False)
    assert not report.error
    rows = by_line(report)
    print({k: (v.status, v.messages, v.notes) for k, v in rows.items()})
    assert Phenomenon.objects.count() == before
