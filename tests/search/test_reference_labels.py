"""Facet labels of reference values come from a per-process copy that a change drops."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from phenomena.models import Outlet, Subject
from search import labels


@pytest.mark.django_db
def test_labels_are_read_once_and_a_rename_is_seen_at_once():
    subject = Subject.objects.order_by("pk").first()
    assert labels.labels("subject", [subject.pk]) == {subject.pk: subject.label}
    with CaptureQueriesContext(connection) as ctx:
        assert labels.labels("subject", [subject.pk, -1]) == {subject.pk: subject.label}
    assert len(ctx.captured_queries) == 0
    subject.label = "Subjek baru"
    subject.save()
    assert labels.labels("subject", [subject.pk]) == {subject.pk: "Subjek baru"}


@pytest.mark.django_db
def test_a_new_or_deleted_value_is_seen_at_once():
    model = Outlet.objects.first()
    assert labels.labels("outlet", [10**6]) == {}
    outlet = Outlet.objects.create(
        name="Media Baru", source_type=model.source_type, work_unit=model.work_unit
    )
    assert labels.labels("outlet", [outlet.pk]) == {outlet.pk: "Media Baru"}
    pk = outlet.pk
    outlet.delete()
    assert labels.labels("outlet", [pk]) == {}


@pytest.mark.django_db
def test_another_process_change_is_seen_through_the_shared_generation(monkeypatch):
    subject = Subject.objects.order_by("pk").first()
    labels.labels("subject", [subject.pk])
    Subject.objects.filter(pk=subject.pk).update(label="Diubah di proses lain")  # no signal
    from django.core.cache import cache

    cache.set(labels.GENERATION_KEY, cache.get(labels.GENERATION_KEY, 0) + 1, None)
    monkeypatch.setitem(labels._state, "checked_at", 0.0)  # the next check is due
    assert labels.labels("subject", [subject.pk]) == {subject.pk: "Diubah di proses lain"}
