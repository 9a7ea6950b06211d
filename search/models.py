"""The search thesaurus: abbreviations and synonyms, data that admins edit.

Seeded from ``search/reference/thesaurus.csv`` (migration ``0004``); the kab/kota and month
abbreviations are not stored here, they are generated from the reference data by
:mod:`search.thesaurus`. A change is taken up by the next search in every process.
"""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

_SPLIT_RE = re.compile(r"[|,;\n]+")


def split_terms(text: str) -> list[str]:
    """The variants of a group as typed: separated by commas, ``|``, ``;`` or new lines."""
    seen: dict[str, None] = {}
    for part in _SPLIT_RE.split(text or ""):
        part = " ".join(part.split())
        if part and part.casefold() not in {k.casefold() for k in seen}:
            seen[part] = None
    return list(seen)


class SynonymGroup(models.Model):
    """Words and phrases that mean the same in a search (in both directions)."""

    class Kind(models.TextChoices):
        ABBREVIATION = "singkatan", _("Singkatan dan kepanjangan")
        SYNONYM = "sinonim", _("Sinonim")

    terms = models.TextField(
        _("kata dan frasa"),
        help_text=_(
            "Dipisah koma, misalnya: TPT, tingkat pengangguran terbuka. Mencari salah satunya "
            "menemukan semuanya."
        ),
    )
    kind = models.CharField(_("jenis"), max_length=20, choices=Kind.choices, default=Kind.SYNONYM)
    note = models.CharField(_("catatan"), max_length=200, blank=True)
    active = models.BooleanField(_("aktif"), default=True)
    updated_at = models.DateTimeField(_("diubah"), auto_now=True)

    class Meta:
        verbose_name = _("tesaurus pencarian")
        verbose_name_plural = _("tesaurus pencarian")
        ordering = ["kind", "terms"]

    def __str__(self):
        return " = ".join(split_terms(self.terms))

    def clean(self):
        from simfoni_text.analysis import analyse

        variants = split_terms(self.terms)
        searchable = [v for v in variants if analyse(v)]
        if len(searchable) < 2:
            raise ValidationError(
                {
                    "terms": _(
                        "Isikan paling sedikit dua kata atau frasa yang dapat dicari, dipisah koma."
                    )
                }
            )
        for variant in variants:
            if len(variant) > 100:
                raise ValidationError(
                    {"terms": _("Satu kata atau frasa paling panjang 100 karakter.")}
                )
        self.terms = ", ".join(variants)
