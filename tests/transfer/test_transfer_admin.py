"""The admin screens: upload → preview (dry run, column mapping) → confirm; the export; who
may use them."""

import json
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from phenomena.models import Phenomenon
from transfer.models import ImportBatch

CSV = Path(__file__).parent.parent / "data" / "fenomena_lama.csv"


def upload(client, user, content=None, name="fenomena_lama.csv", **extra):
    data = {
        "file": SimpleUploadedFile(name, content if content is not None else CSV.read_bytes()),
        "as_user": user.pk,
        "mode": "approved",
        "not_duplicate_reason": "",
        **extra,
    }
    return client.post(reverse("transfer_import"), data)


def test_upload_preview_map_and_confirm(client, admin_user):
    client.force_login(admin_user)
    page = client.get(reverse("wagtailadmin_home"))
    assert reverse("transfer_import") in page.content.decode()  # in the Settings menu
    response = upload(client, admin_user)
    batch = ImportBatch.objects.get()
    assert response.url == reverse("transfer_import_preview", args=[batch.pk])
    preview = client.get(response.url).content.decode()
    assert "Uji coba: 6 baris akan diimpor" in preview
    assert "Tema Ngawur" in preview
    assert "Catatan PJ" in preview  # the unrecognised column, offered on the mapping screen
    assert not Phenomenon.objects.exists()

    # Map "Catatan PJ" (column 16) as the narrative: every row now has that note as narrative.
    form = {f"col_{i}": "" for i in range(16)}
    form.update(
        {"col_1": "title", "col_3": "outlet", "col_5": "source_date", "col_15": "narrative"}
    )
    client.post(response.url, {**form, "remap": "1"})
    batch.refresh_from_db()
    assert batch.mapping["15"] == "narrative"
    remapped = client.get(response.url).content.decode()
    assert "Cakupan kosong" in remapped  # the scope column is now ignored
    batch.mapping = {}
    batch.save()

    done = client.post(response.url, {"confirm": "1"})
    assert "6 baris diimpor" in done.content.decode()
    assert Phenomenon.objects.filter(live=True).count() == 6
    batch.refresh_from_db()
    assert batch.status == ImportBatch.Status.IMPORTED and batch.summary["import"] == 6
    # A second confirmation of the same batch imports nothing more.
    client.post(response.url, {"confirm": "1"})
    assert Phenomenon.objects.count() == 6


@pytest.mark.parametrize(
    "content, name, message",
    [
        (b"%PDF-1.4", "laporan.pdf", "Unggah berkas .csv atau .xlsx"),
        (b"bukan zip", "rekap.xlsx", "bukan XLSX yang sah"),
    ],
)
def test_upload_is_type_checked(client, admin_user, content, name, message):
    client.force_login(admin_user)
    response = upload(client, admin_user, content=content, name=name)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not ImportBatch.objects.exists()


def test_upload_is_size_checked(client, admin_user, settings):
    settings.IMPORT_MAX_BYTES = 1000
    client.force_login(admin_user)
    response = upload(client, admin_user)
    assert "Berkas terlalu besar" in response.content.decode()
    assert not ImportBatch.objects.exists()


def refused(response):
    """Wagtail turns a refusal into a redirect to the admin home with a message."""
    if response.status_code == 302:
        return response.url == reverse("wagtailadmin_home")
    return response.status_code == 403


def test_only_admins_import_and_export(client, admin_user, province_operator, supervisor, viewer):
    client.force_login(admin_user)
    upload(client, admin_user)
    batch = ImportBatch.objects.get()
    for user in (province_operator, supervisor, viewer):
        client.force_login(user)
        assert refused(upload(client, user))
        preview = reverse("transfer_import_preview", args=[batch.pk])
        assert refused(client.get(preview))
        assert refused(client.post(preview, {"confirm": "1"}))
        assert refused(client.get(reverse("transfer_export") + "?format=json"))
        menu = client.get(reverse("wagtailadmin_home")).content.decode()
        assert reverse("transfer_import") not in menu
    assert not Phenomenon.objects.exists()
    assert ImportBatch.objects.count() == 1


def test_export_downloads(client, admin_user):
    client.force_login(admin_user)
    client.post(
        reverse("transfer_import_preview", args=[_batch(client, admin_user)]), {"confirm": "1"}
    )
    data = json.loads(client.get(reverse("transfer_export") + "?format=json").content)
    assert len(data["models"]["phenomena.Phenomenon"]) == 6
    text = client.get(reverse("transfer_export") + "?format=csv").content.decode()
    assert text.splitlines()[0].startswith("id,status,judul,narasi")
    assert "'=1+1" in text  # the formula-looking title neutralised for spreadsheets


def _batch(client, user):
    upload(client, user)
    return ImportBatch.objects.latest("pk").pk
