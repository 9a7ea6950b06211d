"""Relaxed matching and "Maksud Anda …?" suggestions, for every engine alike.

When fewer than :data:`RELAX_BELOW` phenomena contain every word of the query (after the
thesaurus), :func:`relaxed_ids` asks the engine for the phenomena containing *any* of the
words (at most :data:`CANDIDATES`, in the engine's relevance order) and ranks them by

1. how many of the query's word groups (a word with its synonyms) they cover,
2. where, weighted by rarity: a group in the title counts 3, in the keywords 2, in the
   narrative or outlet 1, each times the group's inverse frequency among the candidates,
3. the engine's own order.

Phenomena whose covered groups weigh (by rarity) less than :data:`FLOOR` of the best
candidate's are left out, so a phenomenon sharing only common words ("harga", "pasar")
with a long query does not fill the page. The
engine's own matching (analysed terms) decides what is a candidate, so the stemming
traps (pengangguran ≠ anggur) hold here too.

:func:`suggest` proposes a query for one that matched nothing: each word whose analysed
term occurs in no phenomenon of the vocabulary sample is replaced by the closest word of
that vocabulary (rapidfuzz), if one is close enough.
"""

from __future__ import annotations

import math
import time

from django.core.cache import cache

from simfoni_text.analysis import analyse, query_words

from . import facets as facet_mod

#: Below this many complete matches the page is filled with partial ones.
RELAX_BELOW = 10
#: At most this many any-word candidates are ranked.
CANDIDATES = 200
#: Field weights of a covered group.
TITLE, KEYWORDS, TEXT = 3, 2, 1
#: Partial matches whose covered words weigh less than this share of the best one's are
#: left out (a phenomenon sharing only common words with a long query).
FLOOR = 0.34
#: Vocabulary for suggestions: words of the newest approved phenomena (and the keywords).
VOCABULARY_SAMPLE = 3000
VOCABULARY_SECONDS = 3600
SUGGEST_MIN_SCORE = 75
#: This process's copy of the vocabulary: (cache key, built at, value).
_vocabulary = None


def _contains(terms: list[str], variant: tuple[str, ...]) -> bool:
    if len(variant) == 1:
        return variant[0] in terms
    n = len(variant)
    return any(tuple(terms[i : i + n]) == variant for i in range(len(terms) - n + 1))


def coverage(groups, title: list[str], keywords: list[str], text: list[str]) -> list[int]:
    """The best field weight (0 when absent) of each query group in one phenomenon."""
    out = []
    for group in groups:
        best = 0
        for variant in group:
            if _contains(title, variant):
                best = TITLE
                break
            if _contains(keywords, variant):
                best = max(best, KEYWORDS)
            elif _contains(text, variant):
                best = max(best, TEXT)
        out.append(best)
    return out


def relaxed_ids(engine, queryset, params, terms, with_facets=False):
    """(ids ranked by coverage, facets of the any-word matches) — see the module doc."""
    from phenomena.models import Phenomenon, PhenomenonSource
    from phenomena.rows import child_rows, keyword_names

    result = engine.search(queryset, params, terms.any_group(), 0, CANDIDATES, with_facets)
    ids = list(result.ids)
    if not ids:
        return [], result.facets
    # Flat rows, no model instances: the ORM's prefetching through the taggit and
    # modelcluster managers cost ~1.5 ms per candidate (300 ms for 200 of them).
    keywords = keyword_names(ids)
    outlets = {
        pk: [name for (name,) in own if name]
        for pk, own in child_rows(PhenomenonSource, ids, "outlet__name").items()
    }
    groups = terms.groups
    fields = {}
    for pk, title, narrative in Phenomenon.objects.filter(pk__in=ids).values_list(
        "id", "title", "narrative"
    ):
        fields[pk] = coverage(
            groups,
            analyse(title),
            analyse("\n".join(keywords.get(pk, ()))),
            analyse("\n".join([narrative, *outlets.get(pk, ())])),
        )
    # A rare word weighs more than a common one (inverse frequency among the candidates).
    n = len(fields)
    rarity = [
        math.log(1 + n / max(1, sum(1 for f in fields.values() if f[g])))
        for g in range(len(groups))
    ]
    scores = {
        pk: (
            sum(1 for w in f if w),
            sum(r for r, w in zip(rarity, f, strict=True) if w),
            sum(r * w for r, w in zip(rarity, f, strict=True)),
        )
        for pk, f in fields.items()
    }
    best = max((s[1] for s in scores.values()), default=0)
    position = {pk: i for i, pk in enumerate(ids)}
    kept = [pk for pk in ids if pk in scores and scores[pk][0] and scores[pk][1] >= best * FLOOR]
    if params.effective_sort == "relevance":
        kept.sort(key=lambda pk: (-scores[pk][0], -scores[pk][2], position[pk]))
    return kept, result.facets


# ---------------------------------------------------------------------------
# "Maksud Anda …?"
# ---------------------------------------------------------------------------


def vocabulary() -> tuple[frozenset[str], tuple[str, ...]]:
    """(analysed terms, plain words) of the newest approved phenomena, cached per index state."""
    global _vocabulary
    key = facet_mod.cache_key("vocabulary", (VOCABULARY_SAMPLE,))
    now = time.monotonic()
    memo = _vocabulary
    if memo is not None and memo[0] == key and now - memo[1] < VOCABULARY_SECONDS:
        return memo[2]
    cached = cache.get(key)
    if cached is not None:
        _vocabulary = (key, now, cached)
        return cached
    from taggit.models import Tag

    from phenomena.models import Phenomenon

    from . import thesaurus

    terms: set[str] = set()
    words: set[str] = set()
    rows = (
        Phenomenon.objects.approved()
        .order_by("-id")
        .values_list("title", "narrative")[:VOCABULARY_SAMPLE]
    )
    texts = [f"{title}\n{narrative}" for title, narrative in rows]
    texts += list(Tag.objects.values_list("name", flat=True)[:20000])
    for group in thesaurus.current().groups:
        texts += [" ".join(v) for v in group]
    for text in texts:
        for word in query_words(text):
            if word.isalpha() and len(word) >= 3:
                words.add(word)
        terms.update(analyse(text))
    value = (frozenset(terms), tuple(sorted(words)))
    cache.set(key, value, VOCABULARY_SECONDS)
    _vocabulary = (key, now, value)
    return value


def suggest(query: str, understanding) -> str:
    """A corrected query ("" when every word is known or nothing close is found)."""
    from rapidfuzz import fuzz, process

    words = query_words(understanding.remaining_q if understanding else query)
    if not words:
        return ""
    known, vocab = vocabulary()
    changed = False
    out = []
    for word in words:
        terms = analyse(word)
        if not terms or all(t in known for t in terms) or not word.isalpha() or len(word) < 3:
            out.append(word)
            continue
        match = process.extractOne(word, vocab, scorer=fuzz.ratio, score_cutoff=SUGGEST_MIN_SCORE)
        if match and match[0] != word:
            out.append(match[0])
            changed = True
        else:
            out.append(word)
    return " ".join(out) if changed else ""
