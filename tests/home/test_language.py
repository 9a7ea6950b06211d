"""Bahasa Indonesia first, whatever the browser says; English when the user chooses it."""

from django.urls import reverse


def test_indonesian_even_with_english_browser(client, province_operator):
    client.force_login(province_operator)
    response = client.get(
        reverse("wagtailsnippets_phenomena_phenomenon:add"), HTTP_ACCEPT_LANGUAGE="en-US,en"
    )
    html = response.content.decode()
    assert "Judul" in html and "Simpan draf" in html


def test_english_when_chosen_on_the_site(client, province_operator):
    client.force_login(province_operator)
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    response = client.get(reverse("wagtailsnippets_phenomena_phenomenon:add"))
    assert "Save draft" in response.content.decode()


def test_english_from_the_admin_account_setting(client, province_operator):
    from wagtail.users.models import UserProfile

    UserProfile.objects.create(user=province_operator, preferred_language="en")
    client.force_login(province_operator)
    response = client.get(reverse("wagtailsnippets_phenomena_phenomenon:add"))
    assert "Save draft" in response.content.decode()


def test_landing_page_renders_in_indonesian(client, db):
    response = client.get("/")
    assert response.status_code == 200
    assert "Fenomena yang menjelaskan angka statistik" in response.content.decode()
