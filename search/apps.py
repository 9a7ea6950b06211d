from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    """Faceted search over approved phenomena: the viewer site (/cari/), export and engines."""

    default = True
    name = "search"
    label = "simfoni_search"
    verbose_name = _("Pencarian")

    def ready(self):
        from phenomena.models import Phenomenon

        from . import subscribers
        from .engines import uses_wagtail_index

        subscribers.register()
        # Where the search table serves search, Wagtail's index of phenomena is never read:
        # Wagtail stops writing it on every save (read when wagtail.search connects its
        # signal handlers, in its own ready(), which runs after this one).
        Phenomenon.search_auto_update = uses_wagtail_index()
