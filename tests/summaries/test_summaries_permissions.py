"""Who may ask for summaries: a permission declared once, held by the Admin group only."""

import importlib

from django.apps import apps as django_apps
from django.contrib.auth.models import Group, Permission

from phenomena.models import Role


def test_only_admins_hold_the_summary_abilities(make_user):
    for role in Role:
        user = make_user(f"u-{role.value.lower()}", role)
        expected = role == Role.ADMIN
        assert user.has_perm("summaries.generate_themesummary") == expected, role
        assert user.has_perm("summaries.view_themesummary") == expected, role


def test_data_migration_grants_them_to_the_existing_admin_group(db):
    migration = importlib.import_module("summaries.migrations.0002_grant_generate_permission")
    codenames = [codename for _model, codename, _name in migration.GRANTS]
    Permission.objects.filter(content_type__app_label="summaries", codename__in=codenames).delete()
    migration.grant(django_apps, None)
    admin = Group.objects.get(name=Role.ADMIN)
    assert set(
        admin.permissions.filter(content_type__app_label="summaries").values_list(
            "codename", flat=True
        )
    ) == set(codenames)
    for role in (Role.SUPERVISOR, Role.OPERATOR, Role.VIEWER):
        assert not Group.objects.get(name=role).permissions.filter(codename__in=codenames)
