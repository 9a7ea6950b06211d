"""The PostgreSQL search table (search/pgsearch.py), filled from the approved phenomena.

Nothing happens on other databases (SQLite uses Wagtail's FTS5 index).
"""

from django.db import migrations


def create_and_fill(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor != "postgresql":
        return
    from search import pgsearch

    with connection.cursor() as cursor:
        pgsearch.create_table(cursor)
        pgsearch.rebuild(cursor)


def drop(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor != "postgresql":
        return
    from search import pgsearch

    with connection.cursor() as cursor:
        for statement in pgsearch.DROP_SQL:
            cursor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [
        ("phenomena", "0005_dashboard_index"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
    ]

    operations = [migrations.RunPython(create_and_fill, drop, elidable=False)]
