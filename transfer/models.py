"""An import batch (one uploaded sheet, previewed then imported) and the fingerprints of the
rows it imported, so that importing the same rows again never doubles them."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class ImportBatch(models.Model):
    class Mode(models.TextChoices):
        APPROVED = "approved", _("Langsung disetujui (data historis)")
        SUBMIT = "submit", _("Diajukan untuk direview")

    class Status(models.TextChoices):
        PREVIEW = "preview", _("Pratinjau")
        IMPORTED = "imported", _("Diimpor")

    filename = models.CharField(_("nama berkas"), max_length=255)
    file_sha256 = models.CharField(_("sidik berkas"), max_length=64, db_index=True)
    content = models.BinaryField(_("isi berkas"), editable=False)
    mapping = models.JSONField(_("pemetaan kolom"), default=dict, blank=True)
    mode = models.CharField(_("status masuk"), max_length=10, choices=Mode.choices)
    status = models.CharField(
        _("tahap"), max_length=10, choices=Status.choices, default=Status.PREVIEW
    )
    as_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("atas nama"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("diimpor oleh"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    not_duplicate_reason = models.TextField(_("alasan bukan duplikat"), blank=True)
    created_at = models.DateTimeField(_("diunggah"), default=timezone.now)
    imported_at = models.DateTimeField(_("diimpor"), null=True, blank=True)
    summary = models.JSONField(_("ringkasan"), default=dict, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("batch impor")
        verbose_name_plural = pgettext_lazy("jamak", "batch impor")
        permissions = [
            ("import_phenomena", "Can import phenomena from spreadsheets"),
            ("export_collection", "Can export the whole collection"),
        ]

    def __str__(self):
        return f"#{self.pk} {self.filename}"


class ImportedRow(models.Model):
    """A row that became a phenomenon; its fingerprint is never imported twice."""

    batch = models.ForeignKey(ImportBatch, on_delete=models.CASCADE, related_name="rows")
    line = models.PositiveIntegerField(_("baris"))
    fingerprint = models.CharField(_("sidik baris"), max_length=64, unique=True)
    phenomenon = models.ForeignKey(
        "phenomena.Phenomenon",
        verbose_name=_("fenomena"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("baris diimpor")
        verbose_name_plural = pgettext_lazy("jamak", "baris diimpor")

    def __str__(self):
        return f"{self.batch_id}:{self.line}"
