"""The rules that keep and pre-fill a scraped article, on any machine (no AI needed).

``propose(title, text, published, rules)`` returns a dict of suggestions, each taken from the
article itself: the theme and subject (keyword rules), the indicator of the best rule, the scope
and kab/kota (place names in the text), the reference month (Indonesian month names; else the
month the article was published, marked as such), 2-4 sentences of the article as the
narrative, the figures it reports (value, unit, what they measure: numbers with persen/%, Rp,
people, tonnes...), the direction words (naik/turun/stabil) and the keywords matched. Nothing is
proposed that the article does not say: no place, month or direction is guessed.

The proposer is one setting, ``SCRAPE_PROPOSER`` (a dotted path to a function with this
signature), so an AI proposer can replace these rules later.
"""

from __future__ import annotations

import datetime
import re
from collections import Counter
from dataclasses import dataclass

from django.conf import settings
from django.utils.module_loading import import_string

from simfoni_text import places

from .extract import MONTHS

FULL_MONTHS = {
    "januari": 1, "februari": 2, "pebruari": 2, "maret": 3, "april": 4, "mei": 5, "juni": 6,
    "juli": 7, "agustus": 8, "september": 9, "oktober": 10, "november": 11, "nopember": 11,
    "desember": 12,
}  # fmt: skip
assert set(FULL_MONTHS) <= set(MONTHS)

_MONTH_RE = re.compile(
    r"(?:(\d{1,2})\s+)?\b(" + "|".join(FULL_MONTHS) + r")\b(?:\s+((?:19|20)\d\d))?",
    re.IGNORECASE,
)
_NUMBER = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:[.,]\d+)?"
_SCALE = r"ribu|juta|miliar|milyar|triliun"
_FIGURE_RES = [
    (re.compile(rf"\bRp\.?\s?({_NUMBER})(?:\s*({_SCALE}))?", re.IGNORECASE), "Rp"),
    (re.compile(rf"\b({_NUMBER})\s*(?:(persen)\b|(%))", re.IGNORECASE), "persen"),
    (
        re.compile(
            rf"\b({_NUMBER})(?:\s*({_SCALE}))?\s+(orang|jiwa|wisatawan|kunjungan|penumpang|ton|"
            r"kilogram|kg|unit|rumah|hektare|hektar|ha|siswa|pasien|kasus|poin|kendaraan)\b",
            re.IGNORECASE,
        ),
        None,
    ),
]
_FILLER = {
    "sebesar", "mencapai", "menjadi", "sekitar", "hingga", "sebanyak", "yakni", "yaitu",
    "adalah", "atau", "dari", "ke", "pada", "di", "sampai", "dengan", "naik", "turun",
    "meningkat", "menurun", "tercatat", "capai", "tembus", "senilai", "setara", "kini", "lalu",
    "yang", "itu", "ini", "hanya", "lebih", "kurang", "rata", "rata-rata", "per",
}  # fmt: skip
DIRECTION_WORDS = {
    "naik": (
        "naik", "kenaikan", "meningkat", "peningkatan", "melonjak", "lonjakan", "bertambah",
        "tumbuh", "pertumbuhan", "menguat", "melambung", "mendaki",
    ),
    "turun": (
        "turun", "penurunan", "menurun", "merosot", "anjlok", "berkurang", "melemah",
        "terkontraksi", "kontraksi", "susut", "menyusut",
    ),
    "stabil": ("stabil", "tidak berubah", "terkendali", "bertahan", "tetap"),
}  # fmt: skip
_DIRECTION_RES = {
    name: re.compile(r"\b(?:" + "|".join(map(re.escape, words)) + r")\b", re.IGNORECASE)
    for name, words in DIRECTION_WORDS.items()
}
_SENTENCE_SPLIT = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"“(])")
_DATELINE = re.compile(r"^[A-Z][A-Za-z .]{1,40},\s*(?:[A-Za-z.]{2,30}\s*)?[-–—]{1,2}\s+")
_BODETABEK = re.compile(r"\b(bogor|depok|tangerang|bekasi|bodetabek)\b", re.IGNORECASE)
_PROVINCE = re.compile(
    r"\b(?:DKI|Pemprov|ibu kota|se-Jakarta)\b"
    r"|\bJakarta\b(?!\s+(?:Selatan|Timur|Pusat|Barat|Utara)\b)",
    re.IGNORECASE,
)
_NATIONAL = re.compile(r"\b(nasional|indonesia|tanah air)\b", re.IGNORECASE)


@dataclass
class CompiledRule:
    pk: int
    theme_id: int
    subject_id: int
    indicator_id: int | None
    weight: int
    pattern: re.Pattern
    keywords: list[str]


def compile_rules(queryset=None) -> list[CompiledRule]:
    from .models import KeywordRule

    queryset = queryset if queryset is not None else KeywordRule.objects.filter(enabled=True)
    compiled = []
    for rule in queryset.select_related("theme"):
        words = rule.keyword_list()
        if not words:
            continue
        alternatives = sorted(words, key=len, reverse=True)
        pattern = re.compile(
            r"(?<!\w)(" + "|".join(re.escape(w) for w in alternatives) + r")(?!\w)", re.IGNORECASE
        )
        compiled.append(
            CompiledRule(
                rule.pk,
                rule.theme_id,
                rule.theme.subject_id,
                rule.indicator_id,
                rule.weight,
                pattern,
                words,
            )
        )
    return compiled


def sentences(text: str) -> list[str]:
    out = []
    for paragraph in (text or "").split("\n"):
        paragraph = paragraph.strip()
        if paragraph:
            out.extend(s.strip() for s in _SENTENCE_SPLIT.split(paragraph) if s.strip())
    return out


def parse_number(value: str) -> float | None:
    """Indonesian notation: "." groups thousands, "," is the decimal mark."""
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", value):
        value = value.replace(".", "").replace(",", ".")
    else:
        value = value.replace(",", ".")
    try:
        return float(value)
    except ValueError:
        return None


def _measure(before: str) -> str:
    """What a figure measures: the words before it in its clause (after the last comma),
    without the filler words at either end, as the article writes them."""
    clause = re.split(r"[,;:()]", before)[-1]
    words = list(re.finditer(r"[\w-]+", clause))
    while words and (words[-1].group().casefold() in _FILLER or words[-1].group().isdigit()):
        words.pop()
    words = words[-5:]
    while words and words[0].group().casefold() in _FILLER:
        words.pop(0)
    return clause[words[0].start() : words[-1].end()] if words else ""


def figures(text: str, limit: int = 8) -> list[dict]:
    """Numbers with a unit as the article writes them, with the words before them."""
    found, seen = [], set()
    for sentence in sentences(text):
        for pattern, unit in _FIGURE_RES:
            for match in pattern.finditer(sentence):
                raw = match.group(0).strip()
                if (raw, sentence) in seen:
                    continue
                seen.add((raw, sentence))
                groups = match.groups()
                scale = next((g for g in groups[1:] if g and re.fullmatch(_SCALE, g, re.I)), "")
                this_unit = unit or groups[-1]
                if unit == "Rp":
                    this_unit = f"Rp {scale}".strip() if scale else "Rp"
                elif unit is None and scale:
                    this_unit = f"{scale} {groups[-1]}"
                found.append(
                    {
                        "text": raw,
                        "value": parse_number(groups[0]),
                        "unit": this_unit.lower() if this_unit != "Rp" else "Rp",
                        "measure": _measure(sentence[: match.start()]),
                    }
                )
                if len(found) >= limit:
                    return found
    return found


def direction(text: str) -> str:
    counts = {name: len(rx.findall(text or "")) for name, rx in _DIRECTION_RES.items()}
    best = max(counts.values())
    if best == 0:
        return ""
    leaders = [name for name, n in counts.items() if n == best]
    return leaders[0] if len(leaders) == 1 else ""


def reference_month(text: str, published: datetime.date | None):
    """(first day of the month, basis): a month named without a day ("inflasi Oktober
    2026", "pada bulan Oktober") wins; a dated day ("28 November") is an event, not a period;
    else the month of publication."""
    counts: Counter = Counter()
    for match in _MONTH_RE.finditer(text or ""):
        day, name, year = match.groups()
        if day:
            continue
        month = FULL_MONTHS[name.casefold()]
        if year:
            year = int(year)
        elif published:
            year = published.year if month <= published.month else published.year - 1
        else:
            continue
        counts[(year, month)] += 1
    if counts:
        (year, month), _n = counts.most_common(1)[0]
        return datetime.date(year, month, 1), "teks"
    if published:
        return published.replace(day=1), "tanggal terbit"
    return None, ""


def scope_and_area(text: str) -> tuple[str, str, list[str]]:
    """(scope code, area code, area codes named) from the place names in the text."""
    normalised = places.normalise_name(text or "")
    areas = [a for a in places.areas_in(normalised) if len(a) == 4]  # kab/kota keys only
    distinct = list(dict.fromkeys(areas))
    province = len(_PROVINCE.findall(text or ""))
    # one kab/kota named at least as often as the province itself: that kab/kota
    if len(distinct) == 1 and areas.count(distinct[0]) >= province:
        return "kabkota", distinct[0], distinct
    if distinct or province:
        return "dki", "", distinct
    if _BODETABEK.search(text or ""):
        return "bodetabek", "", distinct
    if _NATIONAL.search(text or ""):
        return "nasional", "", distinct
    return "", "", distinct


def narrative(text: str, rule: CompiledRule | None, max_chars: int = 1500) -> str:
    """2-4 sentences of the article: its lead, then those with figures or the theme's words."""
    all_sentences = sentences(text)
    if not all_sentences:
        return ""
    first = _DATELINE.sub("", all_sentences[0]).strip()
    chosen = [0]
    for index, sentence in enumerate(all_sentences[1:], start=1):
        if len(chosen) >= 4:
            break
        has_figure = any(p.search(sentence) for p, _u in _FIGURE_RES)
        has_word = bool(rule and rule.pattern.search(sentence))
        if has_figure or has_word:
            chosen.append(index)
    index = 1
    while len(chosen) < 2 and index < len(all_sentences):
        if index not in chosen:
            chosen.append(index)
        index += 1
    parts = [first if i == 0 else all_sentences[i] for i in sorted(chosen)]
    out = ""
    for part in parts:
        if out and len(out) + len(part) + 1 > max_chars:
            break
        out = f"{out} {part}".strip()
    return out[:max_chars]


def propose(title: str, text: str, published: datetime.date | None, rules) -> dict:
    """Suggestions for one article (see the module doc)."""
    scored = []
    title = title or ""
    for rule in rules:
        title_hits = rule.pattern.findall(title)
        text_hits = rule.pattern.findall(text or "")
        if not title_hits and not text_hits:
            continue
        per_word = Counter(h.casefold() for h in text_hits)
        score = rule.weight * (2 * len(title_hits) + sum(min(n, 3) for n in per_word.values()))
        matched = list(dict.fromkeys(h.casefold() for h in [*title_hits, *text_hits]))
        scored.append((score, rule, matched))
    scored.sort(key=lambda item: -item[0])
    best_score, best, matched = scored[0] if scored else (0, None, [])
    relevant = best_score >= settings.SCRAPE_MIN_SCORE
    full = f"{title}\n{text or ''}"
    scope, area, areas = scope_and_area(full)
    period, basis = reference_month(full, published)
    return {
        "relevant": relevant,
        "score": best_score,
        "rule": best.pk if best else None,
        "theme": best.theme_id if best else None,
        "subject": best.subject_id if best else None,
        "indicator": best.indicator_id if best else None,
        "scope": scope,
        "area": area,
        "areas": areas,
        "reference_period": period.isoformat() if period else "",
        "period_basis": basis,
        "keywords": matched[:5],
        "narrative": narrative(text, best),
        "figures": figures(full),
        "direction": direction(full),
    }


def get_proposer():
    """The proposer named by ``SCRAPE_PROPOSER`` (default: ``scrape.rules.propose``)."""
    return import_string(settings.SCRAPE_PROPOSER)
