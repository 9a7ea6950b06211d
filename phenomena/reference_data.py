"""Load the reference classifications shipped in `phenomena/reference/` into the database.

Idempotent: running it again updates labels and adds what is missing, never duplicates. Used by
the data migration (with the historical app registry) and by `manage.py load_reference`.
"""

import csv
import datetime
import json
from pathlib import Path

from django.utils.text import slugify

REFERENCE_DIR = Path(__file__).resolve().parent / "reference"
MONTH_COLUMNS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]


def _rows(name: str) -> list[dict]:
    with open(REFERENCE_DIR / name, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _split(value: str) -> list[str]:
    return [part.strip() for part in value.split(";") if part.strip()]


def taxonomy() -> dict:
    return json.loads((REFERENCE_DIR / "taxonomy.json").read_text(encoding="utf-8"))


def load_reference(apps=None, arc_file: str = "arc_2024.csv", arc_year: int = 2024) -> None:
    """Create or update every reference table from the files in `phenomena/reference/`."""
    if apps is None:
        from django.apps import apps as global_apps

        apps = global_apps
    get = lambda name: apps.get_model("phenomena", name)  # noqa: E731
    tax = taxonomy()
    _load_source_types(get("SourceType"), tax)
    _load_scopes(get("Scope"), tax)
    _load_subjects(get("Subject"), get("Theme"), tax)
    _load_work_units(get("WorkUnit"), get("Scope"))
    _load_outlets(get("Outlet"), get("SourceType"), get("WorkUnit"))
    _load_indicators(get("Indicator"), get("Theme"))
    load_arc(get("Indicator"), get("ReleaseDate"), REFERENCE_DIR / arc_file, arc_year)


def _load_source_types(SourceType, tax):
    rules = {row["code"]: row for row in _rows("source_type_rules.csv")}
    for order, item in enumerate(tax["source_types"]):
        rule = rules.get(item["code"], {})
        SourceType.objects.update_or_create(
            code=item["code"],
            defaults={
                "label": item["label"],
                "sort_order": order,
                "needs_outlet": rule.get("needs_outlet") == "1",
                "needs_url": rule.get("needs_url") == "1",
                "allowed_for_kabkota": rule.get("allowed_for_kabkota") == "1",
            },
        )


def _load_scopes(Scope, tax):
    for order, item in enumerate(tax["scopes"]):
        children = item.get("children", [])
        parent, _ = Scope.objects.update_or_create(
            code=item["code"],
            defaults={
                "label": item["label"],
                "sort_order": order,
                "parent": None,
                "requires_area": bool(children),
            },
        )
        for child_order, child in enumerate(children):
            Scope.objects.update_or_create(
                code=child["code"],
                defaults={"label": child["label"], "sort_order": child_order, "parent": parent},
            )


def _load_subjects(Subject, Theme, tax):
    for order, item in enumerate(tax["subjects"]):
        subject, _ = Subject.objects.update_or_create(
            code=item["code"], defaults={"label": item["label"], "sort_order": order}
        )
        for theme_order, name in enumerate(item["themes"]):
            Theme.objects.update_or_create(
                subject=subject,
                name=name,
                defaults={"slug": slugify(f"{subject.code} {name}"), "sort_order": theme_order},
            )


def _load_work_units(WorkUnit, Scope):
    for order, row in enumerate(_rows("work_units.csv")):
        area = Scope.objects.get(code=row["area_code"]) if row["area_code"] else None
        WorkUnit.objects.update_or_create(
            code=row["code"],
            defaults={
                "name": row["name"],
                "level": row["level"],
                "area": area,
                "sort_order": order,
            },
        )


def _load_outlets(Outlet, SourceType, WorkUnit):
    owners = {}
    for row in _rows("portal_allocation.csv"):
        for portal in _split(row["portals"]):
            owners[portal] = row["work_unit"]
    for row in _rows("outlets.csv"):
        Outlet.objects.update_or_create(
            name=row["name"],
            defaults={
                "domain": row["domain"],
                "source_type": SourceType.objects.get(code=row["source_type"]),
                "work_unit": WorkUnit.objects.get(name=owners[row["name"]]),
            },
        )


def _load_indicators(Indicator, Theme):
    for order, row in enumerate(_rows("indicator_themes.csv")):
        indicator, _ = Indicator.objects.update_or_create(
            name=row["indicator"], defaults={"slug": slugify(row["indicator"]), "sort_order": order}
        )
        indicator.themes.set(Theme.objects.filter(name__in=_split(row["themes"])))


def load_arc(Indicator, ReleaseDate, path: Path, year: int) -> int:
    """Load an ARC sheet (indicator, source, jan..dec: day of month) for one year."""
    created = 0
    with open(path, encoding="utf-8", newline="") as fh:
        for order, row in enumerate(csv.DictReader(fh)):
            indicator, _ = Indicator.objects.get_or_create(
                name=row["indicator"].strip(),
                defaults={
                    "slug": slugify(row["indicator"]),
                    "producer": row.get("source") or "BPS",
                    "sort_order": order,
                },
            )
            for month, column in enumerate(MONTH_COLUMNS, start=1):
                day = (row.get(column) or "").strip()
                if day:
                    _, was_created = ReleaseDate.objects.get_or_create(
                        indicator=indicator, date=datetime.date(year, month, int(day))
                    )
                    created += was_created
    return created
