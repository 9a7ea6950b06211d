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


def _models(
    phenomenon_model=None,
    subject_model=None,
    contributor_model=None,
    keyword_model=None,
    link_model=None,
):
    from phenomena.models import Phenomenon, PhenomenonKeyword

    from .models import DailyContributorCount, DailyKeywordCount, DailySubjectCount

    return (
        phenomenon_model or Phenomenon,
        subject_model or DailySubjectCount,
        contributor_model or DailyContributorCount,
        keyword_model or DailyKeywordCount,
        link_model or PhenomenonKeyword,
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


def _keywords_of_phenomenon(connection, row, kw, links, sign: str, qualify: bool) -> str:
    """Move the links of phenomenon `row` (OLD: sign "-", NEW: sign "+") in the keyword rollup."""
    cell = f"{_day(connection, row)}, COALESCE({row}.area_id, 0), {row}.live"
    if sign == "-":
        return (
            f"UPDATE {kw} SET n = n - (SELECT count(*) FROM {links} l WHERE "
            f"l.content_object_id = {row}.id AND l.tag_id = {kw}.tag_id) "
            f"WHERE (day, area_id, live) = ({cell}) AND tag_id IN "
            f"(SELECT tag_id FROM {links} WHERE content_object_id = {row}.id);"
        )
    current = "c.n" if qualify else "n"
    return (
        f"INSERT INTO {kw}{' AS c' if qualify else ''} (day, tag_id, area_id, live, n) "
        f"SELECT {_day(connection, row)}, l.tag_id, COALESCE({row}.area_id, 0), {row}.live, "
        f"count(*) FROM {links} l "
        f"WHERE l.content_object_id = {row}.id GROUP BY l.tag_id "
        f"ON CONFLICT (day, tag_id, area_id, live) DO UPDATE SET n = {current} + excluded.n;"
    )


def _link(connection, row, kw, source, sign: str, qualify: bool) -> str:
    """Count link `row` (OLD: sign "-", NEW: sign "+") in its phenomenon's keyword cell."""
    cell = f"{_day(connection, 'p')}, COALESCE(p.area_id, 0), p.live"
    phenomenon = f"FROM {source} p WHERE p.id = {row}.content_object_id"
    if sign == "-":
        return (
            f"UPDATE {kw} SET n = n - 1 WHERE tag_id = {row}.tag_id AND "
            f"(day, area_id, live) IN (SELECT {cell} {phenomenon});"
        )
    current = "c.n" if qualify else "n"
    return (
        f"INSERT INTO {kw}{' AS c' if qualify else ''} (day, tag_id, area_id, live, n) "
        f"SELECT {_day(connection, 'p')}, {row}.tag_id, COALESCE(p.area_id, 0), p.live, 1 "
        f"{phenomenon} "
        f"ON CONFLICT (day, tag_id, area_id, live) DO UPDATE SET n = {current} + 1;"
    )


def trigger_sql(connection=None, **models):
    """(drop statements, create statements) for the rollup triggers on this database."""
    connection = connection or default_connection
    phenomenon, subject, contributor, keyword, link = _models(**models)
    source = phenomenon._meta.db_table
    tables = (subject._meta.db_table, contributor._meta.db_table)
    kw, links = keyword._meta.db_table, link._meta.db_table
    if connection.vendor == "postgresql":
        changed = " OR ".join(f"OLD.{c} IS DISTINCT FROM NEW.{c}" for c in DIMENSIONS)
        drop = [
            f"DROP TRIGGER IF EXISTS {TRIGGER}_insert_delete ON {source}",
            f"DROP TRIGGER IF EXISTS {TRIGGER}_update ON {source}",
            f"DROP FUNCTION IF EXISTS {TRIGGER}()",
            f"DROP TRIGGER IF EXISTS {TRIGGER}_keyword ON {links}",
            f"DROP FUNCTION IF EXISTS {TRIGGER}_keyword()",
        ]
        create = [
            f"""CREATE FUNCTION {TRIGGER}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
{_minus(connection, "OLD", tables)}
{_keywords_of_phenomenon(connection, "OLD", kw, links, "-", qualify=True)}
    END IF;
    IF TG_OP <> 'DELETE' THEN
{_plus(connection, "NEW", tables, qualify=True)}
{_keywords_of_phenomenon(connection, "NEW", kw, links, "+", qualify=True)}
    END IF;
    RETURN NULL;
END
$$""",
            f"""CREATE FUNCTION {TRIGGER}_keyword() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
{_link(connection, "OLD", kw, source, "-", qualify=True)}
    END IF;
    IF TG_OP <> 'DELETE' THEN
{_link(connection, "NEW", kw, source, "+", qualify=True)}
    END IF;
    RETURN NULL;
END
$$""",
            f"CREATE TRIGGER {TRIGGER}_keyword AFTER INSERT OR DELETE OR UPDATE ON {links} "
            f"FOR EACH ROW EXECUTE FUNCTION {TRIGGER}_keyword()",
            f"CREATE TRIGGER {TRIGGER}_insert_delete AFTER INSERT OR DELETE ON {source} "
            f"FOR EACH ROW EXECUTE FUNCTION {TRIGGER}()",
            f"CREATE TRIGGER {TRIGGER}_update AFTER UPDATE ON {source} FOR EACH ROW "
            f"WHEN ({changed}) EXECUTE FUNCTION {TRIGGER}()",
        ]
    elif connection.vendor == "sqlite":
        changed = " OR ".join(f"OLD.{c} IS NOT NEW.{c}" for c in DIMENSIONS)
        drop = [
            f"DROP TRIGGER IF EXISTS {TRIGGER}_{op}"
            for op in ("insert", "delete", "update", "kw_insert", "kw_delete", "kw_update")
        ]
        old_keywords = _keywords_of_phenomenon(connection, "OLD", kw, links, "-", qualify=False)
        new_keywords = _keywords_of_phenomenon(connection, "NEW", kw, links, "+", qualify=False)
        old_link = _link(connection, "OLD", kw, source, "-", qualify=False)
        new_link = _link(connection, "NEW", kw, source, "+", qualify=False)
        create = [
            f"CREATE TRIGGER {TRIGGER}_insert AFTER INSERT ON {source} BEGIN\n"
            f"{_plus(connection, 'NEW', tables, qualify=False)}\nEND",
            f"CREATE TRIGGER {TRIGGER}_delete AFTER DELETE ON {source} BEGIN\n"
            f"{_minus(connection, 'OLD', tables)}\n{old_keywords}\nEND",
            f"CREATE TRIGGER {TRIGGER}_update AFTER UPDATE ON {source} WHEN {changed} BEGIN\n"
            f"{_minus(connection, 'OLD', tables)}\n{old_keywords}\n"
            f"{_plus(connection, 'NEW', tables, qualify=False)}\n{new_keywords}\nEND",
            f"CREATE TRIGGER {TRIGGER}_kw_insert AFTER INSERT ON {links} BEGIN\n{new_link}\nEND",
            f"CREATE TRIGGER {TRIGGER}_kw_delete AFTER DELETE ON {links} BEGIN\n{old_link}\nEND",
            f"CREATE TRIGGER {TRIGGER}_kw_update AFTER UPDATE ON {links} BEGIN\n"
            f"{old_link}\n{new_link}\nEND",
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


def rebuild(**models) -> dict:
    """Reinstall the triggers and recompute the rollups from phenomena (idempotent). Models
    may be a migration's historical ones (keyword arguments of `_models`)."""
    phenomenon, subject, contributor, keyword, link = _models(**models)
    zero = Value(0)
    tz = timezone.get_default_timezone()
    with transaction.atomic(), default_connection.cursor() as cursor:
        if default_connection.vendor == "postgresql":  # writers wait; readers don't
            cursor.execute(
                f"LOCK TABLE {phenomenon._meta.db_table}, {link._meta.db_table} IN SHARE MODE"
            )
        install(default_connection, **models)
        for model in (subject, contributor, keyword):
            cursor.execute(f"DELETE FROM {model._meta.db_table}")
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
        links = (
            link._base_manager.order_by()
            .annotate(
                r_day=TruncDate("content_object__created_at", tzinfo=tz),
                r_tag=F("tag_id"),
                r_area=Coalesce("content_object__area_id", zero),
                r_live=F("content_object__live"),
            )
            .values("r_day", "r_tag", "r_area", "r_live")
            .annotate(r_n=Count("id"))
            .values_list("r_day", "r_tag", "r_area", "r_live", "r_n")
        )
        _insert_select(cursor, keyword, ["day", "tag_id", "area_id", "live", "n"], links)
    return {
        "subject_cells": subject._base_manager.count(),
        "contributor_cells": contributor._base_manager.count(),
        "keyword_cells": keyword._base_manager.count(),
    }


def snapshot() -> dict:
    """The rollups as {(table, cell…): n} without empty cells (for comparisons and checks)."""
    _phenomenon, subject, contributor, keyword, _link = _models()
    result = {}
    for model, columns in [
        (subject, ("day", "subject_id", "area_id", "live")),
        (contributor, ("day", "author_id", "work_unit_id", "area_id", "live")),
        (keyword, ("day", "tag_id", "area_id", "live")),
    ]:
        for row in model.objects.filter(n__gt=0).values_list(*columns, "n"):
            result[(model.__name__, *row[:-1])] = row[-1]
    return result
