"""Admin: the runs of the summaries and the on-demand button (needs
`summaries.generate_themesummary`; reading the runs needs `summaries.view_themesummary`)."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from wagtail.admin import messages

from home.dashboard import local_today
from phenomena.models import Theme

from . import tasks
from .models import ThemeSummary


class GenerateForm(forms.Form):
    month = forms.DateField(
        label=gettext_lazy("Bulan referensi"),
        input_formats=["%Y-%m"],
        widget=forms.DateInput(attrs={"type": "month"}, format="%Y-%m"),
        error_messages={"invalid": gettext_lazy("Isi bulan dengan format TTTT-BB.")},
    )
    themes = forms.ModelMultipleChoiceField(
        label=gettext_lazy("Tema"),
        queryset=Theme.objects.select_related("subject"),
        required=False,
        help_text=gettext_lazy("Kosongkan untuk semua tema yang punya fenomena disetujui."),
        widget=forms.CheckboxSelectMultiple,
    )


def can_generate(user) -> bool:
    return user.has_perm("summaries.generate_themesummary")


def runs_view(request):
    if not request.user.has_perm("summaries.view_themesummary"):
        raise PermissionDenied
    runs = ThemeSummary.objects.select_related("theme", "area", "release__indicator").order_by(
        "-created_at"
    )
    page = Paginator(runs, 50).get_page(request.GET.get("p"))
    form = GenerateForm(initial={"month": local_today().replace(day=1)})
    return render(
        request,
        "summaries/admin/runs.html",
        {
            "page_title": _("Ringkasan AI per tema"),
            "page": page,
            "form": form if can_generate(request.user) else None,
        },
    )


@require_POST
def generate_view(request):
    if not can_generate(request.user):
        raise PermissionDenied
    form = GenerateForm(request.POST)
    if not form.is_valid():
        runs = ThemeSummary.objects.order_by("-created_at")
        return render(
            request,
            "summaries/admin/runs.html",
            {
                "page_title": _("Ringkasan AI per tema"),
                "page": Paginator(runs, 50).get_page(1),
                "form": form,
            },
            status=400,
        )
    month = form.cleaned_data["month"].replace(day=1)
    theme_ids = [t.pk for t in form.cleaned_data["themes"]]
    count = tasks.on_demand(month.isoformat(), theme_ids or None, request.user.pk)
    if count:
        messages.success(
            request,
            _("%(count)d ringkasan dijadwalkan untuk %(month)s.")
            % {"count": count, "month": f"{month:%Y-%m}"},
        )
    else:
        messages.warning(
            request,
            _("Tidak ada fenomena disetujui untuk bulan %(month)s pada tema yang dipilih.")
            % {"month": f"{month:%Y-%m}"},
        )
    return redirect("summaries_runs")
