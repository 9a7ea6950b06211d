from wagtail import hooks

from .admin import api_key_viewset


@hooks.register("register_admin_viewset")
def register_api_key_viewset():
    return api_key_viewset
