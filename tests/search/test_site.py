"""The viewer site: /cari/, its exports and /fenomena/<id>/, through the Django test client."""

import csv
import datetime
import io
from urllib.parse import parse_qs, urlparse

import openpyxl
import pytest

from phenomena.models import Scope
from tests.search.conftest import SearchPhenomenonFactory, refresh_index

pytestmark = pytest.mark.usefixtures("search_backend")


def xlsx_rows(response):
    workbook = openpyxl.load_workbook(io.BytesIO(response.content))
    return [list(row) for row in workbook["Fenomena"].iter_rows(values_only=True)]


def csv_rows(response):
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def test_anonymous_users_are_sent_to_login(client):
    for url in ("/cari/", "/cari/export.csv", "/fenomena/1/"):
        response = client.get(url)
        assert response.status_code == 302
        assert "/admin/login/" in response["Location"]


def test_viewer_search_page_shows_results_and_facets(client, viewer, db):
    SearchPhenomenonFactory(
        title="Harga beras naik",
        narrative="Beras medium naik di Pasar Induk Cipinang.",
        area="3172",
    )
    client.force_login(viewer)
    response = client.get("/cari/", {"q": "beras"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Harga beras naik" in html
    assert "Jakarta Timur" in html  # the kab/kota facet
    assert '<a href="/cari/">Cari</a>' in html  # the site navigation links to search


def test_draft_detail_is_404_and_approved_detail_has_everything(client, viewer, db):
    draft = SearchPhenomenonFactory(title="Draf rahasia", narrative="Belum disetujui.", draft=True)
    shown = SearchPhenomenonFactory(
        title="Okupansi hotel naik",
        narrative="Tingkat hunian hotel bintang naik saat libur sekolah.",
        keywords=["hotel", "libur sekolah"],
        sources=(
            ("portal_berita", "Kompas.com", datetime.date(2024, 5, 10)),
            ("siaran_pers", None, datetime.date(2024, 5, 12)),
        ),
    )
    sibling = SearchPhenomenonFactory(title="Harga tiket pesawat naik", narrative="Libur sekolah.")
    other_period = SearchPhenomenonFactory(
        title="Fenomena bulan lain", narrative="x", reference_period=datetime.date(2024, 1, 1)
    )
    client.force_login(viewer)
    assert client.get(f"/fenomena/{draft.pk}/").status_code == 404
    assert client.get("/fenomena/999999/").status_code == 404
    html = client.get(f"/fenomena/{shown.pk}/").content.decode()
    for text in (
        "Okupansi hotel naik",
        "Tingkat hunian hotel bintang naik",
        "Mei 2024",
        "Kompas.com",
        "https://contoh.test/berita/",
        "Siaran Pers",
        "Perkembangan IHK (Inflasi)",
        "Naik",
        "libur sekolah",
        "Harga tiket pesawat naik",  # related: same theme and period
    ):
        assert text in html, text
    assert other_period.title not in html
    assert draft.title not in html
    assert sibling.pk != shown.pk


def test_exports_parse_back_and_hold_no_drafts(client, viewer, db):
    SearchPhenomenonFactory(title="Harga beras draf", narrative="Harga beras naik.", draft=True)
    for i in range(3):
        SearchPhenomenonFactory(
            title=f"Harga beras {i}", narrative="Harga beras naik.", keywords=["beras"]
        )
    refresh_index()
    client.force_login(viewer)
    rows = csv_rows(client.get("/cari/export.csv", {"q": "beras", "sort": "period_desc"}))
    assert rows[0][:3] == ["ID", "Judul", "Narasi"]
    assert sorted(r[1] for r in rows[1:]) == ["Harga beras 0", "Harga beras 1", "Harga beras 2"]
    response = client.get("/cari/export.xlsx", {"q": "beras"})
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    rows = xlsx_rows(response)
    assert rows[0][1] == "Judul" and len(rows) == 4
    assert all("draf" not in row[1] for row in rows[1:])
    assert rows[1][13] == "beras"


def test_export_is_capped_and_says_so(client, viewer, settings, monkeypatch, db):
    for i in range(4):
        SearchPhenomenonFactory(title=f"Harga cabai {i}", narrative="Harga cabai naik.")
    refresh_index()
    monkeypatch.setattr("search.service.EXPORT_MAX_ROWS", 2)
    client.force_login(viewer)
    response = client.get("/cari/export.csv", {"q": "cabai"})
    rows = csv_rows(response)
    assert len([r for r in rows[1:] if r and r[0].isdigit()]) == 2
    assert "Hanya 2 dari 4" in rows[-1][0]
    workbook = openpyxl.load_workbook(
        io.BytesIO(client.get("/cari/export.xlsx", {"q": "cabai"}).content)
    )
    notes = [row for row in workbook["Keterangan"].iter_rows(values_only=True)]
    assert any("Hanya 2 dari 4" in str(row[1]) for row in notes)


@pytest.mark.parametrize(
    "query",
    ["", "a" * 5000, '"', "harga AND (", "'; DROP TABLE x; --", "title:x^2 [* TO *]"],
)
def test_bad_queries_give_a_page_not_an_error(client, viewer, query, db):
    SearchPhenomenonFactory(title="Harga beras naik", narrative="Harga beras naik.")
    client.force_login(viewer)
    for url in ("/cari/", "/cari/export.csv"):
        assert client.get(url, {"q": query}).status_code == 200


def test_bad_parameters_are_explained(client, viewer):
    client.force_login(viewer)
    response = client.get(
        "/cari/",
        {"area": "x", "period_from": "2024-13", "date_to": "kemarin", "sort": "acak", "page": "-5"},
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "tidak dikenali" in html


def test_viewer_finds_narrows_sorts_exports_and_opens(client, viewer, db):
    """End to end: a word of the narrative, kab/kota and month, sort, XLSX, detail page."""
    target = SearchPhenomenonFactory(
        title="Pasokan sayur terganggu",
        narrative="Banjir rob di Penjaringan membuat distribusi sayur mayur tersendat.",
        area="3175",
        reference_period=datetime.date(2024, 2, 1),
    )
    SearchPhenomenonFactory(
        title="Banjir rob di Cilincing",
        narrative="Banjir rob merendam permukiman.",
        area="3175",
        reference_period=datetime.date(2024, 3, 1),
    )
    SearchPhenomenonFactory(
        title="Banjir di Jakarta Timur",
        narrative="Banjir rob tidak terjadi, hujan deras saja.",
        area="3172",
        reference_period=datetime.date(2024, 2, 1),
    )
    refresh_index()
    client.force_login(viewer)

    page = client.get("/cari/", {"q": "banjir"})
    assert page.context["result"].total == 3
    # Narrow by kab/kota through its facet link, then by month through the period facet.
    north = Scope.objects.get(code="3175").pk
    area_link = next(
        item["url"]
        for group in page.context["facet_groups"]
        if group["name"] == "area"
        for item in group["items"]
        if item["facet"].value == north
    )
    page = client.get("/cari/" + area_link)
    assert page.context["result"].total == 2
    month_link = next(
        item["url"]
        for group in page.context["facet_groups"]
        if group["name"] == "period"
        for item in group["items"]
        if item["facet"].value == datetime.date(2024, 2, 1)
    )
    page = client.get("/cari/" + month_link)
    result = page.context["result"]
    assert [h.pk for h in result.hits] == [target.pk]
    state = parse_qs(urlparse(month_link).query)
    assert state["q"] == ["banjir"] and state["area"] == [str(north)]
    assert state["period_from"] == state["period_to"] == ["2024-02"]

    page = client.get("/cari/", {**state, "sort": "date_desc"})
    assert [h.pk for h in page.context["result"].hits] == [target.pk]
    rows = xlsx_rows(client.get("/cari/export.xlsx", {**state, "sort": "date_desc"}))
    assert [row[1] for row in rows[1:]] == ["Pasokan sayur terganggu"]
    detail = client.get(f"/fenomena/{target.pk}/")
    assert detail.status_code == 200
    assert "Penjaringan" in detail.content.decode()
