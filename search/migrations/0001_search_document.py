"""The PostgreSQL search table (search/pgsearch.py), filled from the approved phenomena.

Nothing happens on other databases (SQLite uses Wagtail's FTS5 index).
"""

from django.db import migrations

from search import pgsearch


class Migration(migrations.Migration):
    dependencies = [
        ("phenomena", "0005_dashboard_index"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
    ]

    operations = [
        migrations.RunPython(
            pgsearch.on_postgresql(pgsearch.create_and_fill),
            pgsearch.on_postgresql(pgsearch.drop_table),
            elidable=False,
        )
    ]
