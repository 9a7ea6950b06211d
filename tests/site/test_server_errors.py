"""A server error is a page in the user's language; while the database cannot be reached the
answer is 503 with Retry-After (a PostgreSQL restart), JSON under /api/."""

from unittest import mock

import pytest
from django.db import OperationalError, ProgrammingError
from django.test import Client

from api.models import ApiKey
from tests.factories import ViewerFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def viewer_client():
    client = Client(raise_request_exception=False)
    client.force_login(ViewerFactory())
    return client


def failing_search(exc):
    return mock.patch("search.views.run_search", side_effect=exc)


def test_database_down_answers_503_with_retry_after(viewer_client):
    refused = OperationalError('connection to server at "127.0.0.1", port 5432 failed')
    with failing_search(refused):
        response = viewer_client.get("/cari/", {"q": "beras"})
    assert response.status_code == 503
    assert response["Retry-After"] == "5"
    html = response.content.decode()
    assert "Layanan sedang tidak tersedia" in html
    assert "tidak dapat menjangkau basis datanya" in html
    assert "Internal server error" not in html and "Sorry" not in html


def test_a_cause_chain_ending_in_a_lost_connection_is_also_503(viewer_client):
    try:
        try:
            raise OperationalError("server closed the connection unexpectedly")
        except OperationalError as lost:
            raise RuntimeError("while rendering the facets") from lost
    except RuntimeError as wrapped:
        error = wrapped
    with failing_search(error):
        response = viewer_client.get("/cari/")
    assert response.status_code == 503


@pytest.mark.parametrize("exc", [ValueError("bug"), ProgrammingError("column does not exist")])
def test_any_other_error_is_a_500_page_in_indonesian(viewer_client, exc):
    with failing_search(exc):
        response = viewer_client.get("/cari/")
    assert response.status_code == 500
    assert "Retry-After" not in response
    html = response.content.decode()
    assert "Kesalahan server" in html and "hubungi admin SIMFONI" in html
    assert "Internal server error" not in html


def test_english_users_read_it_in_english(viewer_client):
    viewer_client.cookies["django_language"] = "en"
    with failing_search(OperationalError("refused")):
        response = viewer_client.get("/cari/", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 503
    assert "Service unavailable" in response.content.decode()


def test_the_api_answers_json_503_with_retry_after(db):
    key = ApiKey(name="Dasbor uji")
    raw = key.issue()
    key.save()
    client = Client(raise_request_exception=False)
    with mock.patch("api.api.run_search", side_effect=OperationalError("refused")):
        response = client.get("/api/v1/phenomena/", HTTP_X_API_KEY=raw)
    assert response.status_code == 503
    assert response["Retry-After"] == "5"
    assert response["Content-Type"].startswith("application/json")
    assert "basis data" in response.json()["message"]
