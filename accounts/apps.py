from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    """Single sign-on (OpenID Connect), account approval, bulk creation and the account audit
    log (docs/sso.md)."""

    name = "accounts"
    verbose_name = _("Akun")
    default_auto_field = "django.db.models.BigAutoField"
    # User administration is Django's auth.*_user permissions, already the admins'.
    role_permissions: dict = {}

    def ready(self):
        from . import audit

        audit.connect()
