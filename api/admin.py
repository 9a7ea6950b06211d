"""Wagtail admin for API keys: admins (``api.manage_apikey``) issue, revoke and delete them.

A key is shown once, on the page answering its creation; only its SHA-256 is stored.
"""

from __future__ import annotations

from django import forms
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies.base import ModelPermissionPolicy

from .models import ApiKey


class ApiKeyPermissionPolicy(ModelPermissionPolicy):
    """Every action on keys needs the one permission ``api.manage_apikey``."""

    def _get_permission_codename(self, action):
        return "manage_apikey"


class ApiKeyForm(WagtailAdminModelForm):
    revoke = forms.BooleanField(
        label=_("Cabut kunci ini"),
        required=False,
        help_text=_(
            "Sistem yang memakai kunci ini tidak dapat lagi membaca API. Tidak bisa dibatalkan."
        ),
    )

    class Meta:
        model = ApiKey
        fields = ["name", "note", "rate_limit"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.instance.pk or not self.instance.is_active:
            del self.fields["revoke"]


class ApiKeyCreateView(generic.CreateView):
    def save_instance(self):
        self.raw_key = self.form.instance.issue()
        self.form.instance.created_by = self.request.user
        return super().save_instance()

    def save_action(self):
        # The key is shown in this answer only (not redirected, not in a message or session).
        response = TemplateResponse(
            self.request,
            "api/key_issued.html",
            {
                "key": self.raw_key,
                "object": self.object,
                "index_url": reverse(self.index_url_name),
                "page_title": _("Kunci API baru"),
                "header_icon": "key",
            },
        )
        response["Cache-Control"] = "no-store"
        return response


class ApiKeyEditView(generic.EditView):
    def save_instance(self):
        if self.form.cleaned_data.get("revoke") and self.form.instance.revoked_at is None:
            self.form.instance.revoked_at = timezone.now()
        return super().save_instance()


def _status(key):
    return _("Aktif") if key.is_active else _("Dicabut")


class ApiKeyViewSet(ModelViewSet):
    model = ApiKey
    add_view_class = ApiKeyCreateView
    edit_view_class = ApiKeyEditView
    icon = "key"
    menu_label = _("Kunci API")
    add_to_settings_menu = True
    url_prefix = "kunci-api"
    name = "api_keys"
    copy_view_enabled = False
    inspect_view_enabled = False
    list_display = [
        "name",
        Column("prefix", label=_("awalan kunci")),
        Column("status", label=_("status"), accessor=_status),
        "rate_limit",
        DateColumn("created_at", label=_("dibuat")),
        DateColumn("last_used_at", label=_("terakhir dipakai")),
        DateColumn("revoked_at", label=_("dicabut")),
    ]
    search_fields = ["name"]

    def get_form_class(self, for_update=False):
        return ApiKeyForm


api_key_viewset = ApiKeyViewSet()
