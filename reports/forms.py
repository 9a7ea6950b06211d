from django import forms
from django.utils.translation import gettext_lazy as _

from .models import ErrorReport
from .services import DESCRIPTION_MAX, DISMISS, FIX, UNPUBLISH


class ReportForm(forms.Form):
    kind = forms.ChoiceField(label=_("Jenis kesalahan"), choices=ErrorReport.Kind.choices)
    description = forms.CharField(
        label=_("Uraian singkat"),
        max_length=DESCRIPTION_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "Apa yang salah dan, jika tahu, yang benar (mis. angka yang benar, tautan yang "
            "masih hidup)."
        ),
    )


class ResolveForm(forms.Form):
    action = forms.ChoiceField(
        label=_("Tindakan"),
        widget=forms.RadioSelect,
        choices=[
            (FIX, _("Sudah diperbaiki")),
            (UNPUBLISH, _("Batalkan penerbitan fenomena")),
            (DISMISS, _("Tolak laporan")),
        ],
    )
    note = forms.CharField(
        label=_("Catatan / alasan"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Wajib untuk membatalkan penerbitan dan menolak laporan; dikirim ke pelapor."),
    )
