from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TransferConfig(AppConfig):
    default = True
    name = "transfer"
    verbose_name = _("Impor dan ekspor")

    # Who holds this app's abilities (collected by phenomena.roles.role_permissions).
    role_permissions = {
        "Admin": ["transfer.import_phenomena", "transfer.export_collection"],
    }
