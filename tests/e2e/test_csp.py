"""The Content-Security-Policy (the same in every environment) lets every screen work: the
browser reports no violation on the admin and site pages, while the header is really sent."""

import pytest

from phenomena.models import Role
from tests.conftest import PASSWORD
from tests.e2e.data import publish_examples

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

WATCH = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (e) => {
    window.__cspViolations.push(e.violatedDirective + " " + e.blockedURI + " " + e.sourceFile
        + ":" + e.lineNumber);
});
"""


def visit(page, url, problems):
    response = page.goto(url, wait_until="load")
    page.wait_for_timeout(500)  # scripts that run after load
    assert response.status == 200, url
    assert "script-src" in response.headers["content-security-policy"]
    problems.extend(f"{url}: {v}" for v in page.evaluate("window.__cspViolations"))


def test_admin_and_site_pages_work_under_the_policy(live_server, new_page, make_user):
    make_user("admin_csp", Role.ADMIN, "fungsi-ipds")
    operator = make_user("op_csp", Role.OPERATOR, "fungsi-sosial-2")
    examples = publish_examples(operator)
    problems, console = [], []

    page = new_page("admin_csp", PASSWORD)
    page.on("console", lambda m: console.append(m.text) if "Security Policy" in m.text else None)
    page.context.add_init_script(WATCH)
    base = live_server.url
    for url in [
        "/admin/",
        "/admin/snippets/phenomena/phenomenon/",
        "/admin/users/",
        f"/admin/users/edit/{operator.pk}/",
        "/admin/users/terkunci/",
        "/dasbor/",
        "/cari/?q=kerupuk",
        f"/fenomena/{examples['target'].pk}/",
        "/kalender-rilis/",
    ]:
        visit(page, base + url, problems)

    # The editor's inline panels, choosers and tag field run their scripts under the policy.
    op = new_page("op_csp", PASSWORD)
    op.on("console", lambda m: console.append(m.text) if "Security Policy" in m.text else None)
    op.context.add_init_script(WATCH)
    visit(op, base + "/admin/snippets/phenomena/phenomenon/add/", problems)
    rows = op.locator("[id^=id_sources-][id$=-url]").count()
    op.click("#id_sources-ADD")
    assert op.locator("[id^=id_sources-][id$=-url]").count() == rows + 1
    op.fill("#id_title", "Uji CSP")
    problems.extend(op.evaluate("window.__cspViolations"))
    edit = f"/admin/snippets/phenomena/phenomenon/edit/{examples['target'].pk}/"
    visit(op, base + edit, problems)

    assert not problems, problems
    assert not console, console
