"""Who receives what: users by role, the reviewers of a phenomenon, the supervisors of themes.

`reviewers_for` and `supervisors_for_themes` come from the approval workflow's routing, so a
reminder goes to the same supervisors as the submissions themselves.
"""

from django.contrib.auth import get_user_model

from workflows.routing import reviewers_for, supervisors_for_themes  # noqa: F401 (re-exported)


def users_with_role(role: str):
    """Active accounts holding `role` (through their one-role profile)."""
    return (
        get_user_model()
        .objects.filter(is_active=True, simfoni_profile__role=role)
        .select_related("simfoni_profile__work_unit")
        .order_by("username")
    )
