from django import template
from django.urls import reverse

register = template.Library()


@register.simple_tag
def error_report_url(phenomenon):
    """The "Laporkan kesalahan" form of an approved phenomenon (None for others)."""
    if phenomenon is None or not getattr(phenomenon, "live", False):
        return None
    return reverse("reports:new", args=[phenomenon.pk])
