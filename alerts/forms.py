from django import forms
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from phenomena.roles import role_of

from .delivery import channel_for, frequency_for
from .kinds import KINDS, kinds_for_role
from .models import NotificationPreference

FREQUENCY_SUFFIX = "__frekuensi"


def kinds_for_user(user):
    role = role_of(user)
    if role is None and user.is_superuser:
        return list(KINDS.values())
    return kinds_for_role(role)


def _choice_field(label, choices, initial, help_text):
    return forms.ChoiceField(
        label=label,
        choices=choices,
        initial=initial,
        help_text=help_text,
        widget=forms.RadioSelect,
        error_messages={
            "invalid_choice": _("Pilihan tidak tersedia untuk notifikasi ini."),
            "required": _("Pilih salah satu."),
        },
    )


class PreferencesForm(forms.Form):
    """One choice per kind of notification the user's role receives. A kind that cannot be
    turned off does not offer "off", so posting it anyway is refused. A digest kind also asks
    how often (harian, mingguan, nonaktif); it is turned off there, not by its channel."""

    def __init__(self, user, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.kinds = kinds_for_user(user)
        for kind in self.kinds:
            help_text = kind.help_text
            if not kind.optional:
                help_text = _("Tidak dapat dinonaktifkan.")
            label = kind.label
            if kind.digest:
                self.fields[kind.code + FREQUENCY_SUFFIX] = _choice_field(
                    kind.label,
                    kind.frequency_choices(),
                    frequency_for(user, kind.code),
                    help_text,
                )
                label = _("%(kind)s: dikirim lewat") % {"kind": kind.label}
                help_text = ""
            self.fields[kind.code] = _choice_field(
                label, kind.channel_choices(), channel_for(user, kind.code), help_text
            )

    @transaction.atomic
    def save(self):
        for kind in self.kinds:
            values = {"channel": self.cleaned_data[kind.code]}
            if kind.digest:
                values["frequency"] = self.cleaned_data[kind.code + FREQUENCY_SUFFIX]
            NotificationPreference.objects.update_or_create(
                user=self.user, kind=kind.code, defaults=values
            )
