"""Fill canonical URLs of existing sources and the duplicate fingerprints of existing phenomena."""

from django.db import migrations


def fill(apps, schema_editor):
    from phenomena.duplicates.service import fingerprint_keys
    from simfoni_text.urls import canonical_url_or_blank

    Source = apps.get_model("phenomena", "PhenomenonSource")
    Phenomenon = apps.get_model("phenomena", "Phenomenon")
    Fingerprint = apps.get_model("phenomena", "PhenomenonFingerprint")
    changed = []
    for source in Source.objects.exclude(url="").only("id", "url").iterator():
        source.canonical_url = canonical_url_or_blank(source.url)
        changed.append(source)
    Source.objects.bulk_update(changed, ["canonical_url"], batch_size=1000)
    Fingerprint.objects.all().delete()
    rows = []
    fields = ("id", "title", "narrative", "reference_period")
    for phenomenon in Phenomenon.objects.filter(merged_into__isnull=True).only(*fields).iterator():
        for key in dict.fromkeys(fingerprint_keys(phenomenon.title, phenomenon.narrative)):
            rows.append(
                Fingerprint(
                    phenomenon_id=phenomenon.pk,
                    band_key=key,
                    reference_period=phenomenon.reference_period,
                )
            )
        if len(rows) >= 5000:
            Fingerprint.objects.bulk_create(rows)
            rows = []
    Fingerprint.objects.bulk_create(rows)


class Migration(migrations.Migration):
    dependencies = [("phenomena", "0003_duplicates")]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
