"""Seed the search thesaurus from search/reference/thesaurus.csv (admins edit it afterwards)."""

import csv
from pathlib import Path

from django.db import migrations

CSV = Path(__file__).resolve().parent.parent / "reference" / "thesaurus.csv"


def seed(apps, schema_editor):
    SynonymGroup = apps.get_model("simfoni_search", "SynonymGroup")
    if SynonymGroup.objects.exists():
        return
    with CSV.open(encoding="utf-8") as handle:
        rows = [
            SynonymGroup(
                kind=row["kind"].strip(),
                terms=", ".join(t.strip() for t in row["terms"].split("|") if t.strip()),
                note=(row.get("note") or "").strip(),
            )
            for row in csv.DictReader(handle)
            if row.get("terms")
        ]
    SynonymGroup.objects.bulk_create(rows)


def unseed(apps, schema_editor):
    apps.get_model("simfoni_search", "SynonymGroup").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("simfoni_search", "0003_synonym_group")]

    operations = [migrations.RunPython(seed, unseed)]
