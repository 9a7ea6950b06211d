from django import forms
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from phenomena.roles import role_of

from .delivery import channel_for
from .kinds import KINDS, kinds_for_role
from .models import NotificationPreference


def kinds_for_user(user):
    role = role_of(user)
    if role is None and user.is_superuser:
        return list(KINDS.values())
    return kinds_for_role(role)


class PreferencesForm(forms.Form):
    """One choice per kind of notification the user's role receives. A kind that cannot be
    turned off does not offer "off", so posting it anyway is refused."""

    def __init__(self, user, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        for kind in kinds_for_user(user):
            help_text = kind.help_text
            if not kind.optional:
                help_text = _("Tidak dapat dinonaktifkan.")
            self.fields[kind.code] = forms.ChoiceField(
                label=kind.label,
                choices=kind.channel_choices(),
                initial=channel_for(user, kind.code),
                help_text=help_text,
                widget=forms.RadioSelect,
                error_messages={
                    "invalid_choice": _("Pilihan tidak tersedia untuk notifikasi ini."),
                    "required": _("Pilih salah satu saluran."),
                },
            )

    @transaction.atomic
    def save(self):
        for code, channel in self.cleaned_data.items():
            NotificationPreference.objects.update_or_create(
                user=self.user, kind=code, defaults={"channel": channel}
            )
