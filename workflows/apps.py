from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

CRUD = ["add", "change", "delete", "view"]


class WorkflowsConfig(AppConfig):
    default = True
    name = "workflows"
    verbose_name = _("Persetujuan")

    def ready(self):
        from phenomena.duplicates.merge import REVIEW_CHECKS
        from phenomena.models import Role
        from phenomena.permissions import VISIBILITY_EXTENSIONS
        from phenomena.roles import ROLE_PERMISSIONS

        from . import notify
        from .routing import can_review, submissions_routed_to

        additions = {
            Role.ADMIN: [
                "workflows.review_phenomenon",
                *[f"workflows.{action}_supervisorallocation" for action in CRUD],
            ],
            Role.SUPERVISOR: ["workflows.review_phenomenon"],
        }
        for role, permissions in additions.items():
            for permission in permissions:
                if permission not in ROLE_PERMISSIONS[role]:
                    ROLE_PERMISSIONS[role].append(permission)
        if submissions_routed_to not in VISIBILITY_EXTENSIONS:
            VISIBILITY_EXTENSIONS.append(submissions_routed_to)
        if can_review not in REVIEW_CHECKS:
            REVIEW_CHECKS.append(can_review)  # who may merge duplicates (phenomena.duplicates)

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
