"""The weekly dead-link check: every source link of every approved phenomenon, asked with HEAD
(GET when HEAD is refused or fails), following redirects, within a timeout.

A link is dead when it answers "not found" or "gone" (404, 410) or another client error except
those that mean "not for robots" (401, 403, 405, 429), or when it failed (a server error, a
timeout, no connection) on ``REPORTS_LINK_FAILURES`` checks in a row (a server that is down for an
hour is not a dead link). Each dead link gets one open ``ErrorReport`` (kind "tautan"), filed by
nobody (the check), routed like any report; a rerun files none while that report is open, nor
after it was dismissed (the resolver judged the link fine).
"""

from __future__ import annotations

import logging
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import requests
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

from phenomena.models import Phenomenon, PhenomenonSource

from .models import ErrorReport, LinkCheck
from .services import file_report, has_dead_link_report

logger = logging.getLogger(__name__)

ROBOT_REFUSALS = {401, 403, 405, 429}
GONE = {404, 410}


@dataclass
class Answer:
    ok: bool
    status_code: int | None = None
    error: str = ""
    definite: bool = False  # dead now, without waiting for another failure


def _request(method: str, url: str, timeout: float):
    headers = {"User-Agent": settings.REPORTS_LINK_USER_AGENT}
    response = requests.request(
        method, url, headers=headers, timeout=timeout, allow_redirects=True, stream=True
    )
    response.close()
    return response.status_code


def check_url(url: str, timeout: float | None = None) -> Answer:
    """Ask ``url`` (HEAD, then GET if HEAD does not say 2xx/3xx) and judge the answer."""
    timeout = settings.REPORTS_LINK_TIMEOUT if timeout is None else timeout
    status = None
    error = ""
    for method in ("HEAD", "GET"):
        try:
            status = _request(method, url, timeout)
            error = ""
        except requests.Timeout:
            status, error = None, "timeout"
        except requests.TooManyRedirects:
            status, error = None, "redirects"
        except requests.RequestException as exc:
            status, error = None, type(exc).__name__[:200]
        if status is not None and status < 400:
            return Answer(ok=True, status_code=status)
        if error == "timeout":
            break  # no second wait
    if status in GONE:
        return Answer(ok=False, status_code=status, definite=True)
    if status is not None and 400 <= status < 500:
        if status in ROBOT_REFUSALS:
            return Answer(ok=True, status_code=status)
        return Answer(ok=False, status_code=status, definite=True)
    return Answer(ok=False, status_code=status, error=error)


def ask_all(urls, timeout=None, workers=None) -> dict[str, Answer]:
    """``check_url`` for each of ``urls``, in parallel threads (a slow site costs one timeout,
    not one per link); callers write the database in their own thread."""
    workers = settings.REPORTS_LINK_WORKERS if workers is None else workers
    with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
        return dict(zip(urls, pool.map(lambda u: check_url(u, timeout), urls), strict=True))


@dataclass
class CheckResult:
    checked: int = 0
    failed: int = 0
    dead: int = 0
    reported: int = 0


def check_dead_links(timeout: float | None = None, now=None) -> CheckResult:
    """Check each distinct source link of the approved phenomena; file the reports."""
    now = now or timezone.now()
    result = CheckResult()
    by_url: dict[str, set[int]] = defaultdict(set)
    rows = (
        PhenomenonSource.objects.filter(phenomenon__live=True, phenomenon__merged_into=None)
        .exclude(url="")
        .values_list("url", "phenomenon_id")
    )
    for url, phenomenon_id in rows:
        by_url[url].add(phenomenon_id)
    LinkCheck.objects.exclude(
        phenomenon_id__in=Phenomenon.objects.filter(live=True).values("pk")
    ).delete()
    needed = max(1, settings.REPORTS_LINK_FAILURES)
    urls = sorted(by_url)
    answers = ask_all(urls, timeout)
    for url in urls:
        answer = answers[url]
        result.checked += 1
        result.failed += not answer.ok
        for phenomenon_id in sorted(by_url[url]):
            check = LinkCheck.objects.filter(phenomenon_id=phenomenon_id, url=url).first()
            failures = 0 if answer.ok else (check.failures if check else 0) + 1
            LinkCheck.objects.update_or_create(
                phenomenon_id=phenomenon_id,
                url=url,
                defaults={
                    "ok": answer.ok,
                    "status_code": answer.status_code,
                    "error": answer.error,
                    "failures": failures,
                    "checked_at": now,
                },
            )
            if answer.ok or not (answer.definite or failures >= needed):
                continue
            result.dead += 1
            if has_dead_link_report(phenomenon_id, url):
                continue
            phenomenon = Phenomenon.objects.get(pk=phenomenon_id)
            file_report(
                None,
                phenomenon,
                ErrorReport.Kind.DEAD_LINK,
                describe(url, answer, failures),
                url=url,
            )
            result.reported += 1
    logger.info(
        "Dead-link check: %s links, %s failed, %s dead, %s reported",
        result.checked,
        result.failed,
        result.dead,
        result.reported,
    )
    return result


def describe(url: str, answer: Answer, failures: int) -> str:
    if answer.status_code:
        what = _("menjawab HTTP %(code)s") % {"code": answer.status_code}
    elif answer.error == "timeout":
        what = _("tidak menjawab dalam batas waktu")
    else:
        what = _("tidak dapat dihubungi (%(error)s)") % {"error": answer.error}
    text = _("Tautan bukti %(url)s %(what)s") % {"url": url, "what": what}
    if not answer.definite:
        text += " " + _("pada %(n)s pemeriksaan mingguan berturut-turut") % {"n": failures}
    return (text + ".")[:1000]
