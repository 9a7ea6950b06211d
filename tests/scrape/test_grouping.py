"""One event, several portals (issue 13, part 6): the run's articles about one event are one
proposal on the results page, and "Unggah" makes it one submitted phenomenon with a source per
article -- or, refused, writes nothing."""

import datetime
import re

import pytest
from django.urls import reverse
from wagtail.models import WorkflowState
from wagtail.users.models import UserProfile

from phenomena import services
from phenomena.models import Outlet, Phenomenon, Role, SourceType, Theme
from scrape import grouping, review, rules
from scrape.models import Article, Source
from tests.factories import PASSWORD
from workflows.models import SupervisorAllocation

pytestmark = pytest.mark.django_db

PUBLISHED = datetime.date(2026, 11, 3)

# Three portals' rewrites of the BPS release of October 2026's inflation, and one other story.
STORIES = {
    "kompas": (
        "Kompas.com",
        "Inflasi Jakarta Oktober 2026 Capai 2,35 Persen, Cabai Merah Jadi Pemicu",
        "JAKARTA, KOMPAS.com - Badan Pusat Statistik (BPS) Provinsi DKI Jakarta mencatat inflasi "
        "tahunan Jakarta pada Oktober 2026 sebesar 2,35 persen. Kenaikan harga terutama didorong "
        "oleh harga cabai merah yang naik 12,5 persen dibanding bulan sebelumnya. Di Pasar Induk "
        "Kramat Jati, harga cabai merah mencapai Rp 65.000 per kilogram. Kepala BPS DKI Jakarta "
        "mengatakan inflasi di Jakarta masih terkendali.",
    ),
    "detik": (
        "Detik.com",
        "BPS: Harga Cabai Merah Dorong Inflasi DKI Jakarta Jadi 2,35%",
        "Jakarta - Inflasi tahunan DKI Jakarta pada Oktober 2026 tercatat 2,35%, menurut rilis "
        "BPS Provinsi DKI Jakarta hari ini. Komoditas penyumbang terbesar adalah cabai merah, "
        "yang harganya melonjak 12,5% secara bulanan. Pedagang menyebut pasokan dari daerah "
        "sentra menurun akibat cuaca.",
    ),
    "tempo": (
        "Tempo.co",
        "Cabai Merah Naik 12,5 Persen, Inflasi Jakarta Oktober 2026 2,35 Persen",
        "TEMPO.CO, Jakarta - Harga cabai merah yang naik 12,5 persen menjadi pemicu utama inflasi "
        "Jakarta. BPS DKI Jakarta melaporkan inflasi year on year Oktober 2026 mencapai 2,35 "
        "persen, lebih tinggi dari bulan sebelumnya. Pemerintah provinsi menyiapkan operasi "
        "pasar untuk menahan kenaikan harga.",
    ),
    "other": (
        "CNN Indonesia",
        "Harga Beras Medium di Jakarta Utara Naik 4 Persen pada Oktober 2026",
        "Harga beras medium di pasar-pasar Jakarta Utara naik 4 persen pada Oktober 2026 "
        "menjadi Rp 14.500 per kilogram, memicu inflasi bahan pangan di Jakarta Utara. Pedagang "
        "di Jakarta Utara menyebut pasokan beras dari Karawang berkurang karena panen mundur.",
    ),
}


@pytest.fixture
def scraped(admin_user, make_user):
    """The four articles as a run keeps them (the real proposer's suggestions), newest last."""
    spv = make_user("spvinflasi", Role.SUPERVISOR, "fungsi-distribusi-1")
    SupervisorAllocation.objects.create(
        supervisor=spv, theme=Theme.objects.get(name="Harga-harga (Inflasi)")
    )
    compiled = rules.compile_rules()
    articles = {}
    for key, (outlet, title, text) in STORIES.items():
        source = Source.objects.create(
            name=f"{outlet} (uji)",
            outlet=Outlet.objects.get(name=outlet),
            start_url=f"https://{key}.example/feed",
        )
        url = f"https://{key}.example/2026/11/03/inflasi-{key}"
        articles[key] = Article.objects.create(
            canonical_url=url,
            url=url,
            source=source,
            title=title,
            text=text,
            published=PUBLISHED,
            suggestions=rules.propose(title, text, PUBLISHED, compiled),
        )
    return articles


def login(client, user):
    client.login(username=user.username, password=PASSWORD)
    return client


def proposal_keys(html):
    return re.findall(r'name="group" value="([0-9-]+)"', html)


def test_three_portals_rewrites_and_an_unrelated_story_are_two_proposals(
    client, admin_user, scraped
):
    html = login(client, admin_user).get(reverse("scrape_results")).content.decode()
    keys = proposal_keys(html)
    assert len(keys) == 2
    event = next(k for k in keys if "-" in k)
    assert sorted(map(int, event.split("-"))) == sorted(
        scraped[k].pk for k in ("kompas", "detik", "tempo")
    )
    assert str(scraped["other"].pk) in keys
    for outlet in ("Kompas.com", "Detik.com", "Tempo.co", "CNN Indonesia"):
        assert outlet in html  # each article listed with its outlet and link
    assert scraped["detik"].url in html
    assert "3 sumber" in html and "2 usulan fenomena" in html and "4 artikel" in html
    periods = re.findall(r"<dd data-period>([^<(]*)", html)
    assert [p.strip() for p in periods] == ["Oktober 2026", "Oktober 2026"]
    assert "2026-10-01" not in html


def test_uploading_the_event_gives_one_phenomenon_with_three_sources(client, admin_user, scraped):
    login(client, admin_user)
    html = client.get(reverse("scrape_results")).content.decode()
    event = next(k for k in proposal_keys(html) if "-" in k)
    response = client.post(reverse("scrape_results"), {"action": "upload", "group": [event]})
    assert response.status_code == 302

    phenomenon = Phenomenon.objects.get()
    assert phenomenon.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    sources = list(phenomenon.sources.order_by("sort_order"))
    assert len(sources) == 3
    assert {s.source_type.code for s in sources} == {"web_scraping"}
    assert {(s.outlet.name, s.url) for s in sources} == {
        (STORIES[k][0], scraped[k].url) for k in ("kompas", "detik", "tempo")
    }
    assert phenomenon.reference_period == datetime.date(2026, 10, 1)
    uploaded = Article.objects.filter(status=Article.Status.UPLOADED)
    assert uploaded.count() == 3 and {a.phenomenon_id for a in uploaded} == {phenomenon.pk}

    # grouping again proposes only what is still waiting: the other story
    html = client.get(reverse("scrape_results")).content.decode()
    assert proposal_keys(html) == [str(scraped["other"].pk)]
    assert [p.key for p in grouping.pending_proposals()] == [str(scraped["other"].pk)]


def test_a_refused_group_writes_nothing_and_says_why(client, admin_user, scraped):
    # the Detik article is already the evidence of a stored phenomenon: the URL blocks
    kompas, detik, tempo = (scraped[k] for k in ("kompas", "detik", "tempo"))
    stored = services.create_phenomenon(admin_user, review.build_input(detik))
    Article.objects.filter(pk=detik.pk).update(status=Article.Status.NEW)  # still waiting
    key = "-".join(str(a.pk) for a in (kompas, detik, tempo))
    login(client, admin_user).post(reverse("scrape_results"), {"action": "upload", "group": [key]})
    assert list(Phenomenon.objects.all()) == [stored]
    assert not Article.objects.filter(status=Article.Status.UPLOADED).exists()
    assert not Article.objects.filter(phenomenon__isnull=False).exists()
    refused = Article.objects.get(pk=kompas.pk)
    assert refused.status == Article.Status.NEW and refused.message
    html = client.get(reverse("scrape_results")).content.decode()
    assert "data-refused" in html and refused.message.split(";")[0][:40] in html


def test_the_lead_is_the_most_complete_article_and_decides_delegation(
    admin_user, scraped, province_operator, make_user
):
    # the Detik rewrite does not say the theme: it cannot lead
    detik = scraped["detik"]
    detik.suggestions = {**detik.suggestions, "theme": None}
    detik.save()
    event = next(
        p for p in grouping.group_articles(Article.objects.order_by("pk")) if len(p.articles) > 1
    )
    assert event.lead != detik and len(event.articles) == 3
    (phenomenon,) = review.upload(admin_user, [event.articles]).uploaded
    assert phenomenon.sources.order_by("sort_order").first().url == event.lead.url
    assert review.first_article(phenomenon) == event.lead

    # rejected, it goes by default to an operator of the lead outlet's work unit, who edits
    # and resubmits it with the other units' portals as sources
    spv = make_user("spvlain", Role.SUPERVISOR, "fungsi-distribusi-2")
    SupervisorAllocation.objects.create(supervisor=spv, theme=phenomenon.theme)
    state = phenomenon.current_workflow_task_state
    state.task.specific.on_action(state, spv, "reject", comment="Lengkapi.")
    owner = event.lead.source.outlet.work_unit
    operator = make_user("oplead", Role.OPERATOR, owner.code)
    assert review.default_operator(review.first_article(phenomenon)) == operator
    phenomenon = review.delegate(spv, Phenomenon.objects.get(pk=phenomenon.pk))
    assert phenomenon.author == operator
    data = review.build_input(event.lead, event.articles[1:])
    data.narrative += " Operator menambahkan penyebab kenaikan."
    services.update_phenomenon(operator, phenomenon, data)
    services.submit(operator, phenomenon)
    phenomenon.refresh_from_db()
    assert phenomenon.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS


def test_results_in_english_read_the_period_as_october_2026(client, admin_user, scraped):
    UserProfile.objects.create(user=admin_user, preferred_language="en")
    html = login(client, admin_user).get(reverse("scrape_results")).content.decode()
    periods = re.findall(r"<dd data-period>([^<(]*)", html)
    assert [p.strip() for p in periods] == ["October 2026", "October 2026"]
    assert "2 phenomenon proposals" in html and "Upload" in html


def test_runs_screens_say_putaran_not_run(client, admin_user):
    html = login(client, admin_user).get(reverse("scrape_runs")).content.decode()
    assert "Putaran web scraping" in html and "Belum ada putaran." in html
    assert not re.search(r">\s*Run\b", html)


def test_an_operator_cannot_claim_another_units_portal_by_typing_web_scraping(province_operator):
    """Only web-scraping sources already stored (what SIMFONI read) may name another unit's
    portal; one an operator adds is held to their allocation."""
    from django.core.exceptions import ValidationError

    from tests.phenomena.test_services import data, news

    unit = province_operator.simfoni_profile.work_unit
    foreign = (
        Outlet.objects.filter(source_type__code="portal_berita").exclude(work_unit=unit).first()
    )
    typed = news(url="https://portal.test/berita/tulis-sendiri", outlet=foreign.name)
    typed.source_type = SourceType.objects.get(code="web_scraping")
    with pytest.raises(ValidationError) as refused:
        services.create_phenomenon(province_operator, data(sources=[typed]))
    assert "dialokasikan" in " ".join(sum(refused.value.message_dict.values(), []))
    assert not Phenomenon.objects.filter(sources__url=typed.url).exists()
