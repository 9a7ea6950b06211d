"""Admin screens: the task schedules (django-q2), extra holidays, reminders sent."""

from django import forms
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from django_q.models import Task
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from .models import Holiday, SentReminder, TaskSchedule
from .schedules import SCHEDULES

# The SIMFONI tasks a schedule may run, named as in reminders.schedules.SCHEDULES (the one list
# of tasks: a new task's Plan there appears in this dropdown too).
TASK_FUNCTIONS = [(plan.func, plan.name) for plan in SCHEDULES]


def task_label(func: str) -> str:
    return str(dict(TASK_FUNCTIONS).get(func, func))


class ScheduleForm(forms.ModelForm):
    """The function is chosen from SIMFONI's tasks (TASK_FUNCTIONS), not typed as a path."""

    func = forms.ChoiceField(
        label=_("Fungsi"),
        choices=TASK_FUNCTIONS,
        help_text=_("Tugas SIMFONI yang dijalankan jadwal ini."),
        error_messages={"invalid_choice": _("Pilih salah satu tugas SIMFONI dari daftar.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        current = self.instance.func if self.instance and self.instance.pk else ""
        if current and current not in dict(TASK_FUNCTIONS):
            # an older schedule keeps its function until someone chooses another
            self.fields["func"].choices = [*TASK_FUNCTIONS, (current, current)]

    class Meta:
        model = TaskSchedule
        fields = ["name", "func", "schedule_type", "minutes", "next_run", "repeats"]
        labels = {
            "name": _("Nama"),
            "func": _("Fungsi"),
            "schedule_type": _("Jenis jadwal"),
            "minutes": _("Menit (jenis Per menit)"),
            "next_run": _("Jalan berikutnya"),
            "repeats": _("Ulangan (-1 = selamanya)"),
        }

    def clean_func(self):
        """One of the project's registered tasks (any app's: reminders, scrape, summaries,
        dossiers, reports), or the function the schedule already had -- never a path typed in."""
        func = self.cleaned_data["func"]
        current = self.instance.func if self.instance and self.instance.pk else ""
        if func not in dict(TASK_FUNCTIONS) and func != current:
            raise forms.ValidationError(_("Pilih salah satu tugas SIMFONI dari daftar."))
        return func


class TaskColumn(Column):
    def get_value(self, instance):
        return task_label(instance.func)


class LastRunColumn(Column):
    """The last task the schedule started (django-q's own `last_run` links to django admin)."""

    def get_value(self, instance):
        task = Task.objects.filter(id=instance.task).first() if instance.task else None
        if task is None:
            return "—"
        outcome = _("berhasil") if task.success else _("gagal")
        return f"{date_format(timezone.localtime(task.stopped), 'DATETIME_FORMAT')} ({outcome})"


class LocalTimeColumn(Column):
    """A date and time in the site's time zone (Wagtail's DateColumn shows "ago", even for
    the future)."""

    def get_value(self, instance):
        value = getattr(instance, self.accessor)
        return date_format(timezone.localtime(value), "DATETIME_FORMAT") if value else "—"


class ScheduleViewSet(ModelViewSet):
    model = TaskSchedule
    form_class = ScheduleForm
    icon = "time"
    menu_label = _("Jadwal tugas")
    url_prefix = "jadwal-tugas"
    name = "schedules"
    list_display = [
        "name",
        Column("schedule_type", label=_("Jenis"), accessor="get_schedule_type_display"),
        LocalTimeColumn("next_run", label=_("Jalan berikutnya")),
        TaskColumn("func", label=_("Fungsi")),
        LastRunColumn("last_run", label=_("Terakhir dijalankan")),
    ]
    search_fields = ["name", "func"]
    ordering = ["next_run"]

    def get_form_class(self, for_update=False):
        return ScheduleForm


class HolidayViewSet(ModelViewSet):
    model = Holiday
    form_fields = ["date", "name"]
    icon = "date"
    menu_label = _("Hari libur tambahan")
    url_prefix = "hari-libur"
    name = "holidays"
    list_display = ["date", "name"]


class SentReminderViewSet(ModelViewSet):
    model = SentReminder
    form_fields = []
    icon = "mail"
    menu_label = _("Pengingat terkirim")
    url_prefix = "pengingat-terkirim"
    name = "sent_reminders"
    list_display = ["kind", "user", "key", "channels", DateColumn("sent_at")]
    list_filter = ["kind"]
    search_fields = ["key", "user__username"]
    inspect_view_enabled = True
    add_to_admin_menu = False


class RemindersViewSetGroup(ViewSetGroup):
    menu_label = _("Pengingat")
    menu_icon = "mail"
    menu_order = 850
    items = (ScheduleViewSet, HolidayViewSet, SentReminderViewSet)
