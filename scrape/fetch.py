"""Fetching, politely and honestly: scrapling's `FetcherSession` (curl) without browser
impersonation or stealth headers, a User-Agent naming the office (`SCRAPE_USER_AGENT`), a time
limit per request, retries with exponential back-off on transient failures (connection errors,
time-outs, 429 and 5xx), a size cap enforced while the body streams in (the transfer is aborted
past `SCRAPE_MAX_BYTES`), a bounded number of redirects, and robots.txt respected per host."""

from __future__ import annotations

import logging
import re
import time
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

from curl_cffi.curl import CURL_WRITEFUNC_ERROR, CurlError
from django.conf import settings
from protego import Protego
from scrapling.fetchers import FetcherSession

logger = logging.getLogger(__name__)
logging.getLogger("scrapling").setLevel(logging.WARNING)

_META_CHARSET = re.compile(rb"""<meta[^>]+charset=["']?([A-Za-z0-9_\-]+)""", re.IGNORECASE)


class FetchError(Exception):
    """A page could not be fetched. ``transient``: worth retrying later."""

    def __init__(self, message, *, status=None, transient=False):
        super().__init__(message)
        self.status = status
        self.transient = transient


class TooLarge(FetchError):
    pass


class Disallowed(FetchError):
    pass


@dataclass
class Page:
    url: str
    final_url: str
    status: int
    body: bytes
    headers: dict = field(default_factory=dict)

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "")

    @property
    def text(self) -> str:
        return decode(self.body, self.content_type)


def decode(body: bytes, content_type: str = "") -> str:
    """The body as text: valid UTF-8 wins over a declared charset (portals often declare
    ISO-8859-1 and send UTF-8), then the declared charset (header, else <meta>), then
    Windows-1252 -- which decodes any byte, so a page with a wrong charset still reads."""
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        pass
    declared = None
    match = re.search(r"charset=([A-Za-z0-9_\-]+)", content_type or "", re.IGNORECASE)
    if match:
        declared = match.group(1)
    else:
        meta = _META_CHARSET.search(body[:4096])
        if meta:
            declared = meta.group(1).decode("ascii", "ignore")
    for encoding in (declared, "cp1252"):
        if not encoding:
            continue
        try:
            return body.decode(encoding)
        except (LookupError, UnicodeDecodeError):
            continue
    return body.decode("latin-1")


# libcurl's error codes, said in Indonesian (the message is shown on the admin's run page)
_CURL_REASONS = {
    6: "nama host tidak ditemukan",
    7: "tidak dapat terhubung ke server",
    28: "waktu habis",
    35: "galat TLS/SSL",
    47: "terlalu banyak pengalihan (redirect)",
    52: "server tidak mengirim jawaban",
    55: "galat jaringan saat mengirim",
    56: "galat jaringan saat menerima",
    60: "sertifikat TLS tidak sah",
}


def curl_reason(exc: CurlError) -> str:
    code = getattr(exc, "code", None)
    reason = _CURL_REASONS.get(code)
    if reason is None:
        low = str(exc).lower()
        if "redirect" in low or "maximum" in low:
            reason = _CURL_REASONS[47]
        elif "timed out" in low:
            reason = _CURL_REASONS[28]
        else:
            reason = "gagal mengambil halaman"
    return f"{reason} (curl {code})" if code else reason


class Fetcher:
    """One fetching session (use as a context manager). Settings give the defaults."""

    def __init__(
        self,
        *,
        user_agent: str | None = None,
        timeout: float | None = None,
        retries: int | None = None,
        backoff: float | None = None,
        max_bytes: int | None = None,
        max_redirects: int | None = None,
        follow_redirects=None,
    ):
        self.user_agent = user_agent or settings.SCRAPE_USER_AGENT
        self.timeout = timeout if timeout is not None else settings.SCRAPE_TIMEOUT_SECONDS
        self.retries = retries if retries is not None else settings.SCRAPE_RETRIES
        self.backoff = backoff if backoff is not None else settings.SCRAPE_BACKOFF_SECONDS
        self.max_bytes = max_bytes if max_bytes is not None else settings.SCRAPE_MAX_BYTES
        self.max_redirects = (
            max_redirects if max_redirects is not None else settings.SCRAPE_MAX_REDIRECTS
        )
        self.follow_redirects = (
            follow_redirects if follow_redirects is not None else settings.SCRAPE_FOLLOW_REDIRECTS
        )
        self._robots: dict[str, Protego | None] = {}
        self._robots_notes: dict[str, str] = {}
        self._session = None

    def __enter__(self):
        self._session = FetcherSession(
            impersonate=None,  # no Chrome TLS fingerprint
            stealthy_headers=False,  # no generated browser headers, no Google referer
            headers={"User-Agent": self.user_agent, "Accept-Language": "id, en;q=0.5"},
            timeout=self.timeout,
            retries=1,  # retries are ours, with back-off and only for transient failures
            follow_redirects=self.follow_redirects,
            max_redirects=self.max_redirects,
        ).__enter__()
        return self

    def __exit__(self, *exc):
        if self._session is not None:
            self._session.__exit__(*exc)
            self._session = None

    # --- robots.txt --------------------------------------------------------------------------

    def allowed(self, url: str) -> bool:
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        if origin not in self._robots:
            self._robots[origin] = self._read_robots(origin)
        robots = self._robots[origin]
        return True if robots is None else robots.can_fetch(url, self.user_agent)

    def robots_note(self, url: str) -> str:
        parts = urlsplit(url)
        return self._robots_notes.get(f"{parts.scheme}://{parts.netloc}", "")

    def _read_robots(self, origin: str):
        try:
            page = self._get_once(urljoin(origin, "/robots.txt"), check_status=False)
        except FetchError as exc:
            logger.info("robots.txt of %s unreadable (%s): nothing fetched there", origin, exc)
            self._robots_notes[origin] = f" (robots.txt tidak terbaca: {exc})"
            return Protego.parse("User-agent: *\nDisallow: /")
        if page.status >= 500:  # unknown rules: fetch nothing there, try again next run
            self._robots_notes[origin] = f" (robots.txt tidak terbaca: HTTP {page.status})"
            return Protego.parse("User-agent: *\nDisallow: /")
        if page.status >= 400:
            return None  # no robots.txt: everything allowed
        return Protego.parse(page.text)

    # --- fetching ----------------------------------------------------------------------------

    def get(self, url: str) -> Page:
        """The page at ``url`` (2xx), after robots.txt allows it; retried with back-off."""
        if not self.allowed(url):
            raise Disallowed(f"robots.txt melarang {url}{self.robots_note(url)}")
        attempt = 0
        while True:
            try:
                return self._get_once(url)
            except FetchError as exc:
                if not exc.transient or attempt >= self.retries:
                    raise
                time.sleep(self.backoff * (2**attempt))
                attempt += 1

    def _get_once(self, url: str, *, check_status=True) -> Page:
        chunks: list[bytes] = []
        size = 0
        too_large = False
        cap = self.max_bytes

        def receive(chunk: bytes):
            nonlocal size, too_large
            size += len(chunk)
            if size > cap:
                too_large = True
                return CURL_WRITEFUNC_ERROR  # abort the transfer now
            chunks.append(chunk)
            return len(chunk)

        try:
            response = self._session.get(url, content_callback=receive)
        except CurlError as exc:
            if too_large:
                raise TooLarge(f"halaman lebih dari {cap} bita: {url}") from exc
            message = str(exc)
            permanent = "redirect" in message.lower() or "Maximum" in message
            raise FetchError(f"{url}: {curl_reason(exc)}", transient=not permanent) from exc
        if too_large:
            raise TooLarge(f"halaman lebih dari {cap} bita: {url}")
        headers = {str(k).lower(): str(v) for k, v in dict(response.headers).items()}
        page = Page(url, str(response.url), response.status, b"".join(chunks), headers)
        if check_status and page.status >= 400:
            transient = page.status >= 500 or page.status == 429
            raise FetchError(f"HTTP {page.status}: {url}", status=page.status, transient=transient)
        if check_status and page.status >= 300:
            raise FetchError(f"HTTP {page.status} tanpa tujuan: {url}", status=page.status)
        return page
