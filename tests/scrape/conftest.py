"""Scrape fixtures: the local portal server (127.0.0.1, ports 8140-8148) and fast settings."""

import pytest
from scrape_portals import start_server


@pytest.fixture(scope="session")
def portals():
    server = start_server()
    yield server
    server.stop()


@pytest.fixture(autouse=True)
def fast_scraping(settings):
    settings.SCRAPE_TIMEOUT_SECONDS = 2
    settings.SCRAPE_RETRIES = 1
    settings.SCRAPE_BACKOFF_SECONDS = 0.05
    settings.SCRAPE_MAX_BYTES = 1024 * 1024
    settings.SCRAPE_FOLLOW_REDIRECTS = True  # the portals are on 127.0.0.1


@pytest.fixture
def fresh(portals):
    """The server with its per-test state reset."""
    portals.requests.clear()
    portals.flaky_hits = 0
    portals.huge_sent = 0
    return portals
