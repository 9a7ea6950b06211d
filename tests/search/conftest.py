"""Fixtures for search tests: approved and draft phenomena, and every available backend.

`search_backend` runs each test once per backend: Wagtail's database backend always, and
Elasticsearch when ELASTICSEARCH_URL points at a live server.
"""

import datetime
import os

import pytest
from django.contrib.auth import get_user_model
from wagtail.search.backends import get_search_backend

from phenomena.models import (
    Direction,
    Indicator,
    Outlet,
    Phenomenon,
    PhenomenonIndicator,
    PhenomenonSource,
    Scope,
    SourceType,
    Subject,
    Theme,
)

BACKENDS = ["database"] + (["elasticsearch"] if os.environ.get("ELASTICSEARCH_URL") else [])


@pytest.fixture(params=BACKENDS)
def search_backend(request, settings, db):
    """The backend under test, set as WAGTAILSEARCH_BACKENDS["default"]."""
    if request.param == "elasticsearch":
        from search.engines.elasticsearch import backend_settings

        settings.SIMFONI_SEARCH_ENGINE = "elasticsearch"
        settings.WAGTAILSEARCH_BACKENDS = {
            "default": backend_settings(os.environ["ELASTICSEARCH_URL"], "simfoni_test_")
        }
        backend = get_search_backend()
        backend.reset_index()
        for model in (Phenomenon,):
            index = backend.get_index_for_model(model)
            index.add_model(model)
    else:
        # The automatic choice without Elasticsearch: pgtable on PostgreSQL, database on SQLite.
        settings.SIMFONI_SEARCH_ENGINE = ""
        settings.ELASTICSEARCH_URL = ""
        settings.WAGTAILSEARCH_BACKENDS = {
            "default": {"BACKEND": "wagtail.search.backends.database", "SEARCH_CONFIG": "simple"}
        }
    from django.core.cache import cache

    cache.clear()
    return request.param


def refresh_index():
    backend = get_search_backend()
    if hasattr(backend, "refresh_index"):
        backend.refresh_index()
    from django.core.cache import cache

    cache.clear()


@pytest.fixture
def publisher(db):
    return get_user_model().objects.create_superuser("penyetuju", password="x")


@pytest.fixture
def make_phenomenon(db, publisher):
    """make_phenomenon(title=..., narrative=..., approved=True, ...) → a saved phenomenon.

    Approved ones are published through a revision, as the approval workflow does, so the
    `published` signal indexes them.
    """
    counter = {"n": 0}

    def make(
        title="Fenomena uji",
        narrative="Uraian fenomena uji.",
        *,
        approved=True,
        period=datetime.date(2024, 5, 1),
        subject="ekonomi",
        theme="Harga-harga (Inflasi)",
        scope="dki",
        area=None,
        keywords=(),
        sources=(("portal_berita", "Kompas.com", datetime.date(2024, 5, 10)),),
        indicators=(("Perkembangan IHK (Inflasi)", Direction.NAIK),),
    ):
        counter["n"] += 1
        subject_obj = Subject.objects.get(code=subject)
        phenomenon = Phenomenon(
            title=title,
            narrative=narrative,
            reference_period=period,
            scope=Scope.objects.get(code="kabkota" if area else scope),
            area=Scope.objects.get(code=area) if area else None,
            subject=subject_obj,
            theme=Theme.objects.get(subject=subject_obj, name=theme),
            live=False,
        )
        for order, (code, outlet, day) in enumerate(sources):
            phenomenon.sources.add(
                PhenomenonSource(
                    sort_order=order,
                    source_type=SourceType.objects.get(code=code),
                    outlet=Outlet.objects.get(name=outlet) if outlet else None,
                    url=f"https://contoh.test/berita/{counter['n']}-{order}" if outlet else "",
                    source_date=day,
                )
            )
        for order, (name, direction) in enumerate(indicators):
            phenomenon.indicator_links.add(
                PhenomenonIndicator(
                    sort_order=order,
                    indicator=Indicator.objects.get(name=name),
                    direction=direction,
                )
            )
        if keywords:
            phenomenon.keywords.add(*keywords)
        phenomenon.save()
        revision = phenomenon.save_revision()
        if approved:
            revision.publish(user=publisher)
        phenomenon.refresh_from_db()
        return phenomenon

    return make
