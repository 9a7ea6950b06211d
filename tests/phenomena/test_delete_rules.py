"""Approved phenomena are evidence: nobody hard-deletes one (single or bulk delete), nor one in
review; operators delete only their own never-approved drafts; an admin withdraws an approval by
unpublishing it with a reason, which the history keeps."""

import re
import sys
from pathlib import Path

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from wagtail.models import ModelLogEntry

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "workflows"))

from wf_helpers import SNIPPET, refused, submit  # noqa: E402

from phenomena.models import Phenomenon  # noqa: E402
from phenomena.permissions import PhenomenonPermissionPolicy  # noqa: E402
from tests.factories import PhenomenonFactory


def approved(author, publisher, **kwargs):
    phenomenon = PhenomenonFactory(author=author, **kwargs)
    phenomenon.get_latest_revision().publish(user=publisher)
    phenomenon.refresh_from_db()
    assert phenomenon.live
    return phenomenon


def delete_url(phenomenon):
    return reverse(f"{SNIPPET}:delete", args=[phenomenon.pk])


def bulk_delete_url(*phenomena):
    url = reverse("wagtail_bulk_action", args=["phenomena", "phenomenon", "delete"])
    return url + "?" + "&".join(f"id={p.pk}" for p in phenomena)


def delete_logged(pk):
    return ModelLogEntry.objects.filter(
        action="wagtail.delete", object_id=str(pk), content_type__model="phenomenon"
    ).exists()


def messages_of(response):
    return " ".join(str(m) for m in get_messages(response.wsgi_request))


def test_operator_deletes_own_draft_and_it_is_logged(client, province_operator):
    draft = PhenomenonFactory(author=province_operator, title="Draf yang salah input")
    client.force_login(province_operator)
    response = client.post(delete_url(draft))
    assert response.status_code == 302
    assert not Phenomenon.objects.filter(pk=draft.pk).exists()
    assert delete_logged(draft.pk)


def test_operator_cannot_delete_own_approved_phenomenon(client, province_operator, admin_user):
    phenomenon = approved(province_operator, admin_user)
    client.force_login(province_operator)
    response = client.post(delete_url(phenomenon))
    assert response.status_code == 302
    assert Phenomenon.objects.filter(pk=phenomenon.pk).exists()
    assert "pernah disetujui tidak dapat dihapus" in messages_of(response)
    # GET (the confirmation page) is refused the same way
    assert client.get(delete_url(phenomenon)).status_code == 302
    assert not delete_logged(phenomenon.pk)


def test_once_approved_then_unpublished_still_cannot_be_deleted(
    client, province_operator, admin_user
):
    phenomenon = approved(province_operator, admin_user)
    phenomenon.unpublish(user=admin_user)
    phenomenon.refresh_from_db()
    assert not phenomenon.live
    for user in (province_operator, admin_user):
        client.force_login(user)
        client.post(delete_url(phenomenon))
        assert Phenomenon.objects.filter(pk=phenomenon.pk).exists()


def test_phenomenon_in_review_cannot_be_deleted(client, province_operator, admin_user):
    phenomenon = PhenomenonFactory(author=province_operator)
    submit(phenomenon)
    assert phenomenon.workflow_in_progress
    for user in (province_operator, admin_user):
        client.force_login(user)
        response = client.post(delete_url(phenomenon))
        assert Phenomenon.objects.filter(pk=phenomenon.pk).exists()
    assert "sedang direview" in messages_of(response)


def test_admin_cannot_delete_approved_but_may_delete_a_draft(client, admin_user, province_operator):
    phenomenon = approved(province_operator, admin_user)
    draft = PhenomenonFactory(author=province_operator, title="Draf terbengkalai")
    client.force_login(admin_user)
    client.post(delete_url(phenomenon))
    assert Phenomenon.objects.filter(pk=phenomenon.pk).exists()
    client.post(delete_url(draft))
    assert not Phenomenon.objects.filter(pk=draft.pk).exists()
    assert delete_logged(draft.pk)


def test_operator_cannot_delete_another_operators_draft(
    client, province_operator, kabkota_operator
):
    draft = PhenomenonFactory(author=province_operator)
    client.force_login(kabkota_operator)
    response = client.post(delete_url(draft))
    assert refused(response)
    assert Phenomenon.objects.filter(pk=draft.pk).exists()


def test_bulk_delete_follows_the_same_rules_and_logs_each(client, province_operator, admin_user):
    phenomenon = approved(province_operator, admin_user, title="Sudah disetujui")
    in_review = PhenomenonFactory(author=province_operator, title="Sedang direview")
    submit(in_review)
    draft = PhenomenonFactory(author=province_operator, title="Draf sendiri")
    client.force_login(province_operator)
    url = bulk_delete_url(phenomenon, in_review, draft)
    page = client.get(url)
    assert page.status_code == 200
    response = client.post(url)
    assert response.status_code == 302
    assert set(Phenomenon.objects.values_list("pk", flat=True)) == {phenomenon.pk, in_review.pk}
    assert delete_logged(draft.pk)


def test_delete_policy_lists_only_deletable(province_operator, admin_user, kabkota_operator):
    phenomenon = approved(province_operator, admin_user)
    in_review = PhenomenonFactory(author=province_operator)
    submit(in_review)
    draft = PhenomenonFactory(author=province_operator)
    other_draft = PhenomenonFactory(author=kabkota_operator, area="3172")
    policy = PhenomenonPermissionPolicy(Phenomenon)
    assert set(policy.instances_user_has_permission_for(province_operator, "delete")) == {draft}
    assert set(policy.instances_user_has_permission_for(admin_user, "delete")) == {
        draft,
        other_draft,
    }
    assert not policy.user_has_permission_for_instance(admin_user, "delete", phenomenon)
    assert not policy.user_has_permission_for_instance(admin_user, "delete", in_review)


# --- Unpublishing with a reason ---------------------------------------------------------------


def unpublish_url(phenomenon):
    return reverse(f"{SNIPPET}:unpublish", args=[phenomenon.pk])


def test_admin_unpublishes_only_with_a_reason_kept_in_history(
    client, admin_user, province_operator
):
    phenomenon = approved(province_operator, admin_user, title="Fenomena yang ditarik")
    client.force_login(admin_user)
    page = client.get(unpublish_url(phenomenon))
    assert page.status_code == 200
    assert 'name="reason"' in page.content.decode()

    response = client.post(unpublish_url(phenomenon), {"reason": "  "})
    assert response.status_code == 200
    assert "Tuliskan alasannya" in response.content.decode()
    phenomenon.refresh_from_db()
    assert phenomenon.live

    reason = "Sumber berita ternyata hoaks; dikonfirmasi oleh humas Pemprov."
    response = client.post(unpublish_url(phenomenon), {"reason": reason})
    assert response.status_code == 302
    phenomenon.refresh_from_db()
    assert not phenomenon.live
    entry = ModelLogEntry.objects.get(action="wagtail.unpublish", object_id=str(phenomenon.pk))
    assert entry.data["reason"] == reason
    assert entry.user == admin_user
    history = client.get(reverse(f"{SNIPPET}:history", args=[phenomenon.pk]))
    assert reason in history.content.decode()
    from wagtail.log_actions import registry

    assert [c for c, _label in registry.get_choices()].count("wagtail.unpublish") == 1


@pytest.mark.parametrize("role", ["province_operator", "supervisor", "viewer"])
def test_only_admins_unpublish(client, request, role, admin_user, province_operator):
    phenomenon = approved(province_operator, admin_user)
    client.force_login(request.getfixturevalue(role))
    response = client.post(unpublish_url(phenomenon), {"reason": "coba"})
    assert refused(response)
    phenomenon.refresh_from_db()
    assert phenomenon.live


ROW_DELETE = re.compile(r"/phenomenon/delete/\d+/")


def test_delete_is_offered_only_where_the_rule_allows(
    client,
    province_operator,
    kabkota_operator,
    admin_user,
    django_assert_max_num_queries,
    monkeypatch,
):
    """ "Hapus" in the list's row menu and the inspect/edit header menus: never for an approved
    or in-review phenomenon, not even to its author or an admin; for an own draft, yes."""
    live = approved(province_operator, admin_user, title="Sudah disetujui")
    in_review = PhenomenonFactory(author=province_operator, title="Sedang direview")
    submit(in_review)
    draft = PhenomenonFactory(author=province_operator, title="Draf sendiri")
    list_url = reverse(f"{SNIPPET}:list")
    for user in (province_operator, admin_user):
        client.force_login(user)
        html = client.get(list_url).content.decode()
        assert delete_url(draft) in html
        for phenomenon in (live, in_review):
            assert delete_url(phenomenon) not in html
            for view in ("inspect", "edit"):
                page = client.get(reverse(f"{SNIPPET}:{view}", args=[phenomenon.pk]))
                assert page.status_code == 200
                assert delete_url(phenomenon) not in page.content.decode()
        for view in ("inspect", "edit"):
            page = client.get(reverse(f"{SNIPPET}:{view}", args=[draft.pk]))
            assert delete_url(draft) in page.content.decode()
    client.force_login(kabkota_operator)  # not theirs: sees the approved one, deletes nothing
    html = client.get(list_url).content.decode()
    assert not ROW_DELETE.search(html)

    # The row menus cost no query per row: ten more drafts, no more queries (the duplicate
    # column, which checks each unapproved row on purpose, left out of the count).
    monkeypatch.setattr("phenomena.viewsets.duplicate_flag", lambda phenomenon, user: 0)
    client.force_login(admin_user)
    with django_assert_max_num_queries(1000) as few:
        client.get(list_url)
    for n in range(10):
        PhenomenonFactory(author=province_operator, title=f"Draf tambahan {n}")
    with django_assert_max_num_queries(len(few.captured_queries)):
        html = client.get(list_url).content.decode()
    assert len(ROW_DELETE.findall(html)) == 11
