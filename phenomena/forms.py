"""Admin forms: the phenomenon form applies the input rules; user forms give one role."""

from django import forms
from django.contrib.auth.models import Group
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.users.forms import UserCreationForm, UserEditForm

from .duplicates.forms import DuplicateCheckFormMixin
from .models import Role, Subject, WorkUnit
from .roles import ROLE_NAMES, assign_role, get_profile
from .rules import SourceInput, input_errors, source_errors


class MonthInput(forms.DateInput):
    input_type = "month"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m")


class PhenomenonForm(DuplicateCheckFormMixin, WagtailAdminModelForm):
    reference_period = forms.DateField(
        label=_("Periode referensi"),
        widget=MonthInput(),
        input_formats=["%Y-%m", "%m/%Y", "%Y-%m-%d", "%d/%m/%Y"],
        help_text=_("Bulan dan tahun yang dijelaskan fenomena ini."),
        error_messages={"invalid": _("Isi bulan dan tahun, mis. 2026-10.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "theme" in self.fields:
            self.fields["theme"].choices = self._grouped_theme_choices()

    @staticmethod
    def _grouped_theme_choices():
        choices = [("", "---------")]
        for subject in Subject.objects.prefetch_related("themes"):
            choices.append((subject.label, [(t.pk, t.name) for t in subject.themes.all()]))
        return choices

    def is_valid(self):
        valid = super().is_valid()
        user = self.for_user
        if user is None:
            return valid
        formset = self.formsets.get("sources")
        for form in formset.forms if formset is not None else []:
            data = getattr(form, "cleaned_data", None)
            if not data or data.get("DELETE"):
                continue
            source = SourceInput(
                source_type=data.get("source_type"),
                outlet=data.get("outlet"),
                url=data.get("url", ""),
                source_date=data.get("source_date"),
            )
            for field, messages in source_errors(user, source).items():
                for message in messages:
                    form.add_error(field, message)
                valid = False
        for field, messages in input_errors(user, self.instance).items():
            for message in messages:
                self.add_error(field if field in self.fields else None, message)
            valid = False
        if not self.apply_duplicate_check():
            valid = False
        return valid and not self.errors

    def save(self, commit=True):
        instance = super().save(commit=False)
        if instance.author_id is None and self.for_user is not None:
            instance.author = self.for_user
            profile = get_profile(self.for_user)
            instance.work_unit = profile.work_unit if profile else None
        if commit:
            instance.save()
            self.save_m2m()
        self.record_duplicate_decisions(instance)
        return instance


class RoleFieldsMixin(forms.Form):
    """One role (radio buttons) and one work unit replace the role groups of Wagtail's form."""

    role = forms.ChoiceField(label=_("Peran"), choices=Role.choices, widget=forms.RadioSelect)
    work_unit = forms.ModelChoiceField(
        label=_("Satuan kerja"), queryset=WorkUnit.objects.all(), empty_label=None
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields.pop("is_superuser", None)
        if "groups" in self.fields:
            self.fields["groups"].queryset = Group.objects.exclude(name__in=ROLE_NAMES)
            self.fields["groups"].label = _("Grup tambahan (bukan peran)")
        profile = get_profile(self.instance) if self.instance.pk else None
        if profile:
            self.initial.setdefault("role", profile.role)
            self.initial.setdefault("work_unit", profile.work_unit_id)

    def clean(self):
        cleaned = super().clean()
        role, unit = cleaned.get("role"), cleaned.get("work_unit")
        if role == Role.ADMIN and unit is not None and unit.is_kabkota:
            self.add_error("work_unit", _("Admin hanya ada di tingkat provinsi."))
        return cleaned

    def save(self, commit=True):
        user = super().save(commit=False)
        user.save()
        roles_kept = list(user.groups.filter(name__in=ROLE_NAMES))
        user.groups.set([*self.cleaned_data.get("groups", []), *roles_kept])
        assign_role(user, self.cleaned_data["role"], self.cleaned_data["work_unit"])
        return user


class SimfoniUserCreationForm(RoleFieldsMixin, UserCreationForm):
    pass


class SimfoniUserEditForm(RoleFieldsMixin, UserEditForm):
    pass
