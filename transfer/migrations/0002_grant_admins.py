"""Admins may import spreadsheets and export the collection: the permissions granted to the
existing Admin group (new databases get them from TransferConfig.role_permissions)."""

from django.db import migrations

GRANTS = {
    ("importbatch", "import_phenomena", "Can import phenomena from spreadsheets"): ["Admin"],
    ("importbatch", "export_collection", "Can export the whole collection"): ["Admin"],
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
            app_label="transfer", model=model
        )
        permission, _created = Permission.objects.get_or_create(
            content_type=content_type, codename=codename, defaults={"name": name}
        )
        for group in groups:
            group.permissions.add(permission)


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    codenames = [codename for _model, codename, _name in GRANTS]
    Permission.objects.filter(content_type__app_label="transfer", codename__in=codenames).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("transfer", "0001_import_batches"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
