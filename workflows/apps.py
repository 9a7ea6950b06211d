from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

CRUD = ["add", "change", "delete", "view"]


class WorkflowsConfig(AppConfig):
    default = True
    name = "workflows"
    verbose_name = _("Persetujuan")

    # Collected by phenomena.roles.role_permissions. Who may review which phenomenon (routing)
    # and what reviewers see are contributed through Wagtail hooks (wagtail_hooks.py).
    role_permissions = {
        "Admin": [
            "workflows.review_phenomenon",
            *[f"workflows.{action}_supervisorallocation" for action in CRUD],
        ],
        "Supervisor": ["workflows.review_phenomenon"],
    }

    def ready(self):
        from . import notify

        replace_wagtail_workflow_emails()
        # Submissions, approvals and rejections are told to the people concerned once committed.
        notify.subscribe()


# Wagtail e-mails the submitter on approval/rejection and superusers on submission (in its own
# words, without routing). SIMFONI sends its own (notify.py), so those receivers are removed,
# and their dispatch_uid is held by a no-op so wagtail.admin's ready() cannot add them later.
WAGTAIL_WORKFLOW_EMAIL_RECEIVERS = {
    "workflow_submitted": "workflow_state_submitted_email_notification",
    "workflow_rejected": "workflow_state_rejected_email_notification",
    "workflow_approved": "workflow_state_approved_email_notification",
}


def _no_email(*args, **kwargs):
    return None


def replace_wagtail_workflow_emails():
    from wagtail import signals
    from wagtail.models import WorkflowState

    for signal_name, uid in WAGTAIL_WORKFLOW_EMAIL_RECEIVERS.items():
        signal = getattr(signals, signal_name)
        signal.disconnect(sender=WorkflowState, dispatch_uid=uid)
        signal.connect(_no_email, sender=WorkflowState, dispatch_uid=uid)
