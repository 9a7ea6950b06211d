"""Approve the ticked rows of the review queue: a Wagtail bulk action with a confirmation page.

Each ticked submission is judged by `workflows.approval.refusal` (the rule the single "Setujui"
button uses): the confirmation page lists what will be approved and, with a reason per item,
what this user may not approve (their own submission, a theme not allocated to them, already
decided or cancelled, changed since it was submitted). Only the first are approved.
"""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy, ngettext
from wagtail.admin.views.bulk_action import BulkAction

from .approval import approve, refusal
from .models import ReviewTaskState
from .views import REVIEW_PERMISSION, QueueFilterSet, waiting_for


class ApproveBulkAction(BulkAction):
    display_name = gettext_lazy("Setujui")
    action_type = "approve"
    aria_label = gettext_lazy("Setujui pengajuan yang dipilih")
    template_name = "workflows/bulk_actions/confirm_bulk_approve.html"
    action_priority = 10
    models = [ReviewTaskState]

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(REVIEW_PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    @classmethod
    def get_queryset(cls, model, object_ids):
        ids = [i for i in object_ids if str(i).isdigit()]
        return list(
            ReviewTaskState.objects.filter(pk__in=ids)
            .select_related("revision", "phenomenon", "task", "author", "theme")
            .order_by("started_at", "pk")
        )

    def get_all_objects_in_listing_query(self, parent_id):
        """The queue as shown with its current filters ("select all in the listing")."""
        filters = QueueFilterSet(self.request.GET, queryset=waiting_for(self.request.user))
        return filters.qs.values_list("pk", flat=True)

    def check_perm(self, obj):
        obj.refusal = refusal(self.request.user, obj)
        return not obj.refusal

    def object_context(self, obj):
        return {"item": obj, "title": obj.submitted_object().title}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["items_with_no_access"] = [
            {"item": obj, "title": obj.submitted_object().title, "reason": obj.refusal}
            for obj in context["items_with_no_access"]
        ]
        return context

    def get_execution_context(self):
        return {"user": self.request.user}

    @classmethod
    def execute_action(cls, objects, user=None, **kwargs):
        approved = 0
        for state in objects:
            try:
                approve(user, state)  # judged again: another reviewer may have been quicker
            except PermissionDenied:
                continue
            approved += 1
        return approved, 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext(
            "%(count)d fenomena disetujui dan kini terlihat oleh semua.",
            "%(count)d fenomena disetujui dan kini terlihat oleh semua.",
            num_parent_objects,
        ) % {"count": num_parent_objects}
