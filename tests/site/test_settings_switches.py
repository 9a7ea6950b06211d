"""Each production switch in the environment really changes the running configuration."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PROBE = """
import json, django
django.setup()
from django.conf import settings
from django.core.cache import cache
out = {
    "db": settings.DATABASES["default"]["ENGINE"],
    "cache": settings.CACHES["default"]["BACKEND"],
    "search": settings.WAGTAILSEARCH_BACKENDS["default"]["BACKEND"],
    "broker": "redis" if "redis" in settings.Q_CLUSTER else "orm",
    "email": settings.EMAIL_BACKEND,
    "debug": settings.DEBUG,
}
if out["cache"].endswith("RedisCache"):
    cache.set("simfoni-probe", "ok", 10)
    out["roundtrip"] = cache.get("simfoni-probe")
print(json.dumps(out))
"""


def probe(settings_module="simfoni_site.settings.dev", **env):
    clean = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "REDIS_URL"}}
    clean.update(DJANGO_SETTINGS_MODULE=settings_module, **env)
    result = subprocess.run(
        [sys.executable, "-c", PROBE], cwd=ROOT, env=clean, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return json.loads(result.stdout.strip().splitlines()[-1]), result


def test_defaults_need_nothing_installed():
    out, _ = probe()
    assert out["db"] == "django.db.backends.sqlite3"
    assert out["cache"].endswith("LocMemCache")
    assert out["search"] == "wagtail.search.backends.database"
    assert out["broker"] == "orm"
    assert out["email"].endswith("console.EmailBackend")


def test_database_url_selects_postgresql():
    out, _ = probe(DATABASE_URL="postgres://postgres@127.0.0.1:5432/simfoni")
    assert out["db"] == "django.db.backends.postgresql"


def test_elasticsearch_url_selects_elasticsearch_backend():
    out, _ = probe(ELASTICSEARCH_URL="http://127.0.0.1:9200")
    assert "elasticsearch" in out["search"]


def test_smtp_when_email_host_is_set():
    out, _ = probe(EMAIL_HOST="smtp.bps.test")
    assert out["email"].endswith("smtp.EmailBackend")


def _redis_up():
    import socket

    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=1).close()
        return True
    except OSError:
        return False


@pytest.mark.skipif(not _redis_up(), reason="no Redis on 127.0.0.1:6379")
def test_redis_url_shares_cache_and_broker_through_redis():
    out, _ = probe(REDIS_URL="redis://127.0.0.1:6379/5")
    assert out["cache"].endswith("RedisCache")
    assert out["broker"] == "redis"
    assert out["roundtrip"] == "ok"


def test_production_refuses_the_development_secret():
    clean = {k: v for k, v in os.environ.items() if k != "SECRET_KEY"}
    clean["DJANGO_SETTINGS_MODULE"] = "simfoni_site.settings.production"
    result = subprocess.run(
        [sys.executable, "-c", PROBE], cwd=ROOT, env=clean, capture_output=True, text=True
    )
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr
    out, _ = probe("simfoni_site.settings.production", SECRET_KEY="x" * 50)
    assert out["debug"] is False
