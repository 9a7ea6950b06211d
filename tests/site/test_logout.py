"""Logging out takes a POST from the site itself: a link (GET) elsewhere cannot log anyone out."""

from django.conf import settings
from django.urls import reverse


def test_get_logout_refused_and_session_kept(client, viewer):
    client.force_login(viewer)
    response = client.get(reverse("wagtailadmin_logout"))
    assert response.status_code == 405
    # The browser keeps its session cookie: no Set-Cookie deleting it.
    cookie = response.cookies.get(settings.SESSION_COOKIE_NAME)
    assert cookie is None or cookie.value
    assert client.get(reverse("dashboard")).status_code == 200


def test_post_without_csrf_token_keeps_session(viewer):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(viewer)
    response = client.post(reverse("wagtailadmin_logout"))
    assert response.status_code == 403
    cookie = response.cookies.get(settings.SESSION_COOKIE_NAME)
    assert cookie is None or cookie.value
    assert client.get(reverse("dashboard")).status_code == 200


def test_post_logs_out(client, viewer):
    client.force_login(viewer)
    response = client.post(reverse("wagtailadmin_logout"))
    assert response.status_code == 302
    assert response.cookies[settings.SESSION_COOKIE_NAME].value == ""
    assert client.get(reverse("dashboard")).status_code == 302


def test_login_with_a_bare_word_as_next_lands_on_the_dashboard(client, make_user):
    from phenomena.models import Role

    user = make_user("pemantau2", Role.VIEWER, "fungsi-ipds")
    client.force_login(user)
    response = client.get(reverse("wagtailadmin_login") + "?next=abc")
    assert response.status_code == 302
    assert response.url == reverse("dashboard")
