from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    default = True
    name = "api"
    verbose_name = _("API")

    # Admins issue and revoke the keys of the systems that read the API
    # (collected by phenomena.roles.role_permissions; granted to existing groups by
    # migration api.0002_grant_manage_api_keys).
    role_permissions = {"Admin": ["api.manage_apikey"]}

    def ready(self):
        from phenomena import lifecycle

        from . import tombstones

        for name in (lifecycle.UNPUBLISHED, lifecycle.MERGED, lifecycle.DELETED):
            lifecycle.subscribe(name, tombstones.record_removal)
        lifecycle.subscribe(lifecycle.PUBLISHED, tombstones.forget_removal)
