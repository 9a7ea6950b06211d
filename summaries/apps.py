from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SummariesConfig(AppConfig):
    default = True
    name = "summaries"
    verbose_name = _("Ringkasan AI")

    # Collected by phenomena.roles.role_permissions (granted to existing groups by migration
    # 0002_grant_generate_permission). Everyone signed in reads the summaries on the site (they
    # rest on approved phenomena only); admins see every run and ask for new ones.
    role_permissions = {
        "Admin": ["summaries.view_themesummary", "summaries.generate_themesummary"],
    }
