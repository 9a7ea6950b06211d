"""One account holds exactly one role, whichever way a role is given."""

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse

from phenomena.models import Role, WorkUnit
from phenomena.roles import assign_role, role_of


def test_assign_role_replaces_previous_role(make_user):
    user = make_user("budi", Role.OPERATOR, "fungsi-sosial-1")
    assign_role(user, Role.SUPERVISOR, WorkUnit.objects.get(code="fungsi-sosial-1"))
    assert role_of(user) == Role.SUPERVISOR
    assert list(user.groups.values_list("name", flat=True)) == ["Supervisor"]


def test_second_role_group_refused_in_code(make_user):
    user = make_user("sari", Role.OPERATOR, "fungsi-sosial-1")
    with pytest.raises(ValidationError), transaction.atomic():
        user.groups.add(Group.objects.get(name="Viewer"))
    with pytest.raises(ValidationError), transaction.atomic():
        Group.objects.get(name="Admin").user_set.add(user)
    assert list(user.groups.values_list("name", flat=True)) == ["Operator"]


def test_two_roles_at_once_refused(make_user):
    user = make_user("tono", Role.VIEWER, "fungsi-sosial-1")
    user.groups.clear()
    with pytest.raises(ValidationError):
        user.groups.add(*Group.objects.filter(name__in=["Viewer", "Operator"]))


def test_admin_cannot_belong_to_kabkota(make_user):
    with pytest.raises(ValidationError):
        make_user("adm", Role.ADMIN, "bps-3171")


def test_admin_user_form_gives_one_role(client, admin_user):
    client.force_login(admin_user)
    unit = WorkUnit.objects.get(code="bps-3174")
    response = client.post(
        reverse("wagtailusers_users:add"),
        {
            "username": "rina",
            "email": "rina@bps.test",
            "first_name": "Rina",
            "last_name": "Wati",
            "password1": "S1mf0ni-Rahasia!",
            "password2": "S1mf0ni-Rahasia!",
            "role": "Operator",
            "work_unit": unit.pk,
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    from django.contrib.auth import get_user_model

    rina = get_user_model().objects.get(username="rina")
    assert role_of(rina) == "Operator"
    assert rina.simfoni_profile.work_unit == unit
    assert list(rina.groups.values_list("name", flat=True)) == ["Operator"]


def test_admin_user_form_offers_no_role_groups_as_extra_groups(client, admin_user):
    client.force_login(admin_user)
    response = client.get(reverse("wagtailusers_users:add"))
    form = response.context["form"]
    assert not set(form.fields["groups"].queryset.values_list("name", flat=True)) & {
        "Admin",
        "Operator",
        "Supervisor",
        "Viewer",
    }
    assert "is_superuser" not in form.fields
    role_choices = [value for value, _label in form.fields["role"].choices]
    assert role_choices == ["Admin", "Supervisor", "Operator", "Viewer"]
