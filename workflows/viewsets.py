from django.utils.translation import gettext_lazy as _
from wagtail.admin.viewsets.model import ModelViewSet

from .models import SupervisorAllocation


class SupervisorAllocationViewSet(ModelViewSet):
    """Admins decide which supervisor reviews which theme."""

    model = SupervisorAllocation
    icon = "group"
    menu_label = _("Alokasi Supervisor")
    menu_name = "alokasi-supervisor"
    menu_order = 910
    add_to_admin_menu = True
    form_fields = ["supervisor", "theme"]
    list_display = ["supervisor", "theme", "theme__subject"]
    list_filter = ["theme", "supervisor"]
    ordering = ["theme__subject__sort_order", "theme__sort_order", "supervisor__username"]
