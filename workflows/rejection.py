"""Rejections and resubmissions, read from Wagtail's own workflow records.

A rejected phenomenon is one whose current `WorkflowState` is "needs changes"; the rejecting
supervisor, the moment and the reason are on the rejected `TaskState` (`finished_by`,
`finished_at`, `comment`) — not on the workflow state, whose `requested_by` is the operator who
submitted. A resubmission is a submission whose phenomenon's previous decision was a rejection
(whether Wagtail resumed the same workflow state or a new one was started).
"""

from dataclasses import dataclass

from django.db.models import OuterRef, Subquery
from wagtail.models import TaskState, WorkflowState


@dataclass
class Rejection:
    by: object  # the supervisor (None if the account was deleted)
    at: object  # datetime
    reason: str
    task_state: TaskState


def current_rejection(phenomenon) -> Rejection | None:
    """The rejection `phenomenon` is waiting to be fixed for, or None."""
    if phenomenon is None or not phenomenon.pk:
        return None
    state = phenomenon.current_workflow_state
    if state is None or state.status != WorkflowState.STATUS_NEEDS_CHANGES:
        return None
    task_state = state.current_task_state
    if task_state is None or task_state.status != TaskState.STATUS_REJECTED:
        return None
    return Rejection(
        by=task_state.finished_by,
        at=task_state.finished_at,
        reason=task_state.get_comment() or "",
        task_state=task_state,
    )


def previous_decisions():
    """Review task states of the same phenomenon decided before the outer one started, newest
    first (for a `Subquery` on `ReviewTaskState`)."""
    from .models import ReviewTaskState

    return ReviewTaskState.objects.filter(
        phenomenon_id=OuterRef("phenomenon_id"),
        finished_at__lte=OuterRef("started_at"),
        status__in=[TaskState.STATUS_APPROVED, TaskState.STATUS_REJECTED],
    ).order_by("-finished_at", "-pk")


def with_previous_decision(queryset):
    """Annotate review task states with their phenomenon's previous decision:
    `previous_status` and `previous_comment`."""
    previous = previous_decisions()
    return queryset.annotate(
        previous_status=Subquery(previous.values("status")[:1]),
        previous_comment=Subquery(previous.values("comment")[:1]),
    )


def rejected_before(task_state):
    """The rejected task state `task_state` resubmits, or None if it is not a resubmission."""
    from .models import ReviewTaskState

    previous = (
        ReviewTaskState.objects.filter(
            phenomenon_id=task_state.phenomenon_id,
            finished_at__lte=task_state.started_at,
            status__in=[TaskState.STATUS_APPROVED, TaskState.STATUS_REJECTED],
        )
        .exclude(pk=task_state.pk)
        .select_related("revision", "finished_by")
        .order_by("-finished_at", "-pk")
        .first()
    )
    if previous is None or previous.status != TaskState.STATUS_REJECTED:
        return None
    return previous


def changed_field_labels(revision_a, revision_b) -> list[str]:
    """The labels of the editor's fields that differ between two revisions of a phenomenon,
    by Wagtail's own revision comparison (the one the "compare" view shows)."""
    if revision_a is None or revision_b is None or revision_a.pk == revision_b.pk:
        return []
    from phenomena.models import Phenomenon

    object_a, object_b = revision_a.as_object(), revision_b.as_object()
    panel = Phenomenon.snippet_viewset.get_edit_handler().get_bound_panel(
        instance=object_b, request=None, form=None
    )
    labels = []
    for comparison_class in panel.get_comparison():
        comparison = comparison_class(object_a, object_b)
        if comparison.has_changed():
            label = str(comparison.field_label())
            if label not in labels:
                labels.append(label)
    return labels
