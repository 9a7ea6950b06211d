"""The review queue reads a page of submissions with a fixed number of queries, and shows
each as ``revision.as_object()`` would (a missing foreign key handled the same way)."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from taggit.models import Tag

from tests.factories import PhenomenonFactory
from workflows.submitted import submitted_objects
from workflows.views import waiting_for

QUEUE = reverse("workflows:queue")


def submissions(people, n):
    return [
        PhenomenonFactory(
            author=people.op,
            theme="Harga-harga (Inflasi)",
            in_review=True,
            with_sources=True,
            with_keywords=True,
            with_indicators=True,
        )
        for _ in range(n)
    ]


def queue_queries(client, user) -> int:
    client.force_login(user)
    client.get(QUEUE)
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(QUEUE)
    assert response.status_code == 200
    return len(ctx.captured_queries)


def test_the_queue_costs_the_same_queries_for_one_or_five_submissions(client, people):
    submissions(people, 1)
    one = queue_queries(client, people.spv_inflasi)
    submissions(people, 4)
    five = queue_queries(client, people.spv_inflasi)
    assert five == one


def shown(obj):
    sources = [(s.url, s.outlet_id, str(s.outlet), str(s.source_type)) for s in obj.sources.all()]
    return (
        obj.pk,
        obj.title,
        str(obj.theme),
        str(obj.subject),
        str(obj.scope),
        obj.reference_period,
        obj.live,
        obj.latest_revision_id,
        sources,
        sorted(str(link.indicator) for link in obj.indicator_links.all()),
        sorted(item.tag.name for item in obj.keyword_items.all()),
    )


def test_the_queue_shows_what_as_object_gives(people):
    submissions(people, 3)
    states = list(waiting_for(people.spv_inflasi))
    expected = [shown(state.revision.as_object()) for state in states]
    fresh = list(waiting_for(people.spv_inflasi))
    submitted_objects(fresh)
    assert [shown(state.submitted_object()) for state in fresh] == expected


def test_a_submission_with_a_deleted_tag_is_read_the_usual_way(people):
    (phenomenon,) = submissions(people, 1)
    Tag.objects.filter(name="inflasi").delete()  # the revision still names it
    states = list(waiting_for(people.spv_inflasi))
    expected = [shown(state.revision.as_object()) for state in states]
    assert ["cabai merah"] in [e[-1] for e in expected]  # as_object drops the missing tag
    fresh = list(waiting_for(people.spv_inflasi))
    submitted_objects(fresh)
    assert [shown(state.submitted_object()) for state in fresh] == expected
