"""The Redis cache degrades: Redis down is a slower site, not 500s (benchmarks/faults.py)."""

import json
import time

import pytest
from django.core.cache import caches
from django.db import connection
from django.test import override_settings
from redis.exceptions import ConnectionError as RedisConnectionError

from api.models import ApiKey
from simfoni_site.cache import DegradingRedisCache

REFUSED_REDIS = "redis://127.0.0.1:1/0"  # nothing listens on port 1
DOWN = {
    "default": {
        "BACKEND": "simfoni_site.cache.DegradingRedisCache",
        "LOCATION": REFUSED_REDIS,
        "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
    }
}


def _cache(location=REFUSED_REDIS):
    return DegradingRedisCache(location, {"OPTIONS": {"socket_connect_timeout": 1}})


def test_an_unreachable_redis_answers_as_an_empty_cache(caplog):
    cache = _cache()
    started = time.monotonic()
    assert cache.get("k") is None
    assert cache.get("k", "fallback") == "fallback"
    assert cache.set("k", 1) is None
    assert cache.add("k", 1) is False
    assert cache.delete("k") is False
    assert cache.has_key("k") is False
    assert cache.get_many(["a", "b"]) == {}
    assert cache.set_many({"a": 1, "b": 2}) == ["a", "b"]
    assert cache.get_or_set("k", lambda: 42) == 42
    with pytest.raises(ValueError):  # like a missing key: callers already fall back to set()
        cache.incr("k")
    assert time.monotonic() - started < 5  # refused at once, not a timeout per call
    # one warning, not one per call
    warnings = [r for r in caplog.records if r.name == "simfoni.cache"]
    assert len(warnings) == 1 and "ConnectionError" in warnings[0].getMessage()


def test_strict_lets_the_error_through():
    cache = _cache()
    with cache.strict(), pytest.raises(RedisConnectionError):
        cache.get("k")
    assert cache.get("k") is None  # degrades again afterwards


def test_a_running_redis_is_used():
    redis = pytest.importorskip("redis")
    try:
        redis.from_url("redis://127.0.0.1:6379/0").ping()
    except redis.ConnectionError:
        pytest.skip("no Redis on 127.0.0.1:6379")
    cache = DegradingRedisCache(
        "redis://127.0.0.1:6379/0", {"KEY_PREFIX": "simfoni-degrading-test"}
    )
    cache.set("k", {"a": 1}, 10)
    assert cache.get("k") == {"a": 1}
    cache.add("n", 0, 10)
    assert cache.incr("n") == 1
    cache.delete_many(["k", "n"])


@pytest.mark.django_db
def test_healthz_still_reports_the_cache_down(client):
    with override_settings(CACHES=DOWN):
        response = client.get("/healthz")
        body = json.loads(response.content)
    assert response.status_code == 503
    assert body["checks"]["cache"] == {
        "ok": False,
        "error": "ConnectionError",
        "ms": body["checks"]["cache"]["ms"],
    }


@pytest.mark.django_db
def test_views_that_use_the_cache_answer_while_redis_is_down(admin_client, client):
    key = ApiKey(name="cache down")
    raw = key.issue()
    key.save()
    with override_settings(CACHES=DOWN):  # Django's test signal resets the cache handler
        assert isinstance(caches["default"], DegradingRedisCache)
        assert admin_client.get("/dasbor/").status_code == 200
        assert admin_client.get("/cari/", {"q": "cabai"}).status_code == 200
        response = client.get("/api/v1/phenomena/", HTTP_X_API_KEY=raw)
        assert response.status_code == 200  # the rate limit lets it through


def test_the_database_connection_is_checked_before_reuse(settings):
    """After a PostgreSQL restart a kept connection is tested (and replaced) before use."""
    assert settings.DATABASES["default"]["CONN_HEALTH_CHECKS"] is True
    assert connection.settings_dict["CONN_HEALTH_CHECKS"] is True


@pytest.mark.django_db
def test_djangos_own_redis_cache_fails_those_views(admin_client):
    """What the degrading cache is for: with Django's RedisCache and Redis down, a 500."""
    plain = {
        "default": {**DOWN["default"], "BACKEND": "django.core.cache.backends.redis.RedisCache"}
    }
    admin_client.raise_request_exception = True
    with override_settings(CACHES=plain), pytest.raises(RedisConnectionError):
        admin_client.get("/dasbor/")
