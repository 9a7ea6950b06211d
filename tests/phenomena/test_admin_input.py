"""Operators input phenomena through the real admin views; the input rules hold on the server."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse

from phenomena.models import Outlet, Phenomenon, Scope, SourceType
from phenomena.rules import today

ADD_URL = "wagtailsnippets_phenomena_phenomenon:add"


def source(code, outlet=None, url="", day=None):
    return {
        "source_type": SourceType.objects.get(code=code).pk,
        "outlet": Outlet.objects.get(name=outlet).pk if outlet else "",
        "url": url,
        "source_date": (day or today() - datetime.timedelta(days=3)).isoformat(),
    }


def post(client, user, data):
    client.force_login(user)
    return client.post(reverse(ADD_URL), data)


def errors_of(response):
    """All error messages of the admin form and its source forms, as one text."""
    form = response.context["form"]
    messages = [str(e) for errors in form.errors.values() for e in errors]
    for formset in form.formsets.values():
        for sub in formset.forms:
            messages += [str(e) for errors in sub.errors.values() for e in errors]
    return " | ".join(messages)


def test_province_operator_creates_phenomenon_for_own_outlet(
    client, province_operator, phenomenon_form_data
):
    response = post(client, province_operator, phenomenon_form_data())
    assert response.status_code == 302
    phenomenon = Phenomenon.objects.get()
    assert phenomenon.author == province_operator
    assert phenomenon.work_unit.name == "Fungsi Sosial 2"
    assert not phenomenon.live  # an operator's entry waits for approval
    assert phenomenon.primary_source.outlet.name == "Kompas.com"
    assert sorted(t.name for t in phenomenon.keywords.all()) == ["cabai merah", "inflasi"]
    assert phenomenon.reference_period.day == 1
    assert phenomenon.latest_revision is not None  # sources are part of the revision


def test_province_operator_refused_outlet_of_another_work_unit(
    client, province_operator, phenomenon_form_data
):
    data = phenomenon_form_data(
        sources=[source("portal_berita", "Detik.com", "https://finance.detik.com/d-7000001/x")]
    )
    response = post(client, province_operator, data)
    assert response.status_code == 200
    assert "dialokasikan ke Fungsi Nerwilis 1" in errors_of(response)
    assert not Phenomenon.objects.exists()
    # nothing the operator typed is lost
    assert response.context["form"]["title"].value() == data["title"]
    assert response.context["form"]["narrative"].value() == data["narrative"]
    assert "finance.detik.com" in response.content.decode()


def test_kabkota_operator_refused_news_portal(client, kabkota_operator, phenomenon_form_data):
    area = Scope.objects.get(code="3172")
    data = phenomenon_form_data(
        scope=area.parent_id,
        area=area.pk,
        sources=[source("portal_berita", "Kompas.com", "https://kompas.com/read/1")],
    )
    response = post(client, kabkota_operator, data)
    assert response.status_code == 200
    assert "hanya boleh menginput hasil FGD" in errors_of(response)
    assert not Phenomenon.objects.exists()


@pytest.mark.parametrize("code", ["fgd", "stakeholder"])
def test_kabkota_operator_enters_fgd_and_stakeholder(
    client, kabkota_operator, phenomenon_form_data, code
):
    area = Scope.objects.get(code="3172")
    data = phenomenon_form_data(scope=area.parent_id, area=area.pk, sources=[source(code)])
    response = post(client, kabkota_operator, data)
    assert response.status_code == 302, errors_of(response)
    assert Phenomenon.objects.get().area == area


def test_kabkota_operator_only_for_own_kabkota(client, kabkota_operator, phenomenon_form_data):
    other = Scope.objects.get(code="3171")
    data = phenomenon_form_data(scope=other.parent_id, area=other.pk, sources=[source("fgd")])
    response = post(client, kabkota_operator, data)
    assert response.status_code == 200
    assert "hanya menginput fenomena dengan cakupan Jakarta Timur" in errors_of(response)


def test_future_dates_refused(client, province_operator, phenomenon_form_data):
    future = today() + datetime.timedelta(days=40)
    data = phenomenon_form_data(
        reference_period=future.strftime("%Y-%m"),
        sources=[source("portal_berita", "Kompas.com", "https://kompas.com/read/2", day=future)],
    )
    response = post(client, province_operator, data)
    text = errors_of(response)
    assert "Tanggal sumber tidak boleh di masa depan" in text
    assert "Periode referensi tidak boleh di masa depan" in text


def test_online_source_needs_url_and_portal_needs_outlet(
    client, province_operator, phenomenon_form_data
):
    data = phenomenon_form_data(sources=[source("portal_berita", None, "")])
    text = errors_of(post(client, province_operator, data))
    assert "wajib menyebut medianya" in text
    assert "wajib menyertakan tautan bukti" in text


def test_theme_must_belong_to_subject(client, province_operator, phenomenon_form_data):
    from phenomena.models import Subject, Theme

    data = phenomenon_form_data(
        subject=Subject.objects.get(code="sosial").pk,
        theme=Theme.objects.get(name="Pariwisata").pk,
    )
    assert "tidak termasuk subjek" in errors_of(post(client, province_operator, data))


def test_kabkota_scope_needs_an_area(client, province_operator, phenomenon_form_data):
    data = phenomenon_form_data(scope=Scope.objects.get(code="kabkota").pk, area="")
    assert "Pilih kabupaten/kota" in errors_of(post(client, province_operator, data))


def test_several_sources_first_is_primary(client, province_operator, phenomenon_form_data):
    data = phenomenon_form_data(
        sources=[
            source("siaran_pers", None, "https://jakarta.bps.go.id/pressrelease/2026/11/01/1"),
            source("portal_berita", "CNN Indonesia", "https://www.cnnindonesia.com/ekonomi/1"),
        ],
        indicators=[{"indicator": _indicator("Perkembangan IHK (Inflasi)"), "direction": "naik"}],
    )
    response = post(client, province_operator, data)
    assert response.status_code == 302, errors_of(response)
    phenomenon = Phenomenon.objects.get()
    assert phenomenon.primary_source.source_type.code == "siaran_pers"
    assert phenomenon.sources.count() == 2
    link = phenomenon.indicator_links.get()
    assert (link.indicator.name, link.direction) == ("Perkembangan IHK (Inflasi)", "naik")


def _indicator(name):
    from phenomena.models import Indicator

    return Indicator.objects.get(name=name).pk


@pytest.mark.parametrize("role_fixture", ["viewer", "supervisor"])
def test_viewer_and_supervisor_cannot_create(client, request, role_fixture, phenomenon_form_data):
    user = request.getfixturevalue(role_fixture)
    client.force_login(user)
    assert client.get(reverse(ADD_URL)).status_code in (302, 403)
    response = client.post(reverse(ADD_URL), phenomenon_form_data())
    assert response.status_code in (302, 403)
    assert not Phenomenon.objects.exists()


def test_operator_cannot_edit_someone_elses_phenomenon(
    client, province_operator, make_user, phenomenon_form_data
):
    post(client, province_operator, phenomenon_form_data())
    phenomenon = Phenomenon.objects.get()
    colleague = make_user("opsos2b", "Operator", "fungsi-sosial-2")
    client.force_login(colleague)
    url = reverse("wagtailsnippets_phenomena_phenomenon:edit", args=[phenomenon.pk])
    response = client.post(url, phenomenon_form_data(title="Diubah orang lain"))
    assert response.status_code in (302, 403)
    phenomenon.refresh_from_db()
    assert phenomenon.title != "Diubah orang lain"


def test_viewer_sees_only_approved_phenomena(
    client, province_operator, viewer, phenomenon_form_data
):
    post(client, province_operator, phenomenon_form_data(title="Draf yang belum disetujui"))
    other = phenomenon_form_data(
        title="Sudah disetujui",
        narrative="Kunjungan wisman ke Jakarta turun 12 persen setelah libur panjang.",
        sources=[source("portal_berita", "Kompas.com", "https://travel.kompas.com/read/x")],
    )  # another story and article: the duplicate check lets it through
    post(client, province_operator, other)
    approved = Phenomenon.objects.get(title="Sudah disetujui")
    approved.save_revision().publish()
    client = Client()  # the viewer's own browser
    client.force_login(viewer)
    response = client.get(reverse("wagtailsnippets_phenomena_phenomenon:list"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Sudah disetujui" in html
    assert "Draf yang belum disetujui" not in html
    draft = Phenomenon.objects.get(title="Draf yang belum disetujui")
    inspect = reverse("wagtailsnippets_phenomena_phenomenon:inspect", args=[draft.pk])
    assert client.get(inspect).status_code in (302, 403, 404)


def test_viewer_cannot_open_history_of_approved_phenomenon(
    client, province_operator, viewer, phenomenon_form_data
):
    post(client, province_operator, phenomenon_form_data(title="Sudah disetujui"))
    phenomenon = Phenomenon.objects.get()
    phenomenon.save_revision().publish()
    url = reverse("wagtailsnippets_phenomena_phenomenon:history", args=[phenomenon.pk])
    assert client.get(url).status_code == 200  # the author sees it
    viewer_client = Client()
    viewer_client.force_login(viewer)
    assert viewer_client.get(url).status_code in (302, 403)  # Wagtail redirects on denial
