"""From a kept article to a submitted phenomenon, and back to an operator when rejected.

``upload(user, groups)``: each chosen proposal (the articles of one event, ``scrape.grouping``)
becomes one phenomenon with a Web Scraping source per article through
``phenomena.services.create_phenomenon(..., submit=True)`` (the normal approval workflow
notifies the supervisors of its theme; ``notify_scrape_results_ready`` tells them a batch is
waiting). ``delegate(supervisor, phenomenon, operator)``: a supervisor who rejected one hands
it to an operator (by default an operator of the work unit of its first article's outlet), who
is notified, edits it and resubmits.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from phenomena import limits, services
from phenomena.models import Indicator, Phenomenon, Scope, SourceType, Subject, Theme
from phenomena.roles import operators as active_operators

from .models import Article


@dataclass
class UploadResult:
    uploaded: list = field(default_factory=list)
    refused: dict = field(default_factory=dict)  # lead article pk -> message


def _message(exc) -> str:
    if isinstance(exc, ValidationError):
        if hasattr(exc, "message_dict"):
            return "; ".join(m for msgs in exc.message_dict.values() for m in msgs)
        return "; ".join(exc.messages)
    return str(exc) or exc.__class__.__name__


def _source(article: Article, source_type, today) -> services.SourceData:
    """The article as a Web Scraping source: its outlet (the portal read), URL and date."""
    published = article.published if article.published and article.published <= today else None
    return services.SourceData(
        source_type=source_type,
        outlet=article.source.outlet if article.source_id else None,
        url=article.url,
        source_date=published or today,
    )


def build_input(article: Article, others=()) -> services.PhenomenonInput:
    """The phenomenon the article proposes, with one source for it and one for each of
    ``others`` (the other portals' articles about the same event); ``ValidationError`` when a
    required part (theme, scope, month) is not in the article: the admin completes it in the
    editor instead."""
    s = article.suggestions or {}
    missing = []
    theme = Theme.objects.filter(pk=s.get("theme")).first() if s.get("theme") else None
    if theme is None:
        missing.append(_("tema"))
    scope_code, area_code = s.get("scope") or "", s.get("area") or ""
    scope = (
        Scope.objects.filter(code=scope_code, parent__isnull=True).first() if scope_code else None
    )
    area = Scope.objects.filter(code=area_code, parent__isnull=False).first() if area_code else None
    if scope is None:
        missing.append(_("cakupan"))
    period = None
    if s.get("reference_period"):
        period = datetime.date.fromisoformat(s["reference_period"]).replace(day=1)
    else:
        missing.append(_("periode referensi"))
    if missing:
        raise ValidationError(
            _("Artikel tidak menyebut: %(parts)s.") % {"parts": ", ".join(map(str, missing))}
        )
    indicators = []
    if s.get("indicator") and s.get("direction"):
        indicator = Indicator.objects.filter(pk=s["indicator"]).first()
        if indicator is not None:
            indicators.append(services.IndicatorData(indicator, s["direction"]))
    today = timezone.localdate()
    web_scraping = SourceType.objects.get(code="web_scraping")
    return services.PhenomenonInput(
        title=(article.title or article.url)[: limits.TITLE_MAX_CHARS],
        narrative=(s.get("narrative") or article.excerpt)[: limits.NARRATIVE_MAX_CHARS],
        reference_period=period,
        scope=scope,
        area=area,
        subject=Subject.objects.get(pk=theme.subject_id),
        theme=theme,
        keywords=[k[: limits.KEYWORD_MAX_CHARS] for k in s.get("keywords") or []][
            : limits.KEYWORDS_MAX
        ],
        sources=[_source(a, web_scraping, today) for a in [article, *others]][: limits.SOURCES_MAX],
        indicators=indicators,
    )


def upload_group(user, articles) -> Phenomenon:
    """One submitted phenomenon by ``user`` from ``articles`` (one event: the first, the most
    complete, gives the content; each gives a source), every article marked uploaded and linked
    to it. All or nothing: ``ValidationError`` (a duplicate, a missing part, an article no longer
    waiting) leaves no phenomenon and no article changed."""
    articles = list(articles)
    if not articles:
        raise ValidationError(_("Tidak ada artikel yang menunggu tinjauan."))
    data = build_input(articles[0], articles[1:])
    with transaction.atomic():
        phenomenon = services.create_phenomenon(user, data, submit=True)
        marked = Article.objects.filter(
            pk__in=[a.pk for a in articles], status=Article.Status.NEW
        ).update(status=Article.Status.UPLOADED, phenomenon=phenomenon, message="")
        if marked != len(articles):  # another admin uploaded or skipped one meanwhile
            raise ValidationError(_("Sebagian artikel sudah diunggah atau dilewati."))
    for article in articles:
        article.status, article.phenomenon, article.message = (
            Article.Status.UPLOADED,
            phenomenon,
            "",
        )
    return phenomenon


def upload(user, groups) -> UploadResult:
    """Submit each group (a list of articles about one event, or one article) still waiting
    for review as one phenomenon by ``user`` (an admin); a refused group keeps its articles
    waiting, each with the reason."""
    from reminders.scrape import notify_scrape_results_ready

    result = UploadResult()
    for group in groups:
        articles = [group] if isinstance(group, Article) else list(group)
        articles = [a for a in articles if a.status == Article.Status.NEW]
        if not articles:
            continue
        try:
            phenomenon = upload_group(user, articles)
        except PermissionDenied:
            raise
        except ValidationError as exc:
            message = _message(exc)[:2000]
            Article.objects.filter(
                pk__in=[a.pk for a in articles], status=Article.Status.NEW
            ).update(message=message)
            for article in articles:
                article.message = message
            result.refused[articles[0].pk] = message
            continue
        result.uploaded.append(phenomenon)
    if result.uploaded:
        notify_scrape_results_ready(len(result.uploaded))
    return result


# --- delegation ------------------------------------------------------------------------------


def first_article(phenomenon) -> Article | None:
    """The article of the phenomenon's first source (the lead of its group), else any."""
    articles = list(Article.objects.filter(phenomenon=phenomenon).select_related("source__outlet"))
    if len(articles) > 1:
        order = list(phenomenon.sources.order_by("sort_order", "pk").values_list("url", flat=True))
        rank = {url: n for n, url in enumerate(order)}
        articles.sort(key=lambda a: (rank.get(a.url, len(rank)), a.pk))
    return articles[0] if articles else None


def operators_for(article: Article | None):
    """Active operators, those of the outlet's work unit first (the default is the first)."""
    operators = active_operators().select_related("simfoni_profile")
    outlet = article.source.outlet if article and article.source_id else None
    unit_id = outlet.work_unit_id if outlet else None
    first = [u for u in operators if u.simfoni_profile.work_unit_id == unit_id]
    rest = [u for u in operators if u.simfoni_profile.work_unit_id != unit_id]
    return sorted(first, key=lambda u: u.username) + sorted(rest, key=lambda u: u.username)


def default_operator(article: Article | None):
    candidates = operators_for(article)
    return candidates[0] if candidates else None


def delegate(user, phenomenon, operator=None, *, reason: str = ""):
    """Hand a rejected scraped ``phenomenon`` to ``operator`` (default: the outlet's work
    unit's operator) and notify them."""
    from reminders.scrape import notify_delegated_edit

    article = first_article(phenomenon)
    if article is None:
        raise ValidationError(_("Fenomena ini bukan hasil web scraping."))
    operator = operator or default_operator(article)
    if operator is None:
        raise ValidationError(_("Tidak ada operator yang dapat ditugaskan."))
    phenomenon = services.transfer_authorship(user, phenomenon, operator, reason=reason)
    notify_delegated_edit(operator, phenomenon, actor=user)
    return phenomenon
