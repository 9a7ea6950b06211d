"""Hostile pages beyond the fetch tests: memory stays bounded under a 50 MB page, a page that
never ends is cut by the size cap as well as the time limit, and a run over hostile sources
stays bounded in time while the healthy source beside them is read."""

import time
import tracemalloc

import pytest

from scrape import runner
from scrape.fetch import Fetcher, FetchError, TooLarge
from scrape.models import Article, Run, RunSource, Source

pytestmark = pytest.mark.django_db


def test_a_50_mb_page_keeps_memory_bounded(fresh, settings):
    settings.SCRAPE_MAX_BYTES = 2 * 1024 * 1024
    tracemalloc.start()
    try:
        with Fetcher() as fetcher, pytest.raises(TooLarge):
            fetcher.get(fresh.url("kompas", "/raksasa"))
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    # the body is held up to the cap and no further (not 50 MB, not a copy of it per retry)
    assert peak < 3 * settings.SCRAPE_MAX_BYTES


def test_a_page_that_never_ends_is_cut_by_the_size_cap(fresh):
    started = time.monotonic()
    with Fetcher(timeout=30, retries=0, max_bytes=8 * 1024) as fetcher, pytest.raises(TooLarge):
        fetcher.get(fresh.url("kompas", "/tanpa-akhir"))
    assert time.monotonic() - started < 5  # the cap, long before the 30 s time limit


def test_a_page_that_never_ends_is_retried_then_left_for_the_next_run(fresh):
    with Fetcher(timeout=0.5, retries=1, backoff=0.01) as fetcher, pytest.raises(FetchError) as e:
        fetcher.get(fresh.url("kompas", "/tanpa-akhir"))
    assert e.value.transient
    assert [r[1] for r in fresh.requests].count("/tanpa-akhir") == 2
    assert "waktu habis (curl 28)" in str(e.value)  # said in Indonesian on the run page


def test_a_redirect_loop_is_said_in_indonesian(fresh):
    with Fetcher() as fetcher, pytest.raises(FetchError) as e:
        fetcher.get(fresh.url("kompas", "/putar"))
    assert "terlalu banyak pengalihan" in str(e.value) and "Maximum" not in str(e.value)


def test_hostile_and_broken_sources_beside_a_healthy_one(fresh):
    """Each source is its own task: an endless listing, an always-500 site and a hostile feed
    fail or finish on their own, and the healthy sitemap source is read whole."""
    endless = Source.objects.create(
        name="Tanpa akhir",
        enabled=True,
        discovery=Source.Discovery.LISTING,
        start_url=fresh.url("kompas", "/tanpa-akhir"),
        link_selector="a",
        delay_seconds=0,
    )
    broken = Source.objects.create(
        name="Rusak", enabled=True, start_url=fresh.url("rusak", "/feed.xml"), delay_seconds=0
    )
    hostile = Source.objects.create(
        name="Kompas", enabled=True, start_url=fresh.url("kompas", "/feed.xml"), delay_seconds=0
    )
    healthy = Source.objects.create(
        name="Detik",
        enabled=True,
        discovery=Source.Discovery.SITEMAP,
        start_url=fresh.url("detik", "/sitemap.xml"),
        delay_seconds=0,
    )
    started = time.monotonic()
    run = runner.start_run()
    assert time.monotonic() - started < 60
    run.refresh_from_db()
    assert run.status == Run.Status.DONE
    parts = {p.source_id: p for p in RunSource.objects.filter(run=run)}
    assert parts[endless.pk].status == RunSource.Status.FAILED
    assert parts[broken.pk].status == RunSource.Status.FAILED
    assert parts[hostile.pk].status == RunSource.Status.DONE and parts[hostile.pk].kept == 3
    assert parts[healthy.pk].status == RunSource.Status.DONE
    assert Article.objects.filter(source=healthy).count() == 4
