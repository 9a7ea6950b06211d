"""Admin views: upload → preview (dry run, column mapping) → confirm; the collection export."""

import datetime
import hashlib

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from . import exporting, importer
from .forms import MappingForm, UploadForm
from .models import ImportBatch
from .reading import SheetError, read_sheet

IMPORT_PERMISSION = "transfer.import_phenomena"
EXPORT_PERMISSION = "transfer.export_collection"
PREVIEW_KEPT = datetime.timedelta(days=1)


def _require(request, permission):
    if not request.user.has_perm(permission):
        raise PermissionDenied


def import_view(request):
    """Step 1: upload a sheet and choose whose input it becomes and how it enters."""
    _require(request, IMPORT_PERMISSION)
    # Uploads previewed but never confirmed are kept a day (their file is in the batch).
    ImportBatch.objects.filter(
        status=ImportBatch.Status.PREVIEW, created_at__lt=timezone.now() - PREVIEW_KEPT
    ).delete()
    form = UploadForm(user=request.user)
    if request.method == "POST":
        form = UploadForm(request.POST, request.FILES, user=request.user)
        if form.is_valid():
            upload = form.cleaned_data["file"]
            content = upload.read()
            batch = ImportBatch.objects.create(
                filename=upload.name[:255],
                file_sha256=hashlib.sha256(content).hexdigest(),
                content=content,
                mode=form.cleaned_data["mode"],
                as_user=form.cleaned_data["as_user"],
                created_by=request.user,
                not_duplicate_reason=form.cleaned_data["not_duplicate_reason"].strip(),
            )
            return redirect("transfer_import_preview", batch_id=batch.pk)
    batches = ImportBatch.objects.filter(status=ImportBatch.Status.IMPORTED).select_related(
        "as_user", "created_by"
    )[:20]
    return render(
        request,
        "transfer/import.html",
        {"form": form, "batches": batches, "page_title": _("Impor fenomena")},
    )


def preview_view(request, batch_id):
    """Step 2: the dry run of the uploaded sheet, the column mapping, and the confirmation."""
    _require(request, IMPORT_PERMISSION)
    batch = get_object_or_404(ImportBatch, pk=batch_id)
    content = bytes(batch.content)
    reason = batch.not_duplicate_reason or None
    try:
        sheet = read_sheet(content, batch.filename, batch.mapping)
        mapping_form = MappingForm(headers=sheet.headers, columns=sheet.columns)
    except SheetError:
        sheet = mapping_form = None
    if request.method == "POST" and batch.status == ImportBatch.Status.PREVIEW:
        if "remap" in request.POST and sheet is not None:
            mapping_form = MappingForm(request.POST, headers=sheet.headers)
            if mapping_form.is_valid():
                batch.mapping = mapping_form.mapping()
                batch.save(update_fields=["mapping"])
                return redirect("transfer_import_preview", batch_id=batch.pk)
        elif "confirm" in request.POST:
            if batch.as_user is None:
                messages.error(request, _("Akun penginput sudah tidak ada; unggah ulang."))
                return redirect("transfer_import")
            report = importer.run(
                content,
                batch.filename,
                user=batch.as_user,
                actor=request.user,
                mode=batch.mode,
                mapping=batch.mapping,
                write=True,
                not_duplicate_reason=reason,
                batch=batch,
            )
            (messages.error if report.error else messages.success)(request, report.summary())
            return render(
                request,
                "transfer/report.html",
                {"batch": batch, "report": report, "page_title": _("Hasil impor")},
            )
    if batch.status != ImportBatch.Status.PREVIEW:
        messages.info(request, _("Batch ini sudah diimpor."))
        return redirect("transfer_import")
    report = importer.run(
        content,
        batch.filename,
        user=batch.as_user,
        actor=request.user,
        mode=batch.mode,
        mapping=batch.mapping,
        write=False,
        not_duplicate_reason=reason,
    )
    return render(
        request,
        "transfer/report.html",
        {
            "batch": batch,
            "report": report,
            "sheet": sheet,
            "mapping_form": mapping_form,
            "preview": True,
            "page_title": _("Pratinjau impor"),
        },
    )


def export_view(request):
    """The whole collection as JSON (for restore_all) or CSV (one row per phenomenon)."""
    _require(request, EXPORT_PERMISSION)
    fmt = request.GET.get("format")
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    if fmt == "json":
        response = HttpResponse(
            exporting.export_json_bytes(), content_type="application/json; charset=utf-8"
        )
        response["Content-Disposition"] = f'attachment; filename="simfoni-{stamp}.json"'
        return response
    if fmt == "csv":
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="simfoni-fenomena-{stamp}.csv"'
        exporting.export_csv(response)
        return response
    return render(
        request,
        "transfer/export.html",
        {"page_title": _("Ekspor seluruh data"), "today": datetime.date.today()},
    )
