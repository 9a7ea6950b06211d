"""Only approved phenomena are visible to viewers; an approved one stays visible, unchanged,
while its edit waits for review; supervisors see what is routed to them."""

from django.urls import reverse
from wf_helpers import SNIPPET, edit_form_data, submit

from phenomena.models import Phenomenon
from phenomena.permissions import visible_phenomena
from tests.factories import PhenomenonFactory


def approve(phenomenon, reviewer):
    state = phenomenon.current_workflow_task_state
    state.task.specific.on_action(state, reviewer, "approve", comment="")
    phenomenon.refresh_from_db()


def test_submissions_visible_to_routed_supervisor_only(people):
    inflasi = PhenomenonFactory(author=people.op, theme="Harga-harga (Inflasi)")
    draft = PhenomenonFactory(author=people.op, theme="Harga-harga (Inflasi)", title="Masih draf")
    submit(inflasi)
    assert set(visible_phenomena(people.spv_inflasi)) == {inflasi}  # not the unsubmitted draft
    assert not visible_phenomena(people.spv_wisata).exists()
    assert not visible_phenomena(people.viewer).exists()
    assert set(visible_phenomena(people.op)) == {inflasi, draft}  # the author's own
    approve(inflasi, people.spv_inflasi)
    assert set(visible_phenomena(people.viewer)) == {inflasi}
    assert set(visible_phenomena(people.spv_wisata)) == {inflasi}


def test_approved_phenomenon_stays_visible_while_its_edit_is_pending(client, people):
    phenomenon = PhenomenonFactory(
        author=people.op, theme="Harga-harga (Inflasi)", title="Judul disetujui"
    )
    submit(phenomenon)
    approve(phenomenon, people.spv_inflasi)
    assert phenomenon.live

    client.force_login(people.op)
    response = client.post(
        reverse(f"{SNIPPET}:edit", args=[phenomenon.pk]),
        edit_form_data(phenomenon, title="Judul baru menunggu", **{"action-submit": "1"}),
        follow=True,
    )
    assert response.status_code == 200
    phenomenon.refresh_from_db()
    assert phenomenon.workflow_in_progress
    assert phenomenon.live and phenomenon.title == "Judul disetujui"  # live content unchanged
    assert phenomenon.get_latest_revision_as_object().title == "Judul baru menunggu"

    # the viewer still sees the approved version, in the list and on its page
    client.force_login(people.viewer)
    listing = client.get(reverse(f"{SNIPPET}:list")).content.decode()
    assert "Judul disetujui" in listing and "Judul baru menunggu" not in listing
    page = client.get(reverse(f"{SNIPPET}:inspect", args=[phenomenon.pk])).content.decode()
    assert "Judul disetujui" in page and "Judul baru menunggu" not in page

    # the queue shows the edit, as an edit
    client.force_login(people.spv_inflasi)
    queue = client.get(reverse("workflows:queue")).content.decode()
    assert "Judul baru menunggu" in queue and "perubahan" in queue

    approve(phenomenon, people.spv_inflasi)
    assert Phenomenon.objects.approved().get(pk=phenomenon.pk).title == "Judul baru menunggu"


def test_rejected_edit_leaves_the_approved_version_live(people):
    phenomenon = PhenomenonFactory(
        author=people.op, theme="Harga-harga (Inflasi)", title="Judul disetujui"
    )
    submit(phenomenon)
    approve(phenomenon, people.spv_inflasi)
    phenomenon.title = "Perubahan yang ditolak"
    phenomenon.save_revision(user=people.op)
    state = submit(phenomenon)
    state.task.specific.on_action(state, people.spv_inflasi, "reject", comment="Tidak perlu.")
    phenomenon.refresh_from_db()
    assert phenomenon.live and phenomenon.title == "Judul disetujui"
    assert list(visible_phenomena(people.viewer)) == [phenomenon]


def test_menu_items_follow_the_role(client, people):
    def menu(user):
        client.force_login(user)
        return client.get(reverse("wagtailadmin_home")).content.decode()

    operator, supervisor, viewer = menu(people.op), menu(people.spv_inflasi), menu(people.viewer)
    assert "Fenomena saya" in operator and "Antrean review" not in operator
    assert "Antrean review" in supervisor and "Fenomena saya" not in supervisor
    assert "Antrean review" not in viewer and "Fenomena saya" not in viewer
    assert all("Notifikasi" in page for page in (operator, supervisor, viewer))
    assert "Alokasi Supervisor" in menu(people.admin) and "Alokasi Supervisor" not in supervisor
