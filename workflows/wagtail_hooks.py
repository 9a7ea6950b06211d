from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy
from notifications.models import Notification
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.action_menu import (
    CancelWorkflowMenuItem,
    RestartWorkflowMenuItem,
    SubmitForModerationMenuItem,
)

from . import bulk_actions, urls
from .rejection import current_rejection
from .routing import can_review, submissions_routed_to
from .viewsets import SupervisorAllocationViewSet

# The phenomenon permission policy's extension points (phenomena/permissions.py): supervisors
# see the submissions routed to them, and may merge duplicates only of phenomena they review.
hooks.register("phenomenon_visibility", submissions_routed_to)
hooks.register("phenomenon_review_check", can_review)


@hooks.register("register_admin_urls")
def register_urls():
    return [path("persetujuan/", include(urls, namespace="workflows"))]


@hooks.register("register_admin_viewset")
def register_allocation_viewset():
    return SupervisorAllocationViewSet("alokasi-supervisor")


class PermissionMenuItem(MenuItem):
    def __init__(self, *args, permission, **kwargs):
        super().__init__(*args, **kwargs)
        self.permission = permission

    def is_shown(self, request):
        return request.user.has_perm(self.permission)


class ReviewQueueMenuItem(PermissionMenuItem):
    def render_component(self, request):
        from .views import waiting_for

        component = super().render_component(request)
        count = waiting_for(request.user).count()
        if count:
            component.label = f"{self.label} ({count})"
        return component


class NotificationsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.is_authenticated

    def render_component(self, request):
        component = super().render_component(request)
        count = Notification.objects.filter(recipient=request.user, unread=True).count()
        if count:
            component.label = f"{self.label} ({count})"
        return component


@hooks.register("register_admin_menu_item")
def review_queue_menu_item():
    # Supervisors (and admins): the submissions waiting for them.
    return ReviewQueueMenuItem(
        gettext_lazy("Antrean review"),
        reverse("workflows:queue"),
        name="antrean-review",
        icon_name="tasks",
        order=110,
        permission="workflows.review_phenomenon",
    )


@hooks.register("register_admin_menu_item")
def my_phenomena_menu_item():
    # Whoever inputs phenomena (operators, admins): their own, with each one's status.
    return PermissionMenuItem(
        gettext_lazy("Fenomena saya"),
        reverse("workflows:mine"),
        name="fenomena-saya",
        icon_name="doc-full",
        order=105,
        permission="phenomena.add_phenomenon",
    )


@hooks.register("register_admin_menu_item")
def notifications_menu_item():
    return NotificationsMenuItem(
        gettext_lazy("Notifikasi"),
        reverse("workflows:notifications"),
        name="notifikasi",
        icon_name="mail",
        order=120,
    )


class ResubmitMenuItem(SubmitForModerationMenuItem):
    """Wagtail's "Resubmit to <task>" under SIMFONI's one word for it."""

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context["label"] = gettext_lazy("Ajukan ulang")
        return context


@hooks.register("construct_snippet_action_menu")
def one_resubmit_action(menu_items, request, context):
    """A rejected phenomenon's editor offers one clear way on: "Ajukan ulang", first.

    Wagtail also offers "Restart workflow" (the same as resubmitting, with one task) and
    "Cancel workflow"; restart is dropped for everyone, cancel is left to admins.
    """
    from phenomena.models import Phenomenon
    from phenomena.permissions import administers

    instance = context.get("instance")
    if context.get("view") != "edit" or not isinstance(instance, Phenomenon):
        return
    if current_rejection(instance) is None:
        return
    keep_cancel = administers(request.user)
    resubmit = None
    for item in list(menu_items):
        if isinstance(item, RestartWorkflowMenuItem) or (
            isinstance(item, CancelWorkflowMenuItem) and not keep_cancel
        ):
            menu_items.remove(item)
        elif type(item) is SubmitForModerationMenuItem:
            menu_items.remove(item)
            resubmit = ResubmitMenuItem(order=item.order)
    if resubmit is not None:
        menu_items.insert(0, resubmit)


# "Setujui" on the review queue's ticked rows, with a confirmation page.
hooks.register("register_bulk_action", bulk_actions.ApproveBulkAction)
