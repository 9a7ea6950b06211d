"""No input lost, server side: a form sent again is stored once; the ping and the list page."""

import pytest
from django.urls import reverse

from offline.models import ReceivedForm
from offline.receipts import SAVED_PARAM, TOKEN_FIELD, storage_key
from phenomena.models import Phenomenon

ADD_URL = "wagtailsnippets_phenomena_phenomenon:add"
TOKEN = "3f2a9c0d1e4b5a6978c0d1e2f3a4b5c6"


def other_form(phenomenon_form_data, **fields):
    """A second, unrelated phenomenon (not a near duplicate of the first)."""
    data = phenomenon_form_data(
        title="Okupansi hotel berbintang di Jakarta Pusat turun pada musim hujan",
        narrative="Tingkat hunian hotel bintang tiga sampai lima turun delapan persen.",
        **fields,
    )
    data["sources-0-url"] = "https://travel.kompas.com/read/2026/10/02/okupansi-hotel-turun"
    return data


def post(client, user, data, **headers):
    client.force_login(user)
    return client.post(reverse(ADD_URL), data, **headers)


@pytest.fixture
def sent(phenomenon_form_data):
    return phenomenon_form_data(**{TOKEN_FIELD: TOKEN})


def test_a_form_sent_twice_is_stored_once(client, province_operator, sent):
    first = post(client, province_operator, sent)
    assert first.status_code == 302
    phenomenon = Phenomenon.objects.get()
    assert f"{SAVED_PARAM}={TOKEN}" in first["Location"]
    receipt = ReceivedForm.objects.get()
    assert (receipt.user, receipt.token, receipt.phenomenon) == (
        province_operator,
        TOKEN,
        phenomenon,
    )

    again = post(client, province_operator, sent)
    assert Phenomenon.objects.count() == 1
    edit = reverse("wagtailsnippets_phenomena_phenomenon:edit", args=[phenomenon.pk])
    assert again.status_code == 302
    assert again["Location"] == f"{edit}?{SAVED_PARAM}={TOKEN}"
    page = client.get(again["Location"])
    assert "sudah diterima sebelumnya" in page.content.decode()


def test_without_a_token_each_form_is_new(client, province_operator, phenomenon_form_data):
    post(client, province_operator, phenomenon_form_data())
    post(client, province_operator, other_form(phenomenon_form_data))
    assert Phenomenon.objects.count() == 2
    assert not ReceivedForm.objects.exists()


def test_a_refused_form_leaves_no_receipt_and_can_be_sent_again(client, province_operator, sent):
    refused = post(client, province_operator, {**sent, "reference_period": "bulan lalu"})
    assert refused.status_code == 200
    assert not ReceivedForm.objects.exists()
    assert post(client, province_operator, sent).status_code == 302
    assert Phenomenon.objects.count() == 1


def test_a_malformed_token_is_ignored(client, province_operator, phenomenon_form_data):
    response = post(client, province_operator, phenomenon_form_data(**{TOKEN_FIELD: "<x>"}))
    assert response.status_code == 302
    assert SAVED_PARAM not in response["Location"]
    assert not ReceivedForm.objects.exists()


def test_another_users_token_is_not_theirs(
    client, province_operator, make_user, sent, phenomenon_form_data
):
    from phenomena.models import Role

    post(client, province_operator, sent)
    other = make_user("opsos2b", Role.OPERATOR, "fungsi-sosial-2")
    response = post(client, other, other_form(phenomenon_form_data, **{TOKEN_FIELD: TOKEN}))
    assert response.status_code == 302
    assert Phenomenon.objects.count() == 2  # the other user's form is their own
    assert set(Phenomenon.objects.values_list("author__username", flat=True)) == {
        province_operator.username,
        "opsos2b",
    }


def test_an_autosave_resend_gets_a_json_refusal(client, province_operator, sent):
    post(client, province_operator, sent)
    response = post(client, province_operator, sent, HTTP_ACCEPT="application/json")
    assert response.status_code == 409
    assert response.json()["error_code"] == "already_received"
    assert Phenomenon.objects.count() == 1


def test_the_edit_page_after_a_save_names_the_token(
    client, province_operator, sent, phenomenon_form_data
):
    post(client, province_operator, sent)
    phenomenon = Phenomenon.objects.get()
    edit = reverse("wagtailsnippets_phenomena_phenomenon:edit", args=[phenomenon.pk])
    page = client.get(edit)
    data = {
        **phenomenon_form_data(),
        "title": "Harga cabai merah naik tajam menjelang akhir tahun",
        "loaded_revision_id": page.context["loaded_revision_id"] or "",
        "loaded_revision_created_at": page.context["loaded_revision_created_at"] or "",
        TOKEN_FIELD: "a" * 32,
    }
    response = client.post(edit, data)
    assert response.status_code == 302
    assert f"{SAVED_PARAM}={'a' * 32}" in response["Location"]
    phenomenon.refresh_from_db()
    assert phenomenon.title == "Harga cabai merah naik tajam menjelang akhir tahun"


def test_ping_answers_signed_in_users_only(client, viewer):
    url = reverse("offline_ping")
    response = client.get(url)
    assert response.status_code == 302
    assert "/login/" in response["Location"]
    client.force_login(viewer)
    response = client.get(url)
    assert response.status_code == 200
    assert response.json()["ok"] is True
    assert response.json()["csrf"]
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.parametrize(
    "role_fixture, allowed",
    [
        ("province_operator", True),
        ("kabkota_operator", True),
        ("admin_user", True),
        ("supervisor", False),
        ("viewer", False),
    ],
)
def test_the_list_page_and_menu_are_for_those_who_input(db, client, request, role_fixture, allowed):
    user = request.getfixturevalue(role_fixture)
    client.force_login(user)
    response = client.get(reverse("offline_drafts"))
    if allowed:
        assert response.status_code == 200
    else:  # Wagtail's admin answers a refusal with a redirect to its home and a message
        assert response.status_code in (302, 403)
        assert "data-isian-list" not in response.content.decode()
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert (reverse("offline_drafts") in home) is allowed
    assert ("offline/isian.js" in home) is allowed


def test_each_user_has_an_own_storage_key(client, province_operator, kabkota_operator):
    first, second = storage_key(province_operator), storage_key(kabkota_operator)
    assert first != second
    client.force_login(province_operator)
    page = client.get(reverse("offline_drafts")).content.decode()
    assert f'data-isian-key="{first}"' in page
    assert second not in page
