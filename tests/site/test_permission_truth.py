"""Permissions are the one truth: abilities come from group permissions read through
`user.has_perm` or the phenomenon permission policy, never from a role's name.

The grep test keeps it so: a role check outside the modules allowed to read a role as data
(who a reminder goes to, who a submission is routed to, which kab/kota an operator inputs for)
fails here. Role *assignment* still grants groups (`phenomena.roles.assign_role`).
"""

import importlib
import re
from pathlib import Path

import pytest
from django.apps import apps as django_apps
from django.conf import settings
from django.contrib.auth.models import Group, Permission
from wagtail import hooks
from wagtail.permissions import policy_registry

from phenomena.models import Phenomenon, Role
from phenomena.permissions import PhenomenonPermissionPolicy
from phenomena.roles import role_permissions

ROOT = Path(__file__).resolve().parents[2]
# Every project app (whatever is in INSTALLED_APPS and lives in this repository), and the site.
APP_DIRS = sorted(
    {name.split(".")[0] for name in settings.INSTALLED_APPS if (ROOT / name.split(".")[0]).is_dir()}
    | {"simfoni_site", "simfoni_text"}
)

# Never outside the policy: asking "is this an admin?" instead of asking for a permission, or
# extending another app's module-level registries.
POLICY_ONLY = re.compile(
    r"\bis_admin\(|\bROLE_PERMISSIONS\b|\bVISIBILITY_EXTENSIONS\b|\bREVIEW_CHECKS\b|\bcan_input\("
)
POLICY_MODULES = {"phenomena/permissions.py"}

# A role read by name: only where the role is data, not a permission.
ROLE_READ = re.compile(
    r"\brole_of\(|\bRole\.(ADMIN|SUPERVISOR|OPERATOR|VIEWER)\b|\.role\s*(==|!=|\bin\b|\bnot in\b)"
)
ROLE_DATA_MODULES = {
    "phenomena/permissions.py": "the policy",
    "phenomena/roles.py": "defines role_of and assign_role",
    "phenomena/models.py": "UserProfile.clean: an admin's work unit is a province unit",
    "phenomena/forms.py": "the one-role user form validates the same",
    "phenomena/demo.py": "demo accounts are created with their roles",
    "workflows/routing.py": "routing: who reviews is chosen among supervisors/admins",
    "reminders/rules.py": "audience: which role a reminder is addressed to",
    "reminders/scrape.py": "audience of the scrape reminders",
    "alerts/kinds.py": "notification kinds offered per role",
    "alerts/forms.py": "preferences offer the kinds of the user's role",
    "dossiers/reminders.py": "audience: operators are reminded of coverage gaps",
    "accounts/admin_views.py": "the SSO approval form validates an admin's work unit likewise",
    "accounts/bulk.py": "CSV rows name a role; an admin's work unit is validated likewise",
}
ROLE_DATA_DIRS = ()


def _sources():
    for app in APP_DIRS:
        base = ROOT / app
        if not base.is_dir():
            continue
        for path in sorted(base.rglob("*.py")):
            rel = path.relative_to(ROOT).as_posix()
            if "/migrations/" in rel:
                continue
            yield rel, path.read_text(encoding="utf-8")


def _hits(pattern, allowed):
    found = []
    for rel, text in _sources():
        if allowed(rel):
            continue
        for number, line in enumerate(text.splitlines(), 1):
            if pattern.search(line):
                found.append(f"{rel}:{number}: {line.strip()}")
    return found


def test_no_admin_check_or_registry_mutation_outside_the_policy():
    hits = _hits(POLICY_ONLY, lambda rel: rel in POLICY_MODULES)
    assert not hits, (
        "Ask for a permission (user.has_perm / the PhenomenonPermissionPolicy), or declare "
        "role permissions on the AppConfig and extensions as Wagtail hooks:\n" + "\n".join(hits)
    )


def test_roles_are_read_by_name_only_where_they_are_data():
    hits = _hits(
        ROLE_READ,
        lambda rel: rel in ROLE_DATA_MODULES or rel.startswith(ROLE_DATA_DIRS),
    )
    assert not hits, (
        "A role check outside the policy: use user.has_perm(...) or the policy; if the role is "
        "data here (not a permission), add the module to ROLE_DATA_MODULES with the reason:\n"
        + "\n".join(hits)
    )


def test_the_grep_finds_what_it_forbids():
    assert POLICY_ONLY.search("    if is_admin(request.user):")
    assert ROLE_READ.search("if role_of(user) == Role.SUPERVISOR:")
    assert ROLE_READ.search("profile.role == Role.ADMIN")
    assert not ROLE_READ.search("choices=Role.choices")


def test_each_app_declares_its_role_permissions_and_groups_hold_exactly_them(db):
    declared = role_permissions()
    assert "workflows.review_phenomenon" in declared[Role.SUPERVISOR]
    assert "reminders.change_taskschedule" in declared[Role.ADMIN]
    for role, dotted in declared.items():
        group = Group.objects.get(name=role)
        held = {
            f"{app}.{codename}"
            for app, codename in group.permissions.values_list(
                "content_type__app_label", "codename"
            )
        }
        assert held == set(dotted), role


ABILITIES = {
    "phenomena.administer_phenomenon": {Role.ADMIN},
    "phenomena.merge_phenomenon": {Role.ADMIN, Role.SUPERVISOR},
    "phenomena.view_history_phenomenon": {Role.ADMIN, Role.SUPERVISOR},
    "phenomena.view_pending_figures": {Role.ADMIN, Role.SUPERVISOR, Role.OPERATOR},
    "phenomena.import_arc_calendar": {Role.ADMIN},
    "phenomena.administer_site": {Role.ADMIN},
}


@pytest.mark.parametrize("dotted", sorted(ABILITIES))
def test_abilities_per_role(make_user, dotted):
    for role in Role:
        user = make_user(f"u-{role.value.lower()}", role)
        assert user.has_perm(dotted) == (role in ABILITIES[dotted]), (dotted, role)


def test_data_migration_grants_the_abilities_to_existing_groups(db):
    migration = importlib.import_module("phenomena.migrations.0008_role_permissions")
    codenames = [codename for _model, codename, _name in migration.GRANTS]
    Permission.objects.filter(content_type__app_label="phenomena", codename__in=codenames).delete()
    migration.grant(django_apps, None)
    supervisor = Group.objects.get(name=Role.SUPERVISOR)
    assert set(supervisor.permissions.values_list("codename", flat=True)) >= {
        "merge_phenomenon",
        "view_history_phenomenon",
        "view_pending_figures",
    }
    assert not Group.objects.get(name=Role.VIEWER).permissions.filter(codename__in=codenames)


def test_the_policy_is_registered_and_the_viewset_uses_it():
    from phenomena.viewsets import PhenomenonViewSet

    policy = policy_registry.get_by_type(Phenomenon)
    assert isinstance(policy, PhenomenonPermissionPolicy)
    assert policy.owner_field_name == "author"
    assert PhenomenonViewSet().permission_policy is policy


def test_workflows_extends_the_policy_through_hooks_not_module_globals():
    from workflows.routing import can_review, submissions_routed_to

    assert submissions_routed_to in hooks.get_hooks("phenomenon_visibility")
    assert can_review in hooks.get_hooks("phenomenon_review_check")


# Behaviour follows the permission, not the role's name (each fails on the role checks).


def test_a_permission_given_to_a_viewer_counts(viewer):
    from home.dashboard import is_staff

    assert not is_staff(viewer)
    viewer.user_permissions.add(
        Permission.objects.get(content_type__app_label="phenomena", codename="view_pending_figures")
    )
    viewer = type(viewer).objects.get(pk=viewer.pk)  # a fresh permission cache
    assert is_staff(viewer)


def test_a_permission_taken_from_the_supervisor_group_counts(supervisor):
    from phenomena.duplicates.merge import can_merge

    assert can_merge(supervisor)
    Group.objects.get(name=Role.SUPERVISOR).permissions.remove(
        Permission.objects.get(content_type__app_label="phenomena", codename="merge_phenomenon")
    )
    supervisor = type(supervisor).objects.get(pk=supervisor.pk)
    assert not can_merge(supervisor)


def test_arc_import_follows_its_permission(admin_user, province_operator):
    from home.views import can_import_arc

    assert can_import_arc(admin_user)
    assert not can_import_arc(province_operator)
    Group.objects.get(name=Role.ADMIN).permissions.remove(
        Permission.objects.get(content_type__app_label="phenomena", codename="import_arc_calendar")
    )
    admin_user = type(admin_user).objects.get(pk=admin_user.pk)
    assert not can_import_arc(admin_user)
