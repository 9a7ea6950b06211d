"""Workflow signals → notifications."""

from phenomena.events import is_quiet

from . import notify
from .actions import publishing_from_workflow


def on_published(sender, instance, revision=None, **kwargs):
    """An admin publishing directly (no review): viewers still hear of a new phenomenon."""
    if is_quiet() or publishing_from_workflow.get():
        return
    if instance.first_published_at and instance.first_published_at != instance.last_published_at:
        return  # an update of an already approved phenomenon, not a new one
    notify.published(instance, getattr(revision, "user", None))


def on_task_submitted(sender, instance, user=None, **kwargs):
    notify.submitted(instance, user)


def on_task_rejected(sender, instance, user=None, **kwargs):
    notify.rejected(instance, user)


def on_workflow_approved(sender, instance, user=None, **kwargs):
    task_state = instance.current_task_state
    if task_state is None:
        return
    task_state = task_state.specific
    if not hasattr(task_state, "submitted_object"):
        return
    notify.approved(task_state, user)
    if getattr(instance, "newly_published", False):
        phenomenon = instance.content_object
        phenomenon.refresh_from_db()
        notify.published(phenomenon, user)
