"""Stored summary versions per theme and reference month (optionally per kab/kota or release).

Every run is a row: a successful one becomes the current version of its scope; a failed one
records the error and the tokens spent and leaves the previous version in place.
"""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from phenomena.models import ReleaseDate, Scope, Theme


class SummaryQuerySet(models.QuerySet):
    def ok(self):
        return self.filter(status=ThemeSummary.Status.OK)

    def for_scope(self, theme, month, area=None, release=None):
        return self.filter(
            theme=theme,
            reference_month=month,
            area=area,
            release=release,
        )

    def current(self, theme, month, area=None, release=None):
        """The newest successful version of one scope, or None."""
        return (
            self.ok().for_scope(theme, month, area, release).order_by("-created_at", "-pk").first()
        )


class ThemeSummary(models.Model):
    class Status(models.TextChoices):
        OK = "ok", _("Berhasil")
        FAILED = "failed", _("Gagal")

    theme = models.ForeignKey(
        Theme, verbose_name=_("tema"), on_delete=models.CASCADE, related_name="summaries"
    )
    reference_month = models.DateField(_("bulan referensi"), db_index=True)
    area = models.ForeignKey(
        Scope,
        verbose_name=_("kabupaten/kota"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    release = models.ForeignKey(
        ReleaseDate,
        verbose_name=_("rilis ARC"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="summaries",
    )
    text = models.TextField(_("ringkasan"), blank=True)
    # [{"text": str, "cites": [phenomenon id, ...]}, ...]
    statements = models.JSONField(_("pernyataan"), default=list, blank=True)
    # [{"text": str, "cites": [...], "kind": str, "areas": [area code, ...]}, ...] (3–5)
    recommendations = models.JSONField(_("rekomendasi"), default=list, blank=True)
    provider = models.CharField(_("penyedia"), max_length=40)
    model = models.CharField(_("model"), max_length=80, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices)
    error = models.TextField(_("galat"), blank=True)
    attempt = models.PositiveSmallIntegerField(_("percobaan ke"), default=1)
    phenomenon_count = models.PositiveIntegerField(_("jumlah fenomena"), default=0)
    prompt_tokens = models.PositiveIntegerField(_("token prompt"), default=0)
    completion_tokens = models.PositiveIntegerField(_("token jawaban"), default=0)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("diminta oleh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # Of the phenomena and provider the run used: an unchanged scope is not summarised again.
    fingerprint = models.CharField(max_length=32, blank=True, editable=False)
    created_at = models.DateTimeField(_("dibuat"), default=timezone.now, db_index=True)

    objects = SummaryQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("ringkasan tema")
        verbose_name_plural = pgettext_lazy("jamak", "ringkasan tema")
        permissions = [("generate_themesummary", "Can generate theme summaries on demand")]
        indexes = [
            models.Index(fields=["theme", "reference_month", "status"], name="summary_scope_idx")
        ]

    def __str__(self):
        return f"{self.theme} {self.reference_month:%Y-%m}"

    @property
    def total_tokens(self) -> int:
        return self.prompt_tokens + self.completion_tokens

    @property
    def cited_ids(self) -> list[int]:
        seen: list[int] = []
        for item in [*self.statements, *self.recommendations]:
            for pk in item.get("cites", []):
                if pk not in seen:
                    seen.append(pk)
        return seen

    def search_url(self) -> str:
        month = f"{self.reference_month:%Y-%m}"
        url = reverse("search:search") + f"?theme={self.theme_id}"
        url += f"&period_from={month}&period_to={month}"
        if self.area_id:
            url += f"&area={self.area_id}"
        return url
