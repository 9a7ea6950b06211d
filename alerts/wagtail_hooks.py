from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import views


@hooks.register("register_admin_urls")
def register_preferences_url():
    return [
        path("preferensi-notifikasi/", views.preferences_view, name="alerts_preferences"),
    ]


@hooks.register("register_account_menu_item")
def preferences_account_item(request):
    return {
        "url": reverse("alerts_preferences"),
        "label": _("Preferensi notifikasi"),
        "help_text": _("Pilih notifikasi yang Anda terima di aplikasi atau lewat e-mail."),
    }


@hooks.register("register_admin_menu_item")
def preferences_menu_item():
    return MenuItem(
        _("Preferensi notifikasi"), reverse("alerts_preferences"), icon_name="mail", order=860
    )
