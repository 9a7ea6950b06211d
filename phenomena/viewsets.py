"""Admin screens for phenomena and reference data, built on Wagtail's viewsets."""

import django_filters
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.permissions import policy_registry
from wagtail.snippets.views import snippets as snippet_views
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet
from wagtail.users.views.users import UserViewSet

from .forms import PhenomenonForm, SimfoniUserCreationForm, SimfoniUserEditForm
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


class PhenomenonFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        label=_("Status"),
        choices=[("approved", _("Disetujui")), ("unapproved", _("Belum disetujui"))],
        method="filter_status",
        empty_label=_("Semua"),
    )
    subject = django_filters.ModelChoiceFilter(
        label=_("Subjek"), queryset=Subject.objects.all(), empty_label=_("Semua")
    )
    theme = django_filters.ModelChoiceFilter(
        label=_("Tema"), queryset=Theme.objects.all(), empty_label=_("Semua")
    )
    scope = django_filters.ModelChoiceFilter(
        label=_("Cakupan"), queryset=Scope.objects.filter(parent__isnull=True)
    )
    area = django_filters.ModelChoiceFilter(
        label=_("Kabupaten/Kota"), queryset=Scope.objects.filter(parent__isnull=False)
    )
    source_type = django_filters.ModelChoiceFilter(
        label=_("Jenis sumber"),
        queryset=SourceType.objects.all(),
        field_name="sources__source_type",
        distinct=True,
    )
    reference_period = django_filters.DateFromToRangeFilter(
        label=_("Periode referensi"), widget=DateRangePickerWidget
    )

    class Meta:
        model = Phenomenon
        fields = []

    def filter_status(self, queryset, name, value):
        return queryset.filter(live=(value == "approved"))


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


class PhenomenonIndexView(IndexView):
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
    edit_handler = ObjectList(Phenomenon.panels, base_form_class=PhenomenonForm)

    edit_view_class = checked(snippet_views.EditView, "change")
    copy_view_class = checked(snippet_views.CopyView, "view")
    delete_view_class = checked(snippet_views.DeleteView, "delete")
    inspect_view_class = checked(snippet_views.InspectView, "view")
    history_view_class = checked(snippet_views.HistoryView, "view")
    usage_view_class = checked(snippet_views.UsageView, "view")
    lock_view_class = checked(snippet_views.LockView, "lock")
    unlock_view_class = checked(snippet_views.UnlockView, "unlock")
    revisions_view_class = checked(snippet_views.PreviewRevisionView, "view")
    revisions_compare_view_class = checked(snippet_views.RevisionsCompareView, "view")


def reference_viewset(model_, icon_, order, fields, list_display_=None):
    """A plain snippet viewset for a reference table, editable by admins."""

    class ReferenceViewSet(SnippetViewSet):
        model = model_
        icon = icon_
        menu_order = order
        list_display = list_display_ or ["__str__"]
        panels = [FieldPanel(name) for name in fields]

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
        reference_viewset(ReleaseDate, "date", 8, ["indicator", "date"], ["indicator", "date"]),
    )


class SimfoniUserViewSet(UserViewSet):
    """Wagtail's user admin with one role and one work unit per account."""

    def get_form_class(self, for_update=False):
        return SimfoniUserEditForm if for_update else SimfoniUserCreationForm

    @property
    def create_template_name(self):
        return "phenomena/users/create.html"

    @property
    def edit_template_name(self):
        return "phenomena/users/edit.html"
