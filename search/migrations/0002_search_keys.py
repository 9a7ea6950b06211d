"""The search table gets filter keys in its tsvector (search/engines/pgtable.py).

Words and filters are now answered by one GIN index: every row's tsvector also holds keys
such as ``t=12`` (theme 12), ``p=2024-06`` (reference month) and ``b=8`` (sample). The keys
are computed in SQL from each row's own columns (no text is analysed again); the per-filter
indexes of the first version are dropped, one btree per sort is added. Nothing happens on
other databases. The SQL is frozen here (the table's statements are 0001's).
"""

import importlib

from django.db import migrations

first = importlib.import_module("search.migrations.0001_search_document")

#: Indexes and columns of the first version of the table (filters as btree/GIN columns).
OLD_INDEXES = ('st', 'outlet', 'ind', 'kw', 'subject', 'theme', 'scope', 'area', 'bucket')


def add_keys(cursor) -> None:
    """Bring a table of the first version (words only in ``tsv``) to the keyed form, in SQL.

    Recomputes every row's keys from its own columns (lexemes with "=" are keys; the words
    stay), so no text is analysed again.
    """
    for name in OLD_INDEXES:
        cursor.execute(f"DROP INDEX IF EXISTS simfoni_search_document_{name}")
    cursor.execute("DROP INDEX IF EXISTS simfoni_search_document_tsv")
    cursor.execute("ALTER TABLE simfoni_search_document DROP COLUMN IF EXISTS bucket")
    first.create_table(cursor)  # the function; the text index is made again below
    cursor.execute("DROP INDEX IF EXISTS simfoni_search_document_tsv")
    cursor.execute(
        """UPDATE simfoni_search_document d SET tsv = simfoni_search_tsv(
            ts_delete(d.tsv, ARRAY(SELECT l FROM unnest(tsvector_to_array(d.tsv)) l
                                   WHERE l LIKE '%=%')),
            d.id, d.subject_id, d.theme_id, d.scope_id, d.area_id, d.reference_period,
            d.source_type_ids, d.outlet_ids, d.indicator_ids, d.keyword_ids, d.source_dates,
            d.source_date, d.source_type_order, d.scope_order)"""
    )
    first.create_table(cursor)
    cursor.execute("ANALYZE simfoni_search_document")


class Migration(migrations.Migration):
    dependencies = [("simfoni_search", "0001_search_document")]

    operations = [
        migrations.RunPython(
            first.on_postgresql(add_keys), migrations.RunPython.noop, elidable=False
        )
    ]
