from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    default = True
    name = "home"
    verbose_name = _("Beranda")

    def ready(self):
        from django.db.models.signals import post_delete, post_save
        from wagtail.signals import published, unpublished

        from phenomena.models import Indicator, Phenomenon, ReleaseDate

        from .signal_handlers import phenomenon_changed, phenomenon_saved

        for name, signal in [
            ("published", published),
            ("unpublished", unpublished),
            ("deleted", post_delete),
        ]:
            signal.connect(phenomenon_changed, sender=Phenomenon, dispatch_uid=f"dashboard_{name}")
        post_save.connect(phenomenon_saved, sender=Phenomenon, dispatch_uid="dashboard_created")
        # The cached dashboard shows this month's and next month's releases.
        for model in (Indicator, ReleaseDate):
            for signal in (post_save, post_delete):
                signal.connect(
                    phenomenon_changed,
                    sender=model,
                    dispatch_uid=f"dashboard_{model.__name__}_{signal is post_save}",
                )
