from django.db import migrations


def load(apps, schema_editor):
    from phenomena.reference_data import load_reference

    load_reference(apps)


class Migration(migrations.Migration):
    dependencies = [("phenomena", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
