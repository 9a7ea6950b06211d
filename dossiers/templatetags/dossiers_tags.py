from django import template
from django.conf import settings

from home.dashboard import local_today

from .. import coverage

register = template.Library()


@register.inclusion_tag("dossiers/includes/coverage_panel.html", takes_context=True)
def coverage_panel(context):
    """Upcoming releases short of approved phenomena, for users who may read dossiers."""
    request = context.get("request")
    user = getattr(request, "user", None)
    show = bool(user and user.has_perm("dossiers.view_dossier"))
    return {
        "show": show,
        "gaps": coverage.gaps(local_today()) if show else [],
        "days": settings.DOSSIER_COVERAGE_DAYS,
        "minimum": settings.DOSSIER_COVERAGE_MIN,
        "minimum_area": settings.DOSSIER_COVERAGE_MIN_AREA,
    }
