"""gunicorn settings for SIMFONI (docs/deploy.md): `gunicorn -c deploy/gunicorn.conf.py`.

Everything can be changed by environment variables (read from the same EnvironmentFile as
Django's settings in the systemd unit, or the container's environment).
"""

import multiprocessing
import os

wsgi_app = "simfoni_site.wsgi:application"
settings_module = os.environ.get("DJANGO_SETTINGS_MODULE", "simfoni_site.settings.production")
raw_env = [f"DJANGO_SETTINGS_MODULE={settings_module}"]

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000").split(",")
# Synchronous workers: the views are database-bound and short. 2 per core plus one, unless set.
workers = int(os.environ.get("WEB_CONCURRENCY", str(multiprocessing.cpu_count() * 2 + 1)))
threads = int(os.environ.get("GUNICORN_THREADS", "1"))
# A dossier export (PDF/DOCX) or a 10 000-row search export can take a while; nothing more.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "60"))
graceful_timeout = int(os.environ.get("GUNICORN_GRACEFUL_TIMEOUT", "30"))
keepalive = 5
# Recycle workers now and then (a slow leak in any library stays bounded).
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "2000"))
max_requests_jitter = max_requests // 10
# Only the reverse proxy on this machine may say the request came over HTTPS.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
# Load the application once before forking: workers share its memory, errors show at start.
preload_app = True


def when_ready(server):
    """After the application is loaded, before the workers are forked: its start-up objects
    leave the garbage collector's sight (simfoni_site/gc_tuning.py)."""
    from simfoni_site.gc_tuning import freeze_startup_objects

    server.log.info("gc: %s start-up objects frozen", freeze_startup_objects())


# Logs to standard output/error (journald or the container runtime keeps them). Request lines
# come from Django (LOG_REQUESTS, with user and duration), so gunicorn's access log is off
# unless GUNICORN_ACCESS_LOG=1.
errorlog = "-"
access_log_on = os.environ.get("GUNICORN_ACCESS_LOG", "").lower() in ("1", "true", "yes", "on")
accesslog = "-" if access_log_on else None
loglevel = os.environ.get("LOG_LEVEL", "info").lower()

if os.environ.get("LOG_FORMAT", "").strip().lower() == "json":
    _one_line = {"handlers": ["console"], "propagate": False}
    # gunicorn's own lines (start, worker boot, timeouts) in the same JSON as Django's.
    logconfig_dict = {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"json": {"()": "simfoni_site.logs.JsonFormatter"}},
        "handlers": {
            "console": {
                "class": "logging.StreamHandler",
                "formatter": "json",
                "stream": "ext://sys.stderr",
            }
        },
        # propagate False: each line once (not again through the root logger).
        "loggers": {
            "gunicorn.error": {**_one_line, "level": loglevel.upper()},
            "gunicorn.access": {**_one_line, "level": "INFO"},
        },
    }
