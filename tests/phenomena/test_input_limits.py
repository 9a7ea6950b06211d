"""Hostile and oversized input gets a clear Indonesian refusal that keeps what was typed
(issue 21 items 6, 9 and 14), and e-mail subjects never break on a title (item 9)."""

import pytest
from django.core import mail
from django.urls import reverse

from alerts.delivery import deliver, email_subject
from phenomena import limits
from phenomena.models import Indicator, Phenomenon, Role
from tests.factories import PhenomenonFactory
from tests.phenomena.test_admin_input import errors_of, post, source
from tests.workflows.wf_helpers import submit


def refused(client, user, data, field, text):
    """The add form refuses `data` with `text` on `field`, saves nothing, keeps the input."""
    response = post(client, user, data)
    assert response.status_code == 200
    form = response.context["form"]
    messages = " | ".join(str(e) for e in form.errors.get(field, []))
    assert text in messages, errors_of(response)
    assert not Phenomenon.objects.exists()
    assert form["title"].value() == data["title"]
    assert form["narrative"].value() == data["narrative"]
    return response


@pytest.mark.parametrize(
    "title, named",
    [
        ("Harga cabai\x1b naik", "U+001B"),
        ("Harga\x0b cabai\x07 naik", "U+000B, U+0007"),
        ("Harga cabai naik\nmenjelang akhir tahun", "baris baru"),
        ("Harga cabai naik\r\nmenjelang akhir tahun", "baris baru"),
        ("Harga cabai\tnaik", "tab"),
    ],
)
def test_control_characters_and_newlines_in_title_are_refused(
    client, province_operator, phenomenon_form_data, title, named
):
    data = phenomenon_form_data(title=title)
    response = refused(client, province_operator, data, "title", "karakter yang tidak diizinkan")
    assert named in errors_of(response)


def test_narrative_keeps_line_breaks_and_tabs_but_refuses_other_controls(
    client, province_operator, phenomenon_form_data
):
    data = phenomenon_form_data(narrative="Harga cabai naik.\x1b Pasokan turun.")
    refused(client, province_operator, data, "narrative", "U+001B")

    text = "Harga cabai naik 20 persen.\r\n\r\n\tPasokan dari Jawa Barat turun."
    response = post(client, province_operator, phenomenon_form_data(narrative=text))
    assert response.status_code == 302, errors_of(response)
    assert Phenomenon.objects.get().narrative == text


def test_control_characters_in_keywords_and_source_url_are_refused(
    client, province_operator, phenomenon_form_data
):
    data = phenomenon_form_data(keywords="cabai\x1b merah, inflasi")
    refused(client, province_operator, data, "keywords", "Kata kunci berisi karakter")

    url = "https://money.kompas.com/read/2026/10/01/cabai\x1bmerah"
    data = phenomenon_form_data(sources=[source("portal_berita", "Kompas.com", url)])
    response = post(client, province_operator, data)
    assert response.status_code == 200
    assert "Tautan bukti berisi karakter yang tidak diizinkan" in errors_of(response)
    assert not Phenomenon.objects.exists()


def test_narrative_over_the_limit_is_refused_without_a_duplicate_scan(
    client, province_operator, phenomenon_form_data, monkeypatch
):
    def no_scan(*args, **kwargs):
        raise AssertionError("an over-long narrative is not compared with other phenomena")

    monkeypatch.setattr("phenomena.services.check_candidate", no_scan)
    data = phenomenon_form_data(narrative="a" * 1_000_000)
    refused(client, province_operator, data, "narrative", "Narasi terlalu panjang: 1.000.000")


def test_narrative_at_the_limit_is_accepted(client, province_operator, phenomenon_form_data):
    words = ("Harga cabai merah naik di pasar. " * 1000)[: limits.NARRATIVE_MAX_CHARS]
    response = post(client, province_operator, phenomenon_form_data(narrative=words))
    assert response.status_code == 302, errors_of(response)


def test_keyword_count_and_length_are_limited(client, province_operator, phenomenon_form_data):
    many = ", ".join(f"kata{i}" for i in range(2000))
    data = phenomenon_form_data(keywords=many)
    refused(client, province_operator, data, "keywords", "Paling banyak 20 kata kunci")

    data = phenomenon_form_data(keywords="inflasi, " + "x" * (limits.KEYWORD_MAX_CHARS + 1))
    refused(client, province_operator, data, "keywords", "paling panjang 50 karakter")

    enough = ", ".join(f"kata{i}" for i in range(limits.KEYWORDS_MAX))
    response = post(client, province_operator, phenomenon_form_data(keywords=enough))
    assert response.status_code == 302, errors_of(response)
    assert Phenomenon.objects.get().keywords.count() == limits.KEYWORDS_MAX


@pytest.mark.parametrize("period", ["0001-01", "1999-12"])
def test_reference_period_before_2000_is_refused(
    client, province_operator, phenomenon_form_data, period
):
    data = phenomenon_form_data(reference_period=period)
    refused(client, province_operator, data, "reference_period", "paling awal Januari 2000")


def test_reference_period_from_2000_is_accepted(client, province_operator, phenomenon_form_data):
    response = post(client, province_operator, phenomenon_form_data(reference_period="2000-01"))
    assert response.status_code == 302, errors_of(response)


def test_source_rows_are_limited(client, province_operator, phenomenon_form_data):
    rows = [
        source("siaran_pers", None, f"https://jakarta.bps.go.id/pressrelease/{i}")
        for i in range(limits.SOURCES_MAX + 1)
    ]
    response = post(client, province_operator, phenomenon_form_data(sources=rows))
    assert response.status_code == 200
    formset = response.context["form"].formsets["sources"]
    assert "Paling banyak 20 sumber per fenomena." in formset.non_form_errors()
    assert "Paling banyak 20 sumber per fenomena." in response.content.decode()
    assert not Phenomenon.objects.exists()


def test_indicator_rows_are_limited(client, province_operator, phenomenon_form_data):
    ids = list(Indicator.objects.values_list("pk", flat=True))
    indicators = [
        {"indicator": ids[i % len(ids)], "direction": "naik"}
        for i in range(limits.INDICATORS_MAX + 1)
    ]
    response = post(client, province_operator, phenomenon_form_data(indicators=indicators))
    assert response.status_code == 200
    formset = response.context["form"].formsets["indicator_links"]
    assert "Paling banyak 10 indikator per fenomena." in formset.non_form_errors()


def test_help_texts_give_the_limits(client, province_operator):
    client.force_login(province_operator)
    html = client.get(reverse("wagtailsnippets_phenomena_phenomenon:add")).content.decode()
    assert "paling banyak 255 karakter" in html
    assert "Paling banyak 20.000 karakter" in html
    assert "Paling banyak 20 kata kunci, masing-masing paling panjang 50 karakter" in html
    assert "dari Januari 2000 sampai bulan ini" in html
    assert 'min="2000-01"' in html
    assert "Paling banyak 20 sumber per fenomena." in html
    assert "Paling banyak 10 indikator per fenomena." in html


def test_submitting_a_title_with_a_newline_is_refused_not_a_500(
    client, province_operator, phenomenon_form_data
):
    data = {**phenomenon_form_data(title="Harga cabai\nnaik"), "action-submit": "1"}
    response = post(client, province_operator, data)
    assert response.status_code == 200
    assert "baris baru" in errors_of(response)
    assert not Phenomenon.objects.exists()


@pytest.mark.parametrize(
    "verb",
    ["Fenomena baru: Harga\ncabai\r\nnaik", "Fenomena baru: Harga\x1b cabai\x0b\tnaik"],
)
def test_email_subjects_are_one_line(province_operator, verb):
    assert deliver(province_operator, "phenomenon_approved", verb, "Isi pesan.") == [
        "inapp",
        "email",
    ]
    (message,) = mail.outbox
    assert message.subject == "[SIMFONI] Fenomena baru: Harga cabai naik"


def test_email_subject_is_shortened():
    subject = email_subject("Judul " + "panjang " * 50)
    assert len(subject) == 180 and subject.endswith("…")


def test_old_title_with_a_newline_still_goes_to_review_with_its_emails(make_user):
    """A title stored before newlines were refused: submitting it notifies the supervisor
    (no BadHeaderError, no draft left without its workflow)."""

    operator = make_user("opsos2", Role.OPERATOR, "fungsi-sosial-2")
    make_user("adminx", Role.ADMIN, "fungsi-ipds")  # nobody allocated: admins review
    phenomenon = PhenomenonFactory(author=operator, theme="Gender")
    phenomenon.title = "Kesenjangan\nupah gender"
    phenomenon.save()
    phenomenon.save_revision(user=operator, clean=False)
    state = submit(phenomenon)
    assert state is not None and phenomenon.workflow_in_progress
    assert mail.outbox
    assert all("\n" not in m.subject for m in mail.outbox)
    assert "Kesenjangan upah gender" in mail.outbox[0].subject
