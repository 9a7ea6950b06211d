"""The single sign-on pages: start, callback (a refused login explained in Indonesian), and the
page a new account waits on until an admin approves it."""

import logging

import requests
from django.contrib import messages
from django.core.exceptions import SuspiciousOperation
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from mozilla_django_oidc.views import OIDCAuthenticationCallbackView, OIDCAuthenticationRequestView

from . import audit
from .models import StaffIdentity
from .oidc import awaiting_approval, oidc_setting, sso_enabled

logger = logging.getLogger(__name__)
WAITING_SESSION_KEY = "sso_waiting_user"


class SsoRequiredMixin:
    def dispatch(self, request, *args, **kwargs):
        if not sso_enabled():
            raise Http404
        return super().dispatch(request, *args, **kwargs)


class SsoLoginView(SsoRequiredMixin, OIDCAuthenticationRequestView):
    """Sends the browser to the provider (state, nonce and PKCE kept in the session)."""

    def __init__(self, *args, **kwargs):
        if sso_enabled():
            super().__init__(*args, **kwargs)

    @staticmethod
    def get_settings(attr, *args):
        return oidc_setting(attr, *args)

    def get(self, request):
        try:
            return super().get(request)
        except requests.RequestException:
            logger.exception("SSO provider unreachable")
            messages.error(request, _("Layanan SSO tidak dapat dihubungi. Coba lagi nanti."))
            return redirect("wagtailadmin_login")


class SsoCallbackView(SsoRequiredMixin, OIDCAuthenticationCallbackView):
    """The provider's answer. Any refusal (bad state, token for another audience, expired
    token, disabled account) ends on the login page with a message, never an error page."""

    @staticmethod
    def get_settings(attr, *args):
        return oidc_setting(attr, *args)

    def get(self, request):
        self.reason = ""
        try:
            return super().get(request)
        except SuspiciousOperation as exc:
            logger.warning("SSO login refused: %s", exc)
            self.reason = str(exc)
        except requests.RequestException as exc:
            logger.warning("SSO provider error: %s", exc)
            self.reason = "provider error"
        return self.login_failure()

    def login_failure(self):
        request = self.request
        user = getattr(self, "user", None)
        if user is not None and not user.is_active and awaiting_approval(user):
            request.session[WAITING_SESSION_KEY] = user.pk
            return redirect("sso_waiting")
        if user is not None and not user.is_active:
            audit.log_failed_login(
                request, user.get_username(), user=user, method="sso", reason="disabled"
            )
            messages.error(
                request,
                _("Akun Anda dinonaktifkan. Hubungi admin SIMFONI bila ini keliru."),
            )
        else:
            audit.log_failed_login(request, "", method="sso", reason=self.reason or "refused")
            messages.error(
                request,
                _("Masuk dengan SSO BPS gagal atau kedaluwarsa. Silakan coba lagi."),
            )
        return redirect("wagtailadmin_login")


def waiting_view(request):
    """ "Menunggu persetujuan": shown after a first SSO login until an admin gives a role."""
    identity = (
        StaffIdentity.objects.select_related("user")
        .filter(user_id=request.session.get(WAITING_SESSION_KEY))
        .first()
    )
    if identity is None:
        return redirect("wagtailadmin_login")
    return render(
        request,
        "accounts/waiting.html",
        {"account": identity.user, "identity": identity, "approved": identity.user.is_active},
    )
