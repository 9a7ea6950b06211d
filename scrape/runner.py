"""A scraping run: one task per source (django-q2), progress counted per source.

``start_run(user)`` creates a ``Run`` with one ``RunSource`` per enabled source and queues
``scrape.tasks.run_part`` for each. A source's failure is recorded on it (its health, the run's
row) and never stops the others. Articles are stored one by one, unique on their canonical URL,
and a URL already stored is never fetched again: a task re-run after a dying worker carries on
where it stopped, and the counters are read back from the stored articles, so nothing is lost
or counted twice.
"""

from __future__ import annotations

import logging
import time
from urllib.parse import urlsplit

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Count, Q
from django.utils import timezone

from simfoni_text.urls import canonical_url_or_blank

from . import extract, rules
from .fetch import Disallowed, Fetcher, FetchError
from .models import Article, Run, RunSource, Source

logger = logging.getLogger(__name__)


# --- starting and finishing ------------------------------------------------------------------


def start_run(user=None, sources=None) -> Run:
    from django_q.tasks import async_task

    sources = list(sources if sources is not None else Source.objects.filter(enabled=True))
    run = Run.objects.create(started_by=user)
    parts = [RunSource.objects.create(run=run, source=source) for source in sources]
    if not parts:
        finish_if_done(run.pk)
    for part in parts:
        transaction.on_commit(
            lambda pk=part.pk: async_task(
                "scrape.tasks.run_part", pk, task_name=f"scrape-{run.pk}-{pk}", group="scrape"
            )
        )
    return run


def finish_if_done(run_id: int) -> bool:
    """Close the run once every source is finished (once: the first caller wins)."""
    parts = list(RunSource.objects.filter(run_id=run_id).select_related("source"))
    if any(not part.finished for part in parts):
        return False
    failed = [part for part in parts if part.status == RunSource.Status.FAILED]
    status = Run.Status.FAILED if parts and len(failed) == len(parts) else Run.Status.DONE
    closed = Run.objects.filter(pk=run_id, status=Run.Status.RUNNING).update(
        status=status, finished_at=timezone.now()
    )
    if not closed:
        return False
    from reminders.scrape import notify_scrape_failed, record_scrape_success

    if len(failed) < len(parts) or not parts:
        record_scrape_success()
    if failed:
        run = Run.objects.get(pk=run_id)
        notify_scrape_failed(
            {
                "id": run_id,
                "error": "; ".join(f"{p.source.name}: {p.message[:200]}" for p in failed),
                "started_at": run.started_at.isoformat(),
                "sources": ", ".join(p.source.name for p in failed),
            }
        )
    return True


# --- one source ------------------------------------------------------------------------------


def run_part(part_id: int, *, fetcher: Fetcher | None = None) -> RunSource:
    part = RunSource.objects.select_related("source", "run").get(pk=part_id)
    if part.finished:
        return part  # a task delivered twice
    part.status = RunSource.Status.RUNNING
    part.started_at = part.started_at or timezone.now()
    part.save(update_fields=["status", "started_at"])
    source = part.source
    try:
        if fetcher is None:
            with Fetcher() as own:
                scrape_source(part, own)
        else:
            scrape_source(part, fetcher)
    except Exception as exc:  # one broken source never stops the others
        logger.warning("Scraping %s failed: %s", source, exc)
        part.status = RunSource.Status.FAILED
        part.message = str(exc)[:2000]
        source.last_error = part.message
        source.last_error_at = timezone.now()
    else:
        part.status = RunSource.Status.DONE
        source.last_found = part.found
        if part.found == 0:
            source.empty_runs += 1  # flagged: a feed or layout that silently yields nothing
        else:
            source.empty_runs = 0
            source.last_success_at = timezone.now()
    part.finished_at = timezone.now()
    count(part)
    part.save()
    source.save(
        update_fields=["last_error", "last_error_at", "last_found", "empty_runs", "last_success_at"]
    )
    finish_if_done(part.run_id)
    return part


def count(part: RunSource) -> None:
    """The counters of ``part``, read back from the articles it stored."""
    stats = Article.objects.filter(run_id=part.run_id, source_id=part.source_id).aggregate(
        fetched=Count("pk"),
        kept=Count("pk", filter=Q(status__in=[Article.Status.NEW, Article.Status.UPLOADED])),
        duplicate=Count("pk", filter=Q(status=Article.Status.DUPLICATE)),
        failed=Count("pk", filter=Q(status=Article.Status.FAILED)),
    )
    part.fetched = stats["fetched"]
    part.kept = stats["kept"]
    part.duplicate = stats["duplicate"]
    part.errors = stats["failed"] + getattr(part, "_transient", 0)


def _hosts(source: Source) -> set[str]:
    hosts = set()
    host = (urlsplit(source.start_url).hostname or "").lower()
    if host:
        hosts.add(host.removeprefix("www."))
    if source.outlet_id and source.outlet.domain:
        hosts.add(source.outlet.domain.lower().removeprefix("www."))
    return hosts


def _same_site(url: str, hosts: set[str]) -> bool:
    host = (urlsplit(url).hostname or "").lower()
    return any(host == h or host.endswith("." + h) for h in hosts)


def discover(source: Source, fetcher: Fetcher) -> list[extract.Link]:
    """The article links of ``source`` (unique by canonical URL, on the source's site)."""
    links: list[extract.Link] = []
    pages = max(1, source.max_pages)
    if source.discovery == Source.Discovery.FEED:
        links = extract.feed_links(fetcher.get(source.start_url).body)
    elif source.discovery == Source.Discovery.SITEMAP:
        queue, seen = [source.start_url], set()
        while queue and len(seen) < pages:
            url = queue.pop(0)
            if url in seen:
                continue
            seen.add(url)
            found, children = extract.sitemap_links(fetcher.get(url).body)
            links.extend(found)
            queue.extend(children)
            if queue:
                time.sleep(source.delay_seconds)
    else:
        url, seen = source.start_url, set()
        while url and url not in seen and len(seen) < pages:
            seen.add(url)
            page = fetcher.get(url)
            found, url = extract.listing_links(
                page.text, page.final_url, source.link_selector, source.next_selector
            )
            links.extend(found)
            if url:
                time.sleep(source.delay_seconds)
    hosts = _hosts(source)
    unique: dict[str, extract.Link] = {}
    for link in links:
        canonical = canonical_url_or_blank(link.url)
        if canonical and canonical not in unique and _same_site(link.url, hosts):
            if len(canonical) <= 1000:
                unique[canonical] = link
    return list(unique.items())


def _known(canonicals: list[str]) -> set[str]:
    known = set()
    for start in range(0, len(canonicals), 500):
        chunk = canonicals[start : start + 500]
        known.update(
            Article.objects.filter(canonical_url__in=chunk).values_list("canonical_url", flat=True)
        )
    return known


def scrape_source(part: RunSource, fetcher: Fetcher) -> None:
    source = part.source
    compiled = rules.compile_rules()
    proposer = rules.get_proposer()
    found = discover(source, fetcher)
    found = found[: source.max_articles]
    known = _known([canonical for canonical, _link in found])
    part.found = len(found)
    part.already = sum(1 for canonical, _link in found if canonical in known)
    part._transient = 0
    part.save(update_fields=["found", "already"])
    disallowed = 0
    progress_every = max(1, settings.SCRAPE_PROGRESS_EVERY)
    for index, (canonical, link) in enumerate(found):
        if canonical in known:
            continue
        if index:
            time.sleep(source.delay_seconds)
        try:
            page = fetcher.get(link.url)
        except Disallowed:
            disallowed += 1
            continue
        except FetchError as exc:
            if exc.transient:
                part._transient += 1  # not stored: the next run tries again
                part.message = str(exc)[:500]
                continue
            _store(
                canonical, link.url, source, part, status=Article.Status.FAILED, message=str(exc)
            )
            continue
        read = extract.read_article(page.text, page.final_url, source)
        published = read.published or link.published
        title = read.title or link.title
        suggestions = proposer(title, read.text, published, compiled)
        status = Article.Status.NEW if suggestions.get("relevant") else Article.Status.IRRELEVANT
        duplicates = []
        if status == Article.Status.NEW:
            duplicates = _duplicates(title, suggestions, link.url, read.text)
            if any(d["kind"] == "block" for d in duplicates):
                status = Article.Status.DUPLICATE
        _store(
            canonical,
            link.url,
            source,
            part,
            status=status,
            title=title,
            published=published,
            text=read.text if status != Article.Status.IRRELEVANT else read.text[:1000],
            suggestions=suggestions,
            duplicates=duplicates,
        )
        if index % progress_every == 0:
            count(part)
            part.save(update_fields=["fetched", "kept", "duplicate", "errors", "message"])
    if disallowed:
        part.message = f"{disallowed} tautan dilarang robots.txt. {part.message}".strip()


def _duplicates(title, suggestions, url, text) -> list[dict]:
    from phenomena.duplicates.service import check_candidate

    candidate = {
        "title": title,
        "narrative": suggestions.get("narrative") or text[:2000],
        "url": url,
        "reference_period": suggestions.get("reference_period") or None,
        "area_code": suggestions.get("area") or None,
    }
    try:
        matches = check_candidate(candidate)
    except Exception:  # the check must not lose the article
        logger.exception("Duplicate check failed for %s", url)
        return []
    return [
        {
            "id": m.phenomenon.pk,
            "title": m.phenomenon.title,
            "score": round(m.score, 3),
            "reason": m.reason,
            "kind": m.kind,
        }
        for m in matches
    ]


def _store(canonical, url, source, part, *, status, message="", **fields) -> Article | None:
    try:
        with transaction.atomic():
            return Article.objects.create(
                canonical_url=canonical,
                url=url[:1000],
                source=source,
                run=part.run,
                status=status,
                message=message[:2000],
                **fields,
            )
    except IntegrityError:  # stored meanwhile (a task delivered twice): keep the first
        return None
