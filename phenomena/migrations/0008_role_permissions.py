"""The abilities that were role checks become permissions (Meta.permissions), granted to the
existing role groups. The grant is frozen here; afterwards each app's
`AppConfig.role_permissions` keeps the groups exact on every migrate (phenomena.roles)."""

from django.db import migrations

# (model, codename, name) -> role groups holding it.
GRANTS = {
    ("phenomenon", "administer_phenomenon", "Can see, change and delete every phenomenon"): [
        "Admin"
    ],
    ("phenomenon", "merge_phenomenon", "Can merge duplicate phenomena"): ["Admin", "Supervisor"],
    (
        "phenomenon",
        "view_history_phenomenon",
        "Can read the history of phenomena they may see",
    ): ["Admin", "Supervisor"],
    (
        "phenomenon",
        "view_pending_figures",
        "Can include unapproved phenomena in dashboard figures",
    ): ["Admin", "Supervisor", "Operator"],
    ("releasedate", "import_arc_calendar", "Can import the ARC release calendar"): ["Admin"],
    (
        "userprofile",
        "administer_site",
        "Can use the Wagtail sections SIMFONI's roles do not use",
    ): ["Admin"],
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
            app_label="phenomena", model=model
        )
        permission, _created = Permission.objects.get_or_create(
            content_type=content_type, codename=codename, defaults={"name": name}
        )
        for group in groups:
            group.permissions.add(permission)


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    codenames = [codename for _model, codename, _name in GRANTS]
    Permission.objects.filter(content_type__app_label="phenomena", codename__in=codenames).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("phenomena", "0007_remove_wagtail_default_groups"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="phenomenon",
            options={
                "ordering": ["-reference_period", "-created_at"],
                "permissions": [
                    ("administer_phenomenon", "Can see, change and delete every phenomenon"),
                    ("merge_phenomenon", "Can merge duplicate phenomena"),
                    ("view_history_phenomenon", "Can read the history of phenomena they may see"),
                    (
                        "view_pending_figures",
                        "Can include unapproved phenomena in dashboard figures",
                    ),
                ],
                "verbose_name": "fenomena",
                "verbose_name_plural": "fenomena",
            },
        ),
        migrations.AlterModelOptions(
            name="releasedate",
            options={
                "ordering": ["date", "indicator__sort_order"],
                "permissions": [("import_arc_calendar", "Can import the ARC release calendar")],
                "verbose_name": "jadwal rilis (ARC)",
                "verbose_name_plural": "jadwal rilis (ARC)",
            },
        ),
        migrations.AlterModelOptions(
            name="userprofile",
            options={
                "permissions": [
                    ("administer_site", "Can use the Wagtail sections SIMFONI's roles do not use")
                ],
                "verbose_name": "profil pengguna",
                "verbose_name_plural": "profil pengguna",
            },
        ),
        migrations.RunPython(grant, revoke),
    ]
