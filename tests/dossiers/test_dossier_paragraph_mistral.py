"""The paragraph written by the summaries app's Mistral provider: the real `mistralai` client
against the stand-in chat-completions server of tests/summaries (StandIn) on 127.0.0.1."""

import re

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from dossiers import service
from dossiers.models import Dossier
from tests.summaries.summaries_helpers import StandIn


@pytest.fixture
def mistral(settings):
    """As tests/summaries' fixture: Mistral configured, served by the stand-in."""
    server = StandIn()
    settings.MISTRAL_API_KEY = "kunci-uji"
    settings.MISTRAL_SERVER_URL = server.url
    settings.MISTRAL_TIMEOUT_MS = 1500
    settings.DOSSIER_PARAGRAPH_PROVIDER = ""  # automatic: Mistral, since the key is set
    yield server
    server.stop()


@pytest.fixture
def dossier(scene, make_user):
    """Cabai cited as [1], beras as [2]; the Jakarta Timur FGD is proposed but not picked."""
    spv = make_user("spv", "Supervisor", "fungsi-sosial-1")
    dossier = service.start(scene.release, spv)
    service.save_picks(
        dossier,
        [
            service.Pick(scene.beras.pk, 2, "", "Operasi pasar Bulog"),
            service.Pick(scene.cabai.pk, 1, "", ""),
        ],
        spv,
    )
    return dossier


def prompt_of(request) -> str:
    return "\n".join(m["content"] for m in request["body"]["messages"])


def test_mistral_paragraph_cites_the_picks_with_the_dossiers_numbers(mistral, dossier, scene):
    mistral.answer(
        {
            "ringkasan": [
                {"teks": "Inflasi terdorong naik oleh harga cabai merah.", "sumber": [1]},
                {"teks": "Operasi pasar menahan harga beras [2].", "sumber": ["2"]},
            ]
        }
    )
    generated = service.generate_paragraph(dossier)
    assert generated.provider == "mistral" and generated.notice == ""
    assert generated.text == (
        "Inflasi terdorong naik oleh harga cabai merah [1]. Operasi pasar menahan harga beras [2]."
    )
    prompt = prompt_of(mistral.requests[0])
    assert re.findall(r'<fenomena id="(\d+)">', prompt) == ["1", "2"]  # the dossier's order
    assert prompt.index(scene.cabai.title) < prompt.index(scene.beras.title)
    assert "Operasi pasar Bulog" in prompt  # the statistician's note
    assert scene.fgd_timur.title not in prompt  # not picked, not sent
    assert "Perkembangan IHK (Inflasi)" in prompt and "<data>" in prompt


def test_an_invented_citation_is_dropped(mistral, dossier):
    mistral.answer(
        {
            "ringkasan": [
                {"teks": "Harga cabai dan telur naik [1][3].", "sumber": [1, 3]},
                {"teks": "Harga daging sapi melonjak.", "sumber": [7]},
                {"teks": "Beras tertahan operasi pasar.", "sumber": [2]},
            ]
        }
    )
    generated = service.generate_paragraph(dossier)
    assert generated.provider == "mistral"
    assert generated.text == "Harga cabai dan telur naik [1]. Beras tertahan operasi pasar [2]."
    assert "daging sapi" not in generated.text


def test_an_answer_without_a_valid_citation_falls_back_to_the_template(mistral, dossier, scene):
    mistral.answer({"ringkasan": [{"teks": "Harga daging sapi melonjak.", "sumber": [9]}]})
    generated = service.generate_paragraph(dossier)
    assert generated.provider == "template"
    assert f"{scene.cabai.title} [1]" in generated.text
    assert "Ringkasan AI (Mistral) tidak tersedia" in generated.notice


def test_a_500_falls_back_to_the_template_and_the_editor_says_so(mistral, dossier, scene, client):
    mistral.fail(500)
    client.force_login(dossier.created_by)
    data = {
        "title": dossier.title,
        "period_start": dossier.period_start.strftime("%Y-%m"),
        "period_end": dossier.period_end.strftime("%Y-%m"),
        "action": "generate",
        "paragraph": "",
        "pick": [scene.cabai.pk, scene.beras.pk],
        f"pos_{scene.cabai.pk}": 1,
        f"pos_{scene.beras.pk}": 2,
    }
    response = client.post(reverse("dossiers:release", args=[dossier.release.pk]), data)
    assert response.status_code == 302
    assert len(mistral.requests) == 1
    shown = [str(m) for m in get_messages(response.wsgi_request)]
    assert "Ringkasan AI (Mistral) tidak tersedia; paragraf dibuat dari templat." in shown
    dossier = Dossier.objects.get(pk=dossier.pk)
    assert dossier.paragraph_source == "template"
    assert f"{scene.cabai.title} [1]" in dossier.paragraph


def test_without_a_key_the_template_writes_the_paragraph(dossier, settings):
    settings.MISTRAL_API_KEY = ""
    settings.DOSSIER_PARAGRAPH_PROVIDER = ""
    generated = service.generate_paragraph(dossier)
    assert (generated.provider, generated.notice) == ("template", "")
