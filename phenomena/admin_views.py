"""Admin views of phenomena that apply SIMFONI's visibility policy per phenomenon.

The policy (`phenomena.permissions`) decides who sees and changes which phenomenon; Wagtail's
generic views check model-level permissions only. The views here narrow them:

- the snippet chooser lists and returns only the phenomena the user may see;
- the list's title links and row menus offer only what the user may do with that row;
- the inspect page ("Rincian") is a readable detail view of the version the user may see.
"""

from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.choosers import SearchFilterMixin
from wagtail.admin.widgets.button import Button
from wagtail.models import ModelLogEntry
from wagtail.permissions import policy_registry
from wagtail.snippets.views import chooser as chooser_views

from .admin_guards import ChooserWithoutCreation, QuoteSafeSearchMixin
from .models import Phenomenon
from .permissions import administers, visible_phenomena

SNIPPET = "wagtailsnippets_phenomena_phenomenon"


def _policy():
    return policy_registry.get_by_type(Phenomenon)


def may(user, action, phenomenon) -> bool:
    """May `user` do `action` ("view", "change", "delete", "history"…) to `phenomenon`?"""
    return _policy().user_has_permission_for_instance(user, action, phenomenon)


# -- Chooser ---------------------------------------------------------------------------------


class VisibleChooserMixin:
    def get_object_list(self):
        return visible_phenomena(self.request.user, super().get_object_list())


class TitleSearchFilterMixin(SearchFilterMixin):
    """The chooser's search box, answered in the database: titles containing the words."""

    def filter(self, objects):
        objects = super(SearchFilterMixin, self).filter(objects)
        words = " ".join((self.cleaned_data.get("q") or "").split())
        if words:
            for word in words.split():
                objects = objects.filter(title__icontains=word)
            self.is_searching = True
            self.search_query = words
        return objects


class ChooserSearchMixin:
    """Wagtail's index is not kept where the search table serves search (search/engines):
    there the chooser searches titles in the database instead."""

    def get_filter_form_class(self):
        from search.engines import uses_wagtail_index

        form_class = super().get_filter_form_class()
        if uses_wagtail_index():
            return form_class
        bases = tuple(
            TitleSearchFilterMixin if base is SearchFilterMixin else base
            for base in form_class.__bases__
        )
        return type("FilterForm", bases, {})


class PhenomenonChooseView(
    ChooserSearchMixin, QuoteSafeSearchMixin, VisibleChooserMixin, chooser_views.ChooseView
):
    pass


class PhenomenonChooseResultsView(
    ChooserSearchMixin, QuoteSafeSearchMixin, VisibleChooserMixin, chooser_views.ChooseResultsView
):
    pass


class PhenomenonChosenView(chooser_views.SnippetChosenView):
    def get_object(self, pk):
        # Not visible answers like not existing (404): the title is never returned.
        return visible_phenomena(self.request.user).get(pk=pk)


class PhenomenonChosenMultipleView(chooser_views.SnippetChosenMultipleView):
    def get_objects(self, pks):
        return visible_phenomena(self.request.user).filter(pk__in=pks)


class PhenomenonChooserViewSet(ChooserWithoutCreation):
    """Only visible phenomena; no creation from the chooser (admin_guards)."""

    choose_view_class = PhenomenonChooseView
    choose_results_view_class = PhenomenonChooseResultsView
    chosen_view_class = PhenomenonChosenView
    chosen_multiple_view_class = PhenomenonChosenMultipleView


# -- List ------------------------------------------------------------------------------------


class InstanceActionsIndexMixin:
    """Row links and menus per phenomenon: "Ubah"/"Hapus" only where the policy allows.

    The title opens the editor for whoever may change the row, otherwise the detail view
    (Wagtail's title column falls back to the inspect URL when there is no edit URL). Every
    row may be inspected: the list holds only visible phenomena. The checks below use the
    row's own fields (author, publication dates) and its workflow state, prefetched for the
    whole page the way Wagtail's page listings do (`prefetch_workflow_states`), so they cost
    no query per row."""

    def get_base_queryset(self):
        from django.db.models import Prefetch
        from wagtail.models import WorkflowState

        # Read by `workflow_in_progress` (the delete rule refuses what is in review).
        active = WorkflowState.objects.active().select_related("current_task_state__task")
        return (
            super()
            .get_base_queryset()
            .prefetch_related(
                Prefetch("_workflow_states", queryset=active, to_attr="_current_workflow_states")
            )
        )

    def get_edit_url(self, instance):
        if may(self.request.user, "change", instance):
            return super().get_edit_url(instance)
        return None

    def get_delete_url(self, instance):
        if may(self.request.user, "delete", instance):
            return super().get_delete_url(instance)
        return None


# -- Detail ("Periksa") ----------------------------------------------------------------------


def version_for(user, phenomenon):
    """The version of `phenomenon` that `user` may read, and whether it is not the approved one.

    - The author and admins: the latest revision (their pending edit included).
    - A reviewer it waits for: the revision submitted for review.
    - Everyone else: the stored row, i.e. the approved version of an approved phenomenon.
    """
    if phenomenon.author_id == user.pk or administers(user):
        latest = phenomenon.get_latest_revision_as_object()
        return latest, phenomenon.live and phenomenon.has_unpublished_changes
    state = phenomenon.current_workflow_task_state if phenomenon.workflow_in_progress else None
    if state is not None and user.has_perm("workflows.review_phenomenon") and state.revision_id:
        from workflows.routing import can_review

        if can_review(user, phenomenon):
            return state.revision.as_object(), phenomenon.live
    return phenomenon, False


def history_summary(phenomenon) -> dict:
    """Created by/when, last change, last approval by/when (from Wagtail's log)."""
    entries = ModelLogEntry.objects.for_instance(phenomenon).select_related("user")
    approval = entries.filter(action="wagtail.publish").order_by("-timestamp", "-pk").first()
    latest = phenomenon.latest_revision
    return {
        "created_at": phenomenon.created_at,
        "created_by": phenomenon.author,
        "changed_at": latest.created_at if latest else phenomenon.updated_at,
        "changed_by": latest.user if latest else None,
        "approved_at": approval.timestamp if approval else None,
        "approved_by": approval.user if approval else None,
    }


class PhenomenonDetailMixin:
    """Turns Wagtail's inspect view into a readable detail page of one phenomenon."""

    template_name = "phenomena/inspect.html"
    page_title = _("Rincian fenomena")

    def get_page_subtitle(self):
        return str(self.object)

    def get_edit_url(self):
        if may(self.request.user, "change", self.object):
            return super().get_edit_url()
        return None

    def get_delete_url(self):
        if may(self.request.user, "delete", self.object):
            return super().get_delete_url()
        return None

    def get_history_url(self):
        if may(self.request.user, "history", self.object):
            return reverse(f"{SNIPPET}:history", args=[self.object.pk])
        return None

    @cached_property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        if history_url := self.get_history_url():
            buttons.append(Button(_("Riwayat"), url=history_url, icon_name="history", priority=30))
            # Possible duplicates show other phenomena in full: for those who see history.
            buttons.append(
                Button(
                    _("Kemungkinan duplikat"),
                    url=reverse(f"{SNIPPET}:duplicates_review", args=[self.object.pk]),
                    icon_name="duplicate",
                    priority=40,
                )
            )
        return buttons

    def get_context_data(self, **kwargs):
        from workflows.routing import reviewers_for
        from workflows.views import STATUS_APPROVED, STATUS_IN_REVIEW, STATUS_LABELS, statuses

        context = super().get_context_data(**kwargs)
        user = self.request.user
        phenomenon = self.object
        shown, is_pending_version = version_for(user, phenomenon)
        full = may(user, "history", phenomenon)
        if full:
            status = statuses([phenomenon])[phenomenon.pk]
        else:
            # Others see only approved phenomena (the policy), and never a rejection reason.
            status = {
                "code": STATUS_APPROVED,
                "label": STATUS_LABELS[STATUS_APPROVED],
                "reason": "",
                "by": None,
                "note": "",
            }
        reviewers = []
        if full and status["code"] == STATUS_IN_REVIEW:
            reviewers = list(reviewers_for(phenomenon))
        sources = list(shown.sources.all())
        compare_url = None
        if is_pending_version and full and phenomenon.live:
            compare_url = reverse(
                f"{SNIPPET}:revisions_compare", args=[phenomenon.pk, "live", "latest"]
            )
        context.update(
            shown=shown,
            is_pending_version=is_pending_version,
            status=status,
            full=full,
            reviewers=reviewers,
            sources=sources,
            indicators=list(shown.indicator_links.all()),
            keywords=sorted(shown.keywords.all(), key=lambda tag: tag.name.lower()),
            summary=history_summary(phenomenon),
            history_url=self.get_history_url(),
            edit_url=self.get_edit_url(),
            compare_url=compare_url,
            public_url=(
                reverse("search:detail", args=[phenomenon.pk]) if phenomenon.live else None
            ),
        )
        return context


# -- History ---------------------------------------------------------------------------------


class HistoryRuleMixin:
    """Wagtail's model-level check ("change", or any of add/change/delete) replaced by the
    policy's per-phenomenon "history" rule (checked by `viewsets.checked(…, "history")`): the
    history, workflow history and revision comparison of one phenomenon follow one rule, so a
    supervisor reads what they review and an operator never reads another's pending edit."""

    permission_required = None
    any_permission_required = None


def history_rule(view_class):
    return type(view_class.__name__, (HistoryRuleMixin, view_class), {})
