"""Wagtail's site history report ("Riwayat situs"), narrowed to what each role may read.

Wagtail shows every log entry of a content type to whoever holds any permission on it, so an
operator (or a viewer) would read the titles of others' unapproved phenomena and the names of
the supervisors who rejected them. Here a phenomenon's entries follow the same rule as its own
history page (the policy's "history" action):

- admins: everything;
- viewers: no site history at all (they read only approved phenomena, never their history);
- operators: the entries of their own phenomena;
- supervisors: the entries of the phenomena whose history they may read (approved ones and
  those waiting for their review);
- everyone: the entries of what they did themselves.

The same restriction applies to the rows, the CSV/XLSX download and the filter choices (users,
actions). The download writes its cells through `phenomena.spreadsheet` (formula-like labels
neutralised, control characters of old labels removed), as every other export.
`simfoni_site/urls.py` routes Wagtail's report URLs here.
"""

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db.models import CharField, Q
from django.db.models.functions import Cast
from wagtail.admin.views.reports.audit_logging import LogEntriesView, SiteHistoryReportFilterSet
from wagtail.log_actions import registry as log_action_registry

from .models import Phenomenon
from .permissions import administers, phenomenon_policy
from .spreadsheet import SafeSpreadsheetExportMixin


def history_readable_phenomena(user):
    """Phenomena whose full history `user` may read (the policy's "history" rule, as a query)."""
    return phenomenon_policy().instances_user_has_permission_for(user, "history")


def may_read_site_history(user) -> bool:
    """Whoever may read some phenomenon's history (authors, reviewers, admins)."""
    return user.is_authenticated and (
        administers(user) or phenomenon_policy().user_has_permission(user, "history")
    )


def restrict_log_entries(queryset, user):
    """Log entries (of any log model) of `queryset` that `user` may read."""
    if administers(user):
        return queryset
    if not any(field.name == "object_id" for field in queryset.model._meta.get_fields()):
        return queryset  # page log entries: never phenomena
    phenomenon_type = ContentType.objects.get_for_model(Phenomenon)
    readable_ids = (
        history_readable_phenomena(user)
        .annotate(pk_text=Cast("pk", output_field=CharField()))
        .values("pk_text")
    )
    return queryset.filter(
        ~Q(content_type=phenomenon_type) | Q(object_id__in=readable_ids) | Q(user=user)
    )


def readable_log_entries(user):
    """Per log model, the entries `user` may read."""
    return [
        restrict_log_entries(log_model.objects.viewable_by_user(user), user)
        for log_model in log_action_registry.get_log_entry_models()
    ]


class SimfoniSiteHistoryFilterSet(SiteHistoryReportFilterSet):
    """Offers only the users and actions of entries the user may read."""

    def get_action_choices(self):
        actions = set()
        for entries in readable_log_entries(self.request.user):
            actions.update(entries.get_actions())
        return [choice for choice in log_action_registry.get_choices() if choice[0] in actions]

    def get_users_queryset(self):
        user_ids = set()
        for entries in readable_log_entries(self.request.user):
            user_ids.update(entries.get_user_ids())
        User = get_user_model()
        return User.objects.filter(pk__in=user_ids).order_by(User.USERNAME_FIELD)

    def get_user_choices(self):
        return self.get_users_queryset()


class SiteHistoryView(SafeSpreadsheetExportMixin, LogEntriesView):
    """Only readable entries; the download's cells made safe like every SIMFONI export."""

    filterset_class = SimfoniSiteHistoryFilterSet

    def dispatch(self, request, *args, **kwargs):
        if not may_read_site_history(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def filter_queryset(self, queryset):
        # Called by LogEntriesView.get_filtered_queryset once per log model, before the union.
        return restrict_log_entries(super().filter_queryset(queryset), self.request.user)


def site_history_urls():
    """Wagtail's site history URLs (page and results), served by `SiteHistoryView`."""
    from django.urls import path
    from django.views.decorators.cache import never_cache
    from wagtail.admin.auth import require_admin_access

    def view(**kwargs):
        return never_cache(require_admin_access(SiteHistoryView.as_view(**kwargs)))

    return [
        path("admin/reports/site-history/", view()),
        path("admin/reports/site-history/results/", view(results_only=True)),
    ]
