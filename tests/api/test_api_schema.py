"""The OpenAPI 3 schema at a stable URL, its documentation page (no CDN), and a bounded
schemathesis run against it: no request the schema allows makes the server fail."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.factories import PhenomenonFactory


def test_schema_and_docs_page(client):
    schema = client.get("/api/v1/openapi.json").json()
    assert schema["openapi"].startswith("3.")
    assert {
        "/api/v1/phenomena/",
        "/api/v1/phenomena/removed/",
        "/api/v1/phenomena/{phenomenon_id}/",
        "/api/v1/subjects/",
        "/api/v1/themes/",
        "/api/v1/scopes/",
        "/api/v1/source-types/",
        "/api/v1/outlets/",
        "/api/v1/indicators/",
        "/api/v1/releases/",
        "/api/v1/summaries/",
        "/api/v1/summaries/{summary_id}/",
    } <= set(schema["paths"])
    schemes = schema["components"]["securitySchemes"].values()
    assert {"type": "apiKey", "in": "header", "name": "X-API-Key"} in schemes
    page = client.get("/api/v1/docs/").content.decode()
    assert "/static/ninja/swagger-ui-bundle.js" in page and "cdn" not in page.lower()


@pytest.fixture
def wsgi_schema(db):
    """The schema, read through the WSGI application in this process (the test's database).

    As Django's test client does, requests do not close the database connection (which holds
    the test's transaction) when they start and finish."""
    import schemathesis
    from django.core import signals
    from django.core.wsgi import get_wsgi_application
    from django.db import close_old_connections

    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    try:
        yield schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application())
    finally:
        signals.request_started.connect(close_old_connections)
        signals.request_finished.connect(close_old_connections)


def test_schemathesis_finds_no_server_error(wsgi_schema, api_key):
    from django.core.cache import cache
    from schemathesis.checks import not_a_server_error

    PhenomenonFactory(published=True, with_sources=True, with_indicators=True, with_keywords=True)
    operations = [result.ok() for result in wsgi_schema.get_all_operations()]
    assert len(operations) >= 10
    strategy = st.one_of(*[operation.as_strategy() for operation in operations])
    failures, statuses = [], []

    @settings(
        max_examples=120,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
        derandomize=True,
    )
    @given(case=strategy)
    def run(case):
        cache.clear()  # the rate limit is not under test here
        response = case.call(headers={"X-API-Key": api_key.raw})
        statuses.append(response.status_code)
        if response.status_code >= 500:
            failures.append(f"{case.method} {case.formatted_path} {case.query}: {response.text}")
        case.validate_response(response, checks=(not_a_server_error,))

    run()
    assert not failures, failures
    assert len(statuses) >= 50 and statuses.count(200) >= 10  # it did read the API
