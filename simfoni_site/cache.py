"""A Redis cache that degrades: while Redis is unreachable it answers like an empty cache.

The cache only holds what can be computed again (dashboard figures and pages, search facet
counts, the API's per-key request counts, the OIDC discovery document), so losing it for a
while costs speed, not correctness. Django's own ``RedisCache`` raises ``ConnectionError`` on
every call while Redis is down, and each view that reads the cache answers 500; this one logs a
warning (at most one per ``WARN_EVERY`` seconds per process), returns what an empty cache
returns (a miss, ``False`` for ``add``, ``ValueError`` for ``incr`` of a missing key) and talks
to Redis again on the next call, so the site recovers by itself when Redis is back.

While degraded: every dashboard/search request recomputes its figures, the API rate limit
counts nothing (it lets requests through), and an invalidation sent meanwhile is lost, so
figures cached before the outage may be served until they expire (``DASHBOARD_CACHE_SECONDS``,
``SEARCH_FACET_CACHE_SECONDS``) if Redis comes back with its data. ``/healthz`` still reports
the cache as failed: it checks inside ``strict()``, which lets the error through.
"""

from __future__ import annotations

import contextlib
import functools
import logging
import time

from django.core.cache.backends.redis import RedisCache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger("simfoni.cache")

UNREACHABLE = (RedisConnectionError, RedisTimeoutError)
WARN_EVERY = 10.0  # seconds


def _degrades(on_failure):
    """Call the RedisCache method; when Redis is unreachable return `on_failure(args...)`."""

    def decorate(method):
        @functools.wraps(method)
        def wrapper(self, *args, **kwargs):
            if self._strict:
                return method(self, *args, **kwargs)
            try:
                return method(self, *args, **kwargs)
            except UNREACHABLE as error:
                self._warn(method.__name__, error)
                return on_failure(*args, **kwargs)

        return wrapper

    return decorate


def _get_default(key, default=None, version=None):
    return default


def _missing_key(key, delta=1, version=None):
    raise ValueError(f"Key '{key}' not found (cache unreachable)")


def _failed_keys(data, *args, **kwargs):
    return list(data)


class DegradingRedisCache(RedisCache):
    """``RedisCache`` answering as an empty cache while Redis is unreachable (see module)."""

    def __init__(self, server, params):
        super().__init__(server, params)
        # Django keeps one cache object per thread (django.core.cache.caches): plain attributes.
        self._strict = False
        self._last_warning = 0.0

    @contextlib.contextmanager
    def strict(self):
        """Within: errors are raised as by Django's RedisCache (for the health check)."""
        before, self._strict = self._strict, True
        try:
            yield self
        finally:
            self._strict = before

    def _warn(self, operation: str, error: Exception) -> None:
        now = time.monotonic()
        if now - self._last_warning >= WARN_EVERY:
            self._last_warning = now
            logger.warning(
                "Cache unreachable (%s in %s): answering as an empty cache",
                type(error).__name__,
                operation,
            )

    get = _degrades(_get_default)(RedisCache.get)
    set = _degrades(lambda *a, **k: None)(RedisCache.set)
    add = _degrades(lambda *a, **k: False)(RedisCache.add)
    touch = _degrades(lambda *a, **k: False)(RedisCache.touch)
    delete = _degrades(lambda *a, **k: False)(RedisCache.delete)
    has_key = _degrades(lambda *a, **k: False)(RedisCache.has_key)
    incr = _degrades(_missing_key)(RedisCache.incr)
    get_many = _degrades(lambda *a, **k: {})(RedisCache.get_many)
    set_many = _degrades(_failed_keys)(RedisCache.set_many)
    delete_many = _degrades(lambda *a, **k: None)(RedisCache.delete_many)
    clear = _degrades(lambda *a, **k: False)(RedisCache.clear)
