"""Review → workflow: the admin's results list, "Unggah" into submitted phenomena of source type
Web Scraping, supervisors notified; a rejected one delegated to an operator, who is notified,
edits and resubmits. And the admin screens' permissions."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from notifications.models import Notification
from wagtail.models import WorkflowState

from phenomena import services
from phenomena.models import Outlet, Role, Theme
from scrape import review, runner
from scrape.models import Article, Run, Source
from tests.factories import PASSWORD
from workflows.models import SupervisorAllocation

pytestmark = pytest.mark.django_db

INFLASI = "/read/2026/10/05/101010/inflasi-jakarta-oktober"


@pytest.fixture
def office(make_user, admin_user, province_operator, portals):
    spv = make_user("spvinflasi", Role.SUPERVISOR, "fungsi-distribusi-1")
    SupervisorAllocation.objects.create(
        supervisor=spv, theme=Theme.objects.get(name="Harga-harga (Inflasi)")
    )
    other_op = make_user("aaa_op", Role.OPERATOR, "fungsi-distribusi-1")  # first by name
    Source.objects.create(
        name="Kompas (uji)",
        outlet=Outlet.objects.get(name="Kompas.com"),  # Fungsi Sosial 2's portal
        enabled=True,
        start_url=portals.url("kompas", "/feed.xml"),
        delay_seconds=0,
    )
    runner.start_run(admin_user)
    return admin_user, spv, province_operator, other_op


def login(client, user):
    client.login(username=user.username, password=PASSWORD)
    return client


def test_results_list_shows_suggestions_and_escapes_page_text(client, office, portals):
    admin = office[0]
    article = Article.objects.get(url=portals.url("kompas", INFLASI))
    Article.objects.create(
        canonical_url="https://jahat.localhost/x",
        url="http://jahat.localhost/x",
        source=article.source,
        title="<script>alert('xss')</script> Harga naik",
        text="<img src=x onerror=alert(1)> Harga naik 5 persen di Jakarta.",
        suggestions={"narrative": "<b>tebal</b>"},
    )
    html = login(client, admin).get(reverse("scrape_results")).content.decode()
    assert article.title in html
    assert "Harga-harga (Inflasi)" in html and "Perkembangan IHK (Inflasi)" in html
    assert "2,35 persen" in html and "Provinsi DKI Jakarta" in html
    assert "Unggah" in html
    assert "<script>alert(" not in html and "&lt;script&gt;alert(" in html
    assert "<img src=x" not in html and "<b>tebal</b>" not in html
    assert "Persija" not in html  # irrelevant articles are not offered


def test_unggah_submits_each_chosen_article_and_notifies_supervisors(client, office, portals):
    admin, spv, *_ = office
    article = Article.objects.get(url=portals.url("kompas", INFLASI))
    response = login(client, admin).post(
        reverse("scrape_results"), {"action": "upload", "article": [article.pk]}
    )
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.status == Article.Status.UPLOADED
    phenomenon = article.phenomenon
    assert phenomenon.author == admin and phenomenon.title == article.title
    assert phenomenon.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    source = phenomenon.sources.get()
    assert source.source_type.code == "web_scraping" and source.url == article.url
    assert phenomenon.reference_period.isoformat() == "2026-10-01"
    assert phenomenon.theme.name == "Harga-harga (Inflasi)"
    link = phenomenon.indicator_links.get()
    assert link.indicator.name == "Perkembangan IHK (Inflasi)" and link.direction == "naik"
    assert "2,35 persen" in phenomenon.narrative
    verbs = list(Notification.objects.filter(recipient=spv).values_list("verb", flat=True))
    assert any("web scraping" in v for v in verbs)  # "Hasil web scraping siap diperiksa"
    # uploading again does nothing: it is no longer waiting
    login(client, admin).post(
        reverse("scrape_results"), {"action": "upload", "article": [article.pk]}
    )
    assert Article.objects.filter(phenomenon__isnull=False).count() == 1


def test_skip_and_refusal_messages(client, office, portals):
    admin = office[0]
    article = Article.objects.get(url=portals.url("kompas", INFLASI))
    login(client, admin).post(
        reverse("scrape_results"), {"action": "skip", "article": [article.pk]}
    )
    article.refresh_from_db()
    assert article.status == Article.Status.SKIPPED
    incomplete = Article.objects.create(
        canonical_url="https://x.localhost/y",
        url="http://x.localhost/y",
        source=article.source,
        title="Tanpa tema",
        suggestions={"scope": "dki"},
    )
    result = review.upload(admin, [incomplete])
    incomplete.refresh_from_db()
    assert result.refused and "tema" in incomplete.message and "periode" in incomplete.message
    assert incomplete.status == Article.Status.NEW


def upload_and_reject(office, portals):
    admin, spv, *_ = office
    article = Article.objects.get(url=portals.url("kompas", INFLASI))
    (phenomenon,) = review.upload(admin, [article]).uploaded
    state = phenomenon.current_workflow_task_state
    state.task.specific.on_action(state, spv, "reject", comment="Narasi kurang lengkap.")
    phenomenon.refresh_from_db()
    assert phenomenon.current_workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES
    return phenomenon


def test_rejected_one_is_delegated_to_the_outlets_operator_who_edits_and_resubmits(
    client, office, portals
):
    admin, spv, operator, other_op = office
    phenomenon = upload_and_reject(office, portals)

    login(client, spv)
    listing = client.get(reverse("scrape_delegations")).content.decode()
    assert phenomenon.title in listing
    form = client.get(reverse("scrape_delegate", args=[phenomenon.pk])).content.decode()
    # the operator of the outlet's work unit (Fungsi Sosial 2 owns Kompas.com) is the default
    assert f'<option value="{operator.pk}" selected>' in form
    assert f'<option value="{other_op.pk}">' in form
    response = client.post(reverse("scrape_delegate", args=[phenomenon.pk]), {"reason": "Lengkapi"})
    assert response.status_code == 302

    phenomenon.refresh_from_db()
    assert phenomenon.author == operator
    assert phenomenon.work_unit == operator.simfoni_profile.work_unit
    assert (
        Notification.objects.filter(recipient=operator, verb__icontains="ditugaskan").count() == 1
    )

    # the operator edits and resubmits, through the one write path
    data = review.build_input(Article.objects.get(phenomenon=phenomenon))
    data.narrative += " Operator melengkapi narasi dengan penyebab kenaikan harga."
    services.update_phenomenon(operator, phenomenon, data)
    services.submit(operator, phenomenon)
    phenomenon.refresh_from_db()
    assert phenomenon.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    latest = phenomenon.get_latest_revision_as_object()
    assert "Operator melengkapi narasi" in latest.narrative


def test_delegating_to_another_operator(client, office, portals):
    admin, spv, operator, other_op = office
    phenomenon = upload_and_reject(office, portals)
    login(client, spv).post(
        reverse("scrape_delegate", args=[phenomenon.pk]), {"operator": other_op.pk}
    )
    phenomenon.refresh_from_db()
    assert phenomenon.author == other_op
    assert Notification.objects.filter(recipient=other_op, verb__icontains="ditugaskan").exists()
    assert not Notification.objects.filter(
        recipient=operator, verb__icontains="ditugaskan"
    ).exists()


def test_transfer_authorship_rules(office, portals, make_user, viewer):
    admin, spv, operator, other_op = office
    article = Article.objects.get(url=portals.url("kompas", INFLASI))
    (phenomenon,) = review.upload(admin, [article]).uploaded
    with pytest.raises(ValidationError):  # in review
        services.transfer_authorship(spv, phenomenon, operator)
    state = phenomenon.current_workflow_task_state
    state.task.specific.on_action(state, spv, "reject", comment="Kurang.")
    phenomenon.refresh_from_db()
    stranger = make_user("spvlain", Role.SUPERVISOR, "fungsi-sosial-1")  # reviews other themes
    with pytest.raises(PermissionDenied):
        services.transfer_authorship(stranger, phenomenon, operator)
    with pytest.raises(PermissionDenied):
        services.transfer_authorship(operator, phenomenon, operator)
    with pytest.raises(ValidationError):  # only to an operator
        services.transfer_authorship(spv, phenomenon, viewer)
    assert services.transfer_authorship(admin, phenomenon, operator).author == operator


def test_screens_are_the_admins_and_delegation_the_reviewers(client, office, viewer):
    admin, spv, operator, _other = office
    run = Run.objects.get()
    for url in [
        reverse("scrape_runs"),
        reverse("scrape_run", args=[run.pk]),
        reverse("scrape_results"),
        reverse("scrape_sources:index"),
        reverse("scrape_rules:index"),
    ]:
        assert login(client, admin).get(url).status_code == 200
        for user in (spv, operator, viewer):
            client.logout()
            response = login(client, user).get(url)
            assert response.status_code in (302, 403), (url, user)
        client.logout()
    assert login(client, operator).get(reverse("scrape_delegations")).status_code in (302, 403)


def test_run_page_shows_progress_and_run_now_starts_one(client, office):
    admin = office[0]
    login(client, admin)
    run = Run.objects.get()
    html = client.get(reverse("scrape_run", args=[run.pk])).content.decode()
    assert "Kompas (uji)" in html and 'data-run-status="done"' in html
    assert 'http-equiv="refresh"' not in html  # finished: no more refreshing
    runs = client.get(reverse("scrape_runs")).content.decode()
    assert "Jalankan sekarang" in runs
    part = run.parts.get()
    cells = [part.fetched, part.kept, part.duplicate, part.errors]
    assert "<td>1</td>" + "".join(f"<td>{n}</td>" for n in cells) in runs  # the run's totals
    response = client.post(reverse("scrape_run_now"))
    assert response.status_code == 302 and Run.objects.count() == 2
    Run.objects.filter(pk=Run.objects.latest("pk").pk).update(status=Run.Status.RUNNING)
    html = client.get(reverse("scrape_run", args=[Run.objects.latest("pk").pk])).content.decode()
    assert 'http-equiv="refresh"' in html


def test_admin_menu_has_web_scraping(client, office):
    html = login(client, office[0]).get(reverse("wagtailadmin_home")).content.decode()
    assert "Web Scraping" in html
    client.logout()
    html = login(client, office[2]).get(reverse("wagtailadmin_home")).content.decode()
    assert "Web Scraping" not in html


def test_source_form_edits_and_lists_health(client, office):
    admin = office[0]
    source = Source.objects.get(name="Kompas (uji)")
    html = login(client, admin).get(reverse("scrape_sources:index")).content.decode()
    assert "Kompas (uji)" in html and "Sehat" in html
    edit = reverse("scrape_sources:edit", args=[source.pk])
    assert client.get(edit).status_code == 200


def test_run_page_shows_each_sources_progress_live_while_it_runs(
    client, admin_user, portals, settings, monkeypatch
):
    """While a source is being read its counters (fetched, kept, duplicate, errors) are saved
    every SCRAPE_PROGRESS_EVERY articles, and the run page -- refreshing itself every 5 s while
    the run runs -- shows them; the finished page stops refreshing."""
    import re

    from scrape import extract

    settings.SCRAPE_PROGRESS_EVERY = 1
    source = Source.objects.create(
        name="Detik (langsung)",
        enabled=True,
        discovery=Source.Discovery.SITEMAP,
        start_url=portals.url("detik", "/sitemap.xml"),
        delay_seconds=0,
    )
    login(client, admin_user)
    seen = []
    original = extract.read_article

    def watching(*args, **kwargs):
        run = Run.objects.latest("pk")
        seen.append(client.get(reverse("scrape_run", args=[run.pk])).content.decode())
        return original(*args, **kwargs)

    monkeypatch.setattr(extract, "read_article", watching)
    run = runner.start_run(admin_user)

    def row(html):
        match = re.search(r'<tr data-source="Detik \(langsung\)">(.*?)</tr>', html, re.S)
        return re.findall(r"<td>(.*?)</td>", match.group(1))

    assert len(seen) == 4
    for fetched, html in enumerate(seen):
        # name, status, found, already, fetched, kept, duplicate, errors, message
        cells = row(html)
        assert cells[1] == "Berjalan" and cells[2] == "4"
        assert int(cells[4]) == fetched, (fetched, cells)
        assert 'http-equiv="refresh"' in html and 'data-run-status="running"' in html
    final = client.get(reverse("scrape_run", args=[run.pk])).content.decode()
    assert row(final)[1] == "Selesai" and row(final)[4] == "4"
    assert 'http-equiv="refresh"' not in final
    assert source.run_parts.count() == 1
