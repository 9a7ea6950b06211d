"""Accounts for admins: never deleted (disabled instead), bulk creation from CSV with a dry run,
and the audit log of sign-ins, failed sign-ins, lockouts, role changes and disabled accounts."""

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from wagtail.models import ModelLogEntry

from accounts import audit
from accounts.models import StaffIdentity
from phenomena.models import Role, WorkUnit
from phenomena.roles import assign_role
from tests.factories import PASSWORD, PhenomenonFactory

User = get_user_model()
pytestmark = pytest.mark.django_db


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


def log_of(user, action):
    return ModelLogEntry.objects.filter(action=action, object_id=str(user.pk))


# --- Never deleted ----------------------------------------------------------------------------


def test_delete_is_refused_and_phenomena_stay_attributed(admin_user, province_operator):
    phenomenon = PhenomenonFactory(author=province_operator)
    client = signed_in(admin_user)
    url = f"/admin/users/delete/{province_operator.pk}/"

    page = client.get(url, follow=True).content.decode()
    response = client.post(url, follow=True)

    assert "Akun tidak dihapus" in page
    assert "Nonaktifkan akun ini" in response.content.decode()
    assert User.objects.filter(pk=province_operator.pk).exists()
    phenomenon.refresh_from_db()
    assert phenomenon.author == province_operator
    assert log_of(province_operator, audit.DELETE_REFUSED).exists()


def test_bulk_delete_is_refused(admin_user, province_operator, viewer):
    client = signed_in(admin_user)
    url = (
        f"/admin/bulk/auth/user/delete/?next=/admin/users/&id={province_operator.pk}&id={viewer.pk}"
    )
    response = client.post(url, follow=True)
    assert "Akun tidak dihapus" in response.content.decode()
    assert User.objects.filter(pk__in=[province_operator.pk, viewer.pk]).count() == 2


def test_disabled_account_cannot_sign_in_and_is_logged(admin_user, viewer):
    client = signed_in(admin_user)
    form = client.get(f"/admin/users/edit/{viewer.pk}/").context["form"]
    data = {
        name: value
        for name, value in form.initial.items()
        if name in form.fields and value is not None and name not in ("is_active", "groups")
    }
    data.update(role=Role.VIEWER, work_unit=viewer.simfoni_profile.work_unit_id)
    response = client.post(f"/admin/users/edit/{viewer.pk}/", data)
    assert response.status_code == 302, response.context["form"].errors
    viewer.refresh_from_db()
    assert not viewer.is_active
    entry = log_of(viewer, audit.DISABLED).get()
    assert entry.user == admin_user

    login = Client().post("/admin/login/", {"username": viewer.username, "password": PASSWORD})
    assert login.status_code == 200  # the form again, not signed in
    assert "_auth_user_id" not in login.wsgi_request.session


def test_bulk_set_inactive_is_logged(admin_user, viewer):
    client = signed_in(admin_user)
    client.post(
        f"/admin/bulk/auth/user/set_active_state/?next=/admin/users/&id={viewer.pk}",
        {"mark_as_active": "False"},
    )
    viewer.refresh_from_db()
    assert not viewer.is_active
    assert log_of(viewer, audit.DISABLED).exists()


# --- Bulk creation from CSV ---------------------------------------------------------------------

GOOD = (
    "username,email,first_name,last_name,nip,role,work_unit,password\n"
    "rina,rina@bps.go.id,Rina,Wati,199001012019012001,Operator,bps-3172,\n"
    "sari,sari@bps.go.id,Sari,Dewi,,supervisor,Fungsi Sosial 1,Kuat-sekali-2026\n"
)


def upload(client, text, name="akun.csv"):
    return client.post(
        "/admin/akun/buat-dari-csv/",
        {"file": SimpleUploadedFile(name, text.encode("utf-8"), content_type="text/csv")},
    )


def test_csv_dry_run_then_confirm_creates_accounts(admin_user):
    client = signed_in(admin_user)
    unit_name = WorkUnit.objects.get(code="fungsi-sosial-1").name
    text = GOOD.replace("Fungsi Sosial 1", unit_name)

    preview = upload(client, text)

    page = preview.content.decode()
    assert "Uji coba: 2 akun siap dibuat" in page
    assert not User.objects.filter(username__in=["rina", "sari"]).exists()

    done = client.post("/admin/akun/buat-dari-csv/", {"confirm": "1"})

    assert done.status_code == 302
    rina, sari = User.objects.get(username="rina"), User.objects.get(username="sari")
    assert list(rina.groups.values_list("name", flat=True)) == [Role.OPERATOR]
    assert rina.simfoni_profile.work_unit.code == "bps-3172"
    assert rina.staff_identity.staff_id == "199001012019012001"
    assert not rina.has_usable_password()  # SSO only
    assert sari.check_password("Kuat-sekali-2026")
    assert sari.simfoni_profile.role == Role.SUPERVISOR


def test_csv_bad_rows_are_explained_and_nothing_is_created(admin_user, viewer):
    StaffIdentity.objects.create(user=viewer, staff_id="111")
    client = signed_in(admin_user)
    text = (
        "username;email;role;work_unit;nip;password\n"
        "rina;rina@bps.go.id;Operator;bps-3172;;\n"
        f"{viewer.username};baru@bps.go.id;Viewer;bps-3172;;\n"
        "tono;bukan-email;Pimpinan;unit-entah;111;\n"
        "umi;umi@bps.go.id;Admin;bps-3172;;123\n"
        "rina;rina@bps.go.id;Viewer;bps-3172;;\n"
    )

    page = upload(client, text).content.decode()

    assert "4 baris bermasalah" in page
    assert f"Nama pengguna {viewer.username} sudah dipakai." in page
    assert "E-mail bukan-email tidak valid." in page
    assert "Peran Pimpinan tidak dikenal" in page
    assert "Satuan kerja unit-entah tidak dikenal" in page
    assert "NIP 111 sudah dipakai akun lain." in page
    assert "Admin hanya ada di tingkat provinsi." in page
    assert "Kata sandi ditolak" in page
    assert "sama dengan baris 2" in page
    assert 'name="confirm"' not in page
    # Confirming anyway (a forged POST) creates nothing.
    client.post("/admin/akun/buat-dari-csv/", {"confirm": "1"})
    assert not User.objects.filter(username__in=["rina", "tono", "umi"]).exists()


def test_csv_without_required_columns(admin_user):
    page = upload(signed_in(admin_user), "nama,surel\nA,a@b.c\n").content.decode()
    assert "Kolom wajib tidak ada: username, email, role, work_unit" in page


@pytest.mark.parametrize("role", ["supervisor", "province_operator", "viewer"])
def test_only_admins_manage_accounts(request, role):
    client = signed_in(request.getfixturevalue(role))
    for url in [
        "/admin/akun/buat-dari-csv/",
        "/admin/akun/log-keamanan/",
        "/admin/akun/persetujuan/",
    ]:
        assert client.get(url).status_code in (302, 403)
    upload(client, GOOD)
    assert not User.objects.filter(username="rina").exists()


# --- Audit log ----------------------------------------------------------------------------------


def test_sign_ins_failures_and_lockout_are_logged(admin_user, supervisor):
    browser = Client()
    for _ in range(5):
        browser.post(
            "/admin/login/",
            {"username": supervisor.username, "password": "salah"},
            REMOTE_ADDR="10.1.1.1",
        )
    browser.post(
        "/admin/login/", {"username": "tidak-ada", "password": "x"}, REMOTE_ADDR="10.1.1.1"
    )
    ok = Client().post(
        "/admin/login/",
        {"username": supervisor.username, "password": PASSWORD},
        REMOTE_ADDR="10.2.2.2",
    )
    assert ok.status_code == 302

    assert log_of(supervisor, audit.LOGIN_FAILED).count() == 5
    assert log_of(supervisor, audit.LOCKED_OUT).exists()
    login = log_of(supervisor, audit.LOGIN).get()
    assert login.data == {"method": "password", "ip": "10.2.2.2"}
    unknown = ModelLogEntry.objects.get(action=audit.LOGIN_FAILED, label="tidak-ada")
    assert unknown.data["ip"] == "10.1.1.1"

    page = signed_in(admin_user).get("/admin/akun/log-keamanan/").content.decode()
    assert "Masuk dengan kata sandi" in page
    assert "Gagal masuk (kata sandi)" in page
    assert "Login terkunci setelah terlalu banyak kata sandi salah" in page
    assert "tidak-ada" in page


def test_role_changes_are_logged_and_one_role_kept(admin_user, viewer):
    unit = WorkUnit.objects.get(code="fungsi-sosial-1")
    client = signed_in(admin_user)
    assign_role(viewer, Role.SUPERVISOR, unit)

    viewer.refresh_from_db()
    assert list(viewer.groups.values_list("name", flat=True)) == [Role.SUPERVISOR]
    entry = log_of(viewer, audit.ROLE).latest("timestamp")
    assert entry.data["old_role"] == Role.VIEWER and entry.data["role"] == Role.SUPERVISOR
    page = client.get("/admin/akun/log-keamanan/?action=simfoni.account.role").content.decode()
    assert "Peran diubah dari Viewer menjadi Supervisor" in page


def test_audit_log_filters(admin_user, viewer):
    audit.log_failed_login(None, viewer.username)
    client = signed_in(admin_user)
    page = client.get(f"/admin/akun/log-keamanan/?action={audit.DISABLED}").content.decode()
    assert "Belum ada kejadian." in page
    page = client.get(f"/admin/akun/log-keamanan/?q={viewer.username}").content.decode()
    assert "Gagal masuk" in page
    # Wagtail's site history shows the same entries with their Indonesian description.
    history = client.get("/admin/reports/site-history/").content.decode()
    assert "Gagal masuk (kata sandi): kata sandi salah atau akun tidak dikenal" in history


# --- Allocations from the user's page ---------------------------------------------------------


def test_supervisor_themes_edited_from_the_users_page(admin_user, supervisor):
    from phenomena.models import Theme
    from workflows.routing import supervisors_for_themes

    client = signed_in(admin_user)
    edit = client.get(f"/admin/users/edit/{supervisor.pk}/").content.decode()
    assert f"/admin/akun/{supervisor.pk}/alokasi/" in edit
    themes = list(Theme.objects.order_by("pk")[:2])

    response = client.post(
        f"/admin/akun/{supervisor.pk}/alokasi/", {"themes": [t.pk for t in themes]}
    )

    assert response.status_code == 302
    assert set(supervisor.theme_allocations.values_list("theme_id", flat=True)) == {
        t.pk for t in themes
    }
    assert supervisor in supervisors_for_themes([themes[0]])
    client.post(f"/admin/akun/{supervisor.pk}/alokasi/", {"themes": [themes[1].pk]})
    assert list(supervisor.theme_allocations.values_list("theme_id", flat=True)) == [themes[1].pk]


def test_operator_page_lists_the_outlets_of_the_work_unit(admin_user, province_operator):
    page = signed_in(admin_user).get(f"/admin/akun/{province_operator.pk}/alokasi/")
    assert "Kompas.com" in page.content.decode()
    # No theme allocation for an operator, even by a forged POST.
    from phenomena.models import Theme

    signed_in(admin_user).post(
        f"/admin/akun/{province_operator.pk}/alokasi/", {"themes": [Theme.objects.first().pk]}
    )
    assert not province_operator.theme_allocations.exists()


def test_only_admins_edit_allocations(supervisor, viewer):
    from phenomena.models import Theme

    response = signed_in(viewer).post(
        f"/admin/akun/{supervisor.pk}/alokasi/", {"themes": [Theme.objects.first().pk]}
    )
    assert response.status_code in (302, 403)
    assert not supervisor.theme_allocations.exists()


# --- Sessions and passwords -------------------------------------------------------------------


def test_session_expires_after_session_cookie_age(settings, viewer):
    import datetime

    from freezegun import freeze_time

    settings.SESSION_COOKIE_AGE = 600
    client = Client()
    start = datetime.datetime(2026, 12, 1, 9, 0, tzinfo=datetime.UTC)
    with freeze_time(start):
        login = client.post(
            "/admin/login/", {"username": viewer.username, "password": PASSWORD, "remember": "1"}
        )
        assert login.status_code == 302
    with freeze_time(start + datetime.timedelta(seconds=590)):
        assert client.get("/admin/").status_code == 200
    with freeze_time(start + datetime.timedelta(seconds=610)):
        assert "/admin/login/" in client.get("/admin/")["Location"]


def test_weak_local_password_refused(admin_user):
    client = signed_in(admin_user)
    unit = WorkUnit.objects.get(code="fungsi-ipds")
    response = client.post(
        "/admin/users/new/",
        {
            "username": "lemah",
            "email": "lemah@bps.go.id",
            "first_name": "Lemah",
            "last_name": "Sandi",
            "role": Role.VIEWER,
            "work_unit": unit.pk,
            "password1": "12345678",
            "password2": "12345678",
        },
    )
    assert response.status_code == 200
    assert not User.objects.filter(username="lemah").exists()
    errors = " ".join(response.context["form"].errors.get("password2", []))
    assert errors  # Django's validators: too common, entirely numeric


def test_loading_saved_accounts_is_nobodys_change(viewer):
    """A restore or a fixture writes accounts raw: no "role changed" or "disabled" entries
    appear in the audit log (they would also take primary keys of the restored log)."""
    from django.core import serializers

    from phenomena.models import UserProfile

    profile = viewer.simfoni_profile
    ModelLogEntry.objects.all().delete()
    data = serializers.serialize("python", [viewer, profile])
    UserProfile.objects.filter(pk=profile.pk).delete()
    data[0]["fields"]["is_active"] = False
    for item in serializers.deserialize("python", data):
        item.save()
    viewer.refresh_from_db()
    assert not viewer.is_active
    assert not ModelLogEntry.objects.exists()
