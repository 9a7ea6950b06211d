"""The whole collection out and back in: JSON (for ``restore_all``) and CSV (for other tools).

JSON holds, in loading order, the reference data, the accounts (no password hashes unless
asked: a backup file that travels should not carry them), their profiles and notification
preferences, the allocations, keywords, phenomena with sources, indicators and duplicate
decisions, Wagtail's revisions, log entries, workflows, tasks and review states, and the
import batches. It leaves out what is derived and rebuilt after a restore: duplicate
fingerprints, the search index or table, the dashboard rollups; and what is transient:
notifications, sessions, login attempts, queued tasks.

Objects keep their primary keys (revisions and log entries refer to them inside their JSON);
content types, permissions and groups are written by natural key. The output is deterministic
(objects by primary key, many-to-many lists sorted, keys sorted), so export → restore into an
empty site → export gives the same bytes.
"""

from __future__ import annotations

import csv
import datetime
import json

from django.apps import apps
from django.contrib.auth import get_user_model
from django.core import serializers
from django.core.management.color import no_style
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection, transaction
from django.utils.translation import gettext as _
from wagtail.models import Task

from phenomena.spreadsheet import safe_cell

FORMAT = "simfoni-export"
VERSION = 1

BEFORE_TASKS = [
    "phenomena.SourceType",
    "phenomena.Scope",
    "phenomena.Subject",
    "phenomena.Theme",
    "phenomena.WorkUnit",
    "phenomena.Outlet",
    "phenomena.Indicator",
    "phenomena.ReleaseDate",
    "auth.User",
    "phenomena.UserProfile",
    "alerts.NotificationPreference",
    "workflows.SupervisorAllocation",
    "reminders.Holiday",
    "taggit.Tag",
    "phenomena.Phenomenon",
    "phenomena.PhenomenonSource",
    "phenomena.PhenomenonIndicator",
    "phenomena.PhenomenonKeyword",
    "phenomena.DuplicateDecision",
    "wagtailcore.Revision",
    "wagtailcore.ModelLogEntry",
    "wagtailcore.Workflow",
    "wagtailcore.Task",
]
AFTER_TASKS = [
    "wagtailcore.WorkflowTask",
    "wagtailcore.WorkflowContentType",
    "wagtailcore.WorkflowState",
    "wagtailcore.TaskState",
    "workflows.ReviewTaskState",
    "transfer.ImportBatch",
    "transfer.ImportedRow",
]


class RestoreError(Exception):
    pass


def export_models() -> list:
    """The exported models in loading order (every concrete kind of Wagtail task included)."""
    task_kinds = sorted(
        (
            m
            for m in apps.get_models()
            if issubclass(m, Task) and m is not Task and not m._meta.proxy
        ),
        key=lambda m: m._meta.label,
    )
    return [
        *[apps.get_model(label) for label in BEFORE_TASKS],
        *task_kinds,
        *[apps.get_model(label) for label in AFTER_TASKS],
    ]


def _fields(model, passwords: bool):
    if model is get_user_model() and not passwords:
        return [
            f.name for f in model._meta.fields + model._meta.many_to_many if f.name != "password"
        ]
    return None


def _sorted_m2m(objects: list[dict]) -> list[dict]:
    for obj in objects:
        for name, value in obj["fields"].items():
            if isinstance(value, list) and value and name not in ("content", "data"):
                obj["fields"][name] = sorted(value, key=lambda v: json.dumps(v, default=str))
    return objects


def export_data(passwords: bool = False) -> dict:
    """The collection as one JSON-ready dict."""
    models = {}
    for model in export_models():
        queryset = model._base_manager.order_by("pk")
        objects = serializers.serialize(
            "python",
            queryset.iterator(chunk_size=2000),
            use_natural_foreign_keys=True,
            fields=_fields(model, passwords),
        )
        models[model._meta.label] = _sorted_m2m(objects)
    return {"format": FORMAT, "version": VERSION, "passwords": passwords, "models": models}


class _ExactEncoder(DjangoJSONEncoder):
    """DjangoJSONEncoder cuts times to milliseconds (13.000123 → "13.000", read back as 13.0,
    written again as "13"): a restore would not give the same collection back. Times keep
    every microsecond here."""

    def default(self, o):
        if isinstance(o, datetime.datetime):
            text = o.isoformat()
            return text[:-6] + "Z" if text.endswith("+00:00") else text
        if isinstance(o, datetime.time):
            return o.isoformat()
        return super().default(o)


def export_json_bytes(passwords: bool = False) -> bytes:
    return json.dumps(
        export_data(passwords),
        cls=_ExactEncoder,
        ensure_ascii=False,
        sort_keys=True,
        indent=1,
    ).encode()


def _is_empty() -> bool:
    from phenomena.models import Phenomenon

    return not Phenomenon.objects.exists() and not get_user_model().objects.exists()


def _delete_all(model) -> None:
    """Delete every row of `model`; a tree (Scope.parent, protected) from the leaves up, as a
    freshly migrated site holds the migrations' reference data."""
    rows = model._base_manager.all()
    parents = [f for f in model._meta.fields if f.is_relation and f.related_model is model]
    while parents and rows.exists():
        referenced = set()
        for field in parents:
            referenced |= set(
                rows.filter(**{f"{field.attname}__isnull": False}).values_list(
                    field.attname, flat=True
                )
            )
        leaves = rows.exclude(pk__in=referenced)
        if not leaves.exists():
            break
        leaves.delete()
    rows.delete()


def restore(data: dict) -> dict[str, int]:
    """Load an export into an empty site (no phenomena, no accounts): the reference data,
    workflows and tasks the migrations made are replaced by the file's. Returns counts."""
    if data.get("format") != FORMAT or data.get("version") != VERSION:
        raise RestoreError(_("Berkas ini bukan ekspor SIMFONI versi %(v)d.") % {"v": VERSION})
    if not _is_empty():
        raise RestoreError(_("Pemulihan hanya ke situs kosong (tanpa fenomena dan tanpa akun)."))
    models = export_models()
    known = {m._meta.label for m in models}
    unknown = set(data["models"]) - known
    if unknown:
        raise RestoreError(_("Model tidak dikenal: %(m)s") % {"m": ", ".join(sorted(unknown))})
    counts = {}
    with transaction.atomic():
        if connection.vendor == "postgresql":  # objects refer forward (e.g. latest revision)
            with connection.cursor() as cursor:
                cursor.execute("SET CONSTRAINTS ALL DEFERRED")
        with connection.constraint_checks_disabled():
            for model in reversed(models):
                _delete_all(model)
            for model in models:
                objects = data["models"].get(model._meta.label, [])
                for item in serializers.deserialize(
                    "python", objects, handle_forward_references=True
                ):
                    item.save()
                counts[model._meta.label] = len(objects)
        connection.check_constraints()
        sequences = connection.ops.sequence_reset_sql(no_style(), models)
        if sequences:
            with connection.cursor() as cursor:
                for sql in sequences:
                    cursor.execute(sql)
        if not data.get("passwords"):
            for user in get_user_model().objects.filter(password=""):
                user.set_unusable_password()
                user.save(update_fields=["password"])
    rebuild_derived()
    return counts


def rebuild_derived() -> None:
    """What a restore does not load but recomputes: duplicate fingerprints, places, the
    search index, the dashboard rollups."""
    from home import rollup
    from phenomena import places
    from phenomena.duplicates.service import latest_content, refresh_fingerprints
    from phenomena.models import Phenomenon
    from search.engines import get_engine

    places.areas_changed()
    for phenomenon in Phenomenon.objects.order_by("pk").iterator(chunk_size=500):
        refresh_fingerprints(phenomenon, latest_content(phenomenon))
    live = list(Phenomenon.objects.filter(live=True).values_list("pk", flat=True))
    engine = get_engine()
    for start in range(0, len(live), 1000):
        engine.sync(live[start : start + 1000])
    rollup.rebuild()


# --- CSV -------------------------------------------------------------------------------------

CSV_HEADER = [
    "id",
    "status",
    "judul",
    "narasi",
    "jenis sumber",
    "media",
    "tautan",
    "tanggal",
    "periode",
    "cakupan",
    "kab/kota",
    "subjek",
    "tema",
    "kata kunci",
    "indikator",
    "arah",
    "sumber lain",
    "penginput",
    "satuan kerja",
    "dibuat",
]


def _status(phenomenon) -> str:
    if phenomenon.merged_into_id:
        return "digabungkan"
    if phenomenon.live:
        return "disetujui"
    return "draf/direview"


def export_csv(stream) -> int:
    """One row per phenomenon (its stored row: the approved version if there is one), with
    column names the import recognises. Returns the number of rows."""
    from phenomena.models import Phenomenon

    writer = csv.writer(stream)
    writer.writerow(CSV_HEADER)
    queryset = (
        Phenomenon.objects.order_by("pk")
        .select_related("scope", "area", "subject", "theme", "author", "work_unit")
        .prefetch_related(
            "sources__source_type", "sources__outlet", "keywords", "indicator_links__indicator"
        )
    )
    count = 0
    for p in queryset.iterator(chunk_size=1000):
        sources = list(p.sources.all())
        first = sources[0] if sources else None
        links = list(p.indicator_links.all())
        row = [
            p.pk,
            _status(p),
            p.title,
            p.narrative,
            first.source_type.label if first else "",
            first.outlet.name if first and first.outlet_id else "",
            first.url if first else "",
            first.source_date.isoformat() if first else "",
            p.reference_period.strftime("%Y-%m"),
            p.scope.label,
            p.area.label if p.area_id else "",
            p.subject.label,
            p.theme.name,
            ", ".join(sorted(t.name for t in p.keywords.all())),
            "; ".join(link.indicator.name for link in links),
            "; ".join(link.direction for link in links),
            " ; ".join(s.url or str(s) for s in sources[1:]),
            p.author.username if p.author_id else "",
            p.work_unit.name if p.work_unit_id else "",
            p.created_at.isoformat(),
        ]
        writer.writerow([safe_cell(value) for value in row])
        count += 1
    return count
