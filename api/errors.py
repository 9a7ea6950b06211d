"""Errors of the API: always JSON with a `message` (Bahasa Indonesia)."""

from __future__ import annotations

from django.http import JsonResponse
from django.utils.translation import gettext as _


class ApiError(Exception):
    def __init__(self, status: int, message: str, *, headers=None, **extra):
        super().__init__(message)
        self.status = status
        self.message = message
        self.headers = headers or {}
        self.extra = extra


def error_response(status: int, message: str, headers=None, **extra) -> JsonResponse:
    response = JsonResponse({"message": str(message), **extra}, status=status)
    for name, value in (headers or {}).items():
        response[name] = value
    return response


def not_found(request, *args, **kwargs):
    """Any unknown address under /api/: a JSON 404 instead of the site's page."""
    return error_response(404, _("Alamat API tidak ditemukan."))
