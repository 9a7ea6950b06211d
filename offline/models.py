from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ReceivedForm(models.Model):
    """A phenomenon form received and stored: the browser's token for that one form.

    The form's script gives each form it keeps a copy of a random token (hidden field
    `isian_token`); the create view records it in the same transaction as the phenomenon, so a
    form sent again (after a lost connection, from the list of unsent drafts) is recognised
    and leads to the phenomenon already stored instead of a second one."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("Pengguna"),
    )
    token = models.CharField(_("Token isian"), max_length=64)
    phenomenon = models.ForeignKey(
        "phenomena.Phenomenon",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("Fenomena"),
    )
    received_at = models.DateTimeField(_("Diterima"), auto_now_add=True)

    class Meta:
        verbose_name = _("Isian diterima")
        verbose_name_plural = _("Isian diterima")
        constraints = [
            models.UniqueConstraint(fields=["user", "token"], name="offline_one_receipt_per_token")
        ]

    def __str__(self):
        return f"{self.token} → {self.phenomenon_id}"
