"""Each user chooses per kind: in-app, e-mail, both or off; some kinds cannot be turned off."""

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse

from alerts.delivery import channel_for, deliver
from alerts.kinds import KINDS
from alerts.models import NotificationPreference
from phenomena.models import Role
from reminders import scrape, tasks
from tests.conftest import PASSWORD
from tests.reminders.reminders_helpers import ReminderPhenomenonFactory, inapp, jakarta, mails_to

URL = "/admin/preferensi-notifikasi/"


@pytest.fixture
def operator(make_user):
    return make_user("op_pref", Role.OPERATOR, "fungsi-sosial-2")


def prefer(user, kind, channel):
    NotificationPreference.objects.create(user=user, kind=kind, channel=channel)


def send_weekly(user):
    return deliver(user, "operator_weekly", "Ringkasan", "Isi ringkasan", "/admin/", ["a", "b"])


def test_default_is_the_kinds_default(operator):
    mail.outbox.clear()
    assert send_weekly(operator) == ["inapp", "email"]  # weekly summary: both by default
    assert len(inapp(operator)) == 1 and len(mails_to(operator)) == 1
    assert deliver(operator, "operator_daily", "Harian", "Isi") == ["inapp"]  # in-app only


@pytest.mark.parametrize(
    "channel, notes, mails",
    [("off", 0, 0), ("email", 0, 1), ("inapp", 1, 0), ("both", 1, 1)],
)
def test_each_channel(operator, channel, notes, mails):
    prefer(operator, "operator_weekly", channel)
    mail.outbox.clear()
    send_weekly(operator)
    assert len(inapp(operator)) == notes
    assert len(mails_to(operator)) == mails


def test_turned_off_reminder_is_still_recorded_so_it_is_not_sent_later(operator):
    prefer(operator, "operator_daily", "off")
    at = jakarta("2026-04-13 08:00")
    assert tasks.operator_daily(now=at) == 1
    assert inapp(operator) == []
    NotificationPreference.objects.filter(user=operator).update(channel="inapp")
    assert tasks.operator_daily(now=at) == 0


def test_a_non_optional_kind_cannot_be_turned_off(operator):
    assert not KINDS["delegated_edit"].optional
    # Even a stored "off" (written around the form) is ignored.
    prefer(operator, "delegated_edit", "off")
    assert channel_for(operator, "delegated_edit") == "both"
    mail.outbox.clear()
    scrape.notify_delegated_edit(operator, ReminderPhenomenonFactory(author=operator))
    assert len(inapp(operator)) == 1 and len(mails_to(operator)) == 1
    with pytest.raises(ValidationError):
        NotificationPreference(user=operator, kind="phenomenon_rejected", channel="off").clean()


def test_weekly_digest_is_one_email_whatever_the_number_of_items(operator):
    mail.outbox.clear()
    deliver(
        operator,
        "operator_weekly",
        "Ringkasan",
        "Isi",
        digest_lines=[f"item {i}" for i in range(25)],
    )
    (message,) = mails_to(operator)
    assert message.body.count("- item ") == 25


def test_preferences_page_lists_the_roles_kinds_and_saves(client, operator):
    client.login(username=operator.username, password=PASSWORD)
    response = client.get(URL)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Pengingat harian mencari fenomena" in page
    assert "Fenomena Anda ditolak" in page
    assert "Pengajuan baru untuk diperiksa" not in page  # a supervisor's kind
    data = {kind.code: kind.default for kind in KINDS.values() if "Operator" in kind.roles}
    data["operator_daily"] = "off"
    data["operator_weekly"] = "email"
    response = client.post(URL, data)
    assert response.status_code == 302
    assert channel_for(operator, "operator_daily") == "off"
    assert channel_for(operator, "operator_weekly") == "email"


def test_preferences_page_refuses_off_for_a_non_optional_kind(client, operator):
    client.login(username=operator.username, password=PASSWORD)
    data = {kind.code: kind.default for kind in KINDS.values() if "Operator" in kind.roles}
    data["operator_weekly"] = "email"
    data["phenomenon_rejected"] = "off"
    response = client.post(URL, data)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Pilihan tidak tersedia untuk notifikasi ini." in page
    # What was chosen is kept on the page.
    assert 'name="operator_weekly" value="email" required id="id_operator_weekly_2" checked' in page
    assert not NotificationPreference.objects.filter(user=operator).exists()  # nothing saved


def test_preferences_for_every_role_and_in_the_account_menu(client, make_user):
    viewer = make_user("viewer_pref", Role.VIEWER, "fungsi-sosial-1")
    client.login(username=viewer.username, password=PASSWORD)
    page = client.get(URL).content.decode()
    assert "dirilis hari ini" in page and "mencari fenomena" not in page
    account = client.get(reverse("wagtailadmin_account")).content.decode()
    assert URL in account


def test_preferences_need_login(client):
    response = client.get(URL)
    assert response.status_code == 302 and "login" in response["Location"]
