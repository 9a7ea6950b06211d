"""The reference data of the design document is loaded complete and editable."""

import datetime

from django.contrib.auth.models import Group

from phenomena.models import Indicator, Outlet, ReleaseDate, Scope, SourceType, Subject, WorkUnit


def test_nine_source_types(db):
    assert SourceType.objects.count() == 9
    portal = SourceType.objects.get(code="portal_berita")
    assert portal.needs_outlet and portal.needs_url and not portal.allowed_for_kabkota
    kabkota_types = set(
        SourceType.objects.filter(allowed_for_kabkota=True).values_list("code", flat=True)
    )
    assert kabkota_types == {"fgd", "stakeholder"}


def test_seven_scopes_and_six_kabkota_with_bps_codes(db):
    top = Scope.objects.filter(parent__isnull=True)
    assert top.count() == 7
    kabkota = Scope.objects.get(code="kabkota")
    assert kabkota.requires_area
    areas = dict(kabkota.children.values_list("code", "label"))
    assert areas == {
        "3101": "Kepulauan Seribu",
        "3171": "Jakarta Selatan",
        "3172": "Jakarta Timur",
        "3173": "Jakarta Pusat",
        "3174": "Jakarta Barat",
        "3175": "Jakarta Utara",
    }


def test_three_subjects_with_10_13_8_themes(db):
    counts = {s.code: s.themes.count() for s in Subject.objects.all()}
    assert counts == {"sosial": 10, "ekonomi": 13, "lingkungan": 8}


def test_four_roles(db):
    assert {"Admin", "Supervisor", "Operator", "Viewer"} <= set(
        Group.objects.values_list("name", flat=True)
    )


def test_outlets_owned_by_their_fungsi(db):
    assert Outlet.objects.count() == 16
    assert Outlet.objects.get(name="Detik.com").work_unit.name == "Fungsi Nerwilis 1"
    assert Outlet.objects.get(name="Koran Kompas (cetak)").source_type.code == "surat_kabar"
    for unit in WorkUnit.objects.filter(level="provinsi", code__startswith="fungsi-"):
        if unit.code != "fungsi-ipds":
            assert unit.outlets.count() == 2, unit


def test_kabkota_work_units_have_their_area(db):
    for unit in WorkUnit.objects.filter(level="kabkota"):
        assert unit.area is not None and unit.area.parent.code == "kabkota"


def test_arc_2024_release_days(db):
    ihk = Indicator.objects.get(name="Perkembangan IHK (Inflasi)")
    assert ihk.releases.filter(date__year=2024).count() == 12
    assert ihk.releases.filter(date="2024-06-03").exists()
    poverty = Indicator.objects.get(name="Profil Kemiskinan")
    assert list(poverty.releases.values_list("date", flat=True)) == [datetime.date(2024, 7, 1)]
    assert ReleaseDate.objects.filter(date__year=2024).count() == 46
    assert "Harga-harga (Inflasi)" in ihk.themes.values_list("name", flat=True)
