"""The user guide at /bantuan/: created by migration, served to everyone, linked everywhere."""

import re

from django.urls import reverse

from help.content import SECTIONS
from help.models import HelpPage
from phenomena.forms import HELP_ANCHORS


def test_the_guide_is_a_live_page_at_bantuan(db, client):
    page = HelpPage.objects.get()
    assert page.live and page.url == "/bantuan/"
    response = client.get("/bantuan/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Bantuan SIMFONI" in html
    for anchor, heading, _body in SECTIONS:
        assert f'id="{anchor}"' in html
        assert heading in html


def test_the_seeded_content_answers_the_questions(db, client):
    html = client.get("/bantuan/").content.decode()
    assert len(SECTIONS) >= 10
    for phrase in [
        "sumber utama",  # choosing a source
        "Kabupaten/Kota wajib disertai",  # scope
        "daftar tema menyesuaikan",  # subject and theme
        "Dewan Pers",  # credible sources
        "Ajukan",  # approval
        "Bukan duplikat",  # duplicates
        "Laporkan kesalahan",  # error reports
    ]:
        assert phrase in html


def test_every_form_help_link_opens_a_section(db):
    anchors = {anchor for anchor, _h, _b in SECTIONS}
    assert set(HELP_ANCHORS.values()) <= anchors


def test_the_form_fields_link_to_the_guide(client, province_operator):
    client.force_login(province_operator)
    html = client.get(reverse("wagtailsnippets_phenomena_phenomenon:add")).content.decode()
    for anchor in ["cakupan-wilayah", "subjek-tema", "memilih-sumber", "kata-kunci"]:
        assert f'href="/bantuan/#{anchor}"' in html
    # The limits stay in the help texts (the link is added after them).
    assert "paling banyak 255 karakter" in html


def test_public_pages_and_the_admin_menu_link_to_the_guide(client, viewer):
    assert re.search(r'<a href="/bantuan/">', client.get(reverse("arc_calendar")).content.decode())
    client.force_login(viewer)
    assert '<a href="/bantuan/">' in client.get(reverse("dashboard")).content.decode()
    admin = client.get(reverse("wagtailadmin_home")).content.decode()
    assert '"/bantuan/"' in admin or "/bantuan/" in admin


def test_admins_can_edit_the_guide(client, admin_user):
    client.force_login(admin_user)
    page = HelpPage.objects.get()
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200
    assert "memilih-sumber" in response.content.decode()


def _offline_section(page):
    return next(
        b.value["body"].source for b in page.sections if b.value["anchor"] == "isian-tertunda"
    )


def test_the_offline_section_tells_what_really_happens_and_keeps_an_admins_wording(db, client):
    from importlib import import_module

    from django.apps import apps

    migration = import_module("help.migrations.0004_offline_section_describes_isian_tertunda")
    html = client.get("/bantuan/").content.decode()
    assert "Isian tertunda</b>" in html and "Kirim ulang" in html and "Pulihkan" in html
    page = HelpPage.objects.get()
    # A guide still holding the first text gets the new one ...
    migration.backwards(apps, None)
    page.refresh_from_db()
    assert _offline_section(page) == migration.OLD
    migration.forwards(apps, None)
    page.refresh_from_db()
    assert "Kirim ulang" in _offline_section(page)
    # ... an admin's own wording is left alone.
    raw = list(page.sections.raw_data)
    for block in raw:
        if block["value"]["anchor"] == "isian-tertunda":
            block["value"]["body"] = "<p>Teks admin.</p>"
    page.sections = raw
    page.save()
    migration.forwards(apps, None)
    page.refresh_from_db()
    assert _offline_section(page) == "<p>Teks admin.</p>"


def test_the_admin_sidebar_has_one_bantuan_entry_the_guide(client, province_operator):
    client.force_login(province_operator)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert html.count('"label": "Bantuan"') == 1  # not also Wagtail's own "Bantuan" submenu
    assert '"name": "bantuan"' in html and '"url": "/bantuan/"' in html
    assert '"name": "help"' not in html
