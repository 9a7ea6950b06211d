"""Structured logs: one JSON object per line when ``LOG_FORMAT=json`` (python-json-logger).

Every line has ``timestamp`` (UTC, ISO 8601), ``level``, ``logger`` and ``message``, plus the
``extra`` fields of the call. A record that carries a Django request (``django.request``,
``django.security``, and :class:`RequestLogMiddleware`'s own lines) gets the request's fields
instead of the request object: ``method``, ``path``, ``status``, ``user_id``, ``remote_addr``
and ``request_id`` (the ``X-Request-ID`` header of the proxy, or a new one). The query string
is left out (it can carry a share token or a search someone would not want in a log).

:class:`RequestLogMiddleware` writes one line per request to the ``simfoni.request`` logger
(with ``duration_ms``) when ``LOG_REQUESTS`` is on: by default with ``LOG_FORMAT=json``.
"""

from __future__ import annotations

import logging
import time
import uuid

from django.conf import settings
from django.http import HttpRequest
from pythonjsonlogger.json import JsonFormatter as _JsonFormatter

request_logger = logging.getLogger("simfoni.request")


def request_fields(request: HttpRequest) -> dict:
    user = getattr(request, "user", None)
    return {
        "method": request.method,
        "path": request.path,
        "user_id": user.pk if user is not None and user.is_authenticated else None,
        "remote_addr": _client_ip(request),
        "request_id": request_id(request),
    }


def request_id(request: HttpRequest) -> str:
    if not hasattr(request, "_simfoni_request_id"):
        given = request.headers.get("X-Request-ID", "")[:64]
        request._simfoni_request_id = given or uuid.uuid4().hex
    return request._simfoni_request_id


def _client_ip(request: HttpRequest) -> str | None:
    from simfoni_site.accounts import client_ip  # behind PROXY_COUNT proxies: the real client

    return client_ip(request)


class JsonFormatter(_JsonFormatter):
    """python-json-logger's formatter with SIMFONI's field names and request fields."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("timestamp", True)
        kwargs.setdefault("rename_fields", {"levelname": "level", "name": "logger"})
        kwargs.setdefault("static_fields", {"service": "simfoni"})
        super().__init__("%(levelname)s %(name)s %(message)s", *args, **kwargs)

    def add_fields(self, log_data, record, message_dict):
        super().add_fields(log_data, record, message_dict)
        request = log_data.pop("request", None)
        if isinstance(request, HttpRequest):
            for key, value in request_fields(request).items():
                log_data.setdefault(key, value)
        elif request is not None:  # e.g. django.server's socket request: no object in JSON
            log_data["request"] = str(request)
        if "status_code" in log_data:
            log_data.setdefault("status", log_data.pop("status_code"))


class RequestLogMiddleware:
    """One log line per request (``simfoni.request``), when ``LOG_REQUESTS`` is on."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not getattr(settings, "LOG_REQUESTS", False):
            return self.get_response(request)
        started = time.perf_counter()
        response = self.get_response(request)
        duration = round((time.perf_counter() - started) * 1000, 1)
        status = response.status_code
        level = logging.ERROR if status >= 500 else logging.INFO
        request_logger.log(
            level,
            "%s %s %s",
            request.method,
            request.path,
            status,
            extra={"request": request, "status": status, "duration_ms": duration},
        )
        response.headers.setdefault("X-Request-ID", request_id(request))
        return response
