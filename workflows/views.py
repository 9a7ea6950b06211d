"""Admin screens of the approval workflow: the review queue, "Fenomena saya", notifications.

Every view checks on the server; approve and reject go through `ReviewTask.on_action`, which
checks the routing again, so a hand-made POST cannot approve outside one's routing.
"""

import django_filters
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse, reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView, View
from notifications.models import Notification
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import TaskState, WorkflowState

from phenomena.models import Phenomenon
from search import filters

from .forms import RejectForm
from .models import ReviewTaskState
from .rejection import rejected_before, with_previous_decision
from .routing import can_review, routed_to

REVIEW_PERMISSION = "workflows.review_phenomenon"
HOME = {"url": reverse_lazy("wagtailadmin_home"), "label": gettext_lazy("Dasbor")}


def waiting_for(user):
    """Submissions waiting for `user`, oldest first."""
    return (
        ReviewTaskState.objects.filter(status=TaskState.STATUS_IN_PROGRESS)
        .filter(routed_to(user))
        .select_related("revision", "author", "work_unit", "theme__subject", "phenomenon", "task")
        .order_by("started_at", "pk")
    )


class QueueFilterSet(django_filters.FilterSet):
    # The filters are declared once, in search/filters.py.
    subject = filters.choice_filter(
        "subject", prefix="theme__", empty_label=gettext_lazy("Semua subjek")
    )
    theme = filters.choice_filter("theme", empty_label=gettext_lazy("Semua tema"))
    source_type = filters.choice_filter(
        "source_type", prefix="phenomenon__", empty_label=gettext_lazy("Semua sumber")
    )

    class Meta:
        model = ReviewTaskState
        fields = []


class ReviewerRequiredMixin:
    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(REVIEW_PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


def _back_to_queue(request):
    next_url = request.POST.get("next") or request.GET.get("next")
    if next_url and url_has_allowed_host_and_scheme(next_url, {request.get_host()}):
        return redirect(next_url)
    return redirect("workflows:queue")


def _query_without_page(request) -> str:
    """The filters of the current query string, for page links ("" or "a=1&b=2&")."""
    query = request.GET.copy()
    query.pop("p", None)
    return f"{query.urlencode()}&" if query else ""


class QueueView(ReviewerRequiredMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "workflows/queue.html"
    page_title = gettext_lazy("Antrean review")
    header_icon = "tasks"
    breadcrumbs_items = [HOME, {"url": "", "label": gettext_lazy("Antrean review")}]
    per_page = 50

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        filters = QueueFilterSet(self.request.GET or None, queryset=waiting_for(self.request.user))
        states = filters.qs
        page = Paginator(with_previous_decision(states), self.per_page).get_page(
            self.request.GET.get("p")
        )
        rows = []
        for state in page:
            submitted = state.submitted_object()
            resubmitted = state.previous_status == TaskState.STATUS_REJECTED
            rows.append(
                {
                    "state": state,
                    "phenomenon": submitted,
                    "source": submitted.primary_source,
                    "is_edit": state.phenomenon.live,
                    # Sent again after a rejection: what was rejected, and what changed since.
                    "is_resubmission": resubmitted,
                    "rejected_reason": state.previous_comment if resubmitted else "",
                    "changes_url": reverse("workflows:changes", args=[state.pk]),
                }
            )
        context.update(
            filters=filters,
            page=page,
            rows=rows,
            total=states.count(),
            current_url=self.request.get_full_path(),
            keep_query=_query_without_page(self.request),
        )
        return context


def _compare_view_class():
    """Wagtail's snippet revision comparison, for whoever may see this submission.

    The snippet's own compare view asks for the model's "change" permission, which supervisors
    do not hold; `ReviewChangesView` checks the submission itself instead."""
    from wagtail.snippets.views.snippets import RevisionsCompareView

    class ReviewCompareView(RevisionsCompareView):
        permission_required = None

        def get_edit_url(self):
            if self.permission_policy.user_has_permission_for_instance(
                self.request.user, "change", self.object
            ):
                return super().get_edit_url()
            return None

        def get_history_url(self):
            if self.permission_policy.user_has_permission_for_instance(
                self.request.user, "history", self.object
            ):
                return super().get_history_url()
            return None

    return ReviewCompareView


class ReviewChangesView(View):
    """What a submission changes: against the rejected version it resubmits, else against the
    approved (live) version. For its reviewers, its author and admins."""

    def get(self, request, task_state_id):
        from phenomena.permissions import administers

        state = get_object_or_404(
            ReviewTaskState.objects.select_related("phenomenon"), pk=task_state_id
        )
        if not (
            administers(request.user)
            or state.author_id == request.user.pk
            or can_review(request.user, state.submitted_object())
        ):
            raise PermissionDenied
        rejected = rejected_before(state)
        if rejected is not None and rejected.revision_id:
            base = rejected.revision_id
        elif state.phenomenon.live:
            base = "live"
        else:
            messages.warning(request, _("Belum ada versi sebelumnya untuk dibandingkan."))
            return redirect("workflows:queue")
        viewset = Phenomenon.snippet_viewset
        view = viewset.construct_view(
            _compare_view_class(),
            edit_handler=viewset._edit_handler,
            template_name=viewset.get_templates(
                "revisions_compare", fallback=viewset.revisions_compare_view_class.template_name
            ),
        )
        return view(
            request, pk=state.phenomenon_id, revision_id_a=base, revision_id_b=state.revision_id
        )


class ApproveView(ReviewerRequiredMixin, View):
    """Approve one submission ("only") or several ticked ones ("task_state")."""

    def post(self, request):
        ids = (
            [request.POST["only"]]
            if request.POST.get("only")
            else request.POST.getlist("task_state")
        )
        ids = [int(i) for i in ids if str(i).isdigit()]
        if not ids:
            messages.warning(request, _("Pilih minimal satu fenomena untuk disetujui."))
            return _back_to_queue(request)
        approved, refused = [], 0
        for state in ReviewTaskState.objects.filter(pk__in=ids).order_by("started_at"):
            if state.status != TaskState.STATUS_IN_PROGRESS:
                refused += 1
                continue
            try:
                with transaction.atomic():
                    state.task.specific.on_action(state, request.user, "approve", comment="")
                approved.append(state.submitted_object().title)
            except PermissionDenied:
                refused += 1
        if approved:
            messages.success(
                request,
                _("%(count)d fenomena disetujui dan kini terlihat oleh semua: %(titles)s")
                % {"count": len(approved), "titles": "; ".join(approved)},
            )
        if refused:
            messages.error(
                request,
                _(
                    "%(count)d fenomena tidak dapat Anda setujui (bukan untuk Anda, "
                    "milik Anda sendiri, atau sudah diputuskan)."
                )
                % {"count": refused},
            )
        return _back_to_queue(request)


class RejectView(ReviewerRequiredMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "workflows/reject.html"
    page_title = gettext_lazy("Tolak fenomena")
    header_icon = "cross"

    def dispatch(self, request, *args, task_state_id, **kwargs):
        self.state = get_object_or_404(ReviewTaskState, pk=task_state_id)
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [
            HOME,
            {"url": reverse("workflows:queue"), "label": _("Antrean review")},
            {"url": "", "label": _("Tolak")},
        ]

    def _refuse_if_not_mine(self):
        if self.state.status != TaskState.STATUS_IN_PROGRESS:
            messages.warning(self.request, _("Fenomena ini sudah tidak menunggu review."))
            return redirect("workflows:queue")
        if not can_review(self.request.user, self.state.submitted_object()):
            raise PermissionDenied
        return None

    def get(self, request, *args, **kwargs):
        response = self._refuse_if_not_mine()
        if response:
            return response
        return self.render_to_response(self.get_context_data(form=RejectForm()))

    def post(self, request, *args, **kwargs):
        response = self._refuse_if_not_mine()
        if response:
            return response
        form = RejectForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("Penolakan belum dikirim: alasan penolakan wajib diisi."))
            return self.render_to_response(self.get_context_data(form=form))
        with transaction.atomic():
            self.state.task.specific.on_action(
                self.state, request.user, "reject", comment=form.cleaned_data["comment"]
            )
        messages.success(
            request,
            _('Fenomena "%(title)s" ditolak; penginput menerima alasannya.')
            % {"title": self.state.submitted_object().title},
        )
        return _back_to_queue(request)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        submitted = self.state.submitted_object()
        context.update(
            state=self.state,
            phenomenon=submitted,
            source=submitted.primary_source,
            next=self.request.GET.get("next") or self.request.POST.get("next", ""),
        )
        return context


STATUS_DRAFT = "draft"
STATUS_IN_REVIEW = "review"
STATUS_REJECTED = "rejected"
STATUS_APPROVED = "approved"
STATUS_LABELS = {
    STATUS_DRAFT: gettext_lazy("Draf"),
    STATUS_IN_REVIEW: gettext_lazy("Menunggu review"),
    STATUS_REJECTED: gettext_lazy("Ditolak"),
    STATUS_APPROVED: gettext_lazy("Disetujui"),
}


def statuses(phenomena) -> dict:
    """Status of each phenomenon for its author: {pk: {code, label, reason, by, note}}."""
    phenomena = list(phenomena)
    ct = ContentType.objects.get_for_model(Phenomenon)
    active = {
        int(ws.object_id): ws
        for ws in WorkflowState.objects.active()
        .filter(base_content_type=ct, object_id__in=[str(p.pk) for p in phenomena])
        .select_related("current_task_state__finished_by")
    }
    result = {}
    for p in phenomena:
        ws = active.get(p.pk)
        info = {"reason": "", "by": None, "note": ""}
        if ws and ws.status == WorkflowState.STATUS_IN_PROGRESS:
            code = STATUS_IN_REVIEW
            if p.live:
                info["note"] = _("versi yang disetujui tetap tampil sampai perubahan disetujui")
        elif ws and ws.status == WorkflowState.STATUS_NEEDS_CHANGES:
            code = STATUS_REJECTED
            task_state = ws.current_task_state
            info["reason"] = task_state.comment if task_state else ""
            info["by"] = task_state.finished_by if task_state else None
        elif p.live:
            code = STATUS_APPROVED
            if p.has_unpublished_changes:
                info["note"] = _("ada perubahan yang belum diajukan")
        else:
            code = STATUS_DRAFT
        result[p.pk] = {"code": code, "label": STATUS_LABELS[code], **info}
    return result


class MyPhenomenaView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "workflows/my_phenomena.html"
    page_title = gettext_lazy("Fenomena saya")
    header_icon = "doc-full"
    breadcrumbs_items = [HOME, {"url": "", "label": gettext_lazy("Fenomena saya")}]

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("phenomena.add_phenomenon"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        mine = (
            Phenomenon.objects.filter(author=self.request.user)
            .select_related("theme", "subject")
            .order_by("live", "-updated_at", "-pk")  # what still needs the author first
        )
        page = Paginator(mine, 25).get_page(self.request.GET.get("p"))
        status_of = statuses(page.object_list)
        context.update(
            page=page,
            rows=[{"phenomenon": p, "status": status_of[p.pk]} for p in page],
            add_url=reverse("wagtailsnippets_phenomena_phenomenon:add"),
        )
        return context


class NotificationsView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "workflows/notifications.html"
    page_title = gettext_lazy("Notifikasi")
    header_icon = "mail"
    breadcrumbs_items = [HOME, {"url": "", "label": gettext_lazy("Notifikasi")}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        mine = Notification.objects.filter(recipient=self.request.user).order_by(
            "-timestamp", "-pk"
        )
        context.update(
            page=Paginator(mine, 30).get_page(self.request.GET.get("p")),
            unread=mine.unread().count(),
        )
        return context


class MarkReadView(View):
    def post(self, request, pk=None):
        mine = Notification.objects.filter(recipient=request.user)
        if pk is None:
            mine.mark_all_as_read()
        else:
            get_object_or_404(mine, pk=pk).mark_as_read()
        return redirect("workflows:notifications")


class OpenNotificationView(View):
    """Mark a notification read and go to what it is about."""

    def get(self, request, pk):
        notification = get_object_or_404(Notification.objects.filter(recipient=request.user), pk=pk)
        notification.mark_as_read()
        url = (notification.data or {}).get("url") or reverse("workflows:notifications")
        if not url_has_allowed_host_and_scheme(url, {request.get_host()}):
            url = reverse("workflows:notifications")
        return redirect(url)
