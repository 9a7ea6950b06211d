"""What was already sent, extra holidays, and the scraper's last runs."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django_q.models import Schedule


class SentReminder(models.Model):
    """A reminder already sent: (user, kind, key) is sent at most once.

    The key names the occasion, e.g. the ISO week of a weekly summary or the indicator and
    release date of an ARC reminder. The row is created in the same transaction as the in-app
    notification (and just before the e-mail), so a job that runs twice sends nothing twice and
    a job that dies half-way resends only what was not sent.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="sent_reminders"
    )
    kind = models.CharField(_("jenis"), max_length=40)
    key = models.CharField(_("kunci"), max_length=200)
    channels = models.CharField(_("saluran"), max_length=20, blank=True)
    sent_at = models.DateTimeField(_("dikirim"), auto_now_add=True)

    class Meta:
        verbose_name = _("pengingat terkirim")
        verbose_name_plural = pgettext_lazy("jamak", "pengingat terkirim")
        ordering = ["-sent_at"]
        constraints = [
            models.UniqueConstraint(fields=["user", "kind", "key"], name="sent_reminder_once")
        ]

    def __str__(self):
        return f"{self.kind} {self.key} → {self.user}"


class Holiday(models.Model):
    """A day without daily reminders, in addition to the national public holidays
    (the `holidays` package): cuti bersama, local holidays, office closures."""

    date = models.DateField(_("tanggal"), unique=True)
    name = models.CharField(_("keterangan"), max_length=120)

    class Meta:
        ordering = ["-date"]
        verbose_name = _("hari libur tambahan")
        verbose_name_plural = pgettext_lazy("jamak", "hari libur tambahan")

    def __str__(self):
        return f"{self.date:%d-%m-%Y} {self.name}"


class ScrapeStatus(models.Model):
    """The web scraper's last runs (one row). The future `scrape` app records its runs here
    through `reminders.scrape.record_scrape_success` / `notify_scrape_failed`."""

    last_success_at = models.DateTimeField(_("terakhir berhasil"), null=True, blank=True)
    last_failure_at = models.DateTimeField(_("terakhir gagal"), null=True, blank=True)
    last_failure_info = models.TextField(_("keterangan kegagalan"), blank=True)

    class Meta:
        verbose_name = _("status web scraping")
        verbose_name_plural = pgettext_lazy("jamak", "status web scraping")

    def __str__(self):
        return str(self._meta.verbose_name)

    @classmethod
    def get(cls) -> "ScrapeStatus":
        return cls.objects.get_or_create(pk=1)[0]


class TaskSchedule(Schedule):
    """django-q's schedules under SIMFONI's names and permissions, for the admin screens."""

    class Meta:
        proxy = True
        verbose_name = _("jadwal tugas")
        verbose_name_plural = pgettext_lazy("jamak", "jadwal tugas")

    def __str__(self):
        return self.name or self.func
