import json

from django.conf import settings
from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import views
from .middleware import current_request
from .receipts import SAVED_PARAM, TOKEN_FIELD, form_token, storage_key


@hooks.register("register_admin_urls")
def register_offline_urls():
    return [
        path("isian-tertunda/", views.drafts_view, name="offline_drafts"),
        path("isian-tertunda/ping/", views.ping_view, name="offline_ping"),
    ]


class DraftsMenuItem(MenuItem):
    def is_shown(self, request):
        return views.may_input(request.user)


@hooks.register("register_admin_menu_item")
def drafts_menu_item():
    return DraftsMenuItem(
        gettext_lazy("Isian tertunda"),
        reverse("offline_drafts"),
        name="isian-tertunda",
        icon_name="doc-empty",
        order=150,
    )


def script_texts():
    """The form script's messages, in the user's language."""
    return {
        "offline": _(
            "Server tidak dapat dihubungi, isian belum terkirim. Isian Anda tidak hilang: "
            "tersimpan di peramban ini. Jangan tutup halaman ini; tombol “Kirim ulang” muncul "
            "begitu server dapat dihubungi lagi."
        ),
        "expired": _(
            "Sesi Anda telah berakhir, isian belum terkirim. Isian Anda tidak hilang: tersimpan "
            "di peramban ini. Masuk lagi di tab lain; tombol “Kirim ulang” muncul begitu Anda "
            "masuk."
        ),
        "back": _("Server dapat dihubungi lagi. Kirim ulang isian Anda sekarang."),
        "resend": _("Kirim ulang"),
        "checking": _("Memeriksa koneksi ke server…"),
        "restore": _(
            "Ada salinan isian formulir ini yang belum terkirim (disimpan di peramban ini "
            "%(time)s). Pulihkan?"
        ),
        "restoreButton": _("Pulihkan"),
        "discard": _("Buang"),
        "restored": _("Isian dipulihkan. Periksa, lalu simpan."),
        "listLink": _("Lihat isian tertunda"),
    }


@hooks.register("insert_global_admin_js")
def offline_script():
    request = current_request()
    if request is None or not views.may_input(request.user):
        return ""
    return format_html(
        '<script src="{}" data-isian-key="{}" data-ping-url="{}" data-list-url="{}" '
        'data-interval="{}" data-token-field="{}" data-saved-param="{}" data-posted-token="{}" '
        'data-texts="{}" defer></script>',
        static("offline/isian.js"),
        storage_key(request.user),
        reverse("offline_ping"),
        reverse("offline_drafts"),
        settings.OFFLINE_PING_INTERVAL_MS,
        TOKEN_FIELD,
        SAVED_PARAM,
        # This page answers the POST of that form (e.g. shown again with errors): the script
        # keeps its copy under the same token.
        form_token(request),
        json.dumps(script_texts()),
    )
