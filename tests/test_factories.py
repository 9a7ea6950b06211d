"""Each factory trait gives the state a user would see (tests/factories.py)."""

import datetime

import pytest
from wagtail.models import TaskState, WorkflowState

from phenomena.models import Direction, Role
from phenomena.permissions import visible_phenomena
from phenomena.roles import role_of
from tests.factories import (
    PASSWORD,
    AdminFactory,
    KabkotaOperatorFactory,
    OperatorFactory,
    PhenomenonFactory,
    SupervisorFactory,
    UserFactory,
    ViewerFactory,
    last_month,
)
from workflows.models import ReviewTask, SupervisorAllocation
from workflows.rejection import current_rejection

pytestmark = pytest.mark.django_db

JAKARTA = datetime.timezone(datetime.timedelta(hours=7))


def queue_of(user):
    """The submissions waiting for `user` (what the review queue lists)."""
    states = TaskState.objects.none()
    for task in ReviewTask.objects.all():
        states |= task.get_task_states_user_can_moderate(user)
    return [state.specific.phenomenon for state in states]


@pytest.fixture
def office():
    operator = OperatorFactory(username="opsos2")
    supervisor = SupervisorFactory(username="spvinflasi", unit="fungsi-distribusi-1")
    draft = PhenomenonFactory.build(author=operator)
    SupervisorAllocation.objects.create(supervisor=supervisor, theme=draft.theme)
    return operator, supervisor, ViewerFactory(username="viewer1")


def test_role_factories_give_one_role_and_a_work_unit():
    cases = [
        (AdminFactory(), Role.ADMIN, "fungsi-ipds"),
        (OperatorFactory(), Role.OPERATOR, "fungsi-sosial-2"),
        (KabkotaOperatorFactory(), Role.OPERATOR, "bps-3172"),
        (SupervisorFactory(unit="bps-3171"), Role.SUPERVISOR, "bps-3171"),
        (ViewerFactory(), Role.VIEWER, "fungsi-sosial-1"),
    ]
    for user, role, unit in cases:
        assert role_of(user) == role
        assert user.simfoni_profile.work_unit.code == unit
        assert list(user.groups.values_list("name", flat=True)) == [role]
        assert user.check_password(PASSWORD)
    plain = UserFactory()
    assert role_of(plain) is None and plain.email == f"{plain.username}@bps.test"


def test_draft_is_seen_by_its_author_only(office):
    operator, supervisor, viewer = office
    draft = PhenomenonFactory(author=operator)
    assert not draft.live and draft.latest_revision is not None
    assert draft.current_workflow_state is None
    assert draft.work_unit == operator.simfoni_profile.work_unit
    assert draft.reference_period == last_month()
    assert [s.source_type.code for s in draft.sources.all()] == ["siaran_pers"]
    assert draft in visible_phenomena(operator)
    assert draft not in visible_phenomena(viewer)
    assert queue_of(supervisor) == []


def test_in_review_waits_in_the_supervisors_queue(office):
    operator, supervisor, viewer = office
    waiting = PhenomenonFactory(author=operator, in_review=True)
    assert waiting.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    assert queue_of(supervisor) == [waiting]
    assert waiting in visible_phenomena(supervisor)
    assert waiting not in visible_phenomena(viewer)
    assert not waiting.live


def test_approved_is_published_and_visible_to_viewers(office):
    operator, supervisor, viewer = office
    approved = PhenomenonFactory(author=operator, approved=True, decided_by=supervisor)
    assert approved.live
    assert approved.current_workflow_state is None
    task_state = TaskState.objects.get(workflow_state__object_id=str(approved.pk))
    assert task_state.status == TaskState.STATUS_APPROVED
    assert task_state.finished_by == supervisor
    assert approved in visible_phenomena(viewer)
    assert queue_of(supervisor) == []


def test_rejected_goes_back_to_its_author_with_the_reason(office):
    operator, supervisor, viewer = office
    rejected = PhenomenonFactory(
        author=operator, rejected=True, decided_by=supervisor, reason="Tautan mati"
    )
    assert not rejected.live
    rejection = current_rejection(rejected)
    assert rejection.reason == "Tautan mati" and rejection.by == supervisor
    assert rejected in visible_phenomena(operator)
    assert rejected not in visible_phenomena(viewer)
    assert queue_of(supervisor) == []


def test_published_without_workflow_is_visible_to_viewers(office):
    operator, _supervisor, viewer = office
    published = PhenomenonFactory(author=operator, published=True)
    assert published.live and published.current_workflow_state is None
    assert not TaskState.objects.exists()
    assert published in visible_phenomena(viewer)


def test_dates_are_those_of_creation_submission_and_decision(office):
    operator, supervisor, _viewer = office
    created = datetime.datetime(2026, 4, 6, 10, tzinfo=JAKARTA)
    submitted = datetime.datetime(2026, 4, 7, 9, tzinfo=JAKARTA)
    decided = datetime.datetime(2026, 4, 14, 11, tzinfo=JAKARTA)
    rejected = PhenomenonFactory(
        author=operator,
        rejected=True,
        reference_period=datetime.date(2026, 3, 1),
        created_at=created,
        submitted_at=submitted,
        decided_at=decided,
        decided_by=supervisor,
    )
    assert rejected.created_at == created
    workflow_state = rejected.current_workflow_state
    assert workflow_state.created_at == submitted
    assert current_rejection(rejected).at == decided


def test_content_traits():
    rich = PhenomenonFactory(with_sources=True, with_keywords=True, with_indicators=True)
    assert [s.source_type.code for s in rich.sources.all()] == ["portal_berita", "siaran_pers"]
    assert rich.sources.first().outlet.name == "Kompas.com"
    assert sorted(t.name for t in rich.keywords.all()) == ["cabai merah", "inflasi"]
    link = rich.indicator_links.get()
    assert (link.indicator.name, link.direction) == ("Perkembangan IHK (Inflasi)", Direction.NAIK)
    assert rich.author is None and rich.work_unit is None


def test_kabkota_area_sets_scope_and_an_fgd_source():
    operator = KabkotaOperatorFactory()
    phenomenon = PhenomenonFactory(author=operator, area="3172", theme="Pariwisata")
    assert phenomenon.scope == phenomenon.area.parent
    assert phenomenon.theme.subject == phenomenon.subject
    assert [s.source_type.code for s in phenomenon.sources.all()] == ["fgd"]
