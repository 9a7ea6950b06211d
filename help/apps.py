from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HelpConfig(AppConfig):
    """The user guide (FAQ) at /bantuan/: a Wagtail page admins edit, linked from every page
    and from the phenomenon form's fields (docs/reports.md)."""

    default = True
    name = "help"
    label = "simfoni_help"
    verbose_name = _("Bantuan")
