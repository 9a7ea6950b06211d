"""Account views around Wagtail's: a logout that only a POST from the site can trigger, and the
Indonesian page shown when too many wrong passwords locked a login (django-axes)."""

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.utils.translation import gettext as _
from wagtail.admin import messages
from wagtail.admin.views.account import LogoutView as WagtailLogoutView


class LogoutView(WagtailLogoutView):
    """Wagtail's logout deletes the session cookie whatever the answer, so a GET (a link or an
    image on another site) answered 405 still logged the user out. Only a real logout does."""

    def dispatch(self, request, *args, **kwargs):
        response = auth_views.LogoutView.dispatch(self, request, *args, **kwargs)
        if request.method == "POST" and response.status_code < 400:
            messages.success(request, _("Anda telah keluar."))
            # As Wagtail does: no fresh session cookie for an anonymous visitor.
            response.delete_cookie(
                settings.SESSION_COOKIE_NAME,
                domain=settings.SESSION_COOKIE_DOMAIN,
                path=settings.SESSION_COOKIE_PATH,
            )
            request.session.modified = False
        return response
