"""Dashboard, ARC calendar page, .ics feed and the admin ARC upload."""

import datetime

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from wagtail.admin import messages
from wagtail.admin.views.account import LoginView

from phenomena.models import Scope

from . import arc, dashboard


class DashboardLoginView(LoginView):
    """Wagtail's admin login; without a `next` it lands on the dashboard, not the admin home."""

    def get_redirect_url(self):
        # Only paths on this site: a bare word ("?next=abc") would be read as a view name
        # and fail with a 500 when Django resolves it.
        url = super().get_redirect_url()
        return url if url.startswith("/") else ""

    def get_success_url(self):
        return self.get_redirect_url() or reverse("dashboard")


def dashboard_context(request, params) -> dict:
    """The dashboard for `request.user` with the filters in `params`. The body (figures, charts'
    data, calendar) is rendered once per filter/day/language and cached until invalidated."""
    filters = dashboard.filters_for(request.user, params)
    today = dashboard.local_today()
    areas = list(Scope.objects.filter(parent__isnull=False).order_by("sort_order", "code"))
    context = {
        "filters": filters,
        "area": next((a for a in areas if a.code == filters.area), None),
        "areas": areas,
        "periods": [(code, label) for code, (label, _days) in dashboard.PERIODS.items()],
        "can_include_pending": dashboard.is_staff(request.user),
        "today": today,
        "dash": dashboard.figures(filters, today),
    }

    def render_body():
        body = {
            **context,
            "period_label": dashboard.PERIODS[filters.period][0],
            "months": arc.months_grids(today, 2, today),
            "weekdays": arc.weekdays(),
        }
        context.update(body)  # for callers (and tests) that look at the figures
        return render_to_string("home/includes/dashboard_body.html", body, request=request)

    context["body"] = dashboard.cached_html(filters, today, get_language(), render_body)
    return context


@login_required
def dashboard_view(request):
    return render(request, "home/dashboard.html", dashboard_context(request, request.GET))


def _year(request, today) -> int:
    try:
        year = int(request.GET.get("year", today.year))
    except ValueError:
        return today.year
    return year if arc.MIN_YEAR <= year <= arc.MAX_YEAR else today.year


def calendar_view(request):
    """The whole year's releases: 12 month grids (the ARC is public information)."""
    today = dashboard.local_today()
    year = _year(request, today)
    months = arc.months_grids(datetime.date(year, 1, 1), 12, today)
    return render(
        request,
        "home/calendar.html",
        {
            "year": year,
            "months": months,
            "weekdays": arc.weekdays(),
            "today": today,
            "release_count": sum(len(r["indicators"]) for m in months for r in m["releases"]),
            "ics_url": request.build_absolute_uri(reverse("arc_ics")),
        },
    )


def calendar_ics(request):
    """Releases from January last year to December next year, for calendar subscriptions."""
    today = dashboard.local_today()
    start = datetime.date(today.year - 1, 1, 1)
    end = datetime.date(today.year + 1, 12, 31)
    body = arc.ics_feed(start, end, base_url=request.build_absolute_uri("/").rstrip("/"))
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="kalender-rilis.ics"'
    return response


class ArcUploadForm(forms.Form):
    year = forms.IntegerField(
        label=gettext_lazy("Tahun"), min_value=arc.MIN_YEAR, max_value=arc.MAX_YEAR
    )
    file = forms.FileField(
        label=gettext_lazy("Berkas CSV"),
        help_text=gettext_lazy(
            "Kolom: indicator, source, jan … dec (tanggal rilis dalam bulan itu; kosong = tidak "
            "ada rilis), opsional themes (nama tema dipisah “;”)."
        ),
    )


def can_import_arc(user) -> bool:
    return user.has_perm("phenomena.import_arc_calendar")


class ArcConfirmForm(forms.Form):
    """The checked sheet again, posted back from the preview to import it."""

    year = forms.IntegerField(min_value=arc.MIN_YEAR, max_value=arc.MAX_YEAR)
    sheet = forms.CharField(widget=forms.HiddenInput, strip=False, max_length=2_000_000)


def arc_import_view(request):
    """Admin: upload a year's ARC sheet, see what it would add, change and remove, then confirm.
    Nothing is imported if any row is wrong, and nothing before the confirmation."""
    if not can_import_arc(request.user):
        raise PermissionDenied
    result = confirm_form = None
    form = ArcUploadForm(initial={"year": dashboard.local_today().year + 1})
    if request.method == "POST" and "confirm" in request.POST:
        confirm = ArcConfirmForm(request.POST)
        if confirm.is_valid():
            result = arc.import_arc(confirm.cleaned_data["sheet"], confirm.cleaned_data["year"])
            if result.ok:
                messages.success(request, result.summary())
            else:
                messages.error(request, result.summary())
        else:
            messages.error(request, _("Pratinjau tidak lengkap; unggah berkasnya lagi."))
    elif request.method == "POST":
        form = ArcUploadForm(request.POST, request.FILES)
        if form.is_valid():
            raw, year = form.cleaned_data["file"].read(), form.cleaned_data["year"]
            result = arc.preview_arc(raw, year)
            if result.ok:  # a checked sheet is UTF-8 text
                confirm_form = ArcConfirmForm(initial={"year": year, "sheet": arc.read_sheet(raw)})
            else:
                messages.error(request, result.summary())
    return render(
        request,
        "home/admin/arc_import.html",
        {
            "form": form,
            "result": result,
            "confirm_form": confirm_form,
            "page_title": _("Impor kalender rilis (ARC)"),
        },
    )
