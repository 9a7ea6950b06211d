"""Each reminder rule in time: who gets it, when, and who does not."""

import datetime

import pytest
from django.core import mail
from freezegun import freeze_time
from reminders_helpers import ReminderPhenomenonFactory, inapp, jakarta, mails_to

from phenomena.models import Indicator, ReleaseDate, Role, Theme
from reminders import audience, scrape, tasks
from reminders.models import Holiday, SentReminder

MONDAY = "2026-04-13 08:00"  # an ordinary working Monday in Jakarta


@pytest.fixture
def people(make_user):
    from workflows.models import SupervisorAllocation

    office = {
        "op": make_user("op_a", Role.OPERATOR, "fungsi-sosial-2"),
        "op_kab": make_user("op_kab", Role.OPERATOR, "bps-3172"),
        "spv": make_user("spv_prov", Role.SUPERVISOR, "fungsi-distribusi-1"),
        "spv_kab": make_user("spv_kab", Role.SUPERVISOR, "bps-3172"),
        "viewer": make_user("viewer_a", Role.VIEWER, "fungsi-sosial-1"),
        "admin": make_user("admin_a", Role.ADMIN, "fungsi-ipds"),
    }
    # The province supervisor reviews inflation, the theme of the phenomena made here.
    SupervisorAllocation.objects.create(
        supervisor=office["spv"], theme=Theme.objects.get(name="Harga-harga (Inflasi)")
    )
    return office


def run_at(moment, task):
    at = jakarta(moment)
    with freeze_time(at):
        return task(now=at)


# ------------------------------------------------------------------ operator daily


def test_daily_reminder_on_a_working_monday_reaches_operators_only(people):
    assert run_at(MONDAY, tasks.operator_daily) == 2
    for key in ("op", "op_kab"):
        notes = inapp(people[key], "operator_daily")
        assert len(notes) == 1
        assert "mencari fenomena" in notes[0].verb
    for key in ("spv", "spv_kab", "viewer", "admin"):
        assert inapp(people[key]) == []


@pytest.mark.parametrize(
    "moment, why",
    [
        ("2026-04-18 08:00", "Saturday"),
        ("2026-04-19 08:00", "Sunday"),
        ("2026-08-17 08:00", "Independence Day (a Monday)"),
        ("2026-12-25 08:00", "Christmas (a Friday)"),
        ("2026-03-20 08:00", "Idul Fitri falls on 21 March; 20 March is a Friday: sent"),
    ],
)
def test_daily_reminder_skips_weekends_and_public_holidays(people, moment, why):
    sent = run_at(moment, tasks.operator_daily)
    expected = 2 if why.endswith(": sent") else 0
    assert sent == expected, why
    assert len(inapp(people["op"], "operator_daily")) == expected // 2


def test_daily_reminder_skips_an_admin_added_holiday(people):
    Holiday.objects.create(date=datetime.date(2026, 4, 14), name="Cuti bersama")
    assert run_at("2026-04-14 08:00", tasks.operator_daily) == 0
    assert run_at("2026-04-15 08:00", tasks.operator_daily) == 2


def test_daily_reminder_not_for_inactive_operators(people):
    people["op_kab"].is_active = False
    people["op_kab"].save()
    assert run_at(MONDAY, tasks.operator_daily) == 1
    assert inapp(people["op_kab"]) == []


def test_running_twice_sends_once(people):
    assert run_at(MONDAY, tasks.operator_daily) == 2
    assert run_at("2026-04-13 08:30", tasks.operator_daily) == 0
    assert len(inapp(people["op"], "operator_daily")) == 1
    # The next working day is a new occasion.
    assert run_at("2026-04-14 08:00", tasks.operator_daily) == 2


def test_crash_mid_way_then_rerun_sends_only_the_rest(people, make_user, monkeypatch):
    for i in range(4):
        make_user(f"op_extra{i}", Role.OPERATOR, "fungsi-sosial-1")
    from reminders import delivery

    real_deliver = delivery.deliver
    calls = {"n": 0}

    def dying_deliver(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 3:
            raise RuntimeError("worker killed")
        return real_deliver(*args, **kwargs)

    monkeypatch.setattr(delivery, "deliver", dying_deliver)
    with pytest.raises(RuntimeError):
        run_at(MONDAY, tasks.operator_daily)
    assert SentReminder.objects.filter(kind="operator_daily").count() == 2
    monkeypatch.setattr(delivery, "deliver", real_deliver)

    assert run_at("2026-04-13 08:05", tasks.operator_daily) == 4
    assert SentReminder.objects.filter(kind="operator_daily").count() == 6
    from notifications.models import Notification

    recipients = list(Notification.objects.values_list("recipient_id", flat=True))
    assert len(recipients) == 6 and len(set(recipients)) == 6, "each operator exactly once"


# ------------------------------------------------------------------ operator weekly


def test_weekly_summary_lists_entries_and_rejections_in_one_email(people):
    op = people["op"]
    Factory = ReminderPhenomenonFactory
    Factory(author=op, created_at=jakarta("2026-04-13 10:00"), title="Harga cabai naik")
    Factory(author=op, created_at=jakarta("2026-04-15 10:00"), title="Tarif ojek daring naik")
    Factory(author=op, created_at=jakarta("2026-04-01 10:00"), title="Entri lama bulan ini")
    Factory(
        author=op,
        created_at=jakarta("2026-04-06 10:00"),
        title="Banjir di pasar induk",
        rejected=True,
        submitted_at=jakarta("2026-04-07 09:00"),
        decided_at=jakarta("2026-04-14 11:00"),
        decided_by=people["spv"],
        reason="Tautan tidak bisa dibuka",
    )
    Factory(
        author=op,
        created_at=jakarta("2026-03-02 10:00"),
        title="Ditolak lama",
        rejected=True,
        submitted_at=jakarta("2026-03-03 09:00"),
        decided_at=jakarta("2026-03-04 09:00"),
        decided_by=people["spv"],
    )
    mail.outbox.clear()

    assert run_at("2026-04-17 15:00", tasks.operator_weekly) == 2  # both operators
    mine = mails_to(op)
    assert len(mine) == 1, "one digest e-mail, not one per item"
    body = mine[0].body
    assert "Harga cabai naik" in body and "Tarif ojek daring naik" in body
    assert "Ditolak: Banjir di pasar induk — Tautan tidak bisa dibuka" in body
    assert "Entri lama bulan ini" not in body and "Ditolak lama" not in body
    assert "menginput 2 fenomena" in body
    note = inapp(op, "operator_weekly")
    assert len(note) == 1 and len(note[0].data["lines"]) == 3
    # The kab/kota operator entered nothing and still gets the (empty) summary.
    assert "menginput 0 fenomena" in mails_to(people["op_kab"])[0].body
    # Friday again in the same week: nothing more.
    assert run_at("2026-04-17 16:00", tasks.operator_weekly) == 0


# ------------------------------------------------------------------ supervisors


def test_supervisors_get_submissions_waiting_longer_than_three_days(people):
    def waiting(author, created, title, submitted, **extra):
        extra.setdefault("in_review", not extra.get("rejected"))
        return ReminderPhenomenonFactory(
            author=author,
            created_at=jakarta(created),
            title=title,
            submitted_at=jakarta(submitted),
            **extra,
        )

    waiting(people["op"], "2026-04-08 09:00", "Menunggu lama", "2026-04-08 10:00")
    waiting(people["op"], "2026-04-12 09:00", "Baru diajukan", "2026-04-12 10:00")
    waiting(people["op_kab"], "2026-04-06 09:00", "FGD Jaktim", "2026-04-06 10:00", area="3172")
    waiting(
        people["op"],
        "2026-04-01 09:00",
        "Sudah diputus",
        "2026-04-01 10:00",
        rejected=True,
        decided_at=jakarta("2026-04-02"),
        decided_by=people["spv"],
    )
    mail.outbox.clear()

    assert run_at(MONDAY, tasks.supervisor_waiting) == 2
    province = mails_to(people["spv"])
    assert len(province) == 1
    assert "Menunggu lama" in province[0].body
    assert "Baru diajukan" not in province[0].body and "FGD Jaktim" not in province[0].body
    assert "Sudah diputus" not in province[0].body
    local = mails_to(people["spv_kab"])
    assert len(local) == 1 and "FGD Jaktim — menunggu 7 hari" in local[0].body
    for key in ("op", "op_kab", "viewer"):
        assert inapp(people[key], "supervisor_waiting") == []
    assert run_at("2026-04-13 09:00", tasks.supervisor_waiting) == 0


def test_waiting_days_is_a_setting(people, settings):
    ReminderPhenomenonFactory(
        author=people["op"],
        created_at=jakarta("2026-04-11 09:00"),
        title="Dua hari",
        in_review=True,
        submitted_at=jakarta("2026-04-11 08:00"),
    )
    assert run_at(MONDAY, tasks.supervisor_waiting) == 0
    settings.REMINDER_SUPERVISOR_WAITING_DAYS = 1
    assert run_at("2026-04-13 09:00", tasks.supervisor_waiting) == 1


def test_reminders_follow_the_workflow_routing(people, make_user):
    prov = ReminderPhenomenonFactory(author=people["op"])
    kab = ReminderPhenomenonFactory(author=people["op_kab"], area="3172")
    assert list(audience.reviewers_for(prov)) == [people["spv"]]
    assert list(audience.reviewers_for(kab)) == [people["spv_kab"]]
    people["spv_kab"].is_active = False
    people["spv_kab"].save()
    assert list(audience.reviewers_for(kab)) == [people["admin"]]  # never to nobody


# ------------------------------------------------------------------ ARC


@pytest.fixture
def release(db):
    indicator = Indicator.objects.create(name="Inflasi Uji", slug="inflasi-uji")
    indicator.themes.set([Theme.objects.get(name="Harga-harga (Inflasi)")])
    return ReleaseDate.objects.create(indicator=indicator, date=datetime.date(2026, 5, 4))


def test_arc_three_days_before_reminds_operators_and_supervisors(people, release):
    assert run_at("2026-04-30 07:30", tasks.arc_reminders) == 0  # four days before
    assert run_at("2026-05-01 07:30", tasks.arc_reminders) == 4  # a holiday: still sent
    for key in ("op", "op_kab"):
        (note,) = inapp(people[key], "arc_input")
        assert "Inflasi Uji" in note.verb and "Input fenomena" in note.description
    for key in ("spv", "spv_kab"):
        (note,) = inapp(people[key], "arc_input")
        assert "Periksa" in note.description
    assert inapp(people["viewer"]) == [] and inapp(people["admin"]) == []
    # The next days before the release: already reminded.
    assert run_at("2026-05-02 07:30", tasks.arc_reminders) == 0
    assert run_at("2026-05-03 07:30", tasks.arc_reminders) == 0


def test_arc_days_before_is_a_setting(people, release, settings):
    settings.REMINDER_ARC_DAYS_BEFORE = 1
    assert run_at("2026-05-01 07:30", tasks.arc_reminders) == 0
    assert run_at("2026-05-03 07:30", tasks.arc_reminders) == 4


def test_arc_release_day_reminds_viewers_to_monitor(people, release):
    assert run_at("2026-05-04 07:30", tasks.arc_reminders) == 1
    (note,) = inapp(people["viewer"], "arc_release")
    assert "dirilis hari ini" in note.verb
    assert inapp(people["op"], "arc_release") == []
    assert run_at("2026-05-04 12:00", tasks.arc_reminders) == 0
    assert run_at("2026-05-05 07:30", tasks.arc_reminders) == 0


# ------------------------------------------------------------------ scraping


def test_scrape_due_when_no_successful_run_in_fourteen_days(people):
    assert run_at(MONDAY, tasks.scrape_due) == 1  # never ran
    (note,) = inapp(people["admin"], "scrape_due")
    assert "belum pernah" in note.description
    assert run_at("2026-04-14 09:00", tasks.scrape_due) == 0  # once a week while overdue
    for key in ("op", "spv", "viewer"):
        assert inapp(people[key]) == []

    scrape.record_scrape_success(jakarta("2026-04-20 02:00"))
    assert run_at("2026-04-21 09:00", tasks.scrape_due) == 0  # next week, but just ran
    assert run_at("2026-05-04 09:00", tasks.scrape_due) == 1  # 14 days later: due again
    assert "4 Mei" not in inapp(people["admin"], "scrape_due")[0].description


def test_scrape_failed_reaches_admins_once_per_run(people):
    mail.outbox.clear()
    with freeze_time(jakarta(MONDAY)):
        assert scrape.notify_scrape_failed({"id": 7, "error": "Timeout kompas.com"}) == 1
        assert scrape.notify_scrape_failed({"id": 7, "error": "Timeout kompas.com"}) == 0
    (note,) = inapp(people["admin"], "scrape_failed")
    assert "Timeout kompas.com" in note.description
    assert len(mails_to(people["admin"])) == 1
    from reminders.models import ScrapeStatus

    assert ScrapeStatus.get().last_failure_info == "Timeout kompas.com"
    assert inapp(people["spv"]) == []


def test_scrape_results_ready_reaches_supervisors(people):
    assert scrape.notify_scrape_results_ready(12, run_id="2026-04-13") == 2
    for key in ("spv", "spv_kab"):
        (note,) = inapp(people[key], "scrape_results")
        assert "12 fenomena" in note.description
    assert inapp(people["op"]) == [] and inapp(people["admin"]) == []
    assert scrape.notify_scrape_results_ready(12, run_id="2026-04-13") == 0


def test_delegated_edit_reaches_the_operator_with_a_link(people):
    phenomenon = ReminderPhenomenonFactory(author=people["op"], title="Hasil scraping: harga beras")
    mail.outbox.clear()
    used = scrape.notify_delegated_edit(people["op"], phenomenon, actor=people["spv"])
    assert set(used) == {"inapp", "email"}
    (note,) = inapp(people["op"], "delegated_edit")
    assert note.target == phenomenon and note.actor == people["spv"]
    (message,) = mails_to(people["op"])
    assert "harga beras" in message.body
    assert f"/admin/snippets/phenomena/phenomenon/edit/{phenomenon.pk}/" in message.body
