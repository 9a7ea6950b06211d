from django import template

from accounts.oidc import sso_enabled as _sso_enabled

register = template.Library()


@register.simple_tag
def sso_enabled():
    return _sso_enabled()
