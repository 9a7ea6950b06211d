"""The duplicate check of the admin phenomenon form: a URL match blocks, a near match warns.

A warning is lifted when the operator ticks "Bukan duplikat" and gives a short reason; the
decision is recorded (``DuplicateDecision``) for the supervisor.  Whatever the outcome, the
form is re-rendered with everything typed, and ``duplicate_matches`` is shown by the
``DuplicatesPanel``.
"""

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .service import check_phenomenon, status_label

MSG_BLOCK = _(
    "Tautan bukti ini sudah tercatat pada fenomena “%(title)s” (%(status)s). Fenomena tidak "
    "disimpan agar tidak ganda. Tambahkan sumber Anda ke fenomena tersebut dengan tombol "
    "“Tambahkan sebagai sumber” di bagian Pemeriksaan duplikat, atau periksa kembali tautannya."
)
MSG_URL_FIELD = _("Tautan ini sudah dipakai fenomena “%(title)s”.")
MSG_WARN = _(
    "Fenomena ini mirip dengan fenomena yang sudah ada: “%(title)s” (%(status)s, kemiripan "
    "%(pct)s%%). Periksa bagian Pemeriksaan duplikat. Jika yakin bukan duplikat, centang "
    "“Bukan duplikat”, tulis alasannya, lalu simpan lagi."
)
MSG_REASON = _("Tulis alasan singkat mengapa fenomena ini bukan duplikat.")


class DuplicateCheckFormMixin(forms.Form):
    not_duplicate = forms.BooleanField(
        label=_("Bukan duplikat"),
        required=False,
        help_text=_("Centang jika Anda yakin fenomena ini berbeda dari yang mirip di atas."),
    )
    not_duplicate_reason = forms.CharField(
        label=_("Alasan bukan duplikat"),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Mis. periode atau wilayah berbeda, angka berbeda, kejadian lain."),
    )

    duplicate_matches = None

    def _source_urls(self):
        formset = getattr(self, "formsets", {}).get("sources")
        rows = []
        for form in formset.forms if formset is not None else []:
            data = getattr(form, "cleaned_data", None)
            if data and not data.get("DELETE") and data.get("url"):
                rows.append((form, data["url"]))
        return rows

    def apply_duplicate_check(self) -> bool:
        """Run the duplicate check on the submitted content; False when saving must stop."""
        instance = self.instance
        if not (instance.title or instance.narrative) or self.for_user is None:
            return True
        if self.duplicate_matches is None:
            rows = self._source_urls()
            self._url_forms = rows
            self.duplicate_matches = check_phenomenon(instance, urls=[u for _f, u in rows])
        ok = True
        blocks = [m for m in self.duplicate_matches if m.blocks]
        warns = [m for m in self.duplicate_matches if not m.blocks]
        if blocks:
            from simfoni_text.urls import canonical_url_or_blank

            ok = False
            for match in blocks:
                values = {"title": match.phenomenon.title, "status": status_label(match.phenomenon)}
                if MSG_BLOCK % values not in self.non_field_errors():
                    self.add_error(None, MSG_BLOCK % values)
                stored = {s.canonical_url for s in match.phenomenon.sources.all()}
                for form, url in self._url_forms:
                    if canonical_url_or_blank(url) in stored and "url" not in form.errors:
                        form.add_error("url", MSG_URL_FIELD % values)
        if warns and not self.cleaned_data.get("not_duplicate"):
            ok = False
            best = warns[0]
            message = MSG_WARN % {
                "title": best.phenomenon.title,
                "status": status_label(best.phenomenon),
                "pct": round(best.score * 100),
            }
            if message not in self.errors.get("not_duplicate", []):
                self.add_error("not_duplicate", message)
        elif warns and not (self.cleaned_data.get("not_duplicate_reason") or "").strip():
            ok = False
            if "not_duplicate_reason" not in self.errors:
                self.add_error("not_duplicate_reason", MSG_REASON)
        return ok

    def record_duplicate_decisions(self, instance):
        """Record "bukan duplikat" for each near match the operator overrode."""
        from ..models import DuplicateDecision

        if instance.pk is None or not self.is_bound or not hasattr(self, "cleaned_data"):
            return
        if not self.cleaned_data.get("not_duplicate"):
            return
        reason = (self.cleaned_data.get("not_duplicate_reason") or "").strip()
        for match in self.duplicate_matches or []:
            if match.blocks or match.phenomenon.pk == instance.pk:
                continue
            DuplicateDecision.objects.get_or_create(
                phenomenon_id=instance.pk,
                other_id=match.phenomenon.pk,
                kind=DuplicateDecision.Kind.NOT_DUPLICATE,
                defaults={
                    "reason": reason or gettext("(tanpa alasan)"),
                    "score": match.score,
                    "decided_by": self.for_user,
                },
            )
