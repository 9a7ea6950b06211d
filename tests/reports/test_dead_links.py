"""The weekly dead-link check against a local HTTP server (127.0.0.1, no internet)."""

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.test import override_settings
from notifications.models import Notification

from reports import services
from reports.links import check_dead_links, check_url
from reports.models import ErrorReport, LinkCheck
from reports.tasks import check_dead_links as task
from tests.factories import PhenomenonFactory, last_month

PORT = 8121
TIMEOUT = 0.5


class Handler(BaseHTTPRequestHandler):
    def _answer(self, body=True):
        path = self.path
        if path == "/ok":
            code = 200
        elif path == "/pindah":
            self.send_response(301)
            self.send_header("Location", "/ok")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        elif path == "/hilang":
            code = 404
        elif path == "/rusak":
            code = 500
        elif path == "/lambat":
            time.sleep(TIMEOUT * 3)
            code = 200
        elif path == "/tanpa-head":
            code = 405 if self.command == "HEAD" else 200
        elif path == "/robot":
            code = 403
        else:
            code = 404
        self.send_response(code)
        self.send_header("Content-Length", "2")
        self.end_headers()
        if body and self.command == "GET":
            self.wfile.write(b"ok")

    def do_HEAD(self):  # noqa: N802
        self._answer(body=False)

    def do_GET(self):  # noqa: N802
        self._answer()

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", PORT), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{PORT}"
    httpd.shutdown()
    httpd.server_close()


def url(server, path):
    return f"{server}{path}"


@pytest.mark.parametrize(
    "path, ok, definite",
    [
        ("/ok", True, False),
        ("/pindah", True, False),  # a redirect to a live page
        ("/tanpa-head", True, False),  # HEAD refused, GET answers
        ("/robot", True, False),  # 403: not for robots, not dead
        ("/hilang", False, True),
        ("/rusak", False, False),  # a server error: dead only if it lasts
        ("/lambat", False, False),  # a timeout: likewise
    ],
)
def test_each_answer_is_judged(server, path, ok, definite):
    answer = check_url(url(server, path), timeout=TIMEOUT)
    assert (answer.ok, answer.definite) == (ok, definite)


def test_a_closed_port_is_a_failure_not_a_crash():
    answer = check_url("http://127.0.0.1:8129/tidak-ada", timeout=TIMEOUT)
    assert not answer.ok and answer.status_code is None and answer.error


def phenomenon_with(server, office, *paths, **kwargs):
    sources = [
        {"source_type": "siaran_pers", "url": url(server, p), "source_date": last_month(5)}
        for p in paths
    ]
    return PhenomenonFactory(
        author=office.op,
        theme="Harga-harga (Inflasi)",
        sources=sources,
        published=True,
        validate=False,
        **kwargs,
    )


@override_settings(REPORTS_LINK_FAILURES=2)
def test_the_weekly_check_files_one_report_per_dead_link(server, office):
    live = phenomenon_with(server, office, "/ok", "/hilang", "/rusak", "/pindah", title="A")
    draft = PhenomenonFactory(
        author=office.op,
        sources=[{"source_type": "siaran_pers", "url": url(server, "/hilang")}],
        validate=False,
        title="Draf",
    )
    result = check_dead_links(timeout=TIMEOUT)
    assert (result.checked, result.failed, result.dead, result.reported) == (4, 2, 1, 1)
    report = ErrorReport.objects.get()
    assert report.phenomenon == live and report.kind == ErrorReport.Kind.DEAD_LINK
    assert report.url == url(server, "/hilang") and report.reporter is None
    assert "HTTP 404" in report.description
    assert sorted(u.username for u in report.routed_to.all()) == ["admin1", "admin2", "spvinflasi"]
    assert Notification.objects.filter(recipient=office.spv_inflasi).count() == 1
    assert not ErrorReport.objects.filter(phenomenon=draft).exists()
    assert LinkCheck.objects.get(url=url(server, "/rusak")).failures == 1

    # A week later: no second report for the same dead link; the server error that lasted
    # two checks is now dead too.
    result = check_dead_links(timeout=TIMEOUT)
    assert (result.dead, result.reported) == (2, 1)
    assert sorted(ErrorReport.objects.values_list("url", flat=True)) == [
        url(server, "/hilang"),
        url(server, "/rusak"),
    ]
    lasting = ErrorReport.objects.get(url=url(server, "/rusak"))
    assert "2 pemeriksaan mingguan" in lasting.description

    # Dismissed (judged fine) stays dismissed; fixed and dead again is reported again.
    services.resolve(
        office.admin, ErrorReport.objects.get(url=url(server, "/rusak")), "dismiss", "Situs normal."
    )
    services.resolve(office.admin, ErrorReport.objects.get(url=url(server, "/hilang")), "fix")
    result = check_dead_links(timeout=TIMEOUT)
    assert result.reported == 1
    assert ErrorReport.objects.filter(url=url(server, "/hilang"), status="open").count() == 1
    assert ErrorReport.objects.filter(url=url(server, "/rusak")).count() == 1


@override_settings(REPORTS_LINK_FAILURES=1, REPORTS_LINK_TIMEOUT=TIMEOUT)
def test_the_scheduled_task_reports_a_timeout_when_one_failure_is_enough(server, office):
    phenomenon_with(server, office, "/lambat")
    assert task()["reported"] == 1
    assert "batas waktu" in ErrorReport.objects.get().description


def test_the_check_is_scheduled_weekly():
    from django_q.models import Schedule

    from reminders.schedules import SCHEDULES

    (plan,) = [p for p in SCHEDULES if p.func == "reports.tasks.check_dead_links"]
    assert plan.schedule_type == Schedule.WEEKLY
