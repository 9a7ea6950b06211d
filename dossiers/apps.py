from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DossiersConfig(AppConfig):
    """Release dossiers: the approved phenomena behind one ARC release, picked, ordered,
    annotated and explained, exported as DOCX/PDF and shared read-only (docs/dossiers.md)."""

    default = True
    name = "dossiers"
    verbose_name = _("Berkas rilis")

    # Supervisors and admins compose dossiers (pick, order, annotate, write the paragraph,
    # share); operators read them (they fill the gaps the coverage list shows). Viewers and
    # other work units read a dossier through its share link, which any signed-in user opens.
    # Collected by phenomena.roles.role_permissions; granted to existing groups by 0002.
    role_permissions = {
        "Admin": ["dossiers.view_dossier", "dossiers.compose_dossier"],
        "Supervisor": ["dossiers.view_dossier", "dossiers.compose_dossier"],
        "Operator": ["dossiers.view_dossier"],
    }
