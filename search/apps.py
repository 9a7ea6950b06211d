from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    """Faceted search over approved phenomena: the viewer site (/cari/), export and backends."""

    default = True
    name = "search"
    label = "simfoni_search"
    verbose_name = _("Pencarian")

    def ready(self):
        from .signal_handlers import register_signal_handlers

        register_signal_handlers()
