"""What the API shows: approved phenomena only (their approved version), as /cari/ finds
them, with no personal data; and HTTP done properly (ETag, Last-Modified, gzip)."""

import gzip
import json

from phenomena.models import Outlet, Phenomenon, Role, SourceType, Subject
from search.params import parse_params
from search.service import run_search
from tests.factories import PhenomenonFactory, last_month


def _ids(response):
    assert response.status_code == 200, response.content
    return [row["id"] for row in response.json()["results"]]


def test_drafts_pending_and_rejected_never_appear(api, make_user):
    author = make_user("penulis.api", Role.OPERATOR, "fungsi-sosial-2")
    shown = PhenomenonFactory(published=True, author=author, title="Harga beras naik tajam")
    hidden = [
        PhenomenonFactory(author=author, title="Draf beras belum diajukan"),
        PhenomenonFactory(in_review=True, author=author, title="Beras dalam review"),
        PhenomenonFactory(rejected=True, author=author, title="Beras ditolak supervisor"),
    ]
    assert _ids(api("/api/v1/phenomena/")) == [shown.pk]
    assert _ids(api("/api/v1/phenomena/", {"q": "beras"})) == [shown.pk]
    for phenomenon in hidden:
        response = api(f"/api/v1/phenomena/{phenomenon.pk}/")
        assert response.status_code == 404
        assert response.json()["message"] == "Fenomena tidak ditemukan."
    sync = api("/api/v1/phenomena/", {"updated_since": "2000-01-01T00:00:00Z"})
    assert _ids(sync) == [shown.pk]


def test_pending_edit_of_an_approved_phenomenon_serves_the_approved_version(api):
    phenomenon = PhenomenonFactory(published=True, title="Tarif angkutan naik", with_sources=True)
    live = Phenomenon.objects.get(pk=phenomenon.pk)
    live.title = "Judul suntingan yang belum disetujui"
    live.narrative = "Narasi suntingan yang belum disetujui."
    live.sources.all()[0].url = "https://contoh.test/belum-disetujui"
    revision = live.save_revision()
    assert Phenomenon.objects.get(pk=phenomenon.pk).has_unpublished_changes
    detail = api(f"/api/v1/phenomena/{phenomenon.pk}/").json()
    assert detail["title"] == "Tarif angkutan naik"
    assert "belum disetujui" not in json.dumps(detail)
    listing = api("/api/v1/phenomena/", {"q": "suntingan"})
    assert _ids(listing) == []
    # Approved: the new version is served.
    revision.publish()
    assert api(f"/api/v1/phenomena/{phenomenon.pk}/").json()["title"] == live.title


def test_detail_has_sources_indicators_direction_and_no_personal_data(api, make_user):
    author = make_user(
        "rahasia.operator", Role.OPERATOR, "fungsi-sosial-2", first_name="Siti", last_name="Rahayu"
    )
    phenomenon = PhenomenonFactory(
        published=True,
        author=author,
        title="Harga cabai merah naik",
        with_sources=True,
        with_indicators=True,
        with_keywords=True,
    )
    detail = api(f"/api/v1/phenomena/{phenomenon.pk}/").json()
    assert [s["primary"] for s in detail["sources"]] == [True, False]
    assert detail["sources"][0]["outlet"]["label"] == "Kompas.com"
    assert detail["indicators"][0]["direction"] == "naik"
    assert detail["keywords"] == ["cabai merah", "inflasi"]
    assert detail["url"].endswith(f"/fenomena/{phenomenon.pk}/")
    pages = [
        f"/api/v1/phenomena/{phenomenon.pk}/",
        "/api/v1/phenomena/?facets=true",
        "/api/v1/phenomena/?updated_since=2000-01-01T00:00:00Z",
        "/api/v1/phenomena/removed/?since=2000-01-01T00:00:00Z",
        "/api/v1/subjects/",
        "/api/v1/themes/",
        "/api/v1/scopes/",
        "/api/v1/source-types/",
        "/api/v1/outlets/",
        "/api/v1/indicators/",
        "/api/v1/releases/",
    ]
    for page in pages:
        text = api(page).content.decode().lower()
        for secret in ("rahasia.operator", "@bps.test", "siti", "rahayu", "author", "email"):
            assert secret not in text, (page, secret)


def test_list_agrees_with_the_search_page(api, viewer):
    news = SourceType.objects.get(code="portal_berita")
    kompas = Outlet.objects.get(name="Kompas.com")
    for i in range(7):
        extra = {"sources": [("portal_berita", "Kompas.com", last_month(i + 1))]} if i % 2 else {}
        PhenomenonFactory(published=True, title=f"Harga cabai merah naik {i}", **extra)
    PhenomenonFactory(published=True, title="Pariwisata ramai", theme="Pariwisata")
    query = {"q": "cabai", "source_type": [news.pk], "outlet": [kompas.pk], "sort": "date_desc"}
    site = run_search(parse_params(query), viewer)
    response = api("/api/v1/phenomena/", {**query, "facets": "true"})
    assert _ids(response) == [p.pk for p in site.hits]
    body = response.json()
    assert body["count"] == site.total == 3
    outlet_facet = {f["value"]: f for f in body["facets"]["outlet"]}
    assert outlet_facet[kompas.pk]["selected"] and outlet_facet[kompas.pk]["count"] == 3
    subject = Subject.objects.get(code="ekonomi")
    assert subject.pk in {f["value"] for f in body["facets"]["subject"]}


def test_cursor_pagination_walks_every_result_once(api):
    made = {PhenomenonFactory(published=True, title=f"Fenomena urut {i}").pk for i in range(7)}
    seen, url, pages = [], "/api/v1/phenomena/?limit=3", 0
    while url:
        body = api(url).json()
        seen += [row["id"] for row in body["results"]]
        url = body["next"]
        pages += 1
        assert body["count"] == 7
    assert pages == 3 and sorted(seen) == sorted(made) and len(seen) == 7
    # A cursor belongs to its query.
    first = api("/api/v1/phenomena/?limit=3").json()
    response = api("/api/v1/phenomena/", {"limit": 3, "q": "lain", "cursor": first["next_cursor"]})
    assert response.status_code == 400


def test_etag_last_modified_and_gzip(api):
    phenomenon = PhenomenonFactory(published=True, with_sources=True, with_indicators=True)
    url = f"/api/v1/phenomena/{phenomenon.pk}/"
    first = api(url)
    etag, modified = first["ETag"], first["Last-Modified"]
    assert etag and modified
    assert api(url, HTTP_IF_NONE_MATCH=etag).status_code == 304
    assert api(url, HTTP_IF_MODIFIED_SINCE=modified).status_code == 304
    listing = api("/api/v1/phenomena/?facets=true")
    again = api("/api/v1/phenomena/?facets=true", HTTP_IF_NONE_MATCH=listing["ETag"])
    assert again.status_code == 304 and again.content == b""
    # A change gives a new ETag.
    revision = phenomenon.save_revision()
    phenomenon.title = "Judul baru yang disetujui"
    revision = phenomenon.save_revision()
    revision.publish()
    assert api(url, HTTP_IF_NONE_MATCH=etag).status_code == 200
    zipped = api("/api/v1/phenomena/?facets=true", HTTP_ACCEPT_ENCODING="gzip")
    assert zipped["Content-Encoding"] == "gzip"
    assert json.loads(gzip.decompress(zipped.content))["count"] == 1
    # The HTML site is not gzipped by this middleware (BREACH).
    assert api("/admin/login/", HTTP_ACCEPT_ENCODING="gzip").get("Content-Encoding") is None


def test_reference_data_and_release_calendar(api):
    from phenomena.models import Indicator, ReleaseDate

    subjects = api("/api/v1/subjects/").json()
    assert {s["code"] for s in subjects} == set(Subject.objects.values_list("code", flat=True))
    areas = [s for s in api("/api/v1/scopes/").json() if s["parent_id"]]
    assert areas
    indicator = Indicator.objects.order_by("pk").first()
    ReleaseDate.objects.create(indicator=indicator, date="2030-01-02")
    ReleaseDate.objects.create(indicator=indicator, date="2030-03-02")
    rows = api("/api/v1/releases/", {"from": "2030-01-01", "to": "2030-02-01"}).json()
    assert rows == [
        {
            "date": "2030-01-02",
            "indicator": {"id": indicator.pk, "slug": indicator.slug, "name": indicator.name},
        }
    ]


def test_cors_for_configured_origins_only(api, settings):
    settings.CORS_ALLOWED_ORIGINS = ["https://dasbor.contoh.go.id"]
    allowed = api("/api/v1/subjects/", HTTP_ORIGIN="https://dasbor.contoh.go.id")
    assert allowed["Access-Control-Allow-Origin"] == "https://dasbor.contoh.go.id"
    other = api("/api/v1/subjects/", HTTP_ORIGIN="https://lain.example")
    assert "Access-Control-Allow-Origin" not in other


def test_list_answers_match_the_documented_schema_and_the_detail(api):
    """The list renders its JSON without ninja's per-item re-validation (for speed): its
    answers still have exactly the documented fields, validate against the schema, and
    each item equals the detail answer, which ninja validates and renders."""
    from api import schemas

    made = [
        PhenomenonFactory(
            published=True, with_sources=True, with_indicators=True, with_keywords=True
        )
        for _ in range(3)
    ]
    for params in ({"facets": "true"}, {"updated_since": "2000-01-01T00:00:00Z"}):
        body = api("/api/v1/phenomena/", params).json()
        assert list(body) == list(schemas.PhenomenonList.model_fields)
        schemas.PhenomenonList.model_validate(body)
        assert sorted(row["id"] for row in body["results"]) == sorted(p.pk for p in made)
        for row in body["results"]:
            assert list(row) == list(schemas.Phenomenon.model_fields)
            assert row["sources"] and row["indicators"] and row["keywords"]
            assert row == api(f"/api/v1/phenomena/{row['id']}/").json()
