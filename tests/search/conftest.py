"""Search tests: approved and draft phenomena (`SearchPhenomenonFactory`), every backend.

`search_backend` runs each test once per backend: Wagtail's database backend always, and
Elasticsearch when ELASTICSEARCH_URL points at a live server.
"""

import datetime
import os

import factory
import pytest
from django.contrib.auth import get_user_model
from wagtail.search.backends import get_search_backend

from phenomena.models import Direction, Phenomenon
from tests.factories import PUBLISHED, PhenomenonFactory

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


def publisher_account():
    """The superuser who publishes the search tests' phenomena."""
    User = get_user_model()
    return User.objects.filter(username="penyetuju").first() or User.objects.create_superuser(
        "penyetuju", password="x"
    )


@pytest.fixture
def publisher(db):
    return publisher_account()


class SearchPhenomenonFactory(PhenomenonFactory):
    """Published (by `publisher`) unless `draft=True`; no author; a Kompas.com source with its
    own URL and the IHK indicator, in May 2024."""

    title = "Fenomena uji"
    narrative = "Uraian fenomena uji."
    reference_period = datetime.date(2024, 5, 1)
    state = PUBLISHED
    decided_by = factory.LazyFunction(publisher_account)
    sources = (("portal_berita", "Kompas.com", datetime.date(2024, 5, 10)),)
    indicators = (("Perkembangan IHK (Inflasi)", Direction.NAIK),)
    validate = False
