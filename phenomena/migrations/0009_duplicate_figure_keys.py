"""Figure keys and event facts for the duplicate check (same event from another outlet).

Recomputes every non-merged phenomenon's fingerprint rows (LSH band keys plus the new figure
keys) and its stored scoring features (version 2: press-release headers and incidental dates
left out, figures, reference month and dominant place). Reversing leaves the rows as they are:
the old code ignores features of another version and its band keys are still among the rows.
"""

from django.db import migrations

BATCH = 1000


def refill(apps, schema_editor):
    from phenomena.duplicates.service import prepare_for_storage, record_for

    Phenomenon = apps.get_model("phenomena", "Phenomenon")
    Fingerprint = apps.get_model("phenomena", "PhenomenonFingerprint")
    Features = apps.get_model("phenomena", "PhenomenonDuplicateFeatures")
    queryset = (
        Phenomenon.objects.filter(merged_into__isnull=True)
        .select_related("scope", "area")
        .order_by("pk")
    )
    batch = []

    def flush():
        ids = [p.pk for p, _keys, _data in batch]
        Fingerprint.objects.filter(phenomenon_id__in=ids).delete()
        Features.objects.filter(phenomenon_id__in=ids).delete()
        Fingerprint.objects.bulk_create(
            Fingerprint(phenomenon_id=p.pk, band_key=key, reference_period=p.reference_period)
            for p, keys, _data in batch
            for key in keys
        )
        Features.objects.bulk_create(
            Features(phenomenon_id=p.pk, data=data) for p, _k, data in batch
        )
        batch.clear()

    for phenomenon in queryset.iterator(chunk_size=BATCH):
        keys, data = prepare_for_storage(record_for(phenomenon, urls=()))
        batch.append((phenomenon, keys, data))
        if len(batch) >= BATCH:
            flush()
    if batch:
        flush()


class Migration(migrations.Migration):
    dependencies = [
        ("phenomena", "0008_role_permissions"),
    ]

    operations = [
        migrations.RunPython(refill, migrations.RunPython.noop),
    ]
