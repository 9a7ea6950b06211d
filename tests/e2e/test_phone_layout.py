"""Admin lists on a phone (390 x 844): nothing is cut off, every action is within reach.

Wagtail's main area hides horizontal overflow, so a table wider than the screen used to be
cut off with no way to reach its right-hand columns: the review queue's Setujui / Tolak and
the status of "Fenomena saya" among them. SIMFONI's own lists are cards on narrow screens;
Wagtail's listings scroll inside their own box (search/static/simfoni/admin-narrow.css).
"""

import pytest

from phenomena.models import Role, Theme
from tests.conftest import PASSWORD
from tests.factories import PhenomenonFactory
from tests.workflows.wf_helpers import submit

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PHONE = (390, 844)
LONG_TITLE = (
    "Harga cabai rawit merah di pasar-pasar tradisional Jakarta naik tajam karena curah "
    "hujan tinggi di sentra produksi"
)

#: The ancestors of `el` that are wider than their box and that a user cannot scroll
#: (overflow hidden / clip / visible up to the page): where content is cut off.
CUT_OFF_JS = """el => {
    const cut = [];
    for (let e = el.parentElement; e && e !== document.documentElement; e = e.parentElement) {
        const overflow = getComputedStyle(e).overflowX;
        if (e.scrollWidth > e.clientWidth + 1 && !["auto", "scroll"].includes(overflow)) {
            cut.push(`${e.tagName}.${e.className} ${e.scrollWidth}>${e.clientWidth} ${overflow}`);
        }
    }
    return cut;
}"""


def assert_fits(page):
    """The page itself is no wider than the phone."""
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE[0]


def assert_reachable(page, locator):
    """`locator` can be brought on screen by scrolling (its page or its own list's box)."""
    assert locator.evaluate(CUT_OFF_JS) == []
    locator.scroll_into_view_if_needed()
    box = locator.bounding_box()
    assert box is not None
    # (one pixel of rounding: boxes are measured in fractions of a pixel)
    assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE[0] + 1
    assert box["y"] >= 0 and box["y"] + box["height"] <= PHONE[1] + 1


@pytest.fixture
def office(make_user):
    from workflows.models import SupervisorAllocation

    op = make_user("op_hp", Role.OPERATOR, "fungsi-sosial-2")
    spv = make_user("spv_hp", Role.SUPERVISOR, "fungsi-distribusi-1")
    make_user("admin_hp", Role.ADMIN, "fungsi-ipds")
    SupervisorAllocation.objects.create(
        supervisor=spv, theme=Theme.objects.get(name="Harga-harga (Inflasi)")
    )
    first = PhenomenonFactory(author=op, title=LONG_TITLE)
    submit(first)
    second = PhenomenonFactory(author=op, title="Harga bawang putih naik menjelang Natal")
    submit(second)
    return first, second


def test_supervisor_approves_from_the_queue_on_a_phone(live_server, new_page, office):
    first, _second = office
    page = new_page("spv_hp", PASSWORD, viewport=PHONE)
    page.goto(f"{live_server.url}/admin/persetujuan/review/")
    assert_fits(page)
    row = page.locator("tr", has_text=LONG_TITLE)
    approve = row.get_by_role("button", name="Setujui")
    assert_reachable(page, approve)
    assert_reachable(page, row.get_by_role("link", name="Tolak"))
    # The filters (Wagtail's filter menu in the header) fit too.
    page.get_by_role("button", name="Tampilkan saringan").click()
    menus = page.locator("#filters-drilldown .w-drilldown__toggle")
    assert menus.count() == 3  # subject, theme, kind of evidence
    for index in range(menus.count()):
        menus.nth(index).click()
        select = page.locator("#filters-drilldown .w-drilldown__submenu:not([hidden]) select")
        assert_reachable(page, select)
        page.locator(
            "#filters-drilldown .w-drilldown__submenu:not([hidden]) .w-drilldown__back"
        ).click()
    page.keyboard.press("Escape")
    with page.expect_navigation():
        approve.click()
    first.refresh_from_db()
    assert first.live
    assert page.locator("tr", has_text=LONG_TITLE).count() == 0

    # The supervisor's notifications (one per submission) fit as well.
    page.goto(f"{live_server.url}/admin/persetujuan/notifikasi/")
    assert_fits(page)
    assert_reachable(page, page.get_by_role("button", name="Tandai dibaca").first)


def test_fenomena_saya_shows_the_status_on_a_phone(live_server, new_page, office):
    page = new_page("op_hp", PASSWORD, viewport=PHONE)
    page.goto(f"{live_server.url}/admin/persetujuan/fenomena-saya/")
    assert_fits(page)
    status = page.locator("tr", has_text=LONG_TITLE).locator("td[data-status]")
    assert_reachable(page, status)
    assert status.inner_text().strip()


def test_wagtail_lists_scroll_within_their_box_on_a_phone(live_server, new_page, office):
    first, second = office  # the same press release: possible duplicates of each other
    page = new_page("admin_hp", PASSWORD, viewport=PHONE)
    for url in (
        "/admin/snippets/phenomena/phenomenon/",
        f"/admin/snippets/phenomena/phenomenon/duplicates/{first.pk}/",
    ):
        page.goto(f"{live_server.url}{url}")
        assert_fits(page)
        tables = page.locator("table.listing")
        assert tables.count(), url
        last_cells = tables.first.locator("tbody tr").first.locator("td")
        assert_reachable(page, last_cells.last)


def test_page_titles_and_user_names_stay_readable_on_a_phone(live_server, new_page, office):
    """The header's buttons ("Login terkunci", "Tambah pengguna") squeezed the page title to
    nothing, and a name in the users list must wrap between words, not letter by letter."""
    page = new_page("admin_hp", PASSWORD, viewport=PHONE)
    for url, title in (
        ("/admin/users/", "Pengguna"),
        ("/admin/snippets/phenomena/phenomenon/", "Fenomena"),
        ("/admin/jadwal-tugas/", "Jadwal tugas"),
    ):
        page.goto(f"{live_server.url}{url}")
        assert_fits(page)
        crumb = page.locator("header .w-breadcrumbs li:not([hidden])").last
        assert crumb.inner_text().strip() == title
        # The title lies inside the (clipping) breadcrumb box, not past its right edge.
        title_right, box_right = crumb.evaluate(
            "e => [e.getBoundingClientRect().right,"
            " e.closest('.w-breadcrumbs').getBoundingClientRect().right]"
        )
        assert title_right <= box_right + 1, f"{url}: the title is cut off"
        for button in page.locator("header nav a.w-header-button").all():
            box = button.bounding_box()
            assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE[0] + 1, url
    page.goto(f"{live_server.url}/admin/users/")
    name = page.locator("table.listing tbody td.title").first
    assert name.bounding_box()["width"] >= 160  # 10rem: room for a word per line


def test_the_editor_keeps_its_form_clear_of_the_minimap_on_a_phone(live_server, new_page, office):
    """The collapsed minimap (a column of dashes) lay over the form's right edge on a phone;
    only its toggle stays, and the form fits the screen."""
    from phenomena.models import Phenomenon

    draft = Phenomenon.objects.filter(author__username="op_hp").first()
    draft.current_workflow_state.cancel(user=draft.author)
    page = new_page("op_hp", PASSWORD, viewport=PHONE)
    page.goto(f"{live_server.url}/admin/snippets/phenomena/phenomenon/edit/{draft.pk}/")
    page.wait_for_load_state("networkidle")
    assert_fits(page)
    assert page.locator(".w-minimap__toggle").first.is_visible()
    assert not page.locator(".w-minimap__list").first.is_visible()
    title = page.locator("#id_title").bounding_box()
    assert title["x"] + title["width"] <= PHONE[0]
