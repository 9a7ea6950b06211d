"""Grant the dossier permissions to the existing role groups (a new database gets them from
DossiersConfig.role_permissions after migrating, through phenomena.roles.ensure_role_groups)."""

from django.db import migrations

# (model, codename, name) -> role groups holding it.
GRANTS = {
    ("dossier", "view_dossier", "Can view berkas rilis"): ["Admin", "Supervisor", "Operator"],
    ("dossier", "compose_dossier", "Can compose and share release dossiers"): [
        "Admin",
        "Supervisor",
    ],
}


def grant(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    for (model, codename, name), roles in GRANTS.items():
        groups = list(Group.objects.filter(name__in=roles))
        if not groups:
            continue
        content_type, _created = ContentType.objects.get_or_create(
            app_label="dossiers", model=model
        )
        permission, _created = Permission.objects.get_or_create(
            content_type=content_type, codename=codename, defaults={"name": name}
        )
        for group in groups:
            group.permissions.add(permission)


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    Permission.objects.filter(
        content_type__app_label="dossiers", codename__in=[c for _m, c, _n in GRANTS]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("dossiers", "0001_dossiers"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
