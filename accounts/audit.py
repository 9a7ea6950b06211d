"""The account audit log, in Wagtail's log entries (ModelLogEntry on the user): sign-ins,
failed sign-ins, lockouts, role changes, approvals, disabled and re-enabled accounts.

Admins read it under *Pengaturan → Pengguna → Log keamanan akun* (`accounts.admin_views`) and in
Wagtail's site history. A failed sign-in for a username that does not exist is logged with the
typed name as label (no account to attach it to).
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.contrib.contenttypes.models import ContentType
from django.db.models.signals import post_save, pre_save
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import LogFormatter
from wagtail.log_actions import log as wagtail_log
from wagtail.models import ModelLogEntry

User = get_user_model()

LOGIN = "simfoni.account.login"
LOGIN_FAILED = "simfoni.account.login_failed"
LOCKED_OUT = "simfoni.account.locked_out"
ROLE = "simfoni.account.role"
APPROVED = "simfoni.account.approved"
DISABLED = "simfoni.account.disabled"
ENABLED = "simfoni.account.enabled"
DELETE_REFUSED = "simfoni.account.delete_refused"
ACTIONS = [LOGIN, LOGIN_FAILED, LOCKED_OUT, ROLE, APPROVED, DISABLED, ENABLED, DELETE_REFUSED]

METHODS = {"sso": _("SSO BPS"), "password": _("kata sandi")}
REASONS = {
    "password": _("kata sandi salah atau akun tidak dikenal"),
    "disabled": _("akun dinonaktifkan"),
    "locked": _("login terkunci"),
}


def _ip(request):
    if request is None:
        return None
    from simfoni_site.accounts import client_ip

    return client_ip(request)


def log_failed_login(request, username, *, user=None, method="password", reason="password"):
    data = {"username": username, "method": method, "reason": reason, "ip": _ip(request)}
    if user is None and username:
        user = User.objects.filter(username=username).first()
    if user is not None:
        return wagtail_log(user, LOGIN_FAILED, user=None, data=data)
    return ModelLogEntry.objects.create(
        content_type=ContentType.objects.get_for_model(User),
        object_id="-",
        label=username or "SSO",
        action=LOGIN_FAILED,
        data=data,
        timestamp=timezone.now(),
    )


def on_login(sender, request, user, **kwargs):
    method = "sso" if getattr(user, "backend", "").startswith("accounts.") else "password"
    wagtail_log(user, LOGIN, user=user, data={"method": method, "ip": _ip(request)})


def on_login_failed(sender, credentials, request=None, **kwargs):
    if "username" not in credentials:  # SSO failures are logged by the callback view
        return
    log_failed_login(request, credentials.get("username") or "")


def on_locked_out(sender, request, username, ip_address, **kwargs):
    user = User.objects.filter(username=username).first()
    data = {"username": username, "ip": ip_address}
    if user is not None:
        wagtail_log(user, LOCKED_OUT, user=None, data=data)


def remember_old_values(sender, instance, raw=False, **kwargs):
    if raw:  # loading a fixture or a restore is nobody's change
        return
    if sender is User:
        old = User.objects.filter(pk=instance.pk).values_list("is_active", flat=True).first()
        instance._audit_was_active = old
    else:
        instance._audit_old = (
            sender.objects.filter(pk=instance.pk).values_list("role", "work_unit_id").first()
            if instance.pk
            else None
        )


def on_user_saved(sender, instance, created, raw=False, **kwargs):
    if raw:
        return
    was = getattr(instance, "_audit_was_active", None)
    if created or was is None or was == instance.is_active:
        return
    wagtail_log(instance, ENABLED if instance.is_active else DISABLED)


def on_profile_saved(sender, instance, created, raw=False, **kwargs):
    if raw:
        return
    old = getattr(instance, "_audit_old", None)
    new = (instance.role, instance.work_unit_id)
    if old == new:
        return
    data = {
        "old_role": old[0] if old else "",
        "role": instance.role,
        "work_unit": str(instance.work_unit),
    }
    wagtail_log(instance.user, ROLE, data=data)


def connect():
    from axes.signals import user_locked_out

    from phenomena.models import UserProfile

    user_logged_in.connect(on_login, dispatch_uid="accounts-audit-login")
    user_login_failed.connect(on_login_failed, dispatch_uid="accounts-audit-failed")
    user_locked_out.connect(on_locked_out, dispatch_uid="accounts-audit-locked")
    pre_save.connect(remember_old_values, sender=User, dispatch_uid="accounts-audit-user-pre")
    post_save.connect(on_user_saved, sender=User, dispatch_uid="accounts-audit-user")
    pre_save.connect(
        remember_old_values, sender=UserProfile, dispatch_uid="accounts-audit-profile-pre"
    )
    post_save.connect(on_profile_saved, sender=UserProfile, dispatch_uid="accounts-audit-profile")


class AccountFormatter(LogFormatter):
    def format_message(self, log_entry):
        return describe(log_entry)


def describe(entry) -> str:
    data = entry.data or {}
    if entry.action == LOGIN:
        return _("Masuk dengan %(method)s") % {"method": METHODS.get(data.get("method"), "")}
    if entry.action == LOGIN_FAILED:
        return _("Gagal masuk (%(method)s): %(reason)s") % {
            "method": METHODS.get(data.get("method"), ""),
            "reason": REASONS.get(data.get("reason"), data.get("reason", "")),
        }
    if entry.action == LOCKED_OUT:
        return _("Login terkunci setelah terlalu banyak kata sandi salah")
    if entry.action == ROLE:
        if data.get("old_role"):
            return _("Peran diubah dari %(old)s menjadi %(new)s (%(unit)s)") % {
                "old": data["old_role"],
                "new": data.get("role"),
                "unit": data.get("work_unit"),
            }
        return _("Peran diberikan: %(new)s (%(unit)s)") % {
            "new": data.get("role"),
            "unit": data.get("work_unit"),
        }
    if entry.action == APPROVED:
        return _("Akses SSO disetujui")
    if entry.action == DISABLED:
        return _("Akun dinonaktifkan")
    if entry.action == ENABLED:
        return _("Akun diaktifkan kembali")
    if entry.action == DELETE_REFUSED:
        return _("Penghapusan akun ditolak (akun hanya dapat dinonaktifkan)")
    return entry.action


LABELS = {
    LOGIN: _("Masuk"),
    LOGIN_FAILED: _("Gagal masuk"),
    LOCKED_OUT: _("Login terkunci"),
    ROLE: _("Peran diubah"),
    APPROVED: _("Akses SSO disetujui"),
    DISABLED: _("Akun dinonaktifkan"),
    ENABLED: _("Akun diaktifkan"),
    DELETE_REFUSED: _("Penghapusan akun ditolak"),
}


def register_actions(actions):
    for action, label in LABELS.items():
        actions.register_action(action)(type("F", (AccountFormatter,), {"label": label}))
