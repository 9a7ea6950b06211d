"""Grant reports.resolve_errorreport to the existing Supervisor and Admin groups (a new
database gets it from ReportsConfig.role_permissions after migrating, through
phenomena.roles.ensure_role_groups)."""

from django.db import migrations

ROLES = ["Admin", "Supervisor"]
CODENAME = "resolve_errorreport"


def grant(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    groups = list(Group.objects.filter(name__in=ROLES))
    if not groups:
        return
    content_type, _created = ContentType.objects.get_or_create(
        app_label="reports", model="errorreport"
    )
    permission, _created = Permission.objects.get_or_create(
        content_type=content_type,
        codename=CODENAME,
        defaults={"name": "Can resolve error reports"},
    )
    for group in groups:
        group.permissions.add(permission)


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    Permission.objects.filter(content_type__app_label="reports", codename=CODENAME).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("reports", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
