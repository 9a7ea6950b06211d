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
    "extract_facts",
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
]
_BOILERPLATE_RE = re.compile("|".join(_BOILERPLATE), re.IGNORECASE | re.MULTILINE)

_TOKEN_RE = re.compile(r"\d+(?:[.,]\d+)*|[a-z]+")
_YEAR_RE = re.compile(r"^(?:19|20)\d\d$")


def strip_accents(text: str) -> str:
    """Casefold ``text`` and remove combining accents (NFKD decomposition)."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def strip_boilerplate(text: str) -> str:
    """Remove portal boilerplate ("Baca juga: ...", "ADVERTISEMENT", "Editor: ...", datelines)."""
    return _BOILERPLATE_RE.sub(" ", text or "")


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
