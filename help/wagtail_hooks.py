from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .models import HELP_PATH


class SignedInMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.is_authenticated


@hooks.register("register_admin_menu_item")
def help_menu_item():
    # Every admin page: the user guide (opens the public page, edited under Halaman).
    return SignedInMenuItem(
        gettext_lazy("Bantuan"),
        HELP_PATH,
        name="bantuan",
        icon_name="help",
        order=10000,
        attrs={"target": "_blank", "rel": "noopener"},
    )


@hooks.register("construct_main_menu")
def one_help_entry(request, menu_items):
    """One "Bantuan" in the sidebar: the user guide above. Wagtail's own "Bantuan" submenu
    (left with only its keyboard-shortcuts list, search/wagtail_hooks.py) was a second entry
    with the same name, confusing next to the guide."""
    menu_items[:] = [item for item in menu_items if item.name != "help"]
