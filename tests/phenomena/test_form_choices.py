"""The phenomenon form offers each role only what the input rules allow (issue 22 item 7).

Checked in the rendered add and edit pages: the first source row, the empty row Wagtail copies
for "add source", and the classification. The rules keep refusing on the server
(tests/phenomena/test_admin_input.py).
"""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from phenomena.models import Outlet, Phenomenon, Role, Scope, SourceType, Subject, Theme, WorkUnit
from tests.factories import PhenomenonFactory
from tests.workflows.wf_helpers import edit_form_data

SNIPPET = "wagtailsnippets_phenomena_phenomenon"
ALL_TYPES = 9
ALL_OUTLETS = 16


def page(client, user, url):
    client.force_login(user)
    response = client.get(url)
    assert response.status_code == 200
    return BeautifulSoup(response.content.decode(), "html.parser")


def add_page(client, user):
    return page(client, user, reverse(f"{SNIPPET}:add"))


def label(option):
    # .string, not get_text(): BeautifulSoup leaves text inside <template> (the empty row
    # Wagtail copies for "add source") out of get_text().
    return str(option.string or "").strip()


def offered(soup, name):
    """Labels of the non-empty options of the select called `name`."""
    select = soup.find("select", attrs={"name": name})
    assert select is not None, name
    return {label(o) for o in select.find_all("option") if o.get("value")}


def selected(soup, name):
    select = soup.find("select", attrs={"name": name})
    option = select.find("option", selected=True)
    return label(option) if option else None


@pytest.mark.parametrize("row", ["sources-0", "sources-__prefix__"])
def test_kabkota_operator_is_offered_only_fgd_stakeholder_and_own_kabkota(
    client, kabkota_operator, row
):
    soup = add_page(client, kabkota_operator)
    assert offered(soup, f"{row}-source_type") == {
        "Focus Group Discussion",
        "Informasi Langsung dari Stakeholder",
    }
    assert offered(soup, f"{row}-outlet") == set()
    assert offered(soup, "scope") == {"Kabupaten/Kota"}
    assert offered(soup, "area") == {"Jakarta Timur"}


@pytest.mark.parametrize("row", ["sources-0", "sources-__prefix__"])
def test_province_operator_is_offered_own_outlets_and_types_it_can_use(
    client, province_operator, row
):
    soup = add_page(client, province_operator)
    # Fungsi Sosial 2 owns two news portals and no newspaper.
    assert offered(soup, f"{row}-outlet") == {"Kompas.com", "CNN Indonesia"}
    types = offered(soup, f"{row}-source_type")
    assert "Portal Berita Online" in types
    assert "Surat Kabar" not in types
    assert types == set(
        SourceType.objects.exclude(code="surat_kabar").values_list("label", flat=True)
    )
    assert len(offered(soup, "scope")) == Scope.objects.filter(parent__isnull=True).count()
    assert len(offered(soup, "area")) == 6


def test_admin_is_offered_everything(client, admin_user):
    soup = add_page(client, admin_user)
    assert len(offered(soup, "sources-0-source_type")) == ALL_TYPES
    assert len(offered(soup, "sources-0-outlet")) == ALL_OUTLETS
    assert len(offered(soup, "area")) == 6


def test_themes_carry_their_subject_and_the_filter_script_is_loaded(client, province_operator):
    soup = add_page(client, province_operator)
    theme = soup.find("select", attrs={"name": "theme"})
    assert theme["data-subject-field"] == "subject"
    options = [o for o in theme.find_all("option") if o.get("value")]
    assert len(options) == Theme.objects.count()
    for option in options:
        assert option["data-subject"] == str(Theme.objects.get(pk=option["value"]).subject_id)
    # Without JavaScript the themes stay grouped by subject.
    assert [g["label"] for g in theme.find_all("optgroup")] == list(
        Subject.objects.values_list("label", flat=True)
    )
    assert soup.find("script", src=lambda src: src and "phenomena/js/theme-filter.js" in src)


def test_a_stored_choice_no_longer_allowed_stays_shown_and_is_explained_on_save(
    client, province_operator
):
    """An outlet reallocated to another unit after entry: the edit page still shows it (nothing
    silently blanked), and saving explains the rule instead of "not a valid choice"."""
    phenomenon = PhenomenonFactory(author=province_operator)
    source = phenomenon.sources.get()
    kompas = Outlet.objects.get(name="Kompas.com")
    source.source_type, source.outlet = kompas.source_type, kompas
    source.url = "https://money.kompas.com/read/2026/10/01/x"
    source.save()
    phenomenon.save_revision(user=province_operator)
    kompas.work_unit = WorkUnit.objects.get(code="fungsi-sosial-1")
    kompas.save()

    url = reverse(f"{SNIPPET}:edit", args=[phenomenon.pk])
    soup = page(client, province_operator, url)
    assert selected(soup, "sources-0-outlet") == "Kompas.com"
    assert offered(soup, "sources-__prefix__-outlet") == {"CNN Indonesia"}

    response = client.post(url, edit_form_data(phenomenon))
    assert response.status_code == 200
    assert "dialokasikan ke Fungsi Sosial 1" in response.content.decode()


def test_offered_choices_are_what_the_rules_accept(client, make_user, phenomenon_form_data):
    """Every outlet offered to a province operator is accepted on save."""
    operator = make_user("opnerwilis1", Role.OPERATOR, "fungsi-nerwilis-1")
    soup = add_page(client, operator)
    names = offered(soup, "sources-0-outlet")
    assert names == {"Detik.com", "CNBC Indonesia"}
    portal = SourceType.objects.get(code="portal_berita")
    for i, name in enumerate(sorted(names)):
        data = phenomenon_form_data(
            title=f"Harga cabai naik {i}",
            narrative=f"Uraian berbeda nomor {i} tentang harga cabai rawit di pasar.",
            sources=[
                {
                    "source_type": portal.pk,
                    "outlet": Outlet.objects.get(name=name).pk,
                    "url": f"https://{i}.example.com/berita/{i}",
                    "source_date": "2024-05-10",
                }
            ],
            reference_period="2024-05",
            not_duplicate="on",
            not_duplicate_reason="Berbeda",
        )
        response = client.post(reverse(f"{SNIPPET}:add"), data)
        assert response.status_code == 302, response.content.decode()[:3000]
    assert Phenomenon.objects.count() == 2


def test_a_refused_submitted_choice_stays_selected_with_the_rules_message(
    client, kabkota_operator, phenomenon_form_data
):
    """A choice that was not offered (an old tab, a crafted POST) is refused by the rules
    with their message, and the form shown again still shows what was sent."""
    area = Scope.objects.get(code="3172")
    kompas = Outlet.objects.get(name="Kompas.com")
    data = phenomenon_form_data(
        scope=area.parent_id,
        area=area.pk,
        sources=[
            {
                "source_type": kompas.source_type_id,
                "outlet": kompas.pk,
                "url": "https://kompas.com/read/1",
                "source_date": "2024-05-10",
            }
        ],
    )
    client.force_login(kabkota_operator)
    response = client.post(reverse(f"{SNIPPET}:add"), data)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    assert selected(soup, "sources-0-source_type") == "Portal Berita Online"
    assert selected(soup, "sources-0-outlet") == "Kompas.com"
    assert "hanya boleh menginput hasil FGD" in response.content.decode()
    assert not Phenomenon.objects.exists()
