from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import views


@hooks.register("register_admin_urls")
def register_urls():
    return [
        path("ringkasan/", views.runs_view, name="summaries_runs"),
        path("ringkasan/buat/", views.generate_view, name="summaries_generate"),
    ]


class RunsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("summaries.view_themesummary")


@hooks.register("register_admin_menu_item")
def register_menu_item():
    return RunsMenuItem(
        _("Ringkasan AI"), reverse("summaries_runs"), icon_name="doc-full", order=850
    )
