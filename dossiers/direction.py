"""The direction (naik / turun / stabil) a phenomenon pushes an indicator.

1. The operator's own word first: the phenomenon's indicator link to *this* indicator
   (`PhenomenonIndicator.direction`, chosen in the input form) — source "indikator".
2. Otherwise it is read from the title and narrative with the word rules below — source "teks",
   shown as an estimate the statistician confirms or changes in the dossier:
   * each word of the rising list counts for "naik", of the falling list for "turun", of the
     steady list for "stabil" (whole words, lower case, after removing punctuation);
   * a rising or falling word right after a negation ("tidak", "belum", "tak") counts for
     "stabil" ("harga tidak naik");
   * the largest count wins; a tie between naik and turun, or only steady words, is "stabil";
   * no such word at all: no direction (None), the statistician decides.
3. The statistician's choice in the dossier (`DossierItem.direction`) overrides both.
"""

import re
from dataclasses import dataclass

from phenomena.models import Direction

RISING = frozenset(
    "naik menaik kenaikan meningkat peningkatan meningkatnya melonjak lonjakan melambung "
    "bertambah pertambahan menguat penguatan tumbuh bertumbuh pertumbuhan melejit "
    " meroket tertinggi ekspansi".split()
)
FALLING = frozenset(
    "turun menurun penurunan menurunnya merosot kemerosotan anjlok melemah pelemahan "
    "berkurang pengurangan susut menyusut penyusutan terendah kontraksi terkontraksi "
    "melandai".split()
)
STEADY = frozenset("stabil kestabilan terkendali tetap stagnan datar".split())
NEGATIONS = frozenset("tidak tak belum bukan".split())
WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


@dataclass(frozen=True)
class Estimate:
    direction: str | None  # a Direction value, or None when nothing says
    source: str  # "indikator" (the operator chose it) or "teks" (read from the text)


def from_text(text: str) -> str | None:
    """The direction the words of `text` suggest (rules in the module docstring)."""
    counts = {Direction.NAIK: 0, Direction.TURUN: 0, Direction.STABIL: 0}
    previous = ""
    for word in WORD.findall(text.lower()):
        if word in RISING or word in FALLING:
            if previous in NEGATIONS:
                counts[Direction.STABIL] += 1
            else:
                counts[Direction.NAIK if word in RISING else Direction.TURUN] += 1
        elif word in STEADY:
            counts[Direction.STABIL] += 1
        previous = word
    if not any(counts.values()):
        return None
    up, down, steady = counts[Direction.NAIK], counts[Direction.TURUN], counts[Direction.STABIL]
    if up > down and up > steady:
        return Direction.NAIK.value
    if down > up and down > steady:
        return Direction.TURUN.value
    return Direction.STABIL.value


def estimate(phenomenon, indicator) -> Estimate:
    """The direction of `phenomenon` for `indicator` (link first, then the text)."""
    for link in phenomenon.indicator_links.all():
        if link.indicator_id == indicator.pk and link.direction:
            return Estimate(link.direction, "indikator")
    return Estimate(from_text(f"{phenomenon.title}. {phenomenon.narrative}"), "teks")
