"""Login throttling (django-axes): five wrong passwords lock that username from that address;
an admin (or `manage.py axes_reset_username`) unlocks it."""

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from tests.conftest import PASSWORD

LOGIN = "/admin/login/"


def attempt(client, username, password, ip="10.0.0.7"):
    return client.post(
        LOGIN, {"username": username, "password": password}, REMOTE_ADDR=ip, follow=False
    )


def fail_five_times(client, username, ip="10.0.0.7"):
    for _ in range(5):
        response = attempt(client, username, "salah-sekali", ip)
    return response


def test_right_password_refused_after_five_wrong_ones(client, supervisor):
    fail_five_times(client, supervisor.username)
    response = attempt(client, supervisor.username, PASSWORD)
    assert response.status_code == 429
    page = response.content.decode()
    assert "Login terkunci sementara" in page
    assert "Coba lagi setelah pukul" in page
    assert "hubungi admin SIMFONI" in page.replace("Hubungi", "hubungi")
    assert "_auth_user_id" not in client.session


def test_four_wrong_passwords_do_not_lock(client, supervisor):
    for _ in range(4):
        attempt(client, supervisor.username, "salah-sekali")
    response = attempt(client, supervisor.username, PASSWORD)
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(supervisor.pk)


def test_lock_is_per_username_and_address(client, supervisor, viewer):
    fail_five_times(client, supervisor.username, ip="10.0.0.7")
    # The same account from another address, and another account from the same address, work.
    assert attempt(client, supervisor.username, PASSWORD, ip="10.0.0.8").status_code == 302
    client.logout()
    assert attempt(client, viewer.username, PASSWORD, ip="10.0.0.7").status_code == 302


def test_admin_unlocks_then_login_works(client, admin_user, supervisor):
    fail_five_times(client, supervisor.username)
    admin = Client()
    admin.force_login(admin_user)
    listing = admin.get(reverse("wagtailusers_users:locked"))
    assert listing.status_code == 200
    assert supervisor.username in listing.content.decode()
    assert "Terkunci sampai" in listing.content.decode()
    assert "Login terkunci (1)" in admin.get(reverse("wagtailusers_users:index")).content.decode()
    response = admin.post(
        reverse("wagtailusers_users:locked"),
        {"username": supervisor.username, "ip_address": "10.0.0.7"},
        follow=True,
    )
    assert "Kunci login spv1 dibuka" in response.content.decode()
    assert attempt(client, supervisor.username, PASSWORD).status_code == 302


def test_management_command_unlocks(client, supervisor):
    fail_five_times(client, supervisor.username)
    call_command("axes_reset_username", supervisor.username)
    assert attempt(client, supervisor.username, PASSWORD).status_code == 302


@pytest.mark.parametrize("role", ["supervisor", "viewer", "province_operator"])
def test_only_admins_reach_the_unlock_screen(client, request, supervisor, role):
    fail_five_times(Client(), supervisor.username)
    user = request.getfixturevalue(role)
    client.force_login(user)
    url = reverse("wagtailusers_users:locked")
    assert client.get(url).status_code in (302, 403)
    client.post(url, {"username": supervisor.username, "ip_address": "10.0.0.7"})
    assert attempt(Client(), supervisor.username, PASSWORD).status_code == 429
