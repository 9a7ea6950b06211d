"""Admins edit (and publish) the user guide in Wagtail's page editor: page permissions on the
guide for the Admin role group (page permissions are not model permissions, so they are not in
an AppConfig.role_permissions list)."""

from django.db import migrations

CODENAMES = {"change_page": "Can change page", "publish_page": "Can publish any page"}


def grant(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    HelpPage = apps.get_model("simfoni_help", "HelpPage")
    page = HelpPage.objects.first()
    if page is None:
        return
    group, _created = Group.objects.get_or_create(name="Admin")
    content_type, _created = ContentType.objects.get_or_create(
        app_label="wagtailcore", model="page"
    )
    for codename, name in CODENAMES.items():
        permission, _created = Permission.objects.get_or_create(
            content_type=content_type, codename=codename, defaults={"name": name}
        )
        GroupPagePermission.objects.get_or_create(
            group=group, page_id=page.pk, permission=permission
        )


def revoke(apps, schema_editor):
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    HelpPage = apps.get_model("simfoni_help", "HelpPage")
    GroupPagePermission.objects.filter(
        page_id__in=HelpPage.objects.values("pk"), group__name="Admin"
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("simfoni_help", "0002_help_page"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
