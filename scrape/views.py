"""Admin screens: runs (progress, "Jalankan sekarang"), results to review ("Unggah"), and the
delegation of a rejected scraped phenomenon to an operator."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Sum
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.models import WorkflowState

from phenomena.models import Phenomenon
from phenomena.permissions import administers, may_review

from . import review, runner
from .models import Article, Run, RunSource, Source


def _admin_only(request):
    if not administers(request.user):
        raise PermissionDenied


def runs_view(request):
    _admin_only(request)
    if request.method == "POST":
        run = runner.start_run(request.user)
        messages.success(request, _("Run #%(id)s dimulai.") % {"id": run.pk})
        return redirect("scrape_run", run.pk)
    runs = (
        Run.objects.select_related("started_by")
        .annotate(
            n_sources=Count("parts"),
            n_fetched=Sum("parts__fetched"),
            n_kept=Sum("parts__kept"),
            n_duplicate=Sum("parts__duplicate"),
            n_errors=Sum("parts__errors"),
        )
        .order_by("-started_at", "-pk")[:30]
    )
    return render(
        request,
        "scrape/runs.html",
        {
            "page_title": _("Run web scraping"),
            "runs": runs,
            "enabled_sources": Source.objects.filter(enabled=True).count(),
            "flagged": [s for s in Source.objects.all() if s.flagged],
        },
    )


def run_view(request, run_id):
    _admin_only(request)
    run = get_object_or_404(Run, pk=run_id)
    parts = RunSource.objects.filter(run=run).select_related("source")
    return render(
        request,
        "scrape/run.html",
        {
            "page_title": _("Run #%(id)s") % {"id": run.pk},
            "run": run,
            "parts": parts,
            "refresh": run.status == Run.Status.RUNNING,
        },
    )


def _names(pks):
    from phenomena.models import Indicator, Scope, Theme

    return {
        "themes": dict(Theme.objects.filter(pk__in=pks["theme"]).values_list("pk", "name")),
        "indicators": dict(
            Indicator.objects.filter(pk__in=pks["indicator"]).values_list("pk", "name")
        ),
        "scopes": dict(Scope.objects.values_list("code", "label")),
    }


def results_view(request):
    _admin_only(request)
    if request.method == "POST":
        ids = [int(i) for i in request.POST.getlist("article") if i.isdigit()]
        chosen = list(
            Article.objects.filter(pk__in=ids, status=Article.Status.NEW).select_related("source")
        )
        if not chosen:
            messages.error(request, _("Pilih setidaknya satu artikel."))
        elif request.POST.get("action") == "skip":
            Article.objects.filter(pk__in=[a.pk for a in chosen]).update(
                status=Article.Status.SKIPPED
            )
            messages.success(request, _("%(n)d artikel dilewati.") % {"n": len(chosen)})
        else:
            result = review.upload(request.user, chosen)
            if result.uploaded:
                messages.success(
                    request,
                    _("%(n)d artikel diunggah sebagai fenomena dan diajukan untuk direview.")
                    % {"n": len(result.uploaded)},
                )
            if result.refused:
                messages.warning(
                    request,
                    _("%(n)d artikel tidak dapat diunggah; lihat pesannya di daftar.")
                    % {"n": len(result.refused)},
                )
        return redirect(request.get_full_path())
    articles = Article.objects.filter(status=Article.Status.NEW).select_related("source__outlet")
    source_id = request.GET.get("source")
    if source_id and source_id.isdigit():
        articles = articles.filter(source_id=int(source_id))
    page = Paginator(articles, 50).get_page(request.GET.get("p"))
    pks = {"theme": set(), "indicator": set()}
    for article in page:
        for key in pks:
            if article.suggestions.get(key):
                pks[key].add(article.suggestions[key])
    names = _names(pks)
    rows = []
    for article in page:
        s = article.suggestions
        rows.append(
            {
                "article": article,
                "theme": names["themes"].get(s.get("theme"), ""),
                "indicator": names["indicators"].get(s.get("indicator"), ""),
                "scope": names["scopes"].get(s.get("scope"), ""),
                "area": names["scopes"].get(s.get("area"), ""),
                "s": s,
            }
        )
    return render(
        request,
        "scrape/results.html",
        {
            "page_title": _("Hasil web scraping"),
            "rows": rows,
            "page": page,
            "sources": Source.objects.all(),
            "source_id": source_id or "",
        },
    )


def _rejected_scraped(user):
    states = WorkflowState.objects.filter(status=WorkflowState.STATUS_NEEDS_CHANGES)
    rejected_ids = {int(pk) for pk in states.values_list("object_id", flat=True) if pk.isdigit()}
    articles = Article.objects.filter(
        status=Article.Status.UPLOADED, phenomenon_id__in=rejected_ids
    ).select_related("phenomenon", "phenomenon__author", "source__outlet")
    return [a for a in articles if may_review(user, a.phenomenon)]


def delegations_view(request):
    if not administers(request.user) and not _is_supervisor(request.user):
        raise PermissionDenied
    rows = _rejected_scraped(request.user)
    return render(
        request,
        "scrape/delegations.html",
        {"page_title": _("Delegasi hasil web scraping yang ditolak"), "rows": rows},
    )


def _is_supervisor(user):
    return user.has_perm("workflows.review_phenomenon")


def delegate_view(request, phenomenon_id):
    phenomenon = get_object_or_404(Phenomenon, pk=phenomenon_id)
    if not may_review(request.user, phenomenon):
        raise PermissionDenied
    article = Article.objects.filter(phenomenon=phenomenon).select_related("source__outlet").first()
    if article is None:
        raise PermissionDenied
    operators = review.operators_for(article)
    if request.method == "POST":
        chosen = None
        operator_id = request.POST.get("operator", "")
        if operator_id.isdigit():
            chosen = get_user_model().objects.filter(pk=int(operator_id)).first()
        try:
            review.delegate(
                request.user, phenomenon, chosen, reason=request.POST.get("reason", "")[:500]
            )
        except ValidationError as exc:
            messages.error(request, "; ".join(exc.messages))
        else:
            messages.success(request, _("Fenomena ditugaskan kepada operator."))
            return redirect("scrape_delegations")
    return render(
        request,
        "scrape/delegate.html",
        {
            "page_title": _("Tugaskan operator"),
            "phenomenon": phenomenon,
            "article": article,
            "operators": operators,
            "default": operators[0] if operators else None,
        },
    )


@require_POST
def run_now_view(request):
    _admin_only(request)
    run = runner.start_run(request.user)
    messages.success(request, _("Run #%(id)s dimulai.") % {"id": run.pk})
    return redirect(reverse("scrape_run", args=[run.pk]))
