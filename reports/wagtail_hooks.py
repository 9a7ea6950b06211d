from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import urls
from .services import RESOLVE, open_count


@hooks.register("register_admin_urls")
def register_urls():
    return [path("laporan-kesalahan/", include(urls.admin_urlpatterns))]


class ErrorReportsMenuItem(MenuItem):
    """The resolvers' list, with the number of open reports they may resolve."""

    def is_shown(self, request):
        return request.user.has_perm(RESOLVE)

    def render_component(self, request):
        component = super().render_component(request)
        count = open_count(request.user)
        if count:
            component.label = f"{self.label} ({count})"
        return component


@hooks.register("register_admin_menu_item")
def error_reports_menu_item():
    return ErrorReportsMenuItem(
        gettext_lazy("Laporan kesalahan"),
        reverse("reports_admin:index"),
        name="laporan-kesalahan",
        icon_name="warning",
        order=115,
    )
