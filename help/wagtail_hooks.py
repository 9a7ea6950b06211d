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
