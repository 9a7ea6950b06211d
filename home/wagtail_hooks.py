"""Admin integration: dashboard panels on the admin home, menu items, the ARC upload view."""

from django.forms import Media
from django.template.loader import render_to_string
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component

from . import views


class DashboardPanel(Component):
    """The site dashboard's figures, on the Wagtail admin home."""

    name = "simfoni_dashboard"
    order = 10

    def __init__(self, request):
        self.request = request

    @property
    def media(self):
        return Media(
            css={"all": ["home/dashboard.css"]},
            js=["home/vendor/chartjs/chart.umd.min.js", "home/dashboard.js"],
        )

    def render_html(self, parent_context=None):
        context = views.dashboard_context(self.request, {})
        context["in_admin"] = True
        return render_to_string("home/admin/dashboard_panel.html", context, request=self.request)


@hooks.register("construct_homepage_panels")
def add_dashboard_panel(request, panels):
    panels.insert(0, DashboardPanel(request))


@hooks.register("register_admin_urls")
def register_arc_import_url():
    return [path("kalender-rilis/impor/", views.arc_import_view, name="home_arc_import")]


class ArcImportMenuItem(MenuItem):
    def is_shown(self, request):
        return views.can_import_arc(request.user)


@hooks.register("register_admin_menu_item")
def dashboard_menu_item():
    return MenuItem(_("Dasbor"), reverse("dashboard"), icon_name="view", order=1)


@hooks.register("register_admin_menu_item")
def calendar_menu_item():
    return MenuItem(_("Kalender rilis"), reverse("arc_calendar"), icon_name="date", order=2)


@hooks.register("register_settings_menu_item")
def arc_import_menu_item():
    return ArcImportMenuItem(
        _("Impor kalender rilis (ARC)"), reverse("home_arc_import"), icon_name="upload", order=900
    )
