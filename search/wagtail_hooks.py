"""Admin integration of the search app: the phone layout of every admin list.

The stylesheet is global (every admin page) because the lists it fixes are Wagtail's own
listings as well as SIMFONI's queue, Fenomena saya and notifications.
"""

from django.templatetags.static import static
from django.utils.html import format_html
from wagtail import hooks


@hooks.register("insert_global_admin_css")
def narrow_screen_css():
    return format_html('<link rel="stylesheet" href="{}">', static("simfoni/admin-narrow.css"))


@hooks.register("construct_help_menu")
def drop_wagtails_own_guides(request, menu_items):
    """Bantuan keeps the keyboard shortcuts only: "Yang baru di Wagtail 8.0" (with its unread
    badge) and "Panduan Editor" open Wagtail's English pages about Wagtail's own page editing,
    not about SIMFONI's phenomena."""
    menu_items[:] = [
        item
        for item in menu_items
        if item.name != "editor-guide" and not item.name.startswith("whats-new-in-wagtail")
    ]
