"""The dashboard's rollup tables: phenomena counted per local day and the dimensions the
dashboard filters or groups by, so a figure reads a few thousand rollup rows instead of scanning
phenomena.

- `DailySubjectCount`: day × subject × kab/kota × approved (monthly chart, totals by subject);
- `DailyContributorCount`: day × author × work unit × kab/kota × approved (top contributors).

*day* is the date of `created_at` in the site's time zone (`TIME_ZONE`); a missing area, author
or work unit is stored as 0. Cells whose count fell to 0 may stay (they add nothing).

The counts are kept by database triggers on the phenomena table, installed by `install()`:
every INSERT adds one to the phenomenon's cells, every DELETE takes one away, and an UPDATE
that changes `created_at`, subject, area, author, work unit or `live` moves the one count. So
the rollups stay exact for *every* write -- the admin, Wagtail's publish / unpublish, merging
(the duplicate is unpublished), deletes, but also `QuerySet.update()`, `bulk_create`, the
`SET NULL` Django does when an author is deleted and raw SQL, none of which send Django
signals. Supported on PostgreSQL (PL/pgSQL) and SQLite (which calls Django's own
`django_datetime_cast_date`, so SQLite writes must come through Django).

`rebuild()` (`manage.py rebuild_dashboard_counts`, and migration `home/0004`) reinstalls the
triggers for the current `TIME_ZONE` and recomputes both tables from phenomena with one
`INSERT … SELECT … GROUP BY` each; it is idempotent. Run it after loading data with triggers
disabled (as `benchmarks/dashboard.py` does) or after changing `TIME_ZONE`.
"""

from __future__ import annotations

from django.conf import settings
from django.db import connection as default_connection
from django.db import transaction
from django.db.models import Count, F, Value
from django.db.models.functions import Coalesce, TruncDate
from django.utils import timezone

TRIGGER = "home_dashboard_rollup"
DIMENSIONS = ("created_at", "subject_id", "area_id", "author_id", "work_unit_id", "live")


def _models(phenomenon_model=None, subject_model=None, contributor_model=None):
    from phenomena.models import Phenomenon

    from .models import DailyContributorCount, DailySubjectCount

    return (
        phenomenon_model or Phenomenon,
        subject_model or DailySubjectCount,
        contributor_model or DailyContributorCount,
    )


def _literal(value) -> str:
    return "'" + str(value).replace("'", "''") + "'"


def _day(connection, row: str) -> str:
    sql, params = connection.ops.datetime_cast_date_sql(f"{row}.created_at", (), settings.TIME_ZONE)
    return sql % tuple(_literal(p) for p in params)


def _cells(connection, row: str, subject_table: str, contributor_table: str):
    """(table, {column: SQL expression}) of the two cells a row (NEW/OLD) is counted in."""
    day = _day(connection, row)
    area = f"COALESCE({row}.area_id, 0)"
    yield (
        subject_table,
        {"day": day, "subject_id": f"{row}.subject_id", "area_id": area, "live": f"{row}.live"},
    )
    yield (
        contributor_table,
        {
            "day": day,
            "author_id": f"COALESCE({row}.author_id, 0)",
            "work_unit_id": f"COALESCE({row}.work_unit_id, 0)",
            "area_id": area,
            "live": f"{row}.live",
        },
    )


def _plus(connection, row, tables, qualify: bool) -> str:
    statements = []
    for table, cell in _cells(connection, row, *tables):
        columns = ", ".join(cell)
        alias = " AS c" if qualify else ""
        current = "c.n" if qualify else "n"
        statements.append(
            f"INSERT INTO {table}{alias} ({columns}, n) VALUES ({', '.join(cell.values())}, 1) "
            f"ON CONFLICT ({columns}) DO UPDATE SET n = {current} + 1;"
        )
    return "\n".join(statements)


def _minus(connection, row, tables) -> str:
    return "\n".join(
        f"UPDATE {table} SET n = n - 1 WHERE "
        + " AND ".join(f"{column} = {value}" for column, value in cell.items())
        + ";"
        for table, cell in _cells(connection, row, *tables)
    )


def trigger_sql(connection=None, phenomenon_model=None, subject_model=None, contributor_model=None):
    """(drop statements, create statements) for the rollup triggers on this database."""
    connection = connection or default_connection
    phenomenon, subject, contributor = _models(phenomenon_model, subject_model, contributor_model)
    source = phenomenon._meta.db_table
    tables = (subject._meta.db_table, contributor._meta.db_table)
    if connection.vendor == "postgresql":
        changed = " OR ".join(f"OLD.{c} IS DISTINCT FROM NEW.{c}" for c in DIMENSIONS)
        drop = [
            f"DROP TRIGGER IF EXISTS {TRIGGER}_insert_delete ON {source}",
            f"DROP TRIGGER IF EXISTS {TRIGGER}_update ON {source}",
            f"DROP FUNCTION IF EXISTS {TRIGGER}()",
        ]
        create = [
            f"""CREATE FUNCTION {TRIGGER}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
{_minus(connection, "OLD", tables)}
    END IF;
    IF TG_OP <> 'DELETE' THEN
{_plus(connection, "NEW", tables, qualify=True)}
    END IF;
    RETURN NULL;
END
$$""",
            f"CREATE TRIGGER {TRIGGER}_insert_delete AFTER INSERT OR DELETE ON {source} "
            f"FOR EACH ROW EXECUTE FUNCTION {TRIGGER}()",
            f"CREATE TRIGGER {TRIGGER}_update AFTER UPDATE ON {source} FOR EACH ROW "
            f"WHEN ({changed}) EXECUTE FUNCTION {TRIGGER}()",
        ]
    elif connection.vendor == "sqlite":
        changed = " OR ".join(f"OLD.{c} IS NOT NEW.{c}" for c in DIMENSIONS)
        drop = [f"DROP TRIGGER IF EXISTS {TRIGGER}_{op}" for op in ("insert", "delete", "update")]
        create = [
            f"CREATE TRIGGER {TRIGGER}_insert AFTER INSERT ON {source} BEGIN\n"
            f"{_plus(connection, 'NEW', tables, qualify=False)}\nEND",
            f"CREATE TRIGGER {TRIGGER}_delete AFTER DELETE ON {source} BEGIN\n"
            f"{_minus(connection, 'OLD', tables)}\nEND",
            f"CREATE TRIGGER {TRIGGER}_update AFTER UPDATE ON {source} WHEN {changed} BEGIN\n"
            f"{_minus(connection, 'OLD', tables)}\n"
            f"{_plus(connection, 'NEW', tables, qualify=False)}\nEND",
        ]
    else:
        raise NotImplementedError(f"dashboard rollup triggers: {connection.vendor} unsupported")
    return drop, create


def install(connection=None, **models) -> None:
    """(Re)install the rollup triggers."""
    connection = connection or default_connection
    drop, create = trigger_sql(connection, **models)
    with connection.cursor() as cursor:
        for statement in drop + create:
            cursor.execute(statement)


def uninstall(connection=None, **models) -> None:
    connection = connection or default_connection
    drop, _create = trigger_sql(connection, **models)
    with connection.cursor() as cursor:
        for statement in drop:
            cursor.execute(statement)


def _grouped(phenomenon_model, **columns):
    tz = timezone.get_default_timezone()
    names = ["r_day", *columns]
    return (
        phenomenon_model._base_manager.order_by()
        .annotate(r_day=TruncDate("created_at", tzinfo=tz), **columns)
        .values(*names)
        .annotate(r_n=Count("id"))
        .values_list(*names, "r_n")
    )


def _insert_select(cursor, model, columns: list[str], queryset) -> None:
    sql, params = queryset.query.sql_with_params()
    target = ", ".join(columns)
    cursor.execute(f"INSERT INTO {model._meta.db_table} ({target}) {sql}", params)


def rebuild(phenomenon_model=None, subject_model=None, contributor_model=None) -> dict:
    """Reinstall the triggers and recompute both rollups from phenomena (idempotent).
    Models may be a migration's historical ones."""
    models = {
        "phenomenon_model": phenomenon_model,
        "subject_model": subject_model,
        "contributor_model": contributor_model,
    }
    phenomenon, subject, contributor = _models(**models)
    zero = Value(0)
    with transaction.atomic(), default_connection.cursor() as cursor:
        if default_connection.vendor == "postgresql":  # writers wait; readers don't
            cursor.execute(f"LOCK TABLE {phenomenon._meta.db_table} IN SHARE MODE")
        install(default_connection, **models)
        cursor.execute(f"DELETE FROM {subject._meta.db_table}")
        cursor.execute(f"DELETE FROM {contributor._meta.db_table}")
        _insert_select(
            cursor,
            subject,
            ["day", "subject_id", "area_id", "live", "n"],
            _grouped(
                phenomenon,
                r_subject=F("subject_id"),
                r_area=Coalesce("area_id", zero),
                r_live=F("live"),
            ),
        )
        _insert_select(
            cursor,
            contributor,
            ["day", "author_id", "work_unit_id", "area_id", "live", "n"],
            _grouped(
                phenomenon,
                r_author=Coalesce("author_id", zero),
                r_unit=Coalesce("work_unit_id", zero),
                r_area=Coalesce("area_id", zero),
                r_live=F("live"),
            ),
        )
    return {
        "subject_cells": subject._base_manager.count(),
        "contributor_cells": contributor._base_manager.count(),
    }


def snapshot() -> dict:
    """The rollups as {(table, cell…): n} without empty cells (for comparisons and checks)."""
    _phenomenon, subject, contributor = _models()
    result = {}
    for model, columns in [
        (subject, ("day", "subject_id", "area_id", "live")),
        (contributor, ("day", "author_id", "work_unit_id", "area_id", "live")),
    ]:
        for row in model.objects.filter(n__gt=0).values_list(*columns, "n"):
            result[(model.__name__, *row[:-1])] = row[-1]
    return result
