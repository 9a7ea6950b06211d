"""The admin's users list: role and work unit shown and filterable, only SIMFONI's roles offered,
no external avatar service; the favicon."""

from django.contrib.auth.models import Group
from django.contrib.staticfiles import finders
from django.urls import reverse

from phenomena.models import Role
from phenomena.roles import ROLE_NAMES

USERS = "/admin/users/"


def test_list_shows_role_and_work_unit(client, admin_user, supervisor, kabkota_operator):
    client.force_login(admin_user)
    page = client.get(USERS).content.decode()
    assert "Peran" in page and "Satuan kerja" in page
    assert str(Role.SUPERVISOR.label) in page
    assert supervisor.simfoni_profile.work_unit.name in page
    assert kabkota_operator.simfoni_profile.work_unit.name in page


def test_list_filters_by_role_and_by_work_unit(client, admin_user, supervisor, viewer):
    client.force_login(admin_user)
    page = client.get(USERS, {"role": Role.SUPERVISOR.value}).content.decode()
    assert f"/admin/users/edit/{supervisor.pk}/" in page
    assert f"/admin/users/edit/{viewer.pk}/" not in page
    unit = admin_user.simfoni_profile.work_unit
    page = client.get(USERS, {"work_unit": unit.pk}).content.decode()
    assert f"/admin/users/edit/{admin_user.pk}/" in page
    assert f"/admin/users/edit/{supervisor.pk}/" not in page


def test_wagtail_default_groups_are_gone_and_not_offered(client, admin_user, supervisor):
    assert not Group.objects.filter(name__in=["Moderators", "Editors"]).exists()
    client.force_login(admin_user)
    for url in (reverse("wagtailusers_users:add"), f"/admin/users/edit/{supervisor.pk}/"):
        page = client.get(url).content.decode()
        assert "Moderators" not in page and "Editors" not in page
        assert 'name="role"' in page
    assert {g.name for g in Group.objects.all()} <= ROLE_NAMES


def test_editing_a_user_keeps_role_without_a_groups_field(client, admin_user, supervisor):
    client.force_login(admin_user)
    response = client.post(
        f"/admin/users/edit/{supervisor.pk}/",
        {
            "username": supervisor.username,
            "email": supervisor.email,
            "first_name": "Baru",
            "last_name": "Uji",
            "role": Role.VIEWER.value,
            "work_unit": supervisor.simfoni_profile.work_unit.pk,
            "is_active": "on",
        },
    )
    assert response.status_code == 302
    supervisor.refresh_from_db()
    assert supervisor.first_name == "Baru"
    assert supervisor.simfoni_profile.role == Role.VIEWER
    assert list(supervisor.groups.values_list("name", flat=True)) == [Role.VIEWER.value]


def test_no_gravatar_requests(client, admin_user, supervisor):
    client.force_login(admin_user)
    page = client.get(USERS).content.decode()
    assert "gravatar" not in page
    assert "default-user-avatar" in page


def test_favicon_on_site_and_admin(client, admin_user):
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert response["Location"].endswith("favicon.ico")
    assert finders.find("favicon.ico") and finders.find("favicon.svg")
    assert 'rel="icon"' in client.get(reverse("arc_calendar")).content.decode()
    client.force_login(admin_user)
    admin_page = client.get("/admin/").content.decode()
    assert "favicon.svg" in admin_page
    assert "wagtailadmin/images/favicon.ico" not in admin_page
