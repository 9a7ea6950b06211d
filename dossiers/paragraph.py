"""The dossier's explanatory paragraph: one small interface, a template-based default.

A provider turns a `ParagraphContext` (indicator, period, release day and the picked phenomena,
numbered as the dossier cites them) into Indonesian text that cites them as [1], [2], …
`settings.DOSSIER_PARAGRAPH_PROVIDER` names the class (dotted path); the default is
`TemplateParagraph`. An AI provider (the summaries app) plugs in with an adapter class:

    class SummariesParagraph:
        name = "summaries"
        label = "Ringkasan AI"
        def generate(self, context: ParagraphContext) -> str:
            ...  # ask the provider; raise ParagraphUnavailable when it cannot answer

When the configured provider raises `ParagraphUnavailable` (or any error), `generate` falls back
to the template and says so, so the statistician always gets a paragraph to edit.
"""

import datetime
import logging
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Protocol

from django.conf import settings
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _

from phenomena.dates import long_day
from phenomena.models import Direction

logger = logging.getLogger(__name__)


@dataclass
class CitedPhenomenon:
    number: int  # the [n] it is cited as
    title: str
    narrative: str
    direction: str | None  # a Direction value or None
    area: str | None  # kab/kota name, None for province-wide
    outlet: str
    source_date: datetime.date | None
    url: str
    note: str = ""  # the statistician's annotation


@dataclass
class ParagraphContext:
    indicator: str
    release_date: datetime.date
    period: str
    items: list[CitedPhenomenon] = field(default_factory=list)


class ParagraphUnavailable(Exception):
    """A provider cannot write the paragraph now (no key, service down, refused)."""


class ParagraphProvider(Protocol):
    name: str
    label: str

    def generate(self, context: ParagraphContext) -> str: ...


def _phrase(item: CitedPhenomenon) -> str:
    text = (item.note or item.title).strip().rstrip(".")
    return f"{text} [{item.number}]"


def _join(parts: list[str]) -> str:
    if len(parts) == 1:
        return parts[0]
    return "; ".join(parts[:-1]) + _("; serta ") + parts[-1]


def _numbers(items) -> str:
    return ", ".join(f"[{i.number}]" for i in items)


class TemplateParagraph:
    """Sentences built from the picked phenomena, grouped by direction, then by kab/kota."""

    name = "template"
    label = _("Templat SIMFONI")

    def generate(self, context: ParagraphContext) -> str:
        items = context.items
        if not items:
            return ""
        values = {
            "indicator": context.indicator,
            "period": context.period,
            "day": long_day(context.release_date),
            "n": len(items),
        }
        sentences = [
            _(
                "Pergerakan %(indicator)s periode %(period)s yang dirilis %(day)s "
                "dijelaskan oleh %(n)d fenomena yang dihimpun SIMFONI."
            )
            % values
        ]
        groups = {d: [i for i in items if i.direction == d] for d in Direction.values}
        unknown = [i for i in items if i.direction not in Direction.values]
        rising, falling, steady = (
            groups[Direction.NAIK],
            groups[Direction.TURUN],
            groups[Direction.STABIL],
        )
        if rising:
            sentences.append(
                _("Fenomena yang mendorong kenaikan antara lain: %(list)s.")
                % {"list": _join([_phrase(i) for i in rising])}
            )
        if falling:
            template = (
                _("Sebaliknya, fenomena yang menahan atau mendorong penurunan: %(list)s.")
                if rising
                else _("Fenomena yang mendorong penurunan antara lain: %(list)s.")
            )
            sentences.append(template % {"list": _join([_phrase(i) for i in falling])})
        if steady:
            sentences.append(
                _("Sementara itu, kondisi yang relatif stabil tercermin dari: %(list)s.")
                % {"list": _join([_phrase(i) for i in steady])}
            )
        if unknown:
            sentences.append(
                _("Fenomena lain yang turut relevan: %(list)s.")
                % {"list": _join([_phrase(i) for i in unknown])}
            )
        by_area = OrderedDict()
        for item in items:
            if item.area:
                by_area.setdefault(item.area, []).append(item)
        if by_area:
            places = [f"{area} {_numbers(cited)}" for area, cited in by_area.items()]
            sentences.append(
                _("Di tingkat kabupaten/kota, fenomena tercatat di %(places)s.")
                % {"places": ", ".join(places)}
            )
        return " ".join(sentences)


def get_provider() -> ParagraphProvider:
    return import_string(settings.DOSSIER_PARAGRAPH_PROVIDER)()


@dataclass
class Generated:
    text: str
    provider: str  # the name of the provider that wrote it
    notice: str = ""  # why the template was used instead of the configured provider


def generate(context: ParagraphContext) -> Generated:
    provider = get_provider()
    try:
        return Generated(provider.generate(context), provider.name)
    except Exception as error:  # noqa: BLE001 — any provider failure falls back to the template
        if isinstance(provider, TemplateParagraph):
            raise
        logger.warning("dossier paragraph: %s failed (%s), using the template", provider, error)
        fallback = TemplateParagraph()
        return Generated(
            fallback.generate(context),
            fallback.name,
            _("%(provider)s tidak tersedia; paragraf dibuat dari templat.")
            % {"provider": provider.label},
        )
