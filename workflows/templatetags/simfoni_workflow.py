"""Template tags of the approval workflow: the rejection shown in the phenomenon editor."""

from django import template

from ..rejection import current_rejection as _current_rejection

register = template.Library()


@register.simple_tag
def current_rejection(obj):
    """`{% current_rejection object as rejection %}`: the rejection to fix, or None."""
    if not hasattr(obj, "current_workflow_state"):
        return None
    return _current_rejection(obj)


@register.inclusion_tag("workflows/includes/rejection_notice.html")
def rejection_notice(obj):
    """The banner at the top of the editor of a rejected phenomenon."""
    return {"rejection": current_rejection(obj)}
