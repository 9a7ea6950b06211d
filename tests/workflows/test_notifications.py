"""Each event notifies exactly the right people, in the admin and by e-mail."""

from django.core import mail
from django.urls import reverse
from notifications.models import Notification
from wf_helpers import submit

from tests.factories import PhenomenonFactory


def recipients_of(event):
    return sorted(
        n.recipient.username for n in Notification.objects.all() if n.data["event"] == event
    )


def emailed():
    return sorted(address.split("@")[0] for m in mail.outbox for address in m.to)


def act(phenomenon, user, action, comment=""):
    state = phenomenon.current_workflow_task_state
    state.task.specific.on_action(state, user, action, comment=comment)
    phenomenon.refresh_from_db()


def test_new_submission_notifies_the_routed_supervisors_only(people):
    submit(PhenomenonFactory(author=people.op, theme="PMTB dan Investasi"))  # subject fallback: two
    assert recipients_of("submitted") == ["spvinflasi", "spvwisata"]
    assert emailed() == ["spvinflasi", "spvwisata"]
    mail.outbox.clear()
    Notification.objects.all().delete()
    submit(PhenomenonFactory(author=people.op_3172, area="3172"))
    assert recipients_of("submitted") == ["spv3172"]
    assert emailed() == ["spv3172"]
    assert "menunggu review" in mail.outbox[0].subject


def test_submission_nobody_is_allocated_to_notifies_the_admins(people):
    submit(PhenomenonFactory(author=people.op, theme="Gender"))
    assert recipients_of("submitted") == ["admin1", "admin2"]


def test_rejection_notifies_the_author_with_the_reason(people):
    phenomenon = PhenomenonFactory(author=people.op, theme="Harga-harga (Inflasi)")
    submit(phenomenon)
    mail.outbox.clear()
    act(phenomenon, people.spv_inflasi, "reject", "Tautan bukti rusak.")
    assert recipients_of("rejected") == ["opsos2"]
    assert emailed() == ["opsos2"]
    assert "Tautan bukti rusak." in mail.outbox[0].body
    assert "Tautan bukti rusak." in Notification.objects.get(recipient=people.op).description
    assert recipients_of("published") == []


def test_approval_notifies_the_author_and_no_viewer(people):
    phenomenon = PhenomenonFactory(author=people.op, theme="Harga-harga (Inflasi)")
    submit(phenomenon)
    mail.outbox.clear()
    act(phenomenon, people.spv_inflasi, "approve")
    assert recipients_of("approved") == ["opsos2"]
    # viewers hear of it in their daily or weekly digest (tests/reminders), not one by one
    assert recipients_of("published") == []
    assert emailed() == ["opsos2"]
    assert not Notification.objects.filter(recipient__username__startswith="viewer").exists()


def test_notifications_page_counter_and_marking_read(client, people):
    for title in ("Satu", "Dua", "Tiga"):
        submit(PhenomenonFactory(author=people.op, theme="Harga-harga (Inflasi)", title=title))
    client.force_login(people.spv_inflasi)
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Notifikasi (3)" in home
    page = client.get(reverse("workflows:notifications")).content.decode()
    assert page.count("Fenomena baru menunggu review") == 3
    first = Notification.objects.filter(recipient=people.spv_inflasi).first()
    client.post(reverse("workflows:mark_read", args=[first.pk]))
    assert "Notifikasi (2)" in client.get(reverse("wagtailadmin_home")).content.decode()
    # someone else's notification cannot be touched
    other = PhenomenonFactory(author=people.op, theme="Pariwisata")
    submit(other)
    theirs = Notification.objects.get(recipient=people.spv_wisata)
    assert client.post(reverse("workflows:mark_read", args=[theirs.pk])).status_code == 404
    theirs.refresh_from_db()
    assert theirs.unread
    client.post(reverse("workflows:mark_all_read"))
    assert not Notification.objects.filter(recipient=people.spv_inflasi, unread=True).exists()
    assert "Notifikasi (" not in client.get(reverse("wagtailadmin_home")).content.decode()
    # opening a notification marks it read and leads to what it is about
    theirs_client_user = people.spv_wisata
    client.force_login(theirs_client_user)
    response = client.get(reverse("workflows:open", args=[theirs.pk]))
    assert response.status_code == 302 and response.url == reverse("workflows:queue")
    theirs.refresh_from_db()
    assert not theirs.unread


def test_direct_publish_by_admin_notifies_no_viewer_at_once(people):
    phenomenon = PhenomenonFactory(author=people.op, theme="Harga-harga (Inflasi)")
    phenomenon.save_revision(user=people.admin).publish(user=people.admin)
    assert not Notification.objects.exists()


def test_workflow_notifications_follow_each_users_preference(people):
    from alerts.models import NotificationPreference

    NotificationPreference.objects.create(
        user=people.op, kind="phenomenon_approved", channel="inapp"
    )
    phenomenon = PhenomenonFactory(author=people.op, theme="Harga-harga (Inflasi)")
    submit(phenomenon)
    mail.outbox.clear()
    act(phenomenon, people.spv_inflasi, "approve")
    assert recipients_of("approved") == ["opsos2"]  # in-app only
    assert emailed() == []
