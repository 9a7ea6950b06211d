from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AlertsConfig(AppConfig):
    """Notifications: the kinds, each user's preferences, and delivery (in-app and e-mail).

    Workflows and reminders call this app; it imports neither of them."""

    default = True
    name = "alerts"
    verbose_name = _("Notifikasi")
