"""Admins issue and revoke API keys: grant `api.manage_apikey` to the existing Admin group.
Afterwards `ApiConfig.role_permissions` keeps the groups exact on every migrate."""

from django.db import migrations


def grant(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    groups = list(Group.objects.filter(name="Admin"))
    if not groups:
        return  # a new database: the groups are made after migrating, with this permission
    content_type, _created = ContentType.objects.get_or_create(app_label="api", model="apikey")
    permission, _created = Permission.objects.get_or_create(
        content_type=content_type,
        codename="manage_apikey",
        defaults={"name": "Can issue and revoke API keys"},
    )
    for group in groups:
        group.permissions.add(permission)


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    Permission.objects.filter(content_type__app_label="api", codename="manage_apikey").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("api", "0001_api_keys_and_removals"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
