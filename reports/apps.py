from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    """ "Laporkan kesalahan": error reports on approved phenomena, routed to their reviewers and
    the admins, resolved (fixed, unpublished or dismissed with a reason), and the weekly
    dead-link check that files such reports itself (docs/reports.md)."""

    default = True
    name = "reports"
    verbose_name = _("Laporan kesalahan")

    # Supervisors (the reports routed to them) and admins (all) resolve reports; anyone signed
    # in may file one. Collected by phenomena.roles.role_permissions; granted to existing
    # groups by migration 0002.
    role_permissions = {
        "Admin": ["reports.resolve_errorreport"],
        "Supervisor": ["reports.resolve_errorreport"],
    }
