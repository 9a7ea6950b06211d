"""The dossier screens, exports and share links, as each role uses them."""

import io

import pytest
from django.urls import reverse
from docx import Document
from pypdf import PdfReader

from dossiers.models import Dossier, ShareLink


@pytest.fixture
def spv(make_user):
    return make_user("spv", "Supervisor", "fungsi-sosial-1")


def editor_url(release):
    return reverse("dossiers:release", args=[release.pk])


def post_data(release, picks, **extra):
    """The editor form: picks are (phenomenon, position, direction, note)."""
    data = {
        "title": "Fenomena inflasi",
        "period_start": release.date.replace(day=1)
        .replace(
            month=release.date.month - 1 or 12,
            year=release.date.year - (release.date.month == 1),
        )
        .strftime("%Y-%m"),
        "action": "save",
        "paragraph": "",
        "pick": [p.pk for p, *_rest in picks],
    }
    data["period_end"] = data["period_start"]
    for phenomenon, position, direction, note in picks:
        data[f"pos_{phenomenon.pk}"] = position
        data[f"dir_{phenomenon.pk}"] = direction
        data[f"note_{phenomenon.pk}"] = note
    data.update(extra)
    return data


def compose(client, scene, spv, **extra):
    client.force_login(spv)
    picks = [
        (scene.beras, 2, "", "Operasi pasar Bulog menahan harga"),
        (scene.cabai, 1, "naik", ""),
    ]
    response = client.post(editor_url(scene.release), post_data(scene.release, picks, **extra))
    assert response.status_code == 302, response.content.decode()[:2000]
    return Dossier.objects.get(release=scene.release)


def test_supervisor_sees_the_proposal_and_composes_the_dossier(client, scene, spv):
    client.force_login(spv)
    page = client.get(editor_url(scene.release)).content.decode()
    assert scene.cabai.title in page and scene.fgd_timur.title in page
    assert scene.draft.title not in page and scene.other_theme.title not in page
    assert 'name="pick"' in page

    dossier = compose(client, scene, spv, paragraph="Inflasi didorong cabai [1].")
    items = list(dossier.items.order_by("position"))
    assert [i.phenomenon_id for i in items] == [scene.cabai.pk, scene.beras.pk]
    assert items[1].note == "Operasi pasar Bulog menahan harga"
    assert dossier.paragraph == "Inflasi didorong cabai [1]."
    assert dossier.paragraph_source == "manual"
    page = client.get(editor_url(scene.release)).content.decode()
    assert "Berkas rilis disimpan." in page


def test_generate_writes_a_paragraph_citing_the_picks(client, scene, spv):
    dossier = compose(client, scene, spv, action="generate")
    dossier.refresh_from_db()
    assert f"{scene.cabai.title} [1]" in dossier.paragraph
    assert "Operasi pasar Bulog menahan harga [2]" in dossier.paragraph  # the note is used
    assert dossier.paragraph_source == "template"


def test_bad_input_is_refused_in_indonesian_and_keeps_what_was_typed(client, scene, spv):
    client.force_login(spv)
    data = post_data(
        scene.release,
        [(scene.cabai, 1, "naik", "catatan saya")],
        paragraph="Paragraf yang saya ketik [1].",
        period_start="2026-10",
        period_end="2026-02",
    )
    response = client.post(editor_url(scene.release), data)
    page = response.content.decode()
    assert response.status_code == 400
    assert "Bulan awal periode tidak boleh setelah bulan akhirnya." in page
    assert "Paragraf yang saya ketik [1]." in page
    assert "catatan saya" in page
    assert not Dossier.objects.exists()


def test_operators_read_but_cannot_compose(client, scene, spv):
    compose(client, scene, spv, paragraph="Paragraf [1].")
    client.force_login(scene.op)
    page = client.get(editor_url(scene.release)).content.decode()
    assert "Paragraf [1]." in page and 'name="pick"' not in page
    response = client.post(
        editor_url(scene.release), post_data(scene.release, [], paragraph="diubah")
    )
    assert response.status_code == 403
    assert Dossier.objects.get().paragraph == "Paragraf [1]."
    dossier = Dossier.objects.get()
    assert client.post(reverse("dossiers:share", args=[scene.release.pk])).status_code == 403
    assert not ShareLink.objects.filter(dossier=dossier).exists()
    assert client.get(reverse("dossiers:export", args=[scene.release.pk, "pdf"])).status_code == 200


def test_viewers_and_anonymous_cannot_open_dossiers(client, scene, viewer):
    client.force_login(viewer)
    assert client.get(reverse("dossiers:index")).status_code == 403
    assert client.get(editor_url(scene.release)).status_code == 403
    client.logout()
    response = client.get(reverse("dossiers:index"))
    assert response.status_code == 302 and "/login/" in response.url


def test_docx_contains_the_dossier_and_the_cited_phenomena(client, scene, spv):
    compose(client, scene, spv, paragraph="Cabai mendorong inflasi [1].")
    response = client.get(reverse("dossiers:export", args=[scene.release.pk, "docx"]))
    assert response.status_code == 200
    assert response["Content-Disposition"].endswith('.docx"')
    document = Document(io.BytesIO(response.content))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Fenomena inflasi" in text
    assert "Perkembangan IHK (Inflasi)" in text
    assert "Cabai mendorong inflasi [1]." in text
    assert f"[1] {scene.cabai.title}" in text and f"[2] {scene.beras.title}" in text
    assert "Kompas.com" in text and "CNN Indonesia" in text
    assert scene.fgd_timur.title not in text  # not picked
    links = [r.target_ref for r in document.part.rels.values() if "hyperlink" in r.reltype]
    assert "https://kompas.test/cabai" in links and "https://cnn.test/beras" in links


def test_pdf_contains_the_dossier_and_the_cited_phenomena(client, scene, spv):
    compose(client, scene, spv, paragraph="Cabai mendorong inflasi [1] — beras menahan [2].")
    response = client.get(reverse("dossiers:export", args=[scene.release.pk, "pdf"]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    assert "Perkembangan IHK (Inflasi)" in text
    assert "beras menahan [2]" in text
    assert f"[1] {scene.cabai.title}" in text and f"[2] {scene.beras.title}" in text
    assert "Kompas.com" in text and "https://kompas.test/cabai" in text
    uris = [
        annot.get_object()["/A"]["/URI"]
        for page in reader.pages
        for annot in page.get("/Annots") or []
    ]
    assert "https://kompas.test/cabai" in uris


def test_unpublished_phenomena_are_no_longer_cited(client, scene, spv):
    from dossiers.service import cited

    dossier = compose(client, scene, spv)
    scene.cabai.unpublish()
    assert [c.title for c in cited(dossier)] == [scene.beras.title]


def test_share_link_is_read_only_for_any_signed_in_user_and_revocable(client, scene, spv, viewer):
    dossier = compose(client, scene, spv, paragraph="Paragraf untuk dibagikan [1].")
    client.post(reverse("dossiers:share", args=[scene.release.pk]))
    link = ShareLink.objects.get(dossier=dossier)
    assert len(link.token) >= 40
    url = reverse("dossiers:shared", args=[link.token])

    client.force_login(viewer)
    page = client.get(url).content.decode()
    assert "Paragraf untuk dibagikan [1]." in page and scene.cabai.title in page
    assert 'name="pick"' not in page and "<textarea" not in page
    assert client.post(url, {"paragraph": "diubah"}).status_code == 405
    docx = client.get(reverse("dossiers:shared_export", args=[link.token, "docx"]))
    assert docx.status_code == 200
    assert client.get(reverse("dossiers:shared", args=["bukan-token"])).status_code == 404

    client.logout()
    response = client.get(url)
    assert response.status_code == 302 and "/login/" in response.url

    client.force_login(spv)
    client.post(reverse("dossiers:revoke", args=[scene.release.pk, link.pk]))
    client.force_login(viewer)
    assert client.get(url).status_code == 404
    assert (
        client.get(reverse("dossiers:shared_export", args=[link.token, "pdf"])).status_code == 404
    )
    dossier.refresh_from_db()
    assert dossier.paragraph == "Paragraf untuk dibagikan [1]."


def test_index_lists_the_months_releases(client, scene, spv):
    compose(client, scene, spv)
    client.force_login(scene.op)
    month = scene.release.date.strftime("%Y-%m")
    page = client.get(reverse("dossiers:index") + f"?bulan={month}").content.decode()
    assert "Perkembangan IHK (Inflasi)" in page
    assert "Berkas disusun: 2 fenomena" in page
