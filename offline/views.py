from django.core.exceptions import PermissionDenied
from django.http import JsonResponse
from django.middleware.csrf import get_token
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

INPUT_PERMISSION = "phenomena.add_phenomenon"


def may_input(user) -> bool:
    """Roles that input phenomena (operators, admins) have unsent drafts to look after."""
    return bool(user.is_authenticated and user.has_perm(INPUT_PERMISSION))


@never_cache
@require_GET
def ping_view(request):
    """Cheap: the server and the session are alive. Signed out, Wagtail's admin wrapper
    answers with the login redirect, which the script reads as "session expired". Gives the
    current CSRF token: it changes when the user signs in again, and a form sent again with
    the old one would be refused."""
    return JsonResponse({"ok": True, "csrf": get_token(request)})


@never_cache
def drafts_view(request):
    """ "Isian tertunda": the user's unsent drafts. They live in this browser only; the page
    script reads them from the user's own storage key and lists them."""
    if not may_input(request.user):
        raise PermissionDenied
    return render(request, "offline/drafts.html", {"page_title": _("Isian tertunda")})
