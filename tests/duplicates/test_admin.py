"""The duplicate check in the real admin: form warnings and blocks, add as source, endpoint."""

import pytest
from django.urls import reverse

from phenomena.models import DuplicateDecision, Phenomenon, Role, Theme
from tests.duplicates.conftest import (
    OTHER,
    OTHER_TITLE,
    SAME_STORY,
    SAME_STORY_TITLE,
    STORY_TITLE,
    STORY_URL,
    DuplicatePhenomenonFactory,
)
from tests.phenomena.test_admin_input import errors_of, source
from workflows.models import SupervisorAllocation

ADD_URL = "wagtailsnippets_phenomena_phenomenon:add"
NS = "wagtailsnippets_phenomena_phenomenon"


def post(client, user, data):
    client.force_login(user)
    return client.post(reverse(ADD_URL), data)


def same_story_data(phenomenon_form_data, **extra):
    return phenomenon_form_data(
        title=SAME_STORY_TITLE,
        narrative=SAME_STORY,
        sources=[
            source("portal_berita", "CNN Indonesia", "https://www.cnnindonesia.com/ekonomi/1")
        ],
        **extra,
    )


def test_same_url_blocks_save_and_offers_add_as_source(
    client, province_operator, make_user, phenomenon_form_data, db
):
    stored = DuplicatePhenomenonFactory(author=make_user("opsos2b", "Operator", "fungsi-sosial-2"))
    data = phenomenon_form_data(
        title="Judul yang diketik operator",
        narrative="Narasi yang diketik operator tetap ada.",
        sources=[
            source("portal_berita", "Kompas.com", STORY_URL + "?utm_source=twitter"),
            source("portal_berita", "CNN Indonesia", "https://www.cnnindonesia.com/ekonomi/9"),
        ],
    )
    response = post(client, province_operator, data)
    assert response.status_code == 200
    assert Phenomenon.objects.count() == 1
    text = errors_of(response)
    assert f"sudah tercatat pada fenomena “{STORY_TITLE}”" in text
    assert "Tautan ini sudah dipakai" in text  # on the source row itself
    html = response.content.decode()
    add_url = reverse(f"{NS}:duplicates_add_source", args=[stored.pk])
    assert f'formaction="{add_url}"' in html
    assert response.context["form"]["title"].value() == "Judul yang diketik operator"
    assert "Narasi yang diketik operator tetap ada." in html
    assert "cnnindonesia.com/ekonomi/9" in html

    # The offer: post the same form to the add-as-source action.  Another operator's draft,
    # which this operator may not see, is not written to: the form comes back with a message.
    response = client.post(add_url, data)
    assert response.status_code == 409
    assert "masih berupa draf milik penginput lain" in flash_messages(response)
    assert STORY_TITLE not in flash_messages(response)
    assert response.context["form"]["title"].value() == "Judul yang diketik operator"
    html = response.content.decode()
    assert (
        "Narasi yang diketik operator tetap ada." in html and "cnnindonesia.com/ekonomi/9" in html
    )
    assert Phenomenon.objects.count() == 1
    stored.refresh_from_db()
    assert stored.latest_revision.user != province_operator
    assert stored.get_latest_revision_as_object().sources.count() == 1


def test_add_as_source_to_own_draft(client, province_operator, phenomenon_form_data, db):
    stored = DuplicatePhenomenonFactory(author=province_operator)
    data = phenomenon_form_data(
        title="Judul yang diketik operator",
        sources=[
            source("portal_berita", "Kompas.com", STORY_URL + "?utm_source=twitter"),
            source("portal_berita", "CNN Indonesia", "https://www.cnnindonesia.com/ekonomi/9"),
        ],
    )
    client.force_login(province_operator)
    response = client.post(reverse(f"{NS}:duplicates_add_source", args=[stored.pk]), data)
    assert response.status_code == 302
    assert Phenomenon.objects.count() == 1
    stored.refresh_from_db()
    latest = stored.get_latest_revision_as_object()
    assert sorted(s.url for s in latest.sources.all()) == sorted(
        [STORY_URL, "https://www.cnnindonesia.com/ekonomi/9"]
    )  # the Kompas variant is not added twice
    assert stored.latest_revision.user == province_operator
    assert stored.sources.count() == 2  # a draft: the row follows the revision
    assert stored.current_workflow_state is None  # the author submits their draft


def flash_messages(response):
    from django.contrib.messages import get_messages

    return " | ".join(str(m) for m in get_messages(response.wsgi_request))


def test_add_as_source_to_published_phenomenon_waits_for_review(
    client, province_operator, phenomenon_form_data, make_user, db
):
    reviewer = make_user("spvinflasi", Role.SUPERVISOR, "fungsi-distribusi-1")
    SupervisorAllocation.objects.create(
        supervisor=reviewer, theme=Theme.objects.get(name="Harga-harga (Inflasi)")
    )
    stored = DuplicatePhenomenonFactory(author=None, published=True)
    data = phenomenon_form_data(
        sources=[
            source("portal_berita", "Kompas.com", STORY_URL),
            source("portal_berita", "CNN Indonesia", "https://www.cnnindonesia.com/ekonomi/9"),
        ]
    )
    client.force_login(province_operator)
    response = client.post(reverse(f"{NS}:duplicates_add_source", args=[stored.pk]), data)
    assert response.status_code == 302
    stored.refresh_from_db()
    assert stored.live and stored.has_unpublished_changes
    assert stored.sources.count() == 1  # published version unchanged until approved
    assert stored.get_latest_revision_as_object().sources.count() == 2
    # submitted for review in the operator's name, so the routed supervisor sees it
    state = stored.current_workflow_state
    assert state is not None and state.status == "in_progress"
    assert state.requested_by == province_operator
    assert state.current_task_state.revision_id == stored.latest_revision_id
    client.force_login(reviewer)
    assert STORY_TITLE in client.get(reverse("workflows:queue")).content.decode()


def in_review(phenomenon, user):
    from phenomena.services import submit

    edit = phenomenon.get_latest_revision_as_object()
    edit.title = STORY_TITLE + " (direvisi)"
    edit.save_revision(user=user)
    submit(user, Phenomenon.objects.get(pk=phenomenon.pk))


def pending_edit(phenomenon, user):
    edit = phenomenon.get_latest_revision_as_object()
    edit.title = STORY_TITLE + " (belum diajukan)"
    edit.save_revision(user=user)


def locked(phenomenon, user):
    Phenomenon.objects.filter(pk=phenomenon.pk).update(locked=True, locked_by=user)


@pytest.mark.parametrize(
    "block, message",
    [
        (in_review, "sedang direview atau dikunci"),
        (locked, "sedang direview atau dikunci"),
        (pending_edit, "sedang diubah oleh penginputnya"),
    ],
)
def test_add_as_source_refused_while_in_review_locked_or_being_edited(
    client, make_user, province_operator, phenomenon_form_data, block, message, db
):
    other = make_user("opsos2b", "Operator", "fungsi-sosial-2")
    stored = DuplicatePhenomenonFactory(author=other, published=True)
    block(stored, other)
    stored.refresh_from_db()
    revisions = stored.revisions.count()
    data = phenomenon_form_data(
        title="Judul yang diketik operator",
        sources=[
            source("portal_berita", "Kompas.com", STORY_URL),
            source("portal_berita", "CNN Indonesia", "https://www.cnnindonesia.com/ekonomi/9"),
        ],
    )
    client.force_login(province_operator)
    response = client.post(reverse(f"{NS}:duplicates_add_source", args=[stored.pk]), data)
    assert response.status_code == 409
    assert message in flash_messages(response)
    assert response.context["form"]["title"].value() == "Judul yang diketik operator"
    assert "cnnindonesia.com/ekonomi/9" in response.content.decode()
    assert stored.revisions.count() == revisions  # nothing written
    assert Phenomenon.objects.count() == 1


def test_viewer_cannot_add_source(client, viewer, phenomenon_form_data, db):
    stored = DuplicatePhenomenonFactory(author=None)
    client.force_login(viewer)
    url = reverse(f"{NS}:duplicates_add_source", args=[stored.pk])
    data = phenomenon_form_data(
        sources=[source("portal_berita", "CNN Indonesia", "https://cnnindonesia.com/z")]
    )
    assert client.post(url, data).status_code in (302, 403)
    assert stored.get_latest_revision_as_object().sources.count() == 1


def test_near_match_warns_then_not_duplicate_confirmation_saves(
    client, province_operator, phenomenon_form_data, db
):
    stored = DuplicatePhenomenonFactory(author=None)
    response = post(client, province_operator, same_story_data(phenomenon_form_data))
    assert response.status_code == 200
    assert "mirip dengan fenomena yang sudah ada" in errors_of(response)
    assert STORY_TITLE in response.content.decode()
    assert response.context["form"]["narrative"].value() == SAME_STORY
    assert Phenomenon.objects.count() == 1

    # Ticking without a reason is not enough.
    response = post(
        client, province_operator, same_story_data(phenomenon_form_data, not_duplicate="on")
    )
    assert response.status_code == 200
    assert "Tulis alasan singkat" in errors_of(response)

    data = same_story_data(
        phenomenon_form_data, not_duplicate="on", not_duplicate_reason="Pasar yang diliput berbeda"
    )
    response = post(client, province_operator, data)
    assert response.status_code == 302, errors_of(response)
    new = Phenomenon.objects.exclude(pk=stored.pk).get()
    decision = DuplicateDecision.objects.get()
    assert (decision.phenomenon, decision.other, decision.kind) == (new, stored, "not_duplicate")
    assert decision.reason == "Pasar yang diliput berbeda"
    assert decision.decided_by == province_operator


def test_unrelated_phenomenon_saves_without_questions(
    client, province_operator, phenomenon_form_data, db
):
    DuplicatePhenomenonFactory(author=None)
    data = phenomenon_form_data(
        title=OTHER_TITLE,
        narrative=OTHER,
        sources=[source("portal_berita", "Kompas.com", "https://travel.kompas.com/read/1")],
    )
    assert post(client, province_operator, data).status_code == 302


def test_check_endpoint_lists_duplicates_for_operators_only(
    client, province_operator, viewer, supervisor, db
):
    stored = DuplicatePhenomenonFactory(author=None)
    url = reverse(f"{NS}:duplicates_check")
    params = {"title": SAME_STORY_TITLE, "narrative": SAME_STORY, "urls": [STORY_URL]}
    client.force_login(province_operator)
    data = client.get(url, params).json()
    [match] = data["matches"]
    assert (match["id"], match["title"], match["kind"]) == (stored.pk, STORY_TITLE, "block")
    assert match["outlet"] == "Kompas.com" and match["status"] == "Draf" and match["date"]
    assert match["link"] is None  # someone else's draft: listed, but not opened
    for user in (viewer, supervisor):
        client.force_login(user)
        assert client.get(url, params).status_code in (302, 403)
    client.logout()
    assert client.get(url, params).status_code in (302, 403)


def test_list_flags_possible_duplicates_and_review_page(client, admin_user, db):
    first = DuplicatePhenomenonFactory(author=None)
    DuplicatePhenomenonFactory(
        author=None, title=SAME_STORY_TITLE, narrative=SAME_STORY, url="https://cnnindonesia.com/1"
    )
    client.force_login(admin_user)
    html = client.get(reverse(f"{NS}:list")).content.decode()
    assert "Kemungkinan duplikat" in html and "1 kemungkinan duplikat" in html
    html = client.get(reverse(f"{NS}:duplicates_review", args=[first.pk])).content.decode()
    assert SAME_STORY_TITLE in html
    assert reverse(f"{NS}:duplicates_merge", args=[first.pk]) in html


def test_list_flags_only_what_awaits_a_decision(client, admin_user, db):
    DuplicatePhenomenonFactory(author=None, published=True)
    DuplicatePhenomenonFactory(
        author=None,
        title=SAME_STORY_TITLE,
        narrative=SAME_STORY,
        url="https://cnnindonesia.com/1",
        published=True,
    )
    client.force_login(admin_user)
    html = client.get(reverse(f"{NS}:list")).content.decode()
    assert "1 kemungkinan duplikat" not in html  # both approved: already reviewed


def test_review_page_lists_only_what_the_user_may_see(
    client, province_operator, viewer, admin_user, db
):
    approved = DuplicatePhenomenonFactory(author=None, published=True)
    judged = DuplicatePhenomenonFactory(
        author=province_operator,
        title="Draf yang dinilai bukan duplikat",
        narrative=SAME_STORY,
        url="https://cnnindonesia.com/dinilai",
    )
    DuplicateDecision.objects.create(
        phenomenon=judged,
        other=approved,
        kind=DuplicateDecision.Kind.NOT_DUPLICATE,
        reason="Alasan operator yang belum direview",
        decided_by=province_operator,
    )
    DuplicatePhenomenonFactory(
        author=province_operator,
        title=SAME_STORY_TITLE,
        narrative=SAME_STORY,
        url="https://cnnindonesia.com/draf",
    )
    url = reverse(f"{NS}:duplicates_review", args=[approved.pk])

    client.force_login(viewer)
    html = client.get(url).content.decode()
    assert STORY_TITLE in html  # the approved phenomenon itself
    for secret in (SAME_STORY_TITLE, "Draf yang dinilai", "Alasan operator yang belum direview"):
        assert secret not in html
    assert "Tidak ada kemungkinan duplikat" in html and "Belum ada keputusan" in html

    client.force_login(admin_user)
    html = client.get(url).content.decode()
    assert SAME_STORY_TITLE in html
    assert "Draf yang dinilai" in html and "Alasan operator yang belum direview" in html

    client.force_login(province_operator)  # the author of both drafts sees them
    html = client.get(url).content.decode()
    assert SAME_STORY_TITLE in html and "Alasan operator yang belum direview" in html


def test_list_counts_only_possible_duplicates_the_user_may_see(
    client, province_operator, make_user, admin_user, db
):
    own = DuplicatePhenomenonFactory(author=province_operator)
    DuplicatePhenomenonFactory(  # another operator's draft: the province operator may not see it
        author=make_user("opsos2b", Role.OPERATOR, "fungsi-sosial-2"),
        title=SAME_STORY_TITLE,
        narrative=SAME_STORY,
        url="https://cnnindonesia.com/draf-lain",
    )
    DuplicatePhenomenonFactory(
        author=None, url="https://cnnindonesia.com/disetujui", published=True
    )

    client.force_login(admin_user)
    html = client.get(reverse(f"{NS}:list")).content.decode()
    assert "2 kemungkinan duplikat" in html  # the admin sees both matches of the draft

    client.force_login(province_operator)
    html = client.get(reverse(f"{NS}:list")).content.decode()
    assert SAME_STORY_TITLE not in html
    assert "2 kemungkinan duplikat" not in html
    assert "1 kemungkinan duplikat" in html  # only the approved one, which they may see
    review = client.get(reverse(f"{NS}:duplicates_review", args=[own.pk])).content.decode()
    assert SAME_STORY_TITLE not in review
