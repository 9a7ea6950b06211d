"""Duplicate detection for phenomena: scoring, on top of :mod:`simfoni_text` (canonical URLs,
text normalisation and facts).

``scoring`` is pure Python (no Django): the Django side (``service``) stores ``lsh_band_keys`` and
canonical URLs in indexed tables and calls ``score`` on the few candidates the database returns.
"""

from .scoring import (
    DuplicateIndex,
    Match,
    Record,
    find_duplicates,
    lsh_band_keys,
    score,
    signature,
)

__all__ = [
    "DuplicateIndex",
    "Match",
    "Record",
    "find_duplicates",
    "lsh_band_keys",
    "score",
    "signature",
]
