"""Fixtures of the summaries tests (helpers: summaries_helpers.py)."""

import pytest
from summaries_helpers import StandIn, create_from_demo, demo_items


@pytest.fixture
def demo_theme(db):
    """Inflation phenomena of the demo texts: most published, some drafts, one in review."""
    items = demo_items("Harga-harga (Inflasi)")
    created = {"approved": [], "other": []}
    for index, item in enumerate(items):
        state = {"published": True} if index % 5 else ({"in_review": True} if index % 2 else {})
        phenomenon = create_from_demo(item, **state)
        created["approved" if state.get("published") else "other"].append(phenomenon)
    return created


@pytest.fixture
def mistral(settings):
    server = StandIn()
    settings.MISTRAL_API_KEY = "kunci-uji"
    settings.MISTRAL_SERVER_URL = server.url
    settings.MISTRAL_TIMEOUT_MS = 1500
    yield server
    server.stop()
