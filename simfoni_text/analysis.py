"""Indonesian text analysis shared by every SIMFONI search backend.

The search index stores *pre-analysed* text: each word is normalised, stop words are
removed and the rest is stemmed here, in Python. User queries go through the same
pipeline (:func:`analyse_query`). The backends therefore only need a trivial analyser
(split on whitespace, lowercase), and PostgreSQL (``simple`` configuration), SQLite FTS5
and Elasticsearch all match the same terms.

Pipeline: :func:`normalise` -> :func:`tokens` -> drop :data:`STOP_WORDS` -> :func:`stem`
(Sastrawi, with :data:`PROTECTED_WORDS` and the words of the place names installed in
:mod:`simfoni_text.places` overriding it).

Why not the stock analysers:

* PostgreSQL's ``indonesian`` configuration and Sastrawi over-stem: "pengangguran"
  (unemployment) becomes "anggur" (grapes), "pendapatan" (income) becomes "dapat" (can),
  "penduduk" (population) becomes "duduk" (sit), "meningkat" (rise) becomes "tingkat"
  (rate, as in "Tingkat Pengangguran Terbuka"), "Selatan" becomes "selat"... The
  protections below pin such words to a fixed stem.
* General stop-word lists (Sastrawi's included) drop "naik", "turun", "bulan", "lebih",
  "jumlah", "tinggi", "rendah", "baru": the very words that describe a phenomenon. Our
  list keeps only function words.

Backend notes:

* Terms contain only letters, digits and, inside numbers, ``.`` ("2,5" and "2.5" both
  become ``2.5``). Split the analysed string on whitespace only.
* SQLite FTS5: quote every term in MATCH (``"2.5"``); with the default ``unicode61``
  tokenizer a number such as ``2.5`` is indexed as two adjacent tokens and a quoted
  term matches it as a phrase, or declare ``tokenchars '.'`` to keep it whole.
* Elasticsearch: see :data:`ELASTICSEARCH_ANALYSIS`.

Speed (2-core development machine, Python 3.11, a typical 123-word inflation narrative):
about 480,000 words/second for :func:`analyse` once the stem caches are warm (~0.26 ms
per narrative) and about 55,000 words/second with empty caches (every distinct word
stemmed by Sastrawi). Building the Sastrawi dictionary on first use takes ~0.04 s.
"""

from __future__ import annotations

import functools
import re
import unicodedata

from . import places

__all__ = [
    "ELASTICSEARCH_ANALYSIS",
    "ELASTICSEARCH_ANALYZER",
    "MAX_QUERY_CHARS",
    "MAX_QUERY_TERMS",
    "MAX_TOKEN_LENGTH",
    "PROTECTED_WORDS",
    "STOP_WORDS",
    "analyse",
    "analyse_query",
    "analyse_to_string",
    "clean_query",
    "query_words",
    "normalise",
    "protected_words",
    "stem",
    "tokens",
]

#: Tokens longer than this are junk (URLs, hashes, base64) and are dropped.
MAX_TOKEN_LENGTH = 50
#: A query is cut to this many characters before analysis (at a word boundary).
MAX_QUERY_CHARS = 1000
#: At most this many distinct terms are kept from a query.
MAX_QUERY_TERMS = 32

# ---------------------------------------------------------------------------
# Stop words
# ---------------------------------------------------------------------------

#: Indonesian function words removed from text and queries.
#:
#: Deliberately NOT included, because they carry the meaning of a phenomenon: naik,
#: turun, meningkat, menurun, bulan, tahun, lebih, kurang, jumlah, tinggi, rendah, baru,
#: besar, kecil, harga, awal, akhir, banyak, sedikit, atas, bawah, sementara (also
#: "preliminary" figures), sedang ("medium", as in industri besar dan sedang), mampu
#: (tidak mampu = poor), tanpa, and the negations tidak, tak, belum, bukan: "tidak naik"
#: must not match "naik" alone, so "tidak" is kept (colloquial tak/tdk/gak/nggak/enggak
#: are mapped to "tidak" by PROTECTED_WORDS).
STOP_WORDS: frozenset[str] = frozenset(
    """
    yang di ke dari dan atau ini itu pada untuk dengan dalam oleh akan telah sudah juga
    adalah ialah yaitu yakni merupakan sebagai bahwa tersebut para pun nya lah kah tah
    kepada terhadap bagi tentang antara hingga sampai sejak selama ketika saat tatkala
    sedangkan namun tetapi tapi serta maupun melainkan karena sebab sehingga agar supaya
    jika bila apabila kalau jikalau maka lalu kemudian pula lagi bahkan seperti
    misalnya semisal contohnya umumnya
    ia dia beliau mereka kami kita saya aku anda kamu engkau kalian
    sini situ sana begitu begini demikian
    apa siapa mana bagaimana mengapa kenapa kapan berapa manakala
    ada adanya masih hanya saja cuma sangat amat paling terlalu agak cukup
    dapat bisa boleh harus wajib perlu hendak ingin mau
    setiap tiap seluruh semua segala sebuah seorang suatu sesuatu beberapa berbagai
    lain lainnya sebesar sebanyak sekitar kira menurut melalui terkait mengenai
    setelah sesudah sebelum sebelumnya selanjutnya berikut berikutnya sekarang kini
    meski meskipun walau walaupun biarpun kendati sambil seraya bersama
    secara adapun yg dgn tsb dll dsb dst utk krn pd dr sbg
    per sang si
    """.split()
)

# Clitics and particles that may be glued to a function word ("dengannya", "itulah").
_PARTICLES = ("nya", "lah", "kah", "tah", "pun", "ku", "mu")

# Words dropped from *queries* only: they are query-language operators (boolean, FTS5
# NEAR, Lucene ranges), never Indonesian content words.
_QUERY_OPERATOR_WORDS = frozenset({"and", "or", "not", "near", "to"})

# ---------------------------------------------------------------------------
# Protected words
# ---------------------------------------------------------------------------

_SELF = object()  # placeholder: "keep the word as it is"


def _protect(mapping: dict[str, object]) -> dict[str, str]:
    return {w: (w if s is _SELF else str(s)) for w, s in mapping.items()}


#: Words the stemmer must not touch, mapped to their fixed stem.
#:
#: Each entry fixes a wrong or colliding Sastrawi stem (the colliding everyday word in
#: brackets), or normalises a spelling variant:
#:
#: * pengangguran/penganggur/menganggur -> "pengangguran" [anggur = grapes]
#: * penduduk/kependudukan -> "penduduk" [duduk = sit]
#: * pendapatan -> "pendapatan", pendapat -> "pendapat" [dapat = can]
#: * penghasilan -> "penghasilan" [hasil = result]
#: * pengeluaran -> "pengeluaran" [keluar = exit]
#: * meningkat/peningkatan -> "meningkat" [tingkat = rate, e.g. "tingkat pengangguran"]
#: * lapangan [lapang = roomy], angkatan [angkat = lift], anggaran [anggar = fencing],
#:   perjalanan [jalan = street], penumpang [tumpang = overlap], pemerintah(an)
#:   [perintah = order], kebijakan [bijak = wise], pakaian [pakai = use], perlengkapan
#:   [lengkap = complete], setengah [tengah = central], dirumahkan (furloughed) [rumah]
#: * tabungan/menabung -> "tabungan" [tabung = (LPG) cylinder]
#: * wrong stems: perbankan -> "bank" (not "perban" = bandage), peternakan -> "ternak"
#:   (not "terna"), pengunjung -> "kunjung" (not "unjung"), sepekan -> "pekan" (not "pek")
#: * places are not listed here: every word of the place names installed in
#:   :mod:`simfoni_text.places` is kept as it is (see :func:`protected_words`), e.g. Bekasi
#:   [bekas = used], Seribu [ribu = thousand], Kemayoran [mayor], Penjaringan [jaring = net],
#:   Kembangan [kembang = flower], Petamburan [tambur = drum], Selatan [selat = strait]
#: * variants: cabe -> cabai (PostgreSQL: cabai -> "caba"), ramadhan -> ramadan,
#:   tak/tdk/gak/nggak/enggak -> tidak, thn -> tahun, bln -> bulan
PROTECTED_WORDS: dict[str, str] = _protect(
    {
        # Labour
        "pengangguran": _SELF,
        "penganggur": "pengangguran",
        "menganggur": "pengangguran",
        "nganggur": "pengangguran",
        "lapangan": _SELF,
        "angkatan": _SELF,
        "setengah": _SELF,
        "dirumahkan": _SELF,
        # Population, income, expenditure
        "penduduk": _SELF,
        "kependudukan": "penduduk",
        "berpenduduk": "penduduk",
        "pendapatan": _SELF,
        "berpendapatan": "pendapatan",
        "pendapat": _SELF,
        "penghasilan": _SELF,
        "berpenghasilan": "penghasilan",
        "pengeluaran": _SELF,
        # Movement words
        "meningkat": _SELF,
        "meningkatnya": "meningkat",
        "meningkatkan": "meningkat",
        "peningkatan": "meningkat",
        "ditingkatkan": "meningkat",
        # Government, budget, finance
        "pemerintah": _SELF,
        "pemerintahan": "pemerintah",
        "kebijakan": _SELF,
        "anggaran": _SELF,
        "penganggaran": "anggaran",
        "perbankan": "bank",
        "tabungan": _SELF,
        "menabung": "tabungan",
        "penabung": "tabungan",
        # Transport, tourism
        "perjalanan": _SELF,
        "penumpang": _SELF,
        "pengunjung": "kunjung",
        "wisatawan": _SELF,
        # Agriculture, commodities (CPI groups)
        "peternakan": "ternak",
        "peternak": "ternak",
        "cabai": _SELF,
        "cabe": "cabai",
        "pakaian": _SELF,
        "perlengkapan": _SELF,
        # Time
        "sepekan": "pekan",
        "ramadhan": "ramadan",
        "thn": "tahun",
        "bln": "bulan",
        # Negation (kept, see STOP_WORDS)
        "tak": "tidak",
        "tdk": "tidak",
        "gak": "tidak",
        "nggak": "tidak",
        "enggak": "tidak",
    }
)

# ---------------------------------------------------------------------------
# Normalisation and tokenisation
# ---------------------------------------------------------------------------

_CHAR_MAP = str.maketrans(
    {
        **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d", "-"),
        **dict.fromkeys("\u2018\u2019\u201a\u201b\u2032\u0060\u00b4", "'"),
        **dict.fromkeys("\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb", '"'),
        **dict.fromkeys("\u00a0\u2007\u202f\u3000\t\r\n\f\v", " "),
        **dict.fromkeys("\u200b\u200c\u200d\u2060\ufeff\u00ad", ""),
        "\u2026": "...",
    }
)
_WHITESPACE_RE = re.compile(r"\s+")
# "harga-harga" -> "harga", "buah-buahan" -> "buahan" (the stemmer takes it to "buah").
_REDUPLICATION_RE = re.compile(r"\b([^\W\d_]+)-\1([^\W\d_]{0,3})\b")
# Numbers (with "." or "," separators between digit groups), runs of letters, runs of
# digits. Letters and digits are split: "Rp10.000" -> "rp", "10.000".
_TOKEN_RE = re.compile(r"\d+(?:[.,]\d+)+|[^\W\d_]+|\d+")


@functools.lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    decomposed = unicodedata.normalize("NFKD", char)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def normalise(text: str) -> str:
    """Return ``text`` casefolded, accent-stripped, with punctuation unified.

    Hyphens and dashes become ``-``, curly quotes become straight quotes, all
    whitespace becomes single spaces and reduplicated words collapse
    ("Harga-harga" -> "harga"). Other punctuation is left for :func:`tokens`.
    """
    if not text:
        return ""
    text = text.translate(_CHAR_MAP)
    if not text.isascii():
        text = "".join(_fold_char(c) if not c.isascii() else c for c in text)
    text = text.casefold()
    text = _REDUPLICATION_RE.sub(r"\1\2", text)
    return _WHITESPACE_RE.sub(" ", text).strip()


def tokens(text: str) -> list[str]:
    """Split ``text`` into normalised word and number tokens.

    Numbers keep their decimal/thousand separators, unified to ``.`` so that "2,5"
    and "2.5" give the same token ``2.5``; codes such as "3171" stay whole. Tokens
    longer than :data:`MAX_TOKEN_LENGTH` are dropped.
    """
    out = []
    for tok in _TOKEN_RE.findall(normalise(text)):
        if len(tok) > MAX_TOKEN_LENGTH:
            continue
        if "," in tok:
            tok = tok.replace(",", ".")
        out.append(tok)
    return out


# ---------------------------------------------------------------------------
# Stemming
# ---------------------------------------------------------------------------


@functools.cache
def _sastrawi():
    """Build the Sastrawi stemmer once, on first use (loading takes ~0.1 s)."""
    from Sastrawi.Dictionary.ArrayDictionary import ArrayDictionary
    from Sastrawi.Stemmer.Stemmer import Stemmer
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

    words = [w for w in StemmerFactory().get_words() if w]
    return Stemmer(ArrayDictionary(words))


def _strip_particle(word: str) -> str | None:
    """Return ``word`` without a trailing clitic/particle, or None if it has none."""
    for particle in _PARTICLES:
        if word.endswith(particle) and len(word) - len(particle) >= 2:
            return word[: -len(particle)]
    return None


_protected: dict[str, str] = dict(PROTECTED_WORDS)
_places_generation: int | None = None


def _sync_places() -> None:
    """Take up the installed place names (clearing the stem caches) when they have changed."""
    global _protected, _places_generation
    current = places.generation()
    if current == _places_generation:
        return
    _protected = {**{word: word for word in places.words()}, **PROTECTED_WORDS}
    _stem.cache_clear()
    _term.cache_clear()
    _places_generation = current


def protected_words() -> dict[str, str]:
    """:data:`PROTECTED_WORDS` plus every word of the installed place names (kept as is)."""
    _sync_places()
    return dict(_protected)


def stem(word: str) -> str:
    """Return the stem of one normalised token (see :func:`_stem`)."""
    _sync_places()
    return _stem(word)


@functools.lru_cache(maxsize=200_000)
def _stem(word: str) -> str:
    """Return the stem of one normalised token.

    :data:`PROTECTED_WORDS` and place words win over Sastrawi (also when a particle such as
    "-nya" is attached: "penduduknya" -> "penduduk"). Numbers and non-Latin words are returned
    unchanged. If Sastrawi reduces a content word to a function word ("keadaan" ->
    "ada", "perolehan" -> "oleh") the word is kept as it is instead.
    """
    protected = _protected
    if word in protected:
        return protected[word]
    if not word.isascii() or not word.isalpha():
        return word
    base = _strip_particle(word)
    if base is not None and base in protected:
        return protected[base]
    result = _sastrawi().stem_word(word) or word
    if result in STOP_WORDS:
        return word
    return result


@functools.lru_cache(maxsize=200_000)
def _term(token: str) -> str | None:
    """Map one token to its index term, or None for a stop word."""
    if token in STOP_WORDS:
        return None
    if token[0].isdigit():
        return token
    base = _strip_particle(token)
    if base is not None and base in STOP_WORDS:  # "dengannya", "itulah", "apapun"
        return None
    return _stem(token)


def analyse(text: str) -> list[str]:
    """Return the index terms of ``text``: normalised, stop words removed, stemmed."""
    if not text:
        return []
    _sync_places()
    out = []
    for tok in tokens(text):
        term = _term(tok)
        if term:
            out.append(term)
    return out


def analyse_to_string(text: str) -> str:
    """Return :func:`analyse` joined by spaces: the text to store in the search index."""
    return " ".join(analyse(text))


# ---------------------------------------------------------------------------
# Queries
# ---------------------------------------------------------------------------

# "-term" (at the start of a word) and "NOT term": the user wants the term excluded.
# Backends get plain terms only, so an excluded term is dropped rather than searched.
_EXCLUDED_RE = re.compile(r"(?:(?<=\s)|^)-+[\"'(]*[^\W\d_]\S*|\bNOT\s+[\"'(]*[^\s\"')]+")
# Lucene field / FTS5 column filters: "title:inflasi", "{title body}:inflasi".
_FIELD_RE = re.compile(r"\{[^}]*\}\s*:|\b[^\W\d_][\w.]*:(?=\S)")
# Lucene boosts and fuzziness: "inflasi^2", "harga~0.8", "\"a b\"~3".
_MODIFIER_RE = re.compile(r"[~^]\d*(?:[.,]\d+)?")


def clean_query(query: str) -> str:
    """A user query without operators, field filters, modifiers and excluded terms.

    The first step of :func:`analyse_query`, for callers (query understanding) that look at
    the query's words before they are analysed. Cut to :data:`MAX_QUERY_CHARS` characters.
    """
    if not query or not isinstance(query, str):
        return ""
    if len(query) > MAX_QUERY_CHARS:
        cut = query[:MAX_QUERY_CHARS]
        space = cut.rfind(" ")
        query = cut[:space] if space > 0 else cut
    query = query.translate(_CHAR_MAP)
    query = _EXCLUDED_RE.sub(" ", query)
    query = _FIELD_RE.sub(" ", query)
    query = _MODIFIER_RE.sub(" ", query)
    return query


def query_words(query: str) -> list[str]:
    """The normalised tokens of a cleaned query that may become terms (operators dropped)."""
    return [t for t in tokens(clean_query(query)) if t not in _QUERY_OPERATOR_WORDS]


def analyse_query(query: str) -> str:
    """Return a user query as plain, space-separated analysed terms, or ``""``.

    Safe to hand to any backend: the result contains only lowercase letters, digits,
    dots inside numbers and single spaces. Operators never survive: quotes, brackets,
    boolean words (AND/OR/NOT, FTS5 NEAR), ``+ - * ~ ^ \\``, field and column filters,
    Lucene ranges and SQL punctuation are removed; terms marked for exclusion
    ("-anggur", "NOT anggur") are dropped, since plain terms cannot express negation.
    The query is cut to :data:`MAX_QUERY_CHARS` characters and :data:`MAX_QUERY_TERMS`
    distinct terms. ``""`` means nothing searchable remains.
    """
    query = clean_query(query)
    if not query:
        return ""
    terms: dict[str, None] = {}
    for term in analyse(query):
        if term in _QUERY_OPERATOR_WORDS:
            continue
        terms[term] = None
        if len(terms) >= MAX_QUERY_TERMS:
            break
    return " ".join(terms)


# ---------------------------------------------------------------------------
# Elasticsearch
# ---------------------------------------------------------------------------

#: Name of the analyzer defined in :data:`ELASTICSEARCH_ANALYSIS`.
ELASTICSEARCH_ANALYZER = "simfoni_preanalysed"

#: Elasticsearch index settings for fields that hold :func:`analyse_to_string` output.
#:
#: The text is already normalised and stemmed, so Elasticsearch must only split on
#: whitespace; ``lowercase`` and ``asciifolding`` are a safety net for text written
#: without this module. Use the analyzer for indexing *and* searching (queries are
#: passed through :func:`analyse_query` first). With Wagtail's Elasticsearch backend:
#: ``"INDEX_SETTINGS": {"settings": ELASTICSEARCH_ANALYSIS}`` and map the fields with
#: ``"analyzer": ELASTICSEARCH_ANALYZER, "search_analyzer": ELASTICSEARCH_ANALYZER``.
ELASTICSEARCH_ANALYSIS: dict = {
    "analysis": {
        "analyzer": {
            ELASTICSEARCH_ANALYZER: {
                "type": "custom",
                "tokenizer": "whitespace",
                "filter": ["lowercase", "asciifolding"],
            },
        },
    },
}
