"""The editor refuses, on the server, a save based on an older revision (stale edit) and an
admin publishing their own work without a reason (which, when given, is logged)."""

import re
import sys
from pathlib import Path

from django.contrib.messages import get_messages
from django.urls import reverse
from wagtail.models import ModelLogEntry

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "workflows"))

from wf_helpers import SNIPPET, edit_form_data, submit  # noqa: E402

from phenomena.models import Phenomenon  # noqa: E402
from tests.factories import PhenomenonFactory

REASON_FIELD = "self_approval_reason"


def edit_url(phenomenon):
    return reverse(f"{SNIPPET}:edit", args=[phenomenon.pk])


def loaded_revision_fields(html):
    """The hidden inputs Wagtail's edit form carries: the revision it was loaded from."""
    return {
        name: re.search(rf'name="{name}" value="([^"]*)"', html).group(1)
        for name in ("loaded_revision_id", "loaded_revision_created_at")
    }


def messages_of(response):
    return " ".join(str(m) for m in get_messages(response.wsgi_request))


# --- Stale edit -------------------------------------------------------------------------------


def test_save_from_a_form_loaded_before_another_save_is_refused(
    client, province_operator, admin_user
):
    phenomenon = PhenomenonFactory(author=province_operator, title="Judul awal")
    client.force_login(province_operator)
    loaded = loaded_revision_fields(client.get(edit_url(phenomenon)).content.decode())

    # Meanwhile an admin saves a correction.
    admin_client = client.__class__()
    admin_client.force_login(admin_user)
    response = admin_client.post(
        edit_url(phenomenon), {**edit_form_data(phenomenon, title="Judul koreksi admin")}
    )
    assert response.status_code == 302

    typed = "Judul yang diketik operator"
    narrative = "Narasi baru dari operator dengan angka 15 persen."
    response = client.post(
        edit_url(phenomenon),
        {**edit_form_data(phenomenon, title=typed, narrative=narrative), **loaded},
    )
    assert response.status_code == 200
    text = messages_of(response)
    assert "sudah diubah oleh" in text and "Admin1 Uji" in text and "muat ulang" in text
    # nothing the operator typed is lost, nothing of it is saved
    assert response.context["form"]["title"].value() == typed
    assert response.context["form"]["narrative"].value() == narrative
    phenomenon.refresh_from_db()
    assert phenomenon.get_latest_revision_as_object().title == "Judul koreksi admin"


def test_save_from_the_latest_revision_goes_through(client, province_operator):
    phenomenon = PhenomenonFactory(author=province_operator, title="Judul awal")
    client.force_login(province_operator)
    loaded = loaded_revision_fields(client.get(edit_url(phenomenon)).content.decode())
    response = client.post(
        edit_url(phenomenon), {**edit_form_data(phenomenon, title="Judul kedua"), **loaded}
    )
    assert response.status_code == 302
    phenomenon.refresh_from_db()
    assert phenomenon.get_latest_revision_as_object().title == "Judul kedua"


# --- Approving one's own ----------------------------------------------------------------------


def publish(client, phenomenon, reason=None, **changes):
    data = edit_form_data(phenomenon, **changes, **{"action-publish": "1"})
    if reason is not None:
        data[REASON_FIELD] = reason
    return client.post(edit_url(phenomenon), data)


def self_approvals(phenomenon):
    return ModelLogEntry.objects.filter(
        action="simfoni.self_approval", object_id=str(phenomenon.pk)
    )


def test_admin_cannot_publish_own_submission_without_a_reason(client, admin_user):
    phenomenon = PhenomenonFactory(author=admin_user, title="Fenomena input admin")
    submit(phenomenon)
    client.force_login(admin_user)

    response = publish(client, phenomenon, narrative="Narasi yang diubah admin, 10 persen.")
    assert response.status_code == 200
    assert "tanpa alasan" in messages_of(response)
    assert response.context["form"]["narrative"].value() == "Narasi yang diubah admin, 10 persen."
    phenomenon.refresh_from_db()
    assert not phenomenon.live
    assert phenomenon.workflow_in_progress  # the review goes on

    reason = "Supervisor tema ini cuti; data dibutuhkan untuk rilis BRS besok pagi."
    response = publish(client, phenomenon, reason=reason)
    assert response.status_code == 302
    phenomenon.refresh_from_db()
    assert phenomenon.live
    entry = self_approvals(phenomenon).get()
    assert entry.data["reason"] == reason and entry.user == admin_user
    history = client.get(reverse(f"{SNIPPET}:history", args=[phenomenon.pk]))
    assert reason in history.content.decode()


def test_admin_creating_and_publishing_at_once_needs_a_reason(
    client, admin_user, phenomenon_form_data
):
    client.force_login(admin_user)
    add_url = reverse(f"{SNIPPET}:add")
    response = client.post(add_url, {**phenomenon_form_data(), "action-publish": "1"})
    assert response.status_code == 200
    assert not Phenomenon.objects.exists()
    response = client.post(
        add_url,
        {**phenomenon_form_data(), "action-publish": "1", REASON_FIELD: "Rilis mendesak."},
    )
    assert response.status_code == 302
    phenomenon = Phenomenon.objects.get()
    assert phenomenon.live
    assert self_approvals(phenomenon).get().data["reason"] == "Rilis mendesak."


def test_admin_publishing_an_operators_submission_needs_no_reason(
    client, admin_user, province_operator
):
    phenomenon = PhenomenonFactory(author=province_operator)
    submit(phenomenon)
    client.force_login(admin_user)
    response = publish(client, phenomenon)
    assert response.status_code == 302
    phenomenon.refresh_from_db()
    assert phenomenon.live
    assert not self_approvals(phenomenon).exists()


def test_admin_changing_and_publishing_a_submission_at_once_needs_a_reason(
    client, admin_user, province_operator
):
    phenomenon = PhenomenonFactory(author=province_operator, title="Judul operator")
    submit(phenomenon)
    client.force_login(admin_user)
    response = publish(client, phenomenon, title="Judul diubah admin")
    assert response.status_code == 200
    phenomenon.refresh_from_db()
    assert not phenomenon.live
    response = publish(client, phenomenon, reason="Typo judul; operator setuju.", title="Judul X")
    assert response.status_code == 302
    phenomenon.refresh_from_db()
    assert phenomenon.live and phenomenon.title == "Judul X"
    assert self_approvals(phenomenon).exists()


def test_admin_publishing_their_own_latest_edit_needs_a_reason(
    client, admin_user, province_operator
):
    phenomenon = PhenomenonFactory(author=province_operator)
    phenomenon.save_revision(user=admin_user)  # the admin's correction, saved as a draft
    client.force_login(admin_user)
    response = publish(client, phenomenon)
    assert response.status_code == 200
    phenomenon.refresh_from_db()
    assert not phenomenon.live


def test_operators_do_not_get_the_reason_field(client, province_operator, admin_user):
    phenomenon = PhenomenonFactory(author=province_operator)
    client.force_login(province_operator)
    assert f'name="{REASON_FIELD}"' not in client.get(edit_url(phenomenon)).content.decode()
    client.force_login(admin_user)
    assert f'name="{REASON_FIELD}"' in client.get(edit_url(phenomenon)).content.decode()


def test_history_compare_still_works_with_the_reason_field(client, admin_user, province_operator):
    phenomenon = PhenomenonFactory(author=province_operator, title="Judul awal")
    phenomenon.title = "Judul kedua"
    phenomenon.save_revision(user=province_operator)
    client.force_login(admin_user)
    url = reverse(f"{SNIPPET}:revisions_compare", args=[phenomenon.pk, "earliest", "latest"])
    response = client.get(url)
    assert response.status_code == 200
    assert "kedua" in response.content.decode()  # the title diff
