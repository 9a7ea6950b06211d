"""The English catalogue: pages chosen in English read in English; Indonesian stays the default."""

import ast
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse


def choose_english(client):
    client.post(reverse("set_language"), {"language": "en", "next": "/"})


@pytest.mark.django_db
def test_landing_page_hero_in_english(client):
    choose_english(client)
    html = client.get("/").content.decode()
    assert "Phenomena that explain the statistics" in html
    assert "Fenomena yang menjelaskan angka statistik" not in html


def test_dashboard_title_in_english(client, make_user):
    client.force_login(make_user("v", "Viewer", "fungsi-ipds"))
    choose_english(client)
    response = client.get("/dasbor/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Phenomena dashboard" in html
    assert "Dasbor fenomena" not in html


def test_phenomenon_add_form_labels_in_english(client, make_user):
    client.force_login(make_user("o", "Operator", "fungsi-sosial-2"))
    choose_english(client)
    html = client.get(reverse("wagtailsnippets_phenomena_phenomenon:add")).content.decode()
    labels = ("Title", "Narrative", "Reference period", "Coverage", "Keywords", "Evidence link")
    for label in labels:
        assert label in html, label
    assert "Periode referensi" not in html


def test_indonesian_remains_the_default(client, make_user):
    # Signed-in users are sent from the landing page to the dashboard, so look at it first.
    assert "Fenomena yang menjelaskan angka statistik" in client.get("/").content.decode()
    client.force_login(make_user("o", "Operator", "fungsi-sosial-2"))
    assert "Dasbor fenomena" in client.get("/dasbor/").content.decode()
    html = client.get(reverse("wagtailsnippets_phenomena_phenomenon:add")).content.decode()
    assert "Periode referensi" in html and "Tautan bukti" in html


def test_reference_lists_are_named_in_the_plural_in_english(client, make_user):
    client.force_login(make_user("adm", "Admin", "fungsi-ipds", is_superuser=True, is_staff=True))
    url = reverse("wagtailsnippets_phenomena_sourcetype:list")
    assert "Jenis sumber" in client.get(url).content.decode()
    choose_english(client)
    html = client.get(url).content.decode()
    assert "Source types" in html
    assert "Jenis sumber" not in html


def _po_entries(path):
    """(flags, msgid, msgstrs) for each live entry of a .po file (header and obsolete skipped)."""
    for block in path.read_text(encoding="utf-8").split("\n\n"):
        lines = block.strip().splitlines()
        if not lines or all(line.startswith("#~") or not line for line in lines):
            continue
        flags = {f.strip() for line in lines if line.startswith("#,") for f in line[2:].split(",")}
        fields, current = {}, None
        for line in lines:
            if line.startswith("#"):
                continue
            keyword = re.match(r"(msgctxt|msgid_plural|msgid|msgstr(\[\d+\])?) ", line)
            if keyword:
                current = keyword.group(1)
                line = line[keyword.end() :]
            fields[current] = fields.get(current, "") + ast.literal_eval(line)
        if fields.get("msgid"):
            yield flags, fields["msgid"], [v for k, v in fields.items() if k.startswith("msgstr")]


def test_english_catalogue_has_no_untranslated_or_fuzzy_entry():
    # A fuzzy entry is not used by gettext, so the English page would show the Indonesian msgid.
    path = Path(settings.BASE_DIR) / "locale/en/LC_MESSAGES/django.po"
    entries = list(_po_entries(path))
    assert len(entries) > 400  # the parser found the catalogue's entries
    untranslated = [msgid for _, msgid, msgstrs in entries if not all(msgstrs)]
    fuzzy = [msgid for flags, msgid, _ in entries if "fuzzy" in flags]
    assert untranslated == [], f"{len(untranslated)} untranslated in {path}: {untranslated}"
    assert fuzzy == [], f"{len(fuzzy)} fuzzy (unused until checked) in {path}: {fuzzy}"
