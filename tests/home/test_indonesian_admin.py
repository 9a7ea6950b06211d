"""The Wagtail admin reads in Indonesian: locale_wagtail/ completes Wagtail's partial id_ID
catalogue (Django and JavaScript strings); choosing English still gives English."""

from django.urls import reverse

from phenomena.models import Role

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
