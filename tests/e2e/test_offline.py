"""No input lost (issue 18): the phenomenon form in a real browser while the server is down.

The live server here is one the test stops and starts again on the same port (the browser
keeps its session cookie and its storage), as when the office's connection or the server
goes away between typing and saving.
"""

import datetime
import json
import time

import pytest

from phenomena.models import Phenomenon, Role
from phenomena.rules import today
from tests.conftest import PASSWORD

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

ADDRESS = "127.0.0.1:8111"
ADD = "/admin/snippets/phenomena/phenomenon/add/"
DRAFTS = "/admin/isian-tertunda/"
TITLE = "Harga telur ayam ras di pasar Jakarta naik menjelang Natal"
NARRATIVE = "Harga telur ayam ras di Pasar Senen naik 12 persen karena pasokan dari Blitar turun."


def live_server_on_fixed_port():
    """pytest-django's live server, bound with SO_REUSEADDR so that it can listen on the same
    port again right after it stopped (Django's own binds without it), and whose stop also
    cuts the connections the browser keeps open (keep-alive), as a server that went away."""
    import socket

    from django.core.servers.basehttp import ThreadedWSGIServer
    from django.test.testcases import LiveServerThread, QuietWSGIRequestHandler
    from pytest_django.live_server_helper import LiveServer

    class Server(ThreadedWSGIServer):
        def __init__(self, *args, **kwargs):
            self.open_connections = set()
            super().__init__(*args, **kwargs)

        def process_request(self, request, client_address):
            self.open_connections.add(request)
            super().process_request(request, client_address)

        def shutdown_request(self, request):
            super().shutdown_request(request)  # closes the thread's database connection
            self.open_connections.discard(request)

        def cut_connections(self):
            for connection in list(self.open_connections):
                try:
                    connection.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass

    class Thread(LiveServerThread):
        server_class = Server

        def _create_server(self, connections_override=None):
            return self.server_class(
                (self.host, self.port),
                QuietWSGIRequestHandler,
                allow_reuse_address=True,
                connections_override=connections_override,
            )

        def terminate(self):
            httpd = getattr(self, "httpd", None)
            super().terminate()
            if httpd is not None:
                httpd.cut_connections()
                # Let their threads finish (and close their database connection) before the
                # shared SQLite connection stops being shared.
                deadline = time.monotonic() + 5
                while httpd.open_connections and time.monotonic() < deadline:
                    time.sleep(0.05)

    server = LiveServer(ADDRESS, start=False)
    server.thread.__class__ = Thread
    server.start()
    return server


class RestartableServer:
    """A live server on a fixed port that can be stopped and started again."""

    def __init__(self):
        self._make = live_server_on_fixed_port
        self.server = self._make()
        self.settings = self.server._live_server_modified_settings
        self.settings.enable()
        self.url = self.server.url

    def stop(self):
        self.server.stop()
        self.server = None

    def start(self):
        self.server = self._make()

    def close(self):
        if self.server is not None:
            self.server.stop()
        self.settings.disable()


@pytest.fixture
def server():
    running = RestartableServer()
    yield running
    running.close()


@pytest.fixture
def contexts(browser):
    made = []

    def make(**options):
        context = browser.new_context(
            viewport={"width": 1366, "height": 900}, locale="id-ID", **options
        )
        made.append(context)
        return context

    yield make
    for context in made:
        context.close()


def sign_in(page, url, username):
    page.set_default_timeout(20_000)
    page.goto(f"{url}/admin/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    with page.expect_navigation():
        page.locator("form button[type=submit]").first.click()
    page.wait_for_load_state("networkidle")


def fill_form(page, title=TITLE):
    month = (today().replace(day=1) - datetime.timedelta(days=1)).replace(day=1)
    page.fill("#id_title", title)
    page.fill("#id_narrative", NARRATIVE)
    page.select_option("#id_sources-0-source_type", label="Portal Berita Online")
    page.select_option("#id_sources-0-outlet", label="Kompas.com")
    page.fill("#id_sources-0-url", "https://money.kompas.com/read/2026/12/01/telur-naik")
    page.fill("#id_sources-0-source_date", (month + datetime.timedelta(days=4)).isoformat())
    page.fill("#id_reference_period", month.strftime("%Y-%m"))
    page.select_option("#id_scope", label="Provinsi DKI Jakarta")
    page.select_option("#id_subject", label="Statistik Ekonomi")
    page.select_option("#id_theme", label="Harga-harga (Inflasi)")


def copies(page):
    """Every copy the script keeps in this browser, by storage key."""
    return page.evaluate(
        """() => Object.fromEntries(Object.keys(localStorage)
            .filter(k => k.startsWith('simfoni-isian:'))
            .map(k => [k, JSON.parse(localStorage.getItem(k))]))"""
    )


def wait_for_copy(page, text):
    page.wait_for_function(
        """text => Object.keys(localStorage).some(
            k => k.startsWith('simfoni-isian:') && localStorage.getItem(k).includes(text))""",
        arg=text,
    )


def save_for_review(page):
    page.eval_on_selector('button[name="action-submit"]', "b => b.form.requestSubmit(b)")


def test_saved_while_the_server_is_down_then_sent_again_once(server, contexts, make_user):
    make_user("op_offline", Role.OPERATOR, "fungsi-sosial-2")
    page = contexts().new_page()
    sign_in(page, server.url, "op_offline")
    page.goto(f"{server.url}{ADD}")
    fill_form(page)
    wait_for_copy(page, TITLE)  # the copy is kept while typing

    server.stop()
    save_for_review(page)
    status = page.locator("[data-isian-status]")
    status.wait_for(state="visible")
    assert "Server tidak dapat dihubungi" in status.inner_text()
    assert "tidak hilang" in status.inner_text()
    assert page.url == f"{server.url}{ADD}"  # the page and what was typed stay
    assert page.input_value("#id_title") == TITLE
    assert not Phenomenon.objects.exists()
    [(key, entries)] = copies(page).items()
    [copy] = entries.values()
    assert copy["state"] == "unsent" and copy["title"] == TITLE
    assert page.locator("[data-isian-resend]").count() == 0  # not while the server is away

    server.start()
    resend = page.locator("[data-isian-resend]")
    resend.wait_for(state="visible", timeout=20_000)
    assert "Server dapat dihubungi lagi" in status.inner_text()
    with page.expect_navigation():
        resend.click()
    page.wait_for_load_state("networkidle")

    phenomenon = Phenomenon.objects.get(title=TITLE)
    assert phenomenon.workflow_in_progress  # "Ajukan" went through as pressed
    assert copies(page) == {}  # confirmed by the server: the copy is gone

    # The same form sent again (a copy left in another tab, a double click) is stored once.
    page.evaluate("([key, value]) => localStorage.setItem(key, value)", [key, json.dumps(entries)])
    page.goto(f"{server.url}{DRAFTS}")
    row = page.locator("[data-isian-token]")
    assert TITLE in row.inner_text()
    with page.expect_navigation():
        row.get_by_role("button", name="Kirim ulang").click()
    page.wait_for_load_state("networkidle")
    assert "sudah diterima sebelumnya" in page.content()
    assert Phenomenon.objects.filter(title=TITLE).count() == 1
    assert copies(page) == {}


def test_a_copy_outlives_the_browser_and_stays_with_its_user(server, contexts, make_user):
    make_user("op_satu", Role.OPERATOR, "fungsi-sosial-2")
    make_user("op_dua", Role.OPERATOR, "fungsi-sosial-2")
    context = contexts()
    page = context.new_page()
    sign_in(page, server.url, "op_satu")
    page.goto(f"{server.url}{ADD}")
    fill_form(page)
    wait_for_copy(page, TITLE)
    server.stop()
    save_for_review(page)
    page.locator("[data-isian-status]").wait_for(state="visible")

    # The browser is closed; the server comes back; the browser is opened again.
    state = context.storage_state()
    context.close()
    server.start()
    context = contexts(storage_state=state)
    page = context.new_page()
    page.set_default_timeout(20_000)
    page.goto(f"{server.url}{DRAFTS}")
    row = page.locator("[data-isian-token]")
    assert TITLE in row.inner_text()
    assert "Gagal terkirim" in row.inner_text()

    # Another user of the same browser sees nothing of it: not in the list, not in the form.
    context.clear_cookies()
    sign_in(page, server.url, "op_dua")
    page.goto(f"{server.url}{DRAFTS}")
    page.locator("[data-isian-empty]").wait_for()
    assert TITLE not in page.content()
    page.goto(f"{server.url}{ADD}")
    page.wait_for_load_state("networkidle")
    assert page.locator("[data-isian-restore]").count() == 0
    assert page.input_value("#id_title") == ""
    assert TITLE not in page.content()

    # Its user again: the form offers the copy back; restored and saved, it is stored once.
    context.clear_cookies()
    sign_in(page, server.url, "op_satu")
    page.goto(f"{server.url}{ADD}")
    offer = page.locator("[data-isian-restore]")
    offer.get_by_role("button", name="Pulihkan").click()
    assert page.input_value("#id_title") == TITLE
    assert page.input_value("#id_sources-0-url").endswith("/telur-naik")
    with page.expect_navigation():
        save_for_review(page)
    page.wait_for_load_state("networkidle")
    assert Phenomenon.objects.filter(title=TITLE).count() == 1
    assert copies(page) == {}


def test_an_expired_session_keeps_the_form_until_signed_in_again(server, contexts, make_user):
    make_user("op_sesi", Role.OPERATOR, "fungsi-sosial-2")
    context = contexts()
    page = context.new_page()
    sign_in(page, server.url, "op_sesi")
    page.goto(f"{server.url}{ADD}")
    fill_form(page)
    wait_for_copy(page, TITLE)

    context.clear_cookies()  # the session ends (expired, or signed out in another tab)
    save_for_review(page)
    status = page.locator("[data-isian-status]")
    status.wait_for(state="visible")
    assert "Sesi Anda telah berakhir" in status.inner_text()
    assert not Phenomenon.objects.exists()

    # Signed in again in another tab (a new CSRF token): the form offers to send it again.
    sign_in(context.new_page(), server.url, "op_sesi")
    resend = page.locator("[data-isian-resend]")
    resend.wait_for(state="visible", timeout=20_000)
    with page.expect_navigation():
        resend.click()
    page.wait_for_load_state("networkidle")
    assert Phenomenon.objects.filter(title=TITLE).count() == 1
    assert copies(page) == {}

    # Opening the saved phenomenon without typing keeps no copy.
    phenomenon = Phenomenon.objects.get(title=TITLE)
    page.goto(f"{server.url}/admin/snippets/phenomena/phenomenon/edit/{phenomenon.pk}/")
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(800)
    assert copies(page) == {}
