"""Settings shared by every environment, read from environment variables with embedded defaults.

A fresh machine needs nothing: SQLite in the project folder, Wagtail's database search backend,
django-q2's ORM broker, console e-mail. Production switches each of these by one variable
(see the settings table in README.md).
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF, UNSAFE_INLINE
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent


def env_bool(name: str, default: bool = False) -> bool:
    """Read a boolean environment variable ("1", "true", "yes", "on" are true)."""
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    """Read a comma-separated environment variable into a list without blanks."""
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = os.environ.get("SECRET_KEY", "simfoni-dev-secret-key-change-me-in-production")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "phenomena",
    "home",
    "workflows",
    "reminders",
    "alerts",
    "summaries",
    "dossiers",
    "api",
    "accounts",
    "transfer",
    "phenomena.apps.SimfoniUsersAppConfig",  # wagtail.users with the one-role user forms
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_q",
    "notifications",
    "axes",
    "csp",
    "corsheaders",
    "ninja",  # the API's documentation page from its own static files (no CDN)
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # /api/ only: ETag/Last-Modified (304) and gzip; CORS for the origins in API_CORS_ORIGINS.
    "api.middleware.ApiHttpMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "simfoni_site.middleware.PreferredLanguageMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simfoni_site.middleware.UnusedAdminSectionsMiddleware",
    # Last, as django-axes asks: turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "simfoni_site.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
            ],
        },
    },
]

WSGI_APPLICATION = "simfoni_site.wsgi.application"

# Content-Security-Policy (django-csp), the same in every environment so the browser tests prove
# the site works under it: everything from this site only (no external scripts, styles, fonts,
# frames or connections), no plugins, forms post only here, no framing by other sites.
# 'unsafe-inline' for scripts: Wagtail's admin renders inline <script> blocks without nonces
# (every inline panel, the bulk actions) and the site's templates use inline handlers
# (onchange="this.form.submit()"); for styles: style attributes in templates. Checked in the
# browser by tests/e2e/test_csp.py (no violation on the admin and site pages).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, UNSAFE_INLINE],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "data:", "blob:"],
        "font-src": [SELF, "data:"],
        "connect-src": [SELF],
        "frame-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [SELF],
    }
}

# Database: DATABASE_URL (postgres://user:pass@host:5432/name) or a SQLite file in the project.
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60")),
        # A kept connection is tested before a request reuses it: after a PostgreSQL restart
        # the first request of each worker reconnects instead of failing (docs/deploy.md).
        conn_health_checks=env_bool("DB_CONN_HEALTH_CHECKS", True),
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Bahasa Indonesia first, English second; Jakarta time.
LANGUAGE_CODE = "id-id"  # Wagtail ships its Indonesian as id_ID; Django falls back to id
LANGUAGES = [("id-id", _("Bahasa Indonesia")), ("en", _("English"))]
# locale/: our own strings (Indonesian msgids, English translations; makemessages writes here).
# locale_wagtail/: completes Wagtail's partial Indonesian admin catalogue (django + djangojs).
# LOCALE_PATHS beat app catalogues, and the earlier path wins where both translate a msgid.
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale_wagtail"]
# One Indonesian date format everywhere: "4 Des 2026", "4 Des 2026 21.51" (simfoni_site/formats/id).
FORMAT_MODULE_PATH = ["simfoni_site.formats"]
TIME_ZONE = os.environ.get("TIME_ZONE", "Asia/Jakarta")
USE_I18N = True
USE_TZ = True
WAGTAIL_I18N_ENABLED = False
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = [PROJECT_DIR / "static"]
STATIC_ROOT = BASE_DIR / "static"
STATIC_URL = "/static/"
MEDIA_ROOT = BASE_DIR / "media"
MEDIA_URL = "/media/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Login throttling (django-axes): after AXES_FAILURE_LIMIT wrong passwords for one username from
# one IP address, that username is refused from that address for AXES_COOLOFF_MINUTES (each
# further try restarts the wait). Locking by username+IP means nobody can lock a colleague out
# from elsewhere, nor lock a whole office sharing one address. Admins unlock under Pengaturan >
# Pengguna > Login terkunci, or `manage.py axes_reset_username <username>`.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # first: refuses a locked-out login before checking
    "django.contrib.auth.backends.ModelBackend",
    "accounts.oidc.SimfoniOIDCBackend",  # idle unless the OIDC_* settings below are set
]
AXES_ENABLED = env_bool("AXES_ENABLED", True)
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("AXES_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True  # a successful login forgets earlier typos
AXES_LOCKOUT_CALLABLE = "simfoni_site.accounts.lockout_response"
AXES_ENABLE_ADMIN = False  # no Django admin; SIMFONI has its own screen
# Behind reverse proxies: PROXY_COUNT of them append to X-Forwarded-For (0: use REMOTE_ADDR).
SIMFONI_PROXY_COUNT = int(os.environ.get("PROXY_COUNT", "0"))
AXES_CLIENT_IP_CALLABLE = "simfoni_site.accounts.client_ip"

# Sessions end SESSION_COOKIE_AGE seconds after login (default 8 hours), or when the browser
# closes if "Ingat saya" was not ticked at login.
SESSION_COOKIE_AGE = int(os.environ.get("SESSION_COOKIE_AGE", str(8 * 3600)))

# Single sign-on with OpenID Connect (accounts app, docs/sso.md), on when OIDC_RP_CLIENT_ID and
# OIDC_DISCOVERY_URL (or the OIDC_OP_*_ENDPOINT URLs) are set. mozilla-django-oidc reads these.
OIDC_DISCOVERY_URL = os.environ.get("OIDC_DISCOVERY_URL", "")
OIDC_RP_CLIENT_ID = os.environ.get("OIDC_RP_CLIENT_ID", "")
OIDC_RP_CLIENT_SECRET = os.environ.get("OIDC_RP_CLIENT_SECRET", "")
OIDC_RP_SIGN_ALGO = os.environ.get("OIDC_RP_SIGN_ALGO", "RS256")
OIDC_RP_SCOPES = os.environ.get("OIDC_RP_SCOPES", "openid email profile")
# Endpoints: from the discovery document, unless set here.
OIDC_OP_AUTHORIZATION_ENDPOINT = os.environ.get("OIDC_OP_AUTHORIZATION_ENDPOINT", "")
OIDC_OP_TOKEN_ENDPOINT = os.environ.get("OIDC_OP_TOKEN_ENDPOINT", "")
OIDC_OP_USER_ENDPOINT = os.environ.get("OIDC_OP_USER_ENDPOINT", "")
OIDC_OP_JWKS_ENDPOINT = os.environ.get("OIDC_OP_JWKS_ENDPOINT", "")
OIDC_OP_LOGOUT_ENDPOINT = os.environ.get("OIDC_OP_LOGOUT_ENDPOINT", "")
OIDC_OP_ISSUER = os.environ.get("OIDC_OP_ISSUER", "")
OIDC_STAFF_ID_CLAIM = os.environ.get("OIDC_STAFF_ID_CLAIM", "nip")
OIDC_EMAIL_CLAIM = os.environ.get("OIDC_EMAIL_CLAIM", "email")
OIDC_USE_PKCE = env_bool("OIDC_USE_PKCE", True)
OIDC_TIMEOUT = int(os.environ.get("OIDC_TIMEOUT", "10"))
OIDC_STORE_ID_TOKEN = True  # the hint for the provider's logout
OIDC_OP_LOGOUT_URL_METHOD = "accounts.oidc.provider_logout_url"
OIDC_CREATE_USER = True  # a first login creates an inactive account waiting for approval
OIDC_RENEW_ID_TOKEN_EXPIRY_SECONDS = SESSION_COOKIE_AGE
LOGIN_REDIRECT_URL_FAILURE = "wagtailadmin_login"

LOGIN_URL = "wagtailadmin_login"
LOGIN_REDIRECT_URL = "dashboard"  # the dashboard is the first page after login
DASHBOARD_CACHE_SECONDS = int(os.environ.get("DASHBOARD_CACHE_SECONDS", "600"))

# Wagtail
WAGTAIL_SITE_NAME = os.environ.get("SITE_NAME", "SIMFONI")
WAGTAILADMIN_USER_LOGIN_FORM = "simfoni_site.forms.LoginForm"  # labels "Kata sandi"
WAGTAILADMIN_BASE_URL = os.environ.get("BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "txt", "xlsx"]
WAGTAIL_ENABLE_UPDATE_CHECK = False
# Avatars: uploaded ones or Wagtail's default picture; no external avatar service unless
# GRAVATAR_PROVIDER_URL names one (e.g. //www.gravatar.com/avatar).
WAGTAIL_GRAVATAR_PROVIDER_URL = os.environ.get("GRAVATAR_PROVIDER_URL") or None
if WAGTAIL_GRAVATAR_PROVIDER_URL:
    CONTENT_SECURITY_POLICY["DIRECTIVES"]["img-src"].append(
        "https://" + WAGTAIL_GRAVATAR_PROVIDER_URL.split("//", 1)[-1].split("/", 1)[0]
    )
WAGTAIL_ENABLE_WHATS_NEW_BANNER = False
WAGTAILADMIN_COMMENTS_ENABLED = False
# Approval workflow (workflows app): the reviewed revision is published once the routed
# supervisor approves; supervisors hold no model-wide publish permission.
WAGTAIL_FINISH_WORKFLOW_ACTION = "workflows.actions.publish_approved"
# In-app notifications (django-notifications-community).
DJANGO_NOTIFICATIONS_CONFIG = {"USE_JSONFIELD": True}
# Steps run at the end of `load_demo` by other apps: callables (users, created) -> dict.
SIMFONI_DEMO_STEPS = ["workflows.demo.after_demo"]

# Keywords: "Inflasi" and "inflasi" are one keyword.
TAGGIT_CASE_INSENSITIVE = True

# E-mail: console by default, SMTP when EMAIL_HOST is set.
if os.environ.get("EMAIL_HOST"):
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = os.environ["EMAIL_HOST"]
    EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
    EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
    EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
    EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
    # Seconds; a request may send an e-mail itself while the task broker is down (alerts/email.py).
    EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "10"))
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "SIMFONI <simfoni@localhost>")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        # One line per background task and per publish is noise at INFO.
        "django_tasks": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
    },
}

# Search (search app, docs/search.md). SIMFONI_SEARCH_ENGINE chooses the engine (search/engines):
# "database" (Wagtail's database backend: SQLite FTS5 or PostgreSQL full-text search with the
# `simple` configuration, as text is pre-analysed by simfoni_text.analysis), "pgtable" (PostgreSQL's
# denormalised search table) or "elasticsearch" (Elasticsearch 8 at ELASTICSEARCH_URL). Empty:
# elasticsearch when ELASTICSEARCH_URL is set, pgtable on PostgreSQL, database otherwise.
INSTALLED_APPS.insert(INSTALLED_APPS.index("home") + 1, "search")
SIMFONI_SEARCH_ENGINE = os.environ.get("SIMFONI_SEARCH_ENGINE", "").strip().lower()
ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL", "")
if SIMFONI_SEARCH_ENGINE == "elasticsearch" and not ELASTICSEARCH_URL:
    raise ImproperlyConfigured("SIMFONI_SEARCH_ENGINE=elasticsearch needs ELASTICSEARCH_URL.")
if ELASTICSEARCH_URL and SIMFONI_SEARCH_ENGINE in ("", "elasticsearch"):
    from search.engines.elasticsearch import backend_settings

    WAGTAILSEARCH_BACKENDS = {
        "default": backend_settings(
            ELASTICSEARCH_URL, os.environ.get("ELASTICSEARCH_INDEX_PREFIX", "simfoni_")
        )
    }
else:
    WAGTAILSEARCH_BACKENDS = {
        "default": {"BACKEND": "wagtail.search.backends.database", "SEARCH_CONFIG": "simple"}
    }
SEARCH_EXPORT_MAX_ROWS = int(os.environ.get("SEARCH_EXPORT_MAX_ROWS", "10000"))
SEARCH_FACET_CACHE_SECONDS = int(os.environ.get("SEARCH_FACET_CACHE_SECONDS", "300"))
# Another process's edit of the synonym groups is seen within this many seconds (the
# thesaurus is not compared with the database at every search).
SIMFONI_THESAURUS_CHECK_SECONDS = float(os.environ.get("SIMFONI_THESAURUS_CHECK_SECONDS", "1"))

# Task runner (django-q2): the ORM broker by default (nothing to install), Redis when REDIS_URL
# is set. `manage.py qcluster` runs the workers and the scheduler (`make run` starts one).
REDIS_URL = os.environ.get("REDIS_URL", "")
# The cache (dashboard figures, search facets) is shared by every web and worker process through
# Redis when it is configured; otherwise each process keeps its own in memory. While Redis is
# unreachable the cache answers as an empty one (simfoni_site/cache.py) instead of failing the
# request; the timeouts bound how long a request waits for a Redis that does not answer.
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "simfoni_site.cache.DegradingRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "simfoni"),
            "OPTIONS": {
                "socket_connect_timeout": float(os.environ.get("REDIS_CONNECT_TIMEOUT", "1")),
                "socket_timeout": float(os.environ.get("REDIS_TIMEOUT", "2")),
            },
        }
    }
# Headless API (/api/v1/, docs/api.md): requests per key per window (the cache counts them:
# with several processes set REDIS_URL so they share one count), the overlap of `sync_time`,
# and the origins whose browser pages may call the API (CORS; none by default).
API_RATE_LIMIT = int(os.environ.get("API_RATE_LIMIT", "120"))
API_RATE_WINDOW_SECONDS = int(os.environ.get("API_RATE_WINDOW_SECONDS", "60"))
API_SYNC_OVERLAP_SECONDS = int(os.environ.get("API_SYNC_OVERLAP_SECONDS", "60"))
CORS_ALLOWED_ORIGINS = env_list("API_CORS_ORIGINS")
CORS_URLS_REGEX = r"^/api/.*$"
CORS_ALLOW_METHODS = ("GET", "HEAD", "OPTIONS")
CORS_ALLOW_HEADERS = ("accept", "accept-language", "authorization", "x-api-key", "if-none-match")
CORS_EXPOSE_HEADERS = ("ETag", "Last-Modified", "Retry-After")
CORS_PREFLIGHT_MAX_AGE = 86400
Q_CLUSTER = {
    "name": os.environ.get("Q_CLUSTER_NAME", "simfoni"),
    "workers": int(os.environ.get("Q_WORKERS", "1")),
    "timeout": int(os.environ.get("Q_TIMEOUT", "600")),
    "retry": int(os.environ.get("Q_RETRY", "900")),  # must exceed the timeout
    "max_attempts": 3,
    "catch_up": False,  # after downtime run a missed schedule once, not once per missed slot
    "sync": env_bool("Q_SYNC", False),
    "label": "Tugas terjadwal",
    **({"redis": REDIS_URL} if REDIS_URL else {"orm": "default"}),
}

# Reminders (reminders/): see docs/reminders.md.
REMINDER_SUPERVISOR_WAITING_DAYS = int(os.environ.get("REMINDER_SUPERVISOR_WAITING_DAYS", "3"))
REMINDER_ARC_DAYS_BEFORE = int(os.environ.get("REMINDER_ARC_DAYS_BEFORE", "3"))
REMINDER_SCRAPE_INTERVAL_DAYS = int(os.environ.get("REMINDER_SCRAPE_INTERVAL_DAYS", "14"))
REMINDER_HOLIDAY_COUNTRY = os.environ.get("REMINDER_HOLIDAY_COUNTRY", "ID")

# Summaries per theme (summaries/): see docs/summaries.md. Without a key: the offline summariser.
MISTRAL_API_KEY = os.environ.get("MISTRAL_API_KEY", "")
MISTRAL_MODEL = os.environ.get("MISTRAL_MODEL", "mistral-small-latest")
MISTRAL_SERVER_URL = os.environ.get("MISTRAL_SERVER_URL", "")  # empty: Mistral's own
MISTRAL_TIMEOUT_MS = int(os.environ.get("MISTRAL_TIMEOUT_MS", "60000"))
MISTRAL_CHUNK_ITEMS = int(os.environ.get("MISTRAL_CHUNK_ITEMS", "30"))
MISTRAL_CHUNK_CHARS = int(os.environ.get("MISTRAL_CHUNK_CHARS", "40000"))
SUMMARY_MAX_ATTEMPTS = int(os.environ.get("SUMMARY_MAX_ATTEMPTS", "4"))
SUMMARY_RETRY_SECONDS = int(os.environ.get("SUMMARY_RETRY_SECONDS", "300"))  # doubles per try
SUMMARY_MIN_PER_AREA = int(os.environ.get("SUMMARY_MIN_PER_AREA", "3"))
SUMMARY_GAP_DAYS = int(os.environ.get("SUMMARY_GAP_DAYS", "7"))
# Release dossiers (dossiers/): see docs/dossiers.md.
DOSSIER_COVERAGE_DAYS = int(os.environ.get("DOSSIER_COVERAGE_DAYS", "14"))
DOSSIER_COVERAGE_MIN = int(os.environ.get("DOSSIER_COVERAGE_MIN", "5"))
DOSSIER_COVERAGE_MIN_AREA = int(os.environ.get("DOSSIER_COVERAGE_MIN_AREA", "1"))
# Empty: Mistral (paragraph.SummariesParagraph) when MISTRAL_API_KEY is set, else the template.
DOSSIER_PARAGRAPH_PROVIDER = os.environ.get("DOSSIER_PARAGRAPH_PROVIDER", "")
DOSSIER_PDF_FONT = os.environ.get("DOSSIER_PDF_FONT", "")
# Spreadsheet import (transfer app): largest upload and most rows per import.
IMPORT_MAX_BYTES = int(os.environ.get("IMPORT_MAX_BYTES", str(10 * 1024 * 1024)))
IMPORT_MAX_ROWS = int(os.environ.get("IMPORT_MAX_ROWS", "20000"))

# --- offline ---
# No input lost (offline/): the phenomenon form keeps a copy in the browser; see docs/offline.md.
INSTALLED_APPS.append("offline")
MIDDLEWARE.append("offline.middleware.remember_request")  # the admin script hook needs the user
# How often (ms) the form asks the server again after a failed save.
OFFLINE_PING_INTERVAL_MS = int(os.environ.get("OFFLINE_PING_INTERVAL_MS", "3000"))
# --- reports ---
# Error reports on approved phenomena and the weekly dead-link check (reports/), and the
# user guide page at /bantuan/ (help/, app label simfoni_help): see docs/reports.md.
INSTALLED_APPS += ["reports", "help.apps.HelpConfig"]
REPORTS_LINK_TIMEOUT = float(os.environ.get("REPORTS_LINK_TIMEOUT", "10"))
REPORTS_LINK_FAILURES = int(os.environ.get("REPORTS_LINK_FAILURES", "2"))  # 5xx/timeout in a row
REPORTS_LINK_WORKERS = int(os.environ.get("REPORTS_LINK_WORKERS", "8"))  # parallel requests
REPORTS_LINK_USER_AGENT = os.environ.get(
    "REPORTS_LINK_USER_AGENT", "SIMFONI-link-check/1.0 (BPS Provinsi DKI Jakarta)"
)
# --- prod ---
# Structured logs (simfoni_site/logs.py, docs/deploy.md): LOG_FORMAT=json writes every console
# line as one JSON object (python-json-logger); LOG_REQUESTS adds one line per request with its
# method, path, status, duration, user id and request id (default: on with LOG_FORMAT=json).
LOG_FORMAT = os.environ.get("LOG_FORMAT", "text").strip().lower()
LOG_REQUESTS = env_bool("LOG_REQUESTS", LOG_FORMAT == "json")
MIDDLEWARE.insert(0, "simfoni_site.logs.RequestLogMiddleware")
if LOG_FORMAT == "json":
    LOGGING["formatters"] = {"json": {"()": "simfoni_site.logs.JsonFormatter"}}
    LOGGING["handlers"]["console"]["formatter"] = "json"
# Where collectstatic writes and uploads go (production: outside the code checkout).
STATIC_ROOT = os.environ.get("STATIC_ROOT") or STATIC_ROOT
MEDIA_ROOT = os.environ.get("MEDIA_ROOT") or MEDIA_ROOT
# --- scrape ---
# Web scraping of the news portals (scrape/): see docs/scrape.md.
INSTALLED_APPS.append("scrape")
SCRAPE_USER_AGENT = os.environ.get(
    "SCRAPE_USER_AGENT",
    "SIMFONI/1.0 (BPS Provinsi DKI Jakarta; pengumpulan fenomena; +https://jakarta.bps.go.id)",
)
SCRAPE_TIMEOUT_SECONDS = float(os.environ.get("SCRAPE_TIMEOUT_SECONDS", "20"))
SCRAPE_RETRIES = int(os.environ.get("SCRAPE_RETRIES", "2"))
SCRAPE_BACKOFF_SECONDS = float(os.environ.get("SCRAPE_BACKOFF_SECONDS", "2"))
SCRAPE_MAX_BYTES = int(os.environ.get("SCRAPE_MAX_BYTES", str(5 * 1024 * 1024)))
SCRAPE_MAX_REDIRECTS = int(os.environ.get("SCRAPE_MAX_REDIRECTS", "5"))
# "safe": curl refuses redirects to private addresses (tests on 127.0.0.1 set True).
SCRAPE_FOLLOW_REDIRECTS = os.environ.get("SCRAPE_FOLLOW_REDIRECTS", "safe")
if SCRAPE_FOLLOW_REDIRECTS.lower() in ("1", "true", "yes"):
    SCRAPE_FOLLOW_REDIRECTS = True
SCRAPE_MIN_SCORE = int(os.environ.get("SCRAPE_MIN_SCORE", "4"))
SCRAPE_PROGRESS_EVERY = int(os.environ.get("SCRAPE_PROGRESS_EVERY", "10"))
# The proposer of suggestions (a dotted path); an AI proposer can replace the rules.
SCRAPE_PROPOSER = os.environ.get("SCRAPE_PROPOSER", "scrape.rules.propose")
# How often the scheduled run comes (a django-q2 schedule type: "BW" every two weeks, "W"...).
SCRAPE_SCHEDULE_TYPE = os.environ.get("SCRAPE_SCHEDULE_TYPE", "BW")
