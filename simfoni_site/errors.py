"""The pages of a server error (`handler500` in simfoni_site/urls.py).

An unexpected error answers 500 with a page in the user's language (Bahasa Indonesia first).
When the cause is the database being unreachable — a PostgreSQL restart or failover takes a
few seconds (docs/deploy.md, *Beban dan gangguan*) — the answer is **503 Service
Unavailable with ``Retry-After``**: the operator is told to wait a moment and save again (what
they typed stays in the form: the offline copy resends it), and a consuming system of the API
retries by itself. Under /api/ the body is JSON with a ``message``, like every API error.

Nothing here touches the database: the page is rendered without a request context.
"""

from __future__ import annotations

import sys

from django.db import DatabaseError, InterfaceError, OperationalError
from django.http import HttpResponse
from django.template import loader
from django.utils.translation import gettext as _

from api.errors import error_response

#: Seconds a client is asked to wait before trying again while the database is unreachable.
RETRY_AFTER_SECONDS = 5


def database_unreachable(exc: BaseException | None) -> bool:
    """True for the errors of a database that cannot be reached (not of a bad query)."""
    while exc is not None:
        if isinstance(exc, OperationalError | InterfaceError):
            return True
        if isinstance(exc, DatabaseError):
            return False
        exc = exc.__cause__ or exc.__context__
    return False


def server_error(request, template_name: str = "500.html"):
    unavailable = database_unreachable(sys.exc_info()[1])
    status = 503 if unavailable else 500
    headers = {"Retry-After": str(RETRY_AFTER_SECONDS)} if unavailable else {}
    if unavailable:
        message = _(
            "Layanan sedang tidak dapat menjangkau basis datanya. Coba lagi dalam beberapa detik."
        )
    else:
        message = _("Maaf, terjadi kesalahan di server. Coba lagi sebentar lagi.")
    if request.path.startswith("/api/"):
        return error_response(status, message, headers)
    body = loader.get_template(template_name).render({"unavailable": unavailable})
    response = HttpResponse(body, status=status)
    for name, value in headers.items():
        response[name] = value
    return response
