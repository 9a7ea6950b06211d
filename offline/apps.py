from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OfflineConfig(AppConfig):
    """No input lost: a copy of the phenomenon form in the browser, and receipts of the
    forms received so that a form sent again is stored once (docs/offline.md)."""

    default = True
    name = "offline"
    verbose_name = _("Isian tertunda")
