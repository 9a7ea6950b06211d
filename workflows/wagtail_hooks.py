from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy
from notifications.models import Notification
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import urls
from .viewsets import SupervisorAllocationViewSet


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
