"""The demo step: allocations for spv1..spv10, some submissions waiting, a few rejected,
approved ones left alone. (Runs on the demo accounts with phenomena made here, so it does not
depend on the generated demo content.)"""

from django.core.management import call_command
from wagtail.models import TaskState, WorkflowState
from wf_helpers import submit, theme

from phenomena.demo import create_accounts
from phenomena.models import Phenomenon
from tests.factories import PhenomenonFactory
from workflows.demo import after_demo
from workflows.models import ReviewTaskState, SupervisorAllocation
from workflows.views import waiting_for

THEMES = ["Harga-harga (Inflasi)", "Pariwisata", "Tenaga Kerja", "Gender", "PMTB dan Investasi"]


def test_demo_step_leaves_submissions_in_review(db, django_user_model):
    users = create_accounts()
    created = [PhenomenonFactory(author=users["operator"], theme=name) for name in THEMES * 3]
    created += [PhenomenonFactory(author=users["op.3172"], area="3172") for _ in range(3)]
    approved = created[:2]
    for phenomenon in approved:
        state = submit(phenomenon)
        state.task.specific.on_action(state, users["admin"], "approve", comment="")

    result = after_demo(users, created)

    spv4 = users["spv4"]
    assert set(
        SupervisorAllocation.objects.filter(supervisor=spv4).values_list("theme__name", flat=True)
    ) == {"Statistik Makroekonomi", "Harga-harga (Inflasi)", "Transportasi"}
    assert SupervisorAllocation.objects.filter(theme=theme("Budaya")).count() == 2  # spv3, spv10
    waiting = ReviewTaskState.objects.filter(status=TaskState.STATUS_IN_PROGRESS)
    assert waiting.count() == result["in_review"] > 0
    rejected = WorkflowState.objects.filter(status=WorkflowState.STATUS_NEEDS_CHANGES)
    assert rejected.count() == result["rejected"] > 0
    assert all(ws.current_task_state.comment for ws in rejected)
    # every waiting submission is in somebody's queue, and the main accounts have work
    queued = set()
    for user in users.values():
        queued |= {s.pk for s in waiting_for(user)}
    assert queued == set(waiting.values_list("pk", flat=True))
    assert waiting_for(users["spv4"]).exists() and waiting_for(users["spv.3172"]).exists()
    # approved ones stay approved and out of review
    assert set(Phenomenon.objects.approved()) == set(approved)
    assert not waiting.filter(phenomenon__in=approved).exists()
    # again: nothing new
    call_command("load_allocations")
    assert after_demo(users, []) == {"allocations": 0, "allocation_rows_skipped": 0}
