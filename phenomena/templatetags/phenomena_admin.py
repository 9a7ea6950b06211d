"""Template tags of SIMFONI's admin screens."""

from django import template
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.search import SearchForm
from wagtail.permissions import policy_registry

from phenomena.models import Phenomenon

register = template.Library()


@register.simple_tag(takes_context=True)
def phenomena_search(context):
    """The admin home's search box: the phenomena list's search, for whoever may list them.

    Returns {"url", "form"}, or None for a user who may see no phenomenon at all."""
    request = context["request"]
    policy = policy_registry.get_by_type(Phenomenon)
    if not policy.user_has_any_permission(request.user, ["add", "change", "delete", "view"]):
        return None
    return {
        "url": reverse("wagtailsnippets_phenomena_phenomenon:list"),
        "form": SearchForm(placeholder=_("Cari fenomena…")),
    }
