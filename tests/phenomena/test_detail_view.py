"""The admin's phenomenon detail page ("Rincian fenomena", Wagtail's inspect view; issue 22
item 2): readable, with sources, indicators, status, reviewer and a history summary, showing
each role the version it may see."""

import sys
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.urls import reverse
from django.utils import timezone

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "workflows"))

from wf_helpers import SNIPPET, submit, theme  # noqa: E402

from phenomena.models import (  # noqa: E402
    Indicator,
    Outlet,
    PhenomenonIndicator,
    Role,
    SourceType,
)
from tests.factories import PhenomenonFactory
from workflows.models import SupervisorAllocation  # noqa: E402


@pytest.fixture
def people(make_user):
    p = SimpleNamespace(
        admin=make_user("admin1", Role.ADMIN, "fungsi-ipds"),
        op=make_user("opsos2", Role.OPERATOR, "fungsi-sosial-2"),
        op_other=make_user("op3172", Role.OPERATOR, "bps-3172"),
        spv=make_user("spvinflasi", Role.SUPERVISOR, "fungsi-distribusi-1"),
        viewer=make_user("viewerprov", Role.VIEWER, "fungsi-ipds"),
    )
    p.spv.first_name, p.spv.last_name = "Sri", "Peninjau"
    p.spv.save()
    SupervisorAllocation.objects.create(supervisor=p.spv, theme=theme("Harga-harga (Inflasi)"))
    return p


def decide(phenomenon, reviewer, action, comment=""):
    state = phenomenon.current_workflow_task_state
    state.task.specific.on_action(state, reviewer, action, comment=comment)
    phenomenon.refresh_from_db()


def page(client, user, phenomenon):
    client.force_login(user)
    response = client.get(reverse(f"{SNIPPET}:inspect", args=[phenomenon.pk]))
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def approved(people):
    """An approved news phenomenon with an outlet, a link, an indicator and keywords."""
    phenomenon = PhenomenonFactory(author=people.op, title="Harga beras turun setelah panen")
    source = phenomenon.sources.get()
    source.source_type = SourceType.objects.get(code="portal_berita")
    source.outlet = Outlet.objects.get(name="Kompas.com")
    source.url = "https://money.kompas.com/read/2026/11/02/harga-beras-turun"
    source.save()
    PhenomenonIndicator.objects.create(
        phenomenon=phenomenon, indicator=Indicator.objects.order_by("pk").first(), direction="turun"
    )
    phenomenon.keywords.add("beras", "panen raya")
    phenomenon.save()
    phenomenon.save_revision(user=people.op)
    submit(phenomenon)
    decide(phenomenon, people.spv, "approve")
    return phenomenon


def test_detail_is_readable_with_sources_indicators_and_keywords(client, people, approved):
    html = page(client, people.viewer, approved)
    source = approved.sources.get()
    indicator = approved.indicator_links.get().indicator
    for text in (
        "Harga beras turun setelah panen",
        approved.narrative,
        "Portal Berita Online",
        "Kompas.com",
        'href="https://money.kompas.com/read/2026/11/02/harga-beras-turun"',
        indicator.name,
        "Turun",
        "beras",
        "panen raya",
        approved.reference_period_label,
        approved.scope.label,
        approved.subject.label,
        approved.theme.name,
        "Disetujui",
        "Ringkasan riwayat",
    ):
        assert text in html, text
    # dates in SIMFONI's one Indonesian format ("5 Nov 2026"), not ISO timestamps or reprs
    from django.utils.formats import date_format

    assert date_format(source.source_date, "DATE_FORMAT") in html
    assert date_format(timezone.localtime().date(), "DATE_FORMAT") in html  # approved today
    article = html[html.index('<article class="phen-detail"') : html.index("</article>")]
    for raw in ("+00:00", "True", "False", "None", "Latest revision"):
        assert raw not in article, raw


def test_viewer_sees_the_approved_version_not_a_pending_edit(client, people, approved):
    approved.title = "Judul perubahan belum disetujui"
    approved.save_revision(user=people.op)
    submit(approved)
    decide(approved, people.spv, "reject", "Judul terlalu panjang")
    html = page(client, people.viewer, approved)
    assert "Harga beras turun setelah panen" in html
    assert "Judul perubahan belum disetujui" not in html
    assert "Judul terlalu panjang" not in html and "Ditolak" not in html
    assert "Sri Peninjau" not in html  # no reviewer names for viewers
    assert reverse(f"{SNIPPET}:history", args=[approved.pk]) not in html

    # the author sees their latest version, the rejection, its reason and who gave it
    html = page(client, people.op, approved)
    assert "Judul perubahan belum disetujui" in html
    assert "Ditolak" in html and "Judul terlalu panjang" in html and "Sri Peninjau" in html
    assert reverse(f"{SNIPPET}:revisions_compare", args=[approved.pk, "live", "latest"]) in html
    assert reverse(f"{SNIPPET}:edit", args=[approved.pk]) in html


def test_routed_supervisor_sees_the_submission_and_who_reviews_it(client, people):
    phenomenon = PhenomenonFactory(author=people.op, title="Inflasi pangan naik di akhir tahun")
    submit(phenomenon)
    html = page(client, people.spv, phenomenon)
    assert "Inflasi pangan naik di akhir tahun" in html
    assert "Menunggu review" in html and "Sri Peninjau" in html
    assert "Belum pernah disetujui" in html
    assert reverse(f"{SNIPPET}:edit", args=[phenomenon.pk]) not in html


def test_history_summary_names_creator_and_approver(client, people, approved):
    html = page(client, people.admin, approved)
    assert "Dibuat" in html and "Opsos2 Uji" in html  # created by
    assert "Terakhir disetujui" in html and "Sri Peninjau" in html  # approved by
    assert "Lihat riwayat lengkap" in html


def test_queue_title_opens_the_detail(client, people):
    phenomenon = PhenomenonFactory(author=people.op, title="Masuk antrean")
    submit(phenomenon)
    client.force_login(people.spv)
    queue = client.get(reverse("workflows:queue")).content.decode()
    detail_url = reverse(f"{SNIPPET}:inspect", args=[phenomenon.pk])
    assert detail_url in queue
    assert client.get(detail_url).status_code == 200
