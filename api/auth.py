"""API keys in a header, and a per-key rate limit kept in the Django cache."""

from __future__ import annotations

import time
from datetime import timedelta

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja.security import APIKeyHeader

from .errors import ApiError
from .models import ApiKey, hash_key

#: How often `last_used_at` is written at most (one UPDATE per key per this many seconds).
LAST_USED_RESOLUTION = timedelta(minutes=5)


def rate_limit_default() -> int:
    return int(getattr(settings, "API_RATE_LIMIT", 120))


def rate_window() -> int:
    return int(getattr(settings, "API_RATE_WINDOW_SECONDS", 60))


def read_key(request) -> str:
    """The key from `X-API-Key: …` or `Authorization: Api-Key …` ('' when none)."""
    key = request.headers.get("X-API-Key", "").strip()
    if not key:
        scheme, _sep, value = request.headers.get("Authorization", "").partition(" ")
        if scheme.lower() == "api-key":
            key = value.strip()
    return key


def check_rate(api_key: ApiKey) -> None:
    """Count one request of `api_key` in the current window; 429 over its limit."""
    limit = api_key.rate_limit or rate_limit_default()
    window = rate_window()
    now = time.time()
    slot = int(now // window)
    cache_key = f"api-rate:{api_key.pk}:{slot}"
    cache.add(cache_key, 0, timeout=window + 1)
    try:
        used = cache.incr(cache_key)
    except ValueError:  # expired between add and incr
        cache.set(cache_key, 1, timeout=window + 1)
        used = 1
    if used > limit:
        retry_after = max(1, int((slot + 1) * window - now + 0.999))
        raise ApiError(
            429,
            _("Batas %(limit)s permintaan per %(window)s detik untuk kunci ini terlampaui.")
            % {"limit": limit, "window": window},
            headers={"Retry-After": str(retry_after)},
        )


class ApiKeyAuth(APIKeyHeader):
    """`X-API-Key: <key>` (or `Authorization: Api-Key <key>`): the consuming system's key."""

    param_name = "X-API-Key"

    def _get_key(self, request):
        return read_key(request)

    def authenticate(self, request, key):
        if not key:
            raise ApiError(
                401,
                _("Kunci API diperlukan: kirim di header X-API-Key atau Authorization: Api-Key."),
            )
        api_key = ApiKey.objects.filter(key_hash=hash_key(key)).first()
        if api_key is None:
            raise ApiError(401, _("Kunci API tidak dikenal."))
        if not api_key.is_active:
            raise ApiError(401, _("Kunci API ini sudah dicabut."))
        check_rate(api_key)
        now = timezone.now()
        if api_key.last_used_at is None or now - api_key.last_used_at > LAST_USED_RESOLUTION:
            ApiKey.objects.filter(pk=api_key.pk).update(last_used_at=now)
        return api_key
