"""Place names are data: simfoni_text knows none, the site installs the areas and the reference
file, and an area an admin adds is a place for search analysis and the duplicate check."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.urls import reverse

from phenomena import places as site_places
from phenomena.models import Scope
from simfoni_text import places
from simfoni_text.analysis import analyse, analyse_query
from simfoni_text.facts import extract_facts

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def restore_reference_names():
    yield
    places.install(site_places.reference_names())


def test_simfoni_text_imports_without_django():
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    code = (
        "import sys\n"
        "import simfoni_text.analysis, simfoni_text.facts, simfoni_text.places, simfoni_text.urls\n"
        "from simfoni_text.analysis import analyse\n"
        "from simfoni_text.facts import extract_facts\n"
        "analyse('Harga cabai di Jakarta Selatan naik 2,5 persen')\n"
        "extract_facts('Inflasi Jakarta Selatan Oktober 2024')\n"
        "project = ('django', 'wagtail', 'phenomena', 'search', 'home', 'workflows', 'reminders')\n"
        "loaded = sorted({m.split('.')[0] for m in sys.modules} & set(project))\n"
        "print(','.join(loaded) or 'none')\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "none"


def test_simfoni_text_knows_no_place_until_names_are_installed():
    places.install([])
    assert analyse("Bekasi Kemayoran Selatan") == ["bekas", "mayor", "selatan"]
    assert extract_facts("Inflasi Jakarta Selatan Oktober 2024").places == ()

    places.install([("Kota Bekasi", "3275"), ("Kemayoran", "")])
    assert analyse("Bekasi Kemayoran Selatan") == ["bekasi", "kemayoran", "selatan"]
    assert extract_facts("Inflasi Kota Bekasi Oktober 2024").places == ("3275",)


def test_reference_file_gives_the_jakarta_names():
    places.install(site_places.reference_names())
    facts = extract_facts("Jaksel dan Jakarta Timur, juga Kepulauan Seribu dan DKI Jakarta")
    assert facts.places == ("3171", "3172", "3101", "31")
    assert analyse("Penjaringan Kembangan Kemayoran") == ["penjaringan", "kembangan", "kemayoran"]


def test_names_marked_not_kept_whole_are_stemmed_as_before():
    places.install(site_places.reference_names())
    # "Bali" (area 51) is recognised as a place but, as before, not protected from the stemmer.
    assert extract_facts("Wisatawan ke Bali").places == ("51",)
    assert analyse("Bali") == ["bal"]


@pytest.mark.django_db
def test_an_area_added_by_an_admin_is_a_place_after_save(client, admin_user):
    text = "Harga beras di Pemalang naik 3 persen"
    assert analyse("Pemalang") == ["malang"]
    assert extract_facts(text).places == ()

    # Another province's kabupaten, added in the admin (Data Referensi > Cakupan).
    client.force_login(admin_user)
    response = client.post(
        reverse("wagtailsnippets_phenomena_scope:add"),
        {
            "code": "3327",
            "label": "Pemalang",
            "parent": Scope.objects.get(code="kabkota").pk,
            "sort_order": "9",
        },
    )
    assert response.status_code == 302, response.content[:2000]
    area = Scope.objects.get(code="3327")
    assert analyse("Pemalang") == ["pemalang"]
    assert analyse_query("pemalang") == "pemalang"
    assert extract_facts(text).places == ("3327",)
    # The reference names and the Jakarta areas are still there.
    assert extract_facts("Jakarta Selatan").places == ("3171",)

    area.label = "Kabupaten Pemalang"
    area.save()
    assert extract_facts("Kabupaten Pemalang").places == ("3327",)

    area.delete()
    assert analyse("Pemalang") == ["malang"]
    assert extract_facts(text).places == ()


@pytest.mark.django_db
def test_areas_in_the_database_are_installed_with_the_reference_names():
    Scope.objects.create(code="3404", label="Sleman", parent=Scope.objects.get(code="kabkota"))
    site_places.install()
    names = {name.name: name.area for name in places.names()}
    assert names["sleman"] == "3404"
    assert names["jakarta selatan"] == "3171"
    assert names["jaksel"] == "3171"


def test_a_lookup_while_the_apps_load_leaves_the_areas_for_later():
    """A module that analyses words at import time must not make the site forget its areas."""
    calls = []

    def loader():
        calls.append(1)
        return None if len(calls) == 1 else [("Kota Contoh", "9999")]

    from simfoni_text import places

    saved = places.names()
    try:
        places.install([])
        places.install_lazily(loader)
        assert places.names() == ()  # not ready: nothing installed, asked again later
        assert [name.name for name in places.names()] == ["kota contoh"]
        assert len(calls) == 2
    finally:
        places.install(saved)
