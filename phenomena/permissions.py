"""Who may see and change which phenomena, enforced on the server for every view.

- Admins: everything.
- Operators: create; edit and delete only their own; see their own and every approved one.
- Supervisors and viewers: see approved phenomena (the approval app widens what supervisors see).
"""

from django.db.models import Q
from wagtail.permission_policies import ModelPermissionPolicy

from .models import Phenomenon, Role
from .roles import role_of

OWNED_ACTIONS = {"change", "delete", "lock", "unlock"}


def is_admin(user) -> bool:
    return user.is_superuser or role_of(user) == Role.ADMIN


def visible_phenomena(user, queryset=None):
    """Phenomena `user` may see in lists, detail pages and exports."""
    queryset = Phenomenon.objects.all() if queryset is None else queryset
    if not user.is_authenticated:
        return queryset.none()
    if is_admin(user):
        return queryset
    extra = Q(pk__in=[])
    for widen in VISIBILITY_EXTENSIONS:
        extra |= widen(user)
    return queryset.filter(Q(live=True) | Q(author=user) | extra)


# Other apps (the approval workflow) add Q objects here, e.g. "submissions routed to me".
VISIBILITY_EXTENSIONS = []


class PhenomenonPermissionPolicy(ModelPermissionPolicy):
    """Model permissions, narrowed to ownership for operators."""

    def user_has_permission_for_instance(self, user, action, instance):
        if not self.user_has_permission(user, action):
            return False
        if is_admin(user):
            return True
        if action in OWNED_ACTIONS:
            return instance.author_id == user.pk
        if action == "view":
            return visible_phenomena(user).filter(pk=instance.pk).exists()
        return True

    def instances_user_has_permission_for(self, user, action):
        if not self.user_has_permission(user, action):
            return Phenomenon.objects.none()
        if is_admin(user):
            return Phenomenon.objects.all()
        if action in OWNED_ACTIONS:
            return Phenomenon.objects.filter(author=user)
        return visible_phenomena(user)
