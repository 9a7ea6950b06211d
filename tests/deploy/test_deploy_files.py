"""deploy/: the recipes name commands, files and settings that exist, and gunicorn with the
shipped configuration serves the site under production settings (JSON logs, /healthz over
plain HTTP while everything else is sent to HTTPS)."""

import configparser
import json
import os
import re
import secrets
import shlex
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
import yaml
from django.core.management import get_commands

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"
PORT = 8131


def _unit(name):
    parser = configparser.ConfigParser(strict=False, interpolation=None)
    parser.optionxform = str
    parser.read(DEPLOY / "systemd" / name)
    return parser


def _manage_command(argv):
    """The management command run by an argv such as [.../python, manage.py, qcluster]."""
    assert "manage.py" in argv[:3], argv
    return argv[argv.index("manage.py") + 1]


def _settings_source():
    settings = sorted((ROOT / "simfoni_site" / "settings").glob("*.py"))
    files = [*settings, DEPLOY / "gunicorn.conf.py"]
    return "\n".join(path.read_text() for path in files)


def test_env_example_names_only_variables_the_code_reads():
    source = _settings_source()
    names = [
        line.split("=", 1)[0]
        for line in (DEPLOY / "simfoni.env.example").read_text().splitlines()
        if line and not line.startswith("#")
    ]
    assert "SECRET_KEY" in names and "DATABASE_URL" in names and "REDIS_URL" in names
    unknown = [
        name
        for name in names
        if name != "DJANGO_SETTINGS_MODULE" and not re.search(rf"[\"']{name}[\"']", source)
    ]
    assert not unknown, f"variables no setting reads: {unknown}"


def test_systemd_units_run_existing_commands():
    commands = get_commands()
    web = _unit("simfoni-web.service")["Service"]
    argv = shlex.split(web["ExecStart"])
    assert argv[0].endswith("/gunicorn")
    assert argv[argv.index("-c") + 1] == "/opt/simfoni/deploy/gunicorn.conf.py"
    for unit in ("simfoni-qcluster.service", "simfoni-backup.service"):
        service = _unit(unit)["Service"]
        assert service["EnvironmentFile"] == web["EnvironmentFile"]
        assert service["WorkingDirectory"] == web["WorkingDirectory"] == "/opt/simfoni"
        argv = shlex.split(service["ExecStart"])
        assert _manage_command(argv) in commands
    backup = shlex.split(_unit("simfoni-backup.service")["Service"]["ExecStart"])
    assert _manage_command(backup) == "backup"
    assert "simfoni-backup.service" == _unit("simfoni-backup.timer").get(
        "Timer", "Unit", fallback="simfoni-backup.service"
    )


def test_compose_and_dockerfile_reference_what_exists():
    commands = get_commands()
    compose = yaml.safe_load((DEPLOY / "compose.yaml").read_text())
    services = compose["services"]
    assert {"db", "redis", "web", "qcluster", "migrate"} <= set(services)
    for name in ("web", "qcluster", "migrate"):
        service = services[name]
        assert (DEPLOY / service["build"]["context"] / service["build"]["dockerfile"]).exists()
        assert (DEPLOY / service["env_file"]).with_suffix(".env.example").exists()
        command = service["command"]
        if command[0] == "python":
            assert _manage_command(command) in commands
        else:
            assert command == ["gunicorn", "-c", "deploy/gunicorn.conf.py"]
    dockerfile = (DEPLOY / "Dockerfile").read_text()
    for copied in re.findall(r"^COPY (\S+) ", dockerfile, re.M):
        assert (ROOT / copied).exists()
    assert 'CMD ["gunicorn", "-c", "deploy/gunicorn.conf.py"]' in dockerfile
    for command in re.findall(r"python manage.py (\w+)", dockerfile):
        assert command in commands
    assert "/healthz" in dockerfile


def _free(port):
    with socket.socket() as sock:
        return sock.connect_ex(("127.0.0.1", port)) != 0


def _get(url, headers=None):
    request = urllib.request.Request(url, headers=headers or {})

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    opener = urllib.request.build_opener(NoRedirect)
    try:
        with opener.open(request, timeout=10) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def test_gunicorn_serves_the_site_with_the_shipped_configuration(tmp_path):
    if not _free(PORT):
        pytest.skip(f"port {PORT} in use")
    database = tmp_path / "db.sqlite3"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "simfoni_site.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "DATABASE_URL": f"sqlite:///{database}",
        "ALLOWED_HOSTS": "127.0.0.1",
        "STATIC_ROOT": str(tmp_path / "static"),
        "LOG_FORMAT": "json",
        "GUNICORN_BIND": f"127.0.0.1:{PORT}",
        "WEB_CONCURRENCY": "1",
        "PYTHONWARNINGS": "ignore",
    }
    gunicorn = Path(sys.executable).with_name("gunicorn")
    log = tmp_path / "gunicorn.log"
    with open(log, "w") as out:
        process = subprocess.Popen(
            [str(gunicorn), "-c", "deploy/gunicorn.conf.py"],
            cwd=ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    try:
        deadline = time.monotonic() + 60
        while _free(PORT):
            assert process.poll() is None, log.read_text()
            assert time.monotonic() < deadline, log.read_text()
            time.sleep(0.2)
        # /healthz answers over plain HTTP; the empty database (no tables) fails the checks
        # that need them, and says so with 503, not with a server error.
        status, headers, body = _get(f"http://127.0.0.1:{PORT}/healthz")
        assert status == 503
        checks = json.loads(body)["checks"]
        assert checks["database"]["ok"] is True
        assert checks["broker"]["ok"] is False  # the ORM queue table is not there
        # Everything else is sent to HTTPS, with HSTS once there.
        status, headers, _ = _get(f"http://127.0.0.1:{PORT}/admin/login/")
        assert status == 301 and headers["Location"].startswith("https://")
        status, headers, _ = _get(
            f"http://127.0.0.1:{PORT}/healthz", {"X-Forwarded-Proto": "https"}
        )
        assert status == 503
        assert "max-age=31536000" in headers["Strict-Transport-Security"]
        assert "default-src 'self'" in headers["Content-Security-Policy"]
        # The start-up objects left the garbage collector's sight before the fork.
        assert "start-up objects frozen" in log.read_text()
    finally:
        process.terminate()
        process.wait(timeout=30)
    lines = [line for line in log.read_text().splitlines() if line.startswith("{")]
    records = [json.loads(line) for line in lines]
    loggers = {record["logger"] for record in records}
    assert "gunicorn.error" in loggers  # gunicorn's own lines in JSON too
    requests = [r for r in records if r["logger"] == "simfoni.request"]
    assert [(r["path"], r["status"]) for r in requests][:3] == [
        ("/healthz", 503),
        ("/admin/login/", 301),
        ("/healthz", 503),
    ]
