"""A dossier per ARC release: its reference period, the phenomena picked (ordered, annotated,
with the direction the statistician confirms), the explanatory paragraph and its share links."""

import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from phenomena.models import Direction, Phenomenon, ReleaseDate


class Dossier(models.Model):
    release = models.OneToOneField(
        ReleaseDate,
        verbose_name=_("rilis"),
        on_delete=models.CASCADE,
        related_name="dossier",
    )
    title = models.CharField(_("judul"), max_length=250)
    period_start = models.DateField(_("periode referensi dari"))
    period_end = models.DateField(_("periode referensi sampai"))
    paragraph = models.TextField(_("paragraf penjelasan"), blank=True)
    # Who wrote the paragraph: "" (nobody yet), "manual", or the provider's name when it was
    # generated and accepted as is.
    paragraph_source = models.CharField(_("asal paragraf"), max_length=60, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("dibuat oleh"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("diubah oleh"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("dibuat"), default=timezone.now)
    updated_at = models.DateTimeField(_("diubah"), auto_now=True)

    class Meta:
        ordering = ["-release__date"]
        verbose_name = _("berkas rilis")
        verbose_name_plural = pgettext_lazy("jamak", "berkas rilis")
        permissions = [("compose_dossier", "Can compose and share release dossiers")]

    def __str__(self):
        return self.title

    @property
    def indicator(self):
        return self.release.indicator

    def cited_items(self):
        """The picked phenomena still approved, in the statistician's order: what is cited."""
        return (
            self.items.filter(phenomenon__live=True)
            .select_related("phenomenon__area", "phenomenon__theme", "phenomenon__scope")
            .prefetch_related("phenomenon__sources__outlet", "phenomenon__sources__source_type")
            .order_by("position", "pk")
        )


class DossierItem(models.Model):
    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="items")
    phenomenon = models.ForeignKey(
        Phenomenon, verbose_name=_("fenomena"), on_delete=models.CASCADE, related_name="+"
    )
    position = models.PositiveSmallIntegerField(_("urutan"), default=0)
    direction = models.CharField(_("arah"), max_length=10, choices=Direction.choices, blank=True)
    note = models.TextField(_("catatan"), blank=True)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("fenomena dalam berkas")
        verbose_name_plural = pgettext_lazy("jamak", "fenomena dalam berkas")
        constraints = [
            models.UniqueConstraint(fields=["dossier", "phenomenon"], name="dossier_item_once")
        ]

    def __str__(self):
        return f"{self.dossier} — {self.phenomenon}"


def new_token() -> str:
    return secrets.token_urlsafe(32)


class ShareLink(models.Model):
    """A read-only link to a dossier for other work units: an unguessable token, revocable."""

    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="share_links")
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("dibuat"), default=timezone.now)
    revoked_at = models.DateTimeField(_("dicabut"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("tautan berbagi")
        verbose_name_plural = pgettext_lazy("jamak", "tautan berbagi")

    def __str__(self):
        return f"{self.dossier} ({self.created_at:%Y-%m-%d})"

    @property
    def active(self) -> bool:
        return self.revoked_at is None
