"""Admin forms: the phenomenon form applies the input rules; user forms give one role."""

from django import forms
from django.contrib.auth.models import Group
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.users.forms import UserCreationForm, UserEditForm

from . import limits, services
from .duplicates.forms import DuplicateCheckFormMixin
from .models import Role, Subject, WorkUnit
from .roles import ROLE_NAMES, assign_role, get_profile
from .rules import (
    keyword_errors,
    month_label,
    number,
    offered_choices,
    text_length,
    today,
)


class MonthInput(forms.DateInput):
    input_type = "month"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m")


class ThemeSelect(forms.Select):
    """Themes grouped by subject; each option says its subject (``data-subject``) so that
    theme-filter.js offers only the themes of the chosen subject. Without JavaScript all
    groups stay, and the server checks that the theme belongs to the subject."""

    subject_of: dict = {}

    class Media:
        js = ["phenomena/js/theme-filter.js"]

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        option = super().create_option(name, value, label, selected, index, subindex, attrs)
        subject = self.subject_of.get(str(value))
        if subject is not None:
            option["attrs"]["data-subject"] = subject
        return option


def offer_only(form, name, queryset, stored=None):
    """Offer only `queryset` in the widget of `form`'s model choice field `name`, plus the
    stored value and the submitted one, so that a form shown again never blanks a choice.
    Validation still accepts every value, so that a refused choice gets the rules'
    explanation rather than "not one of the available choices"."""
    if name not in form.fields:
        return
    field = form.fields[name]
    submitted = form.data.get(form.add_prefix(name)) if form.is_bound else None
    keep = [pk for pk in (stored, submitted) if pk and str(pk).isdigit()]
    if keep:
        queryset = queryset | field.queryset.filter(pk__in=keep)
    offered = forms.ModelChoiceField(queryset.distinct(), empty_label=field.empty_label)
    field.widget.choices = offered.choices


def freeze_choices(form) -> None:
    """Read each model choice list of `form` once, into a list: a model choice widget runs
    its query (a server-side cursor on PostgreSQL) each time its choices are iterated, and
    the admin iterates them more than once per form. Validation still uses the querysets."""
    for field in form.fields.values():
        widget = field.widget
        choices = getattr(widget, "choices", None)
        if isinstance(choices, forms.models.ModelChoiceIterator):
            # Not list(choices): that counts the rows first, then opens a cursor.
            empty = choices.field.empty_label
            frozen = [("", empty)] if empty is not None else []
            frozen += [choices.choice(obj) for obj in choices.queryset]
            widget.choices = frozen


# The user guide (help app, page /bantuan/): the section each field's "?" link opens.
HELP_URL = "/bantuan/"
HELP_ANCHORS = {
    "title": "judul-narasi",
    "narrative": "judul-narasi",
    "source_type": "memilih-sumber",
    "outlet": "sumber-kredibel",
    "url": "sumber-kredibel",
    "source_date": "memilih-sumber",
    "reference_period": "memilih-sumber",
    "scope": "cakupan-wilayah",
    "area": "cakupan-wilayah",
    "subject": "subjek-tema",
    "theme": "subjek-tema",
    "keywords": "kata-kunci",
    "indicator": "indikator",
    "direction": "indikator",
}


def add_help_links(fields) -> None:
    """Append a "?" link to the user guide's section to each field's help text."""
    for name, anchor in HELP_ANCHORS.items():
        field = fields.get(name)
        if field is None:
            continue
        field.help_text = format_html(
            '{} <a class="simfoni-help-link" href="{}#{}" target="_blank" rel="noopener" '
            'title="{}">?</a>',
            field.help_text or "",
            HELP_URL,
            anchor,
            gettext("Bantuan"),
        )


class PhenomenonSourceForm(WagtailAdminModelForm):
    """One source row: offers only the source types and outlets the user may choose."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        add_help_links(self.fields)
        choices = offered_choices(self.for_user) if self.for_user is not None else None
        if choices is not None:
            offer_only(self, "source_type", choices.source_types, self.instance.source_type_id)
            offer_only(self, "outlet", choices.outlets, self.instance.outlet_id)
        freeze_choices(self)


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
        fields = self.fields
        if "theme" in fields:
            choices, subject_of = self._grouped_theme_choices()
            widget = ThemeSelect(attrs={"data-subject-field": "subject"})
            widget.subject_of = subject_of
            widget.is_required = fields["theme"].required
            fields["theme"].widget = widget
            fields["theme"].choices = choices
        self._describe_limits()
        add_help_links(fields)
        offered = offered_choices(self.for_user) if self.for_user is not None else None
        if offered is not None:
            if offered.scopes is not None:
                offer_only(self, "scope", offered.scopes, self.instance.scope_id)
            if offered.areas is not None:
                offer_only(self, "area", offered.areas, self.instance.area_id)
        freeze_choices(self)

    @staticmethod
    def _grouped_theme_choices():
        choices = [("", "---------")]
        subject_of = {}
        for subject in Subject.objects.prefetch_related("themes"):
            themes = list(subject.themes.all())
            choices.append((subject.label, [(t.pk, t.name) for t in themes]))
            subject_of.update({str(t.pk): str(subject.pk) for t in themes})
        return choices, subject_of

    def _describe_limits(self):
        """Help texts that give the limits (`phenomena.limits`)."""
        fields = self.fields
        help_texts = {
            "title": _("Satu kalimat tanpa baris baru, paling banyak %(max)s karakter.")
            % {"max": number(limits.TITLE_MAX_CHARS)},
            "narrative": _(
                "Uraian fenomena: apa yang terjadi, angka, penyebab, dampaknya. "
                "Paling banyak %(max)s karakter."
            )
            % {"max": number(limits.NARRATIVE_MAX_CHARS)},
            "keywords": _(
                "Pisahkan dengan koma, mis. inflasi, cabai merah. Paling banyak %(count)s kata "
                "kunci, masing-masing paling panjang %(chars)s karakter."
            )
            % {"count": limits.KEYWORDS_MAX, "chars": limits.KEYWORD_MAX_CHARS},
            "reference_period": _(
                "Bulan dan tahun yang dijelaskan fenomena ini, dari %(min)s sampai bulan ini."
            )
            % {"min": month_label(limits.REFERENCE_PERIOD_MIN)},
        }
        for name, text in help_texts.items():
            if name in fields:
                fields[name].help_text = text
        if "reference_period" in fields:
            fields["reference_period"].widget.attrs.update(
                min=limits.REFERENCE_PERIOD_MIN.strftime("%Y-%m"), max=today().strftime("%Y-%m")
            )

    def clean_keywords(self):
        keywords = self.cleaned_data.get("keywords") or []
        messages = keyword_errors(keywords)
        if messages:
            raise forms.ValidationError(messages[0])
        return keywords

    def is_valid(self):
        """The form's own validation, then the services' input rules and duplicate check
        (`phenomena.services`), their messages on the right fields and source rows."""
        valid = super().is_valid()
        user = self.for_user
        if user is None:
            return valid
        rows = self.source_rows()
        errors = services.input_rule_errors(user, self.instance, [s for _f, s in rows])
        if errors:
            self.add_service_errors(errors, rows)
            valid = False
        # An over-long text is refused anyway; comparing it with every phenomenon is wasted time.
        too_long = text_length(self.instance.narrative) > limits.NARRATIVE_MAX_CHARS
        if not too_long and not self.apply_duplicate_check():
            valid = False
        return valid and not self.errors

    def save(self, commit=True):
        instance = super().save(commit=False)
        services.stamp_author(self.for_user, instance)
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
