"""The Wagtail admin reads in Indonesian: locale_wagtail/ completes Wagtail's partial id_ID
catalogue (Django and JavaScript strings); choosing English still gives English."""

from types import SimpleNamespace

import pytest
from django.urls import reverse

from phenomena.models import Role
from tests.factories import PhenomenonFactory

SNIPPET = "wagtailsnippets_phenomena_phenomenon"


def choose_english(client):
    client.post(reverse("set_language"), {"language": "en", "next": "/"})


def page(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def assert_indonesian(html, pairs):
    for indonesian, english in pairs:
        assert indonesian in html, indonesian
        assert english not in html, english


def add_phenomenon(client, phenomenon_form_data):
    response = client.post(reverse(f"{SNIPPET}:add"), phenomenon_form_data())
    assert response.status_code == 302


def test_phenomena_listing_in_indonesian_for_an_operator(client, make_user, phenomenon_form_data):
    client.force_login(make_user("o", Role.OPERATOR, "fungsi-sosial-2"))
    add_phenomenon(client, phenomenon_form_data)
    html = page(client, reverse(f"{SNIPPET}:list"))
    assert_indonesian(
        html,
        [
            ("Langsung ke konten utama", "Skip to main content"),
            ("Urutkan menurut", "Sort by"),
            ("Tampilkan saringan", "Show filters"),
            ("Pilih semua", "Select all"),
            ("Penomoran halaman", "Pagination"),
        ],
    )


def test_phenomenon_add_form_in_indonesian(client, make_user):
    client.force_login(make_user("o", Role.OPERATOR, "fungsi-sosial-2"))
    html = page(client, reverse(f"{SNIPPET}:add"))
    assert_indonesian(
        html,
        [
            ("Simpan draf", "Save draft"),
            ("Ajukan ke Persetujuan Fenomena", "Submit to"),
            ("Tambah komentar", "Add comment"),
        ],
    )
    assert "Simpan konsep" not in html  # Wagtail's own word; SIMFONI says "draf"


def test_admin_home_and_account_in_indonesian_for_an_admin(client, make_user):
    client.force_login(make_user("adm", Role.ADMIN, "fungsi-ipds"))
    html = page(client, reverse("wagtailadmin_home"))
    assert_indonesian(
        html, [("Bantuan", ">Help<"), ("Tampilkan pintasan papan ketik", "Show keyboard shortcuts")]
    )
    html = page(client, reverse("wagtailadmin_account"))
    assert_indonesian(
        html, [("Preferensi tema", "Theme preferences"), ("Foto profil", "Profile picture")]
    )


def test_users_listing_in_indonesian_for_an_admin(client, make_user):
    client.force_login(make_user("adm", Role.ADMIN, "fungsi-ipds"))
    html = page(client, reverse("wagtailusers_users:index"))
    assert_indonesian(html, [("Nama pengguna", "Username"), ("Login terakhir", "Last login")])


def test_javascript_catalogue_includes_the_completion(client, make_user):
    """The sidebar's strings come from /admin/jsi18n/ (Django's JavaScriptCatalog for
    wagtail.admin), which also merges the djangojs catalogues in LOCALE_PATHS."""
    client.force_login(make_user("o", Role.OPERATOR, "fungsi-sosial-2"))
    js = page(client, reverse("wagtailadmin_javascript_catalog"))
    assert (
        '"Ciutkan semua"' in js and '"Bentangkan semua"' in js and '"Buka/tutup bilah sisi"' in js
    )
    choose_english(client)
    js = page(client, reverse("wagtailadmin_javascript_catalog"))
    assert "Ciutkan semua" not in js


def test_english_still_reads_in_english(client, make_user, phenomenon_form_data):
    client.force_login(make_user("o", Role.OPERATOR, "fungsi-sosial-2"))
    add_phenomenon(client, phenomenon_form_data)
    choose_english(client)
    html = page(client, reverse(f"{SNIPPET}:list"))
    assert "Skip to main content" in html and "Sort by" in html
    assert "Langsung ke konten utama" not in html and "Urutkan menurut" not in html
    html = page(client, reverse(f"{SNIPPET}:add"))
    assert "Save draft" in html and "Simpan draf" not in html


# --- One word per concept (docs/glossary.md): a crawl of the admin as every role --------------

# English left on Indonesian pages, and Indonesian words SIMFONI does not use (the glossary's
# word is on the right of each comment).
FORBIDDEN = [
    "There are validation errors",
    "Changes requested by",
    "Compare with previous version",
    "Restart alur kerja",  # Mulai ulang alur kerja
    "Restart workflow",
    ">Created<",
    "Latest revision",
    "Live revision",
    ">Role<",
    ">Password<",
    "Password<span",
    "Masuk ke Wagtail",
    "Sign in to",
    "- Wagtail</title>",
    "Potongan",  # Data (Wagtail's "Snippets")
    "Kata Kunci",  # Kata sandi: "kata kunci" means a phenomenon's keywords
    "kata kunci yang sama",
    "Konfirmasi kata kunci",
    "Ke galat pertama",  # Ke kesalahan pertama
    "0kali",
    "2kali",
    "Pemakai<",  # Pengguna
    "Pemakai -",
    ": Pemakai",
    "Melakukan Sign In",
    "Simpan konsep",  # Simpan draf
    "Konsep saat ini",
    "JavaScript is required",
    "Keyboard shortcuts are",
    "Site history",
    "Date / Time",
    "Is commenting action",
    "unsaved edits",
    "menunggu peninjauan",  # menunggu review
    "untuk ditinjau",  # untuk direview
    ">Run<",  # Putaran (web scraping)
    "Run #",
    ">Runs<",
    "Jalankan run",
]


def visible_text(html):
    """The page without <script> blocks (JSON data and JS source are not read by users)."""
    import re

    html = re.sub(r"(?s)<script\b.*?</script>", "", html)
    return re.sub(r"\s*<\s*", "<", re.sub(r"\s*>\s*", ">", html))


def forbidden_in(html):
    text = visible_text(html)
    return [phrase for phrase in FORBIDDEN if phrase in text]


@pytest.fixture
def office(make_user):
    from wagtail.models import Revision

    from phenomena.models import Theme
    from workflows.models import SupervisorAllocation

    op = make_user("opsos2", Role.OPERATOR, "fungsi-sosial-2")
    spv = make_user("spvinflasi", Role.SUPERVISOR, "fungsi-distribusi-1")
    viewer = make_user("viewerprov", Role.VIEWER, "fungsi-ipds")
    admin = make_user("admin1", Role.ADMIN, "fungsi-ipds")
    theme = Theme.objects.get(name="Harga-harga (Inflasi)")
    SupervisorAllocation.objects.create(supervisor=spv, theme=theme)
    narrative = "Harga cabai merah naik 20 persen menjelang akhir tahun."

    rejected = PhenomenonFactory(
        author=op,
        title="Harga cabai naik (ditolak)",
        narrative=narrative,
        rejected=True,
        decided_by=spv,
        reason="Sumber kurang lengkap",
    )
    rejected.title = "Harga cabai merah naik (diperbaiki)"
    rejected.save_revision(user=op, log_action=True)
    in_review = PhenomenonFactory(
        author=op, title="Harga bawang naik (menunggu review)", narrative=narrative, in_review=True
    )
    assert Revision.objects.for_instance(rejected).count() == 2
    return SimpleNamespace(
        op=op, spv=spv, viewer=viewer, admin=admin, rejected=rejected, in_review=in_review
    )


def admin_pages(office):
    """(label, url, POST data or None, headers) of the pages a crawl opens."""
    pages = [
        ("home", reverse("wagtailadmin_home"), None),
        ("list", reverse(f"{SNIPPET}:list"), None),
        ("add form", reverse(f"{SNIPPET}:add"), None),
        ("add with errors", reverse(f"{SNIPPET}:add"), {"title": ""}),
        ("account", reverse("wagtailadmin_account"), None),
        ("snippets", reverse("wagtailsnippets:index"), None),
        ("users", reverse("wagtailusers_users:index"), None),
        ("user add", reverse("wagtailusers_users:add"), None),
        ("user edit", reverse("wagtailusers_users:edit", args=[office.op.pk]), None),
        ("site history", reverse("wagtailadmin_reports:site_history"), None),
        ("scrape runs", reverse("scrape_runs"), None),
        ("scrape results", reverse("scrape_results"), None),
        ("scrape delegations", reverse("scrape_delegations"), None),
        ("scrape sources", reverse("scrape_sources:index"), None),
        ("scrape rules", reverse("scrape_rules:index"), None),
    ]
    for name, p in [("rejected", office.rejected), ("in review", office.in_review)]:
        pages += [
            (f"edit {name}", reverse(f"{SNIPPET}:edit", args=[p.pk]), None),
            (f"inspect {name}", reverse(f"{SNIPPET}:inspect", args=[p.pk]), None),
            (f"history {name}", reverse(f"{SNIPPET}:history", args=[p.pk]), None),
            (f"workflow history {name}", reverse(f"{SNIPPET}:workflow_history", args=[p.pk]), None),
        ]
    return pages


@pytest.mark.parametrize("role", ["op", "spv", "viewer", "admin"])
def test_admin_pages_use_the_glossary_words(client, office, role):
    client.force_login(getattr(office, role))
    opened, found = [], {}
    for label, url, data in admin_pages(office):
        response = client.post(url, data) if data is not None else client.get(url)
        if response.status_code != 200:
            continue  # refused to this role: nothing shown
        opened.append(label)
        if bad := forbidden_in(response.content.decode()):
            found[label] = bad
    assert {"home", "list", "account"} <= set(opened)
    assert found == {}


def test_operator_edit_pages_after_a_rejection_say_it_in_indonesian(client, office):
    client.force_login(office.op)
    html = page(client, reverse(f"{SNIPPET}:edit", args=[office.rejected.pk]))
    assert "Perubahan diminta oleh Spvinflasi Uji" in html
    assert "Bandingkan dengan versi sebelumnya" in html
    # one clear "Ajukan ulang": Wagtail's restart and resubmit actions are not offered
    assert "Ajukan ulang" in html and "Restart" not in html
    # an invalid form: "Ke kesalahan pertama", and the autosave's JSON message in Indonesian
    url = reverse(f"{SNIPPET}:edit", args=[office.rejected.pk])
    html = client.post(url, {"title": ""}).content.decode()
    assert "Ke kesalahan pertama" in html and forbidden_in(html) == []
    response = client.post(url, {"title": ""}, headers={"Accept": "application/json"})
    assert "Ada isian yang belum benar" in response.content.decode()
    assert "There are validation errors" not in response.content.decode()


def test_admin_user_form_says_kata_sandi_and_peran(client, office):
    client.force_login(office.admin)
    html = page(client, reverse("wagtailusers_users:edit", args=[office.op.pk]))
    assert "Kata sandi" in html and "Konfirmasi kata sandi" in html and "Kata Kunci" not in html
    # one page, no tabs: the role field is labelled Peran, never "Role"
    assert ">Peran<" in visible_text(html) and ">Role<" not in visible_text(html)
    assert "Digunakan 2 kali" in html
    html = page(client, reverse("wagtailusers_users:add"))
    assert "Tambah pengguna: Pengguna" in html and "Pemakai" not in html
    html = page(client, reverse("wagtailadmin_home"))
    assert "Potongan" not in html


def test_login_page_says_simfoni_in_indonesian(client, db):
    html = page(client, reverse("wagtailadmin_login"))
    assert "Masuk ke SIMFONI" in html and "Wagtail" not in visible_text(html)
    assert "Kata sandi" in html and forbidden_in(html) == []
    assert "<title>Masuk - SIMFONI</title>" in html


@pytest.mark.parametrize("url_name", ["wagtailadmin_home", "wagtailusers_users:index"])
def test_admin_sidebar_shows_the_simfoni_wordmark_not_wagtails_bird(client, make_user, url_name):
    """The sidebar draws the contents of <template data-wagtail-sidebar-branding-logo> in place
    of its built-in bird when the template is not empty."""
    import re

    client.force_login(make_user("adm", Role.ADMIN, "fungsi-ipds"))
    html = page(client, reverse(url_name))
    logo = re.search(r"<template data-wagtail-sidebar-branding-logo>(.*?)</template>", html, re.S)
    assert logo, "no sidebar branding template"
    assert "simfoni-wordmark" in logo.group(1) and "SIMFONI" in logo.group(1)


def test_users_list_says_ya_and_tindakan_to_screen_readers(client, make_user):
    """The "Aktif" column's icon said "True" and the header buttons' landmark "Actions"."""
    import re

    client.force_login(make_user("adm", Role.ADMIN, "fungsi-ipds"))
    html = page(client, reverse("wagtailusers_users:index"))
    spoken = re.findall(r'<span class="w-sr-only">\s*([^<]*?)\s*</span>', html)
    assert "Ya" in spoken and "True" not in spoken
    assert 'aria-label="Tindakan" id="w-slim-header-buttons"' in html


@pytest.mark.parametrize("role", [Role.OPERATOR, Role.ADMIN])
def test_help_menu_and_home_do_not_send_users_to_wagtails_english_guides(client, make_user, role):
    client.force_login(make_user("u", role, "fungsi-ipds"))
    html = page(client, reverse("wagtailadmin_home"))
    assert "guide.wagtail.org" not in html and "wagtail.org/releases" not in html
    assert "Yang baru di Wagtail" not in html and "Panduan editor Wagtail" not in html
    assert "Pintasan" in html  # the rest of Bantuan stays


def test_phrases_the_crawl_forbids_are_found_on_an_english_page(client, office):
    """The crawl can fail: the same pages in English show phrases it looks for."""
    client.force_login(office.op)
    choose_english(client)
    html = page(client, reverse(f"{SNIPPET}:edit", args=[office.rejected.pk]))
    assert "Changes requested by" in forbidden_in(html)
    assert "Compare with previous version" in forbidden_in(html)
    client.force_login(office.admin)
    html = page(client, reverse("wagtailusers_users:edit", args=[office.op.pk]))
    assert ">Password<" in forbidden_in(html)


def test_an_empty_admin_list_says_so_in_indonesian(client, office):
    client.force_login(office.admin)
    html = page(client, "/admin/jadwal-tugas/")
    assert "Belum ada jadwal tugas untuk ditampilkan." in html
    assert "There are no" not in html and "Why not" not in html
