"""The "Web Scraping" admin menu: results, runs, sources, keyword rules (admins) and the
delegation of rejected scraped phenomena (supervisors and admins)."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.permissions import register_permission_policy

from phenomena.permissions import administers

from . import views
from .admin import AdminOnlyPolicy, rule_viewset, source_viewset
from .models import KeywordRule, Source

register_permission_policy(Source, AdminOnlyPolicy(Source))
register_permission_policy(KeywordRule, AdminOnlyPolicy(KeywordRule))


@hooks.register("register_admin_urls")
def register_scrape_urls():
    return [
        path("web-scraping/putaran/", views.runs_view, name="scrape_runs"),
        path("web-scraping/putaran/sekarang/", views.run_now_view, name="scrape_run_now"),
        path("web-scraping/putaran/<int:run_id>/", views.run_view, name="scrape_run"),
        path("web-scraping/hasil/", views.results_view, name="scrape_results"),
        path("web-scraping/delegasi/", views.delegations_view, name="scrape_delegations"),
        path(
            "web-scraping/delegasi/<int:phenomenon_id>/",
            views.delegate_view,
            name="scrape_delegate",
        ),
    ]


@hooks.register("register_admin_viewset")
def register_source_viewset():
    return source_viewset


@hooks.register("register_admin_viewset")
def register_rule_viewset():
    return rule_viewset


class AdminMenuItem(MenuItem):
    def is_shown(self, request):
        return administers(request.user)


class ReviewerMenuItem(MenuItem):
    def is_shown(self, request):
        return administers(request.user) or views._is_supervisor(request.user)


@hooks.register("register_admin_menu_item")
def scrape_menu():
    items = [
        AdminMenuItem(_("Hasil"), reverse("scrape_results"), icon_name="tasks", order=10),
        AdminMenuItem(_("Putaran"), reverse("scrape_runs"), icon_name="history", order=20),
        AdminMenuItem(_("Sumber"), reverse("scrape_sources:index"), icon_name="globe", order=30),
        AdminMenuItem(
            _("Aturan kata kunci"), reverse("scrape_rules:index"), icon_name="tag", order=40
        ),
        ReviewerMenuItem(
            _("Delegasi yang ditolak"),
            reverse("scrape_delegations"),
            icon_name="user",
            order=50,
        ),
    ]
    return SubmenuMenuItem(
        _("Web Scraping"), Menu(items=items), icon_name="globe", name="web-scraping", order=870
    )


@hooks.register("register_log_actions")
def register_transfer_log_action(actions):
    from django.utils.translation import gettext
    from wagtail.log_actions import LogFormatter

    @actions.register_action("simfoni.transfer_authorship")
    class TransferFormatter(LogFormatter):
        label = _("Alihkan ke operator")

        def format_message(self, log_entry):
            return gettext("Ditugaskan kepada %(to)s untuk disunting") % {
                "to": log_entry.data.get("to", "")
            }
