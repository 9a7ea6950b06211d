"""What the issues' "done when" describe, clicked through in a real browser.

1. An operator fills in the phenomenon form and submits it; the supervisor of its theme sees
   it in the review queue and rejects it with a reason; the operator reads the reason, fixes
   the narrative and resubmits; the supervisor approves it; a viewer then finds it.
2. A viewer finds a phenomenon by a word of its narrative, narrows by kab/kota and month,
   sorts, exports the result to XLSX and opens the detail page.
"""

import datetime
import io

import pytest
from openpyxl import load_workbook

from phenomena.models import Phenomenon, Role, Theme
from phenomena.rules import today
from tests.conftest import PASSWORD

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

TITLE = "Harga bawang merah di Jakarta naik tajam menjelang Natal"
NARRATIVE = "Harga bawang merah di pasar induk Kramat Jati naik karena pasokan dari Brebes turun."
FIXED = NARRATIVE + " Kenaikan mencapai 18 persen dibanding bulan sebelumnya."
REASON = "Sebutkan besarnya kenaikan harga sesuai artikel."


def submit_with(page, button_name):
    """Press a button of the editor's action menu (it sits in a dropdown)."""
    with page.expect_navigation():
        page.eval_on_selector(f'button[name="{button_name}"]', "b => b.form.requestSubmit(b)")
    page.wait_for_load_state("networkidle")


def test_submit_reject_fix_approve_then_viewer_sees_it(live_server, new_page, make_user):
    from workflows.models import SupervisorAllocation

    make_user("op_e2e", Role.OPERATOR, "fungsi-sosial-2")
    spv = make_user("spv_e2e", Role.SUPERVISOR, "fungsi-distribusi-1")
    make_user("viewer_e2e", Role.VIEWER, "fungsi-ipds")
    inflation = Theme.objects.get(name="Harga-harga (Inflasi)")
    SupervisorAllocation.objects.create(supervisor=spv, theme=inflation)
    month = (today().replace(day=1) - datetime.timedelta(days=1)).replace(day=1)

    # 1. the operator fills in the real form and submits it for review
    op = new_page("op_e2e", PASSWORD)
    op.goto(f"{live_server.url}/admin/snippets/phenomena/phenomenon/add/")
    op.fill("#id_title", TITLE)
    op.fill("#id_narrative", NARRATIVE)
    op.select_option("#id_sources-0-source_type", label="Portal Berita Online")
    op.select_option("#id_sources-0-outlet", label="Kompas.com")
    op.fill("#id_sources-0-url", "https://money.kompas.com/read/2026/12/01/bawang-merah-naik")
    op.fill("#id_sources-0-source_date", (month + datetime.timedelta(days=4)).isoformat())
    op.fill("#id_reference_period", month.strftime("%Y-%m"))
    op.select_option("#id_scope", label="Provinsi DKI Jakarta")
    op.select_option("#id_subject", label="Statistik Ekonomi")
    op.select_option("#id_theme", label="Harga-harga (Inflasi)")
    submit_with(op, "action-submit")
    phenomenon = Phenomenon.objects.get(title=TITLE)
    assert phenomenon.workflow_in_progress and not phenomenon.live

    # 2. the supervisor of the theme finds it in the queue and rejects it with a reason
    sp = new_page("spv_e2e", PASSWORD)
    sp.goto(f"{live_server.url}/admin/persetujuan/review/")
    row = sp.locator("tr", has_text=TITLE)
    assert "money.kompas.com" in row.inner_html()  # the evidence, one click away
    row.get_by_role("link", name="Tolak").click()
    sp.fill("textarea[name=comment]", REASON)
    with sp.expect_navigation():
        sp.locator("form button[type=submit]", has_text="Tolak").first.click()

    # 3. the operator reads the reason, fixes the narrative and resubmits
    op.goto(f"{live_server.url}/admin/persetujuan/fenomena-saya/")
    assert REASON in op.content()
    op.goto(f"{live_server.url}/admin/snippets/phenomena/phenomenon/edit/{phenomenon.pk}/")
    op.fill("#id_narrative", FIXED)
    submit_with(op, "action-submit")

    # 4. the supervisor approves it from the queue
    sp.goto(f"{live_server.url}/admin/persetujuan/review/")
    with sp.expect_navigation():
        sp.locator("tr", has_text=TITLE).get_by_role("button", name="Setujui").click()
    phenomenon.refresh_from_db()
    assert phenomenon.live and phenomenon.narrative == FIXED

    # 5. the viewer finds it by a word of the fixed narrative and opens it
    vw = new_page("viewer_e2e", PASSWORD)
    vw.goto(f"{live_server.url}/cari/?q=Brebes")
    vw.get_by_role("link", name=TITLE).click()
    vw.wait_for_load_state("networkidle")
    assert "18 persen" in vw.content()
    assert "money.kompas.com/read/2026/12/01/bawang-merah-naik" in vw.content()


def test_viewer_searches_narrows_sorts_exports_and_opens(live_server, new_page, make_user):
    from tests.e2e.data import publish_examples

    make_user("viewer_e2e", Role.VIEWER, "fungsi-ipds")
    examples = publish_examples(make_user("op_kab", Role.OPERATOR, "bps-3172"))
    target = examples["target"]

    vw = new_page("viewer_e2e", PASSWORD, viewport=(390, 844))
    vw.goto(f"{live_server.url}/cari/")
    vw.fill("input[name=q]", "kerupuk")
    vw.keyboard.press("Enter")
    vw.wait_for_load_state("networkidle")
    assert target.title in vw.content() and examples["other_area"].title in vw.content()

    # narrow by kab/kota and month, then sort: all state stays in the shareable URL
    url = vw.url + f"&area={target.area.pk}&period_from={target.reference_period:%Y-%m}"
    url += f"&period_to={target.reference_period:%Y-%m}"
    vw.goto(url)
    vw.select_option("select[name=sort]", "date_desc")
    vw.wait_for_load_state("networkidle")
    assert "sort=date_desc" in vw.url and f"area={target.area.pk}" in vw.url
    html = vw.content()
    assert target.title in html
    assert examples["other_area"].title not in html
    assert examples["other_month"].title not in html

    with vw.expect_download() as download_info:
        vw.get_by_role("link", name="Ekspor XLSX").first.click()
    sheet = load_workbook(io.BytesIO(open(download_info.value.path(), "rb").read()))["Fenomena"]
    titles = [row[1] for row in sheet.iter_rows(min_row=2, values_only=True)]  # B: Judul
    assert titles == [target.title]

    vw.get_by_role("link", name=target.title).click()
    vw.wait_for_load_state("networkidle")
    assert target.narrative[:40] in vw.content()
