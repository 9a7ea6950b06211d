"""Admin screens for phenomena and reference data, built on Wagtail's viewsets."""

import django_filters
from django.apps import apps
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.permissions import policy_registry
from wagtail.snippets.views import snippets as snippet_views
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet
from wagtail.users.views.users import UserViewSet

from offline.receipts import ReceiptSuccessMixin

from . import admin_guards, filters, users_admin
from .admin_views import (
    InstanceActionsIndexMixin,
    PhenomenonChooserViewSet,
    PhenomenonDetailMixin,
    history_rule,
)
from .duplicates.panels import DuplicatesPanel
from .forms import SimfoniUserCreationForm, SimfoniUserEditForm
from .models import (
    Indicator,
    Outlet,
    Phenomenon,
    ReleaseDate,
    Scope,
    SourceType,
    Subject,
    Theme,
    WorkUnit,
)
from .permissions import visible_phenomena
from .spreadsheet import SafeSpreadsheetExportMixin


class PhenomenonFilterSet(WagtailFilterSet):
    # The filters are declared once, in phenomena/filters.py.
    status = filters.status_filter()
    subject = filters.choice_filter("subject", empty_label=_("Semua"))
    theme = filters.choice_filter("theme", empty_label=_("Semua"))
    scope = filters.choice_filter("scope")
    area = filters.choice_filter("area")
    source_type = filters.choice_filter("source_type")
    reference_period = filters.range_filter("period")

    class Meta:
        model = Phenomenon
        fields = []


class InstancePermissionMixin:
    """Check the permission policy for the object itself, not only for the model.

    Wagtail's generic views check model-level permissions; SIMFONI's policy narrows them per
    phenomenon (an operator edits only their own; a viewer sees only approved ones).
    """

    instance_action = "change"

    def get_object(self, *args, **kwargs):
        obj = super().get_object(*args, **kwargs)
        policy = policy_registry.get_by_type(type(obj))
        if not policy.user_has_permission_for_instance(
            self.request.user, self.instance_action, obj
        ):
            raise PermissionDenied
        return obj


def checked(view_class, action):
    """`view_class` with the instance permission check for `action`."""
    return type(
        view_class.__name__, (InstancePermissionMixin, view_class), {"instance_action": action}
    )


def history_checked(view_class):
    """`view_class` under the policy's "history" rule instead of Wagtail's model permission."""
    return checked(history_rule(view_class), "history")


class MergedRedirectMixin:
    """A merged duplicate's admin pages lead to the phenomenon it was merged into.

    The note names the duplicate only to those who may see it (the policy's "view"); others
    read a neutral note. The survivor's own view checks their permissions again."""

    redirect_view_name = "inspect"
    merged_object = None

    def get_object(self, *args, **kwargs):
        pk = self.kwargs.get("pk")
        merged = Phenomenon.objects.filter(pk=pk, merged_into__isnull=False).first()
        if merged is not None:
            # No permission check here: the redirect reveals only the survivor's URL, whose
            # own view checks permissions; the note below names nothing the user may not see.
            self.merged_object = merged
            return merged
        return super().get_object(*args, **kwargs)

    def dispatch(self, request, *args, **kwargs):
        obj = self.merged_object
        if obj is not None:
            from django.contrib import messages
            from django.utils.translation import gettext

            policy = policy_registry.get_by_type(Phenomenon)
            if policy.user_has_permission_for_instance(request.user, "view", obj):
                note = gettext("Fenomena “%(title)s” sudah digabungkan ke fenomena ini.") % {
                    "title": obj.title
                }
            else:
                note = gettext("Fenomena yang Anda buka sudah digabungkan ke fenomena lain.")
            messages.info(request, note)
            name = f"wagtailsnippets_phenomena_phenomenon:{self.redirect_view_name}"
            return redirect(reverse(name, args=[obj.merged_into_id]))
        return super().dispatch(request, *args, **kwargs)


class PhenomenonInspectView(
    MergedRedirectMixin, PhenomenonDetailMixin, checked(snippet_views.InspectView, "view")
):
    """A readable detail page of the version the user may see (viewers: the approved one)."""


class PhenomenonEditView(
    ReceiptSuccessMixin,  # offline/: the browser's copy goes once the save is confirmed
    admin_guards.PhenomenonEditGuardsMixin,
    MergedRedirectMixin,
    checked(snippet_views.EditView, "change"),
):
    redirect_view_name = "edit"


def duplicate_flag(phenomenon, user):
    """Number of possible duplicates `user` may see (for the list column), 0 when none.

    Only for what still awaits a decision (never approved, or an edit pending that `user` may
    read): a check costs a few queries, and running it for every approved row made each list
    page a full duplicate scan. Approved phenomena keep the "Kemungkinan duplikat" button on
    their inspect page. Counts what the review page lists (`visible_candidates`)."""
    from .duplicates.views import sees_pending_edit, visible_candidates

    if user is None or (
        phenomenon.live
        and not (phenomenon.has_unpublished_changes and sees_pending_edit(user, phenomenon))
    ):
        return 0
    return len(visible_candidates(user, phenomenon))


class DuplicateFlagColumn(Column):
    """The number of possible duplicates the user may see, linking to the review page."""

    cell_template_name = "phenomena/duplicates/flag_cell.html"

    def get_value(self, instance):
        return 0  # counted per user in get_cell_context_data

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        request = parent_context.get("request")
        context["raw_value"] = duplicate_flag(instance, getattr(request, "user", None))
        context["review_url"] = reverse(
            "wagtailsnippets_phenomena_phenomenon:duplicates_review", args=[instance.pk]
        )
        return context


class PhenomenonIndexView(
    SafeSpreadsheetExportMixin,
    admin_guards.QuoteSafeSearchMixin,
    InstanceActionsIndexMixin,
    IndexView,
):
    # Searched in the database, not the search index: the index holds approved phenomena only,
    # and the list (and the admin home's search box) must find an author's own drafts too.
    search_backend_name = None
    search_fields = ["title", "narrative"]

    def get_base_queryset(self):
        queryset = super().get_base_queryset()
        return visible_phenomena(self.request.user, queryset).select_related(
            "subject", "theme", "scope", "area", "author", "work_unit"
        )


class PhenomenonViewSet(SnippetViewSet):
    model = Phenomenon
    icon = "doc-full-inverse"
    menu_label = _("Fenomena")
    menu_name = "phenomena"
    menu_order = 100
    add_to_admin_menu = True
    index_view_class = PhenomenonIndexView
    inspect_view_enabled = True
    filterset_class = PhenomenonFilterSet
    list_per_page = 25
    ordering = ["-reference_period", "-created_at"]
    list_display = [
        "title",
        Column("reference_period_label", label=_("Periode"), sort_key="reference_period"),
        Column("theme", label=_("Tema")),
        Column("scope", label=_("Cakupan")),
        Column("author", label=_("Penginput")),
        DateColumn("updated_at", label=_("Diperbarui"), sort_key="updated_at"),
        DuplicateFlagColumn("duplicate_flag", label=_("Kemungkinan duplikat")),
    ]
    list_export = [
        "title",
        "narrative",
        "reference_period",
        "subject",
        "theme",
        "scope",
        "area",
        "author",
        "work_unit",
        "live",
    ]
    export_filename = "fenomena"
    edit_handler = ObjectList(
        [
            *Phenomenon.panels[:3],
            DuplicatesPanel(),
            *Phenomenon.panels[3:],
            # Shown to those who may publish (admins); see admin_guards.SelfApprovalMixin.
            FieldPanel(
                admin_guards.SELF_APPROVAL_FIELD,
                permission="phenomena.publish_phenomenon",
                heading=_("Alasan menyetujui sendiri"),
            ),
        ],
        base_form_class=admin_guards.SelfApprovalForm,
    )

    add_view_class = admin_guards.PhenomenonCreateView
    edit_view_class = PhenomenonEditView
    copy_view_class = checked(admin_guards.PhenomenonCopyView, "view")
    delete_view_class = admin_guards.PhenomenonDeleteView
    unpublish_view_class = admin_guards.PhenomenonUnpublishView
    inspect_view_class = PhenomenonInspectView
    history_view_class = history_checked(snippet_views.HistoryView)
    # Workflow history (rejection reasons) and revisions (pending edits): the history rule.
    workflow_history_view_class = history_checked(snippet_views.WorkflowHistoryView)
    workflow_history_detail_view_class = history_checked(snippet_views.WorkflowHistoryDetailView)
    # Cancelling a workflow is for its author and admins (the page names the submission).
    confirm_workflow_cancellation_view_class = checked(
        snippet_views.ConfirmWorkflowCancellationView, "change"
    )
    usage_view_class = checked(snippet_views.UsageView, "view")
    lock_view_class = checked(snippet_views.LockView, "lock")
    unlock_view_class = checked(snippet_views.UnlockView, "unlock")
    revisions_view_class = history_checked(snippet_views.PreviewRevisionView)
    revisions_compare_view_class = history_checked(snippet_views.RevisionsCompareView)
    chooser_viewset_class = PhenomenonChooserViewSet

    def get_urlpatterns(self):
        from .duplicates import views as duplicate_views

        return [
            *super().get_urlpatterns(),
            path("duplicates/check/", duplicate_views.check_view, name="duplicates_check"),
            path("duplicates/<int:pk>/", duplicate_views.review_view, name="duplicates_review"),
            path(
                "duplicates/<int:pk>/add-source/",
                duplicate_views.add_source_view,
                name="duplicates_add_source",
            ),
            path(
                "duplicates/<int:pk>/merge/",
                duplicate_views.merge_view,
                name="duplicates_merge",
            ),
        ]


def release_years():
    years = ReleaseDate.objects.dates("date", "year", order="DESC")
    return [(day.year, str(day.year)) for day in years]


class ReleaseDateFilterSet(WagtailFilterSet):
    """ARC release dates by year (the list would otherwise start in 2024) and by indicator."""

    year = django_filters.ChoiceFilter(
        label=_("Tahun"), field_name="date__year", choices=release_years, empty_label=_("Semua")
    )
    indicator = django_filters.ModelChoiceFilter(
        label=_("Indikator"), queryset=Indicator.objects.all(), empty_label=_("Semua")
    )

    class Meta:
        model = ReleaseDate
        fields = []


def reference_viewset(model_, icon_, order, fields, list_display_=None, **options):
    """A plain snippet viewset for a reference table, editable by admins."""

    class ReferenceViewSet(SnippetViewSet):
        model = model_
        icon = icon_
        menu_order = order
        list_display = list_display_ or ["__str__"]
        panels = [FieldPanel(name) for name in fields]

    for name, value in options.items():
        setattr(ReferenceViewSet, name, value)

    ReferenceViewSet.__name__ = f"{model_.__name__}ViewSet"
    return ReferenceViewSet


class ReferenceDataGroup(ViewSetGroup):
    menu_label = _("Data Referensi")
    menu_icon = "folder-open-inverse"
    menu_order = 900
    items = (
        reference_viewset(
            SourceType,
            "tag",
            1,
            ["code", "label", "needs_outlet", "needs_url", "allowed_for_kabkota", "sort_order"],
            ["label", "code", "needs_outlet", "needs_url", "allowed_for_kabkota"],
        ),
        reference_viewset(
            Outlet,
            "globe",
            2,
            ["name", "domain", "source_type", "work_unit"],
            ["name", "domain", "source_type", "work_unit"],
        ),
        reference_viewset(
            Scope,
            "site",
            3,
            ["code", "label", "parent", "requires_area", "sort_order"],
            ["label", "code", "parent"],
        ),
        reference_viewset(Subject, "list-ul", 4, ["code", "label", "sort_order"]),
        reference_viewset(
            Theme, "list-ul", 5, ["subject", "name", "slug", "sort_order"], ["name", "subject"]
        ),
        reference_viewset(
            WorkUnit,
            "group",
            6,
            ["code", "name", "level", "area", "sort_order"],
            ["name", "level", "area"],
        ),
        reference_viewset(
            Indicator,
            "pick",
            7,
            ["name", "slug", "producer", "themes", "sort_order"],
            ["name", "producer"],
        ),
        # Newest and upcoming releases first, filterable by year.
        reference_viewset(
            ReleaseDate,
            "date",
            8,
            ["indicator", "date"],
            ["indicator", Column("date", label=_("Tanggal rilis"), sort_key="date")],
            ordering=["-date", "indicator__sort_order"],
            filterset_class=ReleaseDateFilterSet,
        ),
        # The search thesaurus (search/thesaurus.py): abbreviations and synonyms. Looked up by
        # name: the search app builds on this one, not the other way round (no import cycle).
        reference_viewset(
            apps.get_model("simfoni_search", "SynonymGroup"),
            "resubmit",
            9,
            ["terms", "kind", "note", "active"],
            ["__str__", "kind", "note", "active"],
            search_fields=["terms", "note"],
        ),
    )


class SimfoniUserViewSet(UserViewSet):
    """Wagtail's user admin with one role and one work unit per account."""

    index_view_class = users_admin.SimfoniUserIndexView
    filterset_class = users_admin.SimfoniUserFilterSet

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("terkunci/", users_admin.LockedLoginsView.as_view(), name="locked"),
        ]

    def get_form_class(self, for_update=False):
        return SimfoniUserEditForm if for_update else SimfoniUserCreationForm

    @property
    def create_template_name(self):
        return "phenomena/users/create.html"

    @property
    def edit_template_name(self):
        return "phenomena/users/edit.html"
