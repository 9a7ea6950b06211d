"""Admin screens of the approval workflow: the review queue, "Fenomena saya", notifications.

Every view checks on the server; approve and reject go through `ReviewTask.on_action`, which
checks the routing again, so a hand-made POST cannot approve outside one's routing.
"""

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse, reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView, View
from notifications.models import Notification
from wagtail.admin import messages
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import BulkActionsCheckboxColumn, Column, Table
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.models import IndexView
from wagtail.models import TaskState, WorkflowState

from phenomena import filters
from phenomena.models import Phenomenon

from .approval import approve
from .forms import RejectForm
from .models import ReviewTaskState
from .rejection import rejected_before, with_previous_decision
from .routing import can_review, routed_to
from .submitted import submitted_objects

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


class QueueFilterSet(WagtailFilterSet):
    """The review queue's filters (subject, theme, kind of evidence), declared once in
    phenomena/filters.py."""

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


class CellColumn(Column):
    """A column drawn by a SIMFONI cell template: a `<td data-label>` (a card line on a phone)
    that gets the row's object as `instance`, what `rows` put on it, and the page's `next`."""

    def __init__(self, name, template, **kwargs):
        super().__init__(name, accessor=lambda instance: None, **kwargs)
        self.cell_template_name = template

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context.update(self.page_context(parent_context))
        return context

    @staticmethod
    def page_context(parent_context) -> dict:
        """The CSRF token and the page's `next` address: the same for every cell of the
        table, so worked out once per rendering (a page of 50 rows has ~300 cells)."""
        table = parent_context["table"]
        cached = getattr(table, "_simfoni_page_context", None)
        if cached is not None:
            return cached
        request = parent_context.get("request")
        query = request.GET.copy() if request else {}
        for name in ("_w_filter_fragment", "export"):
            query.pop(name, None)
        cached = {
            "csrf_token": get_token(request) if request else "",
            "next": table.base_url + (f"?{query.urlencode()}" if query else ""),
        }
        table._simfoni_page_context = cached
        return cached


class ListingTable(Table):
    """Wagtail's table; each row may carry `row_classname` (e.g. an unread notification)."""

    def get_row_classname(self, instance):
        return getattr(instance, "row_classname", "")


class SimfoniIndexView(IndexView):
    """Wagtail's generic list view for SIMFONI's own lists: the views check who may see the
    list themselves (`dispatch`), and the queryset holds only what the user may see."""

    permission_policy = None
    any_permission_required = None
    is_searchable = False
    table_class = ListingTable
    table_classname = "listing simfoni-cards"
    breadcrumbs_items = [HOME]

    def may_see(self, user) -> bool:
        return user.is_authenticated

    def dispatch(self, request, *args, **kwargs):
        if not self.may_see(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def decorate(self, objects):
        """Put on each object of the page what its cells show."""

    def paginate_queryset(self, queryset, page_size):
        paginator, page, object_list, is_paginated = super().paginate_queryset(queryset, page_size)
        page.object_list = object_list = list(object_list)
        self.decorate(object_list)
        return paginator, page, object_list, is_paginated


class QueueView(SimfoniIndexView):
    model = ReviewTaskState
    template_name = "workflows/queue.html"
    results_template_name = "workflows/queue_results.html"
    index_url_name = "workflows:queue"
    index_results_url_name = "workflows:queue_results"
    filterset_class = QueueFilterSet
    page_title = gettext_lazy("Antrean review")
    header_icon = "tasks"
    paginate_by = 50
    columns = [
        BulkActionsCheckboxColumn("bulk_actions", obj_type="review"),
        CellColumn(
            "phenomenon", "workflows/cells/queue_phenomenon.html", label=gettext_lazy("Fenomena")
        ),
        CellColumn("theme", "workflows/cells/queue_theme.html", label=gettext_lazy("Tema")),
        CellColumn("author", "workflows/cells/queue_author.html", label=gettext_lazy("Penginput")),
        CellColumn(
            "started_at", "workflows/cells/queue_submitted.html", label=gettext_lazy("Diajukan")
        ),
        CellColumn("source", "workflows/cells/queue_source.html", label=gettext_lazy("Bukti")),
        CellColumn(
            "decision",
            "workflows/cells/queue_decision.html",
            label=gettext_lazy("Keputusan"),
            classname="simfoni-actions w-whitespace-nowrap",
        ),
    ]

    def may_see(self, user):
        return user.has_perm(REVIEW_PERMISSION)

    def get_base_queryset(self):
        return with_previous_decision(waiting_for(self.request.user))

    def decorate(self, states):
        submitted_objects(states)  # one query per model, not ~18 per row
        for state in states:
            submitted = state.submitted_object()
            resubmitted = state.previous_status == TaskState.STATUS_REJECTED
            state.submitted = submitted
            state.source = submitted.primary_source
            state.is_edit = state.phenomenon.live
            # Sent again after a rejection: what was rejected, and what changed since.
            state.is_resubmission = resubmitted
            state.rejected_reason = state.previous_comment if resubmitted else ""
            state.changes_url = reverse("workflows:changes", args=[state.pk])


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
    """Approve one submission ("only"), the queue row's "Setujui" button; several ticked rows
    go through the bulk action (`workflows.bulk_actions.ApproveBulkAction`)."""

    def post(self, request):
        state_id = request.POST.get("only", "")
        state = (
            ReviewTaskState.objects.select_related("phenomenon", "task", "revision")
            .filter(pk=state_id)
            .first()
            if state_id.isdigit()
            else None
        )
        if state is None:
            messages.warning(request, _("Pilih minimal satu fenomena untuk disetujui."))
            return _back_to_queue(request)
        submitted_objects([state])  # its foreign keys checked and attached in a few queries
        try:
            approve(request.user, state)
        except PermissionDenied as refused:
            messages.error(
                request,
                _('Fenomena "%(title)s" tidak dapat Anda setujui: %(reason)s.')
                % {"title": state.submitted_object().title, "reason": refused},
            )
        else:
            messages.success(
                request,
                _("%(count)d fenomena disetujui dan kini terlihat oleh semua: %(titles)s")
                % {"count": 1, "titles": state.submitted_object().title},
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


class MyPhenomenaView(SimfoniIndexView):
    model = Phenomenon
    template_name = "workflows/my_phenomena.html"
    results_template_name = "workflows/my_phenomena_results.html"
    index_url_name = "workflows:mine"
    index_results_url_name = "workflows:mine_results"
    page_title = gettext_lazy("Fenomena saya")
    header_icon = "doc-full"
    paginate_by = 25
    columns = [
        CellColumn("title", "workflows/cells/mine_title.html", label=gettext_lazy("Fenomena")),
        CellColumn("theme", "workflows/cells/mine_theme.html", label=gettext_lazy("Tema")),
        CellColumn("period", "workflows/cells/mine_period.html", label=gettext_lazy("Periode")),
        CellColumn("status", "workflows/cells/mine_status.html", label=gettext_lazy("Status")),
        CellColumn(
            "updated_at", "workflows/cells/mine_updated.html", label=gettext_lazy("Diperbarui")
        ),
    ]

    def may_see(self, user):
        return user.has_perm("phenomena.add_phenomenon")

    def get_base_queryset(self):
        return (
            Phenomenon.objects.filter(author=self.request.user)
            .select_related("theme", "subject")
            .order_by("live", "-updated_at", "-pk")  # what still needs the author first
        )

    def decorate(self, phenomena):
        status_of = statuses(phenomena)
        for phenomenon in phenomena:
            phenomenon.status = status_of[phenomenon.pk]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["add_url"] = reverse("wagtailsnippets_phenomena_phenomenon:add")
        return context


class NotificationsView(SimfoniIndexView):
    model = Notification
    template_name = "workflows/notifications.html"
    results_template_name = "workflows/notifications_results.html"
    index_url_name = "workflows:notifications"
    index_results_url_name = "workflows:notifications_results"
    page_title = gettext_lazy("Notifikasi")
    header_icon = "mail"
    paginate_by = 30
    columns = [
        CellColumn("unread", "workflows/cells/notification_badge.html", label=""),
        CellColumn(
            "notification",
            "workflows/cells/notification_text.html",
            label=gettext_lazy("Notifikasi"),
        ),
        CellColumn(
            "timestamp",
            "workflows/cells/notification_time.html",
            label=gettext_lazy("Waktu"),
            classname="w-whitespace-nowrap",
        ),
        CellColumn(
            "mark", "workflows/cells/notification_mark.html", label="", classname="simfoni-actions"
        ),
    ]

    def get_base_queryset(self):
        return Notification.objects.filter(recipient=self.request.user).order_by(
            "-timestamp", "-pk"
        )

    def decorate(self, notifications):
        for notification in notifications:
            if notification.unread:
                notification.row_classname = "simfoni-unread"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["unread"] = self.get_base_queryset().unread().count()
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
