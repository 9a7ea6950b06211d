"""Duplicate detection for phenomena: canonical URLs, text normalisation and scoring.

Pure Python (no Django): the Django side stores ``lsh_band_keys`` and canonical URLs in
indexed tables and calls ``score`` on the few candidates the database returns.
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
from .text import normalise_text
from .urls import canonical_url

__all__ = [
    "DuplicateIndex",
    "Match",
    "Record",
    "canonical_url",
    "find_duplicates",
    "lsh_band_keys",
    "normalise_text",
    "score",
    "signature",
]
