"""The approval workflow: who reviews which theme, and the "Review Supervisor" task.

The workflow is Wagtail's own moderation workflow ("Persetujuan Fenomena", attached to the
Phenomenon snippet by a data migration). Its one task, `ReviewTask`, asks `routing` who may act
on each submission; nothing here keeps a parallel status.
"""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import models, transaction
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.forms import TaskStateCommentForm
from wagtail.models import Task, TaskState
from wagtail.signals import task_submitted

from .forms import RejectForm


class SupervisorAllocation(models.Model):
    """A province supervisor reviews the phenomena of the themes allocated to them."""

    supervisor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("supervisor"),
        on_delete=models.CASCADE,
        related_name="theme_allocations",
        limit_choices_to={"simfoni_profile__role": "Supervisor"},
    )
    theme = models.ForeignKey(
        "phenomena.Theme",
        verbose_name=_("tema"),
        on_delete=models.CASCADE,
        related_name="supervisor_allocations",
    )

    class Meta:
        ordering = ["theme__subject__sort_order", "theme__sort_order", "supervisor__username"]
        verbose_name = _("alokasi supervisor")
        verbose_name_plural = pgettext_lazy("jamak", "alokasi supervisor")
        constraints = [
            models.UniqueConstraint(fields=["supervisor", "theme"], name="allocation_unique")
        ]
        permissions = [("review_phenomenon", _("Dapat mereview fenomena"))]

    def __str__(self):
        return f"{self.supervisor} — {self.theme}"


class ReviewTaskState(TaskState):
    """A submission waiting for (or decided by) a supervisor.

    Keeps the routing keys of the submitted revision (author, work unit, theme) so that "what
    is waiting for me" is one database query; who those keys route to is decided by `routing`
    at the time of asking, so a changed allocation takes effect for pending submissions too.
    """

    phenomenon = models.ForeignKey(
        "phenomena.Phenomenon",
        verbose_name=_("fenomena"),
        on_delete=models.CASCADE,
        related_name="review_task_states",
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("penginput"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    work_unit = models.ForeignKey(
        "phenomena.WorkUnit",
        verbose_name=_("satuan kerja penginput"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    theme = models.ForeignKey(
        "phenomena.Theme",
        verbose_name=_("tema"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("status review")
        verbose_name_plural = pgettext_lazy("jamak", "status review")

    def submitted_object(self):
        """The phenomenon as submitted (the revision under review)."""
        if not hasattr(self, "_submitted_object"):
            self._submitted_object = self.revision.as_object()
        return self._submitted_object


class ReviewTask(Task):
    """Review by the supervisors the phenomenon is routed to (see `workflows.routing`)."""

    task_state_class = ReviewTaskState

    class Meta:
        verbose_name = _("Review Supervisor")
        verbose_name_plural = pgettext_lazy("jamak", "Review Supervisor")

    @classmethod
    def get_description(cls):
        return _(
            "Supervisor kab/kota penginput, atau supervisor provinsi yang dialokasikan ke tema "
            "fenomena (cadangan: supervisor subjeknya, lalu admin), menyetujui atau menolak."
        )

    @transaction.atomic
    def start(self, workflow_state, user=None):
        from .routing import routing_keys

        phenomenon = workflow_state.content_object
        # Read the latest revision afresh: the caller's copy of the object may predate the edit
        # that is being submitted (the editor saves, then submits).
        revision = (
            type(phenomenon)
            .objects.select_related("latest_revision")
            .get(pk=phenomenon.pk)
            .latest_revision
        )
        submitted = revision.as_object()
        task_state = ReviewTaskState(
            workflow_state=workflow_state,
            status=TaskState.STATUS_IN_PROGRESS,
            revision=revision,
            task=self,
            phenomenon_id=phenomenon.pk,
            **routing_keys(submitted),
        )
        task_state._submitted_object = submitted
        task_state.save()
        task_submitted.send(sender=ReviewTaskState, instance=task_state, user=user)
        return task_state

    def get_actions(self, obj, user):
        from .routing import can_review, routed_to

        # A submission on this task is judged by the routing keys stored on its task state
        # (the same rules as the queue) instead of by rebuilding the submitted revision: the
        # admin home asks this once per waiting submission.
        states = ReviewTaskState.objects.filter(
            task=self, phenomenon_id=obj.pk, status=TaskState.STATUS_IN_PROGRESS
        )
        if not states.filter(routed_to(user)).exists() and (
            states.exists() or not can_review(user, obj)
        ):
            return []
        return [
            ("reject", _("Tolak"), True),
            ("approve", _("Setujui"), False),
            ("approve", _("Setujui dengan komentar"), True),
        ]

    def get_form_for_action(self, action):
        return RejectForm if action == "reject" else TaskStateCommentForm

    @transaction.atomic
    def on_action(self, task_state, user, action_name, **kwargs):
        """Every way of acting (admin modal, edit view, SIMFONI queue) ends here: check again."""
        from .routing import can_review

        task_state = task_state.specific
        if not can_review(user, task_state.submitted_object()):
            raise PermissionDenied(_("Anda tidak berwenang mereview fenomena ini."))
        if action_name == "reject" and not (kwargs.get("comment") or "").strip():
            raise PermissionDenied(_("Alasan penolakan wajib diisi."))
        return super().on_action(task_state, user, action_name, **kwargs)

    def user_can_access_editor(self, obj, user):
        # Reviewers decide; they never edit the content. Admins edit by their own permission.
        return False

    def locked_for_user(self, obj, user):
        from phenomena.permissions import administers

        # While in review nobody but an admin changes the content (the author waits or cancels).
        return not administers(user)

    def user_can_lock(self, obj, user):
        return False

    def user_can_unlock(self, obj, user):
        return False

    def get_task_states_user_can_moderate(self, user, **kwargs):
        from .routing import routed_to

        states = ReviewTaskState.objects.filter(
            task=self, status=TaskState.STATUS_IN_PROGRESS
        ).filter(routed_to(user))
        return TaskState.objects.filter(pk__in=states.values("pk"))
