from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

CRUD = ["add", "change", "delete", "view"]


class RemindersConfig(AppConfig):
    default = True
    name = "reminders"
    verbose_name = _("Pengingat")

    # Admins see and edit the schedules and the extra holidays in the Wagtail admin
    # (collected by phenomena.roles.role_permissions).
    role_permissions = {
        "Admin": [
            *[f"reminders.{action}_taskschedule" for action in CRUD],
            *[f"reminders.{action}_holiday" for action in CRUD],
            "reminders.view_sentreminder",
        ],
    }
