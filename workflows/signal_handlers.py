"""Workflow signals → notifications."""

from . import notify


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
