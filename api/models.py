"""API keys of the systems that read the API, and the removals an incremental sync reports."""

from __future__ import annotations

import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

KEY_PREFIX_CHARS = 8


def hash_key(raw: str) -> str:
    """SHA-256 of a key: keys are 256 random bits, so a fast hash is enough (no guessing)."""
    return hashlib.sha256(raw.encode()).hexdigest()


class ApiKeyQuerySet(models.QuerySet):
    def active(self):
        return self.filter(revoked_at__isnull=True)


class ApiKey(models.Model):
    """The key of one consuming system. Only its hash is stored; the key is shown once."""

    name = models.CharField(
        _("sistem pengguna"),
        max_length=120,
        unique=True,
        help_text=_("Nama sistem yang memakai kunci ini, mis. Dasbor Neraca Wilayah."),
    )
    note = models.TextField(_("catatan"), blank=True)
    prefix = models.CharField(_("awalan kunci"), max_length=KEY_PREFIX_CHARS, editable=False)
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    rate_limit = models.PositiveIntegerField(
        _("batas permintaan per menit"),
        null=True,
        blank=True,
        help_text=_("Kosongkan untuk memakai batas bawaan (pengaturan API_RATE_LIMIT)."),
    )
    created_at = models.DateTimeField(_("dibuat"), default=timezone.now, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("dibuat oleh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    last_used_at = models.DateTimeField(
        _("terakhir dipakai"), null=True, blank=True, editable=False
    )
    revoked_at = models.DateTimeField(_("dicabut"), null=True, blank=True, editable=False)

    objects = ApiKeyQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("kunci API")
        verbose_name_plural = pgettext_lazy("jamak", "kunci API")
        default_permissions = ()
        permissions = [("manage_apikey", "Can issue and revoke API keys")]

    def __str__(self):
        return self.name

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None

    def issue(self) -> str:
        """Give this key a new secret (not saved); returns the key to show once."""
        raw = "sfk_" + secrets.token_urlsafe(32)
        self.prefix = raw[4 : 4 + KEY_PREFIX_CHARS]
        self.key_hash = hash_key(raw)
        return raw

    def revoke(self):
        if self.revoked_at is None:
            self.revoked_at = timezone.now()
            self.save(update_fields=["revoked_at"])


class Removal(models.Model):
    """A phenomenon that left the API (unpublished, merged or deleted): a tombstone, so that
    ``updated_since`` tells a mirror to delete it. Forgotten when it is approved again."""

    class Reason(models.TextChoices):
        UNPUBLISHED = "unpublished", _("Persetujuan dicabut")
        MERGED = "merged", _("Digabungkan")
        DELETED = "deleted", _("Dihapus")

    phenomenon_id = models.BigIntegerField(_("fenomena"), unique=True)
    reason = models.CharField(_("alasan"), max_length=20, choices=Reason.choices)
    merged_into_id = models.BigIntegerField(_("digabungkan ke"), null=True, blank=True)
    removed_at = models.DateTimeField(_("waktu"), default=timezone.now, db_index=True)

    class Meta:
        ordering = ["removed_at", "phenomenon_id"]
        verbose_name = _("fenomena yang ditarik")
        verbose_name_plural = pgettext_lazy("jamak", "fenomena yang ditarik")

    def __str__(self):
        return f"#{self.phenomenon_id} ({self.reason})"
