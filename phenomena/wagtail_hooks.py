from wagtail import hooks
from wagtail.admin.search import SearchArea
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from .admin_guards import SELF_APPROVAL_LOG_ACTION, PhenomenonDeleteBulkAction
from .models import Phenomenon
from .permissions import PhenomenonPermissionPolicy
from .viewsets import PhenomenonViewSet, ReferenceDataGroup

register_permission_policy(Phenomenon, PhenomenonPermissionPolicy(Phenomenon))
register_snippet(PhenomenonViewSet)
register_snippet(ReferenceDataGroup)


# After Wagtail's own snippet bulk delete (order 0), so it replaces it for phenomena.
hooks.register("register_bulk_action", PhenomenonDeleteBulkAction, order=1)


@hooks.register("construct_main_menu")
def hide_reference_data_from_non_admins(request, menu_items):
    """Reference data is for admins; others keep the menu uncluttered (server checks stay)."""
    from .apps import REFERENCE_MODELS

    if not any(request.user.has_perm(f"phenomena.change_{model}") for model in REFERENCE_MODELS):
        menu_items[:] = [item for item in menu_items if item.name != "data-referensi"]


@hooks.register("register_log_actions")
def register_duplicate_log_actions(actions):
    from django.utils.translation import gettext
    from django.utils.translation import gettext_lazy as _
    from wagtail.log_actions import LogFormatter

    @actions.register_action("simfoni.merge")
    class MergeFormatter(LogFormatter):
        label = _("Gabungkan duplikat")

        def format_message(self, log_entry):
            return gettext("Fenomena duplikat #%(id)s “%(title)s” digabungkan ke sini") % {
                "id": log_entry.data.get("duplicate_id"),
                "title": log_entry.data.get("duplicate_title", ""),
            }

    @actions.register_action("simfoni.merged_into")
    class MergedIntoFormatter(LogFormatter):
        label = _("Digabungkan")

        def format_message(self, log_entry):
            return gettext("Digabungkan ke fenomena #%(id)s “%(title)s”") % {
                "id": log_entry.data.get("survivor_id"),
                "title": log_entry.data.get("survivor_title", ""),
            }

    actions.register_action(
        "simfoni.add_source", _("Tambah sumber"), _("Sumber ditambahkan (fenomena duplikat)")
    )


class PhenomenaSearchArea(SearchArea):
    """The sidebar's search box searches phenomena (the list shows each role what it may see)."""

    def is_shown(self, request):
        from wagtail.permissions import policy_registry

        policy = policy_registry.get_by_type(Phenomenon)
        return policy.user_has_any_permission(request.user, ["add", "change", "delete", "view"])


@hooks.register("register_admin_search_area")
def register_phenomena_search_area():
    from django.urls import reverse
    from django.utils.translation import gettext_lazy as _

    return PhenomenaSearchArea(
        _("Fenomena"),
        reverse("wagtailsnippets_phenomena_phenomenon:list"),
        name="fenomena",
        icon_name="doc-full-inverse",
        order=50,
    )


@hooks.register("register_log_actions", order=1)
def register_reason_log_actions(actions):
    """After Wagtail's own (order 0): an unpublish shows its reason as the entry's comment."""
    from django.utils.translation import gettext_lazy as _
    from wagtail.log_actions import LogFormatter

    core = actions.formatters.get("wagtail.unpublish")
    # Replacing, not adding: keep one "wagtail.unpublish" in the history filters' choices.
    actions.choices[:] = [choice for choice in actions.choices if choice[0] != "wagtail.unpublish"]

    @actions.register_action("wagtail.unpublish")
    class UnpublishWithReasonFormatter(LogFormatter):
        label = core.label if core else _("Batalkan penerbitan")
        message = core.message if core else _("Penerbitan dibatalkan")

        def format_comment(self, log_entry):
            return (log_entry.data or {}).get("reason", "")

    @actions.register_action(SELF_APPROVAL_LOG_ACTION)
    class SelfApprovalFormatter(LogFormatter):
        label = _("Menyetujui sendiri")
        message = _("Diterbitkan oleh penginput/pengubahnya sendiri, dengan alasan")

        def format_comment(self, log_entry):
            return (log_entry.data or {}).get("reason", "")
