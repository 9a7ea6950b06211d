"""Install the dashboard rollup triggers and fill the rollups from the phenomena already stored
(`home/rollup.py`; idempotent, like `manage.py rebuild_dashboard_counts`)."""

from django.db import migrations


def _models(apps):
    return {
        "phenomenon_model": apps.get_model("phenomena", "Phenomenon"),
        "subject_model": apps.get_model("home", "DailySubjectCount"),
        "contributor_model": apps.get_model("home", "DailyContributorCount"),
        "keyword_model": apps.get_model("home", "DailyKeywordCount"),
        "link_model": apps.get_model("phenomena", "PhenomenonKeyword"),
    }


def build(apps, schema_editor):
    from home.rollup import rebuild

    rebuild(**_models(apps))


def drop_triggers(apps, schema_editor):
    from home.rollup import uninstall

    uninstall(schema_editor.connection, **_models(apps))


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0003_dashboard_counts"),
        ("phenomena", "0005_dashboard_index"),
    ]

    operations = [migrations.RunPython(build, drop_triggers)]
