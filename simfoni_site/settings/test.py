"""Settings for the test suite: same as production defaults, fast hashing, no real e-mail."""

from .base import *  # noqa: F403
from .base import LOGGING, Q_CLUSTER

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# django-q2 reads Q_CLUSTER once at import (override_settings has no effect): tasks run inline.
Q_CLUSTER = {**Q_CLUSTER, "sync": True}
AXES_VERBOSE = False
# django-axes logs every reset at INFO level: keep the test output readable.
LOGGING = {**LOGGING, "loggers": {**LOGGING["loggers"], "axes": {"level": "WARNING"}}}
# A test's rolled-back synonym groups send no signal: compare the thesaurus at every search.
SIMFONI_THESAURUS_CHECK_SECONDS = 0
