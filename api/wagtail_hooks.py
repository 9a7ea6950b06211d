from wagtail import hooks
from wagtail.permissions import register_permission_policy

from .admin import ApiKeyPermissionPolicy, api_key_viewset
from .models import ApiKey

register_permission_policy(ApiKey, ApiKeyPermissionPolicy(ApiKey))


@hooks.register("register_admin_viewset")
def register_api_key_viewset():
    return api_key_viewset
