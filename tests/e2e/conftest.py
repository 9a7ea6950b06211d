"""Browser tests: headless Chromium (Debian's) driven by Playwright against a live server."""

import os
import shutil
import time

import pytest

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def browser():
    # Playwright's sync API runs an event loop in this thread; the test's own ORM calls are
    # still plain synchronous code.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    sync_api = pytest.importorskip("playwright.sync_api")
    if not os.path.exists(CHROMIUM):
        pytest.skip("Chromium is not installed (apt-get install chromium)")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=FLAGS)
        yield browser
        browser.close()


@pytest.fixture
def new_page(browser, live_server):
    """new_page(username) → a page signed in through the real login form."""
    contexts = []

    def make(username, password, viewport=(1366, 900)):
        context = browser.new_context(
            viewport={"width": viewport[0], "height": viewport[1]},
            locale="id-ID",
            accept_downloads=True,
        )
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(20_000)
        page.goto(f"{live_server.url}/admin/login/")
        page.fill("input[name=username]", username)
        page.fill("input[name=password]", password)
        page.locator("form button[type=submit]").first.click()
        page.wait_for_load_state("networkidle")
        return page

    yield make
    # Leave every page first: Wagtail's editor sends a last request (releasing its editing
    # session) when the page unloads. Let the live server finish it before the database is
    # flushed, or the flush meets a locked SQLite table.
    for context in contexts:
        for page in context.pages:
            page.goto("about:blank")
            page.wait_for_load_state("networkidle")
        context.close()
    time.sleep(0.5)
