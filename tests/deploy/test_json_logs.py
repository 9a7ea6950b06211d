"""LOG_FORMAT=json: each log line is one JSON object, request lines carry the request's fields."""

import json
import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import override_settings

from simfoni_site.logs import JsonFormatter

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = """
import logging, django
django.setup()
from django.test.utils import setup_test_environment
setup_test_environment()
from django.test import Client
headers = {"X-Request-ID": "req-42", "X-Forwarded-For": "10.1.2.3"}
Client().get("/favicon.ico?token=rahasia", headers=headers)
logging.getLogger("simfoni.test").warning("Halo %s", "dunia", extra={"phenomenon_id": 7})
"""


def _run(**env):
    full_env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "simfoni_site.settings.test",
        "DATABASE_URL": "",
        **env,
    }
    done = subprocess.run(
        [sys.executable, "-W", "ignore::UserWarning", "-c", SCRIPT],
        cwd=ROOT,
        env=full_env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return [line for line in done.stderr.splitlines() if line.strip()]


def test_log_format_json_writes_one_json_object_per_line():
    lines = _run(LOG_FORMAT="json", PROXY_COUNT="1")
    records = [json.loads(line) for line in lines]  # every line parses
    by_logger = {record["logger"]: record for record in records}

    request = by_logger["simfoni.request"]
    assert request["method"] == "GET"
    assert request["path"] == "/favicon.ico"
    assert request["status"] == 301
    assert request["request_id"] == "req-42"
    assert request["remote_addr"] == "10.1.2.3"
    assert request["user_id"] is None
    assert request["level"] == "INFO"
    assert isinstance(request["duration_ms"], float)
    assert request["timestamp"].endswith("+00:00")
    assert "rahasia" not in json.dumps(records)  # no query strings in the log

    plain = by_logger["simfoni.test"]
    assert plain["message"] == "Halo dunia"
    assert plain["phenomenon_id"] == 7
    assert plain["level"] == "WARNING"


def test_default_format_is_plain_text_without_request_lines():
    lines = _run(LOG_FORMAT="")
    assert lines == ["Halo dunia"]


@pytest.mark.django_db
def test_signed_in_request_is_logged_with_the_user_and_the_error_status(client, viewer):
    stream_records = []

    class Keep(logging.Handler):
        def emit(self, record):
            stream_records.append(json.loads(JsonFormatter().format(record)))

    handler = Keep()
    logger = logging.getLogger("simfoni.request")
    logger.addHandler(handler)
    try:
        client.force_login(viewer)
        with override_settings(LOG_REQUESTS=True):
            response = client.get("/admin/", HTTP_X_REQUEST_ID="abc")
            client.get("/admin/snippets/tidak-ada/")
    finally:
        logger.removeHandler(handler)
    assert response["X-Request-ID"] == "abc"
    first, second = stream_records
    assert (first["path"], first["status"], first["user_id"]) == ("/admin/", 200, viewer.pk)
    assert second["status"] == 404 and second["request_id"] != "abc"
