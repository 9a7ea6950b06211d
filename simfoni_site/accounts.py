"""Account views around Wagtail's: a logout that only a POST from the site can trigger, and the
Indonesian page shown when too many wrong passwords locked a login (django-axes)."""

import math

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.admin import messages
from wagtail.admin.views.account import LogoutView as WagtailLogoutView


class LogoutView(WagtailLogoutView):
    """Wagtail's logout deletes the session cookie whatever the answer, so a GET (a link or an
    image on another site) answered 405 still logged the user out. Only a real logout does."""

    def dispatch(self, request, *args, **kwargs):
        # Signed in through SSO: end the provider's session too (its end_session endpoint,
        # OIDC_OP_LOGOUT_URL_METHOD), which then sends the browser back to the login page.
        provider_logout = None
        if request.method == "POST" and request.session.get("oidc_id_token"):
            from django.utils.module_loading import import_string

            provider_logout = import_string(settings.OIDC_OP_LOGOUT_URL_METHOD)(request)
        response = auth_views.LogoutView.dispatch(self, request, *args, **kwargs)
        if request.method == "POST" and response.status_code < 400:
            messages.success(request, _("Anda telah keluar."))
            if provider_logout:
                response = HttpResponseRedirect(provider_logout)
            # As Wagtail does: no fresh session cookie for an anonymous visitor.
            response.delete_cookie(
                settings.SESSION_COOKIE_NAME,
                domain=settings.SESSION_COOKIE_DOMAIN,
                path=settings.SESSION_COOKIE_PATH,
            )
            request.session.modified = False
        return response


def client_ip(request) -> str | None:
    """The client's address for login throttling: REMOTE_ADDR, or behind PROXY_COUNT
    trusted proxies the address the outermost of them saw (X-Forwarded-For is appended to by
    each proxy, so entries further left are whatever the client claimed)."""
    proxies = settings.SIMFONI_PROXY_COUNT
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    forwarded = [part for part in forwarded if part]
    if proxies and len(forwarded) >= proxies:
        return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR")


def locked_until(username, ip_address):
    """When the username+address lock ends: the cool-off counted from the latest failure (each
    failure while locked restarts it)."""
    from axes.helpers import get_cool_off
    from axes.models import AccessAttempt

    latest = (
        AccessAttempt.objects.filter(username=username, ip_address=ip_address)
        .order_by("-attempt_time")
        .values_list("attempt_time", flat=True)
        .first()
    )
    return (latest or timezone.now()) + get_cool_off()


def lockout_response(request, original_response=None, credentials=None):
    """The page a locked-out login gets (429): when to try again, and whom to ask."""
    from axes.helpers import get_client_username

    username = get_client_username(request, credentials) or ""
    until = locked_until(username, getattr(request, "axes_ip_address", None))
    minutes = max(1, math.ceil((until - timezone.now()).total_seconds() / 60))
    context = {
        "username": username,
        "until": timezone.localtime(until),
        "minutes": minutes,
        "failure_limit": settings.AXES_FAILURE_LIMIT,
    }
    return render(request, "account/locked_out.html", context, status=429)
