"""Production: everything from the environment; refuses to start with a weak SECRET_KEY.

HTTPS only by default: HTTP is redirected (SECURE_SSL_REDIRECT) and browsers are told to use
HTTPS for a year (HSTS); both can be switched by environment variables (see README.md).
"""

import os

from django.core.checks.security.base import (
    SECRET_KEY_INSECURE_PREFIX,
    SECRET_KEY_MIN_LENGTH,
)
from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import SECRET_KEY, env_bool

DEBUG = False

SECRET_KEY_MIN_UNIQUE = 10


def weak_secret_key(key: str) -> str | None:
    """Why `key` is not fit for production, or None."""
    if key.startswith(("simfoni-dev-", SECRET_KEY_INSECURE_PREFIX)):
        return "it is the development key"
    if len(key) < SECRET_KEY_MIN_LENGTH:
        return f"it has fewer than {SECRET_KEY_MIN_LENGTH} characters"
    if len(set(key)) < SECRET_KEY_MIN_UNIQUE:
        return f"it has fewer than {SECRET_KEY_MIN_UNIQUE} different characters"
    return None


if reason := weak_secret_key(SECRET_KEY):
    raise ImproperlyConfigured(
        f"Set a long random SECRET_KEY in the environment for production: {reason}. Generate one "
        "with: python -c 'from django.core.management.utils import get_random_secret_key as k; "
        "print(k())'"
    )

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", True)
CSRF_COOKIE_SECURE = env_bool("SECURE_COOKIES", True)
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
# Load balancers and monitors probe /healthz over plain HTTP on the private network.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
# HSTS preload (security.W021) is a promise for a whole registrable domain (bps.go.id), which a
# SIMFONI deployment on one subdomain cannot make; SECURE_HSTS_PRELOAD=1 sends it where it can.
if not SECURE_HSTS_PRELOAD:
    SILENCED_SYSTEM_CHECKS = ["security.W021"]
