"""Viewers get one digest of newly approved phenomena, daily or weekly as each chooses, never one
notice per approval (issue 22: the province viewer had 354 unread notifications)."""

import pytest
from django.core import mail
from freezegun import freeze_time
from reminders_helpers import ReminderPhenomenonFactory, inapp, jakarta, mails_to

from alerts.models import NotificationPreference
from phenomena.models import Role
from reminders import rules, tasks
from reminders.models import SentReminder
from tests.conftest import PASSWORD

KIND = "phenomenon_published"


@pytest.fixture
def people(make_user):
    return {
        "op": make_user("op_a", Role.OPERATOR, "fungsi-sosial-2"),
        "op_kab": make_user("op_kab", Role.OPERATOR, "bps-3172"),
        "viewer": make_user("viewer_prov", Role.VIEWER, "fungsi-ipds"),
        "viewer_3172": make_user("viewer_3172", Role.VIEWER, "bps-3172"),
        "viewer_3171": make_user("viewer_3171", Role.VIEWER, "bps-3171"),
    }


def approved(author, moment, title, area=None):
    """A phenomenon approved (first published) at `moment`, Asia/Jakarta."""
    phenomenon = ReminderPhenomenonFactory(author=author, title=title, area=area)
    with freeze_time(jakarta(moment)):
        phenomenon.save_revision(user=author).publish(user=author, skip_permission_checks=True)
    phenomenon.refresh_from_db()
    return phenomenon


def run_at(moment):
    at = jakarta(moment)
    with freeze_time(at):
        return tasks.viewer_digest(now=at)


def digest_of(user):
    notes = inapp(user, KIND)
    assert len(notes) <= 1, [n.verb for n in notes]
    return notes[0] if notes else None


def titles(note):
    return " | ".join(note.data["lines"])


def prefer(user, frequency, channel="both"):
    NotificationPreference.objects.update_or_create(
        user=user, kind=KIND, defaults={"channel": channel, "frequency": frequency}
    )


def test_approvals_notify_no_viewer_one_by_one(people):
    for i in range(3):
        approved(people["op"], "2026-04-13 10:00", f"Fenomena {i}")
    assert inapp(people["viewer"]) == []
    assert mails_to(people["viewer"]) == []


def test_daily_digest_lists_yesterdays_approvals_for_each_viewers_level(people):
    approved(people["op"], "2026-04-13 10:00", "Harga beras provinsi naik")
    approved(people["op_kab"], "2026-04-13 14:00", "FGD Jakarta Timur", area="3172")
    mail.outbox.clear()
    assert run_at("2026-04-14 07:00") == 2

    province = digest_of(people["viewer"])
    assert province.verb == "Ringkasan harian: 2 fenomena baru disetujui"
    assert "Senin, 13 April 2026" in province.description
    assert "Harga beras provinsi naik" in titles(province) and "FGD Jakarta Timur" in titles(
        province
    )
    kab = digest_of(people["viewer_3172"])
    assert "FGD Jakarta Timur" in titles(kab) and "Harga beras" not in titles(kab)
    assert digest_of(people["viewer_3171"]) is None  # nothing about their kab/kota
    [message] = mails_to(people["viewer"])  # one e-mail listing both
    assert "- Harga beras provinsi naik" in message.body and "- FGD Jakarta Timur" in message.body

    # the same morning again: nothing more; today's approval waits for tomorrow's digest
    assert run_at("2026-04-14 07:05") == 0
    approved(people["op"], "2026-04-14 09:00", "Pasokan cabai turun")
    assert run_at("2026-04-14 10:00") == 0
    assert run_at("2026-04-15 07:00") == 1
    latest = inapp(people["viewer"], KIND)
    assert len(latest) == 2
    newest = max(latest, key=lambda n: n.timestamp)
    assert newest.data["lines"] == [line for line in newest.data["lines"] if "Pasokan" in line]


def test_weekly_digest_on_monday_lists_last_week(people):
    prefer(people["viewer"], "weekly")
    approved(people["op"], "2026-04-06 10:00", "Senin minggu lalu")
    approved(people["op"], "2026-04-12 20:00", "Minggu malam")
    approved(people["op"], "2026-04-13 06:00", "Senin ini, sebelum ringkasan")
    for day in ("2026-04-07", "2026-04-08", "2026-04-10", "2026-04-12"):
        run_at(f"{day} 07:00")
    assert digest_of(people["viewer"]) is None  # not before Monday
    run_at("2026-04-13 07:00")
    note = digest_of(people["viewer"])
    assert note.verb == "Ringkasan mingguan: 2 fenomena baru disetujui"
    assert "Senin minggu lalu" in titles(note) and "Minggu malam" in titles(note)
    assert "Senin ini" not in titles(note)
    assert "Senin, 6 April 2026 sampai Minggu, 12 April 2026" in note.description
    run_at("2026-04-14 07:00")
    assert len(inapp(people["viewer"], KIND)) == 1  # once a week


def test_weekly_digest_is_caught_up_later_in_the_week_if_monday_was_missed(people):
    prefer(people["viewer"], "weekly")
    approved(people["op"], "2026-04-08 10:00", "Rabu minggu lalu")
    run_at("2026-04-15 07:00")  # the scheduler was down on Monday and Tuesday
    assert "Rabu minggu lalu" in titles(digest_of(people["viewer"]))


def test_turned_off_digest_sends_nothing(people):
    prefer(people["viewer"], "off")
    approved(people["op"], "2026-04-13 10:00", "Apa saja")
    run_at("2026-04-14 07:00")
    assert digest_of(people["viewer"]) is None
    assert not SentReminder.objects.filter(user=people["viewer"]).exists()


def test_missed_days_are_caught_up_since_the_last_digest(people):
    approved(people["op"], "2026-04-13 10:00", "Hari Senin")
    run_at("2026-04-14 07:00")
    approved(people["op"], "2026-04-14 10:00", "Hari Selasa")
    approved(people["op"], "2026-04-15 10:00", "Hari Rabu")
    run_at("2026-04-17 07:00")  # no run on Wednesday and Thursday
    notes = sorted(inapp(people["viewer"], KIND), key=lambda n: n.timestamp)
    assert len(notes) == 2
    assert "Hari Selasa" in titles(notes[1]) and "Hari Rabu" in titles(notes[1])
    assert "Hari Senin" not in titles(notes[1])
    assert "Selasa, 14 April 2026 sampai Kamis, 16 April 2026" in notes[1].description


def test_switching_daily_to_weekly_reports_nothing_twice(people):
    approved(people["op"], "2026-04-13 10:00", "Dilaporkan harian")
    run_at("2026-04-14 07:00")  # daily digest covers Monday
    prefer(people["viewer"], "weekly")
    approved(people["op"], "2026-04-16 10:00", "Dilaporkan mingguan")
    run_at("2026-04-20 07:00")
    notes = sorted(inapp(people["viewer"], KIND), key=lambda n: n.timestamp)
    assert len(notes) == 2
    assert "Dilaporkan mingguan" in titles(notes[1])
    assert "Dilaporkan harian" not in titles(notes[1])


def test_edits_and_unapproved_phenomena_are_not_news(people):
    phenomenon = approved(people["op"], "2026-04-06 10:00", "Lama")
    with freeze_time(jakarta("2026-04-13 10:00")):  # an approved edit: not new
        phenomenon.title = "Lama, diperbarui"
        phenomenon.save_revision(user=people["op"]).publish(
            user=people["op"], skip_permission_checks=True
        )
    ReminderPhenomenonFactory(author=people["op"], title="Masih draf")
    unpublished = approved(people["op"], "2026-04-13 11:00", "Ditarik")
    unpublished.unpublish()
    assert run_at("2026-04-14 07:00") == 0, [n.data["lines"] for n in inapp(people["viewer"])]


def test_a_long_digest_lists_fifty_and_counts_the_rest(people):
    for i in range(rules.DIGEST_LINES + 5):
        approved(people["op"], "2026-04-13 10:00", f"Fenomena nomor {i}")
    run_at("2026-04-14 07:00")
    note = digest_of(people["viewer"])
    assert note.verb == "Ringkasan harian: 55 fenomena baru disetujui"
    assert len(note.data["lines"]) == rules.DIGEST_LINES + 1
    assert note.data["lines"][-1].startswith("… dan 5 fenomena lainnya")


def test_preferences_page_offers_the_viewer_a_frequency(client, people):
    viewer = people["viewer"]
    client.login(username=viewer.username, password=PASSWORD)
    page = client.get("/admin/preferensi-notifikasi/").content.decode()
    for label in ("Harian", "Mingguan", "Nonaktif"):
        assert label in page
    field = f"{KIND}__frekuensi"
    # the viewer's other kinds (error_report_resolved: the outcome of their error reports)
    others = {"arc_release": "inapp", "error_report_resolved": "inapp"}
    data = {field: "weekly", KIND: "inapp", **others}
    response = client.post("/admin/preferensi-notifikasi/", data)
    assert response.status_code == 302
    stored = NotificationPreference.objects.get(user=viewer, kind=KIND)
    assert (stored.frequency, stored.channel) == ("weekly", "inapp")
    # a digest is turned off by its frequency; its channel has no "off"
    response = client.post("/admin/preferensi-notifikasi/", {field: "daily", KIND: "off", **others})
    assert response.status_code == 200
    assert "Pilihan tidak tersedia" in response.content.decode()
    stored.refresh_from_db()
    assert (stored.frequency, stored.channel) == ("weekly", "inapp")  # unchanged
