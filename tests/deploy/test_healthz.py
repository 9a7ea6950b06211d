"""/healthz: 200 with every check passing, 503 naming the failed one; no secret in the answer."""

import json

import pytest
from django.test import override_settings
from django_q.conf import Conf

REFUSED_REDIS = "redis://:geheim-passwort@127.0.0.1:1/0"  # nothing listens on port 1


def _get(client):
    response = client.get("/healthz")
    return response, json.loads(response.content)


@pytest.mark.django_db
def test_all_checks_pass_without_login(client):
    response, body = _get(client)
    assert response.status_code == 200
    assert body["status"] == "ok"
    assert set(body["checks"]) == {"database", "cache", "broker", "search"}
    assert all(check["ok"] for check in body["checks"].values())
    assert body["checks"]["search"]["backend"] in ("database", "pgtable", "elasticsearch")
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.django_db
def test_a_cache_that_refuses_connections_gives_503(client):
    cache = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REFUSED_REDIS,
        }
    }
    with override_settings(CACHES=cache):
        response, body = _get(client)
    assert response.status_code == 503
    assert body["status"] == "error"
    assert body["checks"]["cache"]["ok"] is False
    assert body["checks"]["cache"]["error"] == "ConnectionError"
    assert body["checks"]["database"]["ok"] is True
    assert (
        "geheim" not in response.content.decode() and "127.0.0.1" not in response.content.decode()
    )


@pytest.mark.django_db
def test_a_redis_broker_that_is_down_gives_503(client, monkeypatch):
    monkeypatch.setattr(Conf, "ORM", None)
    monkeypatch.setattr(Conf, "REDIS", REFUSED_REDIS)
    response, body = _get(client)
    assert response.status_code == 503
    assert body["checks"]["broker"] == {
        "ok": False,
        "error": "ConnectionError",
        "ms": body["checks"]["broker"]["ms"],
    }
    assert body["checks"]["cache"]["ok"] is True
    assert "geheim" not in response.content.decode()


@pytest.mark.django_db
def test_a_running_redis_serves_as_cache_and_broker(client, monkeypatch):
    redis = pytest.importorskip("redis")
    try:
        redis.from_url("redis://127.0.0.1:6379/0").ping()
    except redis.ConnectionError:
        pytest.skip("no Redis on 127.0.0.1:6379")
    monkeypatch.setattr(Conf, "ORM", None)
    monkeypatch.setattr(Conf, "REDIS", "redis://127.0.0.1:6379/0")
    monkeypatch.setattr(Conf, "CLUSTER_NAME", "simfoni-healthz-test")
    cache = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:6379/0",
            "KEY_PREFIX": "simfoni-healthz-test",
        }
    }
    with override_settings(CACHES=cache):
        response, body = _get(client)
    assert response.status_code == 200, body
    assert body["checks"]["broker"]["backend"] == "Redis"
    assert body["checks"]["cache"]["backend"] == "RedisCache"


@pytest.mark.django_db
def test_a_broken_search_engine_gives_503(client, monkeypatch):
    from simfoni_site import health

    def broken():
        raise OSError("search index at http://user:secret@es.internal:9200 unreachable")

    monkeypatch.setitem(health.CHECKS, "search", broken)
    response, body = _get(client)
    assert response.status_code == 503
    assert body["checks"]["search"]["error"] == "OSError"
    assert "secret" not in response.content.decode()


@pytest.mark.django_db
def test_only_get(client):
    assert client.post("/healthz").status_code == 405
