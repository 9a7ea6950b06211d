from django import forms
from django.utils.translation import gettext_lazy as _


class RejectForm(forms.Form):
    """Rejecting needs a reason: the author reads it, fixes the phenomenon and resubmits."""

    comment = forms.CharField(
        label=_("Alasan penolakan"),
        required=True,
        widget=forms.Textarea({"rows": 4}),
        help_text=_("Jelaskan apa yang harus diperbaiki penginput. Penginput membaca alasan ini."),
        error_messages={"required": _("Alasan penolakan wajib diisi.")},
    )

    def clean_comment(self):
        comment = self.cleaned_data["comment"].strip()
        if not comment:
            raise forms.ValidationError(_("Alasan penolakan wajib diisi."))
        return comment
