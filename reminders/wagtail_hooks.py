from wagtail import hooks

from .viewsets import RemindersViewSetGroup


@hooks.register("register_admin_viewset")
def register_viewsets():
    return RemindersViewSetGroup()
