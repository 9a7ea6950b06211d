"""In a real browser: the operator opens the editor of their rejected phenomenon and sees who
rejected it, when and why, above the form, and one "Ajukan ulang" action (issue 22, item 4)."""

import pytest

from phenomena.models import Role, Theme
from tests.conftest import PASSWORD
from tests.factories import PhenomenonFactory
from tests.workflows.wf_helpers import submit

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

REASON = "Tautan bukti tidak dapat dibuka; cantumkan tautan artikel aslinya."


@pytest.mark.parametrize("viewport", [(1366, 900), (390, 844)], ids=["desktop", "phone"])
def test_operator_sees_the_rejection_and_one_resubmit_action(
    live_server, new_page, make_user, viewport
):
    from workflows.models import SupervisorAllocation

    operator = make_user("op_tolak", Role.OPERATOR, "fungsi-sosial-2")
    spv = make_user("spv_tolak", Role.SUPERVISOR, "fungsi-distribusi-1")
    spv.first_name = "Sinta"
    spv.save(update_fields=["first_name"])
    SupervisorAllocation.objects.create(
        supervisor=spv, theme=Theme.objects.get(name="Harga-harga (Inflasi)")
    )
    phenomenon = PhenomenonFactory(
        author=operator, theme="Harga-harga (Inflasi)", title="Harga telur naik"
    )
    state = submit(phenomenon)
    state.task.specific.on_action(state, spv, "reject", comment=REASON)

    page = new_page("op_tolak", PASSWORD, viewport=viewport)
    page.goto(f"{live_server.url}/admin/snippets/phenomena/phenomenon/edit/{phenomenon.pk}/")
    page.wait_for_load_state("networkidle")

    notice = page.locator("[data-rejection-notice]")
    assert notice.is_visible()
    text = notice.inner_text()
    assert "Ditolak oleh Sinta Uji pada" in text
    assert REASON in text
    # above the form, within the screen's width
    box = notice.bounding_box()
    form_box = page.locator("#w-editor-form").bounding_box()
    assert box["y"] < form_box["y"]
    assert box["x"] >= 0 and box["x"] + box["width"] <= viewport[0]

    # the footer's main button is "Ajukan ulang"; Wagtail's restart and cancel are not offered
    footer = page.locator("footer nav.actions")
    main = footer.locator("button[name=action-submit]")
    assert main.is_visible() and "Ajukan ulang" in main.inner_text()
    html = footer.inner_html()
    assert "action-restart-workflow" not in html and "action-cancel-workflow" not in html
    page.screenshot(path=f"/tmp/simfoni-rejection-editor-{viewport[0]}.png", full_page=False)

    # the status side panel says "Ditolak", by the supervisor
    page.locator("[data-side-panel-toggle='status']").first.click()
    panel = page.locator("[data-side-panel='status']")
    panel.wait_for(state="visible")
    assert "Ditolak" in panel.inner_text() and "Sinta Uji" in panel.inner_text()
    assert "Dalam peninjauan" not in panel.inner_text()
