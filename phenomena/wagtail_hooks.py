from wagtail import hooks
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from .models import Phenomenon
from .permissions import PhenomenonPermissionPolicy
from .viewsets import PhenomenonViewSet, ReferenceDataGroup

register_permission_policy(Phenomenon, PhenomenonPermissionPolicy(Phenomenon))
register_snippet(PhenomenonViewSet)
register_snippet(ReferenceDataGroup)


@hooks.register("construct_main_menu")
def hide_reference_data_from_non_admins(request, menu_items):
    """Reference data is for admins; others keep the menu uncluttered (server checks stay)."""
    from .permissions import is_admin

    if not is_admin(request.user):
        menu_items[:] = [item for item in menu_items if item.name != "data-referensi"]
