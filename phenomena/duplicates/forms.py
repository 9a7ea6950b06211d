"""The duplicate check of the admin phenomenon form: a URL match blocks, a near match warns.

The check and its messages are the services' (``phenomena.services.find_duplicates``,
``duplicate_errors``, ``record_not_duplicate``); this mixin puts them on the form's fields.

A warning is lifted when the operator ticks "Bukan duplikat" and gives a short reason; the
decision is recorded (``DuplicateDecision``) for the supervisor.  Whatever the outcome, the
form is re-rendered with everything typed, and ``duplicate_matches`` is shown by the
``DuplicatesPanel``.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from .. import services


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

    def source_rows(self):
        """The posted source rows that are kept: (row form, ``services.SourceData``)."""
        formset = getattr(self, "formsets", {}).get("sources")
        rows = []
        for form in formset.forms if formset is not None else []:
            data = getattr(form, "cleaned_data", None)
            if not data or data.get("DELETE"):
                continue
            source = services.SourceData(
                source_type=data.get("source_type"),
                outlet=data.get("outlet"),
                url=data.get("url") or "",
                source_date=data.get("source_date"),
            )
            rows.append((form, source))
        return rows

    def add_service_errors(self, errors, rows) -> None:
        """Put the services' field-keyed ``errors`` on this form's fields and source rows,
        each message once."""
        for key, messages in errors.items():
            target, name = self, key
            if key.startswith("sources-"):
                index, _sep, name = key.removeprefix("sources-").partition("-")
                if not index.isdigit() or int(index) >= len(rows):
                    continue
                target = rows[int(index)][0]
            elif key == "__all__" or key not in self.fields:
                name = None
            for message in messages:
                existing = (
                    target.non_field_errors() if name is None else target.errors.get(name, [])
                )
                if message not in existing:
                    target.add_error(name, message)

    def apply_duplicate_check(self) -> bool:
        """Run the services' duplicate check on the submitted content; False when saving
        must stop."""
        instance = self.instance
        if not (instance.title or instance.narrative) or self.for_user is None:
            return True
        rows = self.source_rows()
        urls = [source.url for _form, source in rows]
        if self.duplicate_matches is None:
            self.duplicate_matches = services.find_duplicates(instance, urls)
        errors = services.duplicate_errors(
            self.duplicate_matches,
            urls,
            not_duplicate=bool(self.cleaned_data.get("not_duplicate")),
            reason=self.cleaned_data.get("not_duplicate_reason") or "",
        )
        for index, (form, _source) in enumerate(rows):
            if "url" in form.errors:  # the row's own URL error says enough
                errors.pop(services.source_field(index, "url"), None)
        self.add_service_errors(errors, rows)
        return not errors

    def record_duplicate_decisions(self, instance):
        """Record "bukan duplikat" for each near match the operator overrode."""
        if instance.pk is None or not self.is_bound or not hasattr(self, "cleaned_data"):
            return
        if not self.cleaned_data.get("not_duplicate"):
            return
        services.record_not_duplicate(
            self.for_user,
            instance,
            self.duplicate_matches,
            self.cleaned_data.get("not_duplicate_reason") or "",
        )
