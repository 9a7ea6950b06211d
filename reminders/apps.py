from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RemindersConfig(AppConfig):
    default = True
    name = "reminders"
    verbose_name = _("Pengingat")

    def ready(self):
        from phenomena.models import Role
        from phenomena.roles import CRUD, ROLE_PERMISSIONS

        # Admins see and edit the schedules and the extra holidays in the Wagtail admin.
        admin_permissions = ROLE_PERMISSIONS[Role.ADMIN]
        for dotted in [
            *[f"reminders.{action}_taskschedule" for action in CRUD],
            *[f"reminders.{action}_holiday" for action in CRUD],
            "reminders.view_sentreminder",
        ]:
            if dotted not in admin_permissions:
                admin_permissions.append(dotted)
