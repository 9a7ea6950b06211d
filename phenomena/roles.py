"""Roles: four groups with their permissions, and exactly one role per account.

The profile (`UserProfile.role`) is the truth; the user's Django group mirrors it so Wagtail's
permission checks work. `assign_role` is the one way to give a role; a second role group added
by any other route (admin form, shell, code) is refused by the `m2m_changed` guard.
"""

from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ImproperlyConfigured, ObjectDoesNotExist, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from .models import Role, UserProfile

CRUD = ["add", "change", "delete", "view"]

ROLE_NAMES = {role.value for role in Role}


def role_permissions() -> dict[str, list[str]]:
    """ "app_label.codename" per role, collected from every installed app's declaration.

    Each app says which of its permissions each role group holds in its AppConfig's
    `role_permissions` dict ({role name: [dotted permission, ...]}); nobody appends to another
    app's lists. The permission policy (`phenomena.permissions`) and `user.has_perm` read them.
    """
    collected: dict[str, list[str]] = {role: [] for role in Role}
    for config in apps.get_app_configs():
        for role, permissions in getattr(config, "role_permissions", {}).items():
            if role not in ROLE_NAMES:
                raise ImproperlyConfigured(f"{config.label}.role_permissions: unknown role {role}")
            for dotted in permissions:
                if dotted not in collected[role]:
                    collected[role].append(dotted)
    return collected


def _model_and_name(app_label: str, codename: str) -> tuple[str, str]:
    """The model a permission belongs to and its name (default or `Meta.permissions`)."""
    for model in apps.get_app_config(app_label).get_models():
        opts = model._meta
        declared = dict(opts.permissions)
        for action in opts.default_permissions:
            declared[f"{action}_{opts.model_name}"] = f"Can {action} {opts.verbose_name_raw}"
        if codename in declared:
            return opts.model_name, declared[codename]
    action, model = codename.split("_", 1)
    return model, f"Can {action} {model}"


def _permission(dotted: str) -> Permission:
    app_label, codename = dotted.split(".", 1)
    try:
        return Permission.objects.get(content_type__app_label=app_label, codename=codename)
    except Permission.DoesNotExist:
        # Django and Wagtail add permissions after migrating, app by app; make any that this
        # runs before (they then find it and skip it).
        model, name = _model_and_name(app_label, codename)
        ct, _created = ContentType.objects.get_or_create(app_label=app_label, model=model)
        permission, _created = Permission.objects.get_or_create(
            content_type=ct, codename=codename, defaults={"name": name}
        )
        return permission


def ensure_role_groups(**kwargs) -> None:
    """Create the four role groups and give each exactly its permissions (idempotent)."""
    for role, permissions in role_permissions().items():
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


def active_users_with_role(role: str):
    """Active accounts holding ``role`` (role as data: whom to notify or hand work to)."""
    from django.contrib.auth import get_user_model

    return get_user_model().objects.filter(is_active=True, simfoni_profile__role=role)


def operators():
    """Active operators: those a rejected phenomenon can be handed to."""
    return active_users_with_role(Role.OPERATOR)


def admins():
    """Active admins."""
    return active_users_with_role(Role.ADMIN)


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
