"""Fetching: honest identification, retries with back-off, size cap, time limit, redirects,
robots.txt and charsets, against the local portal server."""

import time

import pytest

from scrape.fetch import Disallowed, Fetcher, FetchError, TooLarge, decode

INFLASI = "/read/2026/10/05/101010/inflasi-jakarta-oktober"


def test_identifies_the_office_without_browser_disguise(fresh, settings):
    with Fetcher() as fetcher:
        page = fetcher.get(fresh.url("kompas", INFLASI))
    assert page.status == 200 and b"Inflasi Jakarta" in page.body
    site, path, headers = [r for r in fresh.requests if r[1] == INFLASI][0]
    lowered = {k.lower(): v for k, v in headers.items()}
    assert lowered["user-agent"] == settings.SCRAPE_USER_AGENT
    assert "BPS Provinsi DKI Jakarta" in lowered["user-agent"]
    assert "referer" not in lowered  # scrapling's stealth mode would send Google's
    assert not any(k.startswith("sec-ch-ua") for k in lowered)  # no Chrome impersonation


def test_not_found_is_not_retried(fresh):
    with Fetcher() as fetcher, pytest.raises(FetchError) as info:
        fetcher.get(fresh.url("kompas", "/hilang"))
    assert info.value.status == 404 and not info.value.transient
    assert [r[1] for r in fresh.requests].count("/hilang") == 1


def test_server_error_is_retried_with_back_off_then_given_up(fresh, settings):
    settings.SCRAPE_RETRIES = 2
    settings.SCRAPE_BACKOFF_SECONDS = 0.1
    started = time.monotonic()
    with Fetcher() as fetcher, pytest.raises(FetchError) as info:
        fetcher.get(fresh.url("kompas", "/galat"))
    assert info.value.status == 500 and info.value.transient
    assert [r[1] for r in fresh.requests].count("/galat") == 3
    assert time.monotonic() - started >= 0.1 + 0.2  # 0.1 s, then 0.2 s


def test_a_page_failing_once_is_read_on_the_retry(fresh):
    with Fetcher() as fetcher:
        page = fetcher.get(fresh.url("kompas", "/read/2026/10/08/070000/sekali-gagal"))
    assert page.status == 200 and fresh.flaky_hits == 2


def test_redirect_loop_stops(fresh):
    with Fetcher() as fetcher, pytest.raises(FetchError) as info:
        fetcher.get(fresh.url("kompas", "/putar"))
    assert not info.value.transient
    assert len([r for r in fresh.requests if r[1].startswith("/putar")]) <= 7


def test_a_page_that_never_ends_hits_the_time_limit(fresh):
    started = time.monotonic()
    with Fetcher(retries=0) as fetcher, pytest.raises(FetchError):
        fetcher.get(fresh.url("kompas", "/tanpa-akhir"))
    assert time.monotonic() - started < 5


def test_a_50_mb_page_is_cut_off_while_streaming(fresh):
    started = time.monotonic()
    with Fetcher() as fetcher, pytest.raises(TooLarge):
        fetcher.get(fresh.url("kompas", "/raksasa"))
    assert time.monotonic() - started < 5
    assert [r[1] for r in fresh.requests].count("/raksasa") == 1  # a size cap is not retried
    time.sleep(0.2)
    assert fresh.huge_sent < 20 * 1024 * 1024  # the transfer was aborted, not read to the end


def test_robots_txt_disallow_is_respected(fresh):
    with Fetcher() as fetcher, pytest.raises(Disallowed):
        fetcher.get(fresh.url("kompas", "/private/rahasia"))
    assert "/private/rahasia" not in [r[1] for r in fresh.requests]
    assert [r[1] for r in fresh.requests].count("/robots.txt") == 1


def test_an_unreachable_host_is_an_error_not_a_crash():
    with Fetcher(retries=0, timeout=1) as fetcher, pytest.raises(FetchError):
        fetcher.get("http://127.0.0.1:9/apa-saja")


@pytest.mark.parametrize(
    "body, content_type, expected",
    [
        ("Harga “naik”".encode(), "text/html; charset=iso-8859-1", "Harga “naik”"),
        ("Harga “naik”".encode("cp1252"), "text/html", "Harga “naik”"),
        ("Harga “naik”".encode("cp1252"), "text/html; charset=utf-8", "Harga “naik”"),
        (
            "<meta charset='iso-8859-1'>Jalan Sudirman café".encode("latin-1"),
            "",
            "<meta charset='iso-8859-1'>Jalan Sudirman café",
        ),
    ],
)
def test_wrong_or_missing_charset_still_reads(body, content_type, expected):
    assert decode(body, content_type) == expected
