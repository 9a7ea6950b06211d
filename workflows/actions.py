"""The workflow's finish action (`WAGTAIL_FINISH_WORKFLOW_ACTION`).

Wagtail's default publishes as the approver and requires the model's `publish` permission.
Supervisors don't get that permission (it would also let them publish or unpublish anything from
the editor); the task already checked that the approver may approve this submission, so the
reviewed revision is published without a second, model-wide check.
"""

import contextvars

# Set while the workflow publishes, so the `published` receiver leaves the notice to the
# workflow_approved receiver (which knows the approver and the task).
publishing_from_workflow = contextvars.ContextVar("simfoni_workflow_publish", default=False)


def publish_approved(workflow_state, user=None):
    obj = workflow_state.content_object
    task_state = workflow_state.current_task_state
    revision = task_state.revision if task_state else obj.get_latest_revision()
    was_live = getattr(obj, "live", False)
    token = publishing_from_workflow.set(True)
    try:
        revision.publish(user=user, skip_permission_checks=True)
    finally:
        publishing_from_workflow.reset(token)
    # Read by the workflow_approved receiver: viewers hear only of newly approved phenomena.
    workflow_state.newly_published = not was_live
