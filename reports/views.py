"""The "Laporkan kesalahan" form (public detail page and admin inspect page link here), and the
resolvers' list and report page in the admin."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from phenomena.models import Phenomenon

from . import services
from .forms import ReportForm, ResolveForm
from .models import ErrorReport


def _form_errors(form, exc: ValidationError):
    if hasattr(exc, "error_dict"):
        for name, errors in exc.message_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, exc.messages)


@login_required
def report_view(request, pk):
    phenomenon = Phenomenon.objects.filter(pk=pk, live=True).first()
    if phenomenon is None:
        raise Http404(_("Fenomena tidak ditemukan atau belum disetujui."))
    form = ReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.file_report(
                request.user,
                phenomenon,
                form.cleaned_data["kind"],
                form.cleaned_data["description"],
            )
        except ValidationError as exc:
            _form_errors(form, exc)
        else:
            messages.success(
                request,
                _(
                    "Terima kasih. Laporan Anda diteruskan ke supervisor dan admin; Anda akan "
                    "diberi tahu hasilnya."
                ),
            )
            return redirect("search:detail", pk=phenomenon.pk)
    return render(request, "reports/report_form.html", {"phenomenon": phenomenon, "form": form})


def index_view(request):
    if not (request.user.has_perm(services.RESOLVE)):
        raise PermissionDenied
    status = request.GET.get("status", ErrorReport.Status.OPEN)
    reports = services.reports_for(request.user).select_related("phenomenon", "reporter")
    if status in ErrorReport.Status.values:
        reports = reports.filter(status=status)
    else:
        status = ""
    page = Paginator(reports, 50).get_page(request.GET.get("p"))
    return render(
        request,
        "reports/admin/index.html",
        {
            "page_title": _("Laporan kesalahan"),
            "page": page,
            "status": status,
            "statuses": ErrorReport.Status.choices,
        },
    )


def detail_view(request, pk):
    report = get_object_or_404(
        services.reports_for(request.user).select_related("phenomenon", "reporter"), pk=pk
    )
    may_resolve = report.is_open and services.may_resolve(request.user, report)
    form = ResolveForm(request.POST or None) if may_resolve else None
    if request.method == "POST":
        if form is None:
            raise PermissionDenied
        if form.is_valid():
            try:
                services.resolve(
                    request.user, report, form.cleaned_data["action"], form.cleaned_data["note"]
                )
            except ValidationError as exc:
                _form_errors(form, exc)
            else:
                messages.success(request, _("Laporan diselesaikan; pelapor diberi tahu."))
                return redirect("reports_admin:index")
    return render(
        request,
        "reports/admin/detail.html",
        {
            "page_title": _("Laporan kesalahan"),
            "report": report,
            "form": form,
            "routed_to": list(report.routed_to.order_by("username")),
        },
    )
