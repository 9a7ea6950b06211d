"""The search table gets filter keys in its tsvector (search/pgsearch.py).

Words and filters are now answered by one GIN index: every row's tsvector also holds keys
such as ``t=12`` (theme 12), ``p=2024-06`` (reference month) and ``b=8`` (sample). The keys
are computed in SQL from each row's own columns (no text is analysed again); the per-filter
indexes of the first version are dropped, one btree per sort is added. Nothing happens on
other databases.
"""

from django.db import migrations

from search import pgsearch


class Migration(migrations.Migration):
    dependencies = [("simfoni_search", "0001_search_document")]

    operations = [
        migrations.RunPython(
            pgsearch.on_postgresql(pgsearch.add_keys), migrations.RunPython.noop, elidable=False
        )
    ]
