"""Names of reference values (subjects, themes, scopes, source types, media, indicators) for
the facets of the search page, kept per process instead of one query per facet per page.

A table is read whole (a few dozen rows) the first time a label is needed. Saving or deleting
a row of any of these models drops every process's copy: this process's at once, the others'
through a generation number in the shared cache (Redis in production), read at most once a
``CHECK_EVERY`` seconds; without a shared cache a copy is read again after ``MAX_AGE``
seconds. Keywords are not here: they are many and grow with every phenomenon (one query).
"""

from __future__ import annotations

import threading
import time

from django.core.cache import cache

from phenomena.filters import ID_FILTERS

MODELS = ("Subject", "Theme", "Scope", "SourceType", "Outlet", "Indicator")
CACHED = frozenset(name for name, spec in ID_FILTERS.items() if spec.model.split(".")[1] in MODELS)
GENERATION_KEY = "simfoni-search-reference-generation"
MAX_AGE = 300
CHECK_EVERY = 1.0

_lock = threading.Lock()
_tables: dict[str, dict] = {}
_state = {"generation": None, "read_at": 0.0, "checked_at": 0.0}


def _fresh() -> None:
    """Forget the copies when another process changed a table (or they are too old)."""
    now = time.monotonic()
    if now - _state["checked_at"] < CHECK_EVERY and _tables:
        return
    _state["checked_at"] = now
    generation = cache.get(GENERATION_KEY, 0)
    if generation != _state["generation"] or now - _state["read_at"] > MAX_AGE:
        with _lock:
            _tables.clear()
            _state.update(generation=generation, read_at=now)


def labels(name: str, values) -> dict:
    """{value: label} for the `values` of filter `name` that exist."""
    spec = ID_FILTERS[name]
    if name not in CACHED:
        rows = spec.value_model().objects.filter(pk__in=values)
        return dict(rows.values_list("pk", spec.value_label))
    _fresh()
    table_key = f"{spec.model}.{spec.value_label}"
    table = _tables.get(table_key)
    if table is None:
        table = dict(spec.value_model().objects.values_list("pk", spec.value_label))
        _tables[table_key] = table
    return {v: table[v] for v in values if v in table}


def changed(**kwargs) -> None:
    """Signal receiver: a reference row was saved or deleted."""
    with _lock:
        _tables.clear()
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, 1, None)


def register() -> None:
    from django.apps import apps
    from django.db.models.signals import post_delete, post_save

    for model_name in MODELS:
        model = apps.get_model("phenomena", model_name)
        uid = f"search-reference-labels-{model_name}"
        post_save.connect(changed, sender=model, dispatch_uid=uid + "-saved")
        post_delete.connect(changed, sender=model, dispatch_uid=uid + "-deleted")
