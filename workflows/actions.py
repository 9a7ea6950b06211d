"""The workflow's finish action (`WAGTAIL_FINISH_WORKFLOW_ACTION`).

Wagtail's default publishes as the approver and requires the model's `publish` permission.
Supervisors don't get that permission (it would also let them publish or unpublish anything from
the editor); the task already checked that the approver may approve this submission, so the
reviewed revision is published without a second, model-wide check.
"""


def publish_approved(workflow_state, user=None):
    obj = workflow_state.content_object
    task_state = workflow_state.current_task_state
    revision = task_state.revision if task_state else obj.get_latest_revision()
    revision.publish(user=user, skip_permission_checks=True)
