"""Admin screens: runs (progress, "Jalankan sekarang"), results to review ("Unggah"), and the
delegation of a rejected scraped phenomenon to an operator."""

from __future__ import annotations

import datetime

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Sum
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from wagtail.models import WorkflowState

from phenomena.dates import month_year
from phenomena.models import Phenomenon
from phenomena.permissions import administers, may_review

from . import grouping, review, runner
from .models import Article, Run, RunSource, Source


def _admin_only(request):
    if not administers(request.user):
        raise PermissionDenied


def runs_view(request):
    _admin_only(request)
    if request.method == "POST":
        run = runner.start_run(request.user)
        messages.success(request, _("Putaran #%(id)s dimulai.") % {"id": run.pk})
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
            "page_title": _("Putaran web scraping"),
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
            "page_title": _("Putaran #%(id)s") % {"id": run.pk},
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


PERIOD_BASIS = {"teks": gettext_lazy("dari teks"), "tanggal terbit": gettext_lazy("tanggal terbit")}


def _period(value: str):
    """'Oktober 2026' (English: 'October 2026') for a suggested period '2026-10-01'."""
    try:
        return month_year(datetime.date.fromisoformat(value))
    except (TypeError, ValueError):
        return ""


def _selected_groups(request):
    """The chosen proposals ("12-15-18": the article ids of one) as lists of articles still
    waiting, in the proposal's order."""
    keys = [k for k in request.POST.getlist("group") if k.replace("-", "").isdigit()]
    keys += [k for k in request.POST.getlist("article") if k.isdigit()]  # one article alone
    ids = [[int(i) for i in key.split("-") if i] for key in keys]
    waiting = Article.objects.filter(
        pk__in={i for group in ids for i in group}, status=Article.Status.NEW
    ).select_related("source__outlet")
    by_pk = {a.pk: a for a in waiting}
    groups = [[by_pk[i] for i in group if i in by_pk] for group in ids]
    return [g for g in groups if g]


def results_view(request):
    _admin_only(request)
    if request.method == "POST":
        groups = _selected_groups(request)
        if not groups:
            messages.error(request, _("Pilih setidaknya satu usulan."))
        elif request.POST.get("action") == "skip":
            pks = [a.pk for g in groups for a in g]
            Article.objects.filter(pk__in=pks).update(status=Article.Status.SKIPPED)
            messages.success(request, _("%(n)d artikel dilewati.") % {"n": len(pks)})
        else:
            result = review.upload(request.user, groups)
            if result.uploaded:
                messages.success(
                    request,
                    _("%(n)d usulan diunggah sebagai fenomena dan diajukan untuk direview.")
                    % {"n": len(result.uploaded)},
                )
            if result.refused:
                messages.warning(
                    request,
                    _("%(n)d usulan tidak dapat diunggah; lihat alasannya di daftar.")
                    % {"n": len(result.refused)},
                )
        return redirect(request.get_full_path())
    proposals = grouping.pending_proposals()
    source_id = request.GET.get("source")
    if source_id and source_id.isdigit():
        proposals = [p for p in proposals if any(a.source_id == int(source_id) for a in p.articles)]
    page = Paginator(proposals, 30).get_page(request.GET.get("p"))
    pks = {"theme": set(), "indicator": set()}
    for proposal in page:
        for key in pks:
            if proposal.lead.suggestions.get(key):
                pks[key].add(proposal.lead.suggestions[key])
    names = _names(pks)
    rows = []
    for proposal in page:
        lead = proposal.lead
        s = lead.suggestions
        duplicates = {}
        for article in proposal.articles:
            for d in article.duplicates or []:
                duplicates.setdefault(d.get("id"), d)
        rows.append(
            {
                "proposal": proposal,
                "lead": lead,
                "theme": names["themes"].get(s.get("theme"), ""),
                "indicator": names["indicators"].get(s.get("indicator"), ""),
                "scope": names["scopes"].get(s.get("scope"), ""),
                "area": names["scopes"].get(s.get("area"), ""),
                "period": _period(s.get("reference_period") or ""),
                "period_basis": PERIOD_BASIS.get(s.get("period_basis") or "", ""),
                "duplicates": list(duplicates.values()),
                "message": next((a.message for a in proposal.articles if a.message), ""),
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
            "n_articles": sum(len(p.articles) for p in proposals),
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
    phenomena = {a.phenomenon_id: a.phenomenon for a in articles}
    rows = [review.first_article(p) for p in phenomena.values() if may_review(user, p)]
    return [a for a in rows if a is not None]


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
    article = review.first_article(phenomenon)
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
    messages.success(request, _("Putaran #%(id)s dimulai.") % {"id": run.pk})
    return redirect(reverse("scrape_run", args=[run.pk]))
