"""Server-side guards on the phenomenon admin views.

- Deleting: only what `permissions.deletion_refusal` allows, with its reason as the message; the
  bulk delete logs `wagtail.delete` for each phenomenon, like the single delete.
- Unpublishing (withdrawing an approval): admins only, with a required reason kept in the
  history (the `wagtail.unpublish` log entry's comment).
- Publishing one's own work from the editor (admins): refused unless a reason is given, which is
  logged (`simfoni.self_approval`). Nobody approves their own without saying why.
- Stale edits: a save from a form loaded before someone else's save is refused, keeping what
  the user typed.
- Admin list search: double quotes are dropped from the query (Wagtail's SQLite full-text
  backend does not escape them; they carry no meaning for the search anyway).
- The snippet chooser offers no creation (phenomena have a full form with duplicate checks).
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.actions.delete import DeleteAction
from wagtail.actions.unpublish import UnpublishAction
from wagtail.admin.templatetags.wagtailadmin_tags import user_display_name
from wagtail.log_actions import log
from wagtail.snippets.bulk_actions.delete import DeleteBulkAction
from wagtail.snippets.views import snippets as snippet_views
from wagtail.snippets.views.chooser import SnippetChooserViewSet, SnippetCreateView

from offline.receipts import ReceiptCreateMixin

from . import services
from .forms import PhenomenonForm
from .models import Phenomenon
from .permissions import approves_own, deletion_refusal

SELF_APPROVAL_FIELD = "self_approval_reason"
SELF_APPROVAL_LOG_ACTION = services.SELF_APPROVAL_LOG_ACTION
REASON_MAX_LENGTH = 1000


# --- Deleting ---------------------------------------------------------------------------------


class PhenomenonDeleteView(snippet_views.DeleteView):
    """Wagtail's delete view, refused with the reason for what may not be deleted."""

    def dispatch(self, request, *args, **kwargs):
        refusal = deletion_refusal(request.user, self.object)
        if refusal is not None:
            if not self.user_has_permission("delete") or not _can_see(request.user, self.object):
                raise PermissionDenied
            messages.error(request, refusal)
            return redirect(_inspect_url(self.object))
        return super().dispatch(request, *args, **kwargs)


def _can_see(user, phenomenon):
    from wagtail.permissions import policy_registry

    policy = policy_registry.get_by_type(Phenomenon)
    return policy.user_has_permission_for_instance(user, "view", phenomenon)


def _inspect_url(phenomenon):
    return reverse("wagtailsnippets_phenomena_phenomenon:inspect", args=[phenomenon.pk])


class PhenomenonDeleteBulkAction(DeleteBulkAction):
    """Wagtail's bulk delete for phenomena, logging `wagtail.delete` for each one.

    Which phenomena it may delete is the permission policy's per-instance "delete" check
    (`check_perm`), the same as the single delete view."""

    models = [Phenomenon]

    def get_all_objects_in_listing_query(self, parent_id):
        from .permissions import visible_phenomena

        return visible_phenomena(self.request.user).values_list("pk", flat=True)

    @cached_property
    def _actionable_objects(self):
        """Wagtail lists the items the user may not delete by title; here only those the user
        may see are listed at all, and users who may delete nothing are refused outright."""
        from .permissions import visible_phenomena

        user = self.request.user
        if not self.permission_policy.user_has_permission(user, "delete"):
            raise PermissionDenied
        objects, extra = super(DeleteBulkAction, self).get_actionable_objects()
        hidden = {p.pk for p in extra["items_with_no_access"]}
        visible = set(visible_phenomena(user).filter(pk__in=hidden).values_list("pk", flat=True))
        no_access = [p for p in extra["items_with_no_access"] if p.pk in visible]
        if not objects and not no_access:
            raise PermissionDenied
        return objects, {"items_with_no_access": no_access}

    @classmethod
    def execute_action(cls, objects, user=None, **kwargs):
        view = kwargs["self"]
        for phenomenon in objects:
            DeleteAction(phenomenon, user=view.request.user).execute(skip_permission_checks=True)
        return len(objects), 0


# --- Unpublishing with a reason ---------------------------------------------------------------


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Alasan"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=REASON_MAX_LENGTH,
        error_messages={"required": _("Tuliskan alasannya; alasan ini disimpan di riwayat.")},
    )


class PhenomenonUnpublishView(snippet_views.UnpublishView):
    """Withdraw an approval: only with a reason, which the history shows."""

    def get_template_names(self):
        # The viewset passes Wagtail's template list as `template_name`.
        return ["phenomena/unpublish.html"]

    @cached_property
    def form(self):
        data = self.request.POST if self.request.method == "POST" else None
        form = ReasonForm(data)
        form.fields["reason"].help_text = gettext(
            "Fenomena ini tidak lagi tampil sebagai fenomena yang disetujui. Riwayatnya tetap "
            "tersimpan; alasan ini dicatat di sana."
        )
        return form

    def unpublish(self):
        hook_response = self.run_hook("before_unpublish", self.request, self.object)
        if hook_response is not None:
            return hook_response
        was_live = self.object.live
        UnpublishAction(self.object, user=self.request.user, log_action=False).execute(
            skip_permission_checks=True
        )
        if was_live:
            log(
                instance=self.object,
                action="wagtail.unpublish",
                user=self.request.user,
                data={"reason": self.form.cleaned_data["reason"]},
            )
        return self.run_hook("after_unpublish", self.request, self.object)

    def post(self, request, *args, **kwargs):
        if not self.form.is_valid():
            return self.get(request, *args, **kwargs)
        return super().post(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["form"] = self.form
        return context


# --- Editing: self-approval and stale saves ---------------------------------------------------


class SelfApprovalForm(PhenomenonForm):
    """The phenomenon form plus, for those who may publish, the reason to approve their own."""

    self_approval_reason = forms.CharField(
        label=_("Alasan menyetujui sendiri"),
        required=False,
        max_length=REASON_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_(
            "Hanya bila Anda menerbitkan fenomena yang Anda input atau ubah sendiri: tidak ada "
            "yang menyetujui pekerjaannya sendiri tanpa alasan. Alasan ini dicatat di riwayat."
        ),
    )


class SelfApprovalMixin:
    """Publishing one's own phenomenon (or own latest edit) needs a reason, which is logged."""

    approving_own = False

    def self_approval_refused(self, form):
        if self.action != "publish":
            return False
        # Their own phenomenon, their own latest revision, or changes they make right now.
        self.approving_own = (
            approves_own(self.request.user, self.phenomenon_before_save()) or form.has_changed()
        )
        if not self.approving_own:
            return False
        if (
            form.data.get(SELF_APPROVAL_FIELD) or ""
        ).strip() and SELF_APPROVAL_FIELD in form.fields:
            return False
        message = str(services.MSG_SELF_APPROVAL)
        if SELF_APPROVAL_FIELD in form.fields:
            form.add_error(SELF_APPROVAL_FIELD, message)
        self.produced_error_code = "self_approval"
        self.produced_error_message = message
        return True

    def phenomenon_before_save(self):
        """What the publish is judged on: the phenomenon before this save (edit view)."""
        return self.object

    def is_valid(self, form):
        if self.self_approval_refused(form):
            form.is_valid()  # show the other errors too
            return False
        return super().is_valid(form)

    def publish_action(self):
        response = super().publish_action()
        reason = (self.form.cleaned_data.get(SELF_APPROVAL_FIELD) or "").strip()
        if self.approving_own and reason:
            log(
                instance=self.object,
                action=SELF_APPROVAL_LOG_ACTION,
                user=self.request.user,
                revision=self.new_revision,
                data={"reason": reason},
            )
        return response


class StaleEditMixin:
    """Refuse a save based on an older revision than the latest (someone saved meanwhile).

    Wagtail's edit form carries `loaded_revision_id` / `loaded_revision_created_at` and its
    `is_out_of_date` compares them with the latest revision, but only refuses autosaves; this
    refuses every save, re-rendering the form with what the user typed."""

    def is_valid(self, form):
        if not self.expects_json_response and self.is_out_of_date:
            revision = self.latest_revision
            message = gettext(
                "Fenomena ini sudah diubah oleh %(user)s pada %(time)s, setelah formulir ini "
                "Anda buka. Isian Anda belum disimpan: salin yang perlu, lalu muat ulang halaman "
                "untuk melihat versi terbaru (menyimpan formulir ini lagi akan menimpa "
                "perubahan tersebut)."
            ) % {
                "user": user_display_name(revision.user) if revision.user else gettext("sistem"),
                "time": date_format(timezone.localtime(revision.created_at), "DATETIME_FORMAT"),
            }
            self.produced_error_code = "invalid_revision"
            self.produced_error_message = message
            return False
        return super().is_valid(form)


class PhenomenonEditGuardsMixin(StaleEditMixin, SelfApprovalMixin):
    pass


class NewPhenomenonSelfApprovalMixin(SelfApprovalMixin):
    def phenomenon_before_save(self):
        return Phenomenon()  # a new phenomenon (a copy too) is its creator's own


# ReceiptCreateMixin (offline/): a form sent again (lost connection) is stored once.
class PhenomenonCreateView(
    ReceiptCreateMixin, NewPhenomenonSelfApprovalMixin, snippet_views.CreateView
):
    pass


class PhenomenonCopyView(
    ReceiptCreateMixin, NewPhenomenonSelfApprovalMixin, snippet_views.CopyView
):
    pass


# --- Admin list search ------------------------------------------------------------------------


class QuoteSafeSearchMixin:
    """Drop double quotes from the search query (Wagtail issue #13227: on SQLite, a `"` in the
    query makes the full-text MATCH fail with a 500). Quotes are punctuation the index ignores,
    so results are unchanged; a query of quotes only searches for nothing."""

    @cached_property
    def raw_search_query(self):
        if self.search_form and self.search_form.is_valid():
            return self.search_form.cleaned_data[self.search_kwarg]
        return ""

    @cached_property
    def search_query(self):
        return " ".join(self.raw_search_query.replace('"', " ").split())

    @cached_property
    def is_searching(self):
        return bool(self.raw_search_query)

    def search_queryset(self, queryset):
        if self.is_searching and not self.search_query:
            return queryset.none()
        return super().search_queryset(queryset)


# --- Chooser: no creation ---------------------------------------------------------------------


class NoCreationView(SnippetCreateView):
    """The chooser offers no creation form; its create URL answers 404 instead of a 500."""

    def dispatch(self, request, *args, **kwargs):
        if self.get_creation_form_class() is None:
            raise Http404
        return super().dispatch(request, *args, **kwargs)


class ChooserWithoutCreation(SnippetChooserViewSet):
    create_view_class = NoCreationView
