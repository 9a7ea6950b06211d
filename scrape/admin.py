"""Wagtail admin viewsets for sources and keyword rules (admins only)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import BooleanColumn, Column, DateColumn
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies.base import ModelPermissionPolicy

from phenomena.permissions import administers

from .models import KeywordRule, Source


class AdminOnlyPolicy(ModelPermissionPolicy):
    """Every action needs an admin (the web scraping feature is the admins')."""

    def user_has_permission(self, user, action):
        return administers(user)

    def user_has_any_permission(self, user, actions):
        return administers(user)

    def users_with_any_permission(self, actions):
        from phenomena.roles import admins

        return admins()

    def user_has_permission_for_instance(self, user, action, instance):
        return administers(user)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return administers(user)

    def instances_user_has_any_permission_for(self, user, actions):
        return self.model.objects.all() if administers(user) else self.model.objects.none()


class SourceViewSet(ModelViewSet):
    model = Source
    icon = "globe"
    menu_label = _("Sumber")
    add_to_admin_menu = False
    url_prefix = "web-scraping/sumber"
    name = "scrape_sources"
    copy_view_enabled = False
    inspect_view_enabled = False
    form_fields = [
        "name",
        "outlet",
        "enabled",
        "discovery",
        "start_url",
        "link_selector",
        "next_selector",
        "title_selector",
        "body_selector",
        "date_selector",
        "delay_seconds",
        "max_pages",
        "max_articles",
    ]
    list_display = [
        "name",
        "outlet",
        BooleanColumn("enabled", label=_("Aktif")),
        Column("discovery", label=_("Cara menemukan"), accessor="get_discovery_display"),
        Column("health", label=_("Kesehatan")),
        DateColumn("last_success_at", label=_("Terakhir berhasil")),
        Column("last_found", label=_("Artikel putaran terakhir")),
        Column("last_error_short", label=_("Galat terakhir")),
    ]
    list_filter = ["enabled", "discovery"]
    search_fields = ["name", "start_url"]


class KeywordRuleViewSet(ModelViewSet):
    model = KeywordRule
    icon = "tag"
    menu_label = _("Aturan kata kunci")
    add_to_admin_menu = False
    url_prefix = "web-scraping/aturan"
    name = "scrape_rules"
    copy_view_enabled = False
    inspect_view_enabled = False
    form_fields = ["theme", "indicator", "keywords", "weight", "enabled"]
    list_display = [
        "theme",
        "indicator",
        "keywords",
        "weight",
        BooleanColumn("enabled", label=_("Aktif")),
    ]
    list_filter = ["enabled"]
    search_fields = ["keywords"]


source_viewset = SourceViewSet()
rule_viewset = KeywordRuleViewSet()
