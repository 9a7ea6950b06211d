from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    """Faceted search over approved phenomena: the viewer site (/cari/), export and engines."""

    default = True
    name = "search"
    label = "simfoni_search"
    verbose_name = _("Pencarian")

    # Admins edit the search thesaurus (Data Referensi -> Tesaurus pencarian); collected by
    # phenomena.roles.role_permissions.
    role_permissions = {
        "Admin": [
            f"simfoni_search.{action}_synonymgroup"
            for action in ("add", "change", "delete", "view")
        ],
    }

    def ready(self):
        from phenomena.models import Phenomenon

        from . import subscribers
        from .engines import uses_wagtail_index

        subscribers.register()
        from . import labels

        labels.register()
        from django.db.models.signals import post_delete, post_save

        from . import thesaurus
        from .models import SynonymGroup

        post_save.connect(thesaurus.changed, sender=SynonymGroup, dispatch_uid="thesaurus-saved")
        post_delete.connect(
            thesaurus.changed, sender=SynonymGroup, dispatch_uid="thesaurus-deleted"
        )
        # Where the search table serves search, Wagtail's index of phenomena is never read:
        # Wagtail stops writing it on every save (read when wagtail.search connects its
        # signal handlers, in its own ready(), which runs after this one).
        Phenomenon.search_auto_update = uses_wagtail_index()
