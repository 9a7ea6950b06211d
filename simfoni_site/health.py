"""``GET /healthz``: is this process able to serve? For load balancers, systemd and monitoring.

Four checks, each timed: the database (one query), the cache (write, read back, delete one
key), the task broker of django-q2 (ping and queue length: Redis, or the ORM queue table) and
the search engine (Elasticsearch ping, or one query on the table the engine reads). The answer
is JSON, 200 when every check passed and 503 otherwise. It needs no login and tells nothing
secret: no host names, URLs, user names or error messages (which can carry them), only each
check's name, result, duration and, on failure, the class of the error. Details go to the log.
"""

from __future__ import annotations

import contextlib
import logging
import time
import uuid

from django.core.cache import caches
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

logger = logging.getLogger("simfoni.health")


def check_database() -> dict:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return {"backend": connection.vendor}


def check_cache() -> dict:
    cache = caches["default"]
    key = f"simfoni:healthz:{uuid.uuid4().hex}"
    value = uuid.uuid4().hex
    # A degrading cache (simfoni_site/cache.py) hides an unreachable Redis from the views; not
    # from the health check.
    with getattr(cache, "strict", contextlib.nullcontext)():
        cache.set(key, value, timeout=30)
        try:
            if cache.get(key) != value:
                raise RuntimeError("cache did not return the value written")
        finally:
            cache.delete(key)
    return {"backend": type(cache).__name__}


def get_broker():
    from django_q.brokers import get_broker as django_q_broker

    return django_q_broker()


def check_broker() -> dict:
    broker = get_broker()
    if broker.ping() is False:
        raise RuntimeError("broker did not answer the ping")
    return {"backend": type(broker).__name__, "queued": int(broker.queue_size() or 0)}


def check_search() -> dict:
    from search.engines import engine_name

    name = engine_name()
    if name == "elasticsearch":
        from wagtail.search.backends import get_search_backend

        client = get_search_backend().es
        if hasattr(client, "options"):
            client = client.options(request_timeout=3)
        if not client.ping():
            raise RuntimeError("Elasticsearch did not answer the ping")
    elif name == "pgtable":
        from search.engines.pgtable import TABLE

        with connection.cursor() as cursor:
            cursor.execute(f"SELECT 1 FROM {TABLE} LIMIT 1")
            cursor.fetchall()
    else:
        from wagtail.search.models import IndexEntry

        IndexEntry.objects.exists()
    return {"backend": name}


CHECKS = {
    "database": check_database,
    "cache": check_cache,
    "broker": check_broker,
    "search": check_search,
}


def run_checks() -> dict[str, dict]:
    results = {}
    for name, check in CHECKS.items():
        started = time.perf_counter()
        try:
            result = {"ok": True, **check()}
        except Exception as exc:  # any failure is a failed check, never a 500
            logger.warning("health check %s failed: %r", name, exc, extra={"check": name})
            result = {"ok": False, "error": type(exc).__name__}
            if name == "database":  # a broken connection must not be reused by the next check
                connection.close_if_unusable_or_obsolete()
        result["ms"] = round((time.perf_counter() - started) * 1000, 1)
        results[name] = result
    return results


@never_cache
@require_GET
def healthz(request):
    checks = run_checks()
    ok = all(check["ok"] for check in checks.values())
    return JsonResponse(
        {"status": "ok" if ok else "error", "checks": checks}, status=200 if ok else 503
    )
