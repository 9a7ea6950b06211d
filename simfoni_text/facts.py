"""Text normalisation and facts (figures, periods, places) for Indonesian news-style phenomena.

The stop-word list is curated here on purpose: general Indonesian lists (e.g. Sastrawi's) drop
words that carry the meaning of a statistical phenomenon -- direction (naik, turun, meningkat),
magnitude (tinggi, rendah, besar) and period (bulan, tahun, awal, akhir).  Only function words
are removed; numbers, month names and place names are always kept. Places are the names with an
area key installed in :mod:`simfoni_text.places` (data, not code).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from . import places as place_names

__all__ = [
    "STOP_WORDS",
    "EventFacts",
    "event_facts",
    "extract_facts",
    "strip_dates",
    "normalise_text",
    "strip_boilerplate",
    "Facts",
]

STOP_WORDS = frozenset(
    """
    yang di ke dari dan atau ini itu pada untuk dengan dalam oleh akan telah sudah juga adalah
    sebagai bahwa tersebut para pun lah kah tah nya se ia mereka kami kita saya anda dia beliau
    ada karena sehingga namun tetapi tapi serta maupun yakni yaitu ialah merupakan hal agar
    supaya bila jika kalau apabila ketika saat sedangkan sementara bagi tentang terhadap antara
    hingga sampai sejak oleh kepada daripada dapat bisa masih pula lagi saja hanya yakin kata
    ujar tutur jelas ungkap katanya ujarnya tuturnya jelasnya ungkapnya menurut pihak sendiri
    tersebut itulah inilah adapun bahkan seperti sebuah suatu sang si dll dsb yg dgn tsb
    """.split()
)

_MONTHS = {
    "januari": 1, "jan": 1, "februari": 2, "pebruari": 2, "feb": 2, "maret": 3, "mar": 3,
    "april": 4, "apr": 4, "mei": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7, "agustus": 8,
    "agu": 8, "agt": 8, "ags": 8, "september": 9, "sep": 9, "sept": 9, "oktober": 10,
    "okt": 10, "november": 11, "nov": 11, "nop": 11, "desember": 12, "des": 12,
}  # fmt: skip

# Boilerplate that portals add around the same story.
_BOILERPLATE = [
    r"baca juga\s*:?[^\n]*",
    r"simak (?:juga )?(?:berita|video|artikel)[^\n.]*[.!]?",
    r"(?:scroll to continue with content|advertisement|iklan|lanjutkan membaca)",
    r"(?:editor|penulis|reporter|pewarta|penyunting|sumber foto|sumber|foto)\s*:[^\n]*",
    r"(?:dapatkan|ikuti) (?:update|berita|kami)[^\n.]*[.!]?",
    r"(?:cek|klik) berita dan artikel[^\n.]*[.!]?",
    r"copyright[^\n]*|hak cipta[^\n]*",
    r"^[a-z .]{0,30}(?:\((?:antara|ant)\)|,? ?(?:cnbc indonesia|cnn indonesia|kompas\.com|"
    r"tempo\.co|bisnis\.com|detikfinance|detikcom|liputan6\.com|kontan\.co\.id))[^-–—]{0,30}[-–—]+",
    r"(?:kompas\.com|tempo\.co|bisnis\.com|liputan6\.com)\s*[-–—]+",
    r"\(\s*[a-z]{2,5}\s*/\s*[a-z]{2,5}\s*\)",
    # Press-release headers: "BADAN PUSAT STATISTIK PROVINSI DKI JAKARTA" on a line of its own,
    # "Berita Resmi Statistik No. 58/11/31/Th. XXVII, 3 November 2025" (number and date of the
    # release, not figures or period of the phenomenon).
    r"^\s*badan pusat statistik[^\n.]{0,60}$",
    r"(?:berita resmi statistik\s*)?no\.?\s*\d+(?:\s*/\s*[\w.]+){2,5}\s*,?"
    r"(?:\s*\d{1,2}\s+[a-z]+\s+\d{4})?",
]
_BOILERPLATE_RE = re.compile("|".join(_BOILERPLATE), re.IGNORECASE | re.MULTILINE)

_MONTH_ALT = "|".join(sorted(_MONTHS, key=len, reverse=True))
# Incidental dates: "3 November 2025", "28 November", "Senin (3/11/2025)", "(3/11)".  They date
# the news or the release, not the period the phenomenon is about.
_DATE_RE = re.compile(
    rf"\b\d{{1,2}}\s+(?:{_MONTH_ALT})\b\.?(?:\s+(?:19|20)\d\d\b)?"
    r"|\(\s*\d{1,2}\s*/\s*\d{1,2}(?:\s*/\s*\d{2,4})?\s*\)"
    r"|\b\d{1,2}/\d{1,2}/(?:19|20)\d\d\b",
    re.IGNORECASE,
)

_TOKEN_RE = re.compile(r"\d+(?:[.,]\d+)*|[a-z]+")
_YEAR_RE = re.compile(r"^(?:19|20)\d\d$")


def strip_accents(text: str) -> str:
    """Casefold ``text`` and remove combining accents (NFKD decomposition)."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def strip_boilerplate(text: str) -> str:
    """Remove portal boilerplate ("Baca juga: ...", "ADVERTISEMENT", "Editor: ...", datelines)."""
    return _BOILERPLATE_RE.sub(" ", text or "")


def strip_dates(text: str) -> str:
    """Remove incidental dates ("3 November 2025", "(3/11)") that date the text itself."""
    return _DATE_RE.sub(" ", text or "")


def _normalise_number(token: str) -> str:
    """Write numbers one way: ``1.500.000`` -> ``1500000``, ``2.5``/``2,5`` -> ``2,5``."""
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+", token):
        return token.replace(".", "")
    if re.fullmatch(r"\d+[.,]\d+", token):
        return token.replace(".", ",")
    return token


def normalise_text(text: str | None) -> list[str]:
    """Return content tokens of ``text``: casefolded, accent-free, punctuation and stop words
    removed; numbers (``2,5``), month names and place names are kept."""
    if not text:
        return []
    tokens = _TOKEN_RE.findall(strip_accents(text).replace("%", " persen "))
    return [
        _normalise_number(tok) if tok[0].isdigit() else tok
        for tok in tokens
        if tok not in STOP_WORDS
    ]


_QUARTER_WORDS = frozenset({"triwulan", "kuartal", "tw", "caturwulan", "semester"})
_ORDINALS = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}


@dataclass(frozen=True)
class Facts:
    """Figures, years, periods and places mentioned in a text, in order of first mention.

    ``periods`` holds ``"m10"`` for Oktober, ``"q3"`` for triwulan III, ``"s1"`` for
    semester I; ``places`` holds the area keys of the installed place names
    (:mod:`simfoni_text.places`; the site's keys are BPS codes, ``"3171"`` for Jakarta Selatan).
    """

    numbers: tuple[str, ...]
    years: tuple[str, ...]
    periods: tuple[str, ...]
    places: tuple[str, ...]


def _unique(items) -> tuple:
    """Order-preserving de-duplication."""
    return tuple(dict.fromkeys(items))


def _periods(tokens: list[str]) -> list[str]:
    """Month names/abbreviations and quarter/semester mentions as period keys."""
    found = []
    for i, tok in enumerate(tokens):
        if tok in _MONTHS:
            found.append(f"m{_MONTHS[tok]}")
        elif tok in _QUARTER_WORDS and i + 1 < len(tokens) and tokens[i + 1] in _ORDINALS:
            found.append(f"{'s' if tok == 'semester' else 'q'}{_ORDINALS[tokens[i + 1]]}")
    return found


def extract_facts(text: str | None, tokens: list[str] | None = None) -> Facts:
    """Extract the facts that tell apart same-topic phenomena (figure, period, place).

    Quarter ordinals ("triwulan 3") are periods, not figures.
    """
    tokens = normalise_text(text) if tokens is None else tokens
    ordinal_pos = {
        i + 1
        for i, tok in enumerate(tokens[:-1])
        if tok in _QUARTER_WORDS and tokens[i + 1] in _ORDINALS
    }
    numbers = [
        t for i, t in enumerate(tokens)
        if t[0].isdigit() and not _YEAR_RE.match(t) and i not in ordinal_pos
    ]  # fmt: skip
    years = [t for t in tokens if _YEAR_RE.match(t)]
    flat = " ".join(_TOKEN_RE.findall(strip_accents(text or "")))
    places = place_names.areas_in(flat)
    return Facts(_unique(numbers), _unique(years), _unique(_periods(tokens)), _unique(places))


# --- event facts ---------------------------------------------------------------------------

_MULTIPLIERS = {
    "ribu": 1e3, "rb": 1e3, "juta": 1e6, "jt": 1e6, "miliar": 1e9, "milyar": 1e9,
    "triliun": 1e12, "m": 1e9, "t": 1e12,
}  # fmt: skip
_FIGURE_RE = re.compile(
    r"(?P<cur>rp\.?|us\$|usd|\$)?\s?(?P<num>\d+(?:[.,]\d+)*)"
    r"(?:\s?(?P<mult>ribu|rb|juta|jt|miliar|milyar|triliun|m|t)\b)?"
    r"(?:\s?(?P<unit>persen poin|persen|%|poin|dolar as|dolar|usd))?"
)
_SCALES = {"00": "nasional"}


@dataclass(frozen=True)
class EventFacts:
    """What identifies one event across outlets: its figures, reference month and place.

    ``figures`` are normalised value+unit strings in order of first mention (``"1.92%"``,
    ``"13800rp"``, ``"1.23e+09usd"``, ``"0.16pt"``, ``"312400"``); ``month``/``year`` the
    reference period (the month named most often, incidental dates and release headers
    ignored; else the month of the story's own date); ``place`` the area key named most often
    (title mentions count twice), if named in the title or more than once, and
    ``scale`` its level: ``"nasional"``, ``"provinsi"`` or ``"kabkota"``; ``places`` every area
    key named.
    """

    figures: tuple[str, ...] = ()
    month: int | None = None
    year: int | None = None
    place: str | None = None
    scale: str | None = None
    places: tuple[str, ...] = ()


def _parse_number(text: str) -> float | None:
    """Indonesian number: ``1.500.000`` -> 1500000, ``1,92`` -> 1.92, ``13.800`` -> 13800."""
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", text):
        text = text.replace(".", "").replace(",", ".")
    elif re.fullmatch(r"\d{1,3}(?:,\d{3}){2,}", text):
        text = text.replace(",", "")
    elif re.fullmatch(r"\d+,\d+", text):
        text = text.replace(",", ".")
    elif not re.fullmatch(r"\d+(?:\.\d+)?", text):
        return None
    try:
        return float(text)
    except ValueError:
        return None


def _figures(text: str) -> list[str]:
    """Normalised figures of casefolded, date-free ``text`` (years and ordinals left out)."""
    found = []
    for match in _FIGURE_RE.finditer(text):
        cur, num, mult, unit = match.group("cur", "num", "mult", "unit")
        value = _parse_number(num)
        if value is None:
            continue
        if mult in ("m", "t") and not cur:
            mult = None
        if not (cur or mult or unit):
            if _YEAR_RE.match(num):
                continue
            before = text[max(0, match.start() - 12) : match.start()].split()
            if before and (before[-1] in _QUARTER_WORDS or before[-1] in ("th", "no", "nomor")):
                continue
        value *= _MULTIPLIERS.get(mult or "", 1)
        if unit in ("persen", "%"):
            suffix = "%"
        elif unit in ("persen poin", "poin"):
            suffix = "pt"
        elif unit in ("dolar", "dolar as", "usd") or cur in ("us$", "usd", "$"):
            suffix = "usd"
        elif cur:
            suffix = "rp"
        else:
            suffix = ""
        found.append(f"{value:.6g}{suffix}")
    return found


_NUMERIC_DATE_RE = re.compile(r"\b\d{1,2}/(\d{1,2})/((?:19|20)\d\d)\b")
_NAMED_DATE_RE = re.compile(rf"\b\d{{1,2}}\s+({_MONTH_ALT})\b\.?\s+((?:19|20)\d\d)\b")


def _dated_month(text: str) -> tuple[int | None, int | None]:
    """Month and year of the first full date in ``text`` ("(4/12/2025)", "3 November 2025")."""
    found = []
    for match in _NUMERIC_DATE_RE.finditer(text):
        if 1 <= int(match.group(1)) <= 12:
            found.append((match.start(), int(match.group(1)), int(match.group(2))))
    for match in _NAMED_DATE_RE.finditer(text):
        found.append((match.start(), _MONTHS[match.group(1)], int(match.group(2))))
    if not found:
        return None, None
    _pos, month, year = min(found)
    return month, year


def _most_common(weighted: list) -> object | None:
    """The value with the highest weight; ties go to the first mentioned."""
    totals: dict = {}
    for value, weight in weighted:
        totals[value] = totals.get(value, 0) + weight
    return max(totals, key=lambda v: totals[v]) if totals else None


def event_facts(title: str | None, text: str | None) -> EventFacts:
    """Figures, reference month/year and dominant place of a story (title + body).

    The body should be free of portal boilerplate (:func:`strip_boilerplate`, which also drops
    press-release headers); incidental dates are removed here.
    """
    parts = [strip_dates(strip_accents(part or "")) for part in (title, text)]
    figures = _unique(f for part in parts for f in _figures(part))
    months, years, places = [], [], []
    for weight, part in zip((2, 1), parts, strict=True):
        tokens = _TOKEN_RE.findall(part)
        for i, tok in enumerate(tokens):
            if tok in _MONTHS and len(tok) > 3:
                year = (
                    tokens[i + 1] if i + 1 < len(tokens) and _YEAR_RE.match(tokens[i + 1]) else None
                )
                months.append(((_MONTHS[tok], year), weight))
            elif _YEAR_RE.match(tok):
                years.append((tok, weight))
        places += [(p, weight) for p in place_names.areas_in(" ".join(tokens))]
    month = year = None
    if months:
        by_month = _most_common([(m, w) for (m, _y), w in months])
        month = by_month
        with_year = [(y, w) for (m, y), w in months if m == by_month and y]
        year = _most_common(with_year)
    if year is None:
        year = _most_common(years)
    if month is None:  # no period named: the story's own date is the best guess
        month, year = _dated_month(" ".join(strip_accents(part or "") for part in (title, text)))
    place = _most_common(places)
    if place is not None and sum(w for p, w in places if p == place) < 2:
        place = None  # named once in passing (the press conference, a quoted trader): no place
    scale = None
    if place:
        scale = _SCALES.get(place) or ("provinsi" if len(place) == 2 else "kabkota")
    named = _unique(p for p, _w in places)
    return EventFacts(figures, month, int(year) if year else None, place, scale, named)
