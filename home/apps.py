from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    default = True
    name = "home"
    verbose_name = _("Beranda")

    def ready(self):
        from . import signal_handlers

        # The dashboard cache is invalidated after each committed change in what it counts.
        signal_handlers.subscribe()
