"""Single sign-on end to end: SIMFONI (Django's test client) against a real OpenID Connect
provider (django-oauth-toolkit in another process, reached over HTTP by mozilla-django-oidc)."""

from urllib.parse import parse_qs, urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.contrib.messages import get_messages
from notifications.models import Notification
from wagtail.models import ModelLogEntry

from accounts import audit
from accounts.models import StaffIdentity
from phenomena.models import Role, WorkUnit
from tests.factories import UserFactory

User = get_user_model()
pytestmark = pytest.mark.django_db


def signed_in_user(client):
    response = client.get("/admin/")
    return response.wsgi_request.user if response.status_code == 200 else None


def messages_of(response):
    return [str(m) for m in get_messages(response.wsgi_request)]


def test_login_page_offers_sso_only_when_configured(client, settings):
    settings.OIDC_RP_CLIENT_ID = ""
    assert "Masuk dengan SSO BPS" not in client.get("/admin/login/").content.decode()
    assert client.get("/sso/masuk/").status_code == 404


def test_login_page_offers_sso_beside_the_local_form(client, sso):
    page = client.get("/admin/login/").content.decode()
    assert "Masuk dengan SSO BPS" in page
    assert 'name="password"' in page  # local accounts keep working


def test_existing_account_matched_by_staff_id(client, provider_browser, sso_login):
    user = UserFactory(username="andi.p", email="andi.lama@bps.go.id", role=Role.OPERATOR)
    StaffIdentity.objects.create(user=user, staff_id="198001012005011001")

    response = sso_login(client, "andi")

    assert response.status_code == 302
    assert response["Location"] == "/dashboard/" or response["Location"].endswith("/")
    assert signed_in_user(client) == user
    entry = ModelLogEntry.objects.filter(action=audit.LOGIN, object_id=str(user.pk)).get()
    assert entry.data["method"] == "sso"


def test_existing_account_matched_by_email_gets_its_staff_id(client, provider_browser, sso_login):
    user = UserFactory(username="citra", email="Citra@bps.go.id", role=Role.VIEWER)

    sso_login(client, "citra")

    assert signed_in_user(client) == user
    assert user.staff_identity.staff_id == "199203042015022002"


def test_first_login_waits_for_approval_then_admin_approves(client, provider_browser, sso_login):
    admin = UserFactory(username="admin1", role=Role.ADMIN)

    response = sso_login(client, "dewi")

    assert response.status_code == 302 and response["Location"] == "/sso/menunggu-persetujuan/"
    page = client.get(response["Location"]).content.decode()
    assert "menunggu persetujuan" in page and "Dewi Anggraini" in page
    assert signed_in_user(client) is None  # not signed in while waiting
    new = User.objects.get(email="dewi@bps.go.id")
    assert not new.is_active and not new.groups.exists()
    assert new.staff_identity.staff_id == "198507072010012003"
    assert new.staff_identity.awaiting_approval
    note = Notification.objects.get(recipient=admin)
    assert note.data["kind"] == "account_request"

    # A second try still waits (no account created twice).
    again = sso_login(client, "dewi")
    assert again["Location"] == "/sso/menunggu-persetujuan/"
    assert User.objects.filter(email="dewi@bps.go.id").count() == 1

    # The admin gives exactly one role and one work unit.
    admin_client = client_class_for(admin)
    unit = WorkUnit.objects.get(code="bps-3172")
    listing = admin_client.get("/admin/akun/persetujuan/").content.decode()
    assert "dewi@bps.go.id" in listing
    approve = admin_client.post(
        f"/admin/akun/persetujuan/{new.pk}/", {"role": Role.OPERATOR, "work_unit": unit.pk}
    )
    assert approve.status_code == 302
    new.refresh_from_db()
    assert new.is_active and not new.staff_identity.awaiting_approval
    assert list(new.groups.values_list("name", flat=True)) == [Role.OPERATOR]
    assert new.simfoni_profile.work_unit == unit
    told = [n.data["kind"] for n in Notification.objects.filter(recipient=new)]
    assert told == ["account_approved"]
    actions = set(
        ModelLogEntry.objects.filter(object_id=str(new.pk)).values_list("action", flat=True)
    )
    assert {audit.APPROVED, audit.ROLE} <= actions

    # Now SSO signs her in.
    client.logout()
    sso_login(client, "dewi")
    assert signed_in_user(client) == new


def client_class_for(user):
    from django.test import Client

    c = Client()
    c.force_login(user)
    return c


def test_admin_approval_requires_a_valid_role_and_unit(client, provider_browser, sso_login):
    admin = UserFactory(username="admin1", role=Role.ADMIN)
    sso_login(client, "dewi")
    new = User.objects.get(email="dewi@bps.go.id")
    admin_client = client_class_for(admin)
    kabkota = WorkUnit.objects.get(code="bps-3172")

    response = admin_client.post(
        f"/admin/akun/persetujuan/{new.pk}/", {"role": Role.ADMIN, "work_unit": kabkota.pk}
    )

    assert response.status_code == 200
    assert "Admin hanya ada di tingkat provinsi." in response.content.decode()
    new.refresh_from_db()
    assert not new.is_active and not new.groups.exists()
    # An operator cannot approve anyone.
    operator = UserFactory(username="op1", role=Role.OPERATOR)
    refused = client_class_for(operator).post(
        f"/admin/akun/persetujuan/{new.pk}/", {"role": Role.VIEWER, "work_unit": kabkota.pk}
    )
    assert refused.status_code in (302, 403)
    new.refresh_from_db()
    assert not new.is_active


def test_disabled_account_cannot_sign_in_with_sso(client, provider_browser, sso_login):
    user = UserFactory(username="andi", email="andi@bps.go.id", role=Role.OPERATOR)
    StaffIdentity.objects.create(user=user, staff_id="198001012005011001")
    user.is_active = False
    user.save()

    response = sso_login(client, "andi")

    assert response["Location"] == "/admin/login/"
    assert "Akun Anda dinonaktifkan" in " ".join(messages_of(response))
    assert signed_in_user(client) is None
    failed = ModelLogEntry.objects.get(action=audit.LOGIN_FAILED, object_id=str(user.pk))
    assert failed.data["reason"] == "disabled"


def test_account_disabled_after_sso_login_loses_its_session(client, sso_login):
    user = UserFactory(username="andi", email="andi@bps.go.id", role=Role.OPERATOR)
    sso_login(client, "andi")
    assert signed_in_user(client) == user

    user.is_active = False
    user.save()

    assert signed_in_user(client) is None


def test_bad_state_is_refused(client, provider_browser):
    UserFactory(username="andi", email="andi@bps.go.id", role=Role.OPERATOR)
    start = client.get("/sso/masuk/")
    back = provider_browser.authorize(start["Location"], "andi")
    query = parse_qs(urlsplit(back).query)

    response = client.get("/sso/callback/", {"code": query["code"][0], "state": "keadaan-palsu"})

    assert response.status_code == 302 and response["Location"] == "/admin/login/"
    assert "Masuk dengan SSO BPS gagal" in " ".join(messages_of(response))
    assert signed_in_user(client) is None


def test_callback_from_another_browser_is_refused(client, provider_browser):
    """The code and state were issued to someone else's browser session."""
    from django.test import Client

    UserFactory(username="andi", email="andi@bps.go.id", role=Role.OPERATOR)
    start = client.get("/sso/masuk/")
    back = urlsplit(provider_browser.authorize(start["Location"], "andi"))

    other = Client()
    response = other.get(f"{back.path}?{back.query}")

    assert response["Location"] == "/admin/login/"
    assert signed_in_user(other) is None


@pytest.mark.parametrize("person", ["eko", "fajar"], ids=["wrong_audience", "expired_token"])
def test_bad_id_token_is_refused(client, provider_browser, sso_login, person):
    user = UserFactory(username=person, email=f"{person}@bps.go.id", role=Role.OPERATOR)

    response = sso_login(client, person)

    assert response["Location"] == "/admin/login/"
    assert "Masuk dengan SSO BPS gagal" in " ".join(messages_of(response))
    assert signed_in_user(client) is None
    entry = ModelLogEntry.objects.get(action=audit.LOGIN_FAILED)
    assert entry.data["method"] == "sso"
    expected = "another audience" if person == "eko" else "expired"
    assert expected in entry.data["reason"]
    assert not ModelLogEntry.objects.filter(action=audit.LOGIN, object_id=str(user.pk)).exists()


def test_logout_ends_the_provider_session_too(client, provider_browser, sso_login):
    user = UserFactory(username="andi", email="andi@bps.go.id", role=Role.OPERATOR)
    sso_login(client, "andi")
    assert signed_in_user(client) == user

    response = client.post("/admin/logout/")

    assert signed_in_user(client) is None
    end_session = response["Location"]
    assert end_session.startswith(f"{provider_browser.base}/o/logout/")
    assert "id_token_hint=" in end_session
    back = provider_browser.get(end_session)
    assert back.headers["Location"] == "http://testserver/admin/login/"
    # The provider asks for the password again: its session ended.
    start = client.get("/sso/masuk/")
    at_provider = provider_browser.get(start["Location"])
    assert "/accounts/login/" in at_provider.headers["Location"]
