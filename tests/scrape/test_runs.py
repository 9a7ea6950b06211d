"""Runs over the local portals: discovery (feed, sitemap, paginated listing), progress per
source, hostile pages, one broken source not stopping the others, health flags, idempotence by
canonical URL (an interrupted run resumes without losing or doubling), notifications."""

import pytest
from notifications.models import Notification

from phenomena.models import Outlet, Role
from reminders.models import ScrapeStatus
from scrape import extract, runner
from scrape.models import Article, Run, RunSource, Source
from tests.factories import PhenomenonFactory, last_month

pytestmark = pytest.mark.django_db


def make_sources(server):
    kompas = Source.objects.create(
        name="Kompas (uji)",
        outlet=Outlet.objects.get(name="Kompas.com"),
        enabled=True,
        discovery=Source.Discovery.FEED,
        start_url=server.url("kompas", "/feed.xml"),
        delay_seconds=0,
    )
    detik = Source.objects.create(
        name="Detik (uji)",
        outlet=Outlet.objects.get(name="Detik.com"),
        enabled=True,
        discovery=Source.Discovery.SITEMAP,
        start_url=server.url("detik", "/sitemap.xml"),
        delay_seconds=0,
    )
    warta = Source.objects.create(
        name="Warta (uji)",
        enabled=True,
        discovery=Source.Discovery.LISTING,
        start_url=server.url("warta", "/indeks?page=1"),
        link_selector="h2.title a",
        next_selector="a.next",
        max_pages=10,
        delay_seconds=0,
    )
    rusak = Source.objects.create(
        name="Rusak (uji)",
        enabled=True,
        start_url=server.url("rusak", "/feed.xml"),
        delay_seconds=0,
    )
    kosong = Source.objects.create(
        name="Kosong (uji)", enabled=True, start_url=server.url("kosong", "/feed.xml")
    )
    return kompas, detik, warta, rusak, kosong


def part_of(run, source):
    return RunSource.objects.get(run=run, source=source)


def test_seeded_sources_are_off_and_rules_cover_every_theme():
    from phenomena.models import Theme
    from scrape.models import KeywordRule

    seeded = Source.objects.all()
    assert seeded.count() >= 14 and not seeded.filter(enabled=True).exists()
    assert Source.objects.filter(outlet__name="Kompas.com").exists()
    assert not Source.objects.filter(outlet__name="Koran Kompas (cetak)").exists()
    assert set(Theme.objects.values_list("pk", flat=True)) == set(
        KeywordRule.objects.values_list("theme_id", flat=True)
    )
    assert KeywordRule.objects.filter(indicator__name="Perkembangan IHK (Inflasi)").exists()


def test_a_full_run(fresh, admin_user):
    kompas, detik, warta, rusak, kosong = make_sources(fresh)
    run = runner.start_run(admin_user)  # Q_CLUSTER sync: the tasks run inline
    run.refresh_from_db()
    assert run.status == Run.Status.DONE and run.finished_at

    k = part_of(run, kompas)
    assert k.status == RunSource.Status.DONE
    # 12 feed items: a utm_ copy of one article and another site's link are dropped
    assert k.found == 10
    stored = {a.url.split("/")[-1]: a for a in Article.objects.filter(source=kompas)}
    assert stored["inflasi-jakarta-oktober"].status == Article.Status.NEW
    assert stored["persija-menang"].status == Article.Status.IRRELEVANT
    assert stored["judul-disisipkan-skrip"].title == "Harga beras naik di Jakarta Utara"
    assert stored["sekali-gagal"].status == Article.Status.NEW  # read on the retry
    assert stored["hilang"].status == Article.Status.FAILED  # 404: not tried again
    assert stored["putar"].status == Article.Status.FAILED  # redirect loop
    assert stored["raksasa"].status == Article.Status.FAILED and "bita" in stored["raksasa"].message
    assert "galat" not in stored and "rahasia" not in stored  # 500 retried later; robots.txt
    assert "tanpa-akhir" not in stored  # cut at the time limit: tried again next run
    assert not any("luar.example" in a.url for a in Article.objects.all())
    assert k.kept == 3 and k.errors >= 4
    assert "robots.txt" in k.message
    assert not [r for r in fresh.requests if r[1] == "/private/rahasia"]

    d = part_of(run, detik)
    assert d.found == 4 and d.kept >= 3 and d.errors == 0
    wrong = Article.objects.get(url__endswith="salah-charset")
    assert "Pasar Senen" in wrong.text and "—" in wrong.text  # UTF-8 sent as ISO-8859-1
    missing = Article.objects.get(url__endswith="tanpa-charset")
    assert "“berat”" in missing.text  # Windows-1252 without a charset

    w = part_of(run, warta)
    assert w.found == 3 and w.kept == 3  # three listing pages; the loop back is not followed

    r = part_of(run, rusak)
    assert r.status == RunSource.Status.FAILED and "500" in r.message
    rusak.refresh_from_db()
    assert rusak.last_error and rusak.flagged and rusak.health == "Galat"

    e = part_of(run, kosong)
    assert e.status == RunSource.Status.DONE and e.found == 0
    kosong.refresh_from_db()
    assert kosong.flagged and kosong.empty_runs == 1

    kompas.refresh_from_db()
    assert kompas.last_success_at and kompas.last_found == 10 and not kompas.flagged

    assert ScrapeStatus.get().last_success_at is not None
    # the admins hear that a source failed, once
    assert Notification.objects.filter(recipient=admin_user, verb__icontains="gagal").count() == 1
    runner.finish_if_done(run.pk)
    assert Notification.objects.filter(recipient=admin_user, verb__icontains="gagal").count() == 1


def test_second_run_fetches_nothing_already_stored(fresh):
    kompas, *_ = make_sources(fresh)
    Source.objects.exclude(pk=kompas.pk).update(enabled=False)
    runner.start_run()
    first = Article.objects.count()
    fresh.requests.clear()
    run = runner.start_run()
    part = part_of(run, kompas)
    assert Article.objects.count() == first
    assert part.already == first and part.fetched == 0
    fetched = {r[1] for r in fresh.requests}
    assert "/read/2026/10/05/101010/inflasi-jakarta-oktober" not in fetched
    assert "/galat" in fetched  # a transient failure is tried again


def test_article_already_stored_as_a_phenomenon_is_a_duplicate(fresh, province_operator):
    kompas, *_ = make_sources(fresh)
    Source.objects.exclude(pk=kompas.pk).update(enabled=False)
    url = fresh.url("kompas", "/read/2026/10/05/101010/inflasi-jakarta-oktober")
    stored = PhenomenonFactory(
        author=province_operator, sources=[("portal_berita", "Kompas.com", last_month(5), url)]
    )
    run = runner.start_run()
    article = Article.objects.get(url=url)
    assert article.status == Article.Status.DUPLICATE
    assert article.duplicates[0]["id"] == stored.pk and article.duplicates[0]["kind"] == "block"
    assert part_of(run, kompas).duplicate == 1


class Killed(BaseException):
    """A worker dying mid-run (not an error the run could catch)."""


def test_interrupted_run_resumes_without_losing_or_doubling(fresh, monkeypatch):
    kompas, detik, *_ = make_sources(fresh)
    Source.objects.exclude(pk__in=[detik.pk]).update(enabled=False)
    original = extract.read_article
    calls = {"n": 0}

    def dying(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 3:
            raise Killed
        return original(*args, **kwargs)

    monkeypatch.setattr(extract, "read_article", dying)
    with pytest.raises(Killed):
        runner.start_run()
    run = Run.objects.get()
    part = part_of(run, detik)
    assert part.status == RunSource.Status.RUNNING and run.status == Run.Status.RUNNING
    assert Article.objects.filter(source=detik).count() == 2

    monkeypatch.setattr(extract, "read_article", original)
    runner.run_part(part.pk)  # django-q delivers the task again
    part.refresh_from_db()
    run.refresh_from_db()
    assert part.status == RunSource.Status.DONE and run.status == Run.Status.DONE
    assert Article.objects.filter(source=detik).count() == 4
    assert part.fetched == 4 and part.kept == 4  # counted once each
    assert sorted(Article.objects.values_list("canonical_url", flat=True)) == sorted(
        set(Article.objects.values_list("canonical_url", flat=True))
    )


def test_scheduled_every_two_weeks(db):
    from django_q.models import Schedule

    from reminders.schedules import SCHEDULES, setup_schedules

    plan = next(p for p in SCHEDULES if p.func == "scrape.tasks.scheduled_run")
    assert plan.schedule_type == Schedule.BIWEEKLY
    setup_schedules()
    assert Schedule.objects.get(func="scrape.tasks.scheduled_run").schedule_type == "BW"


def test_run_with_no_enabled_source_closes(db):
    run = runner.start_run()
    run.refresh_from_db()
    assert run.status == Run.Status.DONE


def test_admins_are_notified_by_role(fresh, make_user):
    make_user("spv9", Role.SUPERVISOR, "fungsi-sosial-1")
    admin = make_user("admin9", Role.ADMIN, "fungsi-ipds")
    Source.objects.create(name="Rusak", enabled=True, start_url=fresh.url("rusak", "/x"))
    runner.start_run()
    assert Notification.objects.filter(recipient=admin).count() == 1
    assert not Notification.objects.filter(recipient__username="spv9").exists()
