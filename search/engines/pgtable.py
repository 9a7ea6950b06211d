"""The ``pgtable`` engine (PostgreSQL): one denormalised row per approved phenomenon.

One GIN index answers each search.

Wagtail's PostgreSQL index keeps only text, so filters and facets had to join back to the
phenomenon and its child rows, about eleven times per search. Here the table
``simfoni_search_document`` holds, for every approved phenomenon, a ``tsvector`` and every
value a facet or a sort needs, including the child rows' values as arrays.

The ``tsvector`` holds the analysed words (title weighted A, ``simple`` configuration: the
text is analysed in Python by :mod:`simfoni_text.analysis`) and **keys**: lexemes with "=" that
no text can produce, one per filter value of the row (``s=`` subject, ``t=`` theme, ``c=``
scope, ``a=`` kab/kota, ``p=`` reference month, ``y=`` reference year, ``st=`` source type,
``o=`` outlet, ``i=`` indicator, ``k=`` keyword, ``dm=``/``dy=`` source month/year), ``j=``
plus each title word, and ``b=`` plus a sample bucket (a hash of the id, 0..99). So words
and filters together are one tsquery (``'harga' & ('t=3' | 't=4') & 'a=7'``) answered by
one GIN index scan, whose cost follows the rarest term, not the most common one. Range
conditions stay in SQL beside it (days are exact, open ranges work).

A search is a cheap count of the matches up to ``SEARCH_EXACT_FACETS_LIMIT`` and then, for
the usual result set, **one statement**: a CTE of the matching rows, the page of hits
(``ts_rank`` or a column), the total and every facet (``GROUPING SETS`` over the own fields,
``unnest`` over the arrays), returned together as JSON.

Facets are disjunctive (values of one facet combine with OR, see :mod:`search.facets`): a
facet with a selected value is counted on the rows matching every other filter, one more
grouped count per such facet inside the same statement (:class:`Disjunctive`), on a sample
bucket when that set is very large.

Very large result sets (above the limit): the total and the facets are counted on the
sample buckets below a cut (``b=0 | b=1 …`` added to the tsquery, about
``SEARCH_FACET_SAMPLE_ROWS`` rows), scaled up and flagged approximate; the page shows
"sekitar n" and "± n". The page of hits is exact: sorted pages are read along a btree per
sort; relevance puts the rows with every word in the title first (ranked when there are
few, newest first otherwise), then the rest, newest first, instead of ranking every row.

The table is kept by :mod:`search.subscribers` (lifecycle events after commit: publish,
unpublish, merge, delete) through :class:`PostgresTableEngine` ``sync``/``remove``, created
and filled by migration ``simfoni_search.0001``, keyed by ``0002`` (their SQL is frozen in
them; ``CREATE_SQL`` here is the same table) and rebuilt by
``manage.py rebuild_search_table``. The table's columns of the filters are named in
:mod:`phenomena.filters` (``key``, ``column``).
"""

from __future__ import annotations

import datetime
import json
import math

from django.conf import settings
from django.db import connection

from phenomena.filters import ID_FILTERS
from simfoni_text.analysis import analyse_to_string

TABLE = "simfoni_search_document"
#: Builds a row's tsvector: the words (title weighted A) and the keys (see module doc).
TSV_FUNCTION = "simfoni_search_tsv"

#: Filter -> key prefix. A key is a lexeme such as ``t=12`` (theme 12): the text parser
#: never makes a lexeme with "=", so keys cannot collide with words.
KEY_PREFIX = {name: spec.key for name, spec in ID_FILTERS.items()}
#: Samples: a row has the key ``b=N`` when the low bits of its id's hash are 0 modulo N,
#: so the rows with ``b=N`` are a deterministic 1/N sample, nested in every larger one.
SAMPLE_LEVELS = tuple(2**k for k in range(1, 11))
#: A month range becomes keys (whole years ``y=``, other months ``p=``) up to this many.
MAX_RANGE_KEYS = 80

#: Drops every version of the function (an older one may have other arguments).
_DROP_FUNCTION_SQL = f"""
    DO $$ DECLARE f regprocedure; BEGIN
        FOR f IN SELECT oid::regprocedure FROM pg_proc WHERE proname = '{TSV_FUNCTION}' LOOP
            EXECUTE 'DROP FUNCTION ' || f;
        END LOOP;
    END $$
"""

CREATE_SQL = [
    _DROP_FUNCTION_SQL,
    f"""
    CREATE FUNCTION {TSV_FUNCTION}(
        words tsvector, doc_id bigint, subject bigint, theme bigint, scope bigint,
        area bigint, period date, source_types bigint[], outlets bigint[],
        indicators bigint[], keywords bigint[], source_dates date[],
        source_date date, source_type_order integer, scope_order integer
    ) RETURNS tsvector LANGUAGE sql STABLE PARALLEL SAFE AS $$
        SELECT words || array_to_tsvector(
            ARRAY(SELECT 'j=' || w FROM unnest(tsvector_to_array(ts_filter(words, '{{a}}'))) w)
            || ARRAY['s=' || subject, 't=' || theme, 'c=' || scope, 'co=' || scope_order,
                     'a=' || coalesce(area, 0),
                     'p=' || to_char(period, 'YYYY-MM'), 'y=' || to_char(period, 'YYYY')]
            || ARRAY(SELECT 'b=' || n FROM unnest(ARRAY{list(SAMPLE_LEVELS)}) n
                     WHERE (hashint8(doc_id)::bigint & (n - 1)) = 0)
            || ARRAY(SELECT 'po=' || source_type_order WHERE source_type_order IS NOT NULL)
            || ARRAY(SELECT x || to_char(source_date, f) FROM (VALUES ('pd=', 'YYYY-MM'),
                     ('py=', 'YYYY')) v(x, f) WHERE source_date IS NOT NULL)
            || ARRAY(SELECT DISTINCT 'st=' || x FROM unnest(source_types) x)
            || ARRAY(SELECT DISTINCT 'o=' || x FROM unnest(outlets) x)
            || ARRAY(SELECT DISTINCT 'i=' || x FROM unnest(indicators) x)
            || ARRAY(SELECT DISTINCT 'k=' || x FROM unnest(keywords) x)
            || ARRAY(SELECT DISTINCT 'dm=' || to_char(x, 'YYYY-MM')
                     FROM unnest(source_dates) x WHERE x IS NOT NULL)
            || ARRAY(SELECT DISTINCT 'dy=' || to_char(x, 'YYYY')
                     FROM unnest(source_dates) x WHERE x IS NOT NULL))
    $$
    """,
    f"""
    CREATE TABLE IF NOT EXISTS {TABLE} (
        id bigint PRIMARY KEY,
        tsv tsvector NOT NULL,
        subject_id bigint NOT NULL,
        theme_id bigint NOT NULL,
        scope_id bigint NOT NULL,
        area_id bigint,
        reference_period date NOT NULL,
        source_date date,
        source_type_id bigint,
        source_type_order integer,
        scope_order integer NOT NULL DEFAULT 0,
        area_code varchar(20),
        source_type_ids bigint[] NOT NULL DEFAULT '{{}}',
        outlet_ids bigint[] NOT NULL DEFAULT '{{}}',
        indicator_ids bigint[] NOT NULL DEFAULT '{{}}',
        keyword_ids bigint[] NOT NULL DEFAULT '{{}}',
        source_dates date[] NOT NULL DEFAULT '{{}}'
    )
    """,
    # One GIN index answers words and filters together; no pending list, so a search
    # never scans unsorted recent entries (approvals are few, searches many).
    f"CREATE INDEX IF NOT EXISTS {TABLE}_tsv ON {TABLE} USING gin (tsv) WITH (fastupdate = off)",
    # One btree per sort, so a page of a huge result set is read in order, not sorted.
    f"CREATE INDEX IF NOT EXISTS {TABLE}_period ON {TABLE} (reference_period DESC, id DESC)",
    f"CREATE INDEX IF NOT EXISTS {TABLE}_date ON {TABLE} (source_date DESC NULLS LAST, id DESC)",
    f"CREATE INDEX IF NOT EXISTS {TABLE}_date_asc ON {TABLE} (source_date ASC NULLS LAST, id DESC)",
    f"CREATE INDEX IF NOT EXISTS {TABLE}_type ON {TABLE} "
    "(source_type_order ASC NULLS LAST, reference_period DESC, id DESC)",
    f"CREATE INDEX IF NOT EXISTS {TABLE}_coverage ON {TABLE} "
    "(scope_order ASC, area_code ASC NULLS FIRST, reference_period DESC, id DESC)",
]

#: Every column of the rows of phenomena `ids` (the analysed text comes from Python).
_ROW_SELECT = f"""
    SELECT r.id,
        {TSV_FUNCTION}(
            setweight(to_tsvector('simple', r.title), 'A') || to_tsvector('simple', r.body),
            r.id, r.subject_id, r.theme_id, r.scope_id, r.area_id, r.reference_period,
            r.source_type_ids, r.outlet_ids, r.indicator_ids, r.keyword_ids, r.source_dates,
            r.source_date, r.source_type_order, r.scope_order),
        r.subject_id, r.theme_id, r.scope_id, r.area_id, r.reference_period, r.source_date,
        r.source_type_id, r.source_type_order, r.scope_order, r.area_code, r.source_type_ids,
        r.outlet_ids, r.indicator_ids, r.keyword_ids, r.source_dates
    FROM (
        SELECT p.id, v.title, v.body, p.subject_id, p.theme_id, p.scope_id, p.area_id,
            p.reference_period, ps.source_date, ps.source_type_id,
            st.sort_order AS source_type_order, sc.sort_order AS scope_order,
            ar.code AS area_code,
            ARRAY(SELECT DISTINCT s.source_type_id FROM phenomena_phenomenonsource s
                  WHERE s.phenomenon_id = p.id) AS source_type_ids,
            ARRAY(SELECT DISTINCT s.outlet_id FROM phenomena_phenomenonsource s
                  WHERE s.phenomenon_id = p.id AND s.outlet_id IS NOT NULL) AS outlet_ids,
            ARRAY(SELECT DISTINCT i.indicator_id FROM phenomena_phenomenonindicator i
                  WHERE i.phenomenon_id = p.id) AS indicator_ids,
            ARRAY(SELECT DISTINCT k.tag_id::bigint FROM phenomena_phenomenonkeyword k
                  WHERE k.content_object_id = p.id) AS keyword_ids,
            ARRAY(SELECT DISTINCT s.source_date FROM phenomena_phenomenonsource s
                  WHERE s.phenomenon_id = p.id AND s.source_date IS NOT NULL) AS source_dates
        FROM phenomena_phenomenon p
        JOIN unnest(%s::bigint[], %s::text[], %s::text[]) AS v(id, title, body) ON v.id = p.id
        JOIN phenomena_scope sc ON sc.id = p.scope_id
        LEFT JOIN phenomena_scope ar ON ar.id = p.area_id
        LEFT JOIN LATERAL (
            SELECT s.source_date, s.source_type_id FROM phenomena_phenomenonsource s
            WHERE s.phenomenon_id = p.id ORDER BY s.sort_order NULLS LAST, s.id LIMIT 1
        ) ps ON true
        LEFT JOIN phenomena_sourcetype st ON st.id = ps.source_type_id
        WHERE p.live
    ) r
"""
_COLUMNS = (
    "id, tsv, subject_id, theme_id, scope_id, area_id, reference_period, source_date, "
    "source_type_id, source_type_order, scope_order, area_code, source_type_ids, outlet_ids, "
    "indicator_ids, keyword_ids, source_dates"
)
_UPSERT_SQL = (
    f"INSERT INTO {TABLE} ({_COLUMNS}) {_ROW_SELECT} ON CONFLICT (id) DO UPDATE SET "
    + ", ".join(f"{c} = EXCLUDED.{c}" for c in _COLUMNS.split(", ")[1:])
)
#: What the analysed text is made of: the same parts as Phenomenon.search_text_id().
_TEXT_SQL = """
    SELECT p.id, p.title, p.narrative,
        ARRAY(SELECT t.name FROM phenomena_phenomenonkeyword k
              JOIN taggit_tag t ON t.id = k.tag_id WHERE k.content_object_id = p.id),
        ARRAY(SELECT o.name FROM phenomena_phenomenonsource s
              JOIN phenomena_outlet o ON o.id = s.outlet_id
              WHERE s.phenomenon_id = p.id ORDER BY s.sort_order NULLS LAST, s.id)
    FROM phenomena_phenomenon p WHERE p.live AND p.id = ANY(%s)
"""


def create_table(cursor):
    for statement in CREATE_SQL:
        cursor.execute(statement)


def sync(ids, cursor=None) -> int:
    """Bring the rows of phenomena `ids` up to date: approved ones in, the rest out."""
    ids = [int(i) for i in ids]
    if not ids:
        return 0
    if cursor is None:
        with connection.cursor() as cursor:
            return sync(ids, cursor)
    cursor.execute(_TEXT_SQL, [ids])
    keep, titles, bodies = [], [], []
    for pk, title, narrative, keywords, outlets in cursor.fetchall():
        keep.append(pk)
        titles.append(analyse_to_string(title))
        bodies.append(analyse_to_string("\n".join([title, narrative, *keywords, *outlets])))
    cursor.execute(f"DELETE FROM {TABLE} WHERE id = ANY(%s) AND NOT id = ANY(%s)", [ids, keep])
    if keep:
        cursor.execute(_UPSERT_SQL, [keep, titles, bodies])
    return len(keep)


def remove(ids) -> None:
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {TABLE} WHERE id = ANY(%s)", [[int(i) for i in ids]])


def rebuild(cursor, chunk=2000, progress=None) -> int:
    """Refill the whole table from the approved phenomena; returns the number of rows."""
    cursor.execute(f"TRUNCATE {TABLE}")
    cursor.execute("SELECT id FROM phenomena_phenomenon WHERE live ORDER BY id")
    ids = [row[0] for row in cursor.fetchall()]
    done = 0
    for start in range(0, len(ids), chunk):
        done += sync(ids[start : start + chunk], cursor)
        if progress:
            progress(done, len(ids))
    cursor.execute(f"ANALYZE {TABLE}")
    return done


# ---------------------------------------------------------------------------
# Querying
# ---------------------------------------------------------------------------


def exact_facets_limit() -> int:
    return int(getattr(settings, "SEARCH_EXACT_FACETS_LIMIT", 5_000))


def facet_sample_rows() -> int:
    return int(getattr(settings, "SEARCH_FACET_SAMPLE_ROWS", 5_000))


def exact_limit_without_facets() -> int:
    """Above this many matches a page without facets (the API's usual request) has an
    estimated total: counting them all reads every matching row, at 1M phenomena the most
    of such a request's time, and a page of 50 needs only the page."""
    return int(getattr(settings, "SEARCH_EXACT_LIMIT_WITHOUT_FACETS", 1_000))


def sample_rows_without_facets() -> int:
    """Rows of the sample that estimates the total and finds the page's region when no
    facets are counted (a total within a few per cent needs far fewer than facets do)."""
    return int(getattr(settings, "SEARCH_SAMPLE_ROWS_WITHOUT_FACETS", 500))


def _quote(lexeme: str) -> str:
    return "'" + lexeme.replace("\\", "\\\\").replace("'", "''") + "'"


def _any(lexemes) -> str:
    lexemes = list(lexemes)
    if len(lexemes) == 1:
        return _quote(lexemes[0])
    return "(" + " | ".join(_quote(x) for x in lexemes) + ")"


def _all(lexemes) -> str:
    return " & ".join(_quote(x) for x in lexemes)


def _month_keys(low, high, month_prefix, year_prefix):
    """Keys of every month from `low` to `high` (whole years as one key), or [] if too many.

    Only a closed range becomes keys; the SQL condition beside it stays exact (days, open
    ranges), the keys only let the GIN index narrow the rows first.
    """
    if not low or not high or low > high:
        return []
    keys = []
    for year in range(low.year, high.year + 1):
        first = low.month if year == low.year else 1
        last = high.month if year == high.year else 12
        if first == 1 and last == 12:
            keys.append(f"{year_prefix}={year}")
        else:
            keys += [f"{month_prefix}={year}-{m:02d}" for m in range(first, last + 1)]
        if len(keys) > MAX_RANGE_KEYS:
            return []
    return keys


def key_query(params) -> str:
    """The filters of `params` as tsquery text over the keys ('' when there are none)."""
    groups = []
    for name, prefix in KEY_PREFIX.items():
        values = getattr(params, name)
        if values:
            groups.append(_any(f"{prefix}={int(v)}" for v in sorted(set(values))))
    for low, high, month_prefix, year_prefix in (
        (params.period_from, params.period_to, "p", "y"),
        (params.date_from, params.date_to, "dm", "dy"),
    ):
        keys = _month_keys(low, high, month_prefix, year_prefix)
        if keys:
            groups.append(_any(keys))
    return " & ".join(groups)


class Words:
    """The query words as lexemes: groups of alternatives (QueryTerms), all or any group.

    Each group is a list of variants, each variant a list of lexemes: the tsquery is
    ``(v1 | (a & b)) & (…)`` (``|`` between groups for ``operator="or"``).
    """

    def __init__(self, groups=(), operator="and"):
        self.groups = [[list(v) for v in group if v] for group in groups]
        self.groups = [g for g in self.groups if g]
        self.operator = operator

    def __bool__(self):
        return bool(self.groups)

    def tsquery(self, prefix: str = "") -> str:
        parts = []
        for group in self.groups:
            variants = [
                _quote(prefix + v[0]) if len(v) == 1 else "(" + _all(prefix + w for w in v) + ")"
                for v in group
            ]
            parts.append(variants[0] if len(variants) == 1 else "(" + " | ".join(variants) + ")")
        return (" & " if self.operator == "and" else " | ").join(parts)


def _and(*parts) -> str:
    return " & ".join(f"({p})" for p in parts if p)


class Query:
    """The condition of one search on alias ``d`` of the table.

    ``tsquery`` holds the words and every filter as one tsquery over the GIN index. Only
    what keys cannot say exactly stays in SQL beside it: days of a source date range, and
    a period range that is open or too long for keys.
    """

    def __init__(self, params, words):
        #: Disjunctive facet counts to run with this query (set by :func:`search`).
        self.disjunctive = []
        #: Selected keywords: counted even when they are not among the most frequent.
        self.keep_keywords = tuple(params.keyword)
        self.words = words if isinstance(words, Words) else Words([[w]] for w in words)
        self.keys = key_query(params)
        words_query = self.words.tsquery()
        if self.words.operator != "and" and len(self.words.groups) > 1:
            words_query = f"({words_query})"
        self.tsquery = _and(words_query, self.keys)
        self.sql, self.args = [], []
        period_keyed = bool(_month_keys(params.period_from, params.period_to, "p", "y"))
        if params.period_from and not period_keyed:
            self.sql.append("d.reference_period >= %s")
            self.args.append(params.period_from)
        if params.period_to and not period_keyed:
            self.sql.append("d.reference_period <= %s")
            self.args.append(params.period_to)
        if params.date_from or params.date_to:
            low = params.date_from or datetime.date.min
            high = params.date_to or datetime.date.max
            self.sql.append(
                "EXISTS (SELECT 1 FROM unnest(d.source_dates) sd WHERE sd BETWEEN %s AND %s)"
            )
            self.args += [low, high]

    def where(self, *more):
        """(SQL, args) for the rows matching the query and every tsquery in `more`."""
        tsquery = _and(self.tsquery, *more)
        clauses, args = [], []
        if tsquery:
            clauses.append("d.tsv @@ %s::tsquery")
            args.append(tsquery)
        return " AND ".join(clauses + self.sql) or "true", args + self.args

    @property
    def title_words(self) -> str:
        """Every word in the title: the first tier of relevance for very large result sets."""
        return self.words.tsquery("j=")


_RANK = "ts_rank(d.tsv, %s::tsquery)"

_ORDER = {
    "relevance": "rank DESC, reference_period DESC, id DESC",
    "period_desc": "reference_period DESC, id DESC",
    "period_asc": "reference_period ASC, id ASC",
    "date_desc": "source_date DESC NULLS LAST, id DESC",
    "date_asc": "source_date ASC NULLS LAST, id DESC",
    "source_type": "source_type_order ASC NULLS LAST, reference_period DESC, id DESC",
    "coverage": "scope_order ASC, area_code ASC NULLS FIRST, reference_period DESC, id DESC",
}
#: Relevance in a very large result set: every word in the title first, then newest.
_LARGE_RELEVANCE = "in_title DESC, reference_period DESC, id DESC"
_SCALARS = ("subject_id", "theme_id", "scope_id", "area_id", "reference_period")
_ARRAYS = ("source_type_ids", "outlet_ids", "indicator_ids", "keyword_ids")
_FACET_NAMES = {
    **{spec.column: name for name, spec in ID_FILTERS.items() if not spec.rows},
    "reference_period": "period",
    **{spec.column: name for name, spec in ID_FILTERS.items() if spec.rows},
}
_FACET_COLUMNS = {name: column for column, name in _FACET_NAMES.items()}
_SORT_COLUMNS = ("source_date", "source_type_order", "scope_order", "area_code")
_ORDER_COLUMNS = "d.id, d.reference_period, " + ", ".join(f"d.{c}" for c in _SORT_COLUMNS)
_COLUMNS_USED = ", ".join(f"d.{c}" for c in ("id", *_SCALARS, *_ARRAYS, *_SORT_COLUMNS))
#: The sort values of a row, as the sample hands them to :func:`_region`.
_BOUND_COLUMNS = ("reference_period", "source_date", "source_type_order", "scope_order")
_BOUND_COLUMNS += ("area_code", "area_id", "in_title", "id")

_FACETS_SQL = """
    (SELECT json_agg(json_build_array(g, subject_id, theme_id, scope_id, area_id,
                                      reference_period, n))
     FROM (SELECT GROUPING(subject_id, theme_id, scope_id, area_id, reference_period) AS g,
                  subject_id, theme_id, scope_id, area_id, reference_period, count(*) AS n
           FROM {src}
           GROUP BY GROUPING SETS ((subject_id), (theme_id), (scope_id), (area_id),
                                   (reference_period))) f),
    (SELECT json_agg(json_build_array(k, v, n))
     FROM (SELECT x.k, x.v, count(*) AS n
           FROM {src} CROSS JOIN LATERAL (
               SELECT 0 AS k, unnest({src}.source_type_ids) AS v
               UNION ALL SELECT 1, unnest({src}.outlet_ids)
               UNION ALL SELECT 2, unnest({src}.indicator_ids)
               UNION ALL SELECT 3, unnest({src}.keyword_ids)) x
           GROUP BY x.k, x.v) a)
"""


def search(params, terms, sort, offset, limit, with_facets=True):
    """(ids, total, raw facets or None, approximate facets, approximate total) for a search.

    One statement when the result set is at most ``exact_facets_limit()`` rows (the usual
    case); above it, the total and the facets are estimated from a sample of the matches
    (both flags are then True; the hits are still exact). A facet with a selected value is
    counted without its own filter (disjunctive facets, see :class:`Disjunctive`) by one
    more grouped count in the same statement, itself on a sample when that set is very
    large (then only the facets are approximate).
    """
    limit = max(0, int(limit or 0))
    offset = max(0, int(offset or 0))
    # Without facets, a page near the start (the API's list) is read from a smaller sample
    # past a smaller exact limit; an export (thousands of rows) keeps the facets' limits.
    cap, sample = exact_facets_limit(), facet_sample_rows()
    if not with_facets and offset + limit <= exact_limit_without_facets():
        cap, sample = exact_limit_without_facets(), sample_rows_without_facets()
    with connection.cursor() as cursor:
        words = _lexemes(cursor, terms)
        query = Query(params, words)
        if with_facets:
            query.disjunctive = [
                Disjunctive(cursor, params, name, words) for name in _selected_facets(params)
            ]
        sort = sort if sort != "relevance" or query.words else "period_desc"
        more_than = 0
        if _planned_rows(cursor, query) <= 4 * cap:
            more_than = cap
            exact = _exact(cursor, query, sort, offset, limit, with_facets, more_than)
            if exact is not None:
                return exact
        return _large(cursor, query, params, sort, offset, limit, with_facets, more_than, sample)


def _selected_facets(params):
    from ..facets import selected_facets

    return selected_facets(params)


class Disjunctive:
    """The counts of one facet with a selected value: every other filter, not its own.

    Values of one facet combine with OR, so the facet shows how many phenomena each of its
    values would add: the rows matching the words and every other filter, grouped by this
    facet's values. That set may be much larger than the matches (one theme ticked, no
    words: every row); above ``4 * exact_facets_limit()`` rows (the planner's estimate) it
    is counted on a sample bucket and scaled, as :func:`_large` does.
    """

    def __init__(self, cursor, params, name, words):
        from ..facets import without

        self.name = name
        self.selected = tuple(getattr(params, name))
        relaxed = Query(without(params, name), words)
        planned = _planned_rows(cursor, relaxed)
        self.level = 1
        if planned > 4 * exact_facets_limit():
            for n in SAMPLE_LEVELS:
                if planned / n >= facet_sample_rows():
                    self.level = n
        sample = f"'b={self.level}'" if self.level > 1 else ""
        self.where, self.args = relaxed.where(sample)
        column = _FACET_COLUMNS[name]
        if column in _ARRAYS:
            rows = f"{TABLE} d CROSS JOIN LATERAL unnest(d.{column}) AS u(v)"
            value = "u.v"
        else:
            rows, value = f"{TABLE} d", f"d.{column}"
        self.sql = f"""(SELECT json_agg(json_build_array(v, n)) FROM (
            SELECT {value} AS v, count(*) AS n FROM {rows} WHERE {self.where}
            GROUP BY 1) x)"""

    def counts(self, value) -> dict:
        if isinstance(value, str):
            value = json.loads(value)
        counts = {
            v: (n if self.level == 1 else max(1, round(n * self.level)))
            for v, n in value or []
            if v is not None
        }
        if self.name == "keyword":
            from ..facets import top_keywords

            counts = top_keywords(counts, self.selected)
        return counts


def _disjunctive_sql(query, with_facets):
    """(select-list SQL, args) of the disjunctive counts of `query` ('' when none)."""
    parts = getattr(query, "disjunctive", []) if with_facets else []
    if not parts:
        return "", []
    sql = "".join(f", {part.sql}" for part in parts)
    return sql, [arg for part in parts for arg in part.args]


def _apply_disjunctive(raw, query, values):
    """Put the disjunctive counts in `raw`; True when one of them was sampled.

    A selected value's count is the same over the matches as over the relaxed set (a row
    with a selected value passes the facet's own filter), so it is taken from the matches'
    own facet counts: exact whenever the matches are, even when the relaxed set was only
    sampled (and never lost from a small sample).
    """
    parts = getattr(query, "disjunctive", [])
    for part, value in zip(parts, values, strict=True):
        own = raw.get(part.name, {})
        counts = part.counts(value)
        for selected in part.selected:
            counts.pop(selected, None)
            if own.get(selected):
                counts[selected] = own[selected]
        raw[part.name] = counts
    return any(part.level > 1 for part in parts)


def _planned_rows(cursor, query) -> int:
    """The planner's estimate of the matches (from the tsvector's lexeme statistics)."""
    where, args = query.where()
    cursor.execute(f"EXPLAIN (FORMAT JSON) SELECT 1 FROM {TABLE} d WHERE {where}", args)
    plan = cursor.fetchone()[0]
    if isinstance(plan, str):
        plan = json.loads(plan)
    return int(plan[0]["Plan"]["Plan Rows"])


def _lexemes(cursor, terms) -> Words:
    """The query words as the documents' lexemes (the same parser made both), by group."""
    from ..understanding import QueryTerms

    if not terms:
        return Words()
    terms = QueryTerms.of(terms)
    flat = [(g, " ".join(v)) for g, group in enumerate(terms.groups) for v in group]
    cursor.execute(
        "SELECT tsvector_to_array(to_tsvector('simple', v)) "
        "FROM unnest(%s::text[]) WITH ORDINALITY AS t(v, i) ORDER BY i",
        [[text for _g, text in flat]],
    )
    groups = [[] for _ in terms.groups]
    for (g, _text), (lexemes,) in zip(flat, cursor.fetchall(), strict=True):
        if lexemes:
            groups[g].append(list(lexemes))
    return Words(groups, getattr(terms, "operator", "and"))


def _rank(query, sort):
    if sort == "relevance":
        return _RANK, [query.words.tsquery()]
    return "0", []


def _exact(cursor, query, sort, offset, limit, with_facets, cap):
    """Hits, total and facets in one statement, or None when more than `cap` rows match.

    The matching rows are read once, at most ``cap + 1`` of them: when there are more,
    the large-result path takes over.
    """
    where, args = query.where()
    rank, rank_args = _rank(query, sort)
    facets_sql = _FACETS_SQL.format(src="m") if with_facets else "NULL, NULL"
    extra_sql, extra_args = _disjunctive_sql(query, with_facets)
    cap_sql, cap_args = ("LIMIT %s", [cap + 1]) if cap else ("", [])
    cursor.execute(
        f"""
        WITH m AS MATERIALIZED (
            SELECT {_COLUMNS_USED}, {rank} AS rank FROM {TABLE} d WHERE {where} {cap_sql})
        SELECT (SELECT count(*) FROM m),
               (SELECT json_agg(id) FROM (SELECT id FROM m ORDER BY {_ORDER[sort]}
                                          LIMIT %s OFFSET %s) p),
               {facets_sql}{extra_sql}
        """,
        [*rank_args, *args, *cap_args, limit, offset, *extra_args],
    )
    total, ids, scalars, arrays, *extra = cursor.fetchone()
    if cap and total > cap:
        return None
    raw, sampled = None, False
    if with_facets:
        raw = _read_facets(scalars, arrays, 1.0, query.keep_keywords)
        sampled = _apply_disjunctive(raw, query, extra)
    return _ids(ids), total, raw, sampled, False


def _large(cursor, query, params, sort, offset, limit, with_facets, more_than=0, sample=None):
    """A result set of more than ``exact_facets_limit()`` rows.

    The facets and the total are counted on the 1/N sample (key ``b=N``, N a power of two
    chosen to give about ``SEARCH_FACET_SAMPLE_ROWS`` rows), scaled up and flagged
    approximate. The same sample, sorted, tells how far down the sort order the requested
    page lies; the page is then read from that region alone (see :func:`_region`).
    """
    # How many rows match, roughly: counted on the 1/1024 sample.
    where, args = query.where(f"'b={SAMPLE_LEVELS[-1]}'")
    cursor.execute(f"SELECT count(*) FROM {TABLE} d WHERE {where}", args)
    estimate = max(more_than + 1, cursor.fetchone()[0] * SAMPLE_LEVELS[-1])
    level = 1
    for n in SAMPLE_LEVELS:
        if estimate / n >= (sample or facet_sample_rows()):
            level = n
    if level == 1:  # not so many after all: count them all, exactly
        return _exact(cursor, query, sort, offset, limit, with_facets, 0)
    in_title, title_args = "false", []
    if query.words:
        in_title, title_args = "(d.tsv @@ %s::tsquery)", [query.title_words]
    order = _LARGE_RELEVANCE if sort == "relevance" else _ORDER[sort]
    # The rows of the sample at 2x, 8x and 32x the expected position of the page's end.
    expected = (offset + limit) / level
    positions = [math.ceil(expected * f) + 2 for f in (2, 8, 32)]
    facets_sql = _FACETS_SQL.format(src="s") if with_facets else "NULL, NULL"
    extra_sql, extra_args = _disjunctive_sql(query, with_facets)
    where, args = query.where(f"'b={level}'")
    bound_columns = ", ".join(_BOUND_COLUMNS)
    cursor.execute(
        f"""
        WITH s AS MATERIALIZED (
            SELECT {_COLUMNS_USED}, {in_title} AS in_title FROM {TABLE} d WHERE {where})
        SELECT (SELECT count(*) FROM s), {facets_sql},
               (SELECT json_agg(json_build_array({bound_columns}))
                FROM (SELECT * FROM s ORDER BY {order} LIMIT %s) b){extra_sql}
        """,
        [*title_args, *args, positions[-1], *extra_args],
    )
    sampled, scalars, arrays, ordered, *extra = cursor.fetchone()
    total = max(more_than + 1, sampled * level)
    ids = []
    if limit:  # also past the estimated total, which may be low
        if isinstance(ordered, str):
            ordered = json.loads(ordered)
        ordered = ordered or []
        bounds = [ordered[p - 1] for p in positions if p <= len(ordered)] + [None]
        ranges = _table_ranges(cursor) if len(bounds) > 1 else {}
        for bound in bounds:
            region = _region(cursor, query, params, sort, bound, ranges)
            if region is None and bound is not None:
                continue
            where, args = query.where(region or "")
            # Materialised, so PostgreSQL reads the region through the GIN index and never
            # walks a sorted index past rows that a filter going with the sort leaves out.
            rows = f"""WITH r AS MATERIALIZED (
                SELECT {_ORDER_COLUMNS}, {in_title} AS in_title FROM {TABLE} d WHERE {where})"""
            if bound is None:  # every match
                cursor.execute(
                    f"{rows} SELECT id FROM r ORDER BY {order} LIMIT %s OFFSET %s",
                    [*title_args, *args, limit, offset],
                )
                ids = [row[0] for row in cursor.fetchall()]
                break
            cursor.execute(
                f"""{rows},
                o AS (SELECT id, row_number() OVER (ORDER BY {order}) AS n FROM r)
                SELECT (SELECT json_agg(id ORDER BY n) FROM o WHERE n > %s AND n <= %s),
                       (SELECT n FROM o WHERE id = %s)
                """,
                [*title_args, *args, offset, offset + limit, bound[-1]],
            )
            page, bound_position = cursor.fetchone()
            ids = _ids(page)
            # Every row before the bound is in the region, so the page is right when it
            # ends at or before the bound row.
            if (bound_position or 0) >= offset + limit:
                break
    total = max(total, offset + len(ids))
    raw = None
    if with_facets:
        raw = _read_facets(scalars, arrays, level, query.keep_keywords)
        _apply_disjunctive(raw, query, extra)
    return ids, total, raw, True, True


def _table_ranges(cursor) -> dict:
    """The oldest and newest reference period and primary source date in the table."""
    cursor.execute(
        f"SELECT min(reference_period), max(reference_period), min(source_date), "
        f"max(source_date) FROM {TABLE}"
    )
    first, last, low, high = cursor.fetchone()
    return {"period": (first, last), "date": (low, high)}


def _region(cursor, query, params, sort, bound, ranges):
    """Keys (tsquery text) of the rows that sort at or before `bound`, or None.

    `bound` holds the sort values of one row of the sample (``_BOUND_COLUMNS``). Every
    row that comes before it in the sort order is inside the region (rows after it may be
    too: the region only has to hold the page and be small). None when the region cannot
    be put in keys; the page is then read from every match. `ranges` is
    :func:`_table_ranges`.
    """
    if bound is None:
        return None
    values = dict(zip(_BOUND_COLUMNS, bound, strict=True))
    period = datetime.date.fromisoformat(values["reference_period"])
    first, last = ranges["period"]
    first = max(first, params.period_from) if params.period_from else first
    last = min(last, params.period_to) if params.period_to else last

    def periods_from(start):  # the months from `start` to the newest one
        keys = _month_keys(start, last, "p", "y")
        return _any(keys) if keys else None

    if sort in ("period_desc", "relevance"):
        newer = periods_from(period)
        if sort == "period_desc" or newer is None:
            return newer
        title = query.title_words
        return f"{title} & {newer}" if values["in_title"] else f"{title} | {newer}"
    if sort == "period_asc":
        keys = _month_keys(first, period, "p", "y")
        return _any(keys) if keys else None
    if sort in ("date_desc", "date_asc"):
        if values["source_date"] is None:
            return None
        day = datetime.date.fromisoformat(values["source_date"])
        low, high = ranges["date"]
        keys = _month_keys(day, high, "pd", "py") if sort == "date_desc" else []
        if sort == "date_asc":
            keys = _month_keys(low, day, "pd", "py")
        return _any(keys) if keys else None
    newer = periods_from(period)
    if newer is None:
        return None
    if sort == "source_type":
        if values["source_type_order"] is None:
            return None
        order = values["source_type_order"]
        cursor.execute(
            "SELECT DISTINCT sort_order FROM phenomena_sourcetype WHERE sort_order < %s", [order]
        )
        before = [f"po={row[0]}" for row in cursor.fetchall()]
        here = f"'po={order}' & {newer}"
        return " | ".join([_any(before), f"({here})"]) if before else here
    # coverage: scope order, then kab/kota code (none first), then newest.
    scope_order = values["scope_order"]
    cursor.execute(
        "SELECT DISTINCT sort_order FROM phenomena_scope WHERE sort_order < %s", [scope_order]
    )
    parts = [_any(f"co={row[0]}" for row in cursor.fetchall())] if cursor.rowcount else []
    if values["area_code"] is None:
        here = newer
    else:
        cursor.execute("SELECT id FROM phenomena_scope WHERE code < %s", [values["area_code"]])
        areas = ["a=0", *(f"a={row[0]}" for row in cursor.fetchall())]
        here = f"{_any(areas)} | ('a={values['area_id']}' & {newer})"
    parts.append(f"'co={scope_order}' & ({here})")
    return " | ".join(f"({part})" for part in parts)


def _ids(value):
    if isinstance(value, str):
        value = json.loads(value)
    return list(value or [])


def _read_facets(scalars, arrays, scale, keep_keywords=()):
    if isinstance(scalars, str):
        scalars = json.loads(scalars)
    if isinstance(arrays, str):
        arrays = json.loads(arrays)

    def scaled(n):
        return n if scale == 1.0 else max(1, round(n * scale))

    raw = {name: {} for name in _FACET_NAMES.values()}
    width = len(_SCALARS)
    for row in scalars or []:
        grouping, values, n = row[0], row[1 : 1 + width], row[-1]
        for position, column in enumerate(_SCALARS):
            # GROUPING() has a 0 bit for the column this grouping set is about.
            if not grouping & (1 << (width - 1 - position)):
                value = values[position]
                if value is None:
                    break
                if column == "reference_period":
                    value = datetime.date.fromisoformat(value)
                raw[_FACET_NAMES[column]][value] = scaled(n)
                break
    for k, value, n in arrays or []:
        if value is not None:
            raw[_FACET_NAMES[_ARRAYS[k]]][value] = scaled(n)

    from ..facets import top_keywords

    raw["keyword"] = top_keywords(raw["keyword"], keep_keywords)
    return raw


# ---------------------------------------------------------------------------
# The engine
# ---------------------------------------------------------------------------


class PostgresTableEngine:
    """PostgreSQL: one statement over the denormalised search table.

    The table holds only approved phenomena, every one of which a signed-in user may see
    (``visible_phenomena`` only ever widens what is visible beyond approved ones); hits are
    loaded through ``approved_queryset(user)`` again, so a stale row can never show a draft.
    """

    name = "pgtable"

    def search(self, queryset, params, terms, offset, limit, with_facets=True):
        from django.core.cache import cache

        from .. import facets as facet_mod
        from . import EngineResult, no_text_sort

        if queryset.query.is_empty():  # `.none()`: no query (the table holds approved ones)
            return EngineResult(ids=[], total=0, facets={})
        sort = params.effective_sort if terms else no_text_sort(params)
        parts = (*params.cache_key_parts(), str(terms), getattr(terms, "operator", "and"))
        key = facet_mod.cache_key("pgfacets", parts)
        cached = cache.get(key) if with_facets else None
        ids, total, raw, approximate, approximate_total = search(
            params, terms, sort, offset, limit, with_facets=with_facets and cached is None
        )
        if cached is not None:
            raw, approximate = cached
        elif with_facets:
            cache.set(key, (raw, approximate), facet_mod.facet_cache_seconds())
        return EngineResult(
            ids=ids,
            total=total,
            facets=raw or {},
            approximate_facets=approximate or approximate_total,
            approximate_total=approximate_total,
        )

    def sync(self, ids) -> None:
        sync(ids)

    def remove(self, ids) -> None:
        remove(ids)
