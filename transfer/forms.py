from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from .importer import max_bytes
from .models import ImportBatch
from .reading import FIELDS, IGNORE

ALLOWED_EXTENSIONS = (".csv", ".xlsx")
XLSX_MAGIC = b"PK\x03\x04"


def input_users():
    """Accounts that may input phenomena (the import is attributed to one of them)."""
    users = (
        get_user_model()
        .objects.filter(is_active=True, simfoni_profile__isnull=False)
        .select_related("simfoni_profile__work_unit")
        .order_by("username")
    )
    return [u.pk for u in users if u.has_perm("phenomena.add_phenomenon")]


class UserChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        profile = obj.simfoni_profile
        name = obj.get_full_name() or obj.username
        return f"{name} ({obj.username}) — {profile.get_role_display()}, {profile.work_unit}"


class UploadForm(forms.Form):
    file = forms.FileField(
        label=_("Berkas CSV atau XLSX"),
        help_text=_("Unduh Google Sheet sebagai CSV atau XLSX. Hanya lembar pertama yang dibaca."),
    )
    as_user = UserChoice(
        label=_("Atas nama penginput"),
        queryset=get_user_model().objects.none(),
        help_text=_(
            "Fenomena tercatat sebagai input akun ini dan satuan kerjanya; aturan input akun "
            "ini berlaku (mis. media yang dialokasikan). Pilih akun Anda sendiri untuk data "
            "historis dari banyak satuan kerja."
        ),
    )
    mode = forms.ChoiceField(
        label=_("Masuk sebagai"), choices=ImportBatch.Mode.choices, widget=forms.RadioSelect
    )
    not_duplicate_reason = forms.CharField(
        label=_("Impor juga yang hanya mirip, dengan alasan"),
        required=False,
        max_length=500,
        help_text=_(
            "Kosongkan agar baris yang mirip fenomena lain ditolak sebagai kemungkinan duplikat. "
            "Tautan yang sama selalu ditolak."
        ),
    )

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["as_user"].queryset = get_user_model().objects.filter(pk__in=input_users())
        if user is not None and not self.is_bound:
            self.initial.setdefault("as_user", user.pk)
            self.initial.setdefault("mode", ImportBatch.Mode.APPROVED)

    def clean_file(self):
        upload = self.cleaned_data["file"]
        name = upload.name.lower()
        if not name.endswith(ALLOWED_EXTENSIONS):
            raise forms.ValidationError(
                _("Jenis berkas tidak didukung. Unggah berkas .csv atau .xlsx.")
            )
        if upload.size > max_bytes():
            raise forms.ValidationError(
                _("Berkas terlalu besar: %(size)s MB; paling besar %(max)s MB.")
                % {
                    "size": round(upload.size / 1048576, 1),
                    "max": round(max_bytes() / 1048576, 1),
                }
            )
        head = upload.read(4)
        upload.seek(0)
        if name.endswith(".xlsx") and head != XLSX_MAGIC:
            raise forms.ValidationError(_("Berkas ini bukan XLSX yang sah."))
        if name.endswith(".csv") and head.startswith(XLSX_MAGIC):
            raise forms.ValidationError(
                _("Berkas ini XLSX yang diberi nama .csv; ganti namanya menjadi .xlsx.")
            )
        return upload


class MappingForm(forms.Form):
    """One select per column of the sheet: the field it feeds, or ignored."""

    def __init__(self, *args, headers=(), columns=None, **kwargs):
        super().__init__(*args, **kwargs)
        choices = [(IGNORE, _("— abaikan —")), *FIELDS.items()]
        for index, header in enumerate(headers):
            if not str(header).strip():
                continue
            self.fields[f"col_{index}"] = forms.ChoiceField(
                label=header, choices=choices, required=False
            )
            self.initial[f"col_{index}"] = (columns or {}).get(index, IGNORE)

    def mapping(self) -> dict[str, str]:
        return {name.removeprefix("col_"): value for name, value in self.cleaned_data.items()}
