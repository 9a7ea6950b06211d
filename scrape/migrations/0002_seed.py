"""Seed: one source per allocated news portal (switched OFF: an admin checks its discovery
settings first) and the keyword rules of every theme and ARC indicator (keyword_rules.csv)."""

import csv
from pathlib import Path

from django.db import migrations

APP_DIR = Path(__file__).resolve().parent.parent
REFERENCE_DIR = APP_DIR.parent / "phenomena" / "reference"


def allocated_portals():
    with open(REFERENCE_DIR / "portal_allocation.csv", encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            for name in row["portals"].split(";"):
                if name.strip():
                    yield name.strip()


def seed(apps, schema_editor):
    Outlet = apps.get_model("phenomena", "Outlet")
    Theme = apps.get_model("phenomena", "Theme")
    Indicator = apps.get_model("phenomena", "Indicator")
    Source = apps.get_model("scrape", "Source")
    KeywordRule = apps.get_model("scrape", "KeywordRule")
    for name in allocated_portals():
        outlet = Outlet.objects.filter(name=name).first()
        if outlet is None or not outlet.domain:
            continue  # printed newspapers have nothing to scrape
        Source.objects.get_or_create(
            name=outlet.name,
            defaults={
                "outlet": outlet,
                "enabled": False,
                "discovery": "sitemap",
                "start_url": f"https://www.{outlet.domain}/sitemap.xml",
                "delay_seconds": 2.0,
            },
        )
    with open(APP_DIR / "keyword_rules.csv", encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            theme = Theme.objects.filter(subject__code=row["subject"], name=row["theme"]).first()
            if theme is None:
                continue
            indicator = (
                Indicator.objects.filter(name=row["indicator"]).first() if row["indicator"] else None
            )
            KeywordRule.objects.get_or_create(
                theme=theme,
                keywords=row["keywords"],
                defaults={"indicator": indicator, "weight": int(row["weight"] or 1)},
            )


class Migration(migrations.Migration):
    dependencies = [
        ("scrape", "0001_initial"),
        ("phenomena", "0008_role_permissions"),
    ]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
