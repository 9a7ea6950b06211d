"""Who receives what: users by role, the reviewers of a phenomenon, the supervisors of themes.

`reviewers_for` and `supervisors_for_themes` come from the approval workflow app
(`workflows.routing`) when it is installed. The fallbacks below stand in until it is merged;
delete them (the `except ImportError` branches) once `workflows.routing` provides both.
"""

from django.apps import apps
from django.contrib.auth import get_user_model

from phenomena.models import Level, Role


def users_with_role(role: str):
    """Active accounts holding `role` (through their one-role profile)."""
    return (
        get_user_model()
        .objects.filter(is_active=True, simfoni_profile__role=role)
        .select_related("simfoni_profile__work_unit")
        .order_by("username")
    )


try:
    from workflows.routing import reviewers_for  # noqa: F401  (the approval workflow's routing)
except ImportError:  # FALLBACK until the workflows app is merged: delete this branch then.

    def reviewers_for(phenomenon):
        """Supervisors of the phenomenon's kab/kota for kab/kota authors (or kab/kota
        phenomena), province supervisors otherwise; province ones if a kab/kota has none."""
        supervisors = users_with_role(Role.SUPERVISOR)
        unit = getattr(phenomenon, "work_unit", None)
        area_id = unit.area_id if unit is not None and unit.level == Level.KABKOTA else None
        if area_id:
            local = supervisors.filter(simfoni_profile__work_unit__area_id=area_id)
            if local.exists():
                return list(local)
        return list(supervisors.filter(simfoni_profile__work_unit__level=Level.PROVINSI))


try:
    from workflows.routing import supervisors_for_themes  # noqa: F401
except ImportError:  # FALLBACK until the workflows app is merged: delete this branch then.

    def supervisors_for_themes(themes):
        """Supervisors allocated to any of `themes` (a `workflows.SupervisorAllocation` with a
        user foreign key and a theme relation, if that model exists), else all supervisors."""
        supervisors = users_with_role(Role.SUPERVISOR)
        theme_ids = [theme.pk for theme in themes]
        try:
            allocation = apps.get_model("workflows", "SupervisorAllocation")
        except LookupError:
            return list(supervisors)
        user_field = theme_field = None
        for field in allocation._meta.get_fields():
            related = getattr(field, "related_model", None)
            if related is get_user_model() and user_field is None:
                user_field = field.name
            elif related is not None and related._meta.label == "phenomena.Theme":
                theme_field = field.name
        if not (user_field and theme_field and theme_ids):
            return list(supervisors)
        user_ids = allocation.objects.filter(**{f"{theme_field}__in": theme_ids}).values_list(
            user_field, flat=True
        )
        allocated = supervisors.filter(pk__in=list(user_ids))
        return list(allocated) if allocated.exists() else list(supervisors)
