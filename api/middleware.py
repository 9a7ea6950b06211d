"""HTTP for /api/: ETag and Last-Modified with 304 answers, and gzip.

Scoped to the API: gzip on the HTML pages, which carry CSRF tokens, would open them to
BREACH-style attacks; the API's answers carry no secret.
"""

from __future__ import annotations

from django.middleware.gzip import GZipMiddleware
from django.middleware.http import ConditionalGetMiddleware
from django.utils.cache import patch_vary_headers

PREFIX = "/api/"


class ApiHttpMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.conditional = ConditionalGetMiddleware(get_response)
        self.gzip = GZipMiddleware(get_response)

    def __call__(self, request):
        response = self.get_response(request)
        if not request.path.startswith(PREFIX):
            return response
        if request.method in ("GET", "HEAD") and response.status_code == 200:
            # Answers differ by key (rate limits aside, not in content) and by language.
            patch_vary_headers(response, ("Accept-Language",))
            response.headers.setdefault("Cache-Control", "private, no-cache")
            # ETag from the body (weak when gzipped later, as Django does), 304 when it matches
            # If-None-Match or Last-Modified is not newer than If-Modified-Since.
            response = self.conditional.process_response(request, response)
        return self.gzip.process_response(request, response)
