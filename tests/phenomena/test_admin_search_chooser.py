"""Hostile input on the admin list search and the snippet chooser: clear answers, no 500."""

import sys
from pathlib import Path

import pytest
from django.urls import reverse

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "workflows"))

from wf_helpers import SNIPPET  # noqa: E402

from phenomena.models import Phenomenon  # noqa: E402
from tests.factories import PhenomenonFactory

QUOTED_QUERIES = ['" OR 1=1', '"', 'cabai"', '"cabai', '""', '"cabai" "merah']


@pytest.fixture
def approved_cabai(admin_user, province_operator):
    phenomenon = PhenomenonFactory(author=province_operator, title="Harga cabai merah naik")
    phenomenon.get_latest_revision().publish(user=admin_user)
    return phenomenon


@pytest.mark.parametrize("query", QUOTED_QUERIES)
def test_admin_list_search_with_double_quotes_is_a_normal_search(
    client, admin_user, approved_cabai, query
):
    client.force_login(admin_user)
    response = client.get(reverse(f"{SNIPPET}:list"), {"q": query})
    assert response.status_code == 200
    found = list(response.context["object_list"])
    if "cabai" in query:
        assert found == [approved_cabai]
    else:
        assert found == []


def test_admin_list_search_still_finds_by_title(client, admin_user, approved_cabai):
    client.force_login(admin_user)
    response = client.get(reverse(f"{SNIPPET}:list"), {"q": "cabai"})
    assert list(response.context["object_list"]) == [approved_cabai]


@pytest.mark.parametrize("role", ["province_operator", "admin_user"])
def test_chooser_offers_no_creation(client, request, role, phenomenon_form_data):
    client.force_login(request.getfixturevalue(role))
    url = reverse("wagtailsnippetchoosers_phenomena_phenomenon:create")
    assert client.post(url, phenomenon_form_data()).status_code == 404
    assert client.get(url).status_code == 404
    assert not Phenomenon.objects.exists()
