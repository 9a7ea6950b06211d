"""Admins may ask for summaries on demand and read every run: granted to the existing Admin
group. Afterwards `SummariesConfig.role_permissions` keeps the groups exact (phenomena.roles)."""

from django.db import migrations

GRANTS = {
    ("themesummary", "generate_themesummary", "Can generate theme summaries on demand"): [
        "Admin"
    ],
    ("themesummary", "view_themesummary", "Can view ringkasan tema"): ["Admin"],
}


def grant(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    for (model, codename, name), roles in GRANTS.items():
        groups = list(Group.objects.filter(name__in=roles))
        if not groups:
            continue  # a new database: the groups are made after migrating, with these
        content_type, _created = ContentType.objects.get_or_create(
            app_label="summaries", model=model
        )
        permission, _created = Permission.objects.get_or_create(
            content_type=content_type, codename=codename, defaults={"name": name}
        )
        for group in groups:
            group.permissions.add(permission)


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    codenames = [codename for _model, codename, _name in GRANTS]
    Permission.objects.filter(content_type__app_label="summaries", codename__in=codenames).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("summaries", "0001_theme_summary"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
