"""The PostgreSQL search table (search/engines/pgtable.py), filled from the approved phenomena.

Nothing happens on other databases. The SQL is frozen here, as it was when this migration
was written: editing the engine never rewrites what this migration did. Only the text
analysis (simfoni_text.analysis, the same words the engine searches for) is called, to fill the
rows.
"""

from django.db import migrations

CREATE_SQL = [
    """
    DO $$ DECLARE f regprocedure; BEGIN
        FOR f IN SELECT oid::regprocedure FROM pg_proc WHERE proname = 'simfoni_search_tsv' LOOP
            EXECUTE 'DROP FUNCTION ' || f;
        END LOOP;
    END $$
""",
    """
    CREATE FUNCTION simfoni_search_tsv(
        words tsvector, doc_id bigint, subject bigint, theme bigint, scope bigint,
        area bigint, period date, source_types bigint[], outlets bigint[],
        indicators bigint[], keywords bigint[], source_dates date[],
        source_date date, source_type_order integer, scope_order integer
    ) RETURNS tsvector LANGUAGE sql STABLE PARALLEL SAFE AS $$
        SELECT words || array_to_tsvector(
            ARRAY(SELECT 'j=' || w FROM unnest(tsvector_to_array(ts_filter(words, '{a}'))) w)
            || ARRAY['s=' || subject, 't=' || theme, 'c=' || scope, 'co=' || scope_order,
                     'a=' || coalesce(area, 0),
                     'p=' || to_char(period, 'YYYY-MM'), 'y=' || to_char(period, 'YYYY')]
            || ARRAY(SELECT 'b=' || n FROM unnest(ARRAY[2, 4, 8, 16, 32, 64, 128, 256, 512, 1024]) n
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
    """
    CREATE TABLE IF NOT EXISTS simfoni_search_document (
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
        source_type_ids bigint[] NOT NULL DEFAULT '{}',
        outlet_ids bigint[] NOT NULL DEFAULT '{}',
        indicator_ids bigint[] NOT NULL DEFAULT '{}',
        keyword_ids bigint[] NOT NULL DEFAULT '{}',
        source_dates date[] NOT NULL DEFAULT '{}'
    )
    """,
    """CREATE INDEX IF NOT EXISTS simfoni_search_document_tsv ON simfoni_search_document USING gin (tsv) WITH (fastupdate = off)""",
    """CREATE INDEX IF NOT EXISTS simfoni_search_document_period ON simfoni_search_document (reference_period DESC, id DESC)""",
    """CREATE INDEX IF NOT EXISTS simfoni_search_document_date ON simfoni_search_document (source_date DESC NULLS LAST, id DESC)""",
    """CREATE INDEX IF NOT EXISTS simfoni_search_document_date_asc ON simfoni_search_document (source_date ASC NULLS LAST, id DESC)""",
    """CREATE INDEX IF NOT EXISTS simfoni_search_document_type ON simfoni_search_document (source_type_order ASC NULLS LAST, reference_period DESC, id DESC)""",
    """CREATE INDEX IF NOT EXISTS simfoni_search_document_coverage ON simfoni_search_document (scope_order ASC, area_code ASC NULLS FIRST, reference_period DESC, id DESC)""",
]
DROP_SQL = [
    """DROP TABLE IF EXISTS simfoni_search_document""",
    """
    DO $$ DECLARE f regprocedure; BEGIN
        FOR f IN SELECT oid::regprocedure FROM pg_proc WHERE proname = 'simfoni_search_tsv' LOOP
            EXECUTE 'DROP FUNCTION ' || f;
        END LOOP;
    END $$
""",
]
TEXT_SQL = """
    SELECT p.id, p.title, p.narrative,
        ARRAY(SELECT t.name FROM phenomena_phenomenonkeyword k
              JOIN taggit_tag t ON t.id = k.tag_id WHERE k.content_object_id = p.id),
        ARRAY(SELECT o.name FROM phenomena_phenomenonsource s
              JOIN phenomena_outlet o ON o.id = s.outlet_id
              WHERE s.phenomenon_id = p.id ORDER BY s.sort_order NULLS LAST, s.id)
    FROM phenomena_phenomenon p WHERE p.live AND p.id = ANY(%s)
"""
UPSERT_SQL = """INSERT INTO simfoni_search_document (id, tsv, subject_id, theme_id, scope_id, area_id, reference_period, source_date, source_type_id, source_type_order, scope_order, area_code, source_type_ids, outlet_ids, indicator_ids, keyword_ids, source_dates) 
    SELECT r.id,
        simfoni_search_tsv(
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
 ON CONFLICT (id) DO UPDATE SET tsv = EXCLUDED.tsv, subject_id = EXCLUDED.subject_id, theme_id = EXCLUDED.theme_id, scope_id = EXCLUDED.scope_id, area_id = EXCLUDED.area_id, reference_period = EXCLUDED.reference_period, source_date = EXCLUDED.source_date, source_type_id = EXCLUDED.source_type_id, source_type_order = EXCLUDED.source_type_order, scope_order = EXCLUDED.scope_order, area_code = EXCLUDED.area_code, source_type_ids = EXCLUDED.source_type_ids, outlet_ids = EXCLUDED.outlet_ids, indicator_ids = EXCLUDED.indicator_ids, keyword_ids = EXCLUDED.keyword_ids, source_dates = EXCLUDED.source_dates"""


def on_postgresql(step):
    """A migration function running ``step(cursor)`` on PostgreSQL; nothing elsewhere."""

    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            with schema_editor.connection.cursor() as cursor:
                step(cursor)

    return run


def create_table(cursor):
    for statement in CREATE_SQL:
        cursor.execute(statement)


def drop_table(cursor):
    for statement in DROP_SQL:
        cursor.execute(statement)


def fill(cursor, chunk=2000):
    """Every approved phenomenon's row, its text analysed in Python."""
    from simfoni_text.analysis import analyse_to_string

    cursor.execute("TRUNCATE simfoni_search_document")
    cursor.execute("SELECT id FROM phenomena_phenomenon WHERE live ORDER BY id")
    ids = [row[0] for row in cursor.fetchall()]
    for start in range(0, len(ids), chunk):
        cursor.execute(TEXT_SQL, [ids[start : start + chunk]])
        keep, titles, bodies = [], [], []
        for pk, title, narrative, keywords, outlets in cursor.fetchall():
            keep.append(pk)
            titles.append(analyse_to_string(title))
            bodies.append(analyse_to_string("\n".join([title, narrative, *keywords, *outlets])))
        if keep:
            cursor.execute(UPSERT_SQL, [keep, titles, bodies])
    cursor.execute("ANALYZE simfoni_search_document")


def create_and_fill(cursor):
    create_table(cursor)
    fill(cursor)


class Migration(migrations.Migration):
    dependencies = [
        ("phenomena", "0005_dashboard_index"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
    ]

    operations = [
        migrations.RunPython(
            on_postgresql(create_and_fill), on_postgresql(drop_table), elidable=False
        )
    ]
