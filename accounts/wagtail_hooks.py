from django.shortcuts import redirect
from django.urls import include, path
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.admin import messages
from wagtail.log_actions import log

from . import admin_views, audit


@hooks.register("register_admin_urls")
def register_account_urls():
    urls = [
        path("persetujuan/", admin_views.WaitingListView.as_view(), name="waiting"),
        path("persetujuan/<int:pk>/", admin_views.ApproveView.as_view(), name="approve"),
        path("buat-dari-csv/", admin_views.BulkCreateView.as_view(), name="bulk_create"),
        path("log-keamanan/", admin_views.AuditLogView.as_view(), name="audit_log"),
        path("<int:pk>/alokasi/", admin_views.AllocationView.as_view(), name="allocations"),
    ]
    return [path("akun/", include((urls, "accounts_admin"), namespace="accounts_admin"))]


@hooks.register("register_log_actions")
def register_account_actions(actions):
    audit.register_actions(actions)


DELETE_REFUSED = (
    "Akun tidak dihapus: fenomena dan riwayatnya tetap tercatat atas nama pemiliknya. "
    "Nonaktifkan akun ini (hapus centang \u201cAktif\u201d) agar tidak dapat masuk lagi."
)


@hooks.register("before_delete_user")
def refuse_user_deletion(request, user):
    """Accounts are disabled, never deleted (their phenomena stay attributed)."""
    if request.method == "POST":
        log(user, audit.DELETE_REFUSED)
    messages.error(request, _(DELETE_REFUSED))
    return redirect("wagtailusers_users:edit", user.pk)


@hooks.register("before_bulk_action")
def refuse_bulk_user_deletion(request, action_type, objects, action_class_instance):
    from django.contrib.auth import get_user_model

    if action_type == "delete" and action_class_instance.model is get_user_model():
        messages.error(request, _(DELETE_REFUSED))
        return redirect("wagtailusers_users:index")
    return None


@hooks.register("after_bulk_action")
def log_bulk_active_state(request, action_type, objects, action_class_instance):
    """Wagtail's "set active state" bulk action updates without saving each user: log here."""
    from django.contrib.auth import get_user_model

    User = get_user_model()
    if action_type != "set_active_state" or action_class_instance.model is not User:
        return None
    now = dict(User.objects.filter(pk__in=[o.pk for o in objects]).values_list("pk", "is_active"))
    for obj in objects:
        if obj.pk in now and now[obj.pk] != obj.is_active:
            obj.is_active = now[obj.pk]
            log(obj, audit.ENABLED if obj.is_active else audit.DISABLED)
    return None
