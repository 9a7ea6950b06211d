"""The dossier's explanatory paragraph: one small interface, a template-based default.

A provider turns a `ParagraphContext` (indicator, period, release day and the picked phenomena,
numbered as the dossier cites them) into Indonesian text that cites them as [1], [2], …
`settings.DOSSIER_PARAGRAPH_PROVIDER` names the class (dotted path); left empty, the choice is
automatic: `SummariesParagraph` (the summaries app's Mistral provider) when `MISTRAL_API_KEY` is
set, otherwise `TemplateParagraph`.

When the configured provider raises `ParagraphUnavailable` (or any error), `generate` falls back
to the template and says so, so the statistician always gets a paragraph to edit.
"""

import datetime
import logging
import re
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Protocol

from django.conf import settings
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

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


PARAGRAPH_PROMPT = """Tulis SATU paragraf penjelasan rilis indikator dalam Bahasa Indonesia \
baku (3 sampai 6 kalimat) dari fenomena di dalam data: ke arah mana indikator bergerak dan \
fenomena mana yang mendorong atau menahannya, menurut wilayah bila relevan. Setiap kalimat \
wajib mencantumkan id fenomena yang mendasarinya di "sumber"; jangan menulis nomor atau tanda \
kurung rujukan di dalam teks. Jawab HANYA dengan JSON: \
{"ringkasan": [{"teks": "...", "sumber": [id, ...]}]}"""

_CITATION_RE = re.compile(r"\s*\[\s*\d+(?:\s*[,;]\s*\d+)*\s*\]")


class SummariesParagraph:
    """The summaries app's Mistral provider writes the paragraph. The picked phenomena go in as
    delimited data with the dossier's numbers as ids, so its citations are the dossier's [n];
    citations to anything not picked are dropped, and an answer left without a valid citation
    (or an error) raises `ParagraphUnavailable`, so `generate` falls back to the template."""

    name = "mistral"
    label = gettext_lazy("Ringkasan AI (Mistral)")

    def generate(self, context: ParagraphContext) -> str:
        from summaries.extractive import Item
        from summaries.providers import (
            MistralProvider,
            ProviderError,
            _escape,
            data_block,
            keep_cited,
            parse_answer,
        )

        if not context.items:
            return ""
        if not settings.MISTRAL_API_KEY:
            raise ParagraphUnavailable("MISTRAL_API_KEY is not set")
        items = [
            Item(
                id=item.number,
                title=item.title,
                narrative=item.narrative
                + (f"\nCatatan statistisi: {item.note}" if item.note else ""),
                area_label=item.area or "",
                indicators=[(context.indicator, item.direction)] if item.direction else [],
            )
            for item in context.items
        ]
        facts = "\n".join(
            _escape(line)
            for line in (
                f"Indikator: {context.indicator}",
                f"Periode referensi: {context.period}",
                f"Tanggal rilis: {long_day(context.release_date)}",
                f"Jumlah fenomena: {len(items)}",
            )
        )
        try:
            provider = MistralProvider()
            found, _recs = parse_answer(
                provider._chat(facts + "\n\n" + data_block(items), instruction=PARAGRAPH_PROMPT)
            )
        except ProviderError as error:
            raise ParagraphUnavailable(str(error)) from error
        found = keep_cited(found, {item.number for item in context.items})
        if not found:
            raise ParagraphUnavailable("no statement cites a picked phenomenon")
        sentences = []
        for statement in found:
            text = _CITATION_RE.sub("", statement.text).strip().rstrip(".").strip()
            if text:
                sentences.append(f"{text} {', '.join(f'[{n}]' for n in statement.cites)}.")
        if not sentences:
            raise ParagraphUnavailable("the answer has no text")
        return " ".join(sentences)


def get_provider() -> ParagraphProvider:
    """The configured provider, or automatically Mistral when its key is set, else the template."""
    if settings.DOSSIER_PARAGRAPH_PROVIDER:
        return import_string(settings.DOSSIER_PARAGRAPH_PROVIDER)()
    if settings.MISTRAL_API_KEY:
        return SummariesParagraph()
    return TemplateParagraph()


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
