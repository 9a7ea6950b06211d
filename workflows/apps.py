from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

CRUD = ["add", "change", "delete", "view"]


class WorkflowsConfig(AppConfig):
    default = True
    name = "workflows"
    verbose_name = _("Persetujuan")

    def ready(self):
        from wagtail.models import WorkflowState
        from wagtail.signals import task_rejected, task_submitted, workflow_approved

        from phenomena.models import Role
        from phenomena.permissions import VISIBILITY_EXTENSIONS
        from phenomena.roles import ROLE_PERMISSIONS

        from . import signal_handlers
        from .models import ReviewTaskState
        from .routing import submissions_routed_to

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

        task_submitted.connect(
            signal_handlers.on_task_submitted,
            sender=ReviewTaskState,
            dispatch_uid="simfoni_review_submitted",
        )
        task_rejected.connect(
            signal_handlers.on_task_rejected,
            sender=ReviewTaskState,
            dispatch_uid="simfoni_review_rejected",
        )
        workflow_approved.connect(
            signal_handlers.on_workflow_approved,
            sender=WorkflowState,
            dispatch_uid="simfoni_review_approved",
        )
