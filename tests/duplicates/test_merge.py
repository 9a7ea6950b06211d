"""Merging a duplicate into the phenomenon that survives."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from wagtail.models import ModelLogEntry

from phenomena.duplicates.merge import DRAFT, PUBLISHED, SUBMITTED, merge
from phenomena.models import DuplicateDecision, Phenomenon, PhenomenonFingerprint, Role, Theme
from phenomena.services import submit
from tests.duplicates.conftest import (
    SAME_STORY,
    SAME_STORY_TITLE,
    STORY_URL,
    DuplicatePhenomenonFactory,
)
from workflows.models import SupervisorAllocation


def refused(response) -> bool:
    """Wagtail's admin answers PermissionDenied with 403, or a redirect to the dashboard."""
    if response.status_code == 403:
        return True
    return response.status_code == 302 and response.url == reverse("wagtailadmin_home")


NS = "wagtailsnippets_phenomena_phenomenon"


@pytest.fixture
def reviewer(make_user):
    """The province supervisor the inflation theme (of every phenomenon here) is routed to."""
    user = make_user("spvinflasi", Role.SUPERVISOR, "fungsi-distribusi-1")
    SupervisorAllocation.objects.create(
        supervisor=user, theme=Theme.objects.get(name="Harga-harga (Inflasi)")
    )
    return user


@pytest.fixture
def other_supervisor(make_user):
    """A kab/kota supervisor: reviews nothing of the province."""
    return make_user("spv3172", Role.SUPERVISOR, "bps-3172")


@pytest.fixture
def pair(province_operator, db):
    survivor = DuplicatePhenomenonFactory(
        author=province_operator,
        published=True,
        keywords=("cabai merah", "inflasi"),
        indicator="Perkembangan IHK (Inflasi)",
    )
    duplicate = DuplicatePhenomenonFactory(
        author=province_operator,
        title=SAME_STORY_TITLE,
        narrative=SAME_STORY,
        url="https://www.cnnindonesia.com/ekonomi/cabai",
        outlet="CNN Indonesia",
        published=True,
        keywords=("cabai merah", "pasokan"),
        indicator="Perkembangan IHK (Inflasi)",
    )
    # the duplicate also cites the survivor's article under another URL variant
    extra = duplicate.get_latest_revision_as_object()
    from phenomena.models import PhenomenonSource, SourceType

    extra.sources.add(
        PhenomenonSource(
            source_type=SourceType.objects.get(code="portal_berita"),
            url=STORY_URL.replace("https://money.", "https://amp.").replace("/read", "/money/read"),
            source_date=extra.sources.all()[0].source_date,
        )
    )
    extra.save_revision().publish()
    duplicate.refresh_from_db()
    return survivor, duplicate


def test_merge_keeps_everything_and_redirects(client, pair, reviewer, admin_user):
    survivor, duplicate = pair
    client.force_login(reviewer)
    url = reverse(f"{NS}:duplicates_merge", args=[duplicate.pk]) + f"?into={survivor.pk}"
    page = client.get(url)
    assert page.status_code == 200
    assert "Ya, gabungkan" in page.content.decode()
    response = client.post(url, {"into": survivor.pk})
    assert response.status_code == 302

    survivor = Phenomenon.objects.get(pk=survivor.pk)
    duplicate = Phenomenon.objects.get(pk=duplicate.pk)
    assert survivor.live and not survivor.has_unpublished_changes
    urls = sorted(s.url for s in survivor.sources.all())
    assert urls == sorted([STORY_URL, "https://www.cnnindonesia.com/ekonomi/cabai"])
    assert sorted(t.name for t in survivor.keywords.all()) == ["cabai merah", "inflasi", "pasokan"]
    assert survivor.indicator_links.count() == 1  # the same indicator once

    assert duplicate.merged_into == survivor and not duplicate.live
    assert duplicate.sources.count() == 2  # kept as it was
    assert not PhenomenonFingerprint.objects.filter(phenomenon=duplicate).exists()
    assert DuplicateDecision.objects.get(phenomenon=duplicate).kind == "merged"
    actions = set(ModelLogEntry.objects.values_list("action", "object_id"))
    assert ("simfoni.merge", str(survivor.pk)) in actions
    assert ("simfoni.merged_into", str(duplicate.pk)) in actions
    assert ("wagtail.unpublish", str(duplicate.pk)) in actions

    for view in ("inspect", "edit"):
        response = client.get(reverse(f"{NS}:{view}", args=[duplicate.pk]))
        assert response.status_code == 302
        assert response.url == reverse(f"{NS}:{view}", args=[survivor.pk])
    entry = ModelLogEntry.objects.get(action="simfoni.merge")
    assert "digabungkan ke sini" in str(entry.message) and duplicate.title in str(entry.message)
    client.force_login(admin_user)
    history = client.get(reverse(f"{NS}:history_results", args=[survivor.pk])).content.decode()
    assert "Gabungkan duplikat" in history or "digabungkan ke sini" in history


def test_merge_into_a_draft_survivor(admin_user, province_operator, db):
    duplicate = DuplicatePhenomenonFactory(
        author=province_operator, title=SAME_STORY_TITLE, narrative=SAME_STORY, url="https://x.id/1"
    )
    draft = DuplicatePhenomenonFactory(
        author=province_operator, url="https://kompas.com/read/lain", keywords=()
    )
    survivor = merge(draft, duplicate, admin_user)
    assert survivor.merge_outcome == DRAFT
    draft = Phenomenon.objects.get(pk=draft.pk)
    assert not draft.live and draft.current_workflow_state is None  # its author submits it
    assert draft.sources.count() == 2
    assert draft.latest_revision.user == admin_user


def test_approved_duplicate_is_not_merged_into_an_unapproved_survivor(
    client, pair, admin_user, province_operator, db
):
    _survivor, duplicate = pair
    draft = DuplicatePhenomenonFactory(
        author=province_operator, url="https://kompas.com/read/lain", keywords=()
    )
    with pytest.raises(ValidationError):
        merge(draft, duplicate, admin_user)
    client.force_login(admin_user)
    url = reverse(f"{NS}:duplicates_merge", args=[duplicate.pk]) + f"?into={draft.pk}"
    page = client.get(url).content.decode()
    assert "sudah disetujui" in page and "Ya, gabungkan" not in page
    response = client.post(url, {"into": draft.pk})
    assert response.status_code == 400
    duplicate.refresh_from_db()
    assert duplicate.live and duplicate.merged_into is None  # still visible to viewers


@pytest.mark.parametrize("role_fixture", ["province_operator", "viewer"])
def test_merge_refused_for_operators_and_viewers(client, request, pair, role_fixture):
    survivor, duplicate = pair
    user = request.getfixturevalue(role_fixture)
    client.force_login(user)
    url = reverse(f"{NS}:duplicates_merge", args=[duplicate.pk]) + f"?into={survivor.pk}"
    assert client.get(url).status_code in (302, 403)
    assert client.post(url, {"into": survivor.pk}).status_code in (302, 403)
    duplicate.refresh_from_db()
    assert duplicate.merged_into is None and duplicate.live
    with pytest.raises(PermissionDenied):
        merge(survivor, duplicate, user)


def test_merge_twice_refused_with_message(client, pair, admin_user):
    survivor, duplicate = pair
    merge(survivor, duplicate, admin_user)
    client.force_login(admin_user)
    url = reverse(f"{NS}:duplicates_merge", args=[survivor.pk]) + f"?into={duplicate.pk}"
    response = client.post(url, {"into": duplicate.pk})
    assert response.status_code == 400
    assert "sudah digabungkan" in response.content.decode()
    assert Phenomenon.objects.get(pk=survivor.pk).merged_into is None


@pytest.fixture
def submission(province_operator, db):
    """A submitted (in review), never approved duplicate of the pair's survivor."""
    duplicate = DuplicatePhenomenonFactory(
        author=province_operator,
        title="Draf rahasia: cabai merah naik 20 persen di Jakarta",
        narrative=SAME_STORY,
        url="https://www.cnnindonesia.com/ekonomi/draf",
        outlet="CNN Indonesia",
        keywords=("cabai merah", "kata kunci draf"),
    )
    submit(province_operator, duplicate)
    duplicate.refresh_from_db()
    assert duplicate.workflow_in_progress
    return duplicate


@pytest.mark.parametrize("role_fixture", ["other_supervisor", "supervisor"])
def test_supervisor_who_does_not_review_both_gets_403(client, request, pair, role_fixture):
    survivor, _duplicate = pair
    draft = request.getfixturevalue("submission")
    client.force_login(request.getfixturevalue(role_fixture))
    url = reverse(f"{NS}:duplicates_merge", args=[draft.pk]) + f"?into={survivor.pk}"
    page = client.get(url)
    assert refused(page)
    assert "Draf rahasia" not in page.content.decode()
    assert refused(client.post(url, {"into": survivor.pk}))
    draft.refresh_from_db()
    survivor.refresh_from_db()
    assert draft.merged_into is None and draft.workflow_in_progress
    assert survivor.latest_revision.user != request.getfixturevalue(role_fixture)
    # two approved phenomena they may see, but do not review: refused as well
    _survivor, approved = pair
    url = reverse(f"{NS}:duplicates_merge", args=[approved.pk]) + f"?into={survivor.pk}"
    assert refused(client.get(url))
    assert refused(client.post(url, {"into": survivor.pk}))
    assert Phenomenon.objects.get(pk=approved.pk).live


def test_never_submitted_draft_is_not_shown_to_its_units_reviewer(
    client, pair, reviewer, province_operator, db
):
    survivor, _duplicate = pair
    draft = DuplicatePhenomenonFactory(
        author=province_operator, title="Draf belum diajukan", url="https://x.id/draf", keywords=()
    )
    client.force_login(reviewer)
    url = reverse(f"{NS}:duplicates_merge", args=[draft.pk]) + f"?into={survivor.pk}"
    page = client.get(url)
    assert refused(page) and "Draf belum diajukan" not in page.content.decode()
    assert refused(client.post(url, {"into": survivor.pk}))
    assert Phenomenon.objects.get(pk=draft.pk).merged_into is None


@pytest.mark.parametrize("role_fixture", ["reviewer", "admin_user"])
def test_merging_a_submission_never_publishes_it(
    client, request, pair, submission, role_fixture, viewer
):
    survivor, _duplicate = pair
    user = request.getfixturevalue(role_fixture)
    client.force_login(user)
    url = reverse(f"{NS}:duplicates_merge", args=[submission.pk]) + f"?into={survivor.pk}"
    page = client.get(url)
    assert page.status_code == 200 and "Draf rahasia" in page.content.decode()
    response = client.post(url, {"into": survivor.pk}, follow=True)
    assert response.status_code == 200
    assert "diajukan untuk ditinjau supervisor" in response.content.decode()

    survivor = Phenomenon.objects.get(pk=survivor.pk)
    live_urls = {s.url for s in survivor.sources.all()}
    assert "https://www.cnnindonesia.com/ekonomi/draf" not in live_urls  # not published
    assert "kata kunci draf" not in {t.name for t in survivor.keywords.all()}
    latest = survivor.get_latest_revision_as_object()
    assert "https://www.cnnindonesia.com/ekonomi/draf" in {s.url for s in latest.sources.all()}
    # the merge revision waits in the approval workflow, submitted by the merger
    state = survivor.current_workflow_state
    assert state is not None and state.status == "in_progress" and state.requested_by == user
    assert state.current_task_state.revision_id == survivor.latest_revision_id

    submission = Phenomenon.objects.get(pk=submission.pk)
    assert submission.merged_into == survivor and not submission.live
    assert submission.current_workflow_state is None  # its own review is cancelled
    # viewers still see the approved survivor, unchanged
    client.force_login(viewer)
    page = client.get(reverse(f"{NS}:inspect", args=[survivor.pk]))
    assert page.status_code == 200 and "ekonomi/draf" not in page.content.decode()


def test_pending_edit_of_an_approved_duplicate_is_not_published(pair, reviewer):
    survivor, duplicate = pair
    edit = duplicate.get_latest_revision_as_object()
    edit.keywords.add("belum disetujui")
    edit.save_revision(user=duplicate.author)  # an edit nobody approved yet
    survivor = merge(survivor, Phenomenon.objects.get(pk=duplicate.pk), reviewer)
    assert survivor.merge_outcome == SUBMITTED
    assert "belum disetujui" not in {t.name for t in survivor.keywords.all()}
    latest = survivor.get_latest_revision_as_object()
    assert "belum disetujui" in {t.name for t in latest.keywords.all()}


def test_approved_content_is_published_at_once(pair, admin_user):
    survivor, duplicate = pair
    survivor = merge(survivor, duplicate, admin_user)
    assert survivor.merge_outcome == PUBLISHED
    assert survivor.live and not survivor.has_unpublished_changes
    assert "pasokan" in {t.name for t in survivor.keywords.all()}


def test_survivor_in_review_is_refused(pair, admin_user, province_operator):
    survivor, duplicate = pair
    edit = survivor.get_latest_revision_as_object()
    edit.title = "Perubahan yang sedang direview"
    edit.save_revision(user=province_operator)
    submit(province_operator, Phenomenon.objects.get(pk=survivor.pk))
    with pytest.raises(ValidationError):
        merge(survivor, duplicate, admin_user)
    assert Phenomenon.objects.get(pk=duplicate.pk).merged_into is None


def test_merge_is_in_the_history_of_both(client, pair, reviewer, admin_user):
    survivor, duplicate = pair
    merge(survivor, duplicate, reviewer)
    client.force_login(admin_user)
    history = client.get(reverse(f"{NS}:history_results", args=[survivor.pk])).content.decode()
    assert "digabungkan ke sini" in history and duplicate.title in history
    history = client.get(reverse(f"{NS}:history_results", args=[duplicate.pk])).content.decode()
    assert f"Digabungkan ke fenomena #{survivor.pk}" in history


def test_merged_approved_phenomenon_leads_viewers_to_the_survivor(client, pair, reviewer, viewer):
    survivor, duplicate = pair
    client.force_login(viewer)
    assert client.get(reverse("search:detail", args=[duplicate.pk])).status_code == 200
    merge(survivor, duplicate, reviewer)
    response = client.get(reverse("search:detail", args=[duplicate.pk]))
    assert response.status_code == 302
    assert response.url == reverse("search:detail", args=[survivor.pk])
    assert client.get(response.url).status_code == 200


def test_merged_admin_url_names_the_duplicate_only_to_who_may_see_it(
    client, province_operator, kabkota_operator, admin_user, db
):
    survivor = DuplicatePhenomenonFactory(
        author=province_operator, published=True, url="https://kompas.com/read/1"
    )
    secret = DuplicatePhenomenonFactory(
        author=province_operator,
        title="Draf rahasia yang digabungkan",
        narrative=SAME_STORY,
        url="https://www.cnnindonesia.com/ekonomi/rahasia",
    )
    Phenomenon.objects.filter(pk=secret.pk).update(merged_into=survivor)
    for view in ("inspect", "edit"):
        url = reverse(f"{NS}:{view}", args=[secret.pk])

        client.force_login(kabkota_operator)  # may not see the draft
        response = client.get(url)
        assert response.status_code == 302
        assert response.url == reverse(f"{NS}:{view}", args=[survivor.pk])
        page = client.get(url, follow=True).content.decode()
        assert "Draf rahasia" not in page
        if view == "inspect":  # the approved survivor is open to them, with a neutral note
            assert "sudah digabungkan ke fenomena lain" in page

        for user in (province_operator, admin_user):  # its author and an admin see its title
            client.force_login(user)
            page = client.get(url, follow=True).content.decode()
            assert "Draf rahasia yang digabungkan" in page
