"""Admin screens: the task schedules (django-q2), extra holidays, reminders sent."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_q.models import Task
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from .models import Holiday, SentReminder, TaskSchedule


class ScheduleForm(forms.ModelForm):
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
        func = self.cleaned_data["func"]
        if not func.startswith("reminders.tasks."):
            raise forms.ValidationError(_("Hanya fungsi reminders.tasks.* yang boleh dijadwalkan."))
        return func


class LastRunColumn(Column):
    """The last task the schedule started (django-q's own `last_run` links to django admin)."""

    def get_value(self, instance):
        task = Task.objects.filter(id=instance.task).first() if instance.task else None
        if task is None:
            return "—"
        outcome = _("berhasil") if task.success else _("gagal")
        return f"{timezone.localtime(task.stopped):%d-%m-%Y %H:%M} ({outcome})"


class LocalTimeColumn(Column):
    """A date and time in the site's time zone (Wagtail's DateColumn shows "ago", even for
    the future)."""

    def get_value(self, instance):
        value = getattr(instance, self.accessor)
        return f"{timezone.localtime(value):%d-%m-%Y %H:%M}" if value else "—"


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
        Column("func", label=_("Fungsi")),
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
