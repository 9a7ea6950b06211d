"""Each production switch in the environment really changes the running configuration."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PROBE = """
import json, os, django
django.setup()
from django.conf import settings
from django.core.cache import cache
out = {
    "db": settings.DATABASES["default"]["ENGINE"],
    "cache": settings.CACHES["default"]["BACKEND"],
    "search": settings.WAGTAILSEARCH_BACKENDS["default"]["BACKEND"],
    "engine": __import__("search.engines").engines.engine_name(),
    "wagtail_index": __import__("phenomena.models").models.Phenomenon.search_auto_update,
    "broker": "redis" if "redis" in settings.Q_CLUSTER else "orm",
    "email": settings.EMAIL_BACKEND,
    "debug": settings.DEBUG,
    "ssl_redirect": settings.SECURE_SSL_REDIRECT,
    "hsts": [settings.SECURE_HSTS_SECONDS, settings.SECURE_HSTS_INCLUDE_SUBDOMAINS,
             settings.SECURE_HSTS_PRELOAD],
}
if os.environ.get("PROBE_REQUEST"):
    from django.test import Client
    client = Client(HTTP_HOST="localhost", raise_request_exception=False)
    plain = client.get("/i18n/setlang/")
    secure = client.get("/i18n/setlang/", secure=True)
    out["plain"] = [plain.status_code, plain.get("Location", "")]
    out["hsts_header"] = secure.get("Strict-Transport-Security", "")
    out["csp_header"] = secure.get("Content-Security-Policy", "")
    favicon = client.get("/favicon.ico")
    out["favicon"] = [favicon.status_code, favicon.get("Location", "")]
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
    assert out["engine"] == "database" and out["wagtail_index"] is True
    assert out["broker"] == "orm"
    assert out["email"].endswith("console.EmailBackend")


def test_database_url_selects_postgresql():
    out, _ = probe(DATABASE_URL="postgres://postgres@127.0.0.1:5432/simfoni")
    assert out["db"] == "django.db.backends.postgresql"
    # The search table serves search; Wagtail's index of phenomena is not kept.
    assert out["engine"] == "pgtable" and out["wagtail_index"] is False


def test_search_engine_setting_overrides_the_automatic_choice():
    out, _ = probe(
        DATABASE_URL="postgres://postgres@127.0.0.1:5432/simfoni", SIMFONI_SEARCH_ENGINE="database"
    )
    assert out["engine"] == "database" and out["wagtail_index"] is True
    assert out["search"] == "wagtail.search.backends.database"


def test_elasticsearch_url_selects_elasticsearch_backend():
    out, _ = probe(ELASTICSEARCH_URL="http://127.0.0.1:9200")
    assert "elasticsearch" in out["search"]
    assert out["engine"] == "elasticsearch" and out["wagtail_index"] is True


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
    out, _ = probe("simfoni_site.settings.production", SECRET_KEY=GOOD_KEY)
    assert out["debug"] is False


GOOD_KEY = "k3#v9Qz!T1m@pW8rXy2$Lc5nB7dF0gH4jS6aE^uR&oI*eZ-wq+"


@pytest.mark.parametrize(
    "key, reason",
    [
        ("kort-Qz!T1m@pW8rXy2$Lc5nB7", "fewer than 50 characters"),
        ("abcabcabcabc" * 5, "fewer than 10 different characters"),
        ("django-insecure-" + GOOD_KEY, "development key"),
        ("simfoni-dev-secret-key-change-me-in-production", "development key"),
    ],
)
def test_production_refuses_a_weak_secret(key, reason):
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "REDIS_URL"}}
    env.update(DJANGO_SETTINGS_MODULE="simfoni_site.settings.production", SECRET_KEY=key)
    result = subprocess.run(
        [sys.executable, "-c", PROBE], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr and reason in result.stderr


def test_production_is_https_only_by_default():
    out, _ = probe("simfoni_site.settings.production", SECRET_KEY=GOOD_KEY, PROBE_REQUEST="1")
    assert out["ssl_redirect"] is True
    assert out["hsts"] == [31536000, True, False]
    assert out["plain"] == [301, "https://localhost/i18n/setlang/"]
    assert out["hsts_header"] == "max-age=31536000; includeSubDomains"
    csp = out["csp_header"]
    assert "default-src 'self'" in csp and "object-src 'none'" in csp
    assert "frame-ancestors 'self'" in csp and "form-action 'self'" in csp


def test_production_https_switches():
    out, _ = probe(
        "simfoni_site.settings.production",
        SECRET_KEY=GOOD_KEY,
        PROBE_REQUEST="1",
        SECURE_SSL_REDIRECT="0",
        SECURE_HSTS_SECONDS="600",
        SECURE_HSTS_INCLUDE_SUBDOMAINS="0",
        SECURE_HSTS_PRELOAD="1",
    )
    assert out["ssl_redirect"] is False
    assert out["plain"][0] != 301
    assert out["hsts_header"] == "max-age=600; preload"


def test_development_sends_the_same_policy_but_no_https_redirect():
    out, _ = probe(PROBE_REQUEST="1")
    assert out["favicon"] == [301, "/static/favicon.ico"]  # DEBUG adds static URL patterns
    assert out["ssl_redirect"] is False
    assert out["plain"][0] != 301
    assert "script-src 'self'" in out["csp_header"]
