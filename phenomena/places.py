"""The site's place names: the areas in the database plus `reference/place_names.csv`.

Installed into :mod:`simfoni_text.places` (which knows no place) at start-up and again after an
area is saved or deleted, so an area an admin adds is a place for search analysis and the
duplicate check. The areas are read lazily, on the first text analysis, never during app
loading. Another worker process takes up an admin's change when it restarts.
"""

from __future__ import annotations

import logging

from django.db import transaction

from simfoni_text import places

from .reference_data import REFERENCE_DIR

logger = logging.getLogger(__name__)

PLACE_NAMES_CSV = REFERENCE_DIR / "place_names.csv"


def reference_names() -> list[places.PlaceName]:
    """The place names shipped in `phenomena/reference/place_names.csv`."""
    return places.read_csv(PLACE_NAMES_CSV)


def area_names() -> list[tuple[str, str]]:
    """``(label, code)`` of every area (a scope with a parent: a kabupaten/kota)."""
    from .models import Scope

    with transaction.atomic():  # a savepoint: a failure here never breaks the caller's work
        return list(Scope.objects.filter(parent__isnull=False).values_list("label", "code"))


def site_names() -> list | None:
    """The reference names, then the database areas (an area's own code wins on a clash).

    None while the apps are still loading (a module analysing words at import time): the
    areas are read on the next lookup instead of never."""
    from django.apps import apps

    if not apps.ready:
        return None
    names = reference_names()
    try:
        names += area_names()
    except Exception:  # no table yet (before `migrate`), no database, no access: analysis goes on
        logger.info("Areas not readable; place names from the reference file only")
    return names


def install() -> None:
    """Install the reference names now and the areas on first use (no query at start-up)."""
    places.install(reference_names())
    places.install_lazily(site_names)


def areas_changed(**kwargs) -> None:
    """Signal receiver: a scope was saved or deleted; read the areas again on next use."""
    places.install_lazily(site_names)
