"""The `/fenomena/` visibility policy everywhere in the admin (issue 21 items 3 and 4, issue 22
items 2 and 3): the snippet chooser, site history (and its download), workflow history,
revision comparison, the list's links and menus, the admin home's search box."""

import sys
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.urls import reverse

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "workflows"))

from wf_helpers import SNIPPET, refused, submit, theme  # noqa: E402

from phenomena.models import Role  # noqa: E402
from tests.factories import PhenomenonFactory
from workflows.models import SupervisorAllocation  # noqa: E402

CHOOSER = "wagtailsnippetchoosers_phenomena_phenomenon"


def body(response) -> str:
    """The text of a response, streamed (CSV download) or not."""
    if response.streaming:
        return b"".join(response.streaming_content).decode()
    return response.content.decode()


@pytest.fixture
def people(make_user):
    p = SimpleNamespace(
        admin=make_user("admin1", Role.ADMIN, "fungsi-ipds"),
        op=make_user("opsos2", Role.OPERATOR, "fungsi-sosial-2"),
        op_3172=make_user("op3172", Role.OPERATOR, "bps-3172"),
        spv_inflasi=make_user("spvinflasi", Role.SUPERVISOR, "fungsi-distribusi-1"),
        spv_wisata=make_user("spvwisata", Role.SUPERVISOR, "fungsi-distribusi-1"),
        viewer=make_user("viewerprov", Role.VIEWER, "fungsi-ipds"),
    )
    SupervisorAllocation.objects.create(
        supervisor=p.spv_inflasi, theme=theme("Harga-harga (Inflasi)")
    )
    SupervisorAllocation.objects.create(supervisor=p.spv_wisata, theme=theme("Pariwisata"))
    return p


def approve(phenomenon, reviewer):
    state = phenomenon.current_workflow_task_state
    state.task.specific.on_action(state, reviewer, "approve", comment="")
    phenomenon.refresh_from_db()


def reject(phenomenon, reviewer, reason):
    state = phenomenon.current_workflow_task_state
    state.task.specific.on_action(state, reviewer, "reject", comment=reason)
    phenomenon.refresh_from_db()


@pytest.fixture
def corpus(people):
    """An approved phenomenon, another operator's draft, and a rejected one."""
    approved = PhenomenonFactory(author=people.op, title="Inflasi turun karena panen raya")
    submit(approved)
    approve(approved, people.spv_inflasi)
    draft = PhenomenonFactory(author=people.op, title="Draf rahasia belum diajukan")
    rejected = PhenomenonFactory(author=people.op, title="Judul yang ditolak supervisor")
    submit(rejected)
    reject(rejected, people.spv_inflasi, "Sumber tidak sesuai")
    return SimpleNamespace(approved=approved, draft=draft, rejected=rejected)


# -- Chooser (issue 21 item 3) ---------------------------------------------------------------


def test_chooser_lists_only_visible_phenomena(client, people, corpus):
    for user in (people.viewer, people.op_3172, people.spv_wisata):
        client.force_login(user)
        for name in ("choose", "choose_results"):
            page = client.get(reverse(f"{CHOOSER}:{name}")).content.decode()
            assert "Inflasi turun karena panen raya" in page
            assert "Draf rahasia" not in page and "ditolak supervisor" not in page

    client.force_login(people.op)  # the author sees their own
    page = client.get(reverse(f"{CHOOSER}:choose_results")).content.decode()
    assert "Draf rahasia belum diajukan" in page


def test_chosen_does_not_return_an_invisible_title(client, people, corpus):
    client.force_login(people.viewer)
    response = client.get(reverse(f"{CHOOSER}:chosen", args=[corpus.draft.pk]))
    assert response.status_code == 404
    assert "Draf rahasia" not in response.content.decode()
    multiple = client.get(
        reverse(f"{CHOOSER}:chosen_multiple"), {"id": [corpus.draft.pk, corpus.approved.pk]}
    ).content.decode()
    assert "Draf rahasia" not in multiple and "panen raya" in multiple

    ok = client.get(reverse(f"{CHOOSER}:chosen", args=[corpus.approved.pk]))
    assert ok.status_code == 200 and "panen raya" in ok.content.decode()


# -- Site history (issue 21 item 3) ----------------------------------------------------------

SITE_HISTORY = "wagtailadmin_reports:site_history"


def test_viewer_has_no_site_history(client, people, corpus):
    client.force_login(people.viewer)
    for url in (
        reverse(SITE_HISTORY),
        reverse(SITE_HISTORY) + "?export=csv",
        reverse("wagtailadmin_reports:site_history_results"),
    ):
        response = client.get(url)
        assert refused(response)
        assert "ditolak supervisor" not in response.content.decode()


def test_other_operator_reads_no_entries_of_others_unapproved_phenomena(client, people, corpus):
    client.force_login(people.op_3172)
    page = client.get(reverse(SITE_HISTORY)).content.decode()
    assert "Draf rahasia" not in page and "ditolak supervisor" not in page
    csv = body(client.get(reverse(SITE_HISTORY), {"export": "csv"}))
    assert "Draf rahasia" not in csv and "ditolak supervisor" not in csv
    rejections = client.get(
        reverse("wagtailadmin_reports:site_history_results"),
        {"action": "wagtail.workflow.reject"},
    ).content.decode()
    assert "ditolak supervisor" not in rejections and "spvinflasi" not in rejections.lower()

    # their own phenomenon's entries are there
    own = PhenomenonFactory(author=people.op_3172, area="3172", title="Fenomena milik op3172")
    assert own.pk
    page = client.get(reverse(SITE_HISTORY)).content.decode()
    assert "Fenomena milik op3172" in page


def test_author_and_admin_read_the_rejection_in_site_history(client, people, corpus):
    for user in (people.op, people.admin):
        client.force_login(user)
        csv = body(
            client.get(
                reverse(SITE_HISTORY), {"export": "csv", "action": "wagtail.workflow.reject"}
            )
        )
        assert "Judul yang ditolak supervisor" in csv


def test_supervisor_reads_what_they_may_review_not_others_drafts(client, people, corpus):
    client.force_login(people.spv_wisata)
    page = body(client.get(reverse(SITE_HISTORY), {"export": "csv"}))
    assert "Inflasi turun karena panen raya" in page  # approved: its history is open to them
    assert "Draf rahasia" not in page and "ditolak supervisor" not in page
    client.force_login(people.spv_inflasi)  # who rejected it: their own action
    page = body(client.get(reverse(SITE_HISTORY), {"export": "csv"}))
    assert "ditolak supervisor" in page and "Draf rahasia" not in page


# -- Workflow history and revisions (issue 21 item 4) ----------------------------------------


def test_other_operator_cannot_read_workflow_history_or_pending_edits(client, people, corpus):
    approved = corpus.approved
    approved.title = "Perubahan belum diajukan"
    approved.save_revision(user=people.op)
    workflow_state = corpus.rejected.workflow_states.order_by("-pk").first()
    urls = [
        reverse(f"{SNIPPET}:history", args=[corpus.rejected.pk]),
        reverse(f"{SNIPPET}:workflow_history", args=[corpus.rejected.pk]),
        reverse(f"{SNIPPET}:workflow_history_detail", args=[corpus.rejected.pk, workflow_state.pk]),
        reverse(f"{SNIPPET}:revisions_compare", args=[approved.pk, "live", "latest"]),
    ]
    for user in (people.op_3172, people.viewer):
        client.force_login(user)
        for url in urls:
            response = client.get(url)
            assert refused(response), (user, url, response.status_code)
            body = response.content.decode()
            assert "Sumber tidak sesuai" not in body and "Perubahan belum diajukan" not in body

    client.force_login(people.op)  # the author reads them all
    for url in urls:
        assert client.get(url).status_code == 200, url
    detail = client.get(urls[2]).content.decode()
    assert "Sumber tidak sesuai" in detail


def test_routed_supervisor_reads_workflow_history_and_comparison(client, people, corpus):
    approved = corpus.approved
    approved.title = "Judul baru diajukan"
    approved.save_revision(user=people.op)
    state = submit(approved)
    client.force_login(people.spv_inflasi)
    compare = client.get(
        reverse(f"{SNIPPET}:revisions_compare", args=[approved.pk, "live", state.revision_id])
    )
    assert compare.status_code == 200 and "Judul baru diajukan" in compare.content.decode()
    assert client.get(reverse(f"{SNIPPET}:workflow_history", args=[approved.pk])).status_code == 200


# -- The list: links and menus (issue 22 item 2) ---------------------------------------------


def test_list_links_other_operators_rows_to_the_detail_without_edit_or_delete(
    client, people, corpus
):
    other = PhenomenonFactory(author=people.op_3172, area="3172", title="Milik operator kota")
    submit(other)
    approve(other, people.admin)
    client.force_login(people.op)
    page = client.get(reverse(f"{SNIPPET}:list")).content.decode()
    edit_other = reverse(f"{SNIPPET}:edit", args=[other.pk])
    delete_other = reverse(f"{SNIPPET}:delete", args=[other.pk])
    assert edit_other not in page and delete_other not in page
    assert reverse(f"{SNIPPET}:inspect", args=[other.pk]) in page
    # their own draft still opens the editor
    assert reverse(f"{SNIPPET}:edit", args=[corpus.draft.pk]) in page


def test_inspect_header_offers_no_edit_or_delete_to_others(client, people, corpus):
    client.force_login(people.op_3172)
    page = client.get(reverse(f"{SNIPPET}:inspect", args=[corpus.approved.pk])).content.decode()
    assert reverse(f"{SNIPPET}:edit", args=[corpus.approved.pk]) not in page
    assert reverse(f"{SNIPPET}:delete", args=[corpus.approved.pk]) not in page
    assert reverse(f"{SNIPPET}:history", args=[corpus.approved.pk]) not in page
    client.force_login(people.op)
    page = client.get(reverse(f"{SNIPPET}:inspect", args=[corpus.approved.pk])).content.decode()
    assert reverse(f"{SNIPPET}:edit", args=[corpus.approved.pk]) in page
    assert reverse(f"{SNIPPET}:history", args=[corpus.approved.pk]) in page


# -- The admin home's search box (issue 22 item 3) -------------------------------------------


@pytest.mark.parametrize("role", ["admin", "op", "spv_inflasi", "viewer"])
def test_home_search_box_searches_phenomena_for_every_role(client, people, corpus, role):
    client.force_login(getattr(people, role))
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    list_url = reverse(f"{SNIPPET}:list")
    assert f'action="{list_url}"' in home
    assert "Cari fenomena" in home
    assert f'action="{reverse("wagtailadmin_explore_root")}' not in home
    results = client.get(list_url, {"q": "panen"})
    assert results.status_code == 200
    assert "Inflasi turun karena panen raya" in results.content.decode()


def test_home_search_shows_each_role_only_what_it_may_see(client, people, corpus):
    client.force_login(people.viewer)
    page = client.get(reverse(f"{SNIPPET}:list"), {"q": "rahasia"}).content.decode()
    assert "Draf rahasia" not in page
    client.force_login(people.op)
    page = client.get(reverse(f"{SNIPPET}:list"), {"q": "rahasia"}).content.decode()
    assert "Draf rahasia belum diajukan" in page
