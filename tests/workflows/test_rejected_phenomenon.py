"""A rejected phenomenon, as its editor, the review queue and the supervisor's notice show it:
who rejected it and why, one "Ajukan ulang", and a resubmission marked as such."""

import re

from django.core import mail
from django.urls import reverse
from notifications.models import Notification
from wf_helpers import SNIPPET, edit_form_data, submit

from tests.factories import PhenomenonFactory

REASON = "Tautan bukti tidak dapat dibuka."


def rejected(people, reason=REASON):
    phenomenon = PhenomenonFactory(author=people.op, theme="Harga-harga (Inflasi)")
    state = submit(phenomenon)
    state.task.specific.on_action(state, people.spv_inflasi, "reject", comment=reason)
    phenomenon.refresh_from_db()
    return phenomenon


def editor(client, user, phenomenon):
    client.force_login(user)
    response = client.get(reverse(f"{SNIPPET}:edit", args=[phenomenon.pk]))
    assert response.status_code == 200
    return response.content.decode()


def action_names(html):
    """The editor's actions in menu order, the main button first (Save has no name)."""
    return [
        name or "action-save"
        for name in re.findall(r'class="button action-save|name="(action-[a-z-]+)"', html)
    ]


def test_editor_of_a_rejected_phenomenon_names_the_supervisor_and_the_reason(client, people):
    phenomenon = rejected(people)
    html = editor(client, people.op, phenomenon)
    notice = html[html.index("data-rejection-notice") : html.index('id="w-editor-form"')]
    assert "Ditolak oleh Spvinflasi Uji pada" in notice
    assert REASON in notice
    # the status panel says rejected, by the supervisor, not "in review" by the operator
    assert "Dalam peninjauan" not in html
    assert 'id="status-sidebar-ditolak"' in html
    assert "oleh Opsos2 Uji" not in html
    # Wagtail's timeline names the supervisor who asked for changes, not the operator
    assert "Perubahan diminta oleh Opsos2" not in html


def test_rejected_phenomenon_offers_one_resubmit_action_first(client, people):
    phenomenon = rejected(people)
    html = editor(client, people.op, phenomenon)
    names = action_names(html)
    assert names[0] == "action-submit"  # the main button
    assert "action-save" in names  # saving a draft stays in the menu
    assert "action-restart-workflow" not in names
    assert "action-cancel-workflow" not in names
    assert "Ajukan ulang" in html
    assert "Pengajuan ulang ke" not in html and "Restart" not in html


def test_admin_gets_the_same_resubmit_first_and_keeps_publish(client, people):
    phenomenon = rejected(people)
    names = action_names(editor(client, people.admin, phenomenon))
    assert names[0] == "action-submit"
    assert "action-publish" in names
    assert "action-restart-workflow" not in names


def test_editor_without_a_rejection_is_unchanged(client, people):
    phenomenon = PhenomenonFactory(author=people.op, theme="Harga-harga (Inflasi)")
    html = editor(client, people.op, phenomenon)
    assert "data-rejection-notice" not in html
    assert action_names(html)[0] == "action-save"
    submit(phenomenon)
    html = editor(client, people.admin, phenomenon)  # in review: only admins may edit
    assert "data-rejection-notice" not in html
    assert "Menunggu review" in html


def test_resubmission_is_marked_in_the_queue_and_the_notice_lists_changes(client, people):
    phenomenon = rejected(people)
    mail.outbox.clear()
    Notification.objects.all().delete()
    client.force_login(people.op)
    response = client.post(
        reverse(f"{SNIPPET}:edit", args=[phenomenon.pk]),
        edit_form_data(
            phenomenon,
            title="Harga cabai naik 20 persen menjelang akhir tahun",
            narrative="Narasi yang diperbaiki: harga naik 20 persen karena pasokan turun.",
            **{"action-submit": "1"},
        ),
    )
    assert response.status_code == 302
    phenomenon.refresh_from_db()
    assert phenomenon.workflow_in_progress

    note = Notification.objects.get(recipient=people.spv_inflasi)
    assert note.verb.startswith("Pengajuan ulang menunggu review")
    assert REASON in note.description
    assert "Yang diubah sejak ditolak: Judul, Narasi." in note.description
    state = phenomenon.current_workflow_task_state
    compare = reverse("workflows:changes", args=[state.pk])
    assert any(compare in line for line in note.data["lines"])
    [message] = mail.outbox
    assert "Yang diubah sejak ditolak: Judul, Narasi." in message.body
    assert compare in message.body

    client.force_login(people.spv_inflasi)
    queue = client.get(reverse("workflows:queue")).content.decode()
    assert "data-resubmission" in queue and "Pengajuan ulang" in queue
    assert compare in queue and REASON in queue
    # the reviewer opens Wagtail's comparison of the rejected and the resubmitted version
    changes = client.get(compare)
    assert changes.status_code == 200
    changes = changes.content.decode()
    assert "diperbaiki" in changes and "Narasi" in changes
    notifications = client.get(reverse("workflows:notifications")).content.decode()
    assert compare in notifications


def test_first_submission_is_not_a_resubmission(client, people):
    submit(PhenomenonFactory(author=people.op, theme="Harga-harga (Inflasi)"))
    note = Notification.objects.get(recipient=people.spv_inflasi)
    assert note.verb.startswith("Fenomena baru menunggu review")
    client.force_login(people.spv_inflasi)
    assert "data-resubmission" not in client.get(reverse("workflows:queue")).content.decode()


def test_edit_of_an_approved_phenomenon_is_not_a_resubmission(client, people):
    phenomenon = PhenomenonFactory(author=people.op, theme="Harga-harga (Inflasi)")
    state = submit(phenomenon)
    state.task.specific.on_action(state, people.spv_inflasi, "approve", comment="")
    Notification.objects.all().delete()
    phenomenon.refresh_from_db()
    phenomenon.title = "Judul diperbarui"
    phenomenon.save_revision(user=people.op)
    submit(phenomenon)
    assert Notification.objects.get(recipient=people.spv_inflasi).verb.startswith(
        "Fenomena baru menunggu review"
    )
    client.force_login(people.spv_inflasi)
    assert "data-resubmission" not in client.get(reverse("workflows:queue")).content.decode()


def test_changes_view_is_refused_to_supervisors_it_is_not_routed_to(client, people):
    phenomenon = rejected(people)
    client.force_login(people.op)
    client.post(
        reverse(f"{SNIPPET}:edit", args=[phenomenon.pk]),
        edit_form_data(phenomenon, title="Judul baru", **{"action-submit": "1"}),
    )
    url = reverse("workflows:changes", args=[phenomenon.current_workflow_task_state.pk])
    assert client.get(url).status_code == 200  # the author
    client.force_login(people.spv_wisata)
    response = client.get(url)
    assert response.status_code in (302, 403) and "Judul baru" not in response.content.decode()
    client.force_login(people.viewer)
    assert client.get(url).status_code in (302, 403)
