from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class StaffIdentity(models.Model):
    """Who an account is at BPS: the staff id (NIP) single sign-on matches it by, and whether
    an account created by a first SSO login still waits for an admin's approval.

    Kept beside `phenomena.UserProfile` because an account waiting for approval has no role nor
    work unit yet (the profile requires both)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="staff_identity"
    )
    staff_id = models.CharField(
        _("NIP"),
        max_length=40,
        unique=True,
        null=True,
        blank=True,
        help_text=_("Nomor induk pegawai; SSO mencocokkan akun dengan nomor ini."),
    )
    awaiting_approval = models.BooleanField(_("menunggu persetujuan"), default=False)
    requested_at = models.DateTimeField(_("meminta akses"), null=True, blank=True)

    class Meta:
        verbose_name = _("identitas pegawai")
        verbose_name_plural = pgettext_lazy("jamak", "identitas pegawai")

    def __str__(self):
        return f"{self.user} ({self.staff_id or '-'})"
