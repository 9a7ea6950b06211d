"""Demo-style walk through the admin with the test client: submit, notify, reject with a
reason, fix and resubmit, approve, and a viewer sees it."""

from django.core import mail
from django.urls import reverse
from notifications.models import Notification
from wf_helpers import SNIPPET, edit_form_data

from phenomena.models import Phenomenon

TITLE = "Harga cabai merah naik menjelang akhir tahun"


def test_operator_to_supervisor_to_viewer(client, people, phenomenon_form_data):
    # 1. the operator inputs and submits a phenomenon (Kompas.com, theme Harga-harga (Inflasi))
    client.force_login(people.op)
    response = client.post(
        reverse(f"{SNIPPET}:add"), {**phenomenon_form_data(), "action-submit": "1"}
    )
    assert response.status_code == 302
    phenomenon = Phenomenon.objects.get()
    assert phenomenon.workflow_in_progress and not phenomenon.live
    mine = client.get(reverse("workflows:mine")).content.decode()
    assert 'data-status="review"' in mine

    # 2. the supervisor of that theme has a notification and finds it in the queue
    assert [m.to for m in mail.outbox] == [[people.spv_inflasi.email]]
    client.force_login(people.spv_inflasi)
    assert "Notifikasi (1)" in client.get(reverse("wagtailadmin_home")).content.decode()
    queue = client.get(reverse("workflows:queue")).content.decode()
    assert TITLE in queue
    assert "https://money.kompas.com/read/2026/10/01/cabai-merah-naik" in queue  # evidence
    # another supervisor doesn't see it
    client.force_login(people.spv_wisata)
    assert TITLE not in client.get(reverse("workflows:queue")).content.decode()

    # 3. the supervisor rejects it with a reason
    client.force_login(people.spv_inflasi)
    state = phenomenon.current_workflow_task_state
    reject_url = reverse("workflows:reject", args=[state.pk])
    assert "Alasan penolakan" in client.get(reject_url).content.decode()
    reason = "Sebutkan persentase kenaikan harga sesuai artikel."
    response = client.post(reject_url, {"comment": reason}, follow=True)
    assert "penginput menerima alasannya" in response.content.decode()
    assert TITLE not in client.get(reverse("workflows:queue")).content.decode()

    # 4. the operator reads the reason, fixes the narrative and resubmits
    client.force_login(people.op)
    notifications = client.get(reverse("workflows:notifications")).content.decode()
    assert "Fenomena ditolak" in notifications and reason in notifications
    mine = client.get(reverse("workflows:mine")).content.decode()
    assert 'data-status="rejected"' in mine and reason in mine
    fixed = "Harga cabai merah di pasar-pasar Jakarta naik 20 persen dibanding bulan lalu."
    response = client.post(
        reverse(f"{SNIPPET}:edit", args=[phenomenon.pk]),
        edit_form_data(phenomenon, narrative=fixed, **{"action-submit": "1"}),
    )
    assert response.status_code == 302
    assert 'data-status="review"' in client.get(reverse("workflows:mine")).content.decode()

    # 5. the supervisor approves it from the queue
    client.force_login(people.spv_inflasi)
    assert "Notifikasi (2)" in client.get(reverse("wagtailadmin_home")).content.decode()
    state = Phenomenon.objects.get().current_workflow_task_state
    client.post(reverse("workflows:approve"), {"only": state.pk})
    phenomenon.refresh_from_db()
    assert phenomenon.live and phenomenon.narrative == fixed

    # 6. a viewer sees it (and hears of it in the next morning's digest, tests/reminders)
    assert not Notification.objects.filter(recipient=people.viewer).exists()
    client.force_login(people.viewer)
    listing = client.get(reverse(f"{SNIPPET}:list")).content.decode()
    assert TITLE in listing
    page = client.get(reverse(f"{SNIPPET}:inspect", args=[phenomenon.pk]))
    assert page.status_code == 200 and fixed in page.content.decode()
    assert 'data-status="approved"' in _mine(client, people.op)


def _mine(client, user):
    client.force_login(user)
    return client.get(reverse("workflows:mine")).content.decode()
