"""API tests: a key of a consuming system and a client that sends it."""

import importlib

import pytest
from django.core.cache import cache

from api.models import ApiKey

# The API's types are read once, before any test freezes the clock (freezegun's dates).
importlib.import_module("api.api")


@pytest.fixture
def api_key(db):
    key = ApiKey(name="Dasbor uji")
    raw = key.issue()
    key.save()
    key.raw = raw
    return key


@pytest.fixture
def api(client, api_key):
    """client.get with the key: api("/api/v1/subjects/") → response."""
    cache.clear()

    def get(path, data=None, **headers):
        return client.get(path, data, HTTP_X_API_KEY=api_key.raw, **headers)

    return get
