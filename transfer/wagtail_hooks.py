"""Admin: the import (upload → preview → confirm) and the export, under Settings (admins)."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import views


@hooks.register("register_admin_urls")
def register_transfer_urls():
    return [
        path("impor-fenomena/", views.import_view, name="transfer_import"),
        path("impor-fenomena/<int:batch_id>/", views.preview_view, name="transfer_import_preview"),
        path("ekspor-data/", views.export_view, name="transfer_export"),
    ]


class PermissionMenuItem(MenuItem):
    def __init__(self, *args, permission, **kwargs):
        super().__init__(*args, **kwargs)
        self.permission = permission

    def is_shown(self, request):
        return request.user.has_perm(self.permission)


@hooks.register("register_settings_menu_item")
def import_menu_item():
    return PermissionMenuItem(
        _("Impor fenomena"),
        reverse("transfer_import"),
        icon_name="upload",
        order=910,
        permission=views.IMPORT_PERMISSION,
    )


@hooks.register("register_settings_menu_item")
def export_menu_item():
    return PermissionMenuItem(
        _("Ekspor seluruh data"),
        reverse("transfer_export"),
        icon_name="download",
        order=920,
        permission=views.EXPORT_PERMISSION,
    )
