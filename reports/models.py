"""Error reports on approved phenomena, and the last result of checking each source link."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from phenomena.models import Phenomenon


class ErrorReport(models.Model):
    """ "Laporkan kesalahan": one problem someone (or the dead-link check) saw in an approved
    phenomenon, routed to its reviewers and the admins, until one of them resolves it."""

    class Kind(models.TextChoices):
        WRONG_FIGURE = "angka", _("Angka salah")
        DEAD_LINK = "tautan", _("Tautan bukti mati")
        WRONG_CLASSIFICATION = "klasifikasi", _("Klasifikasi salah (subjek, tema, cakupan)")
        NOT_CREDIBLE = "kredibilitas", _("Sumber tidak kredibel")

    class Status(models.TextChoices):
        OPEN = "open", _("Terbuka")
        FIXED = "fixed", _("Diperbaiki")
        UNPUBLISHED = "unpublished", _("Penerbitan dibatalkan")
        DISMISSED = "dismissed", _("Ditolak")

    phenomenon = models.ForeignKey(
        Phenomenon,
        on_delete=models.CASCADE,
        related_name="error_reports",
        verbose_name=_("fenomena"),
    )
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("pelapor"),
        help_text=_("Kosong: dilaporkan oleh pemeriksaan tautan mingguan."),
    )
    kind = models.CharField(_("jenis"), max_length=20, choices=Kind.choices)
    description = models.TextField(_("uraian"), max_length=1000)
    url = models.CharField(_("tautan"), max_length=1000, blank=True)
    routed_to = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="routed_error_reports",
        verbose_name=_("diteruskan ke"),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.OPEN, db_index=True
    )
    resolution = models.TextField(_("catatan penyelesaian"), blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("diselesaikan oleh"),
    )
    resolved_at = models.DateTimeField(_("diselesaikan pada"), null=True, blank=True)
    created_at = models.DateTimeField(_("dilaporkan pada"), auto_now_add=True)

    class Meta:
        verbose_name = _("laporan kesalahan")
        verbose_name_plural = _("laporan kesalahan")
        ordering = ["-created_at", "-pk"]
        permissions = [("resolve_errorreport", "Can resolve error reports")]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.phenomenon}"

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.OPEN


class LinkCheck(models.Model):
    """The last check of one source link of an approved phenomenon."""

    phenomenon = models.ForeignKey(Phenomenon, on_delete=models.CASCADE, related_name="+")
    url = models.CharField(max_length=1000)
    ok = models.BooleanField(default=True)
    status_code = models.PositiveIntegerField(null=True, blank=True)
    error = models.CharField(max_length=200, blank=True)
    failures = models.PositiveIntegerField(default=0)  # checks in a row that failed
    checked_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["phenomenon", "url"], name="reports_linkcheck_once")
        ]

    def __str__(self):
        return f"{self.url}: {'ok' if self.ok else self.error or self.status_code}"
