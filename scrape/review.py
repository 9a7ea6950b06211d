"""From a kept article to a submitted phenomenon, and back to an operator when rejected.

``upload(user, articles)``: each chosen article becomes a phenomenon of source type Web
Scraping through ``phenomena.services.create_phenomenon(..., submit=True)`` (the normal
approval workflow notifies the supervisors of its theme; ``notify_scrape_results_ready`` tells
them a batch is waiting). ``delegate(supervisor, phenomenon, operator)``: a supervisor who
rejected one hands it to an operator (by default an operator of the outlet's work unit), who is
notified, edits it and resubmits.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from phenomena import limits, services
from phenomena.models import Indicator, Scope, SourceType, Subject, Theme
from phenomena.roles import operators as active_operators

from .models import Article


@dataclass
class UploadResult:
    uploaded: list = field(default_factory=list)
    refused: dict = field(default_factory=dict)  # article pk -> message


def _message(exc) -> str:
    if isinstance(exc, ValidationError):
        if hasattr(exc, "message_dict"):
            return "; ".join(m for msgs in exc.message_dict.values() for m in msgs)
        return "; ".join(exc.messages)
    return str(exc) or exc.__class__.__name__


def build_input(article: Article) -> services.PhenomenonInput:
    """The phenomenon the article proposes; ``ValidationError`` when a required part (theme,
    scope, month) is not in the article: the admin completes it in the editor instead."""
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
    source_date = article.published if article.published and article.published <= today else None
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
        sources=[
            services.SourceData(
                source_type=SourceType.objects.get(code="web_scraping"),
                outlet=None,
                url=article.url,
                source_date=source_date or today,
            )
        ],
        indicators=indicators,
    )


def upload(user, articles) -> UploadResult:
    """Submit each article (status "new") as a phenomenon by ``user`` (an admin)."""
    from reminders.scrape import notify_scrape_results_ready

    result = UploadResult()
    for article in articles:
        if article.status != Article.Status.NEW:
            continue
        try:
            data = build_input(article)
            phenomenon = services.create_phenomenon(user, data, submit=True)
        except PermissionDenied:
            raise
        except ValidationError as exc:
            article.message = _message(exc)[:2000]
            article.save(update_fields=["message"])
            result.refused[article.pk] = article.message
            continue
        article.status = Article.Status.UPLOADED
        article.phenomenon = phenomenon
        article.message = ""
        article.save(update_fields=["status", "phenomenon", "message"])
        result.uploaded.append(phenomenon)
    if result.uploaded:
        notify_scrape_results_ready(len(result.uploaded))
    return result


# --- delegation ------------------------------------------------------------------------------


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

    article = Article.objects.filter(phenomenon=phenomenon).select_related("source__outlet").first()
    if article is None:
        raise ValidationError(_("Fenomena ini bukan hasil web scraping."))
    operator = operator or default_operator(article)
    if operator is None:
        raise ValidationError(_("Tidak ada operator yang dapat ditugaskan."))
    phenomenon = services.transfer_authorship(user, phenomenon, operator, reason=reason)
    notify_delegated_edit(operator, phenomenon, actor=user)
    return phenomenon
