"""Lifecycle events reach subscribers once, after commit, and never after a rollback."""

import pytest
from django.db import transaction

from phenomena import lifecycle


@pytest.fixture
def real_commits(django_db_setup, django_db_blocker):
    """Real commits on the test database without a transactional test case: these tests write
    no rows, and a transactional case would flush the reference data the migrations loaded
    (tests ordered after it would find no work units)."""
    with django_db_blocker.unblock():
        yield


@pytest.fixture
def received():
    seen = []

    def handler(event):
        seen.append(event)

    for name in lifecycle.EVENTS:
        lifecycle.subscribe(name, handler)
    yield seen
    for name in lifecycle.EVENTS:
        lifecycle._subscribers[name].remove(handler)


@pytest.mark.usefixtures("real_commits")
def test_event_waits_for_commit(received):
    with transaction.atomic():
        lifecycle.emit(lifecycle.MERGED, 41, survivor_id=7)
        assert received == []
    assert [(e.name, e.phenomenon_id, e.data) for e in received] == [
        ("merged", 41, {"survivor_id": 7})
    ]


@pytest.mark.usefixtures("real_commits")
def test_rolled_back_change_emits_nothing(received):
    with pytest.raises(RuntimeError), transaction.atomic():
        lifecycle.emit(lifecycle.PUBLISHED, 5)
        raise RuntimeError("the decision failed")
    assert received == []


@pytest.mark.usefixtures("real_commits")
def test_failing_subscriber_does_not_stop_the_others(received, caplog):
    def broken(event):
        raise ConnectionRefusedError("smtp down")

    lifecycle._subscribers[lifecycle.APPROVED].insert(0, broken)
    try:
        with transaction.atomic():
            lifecycle.emit(lifecycle.APPROVED, 9)
    finally:
        lifecycle._subscribers[lifecycle.APPROVED].remove(broken)
    assert [e.name for e in received] == ["approved"]
    assert "smtp down" in caplog.text


@pytest.mark.usefixtures("real_commits")
def test_quietly_marks_events(received):
    with lifecycle.quietly():
        lifecycle.emit(lifecycle.PUBLISHED, 1)
    lifecycle.emit(lifecycle.PUBLISHED, 2)
    assert [(e.phenomenon_id, e.quiet) for e in received] == [(1, True), (2, False)]


def test_unknown_event_is_refused():
    with pytest.raises(ValueError):
        lifecycle.subscribe("approvd", print)


@pytest.mark.django_db
def test_events_are_delivered_inside_the_test_transaction_too(received):
    """The shared fixture runs on-commit callbacks when the application's block commits."""
    with transaction.atomic():
        lifecycle.emit(lifecycle.SUBMITTED, 3)
        with transaction.atomic():
            lifecycle.emit(lifecycle.APPROVED, 3)
        assert received == []
    with pytest.raises(RuntimeError), transaction.atomic():
        lifecycle.emit(lifecycle.REJECTED, 3)
        raise RuntimeError("rolled back")
    lifecycle.emit(lifecycle.PUBLISHED, 3)
    assert [e.name for e in received] == ["submitted", "approved", "published"]
