"""PostgreSQL search: one denormalised row per approved phenomenon, one statement per search.

Wagtail's PostgreSQL index keeps only text, so filters and facets had to join back to the
phenomenon and its child rows, about eleven times per search. Here the table
``simfoni_search_document`` holds, for every approved phenomenon, the analysed text as a
``tsvector`` (title weighted A, ``simple`` configuration: the text is analysed in Python by
:mod:`search.analysis`) beside every value a filter, a facet or a sort needs, including the
child rows' values as arrays (GIN indexes on the text and the arrays, btree on the
scalars). A search is then one SQL statement: a CTE of the matching rows, the page of hits,
the total and every facet (``GROUPING SETS`` over the phenomenon's own fields, ``unnest``
over the arrays), returned together as JSON.

Very large result sets: a cheap first step counts matches up to ``SEARCH_EXACT_FACETS_LIMIT``.
Above it the total and the facets are counted on a deterministic sample of the matches (rows
whose ``bucket``, a hash of the id in 0..99, is below a cut chosen from the planner's row
estimate to give about ``SEARCH_FACET_SAMPLE_ROWS`` rows), scaled up and flagged approximate;
the page shows "sekitar n" and "± n". The page of hits itself is exact.

The table is kept by :mod:`search.signal_handlers` (publish, unpublish, delete; a merge
publishes the survivor and unpublishes the duplicate) through :func:`sync`, filled by
migration ``simfoni_search.0001`` and rebuilt by ``manage.py rebuild_search_table``.
"""

from __future__ import annotations

import datetime
import json
import math

from django.conf import settings
from django.db import connection

from .analysis import analyse_to_string

TABLE = "simfoni_search_document"

CREATE_SQL = [
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
        source_dates date[] NOT NULL DEFAULT '{{}}',
        bucket smallint GENERATED ALWAYS AS ((abs(hashint8(id)) % 100)::smallint) STORED
    )
    """,
    f"CREATE INDEX IF NOT EXISTS {TABLE}_tsv ON {TABLE} USING gin (tsv)",
    f"CREATE INDEX IF NOT EXISTS {TABLE}_st ON {TABLE} USING gin (source_type_ids)",
    f"CREATE INDEX IF NOT EXISTS {TABLE}_outlet ON {TABLE} USING gin (outlet_ids)",
    f"CREATE INDEX IF NOT EXISTS {TABLE}_ind ON {TABLE} USING gin (indicator_ids)",
    f"CREATE INDEX IF NOT EXISTS {TABLE}_kw ON {TABLE} USING gin (keyword_ids)",
    f"CREATE INDEX IF NOT EXISTS {TABLE}_subject ON {TABLE} (subject_id)",
    f"CREATE INDEX IF NOT EXISTS {TABLE}_theme ON {TABLE} (theme_id)",
    f"CREATE INDEX IF NOT EXISTS {TABLE}_scope ON {TABLE} (scope_id)",
    f"CREATE INDEX IF NOT EXISTS {TABLE}_area ON {TABLE} (area_id)",
    f"CREATE INDEX IF NOT EXISTS {TABLE}_period ON {TABLE} (reference_period DESC, id DESC)",
    f"CREATE INDEX IF NOT EXISTS {TABLE}_date ON {TABLE} (source_date DESC NULLS LAST, id DESC)",
    f"CREATE INDEX IF NOT EXISTS {TABLE}_bucket ON {TABLE} (bucket)",
]
DROP_SQL = f"DROP TABLE IF EXISTS {TABLE}"

#: Every column filled from the phenomenon tables (the text comes from Python).
_ROW_SELECT = """
    SELECT p.id,
        setweight(to_tsvector('simple', v.title), 'A') || to_tsvector('simple', v.body),
        p.subject_id, p.theme_id, p.scope_id, p.area_id, p.reference_period,
        ps.source_date, ps.source_type_id, st.sort_order, sc.sort_order, ar.code,
        ARRAY(SELECT DISTINCT s.source_type_id FROM phenomena_phenomenonsource s
              WHERE s.phenomenon_id = p.id),
        ARRAY(SELECT DISTINCT s.outlet_id FROM phenomena_phenomenonsource s
              WHERE s.phenomenon_id = p.id AND s.outlet_id IS NOT NULL),
        ARRAY(SELECT DISTINCT i.indicator_id FROM phenomena_phenomenonindicator i
              WHERE i.phenomenon_id = p.id),
        ARRAY(SELECT DISTINCT k.tag_id::bigint FROM phenomena_phenomenonkeyword k
              WHERE k.content_object_id = p.id),
        ARRAY(SELECT DISTINCT s.source_date FROM phenomena_phenomenonsource s
              WHERE s.phenomenon_id = p.id)
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


def is_available(using=None) -> bool:
    """True on PostgreSQL once migration simfoni_search.0001 has created the table."""
    conn = connection if using is None else using
    if conn.vendor != "postgresql":
        return False
    with conn.cursor() as cursor:
        cursor.execute("SELECT to_regclass(%s) IS NOT NULL", [TABLE])
        return cursor.fetchone()[0]


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


def _where(params, terms):
    """(SQL condition on alias d, arguments) for the query words and every filter."""
    clauses, args = [], []
    if terms:
        clauses.append("d.tsv @@ plainto_tsquery('simple', %s)")
        args.append(terms)
    for name in ("subject", "theme", "scope", "area"):
        values = getattr(params, name)
        if values:
            clauses.append(f"d.{name}_id = ANY(%s)")
            args.append(list(values))
    for name in ("source_type", "outlet", "indicator", "keyword"):
        values = getattr(params, name)
        if values:
            clauses.append(f"d.{name}_ids && %s::bigint[]")
            args.append(list(values))
    if params.period_from:
        clauses.append("d.reference_period >= %s")
        args.append(params.period_from)
    if params.period_to:
        clauses.append("d.reference_period <= %s")
        args.append(params.period_to)
    if params.date_from or params.date_to:
        low = params.date_from or datetime.date.min
        high = params.date_to or datetime.date.max
        clauses.append(
            "EXISTS (SELECT 1 FROM unnest(d.source_dates) sd WHERE sd BETWEEN %s AND %s)"
        )
        args += [low, high]
    return (" AND ".join(clauses) or "true"), args


_ORDER = {
    "relevance": "rank DESC, reference_period DESC, id DESC",
    "period_desc": "reference_period DESC, id DESC",
    "period_asc": "reference_period ASC, id ASC",
    "date_desc": "source_date DESC NULLS LAST, id DESC",
    "date_asc": "source_date ASC NULLS LAST, id DESC",
    "source_type": "source_type_order ASC NULLS LAST, reference_period DESC, id DESC",
    "coverage": "scope_order ASC, area_code ASC NULLS FIRST, reference_period DESC, id DESC",
}
_SCALARS = ("subject_id", "theme_id", "scope_id", "area_id", "reference_period")
_ARRAYS = ("source_type_ids", "outlet_ids", "indicator_ids", "keyword_ids")
_FACET_NAMES = {
    "subject_id": "subject",
    "theme_id": "theme",
    "scope_id": "scope",
    "area_id": "area",
    "reference_period": "period",
    "source_type_ids": "source_type",
    "outlet_ids": "outlet",
    "indicator_ids": "indicator",
    "keyword_ids": "keyword",
}

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
    """(ids, total, raw facets or None, approximate) for one search.

    One statement when the result set is at most ``exact_facets_limit()`` rows (the usual
    case); above it, the total and the facets are estimated from a sample of the matches
    (``approximate`` is then True; the hits are still exact).
    """
    where, args = _where(params, terms)
    rank = "ts_rank(d.tsv, plainto_tsquery('simple', %s))" if sort == "relevance" else "0"
    rank_args = [terms] if sort == "relevance" else []
    columns = ", ".join(
        ("d.id", *(f"d.{c}" for c in _SCALARS + _ARRAYS), "d.source_date", "d.source_type_order")
        + ("d.scope_order", "d.area_code")
    )
    limit = max(0, int(limit or 0))
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT count(*) FROM (SELECT 1 FROM {TABLE} d WHERE {where} LIMIT %s) x",
            [*args, exact_facets_limit() + 1],
        )
        probe = cursor.fetchone()[0]
        if probe <= exact_facets_limit():
            facets_sql = _FACETS_SQL.format(src="m") if with_facets else "NULL, NULL"
            cursor.execute(
                f"""
                WITH m AS MATERIALIZED (
                    SELECT {columns}, {rank} AS rank FROM {TABLE} d WHERE {where})
                SELECT (SELECT count(*) FROM m),
                       (SELECT json_agg(id) FROM (SELECT id FROM m ORDER BY {_ORDER[sort]}
                                                  LIMIT %s OFFSET %s) p),
                       {facets_sql}
                """,
                [*rank_args, *args, limit, offset],
            )
            total, ids, scalars, arrays = cursor.fetchone()
            raw = _read_facets(scalars, arrays, 1.0) if with_facets else None
            return _ids(ids), total, raw, False
        # A large result set: the total and the facets are estimated from a deterministic
        # sample of the matches (rows whose bucket, a hash of the id, is below a cut chosen
        # from the planner's estimate); the page of hits is exact.
        cursor.execute(f"EXPLAIN (FORMAT JSON) SELECT 1 FROM {TABLE} d WHERE {where}", args)
        plan = cursor.fetchone()[0]
        if isinstance(plan, str):
            plan = json.loads(plan)
        estimate = max(probe, int(plan[0]["Plan"]["Plan Rows"]))
        cut = min(100, max(1, math.ceil(100 * facet_sample_rows() / estimate)))
        facets_sql = _FACETS_SQL.format(src="s") if with_facets else "NULL, NULL"
        cursor.execute(
            f"""
            WITH s AS MATERIALIZED (
                SELECT {columns} FROM {TABLE} d WHERE {where} AND d.bucket < %s)
            SELECT (SELECT count(*) FROM s), {facets_sql}
            """,
            [*args, cut],
        )
        sampled, scalars, arrays = cursor.fetchone()
        total = max(probe, round(sampled * 100 / cut))
        ids = []
        if limit and offset < total:
            cursor.execute(
                f"""SELECT id FROM (SELECT {columns}, {rank} AS rank FROM {TABLE} d
                    WHERE {where}) m ORDER BY {_ORDER[sort]} LIMIT %s OFFSET %s""",
                [*rank_args, *args, limit, offset],
            )
            ids = [row[0] for row in cursor.fetchall()]
        raw = None
        if with_facets:
            raw = _read_facets(scalars, arrays, total / sampled if sampled else 1.0)
        return ids, total, raw, cut < 100


def _ids(value):
    if isinstance(value, str):
        value = json.loads(value)
    return list(value or [])


def _read_facets(scalars, arrays, scale):
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
    from .facets import KEYWORD_FACET_SIZE

    top = sorted(raw["keyword"].items(), key=lambda kv: (-kv[1], kv[0]))[:KEYWORD_FACET_SIZE]
    raw["keyword"] = dict(top)
    return raw
