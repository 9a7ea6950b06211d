"""The review queue's bulk approval in a browser: tick rows, "Setujui" in Wagtail's bulk-action
bar, a confirmation page that lists what will be approved, then the approval."""

import pytest

from phenomena.models import Phenomenon, Role, Theme
from tests.conftest import PASSWORD
from tests.factories import PhenomenonFactory
from tests.workflows.wf_helpers import submit

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_supervisor_approves_ticked_submissions_after_confirming(live_server, new_page, make_user):
    from workflows.models import SupervisorAllocation

    op = make_user("op_massal", Role.OPERATOR, "fungsi-sosial-2")
    spv = make_user("spv_massal", Role.SUPERVISOR, "fungsi-distribusi-1")
    SupervisorAllocation.objects.create(
        supervisor=spv, theme=Theme.objects.get(name="Harga-harga (Inflasi)")
    )
    ticked = [PhenomenonFactory(author=op, title=f"Harga telur naik minggu ke-{i}") for i in (1, 2)]
    left = PhenomenonFactory(author=op, title="Harga gula stabil")
    for phenomenon in [*ticked, left]:
        submit(phenomenon)

    page = new_page("spv_massal", PASSWORD)
    page.goto(f"{live_server.url}/admin/persetujuan/review/")
    for phenomenon in ticked:
        page.locator("tr", has_text=phenomenon.title).locator("input[type=checkbox]").check()
    bar = page.locator("[data-bulk-action-footer]")
    with page.expect_navigation():
        bar.get_by_role("link", name="Setujui pengajuan yang dipilih").click()
    # the confirmation page names both, and nothing is approved yet
    approvable = page.locator("[data-approvable]")
    assert all(p.title in approvable.inner_text() for p in ticked)
    assert not Phenomenon.objects.filter(pk__in=[p.pk for p in ticked], live=True).exists()
    with page.expect_navigation():
        page.get_by_role("button", name="Ya, setujui").click()
    assert "2 fenomena disetujui" in page.content()
    assert page.url.startswith(f"{live_server.url}/admin/persetujuan/review/")
    assert Phenomenon.objects.filter(pk__in=[p.pk for p in ticked], live=True).count() == 2
    assert not Phenomenon.objects.get(pk=left.pk).live
    assert page.locator("tr", has_text=left.title).count() == 1
