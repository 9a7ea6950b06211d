"""The offline summariser: sentence ranking and rule-based recommendations, without Django.

It works on a `Brief` (what `summaries.service` collects from the database: the approved
phenomena of one scope plus the facts the rules need) and returns statements and
recommendations, each citing the phenomena it rests on. The text is Indonesian.

Ranking: every narrative is split into sentences; each sentence's terms come from
`simfoni_text.analysis.analyse` (the search app's analyser). A sentence scores by how many of the
scope's phenomena share its terms (a centroid over phenomena, so a story told by several sources
ranks high), with a bonus for figures and direction words. The best sentences are picked
greedily, one per phenomenon, skipping near-repeats.
"""

from __future__ import annotations

import datetime
import functools
import math
import re
from collections import Counter
from dataclasses import dataclass, field

from simfoni_text.analysis import analyse

NAIK, TURUN, STABIL = "naik", "turun", "stabil"
DIRECTION_LABELS = {NAIK: "naik", TURUN: "turun", STABIL: "stabil"}

# Direction words, compared after analysis (so "meningkat", "meningkatnya" match alike).
_DIRECTION_WORDS = {
    NAIK: "naik meningkat kenaikan peningkatan melonjak lonjakan tumbuh pertumbuhan bertambah "
    "menguat melambung tinggi",
    TURUN: "turun menurun penurunan merosot anjlok melemah pelemahan berkurang susut "
    "kontraksi deflasi rendah",
    STABIL: "stabil tetap terkendali datar",
}


@functools.cache
def direction_terms() -> dict[str, set[str]]:
    """The analysed direction words. Computed on first use, not at import: analysis reads the
    place names, which come from the database once the site is running."""
    return {
        direction: {term for word in words.split() for term in analyse(word)}
        for direction, words in _DIRECTION_WORDS.items()
    }


@functools.cache
def all_direction_terms() -> set[str]:
    return set().union(*direction_terms().values())


_SENTENCE_RE = re.compile(r"(?<=[.!?])\s+(?=[\"“'(]?[A-Z0-9])")
_NUMBER_RE = re.compile(r"\d")
MAX_SENTENCE_CHARS = 320
MIN_SENTENCE_TERMS = 4


@dataclass
class Item:
    """One approved phenomenon, as the summarisers see it."""

    id: int
    title: str
    narrative: str
    area_code: str = ""
    area_label: str = ""
    indicators: list[tuple[str, str]] = field(default_factory=list)  # (indicator, direction)
    keywords: list[str] = field(default_factory=list)


@dataclass
class Release:
    indicator: str
    date: datetime.date
    date_label: str


@dataclass
class Brief:
    """One scope to summarise and the facts the rules need."""

    theme: str
    month_label: str
    items: list[Item]
    area_label: str = ""  # set for a kab/kota summary
    release: Release | None = None  # set for a release summary
    previous_count: int = 0
    previous_month_label: str = ""
    # Every kab/kota of the installation (code, label): for coverage gaps (theme-level only).
    areas: list[tuple[str, str]] = field(default_factory=list)
    # Releases of the theme's indicators within the next days.
    upcoming: list[Release] = field(default_factory=list)

    @property
    def ids(self) -> set[int]:
        return {item.id for item in self.items}

    @property
    def where(self) -> str:
        return f" di {self.area_label}" if self.area_label else ""


@dataclass
class Statement:
    text: str
    cites: list[int]
    kind: str = ""
    areas: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        data = {"text": self.text, "cites": list(self.cites)}
        if self.kind:
            data["kind"] = self.kind
        if self.areas:
            data["areas"] = list(self.areas)
        return data


# ---------------------------------------------------------------------------
# Directions
# ---------------------------------------------------------------------------


def word_direction(text: str) -> str | None:
    """The direction the words of `text` lean to (naik/turun/stabil), or None."""
    counts = Counter()
    for term in analyse(text):
        for direction, terms in direction_terms().items():
            if term in terms:
                counts[direction] += 1
    if not counts:
        return None
    ranked = counts.most_common()
    if len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
        return None
    return ranked[0][0]


def item_direction(item: Item) -> str | None:
    """The indicators' directions when the phenomenon names any, else its words'."""
    if item.indicators:
        counts = Counter(direction for _name, direction in item.indicators)
        ranked = counts.most_common()
        if len(ranked) == 1 or ranked[0][1] > ranked[1][1]:
            return ranked[0][0]
        return None
    return word_direction(f"{item.title}. {item.narrative}")


def direction_counts(items: list[Item]) -> dict[str | None, list[int]]:
    out: dict[str | None, list[int]] = {NAIK: [], TURUN: [], STABIL: [], None: []}
    for item in items:
        out[item_direction(item)].append(item.id)
    return out


def per_indicator(items: list[Item]) -> dict[str, dict[str, list[int]]]:
    """{indicator: {direction: [ids]}} in order of how many phenomena name the indicator."""
    table: dict[str, dict[str, list[int]]] = {}
    for item in items:
        for name, direction in item.indicators:
            ids = table.setdefault(name, {NAIK: [], TURUN: [], STABIL: []}).setdefault(
                direction, []
            )
            if item.id not in ids:
                ids.append(item.id)
    return dict(sorted(table.items(), key=lambda kv: -sum(len(v) for v in kv[1].values())))


# ---------------------------------------------------------------------------
# Sentence ranking
# ---------------------------------------------------------------------------


@dataclass
class _Sentence:
    item_id: int
    text: str
    terms: set[str]
    score: float = 0.0


def split_sentences(text: str) -> list[str]:
    text = re.sub(r"\s+", " ", text or "").strip()
    return [s.strip() for s in _SENTENCE_RE.split(text) if s.strip()]


def _shorten(text: str) -> str:
    if len(text) <= MAX_SENTENCE_CHARS:
        return text
    cut = text[:MAX_SENTENCE_CHARS].rsplit(" ", 1)[0]
    return cut.rstrip(",;:") + " …"


def rank_sentences(items: list[Item]) -> list[_Sentence]:
    """Every usable sentence of the narratives, best first."""
    sentences: list[_Sentence] = []
    doc_freq: Counter = Counter()
    for item in items:
        seen: set[str] = set()
        for text in split_sentences(item.narrative):
            terms = set(analyse(text))
            if len(terms) < MIN_SENTENCE_TERMS:
                continue
            sentences.append(_Sentence(item.id, text, terms))
            seen |= terms
        doc_freq.update(seen)
    n = max(len(items), 1)
    for sentence in sentences:
        centrality = sum(doc_freq[t] / n for t in sentence.terms)
        sentence.score = centrality / math.sqrt(len(sentence.terms))
        if _NUMBER_RE.search(sentence.text):
            sentence.score += 0.3
        if sentence.terms & all_direction_terms():
            sentence.score += 0.3
    sentences.sort(key=lambda s: (-s.score, s.item_id))
    return sentences


def _jaccard(a: set, b: set) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def key_sentences(items: list[Item], limit: int) -> list[Statement]:
    """The `limit` best sentences, one per phenomenon, no near-repeats. Each cites its own
    phenomenon and the others whose narrative carries most of the sentence's terms."""
    item_terms = {item.id: set(analyse(f"{item.title} {item.narrative}")) for item in items}
    chosen: list[_Sentence] = []
    for sentence in rank_sentences(items):
        if len(chosen) >= limit:
            break
        if any(s.item_id == sentence.item_id for s in chosen):
            continue
        if any(_jaccard(s.terms, sentence.terms) > 0.5 for s in chosen):
            continue
        chosen.append(sentence)
    out = []
    for sentence in chosen:
        cites = [sentence.item_id]
        for other, terms in item_terms.items():
            if other != sentence.item_id and len(sentence.terms & terms) >= 0.7 * len(
                sentence.terms
            ):
                cites.append(other)
        out.append(Statement(_shorten(sentence.text), cites[:4], kind="kutipan"))
    return out


# ---------------------------------------------------------------------------
# Statements and recommendations
# ---------------------------------------------------------------------------


def _count_phrase(counts: dict, with_unknown=True) -> str:
    parts = []
    for direction in (NAIK, TURUN, STABIL):
        if counts.get(direction):
            parts.append(f"{len(counts[direction])} {DIRECTION_LABELS[direction]}")
    if with_unknown and counts.get(None):
        parts.append(f"{len(counts[None])} tanpa arah yang jelas")
    return ", ".join(parts)


def _join(names: list[str]) -> str:
    names = list(names)
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " dan " + names[-1]


def _dominant(counts: dict[str, list[int]]) -> str | None:
    ranked = sorted(((d, len(ids)) for d, ids in counts.items() if d and ids), key=lambda x: -x[1])
    if not ranked or (len(ranked) > 1 and ranked[0][1] == ranked[1][1]):
        return None
    return ranked[0][0]


def statements(brief: Brief, sentences: int = 4) -> list[Statement]:
    items = brief.items
    all_ids = [item.id for item in items]
    counts = direction_counts(items)
    out = []
    scope = f"tema {brief.theme}{brief.where}"
    if brief.release:
        scope += f" menjelang rilis {brief.release.indicator} {brief.release.date_label}"
    dominant = _dominant(counts)
    lean = f"; arah dominan: {DIRECTION_LABELS[dominant]}" if dominant else ""
    out.append(
        Statement(
            f"Pada {brief.month_label} tercatat {len(items)} fenomena disetujui untuk {scope}. "
            f"Arah dorongannya: {_count_phrase(counts)}{lean}.",
            all_ids,
            kind="ikhtisar",
        )
    )
    for name, by_direction in list(per_indicator(items).items())[:3]:
        ids = [pk for direction_ids in by_direction.values() for pk in direction_ids]
        dominant = _dominant(by_direction)
        tail = (
            f"; indikator ini cenderung terdorong {DIRECTION_LABELS[dominant]}"
            if dominant
            else "; belum ada arah yang dominan"
        )
        out.append(
            Statement(
                f"{name}: {len(set(ids))} fenomena terkait "
                f"({_count_phrase(by_direction, False)}){tail}.",
                list(dict.fromkeys(ids)),
                kind="indikator",
            )
        )
    out.extend(key_sentences(items, sentences))
    return out


def _items_by_id(brief: Brief) -> dict[int, Item]:
    return {item.id: item for item in brief.items}


def _coverage_gaps(brief: Brief) -> list[Statement]:
    """Kab/kota without phenomena of the theme (theme-level summaries only)."""
    if brief.area_label or not brief.areas:
        return []
    covered = {item.area_code for item in brief.items if item.area_code}
    missing = [(code, label) for code, label in brief.areas if code not in covered]
    if not missing:
        return []
    province_ids = [item.id for item in brief.items if not item.area_code] or sorted(brief.ids)
    area_ids = [item.id for item in brief.items if item.area_code]
    soon = brief.upcoming[0] if brief.upcoming else None
    release = f", padahal {soon.indicator} dirilis {soon.date_label}" if soon else ""
    if not covered:
        text = (
            f"Belum ada fenomena tingkat kabupaten/kota untuk tema {brief.theme} pada "
            f"{brief.month_label}{release}: minta BPS kabupaten/kota mengumpulkan temuan FGD "
            f"atau pernyataan pemangku kepentingan, karena semua bukti saat ini berskala provinsi."
        )
        cites = province_ids
    else:
        text = (
            f"Cakupan wilayah belum lengkap: {_join([label for _c, label in missing])} belum "
            f"punya fenomena tema {brief.theme} pada {brief.month_label}{release}; minta BPS "
            f"setempat melengkapinya."
        )
        cites = area_ids
    return [Statement(text, cites[:8], kind="celah_cakupan", areas=[c for c, _l in missing])]


def recommendations(brief: Brief, limit: int = 5) -> list[Statement]:
    """3–5 recommendations from rules over counts, directions, trends and coverage gaps,
    most urgent first."""
    items = brief.items
    n = len(items)
    ids = [item.id for item in items]
    urgent, normal, fallback = [], [], []

    gaps = _coverage_gaps(brief)
    (urgent if brief.upcoming else fallback).extend(gaps)

    release_hint = ""
    if brief.release:
        release_hint = f" untuk rilis {brief.release.date_label}"
    elif brief.upcoming:
        release_hint = f" untuk rilis {brief.upcoming[0].date_label}"
    for name, by_direction in list(per_indicator(items).items())[:3]:
        up, down = by_direction.get(NAIK, []), by_direction.get(TURUN, [])
        total = len({pk for v in by_direction.values() for pk in v})
        if up and down:
            urgent.append(
                Statement(
                    f"Periksa arah yang bertentangan pada {name}: {len(up)} fenomena mendorong "
                    f"naik dan {len(down)} mendorong turun; konfirmasi besarnya dampak "
                    f"masing-masing sebelum angka {name} dijelaskan.",
                    list(dict.fromkeys(up[:4] + down[:4])),
                    kind="arah_bertentangan",
                )
            )
        dominant = _dominant(by_direction)
        if dominant and total >= 2:
            lead = by_direction[dominant]
            normal.append(
                Statement(
                    f"Pantau {name}: {len(lead)} dari {total} fenomena mendorongnya "
                    f"{DIRECTION_LABELS[dominant]}; siapkan penjelasan pergerakan ini"
                    f"{release_hint} dengan mengutip fenomena tersebut.",
                    lead[:6],
                    kind="pantau_indikator",
                )
            )

    prev = brief.previous_count
    before = str(prev)
    if brief.previous_month_label:
        before += f" pada {brief.previous_month_label}"
    if prev and n >= 1.5 * prev:
        text = (
            f"Jumlah fenomena naik ({before}, {n} bulan ini): ada perkembangan baru yang perlu "
            f"diikuti; periksa apakah dampaknya sudah terlihat pada indikator."
        )
    elif prev and n <= 0.5 * prev:
        text = (
            f"Jumlah fenomena turun ({before}, {n} bulan ini): pastikan pengumpulan bulan ini "
            f"sudah lengkap sebelum menyimpulkan bahwa tekanannya mereda."
        )
    elif not prev:
        text = (
            f"Tidak ada fenomena cakupan ini pada {brief.previous_month_label or 'bulan lalu'}, "
            f"bulan ini {n}: perlakukan sebagai perkembangan baru dan cari pembandingnya."
        )
    else:
        text = (
            f"Jumlah fenomena relatif stabil ({before}, {n} bulan ini); bandingkan isinya "
            f"dengan bulan lalu untuk melihat penyebab yang berulang."
        )
    normal.append(Statement(text, ids[:8], kind="tren"))

    if n < 3:
        urgent.append(
            Statement(
                f"Bukti masih tipis ({n} fenomena): cari sumber lain yang menguatkan sebelum "
                f"fenomena ini dikutip dalam rilis.",
                ids,
                kind="bukti_tipis",
            )
        )
    unlinked = [item.id for item in items if not item.indicators]
    if unlinked:
        normal.append(
            Statement(
                f"Tautkan indikator terdampak pada {len(unlinked)} fenomena yang belum "
                f"menyebutnya, agar arah dorongannya ikut terhitung.",
                unlinked[:8],
                kind="tanpa_indikator",
            )
        )
    keyword_items: dict[str, list[int]] = {}
    for item in items:
        for word in dict.fromkeys(k.lower() for k in item.keywords):
            keyword_items.setdefault(word, []).append(item.id)
    # Keywords shared by some phenomena, not by nearly all (those only repeat the theme).
    ceiling = n if n < 4 else 0.75 * n
    common = [(k, v) for k, v in keyword_items.items() if 2 <= len(v) <= ceiling]
    common.sort(key=lambda kv: (-len(kv[1]), kv[0]))
    if common:
        top = common[:3]
        cited = list(dict.fromkeys(pk for _k, v in top for pk in v))
        normal.append(
            Statement(
                f"Ikuti perkembangan {_join([k for k, _v in top])}, kata kunci yang paling "
                f"sering muncul bulan ini, pada pengumpulan berikutnya.",
                cited[:8],
                kind="kata_kunci",
            )
        )
    by_id = _items_by_id(brief)
    top_ids = list(dict.fromkeys(s.cites[0] for s in key_sentences(items, 3))) or ids[:3]
    fallback.append(
        Statement(
            "Verifikasi angka pada fenomena utama bulan ini sebelum dikutip: "
            + "; ".join(f"“{_shorten(by_id[pk].title)}”" for pk in top_ids)
            + ".",
            top_ids,
            kind="verifikasi",
        )
    )
    subject = brief.release.indicator if brief.release else f"tema {brief.theme}"
    fallback.append(
        Statement(
            f"Jadikan fenomena yang paling banyak dikutip di atas bahan penjelasan {subject}"
            f"{brief.where}, dan minta penginputnya melengkapi angka serta sumber aslinya.",
            top_ids,
            kind="bahan_rilis",
        )
    )
    chosen = (urgent + normal + fallback)[:limit]
    return [rec for rec in chosen if rec.cites]


def summarise(brief: Brief) -> tuple[list[Statement], list[Statement]]:
    if not brief.items:
        return [], []
    return statements(brief), recommendations(brief)
