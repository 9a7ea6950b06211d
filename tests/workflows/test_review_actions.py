"""Approve and reject through the real admin URLs; every refusal holds on the server."""

from django.urls import reverse
from wagtail.models import ModelLogEntry, TaskState, WorkflowState
from wf_helpers import SNIPPET, action_url, edit_form_data, refused, submit

from phenomena.models import Phenomenon
from tests.factories import PhenomenonFactory


def post_action(client, user, phenomenon, action, task_state, comment=None, xhr=False):
    client.force_login(user)
    data = {} if comment is None else {"comment": comment}
    headers = {"x-requested-with": "XMLHttpRequest"} if xhr else {}
    return client.post(action_url(phenomenon, action, task_state), data, headers=headers)


def test_unallocated_supervisor_cannot_approve_through_the_workflow_action_url(client, people):
    phenomenon = PhenomenonFactory(author=people.op, theme="Harga-harga (Inflasi)")
    task_state = submit(phenomenon)
    response = post_action(client, people.spv_wisata, phenomenon, "approve", task_state)
    assert refused(response)
    task_state.refresh_from_db()
    assert task_state.status == TaskState.STATUS_IN_PROGRESS
    assert not Phenomenon.objects.get(pk=phenomenon.pk).live


def test_allocated_supervisor_approves_through_the_workflow_action_url(client, people):
    phenomenon = PhenomenonFactory(author=people.op, theme="Harga-harga (Inflasi)")
    task_state = submit(phenomenon)
    response = post_action(client, people.spv_inflasi, phenomenon, "approve", task_state)
    assert response.status_code == 302
    phenomenon.refresh_from_db()
    assert phenomenon.live  # approved == published
    assert phenomenon.live_revision.user == people.op  # the operator's revision went live
    task_state.refresh_from_db()
    assert task_state.finished_by == people.spv_inflasi


def test_task_state_of_another_phenomenon_in_the_url_is_refused(client, people):
    mine = PhenomenonFactory(author=people.op, theme="Harga-harga (Inflasi)")
    other = PhenomenonFactory(author=people.op, theme="Pariwisata")
    submit(mine)
    other_state = submit(other)
    # allowed on `mine`, but the task state belongs to `other` (not routed to this supervisor)
    response = post_action(client, people.spv_inflasi, mine, "approve", other_state)
    assert refused(response)
    assert not Phenomenon.objects.get(pk=other.pk).live


def test_supervisor_cannot_use_the_queue_outside_their_routing(client, people):
    phenomenon = PhenomenonFactory(author=people.op, theme="Harga-harga (Inflasi)")
    task_state = submit(phenomenon)
    client.force_login(people.spv_kerja)
    response = client.post(reverse("workflows:approve"), {"only": task_state.pk})
    assert response.status_code == 302
    assert not Phenomenon.objects.get(pk=phenomenon.pk).live
    assert refused(client.get(reverse("workflows:reject", args=[task_state.pk])))
    response = client.post(
        reverse("workflows:reject", args=[task_state.pk]), {"comment": "bukan urusan saya"}
    )
    assert refused(response)
    task_state.refresh_from_db()
    assert task_state.status == TaskState.STATUS_IN_PROGRESS


def test_operator_and_viewer_have_no_queue(client, people):
    for user in (people.op, people.viewer):
        client.force_login(user)
        assert refused(client.get(reverse("workflows:queue")))
        assert refused(client.post(reverse("workflows:approve"), {"only": 1}))


def test_reviewer_cannot_edit_the_content(client, people):
    phenomenon = PhenomenonFactory(author=people.op, theme="Harga-harga (Inflasi)")
    submit(phenomenon)
    client.force_login(people.spv_inflasi)
    edit_url = reverse(f"{SNIPPET}:edit", args=[phenomenon.pk])
    assert refused(client.get(edit_url))
    client.post(edit_url, edit_form_data(phenomenon, title="Diubah supervisor"))
    assert phenomenon.get_latest_revision_as_object().title != "Diubah supervisor"
    # but they may read it (it is routed to them)
    inspect = client.get(reverse(f"{SNIPPET}:inspect", args=[phenomenon.pk]))
    assert inspect.status_code == 200


def test_author_cannot_edit_while_in_review(client, people):
    phenomenon = PhenomenonFactory(author=people.op, theme="Harga-harga (Inflasi)")
    submit(phenomenon)
    client.force_login(people.op)
    edit_url = reverse(f"{SNIPPET}:edit", args=[phenomenon.pk])
    client.post(edit_url, edit_form_data(phenomenon, title="Diubah saat direview"))
    assert phenomenon.get_latest_revision_as_object().title != "Diubah saat direview"


def test_reject_without_reason_is_refused(client, people):
    phenomenon = PhenomenonFactory(author=people.op, theme="Harga-harga (Inflasi)")
    task_state = submit(phenomenon)
    # Wagtail's modal: the form comes back with the error
    response = post_action(
        client, people.spv_inflasi, phenomenon, "reject", task_state, comment="  ", xhr=True
    )
    assert "Alasan penolakan wajib diisi" in response.content.decode()
    # a plain POST without a reason does nothing
    post_action(client, people.spv_inflasi, phenomenon, "reject", task_state, comment="")
    task_state.refresh_from_db()
    assert task_state.status == TaskState.STATUS_IN_PROGRESS
    # the queue's reject page says so, keeps the page, rejects nothing
    response = client.post(reverse("workflows:reject", args=[task_state.pk]), {"comment": ""})
    assert response.status_code == 200
    assert "Alasan penolakan wajib diisi" in response.content.decode()
    task_state.refresh_from_db()
    assert task_state.status == TaskState.STATUS_IN_PROGRESS


def test_reject_with_reason_goes_back_to_the_author(client, people):
    phenomenon = PhenomenonFactory(author=people.op, theme="Harga-harga (Inflasi)")
    task_state = submit(phenomenon)
    reason = "Tautan bukti tidak dapat dibuka."
    response = post_action(
        client, people.spv_inflasi, phenomenon, "reject", task_state, comment=reason
    )
    assert response.status_code == 302
    task_state.refresh_from_db()
    assert task_state.status == TaskState.STATUS_REJECTED
    assert task_state.comment == reason
    assert phenomenon.current_workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES
    # the author sees the reason in "Fenomena saya"
    client.force_login(people.op)
    page = client.get(reverse("workflows:mine")).content.decode()
    assert 'data-status="rejected"' in page
    assert reason in page


def test_reject_edit_resubmit_approve_cycle_with_history(client, people):
    phenomenon = PhenomenonFactory(
        author=people.op, theme="Harga-harga (Inflasi)", title="Judul awal"
    )
    task_state = submit(phenomenon)
    reason = "Angka pada narasi tidak sama dengan sumber."
    client.force_login(people.spv_inflasi)
    client.post(reverse("workflows:reject", args=[task_state.pk]), {"comment": reason})

    # the operator edits and resubmits through the real edit view
    client.force_login(people.op)
    edit_url = reverse(f"{SNIPPET}:edit", args=[phenomenon.pk])
    response = client.post(
        edit_url, edit_form_data(phenomenon, title="Judul diperbaiki", **{"action-submit": "1"})
    )
    assert response.status_code == 302
    phenomenon.refresh_from_db()
    new_state = phenomenon.current_workflow_task_state
    assert new_state is not None and new_state.pk != task_state.pk
    assert new_state.submitted_object().title == "Judul diperbaiki"

    # the supervisor approves the corrected version
    client.force_login(people.spv_inflasi)
    client.post(reverse("workflows:approve"), {"only": new_state.pk})
    phenomenon.refresh_from_db()
    assert phenomenon.live and phenomenon.title == "Judul diperbaiki"

    # the history shows the submissions, the decision with its reason and the edit
    client.force_login(people.op)
    history = client.get(reverse(f"{SNIPPET}:history", args=[phenomenon.pk])).content.decode()
    assert reason in history
    detail_url = reverse(
        f"{SNIPPET}:workflow_history_detail", args=[phenomenon.pk, new_state.workflow_state_id]
    )
    workflow_history = client.get(detail_url).content.decode()
    assert reason in workflow_history
    logged = list(
        ModelLogEntry.objects.filter(object_id=str(phenomenon.pk))
        .order_by("timestamp", "pk")
        .values_list("action", flat=True)
    )
    for expected in [
        "wagtail.workflow.start",
        "wagtail.workflow.reject",
        "wagtail.edit",
        "wagtail.workflow.resume",
        "wagtail.workflow.approve",
        "wagtail.publish",
    ]:
        assert expected in logged
    assert logged.index("wagtail.workflow.reject") < logged.index("wagtail.workflow.resume")


BULK_APPROVE = ("workflows", "reviewtaskstate", "approve")


def test_bulk_approve_confirms_then_approves_only_what_is_routed(client, people):
    mine = [PhenomenonFactory(author=people.op, title=f"Inflasi {i}") for i in "abc"]
    other = PhenomenonFactory(author=people.op, theme="Pariwisata")
    states = [submit(p) for p in mine] + [submit(other)]
    client.force_login(people.spv_inflasi)
    url = reverse("wagtail_bulk_action", args=BULK_APPROVE)
    query = "?" + "&".join(f"id={s.pk}" for s in states) + "&next=" + reverse("workflows:queue")
    # the confirmation page: what will be approved, and what not with its reason
    page = client.get(url + query).content.decode()
    assert all(p.title in page for p in mine)
    assert "Pariwisata" in page and "temanya tidak dialokasikan kepada Anda" in page
    assert not any(Phenomenon.objects.get(pk=p.pk).live for p in mine)  # nothing yet
    response = client.post(url + query, follow=True)
    assert "3 fenomena disetujui" in response.content.decode()
    assert response.redirect_chain[-1][0] == reverse("workflows:queue")
    assert all(Phenomenon.objects.get(pk=p.pk).live for p in mine)
    assert not Phenomenon.objects.get(pk=other.pk).live


def test_bulk_approve_refuses_own_decided_and_changed_submissions_with_reasons(client, people):
    from workflows.approval import refusal

    own = PhenomenonFactory(author=people.admin, theme="Harga-harga (Inflasi)", title="Milik admin")
    decided = PhenomenonFactory(
        author=people.op, theme="Harga-harga (Inflasi)", title="Sudah diputuskan"
    )
    changed = PhenomenonFactory(
        author=people.op, theme="Harga-harga (Inflasi)", title="Diubah admin"
    )
    fine = PhenomenonFactory(
        author=people.op, theme="Harga-harga (Inflasi)", title="Boleh disetujui"
    )
    own_state, decided_state, changed_state, fine_state = (
        submit(p) for p in (own, decided, changed, fine)
    )
    decided_state.task.specific.on_action(decided_state, people.spv_inflasi, "approve")
    changed.refresh_from_db()
    changed.title = "Diubah admin setelah diajukan"
    changed.save_revision(user=people.admin2)  # admins may edit while in review
    states = [own_state, decided_state, changed_state, fine_state]
    for state in states:
        state.refresh_from_db()

    reasons = {s.pk: refusal(people.admin, s) for s in states}
    assert reasons[own_state.pk] == "pengajuan Anda sendiri"
    assert reasons[decided_state.pk] == "sudah diputuskan atau dibatalkan"
    assert "berubah sejak diajukan" in reasons[changed_state.pk]
    assert reasons[fine_state.pk] == ""

    client.force_login(people.admin)
    url = reverse("wagtail_bulk_action", args=BULK_APPROVE)
    query = "?" + "&".join(f"id={s.pk}" for s in states)
    page = client.get(url + query).content.decode()
    for reason in filter(None, reasons.values()):
        assert reason in page
    client.post(url + query)
    for state in states:
        state.refresh_from_db()
    assert fine_state.status == TaskState.STATUS_APPROVED
    assert own_state.status == changed_state.status == TaskState.STATUS_IN_PROGRESS
    # the single "Setujui" of the queue follows the same rule, with the reason
    response = client.post(reverse("workflows:approve"), {"only": changed_state.pk}, follow=True)
    assert "berubah sejak diajukan" in response.content.decode()
    changed_state.refresh_from_db()
    assert changed_state.status == TaskState.STATUS_IN_PROGRESS


def test_operator_has_no_bulk_approve(client, people):
    state = submit(PhenomenonFactory(author=people.op, theme="Harga-harga (Inflasi)"))
    client.force_login(people.op_3172)
    url = reverse("wagtail_bulk_action", args=BULK_APPROVE) + f"?id={state.pk}"
    assert refused(client.get(url))
    assert refused(client.post(url))
    state.refresh_from_db()
    assert state.status == TaskState.STATUS_IN_PROGRESS


def test_queue_pages_keep_the_filters(client, people, monkeypatch):
    from workflows.views import QueueView

    monkeypatch.setattr(QueueView, "paginate_by", 1)
    for _ in range(3):
        submit(PhenomenonFactory(author=people.op, theme="Harga-harga (Inflasi)"))
    theme = Phenomenon.objects.first().theme_id
    client.force_login(people.spv_inflasi)
    queue = reverse("workflows:queue")
    html = client.get(queue, {"theme": theme}).content.decode()
    assert f'href="{queue}?theme={theme}&amp;p=2"' in html
    assert "Halaman 1 dari 3" in html
    html = client.get(queue, {"theme": theme, "p": 2}).content.decode()
    assert f'href="{queue}?theme={theme}&amp;p=1"' in html
    assert f'href="{queue}?theme={theme}&amp;p=3"' in html
    # the results-only view (Wagtail's refresh when a filter changes) keeps them too
    html = client.get(reverse("workflows:queue_results"), {"theme": theme}).content.decode()
    assert f'href="{queue}?theme={theme}&amp;p=2"' in html
    assert "<html" not in html


def test_review_actions_are_offered_only_to_the_routed_reviewers(people):
    phenomenon = PhenomenonFactory(author=people.op, theme="Harga-harga (Inflasi)")
    task_state = submit(phenomenon)
    task = task_state.task.specific
    names = lambda user: [name for name, *_ in task.get_actions(phenomenon, user)]  # noqa: E731
    assert names(people.spv_inflasi) == ["reject", "approve", "approve"]
    assert names(people.admin) == ["reject", "approve", "approve"]
    assert names(people.spv_wisata) == []  # another theme
    assert names(people.op) == []  # the author never reviews
    assert names(people.viewer) == []


def test_bulk_approve_select_all_takes_the_filtered_queue(client, people):
    from phenomena.models import Theme

    inflation = submit(
        PhenomenonFactory(author=people.op, theme="Harga-harga (Inflasi)", title="Inflasi saja")
    )
    tourism = submit(PhenomenonFactory(author=people.op, theme="Pariwisata", title="Wisata saja"))
    client.force_login(people.admin)
    theme = Theme.objects.get(name="Harga-harga (Inflasi)").pk
    url = reverse("wagtail_bulk_action", args=BULK_APPROVE) + f"?id=all&theme={theme}"
    page = client.get(url).content.decode()
    assert "Inflasi saja" in page and "Wisata saja" not in page
    client.post(url)
    inflation.refresh_from_db()
    tourism.refresh_from_db()
    assert inflation.status == TaskState.STATUS_APPROVED
    assert tourism.status == TaskState.STATUS_IN_PROGRESS
