"""Each user's choice per kind of notification (moved from `reminders`, same table)."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from .kinds import KINDS, Channel, Frequency


class NotificationPreference(models.Model):
    """One user's channel for one kind of notification (no row = the kind's default), and for
    a digest kind how often it is sent (blank = the kind's default frequency)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_prefs"
    )
    kind = models.CharField(_("jenis"), max_length=40)
    channel = models.CharField(_("saluran"), max_length=10, choices=Channel.choices)
    frequency = models.CharField(
        _("frekuensi"), max_length=10, choices=Frequency.choices, blank=True, default=""
    )

    class Meta:
        # The table was created by the reminders app; the model moved here without a copy.
        db_table = "reminders_notificationpreference"
        verbose_name = _("preferensi notifikasi")
        verbose_name_plural = pgettext_lazy("jamak", "preferensi notifikasi")
        constraints = [
            models.UniqueConstraint(fields=["user", "kind"], name="notification_pref_unique")
        ]

    def __str__(self):
        return f"{self.user} — {self.kind}: {self.channel}"

    def clean(self):
        kind = KINDS.get(self.kind)
        if kind is None:
            raise ValidationError({"kind": _("Jenis notifikasi tidak dikenal.")})
        if self.channel == Channel.OFF and kind.digest:
            raise ValidationError(
                {"channel": _("Ringkasan dinonaktifkan lewat frekuensinya, bukan salurannya.")}
            )
        if self.channel == Channel.OFF and not kind.optional:
            raise ValidationError(
                {
                    "channel": _("Notifikasi „%(kind)s” tidak dapat dinonaktifkan.")
                    % {"kind": kind.label}
                }
            )
