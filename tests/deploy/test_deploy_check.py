"""Production settings: `check --deploy` finds nothing, collectstatic works with WhiteNoise's
manifest storage, weak keys are refused, MEDIA_ROOT/STATIC_ROOT come from the environment."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _manage(*args, **env):
    full_env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "simfoni_site.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "simfoni.example.id",
        "DATABASE_URL": "",
        **env,
    }
    return subprocess.run(
        [sys.executable, "-W", "ignore", "manage.py", *args],
        cwd=ROOT,
        env=full_env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_check_deploy_is_clean_under_production_settings():
    done = _manage("check", "--deploy", "--fail-level", "WARNING")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "System check identified no issues" in done.stdout


def test_check_deploy_warns_when_https_is_switched_off():
    # The test above would pass with a check that never runs: it does run, and it fails here.
    done = _manage(
        "check", "--deploy", "--fail-level", "WARNING", SECURE_SSL_REDIRECT="0", SECURE_COOKIES="0"
    )
    assert done.returncode != 0
    for code in ("security.W008", "security.W012", "security.W016"):
        assert code in done.stderr


def test_production_refuses_the_development_secret_key():
    done = _manage("check", SECRET_KEY="simfoni-dev-secret-key-change-me-in-production")
    assert done.returncode != 0
    assert "SECRET_KEY" in done.stderr


def test_collectstatic_with_the_manifest_storage(tmp_path):
    static_root = tmp_path / "static"
    done = _manage("collectstatic", "--noinput", STATIC_ROOT=str(static_root))
    assert done.returncode == 0, done.stderr[-3000:]
    manifest = (static_root / "staticfiles.json").read_text()
    assert "home/vendor/chartjs/chart.umd.min.js" in manifest
    assert "wagtailadmin/css/core.css" in manifest
    assert list(static_root.glob("home/vendor/chartjs/chart.umd.min.*.js.gz"))


def test_media_and_static_roots_from_the_environment(tmp_path):
    code = "from django.conf import settings as s; print(s.MEDIA_ROOT); print(s.STATIC_ROOT)"
    done = _manage(
        "shell", "-c", code, MEDIA_ROOT=str(tmp_path / "m"), STATIC_ROOT=str(tmp_path / "s")
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split()[-2:] == [str(tmp_path / "m"), str(tmp_path / "s")]
