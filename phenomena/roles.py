"""Roles: four groups with their permissions, and exactly one role per account.

The profile (`UserProfile.role`) is the truth; the user's Django group mirrors it so Wagtail's
permission checks work. `assign_role` is the one way to give a role; a second role group added
by any other route (admin form, shell, code) is refused by the `m2m_changed` guard.
"""

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from .models import Role, UserProfile

REFERENCE_MODELS = [
    "sourcetype",
    "scope",
    "subject",
    "theme",
    "workunit",
    "outlet",
    "indicator",
    "releasedate",
    "userprofile",
]
CRUD = ["add", "change", "delete", "view"]

# "app_label.codename" per role. Other apps extend these lists in their AppConfig.ready().
ROLE_PERMISSIONS: dict[str, list[str]] = {
    Role.ADMIN: [
        "wagtailadmin.access_admin",
        *[f"phenomena.{action}_phenomenon" for action in [*CRUD, "publish", "lock", "unlock"]],
        *[f"phenomena.{action}_{model}" for model in REFERENCE_MODELS for action in CRUD],
        *[f"auth.{action}_user" for action in CRUD],
    ],
    Role.OPERATOR: [
        "wagtailadmin.access_admin",
        *[f"phenomena.{action}_phenomenon" for action in CRUD],
    ],
    Role.SUPERVISOR: ["wagtailadmin.access_admin", "phenomena.view_phenomenon"],
    Role.VIEWER: ["wagtailadmin.access_admin", "phenomena.view_phenomenon"],
}

ROLE_NAMES = {role.value for role in Role}


def _permission(dotted: str) -> Permission:
    app_label, codename = dotted.split(".", 1)
    try:
        return Permission.objects.get(content_type__app_label=app_label, codename=codename)
    except Permission.DoesNotExist:
        # Django and Wagtail add permissions after migrating, app by app; make any that this
        # runs before (they then find it and skip it).
        action, model = codename.split("_", 1)
        ct, _created = ContentType.objects.get_or_create(app_label=app_label, model=model)
        permission, _created = Permission.objects.get_or_create(
            content_type=ct, codename=codename, defaults={"name": f"Can {action} {model}"}
        )
        return permission


def ensure_role_groups(**kwargs) -> None:
    """Create the four role groups and give each exactly its permissions (idempotent)."""
    for role, permissions in ROLE_PERMISSIONS.items():
        group, _created = Group.objects.get_or_create(name=role)
        group.permissions.set([_permission(dotted) for dotted in permissions])


def get_profile(user) -> UserProfile | None:
    if user is None or not getattr(user, "is_authenticated", False):
        return None
    try:
        return user.simfoni_profile
    except ObjectDoesNotExist:
        return None


def role_of(user) -> str | None:
    profile = get_profile(user)
    return profile.role if profile else None


@transaction.atomic
def assign_role(user, role: str, work_unit) -> UserProfile:
    """Give `user` exactly one role and one work unit, replacing any previous role."""
    if role not in ROLE_NAMES:
        raise ValidationError(_("Peran tidak dikenal: %(role)s") % {"role": role})
    profile, _created = UserProfile.objects.update_or_create(
        user=user, defaults={"role": role, "work_unit": work_unit}
    )
    profile.full_clean()
    user.simfoni_profile = profile
    other_roles = user.groups.filter(name__in=ROLE_NAMES).exclude(name=role)
    user.groups.remove(*other_roles)
    user.groups.add(Group.objects.get(name=role))
    return profile


def guard_single_role(sender, instance, action, pk_set, model, **kwargs) -> None:
    """m2m_changed receiver on User.groups: refuse a second role group, whoever adds it."""
    if action != "pre_add" or not pk_set:
        return
    if model is Group:
        users, groups_added = [instance], Group.objects.filter(pk__in=pk_set)
    else:  # group.user_set.add(...)
        users, groups_added = list(model.objects.filter(pk__in=pk_set)), [instance]
    added_roles = {g.name for g in groups_added if g.name in ROLE_NAMES}
    if not added_roles:
        return
    if len(added_roles) > 1:
        raise ValidationError(_("Satu akun hanya boleh memiliki satu peran."))
    for user in users:
        current = set(user.groups.filter(name__in=ROLE_NAMES).values_list("name", flat=True))
        if current - added_roles:
            raise ValidationError(
                _("Akun %(user)s sudah berperan %(role)s; satu akun hanya boleh satu peran.")
                % {"user": user, "role": ", ".join(sorted(current))}
            )
