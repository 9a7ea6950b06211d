"""Error reports: who receives them, who may resolve them, and what each outcome does."""

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from notifications.models import Notification
from wagtail.models import ModelLogEntry

from phenomena.models import Phenomenon
from reports import services
from reports.models import ErrorReport
from tests.factories import PhenomenonFactory


def notified(kind):
    return sorted(
        n.recipient.username for n in Notification.objects.all() if n.data.get("kind") == kind
    )


def file(user, phenomenon, kind=ErrorReport.Kind.WRONG_FIGURE, text="Angkanya 12, bukan 20."):
    return services.file_report(user, phenomenon, kind, text)


# --- routing -------------------------------------------------------------------------------


def test_a_report_goes_to_the_theme_supervisor_and_the_admins(office, approved):
    report = file(office.viewer, approved)
    routed = sorted(u.username for u in report.routed_to.all())
    assert routed == ["admin1", "admin2", "spvinflasi"]
    assert notified("error_report_new") == ["admin1", "admin2", "spvinflasi"]
    assert sorted(a.split("@")[0] for m in mail.outbox for a in m.to) == routed
    note = Notification.objects.get(recipient=office.spv_inflasi)
    assert "Angkanya 12, bukan 20." in note.description
    assert note.data["url"] == reverse("reports_admin:detail", args=[report.pk])


def test_a_kabkota_report_goes_to_that_kabkota_supervisor(office):
    phenomenon = PhenomenonFactory(author=office.op_3172, area="3172", published=True)
    report = file(office.op, phenomenon, ErrorReport.Kind.WRONG_CLASSIFICATION)
    assert sorted(u.username for u in report.routed_to.all()) == ["admin1", "admin2", "spv3172"]


def test_the_reporter_is_not_notified_of_their_own_report(office, approved):
    file(office.admin, approved)
    assert notified("error_report_new") == ["admin2", "spvinflasi"]


def test_only_approved_phenomena_can_be_reported(office):
    draft = PhenomenonFactory(author=office.op)
    with pytest.raises(ValidationError):
        file(office.viewer, draft)
    assert not ErrorReport.objects.exists()


def test_a_report_needs_a_description(office, approved):
    with pytest.raises(ValidationError) as caught:
        file(office.viewer, approved, text="   ")
    assert "description" in caught.value.message_dict
    assert not ErrorReport.objects.exists()


# --- resolution ------------------------------------------------------------------------------


def test_fixed_notifies_the_reporter(office, approved):
    report = file(office.viewer, approved)
    Notification.objects.all().delete()
    services.resolve(office.spv_inflasi, report, services.FIX, "Angka sudah dibetulkan.")
    report.refresh_from_db()
    assert report.status == ErrorReport.Status.FIXED
    assert report.resolved_by == office.spv_inflasi and report.resolved_at is not None
    (note,) = Notification.objects.filter(recipient=office.viewer)
    assert note.data["kind"] == "error_report_resolved"
    assert "sudah diperbaiki" in note.description
    assert "Angka sudah dibetulkan." in note.description
    assert Phenomenon.objects.get(pk=approved.pk).live


def test_unpublish_withdraws_the_phenomenon_with_the_reason(office, approved):
    report = file(office.viewer, approved, ErrorReport.Kind.NOT_CREDIBLE, "Hoaks.")
    other = file(office.op_3172, approved, ErrorReport.Kind.WRONG_FIGURE, "Angka keliru.")
    Notification.objects.all().delete()
    services.resolve(office.admin, report, services.UNPUBLISH, "Sumbernya akun anonim.")
    phenomenon = Phenomenon.objects.get(pk=approved.pk)
    assert not phenomenon.live
    entry = ModelLogEntry.objects.filter(action="wagtail.unpublish").get()
    assert entry.data["reason"] == "Sumbernya akun anonim."
    assert entry.user == office.admin
    # Both open reports are settled; both reporters hear of it.
    assert set(ErrorReport.objects.values_list("status", flat=True)) == {"unpublished"}
    assert other.pk in ErrorReport.objects.values_list("pk", flat=True)
    assert notified("error_report_resolved") == ["op3172", "viewerprov"]
    assert "dibatalkan" in Notification.objects.get(recipient=office.viewer).description
    # Gone from the public page.
    assert file_page_status(office.viewer, approved) == 404


def file_page_status(user, phenomenon):
    from django.test import Client

    client = Client()
    client.force_login(user)
    return client.get(reverse("search:detail", args=[phenomenon.pk])).status_code


def test_dismiss_needs_a_reason_and_tells_the_reporter(office, approved):
    report = file(office.viewer, approved)
    with pytest.raises(ValidationError):
        services.resolve(office.spv_inflasi, report, services.DISMISS, "  ")
    report.refresh_from_db()
    assert report.is_open
    services.resolve(office.spv_inflasi, report, services.DISMISS, "Angka sudah sesuai sumber.")
    report.refresh_from_db()
    assert report.status == ErrorReport.Status.DISMISSED
    (note,) = Notification.objects.filter(recipient=office.viewer)
    assert "ditolak" in note.description and "Angka sudah sesuai sumber." in note.description
    assert Phenomenon.objects.get(pk=approved.pk).live


def test_a_resolved_report_cannot_be_resolved_again(office, approved):
    report = file(office.viewer, approved)
    services.resolve(office.admin, report, services.FIX)
    with pytest.raises(ValidationError):
        services.resolve(office.admin2, report, services.DISMISS, "Tidak relevan.")


# --- permissions -----------------------------------------------------------------------------


def test_supervisors_not_routed_operators_and_viewers_may_not_resolve(office, approved):
    report = file(office.viewer, approved)
    for user in (office.spv_wisata, office.spv_3172, office.op, office.viewer):
        with pytest.raises(PermissionDenied):
            services.resolve(user, report, services.DISMISS, "Bukan kesalahan.")
    report.refresh_from_db()
    assert report.is_open


def test_a_supervisor_may_not_unpublish_what_they_do_not_review(office, approved):
    from phenomena import services as phenomena_services

    with pytest.raises(PermissionDenied):
        phenomena_services.unpublish(office.spv_wisata, approved, "Tidak kredibel.")
    with pytest.raises(PermissionDenied):
        phenomena_services.unpublish(office.op, approved, "Tidak kredibel.")
    assert Phenomenon.objects.get(pk=approved.pk).live
    phenomena_services.unpublish(office.spv_inflasi, approved, "Tidak kredibel.")
    assert not Phenomenon.objects.get(pk=approved.pk).live


def test_each_resolver_lists_only_the_reports_routed_to_them(client, office, approved):
    report = file(office.viewer, approved)
    client.force_login(office.spv_inflasi)
    html = client.get(reverse("reports_admin:index")).content.decode()
    assert "Harga cabai naik" in html
    assert "Laporan kesalahan (1)" in client.get(reverse("wagtailadmin_home")).content.decode()
    client.force_login(office.spv_wisata)
    assert "Harga cabai naik" not in client.get(reverse("reports_admin:index")).content.decode()
    assert client.get(reverse("reports_admin:detail", args=[report.pk])).status_code == 404
    client.force_login(office.op)
    refused = client.get(reverse("reports_admin:index"))  # Wagtail: back to the admin home
    assert refused.status_code == 302 and refused.url == reverse("wagtailadmin_home")


# --- the views -------------------------------------------------------------------------------


def test_reporting_from_the_public_page_and_resolving_in_the_admin(client, office, approved):
    client.force_login(office.viewer)
    page = client.get(reverse("search:detail", args=[approved.pk])).content.decode()
    form_url = reverse("reports:new", args=[approved.pk])
    assert form_url in page and "Laporkan kesalahan" in page
    response = client.post(
        form_url, {"kind": "tautan", "description": "Tautan beritanya 404."}, follow=True
    )
    assert "Terima kasih" in response.content.decode()
    report = ErrorReport.objects.get()
    assert report.reporter == office.viewer and report.kind == "tautan"

    client.force_login(office.spv_inflasi)
    detail = reverse("reports_admin:detail", args=[report.pk])
    assert "Tautan beritanya 404." in client.get(detail).content.decode()
    response = client.post(detail, {"action": "dismiss", "note": ""})
    assert response.status_code == 200  # the reason is missing
    report.refresh_from_db()
    assert report.is_open
    response = client.post(detail, {"action": "fix", "note": "Tautan diganti."})
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.status == "fixed"


def test_the_admin_inspect_page_links_to_the_form(client, office, approved):
    client.force_login(office.spv_inflasi)
    url = reverse("wagtailsnippets_phenomena_phenomenon:inspect", args=[approved.pk])
    assert reverse("reports:new", args=[approved.pk]) in client.get(url).content.decode()


def test_the_form_is_for_signed_in_users_and_approved_phenomena(client, office, approved):
    form_url = reverse("reports:new", args=[approved.pk])
    assert "/login/" in client.get(form_url).url
    client.post(form_url, {"kind": "angka", "description": "x"})
    assert not ErrorReport.objects.exists()
    client.force_login(office.viewer)
    draft = PhenomenonFactory(author=office.op)
    assert client.get(reverse("reports:new", args=[draft.pk])).status_code == 404
