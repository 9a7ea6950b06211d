from django.conf import settings
from django.templatetags.static import static as static_url
from django.urls import include, path
from django.views.generic import RedirectView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from home.views import DashboardLoginView
from phenomena.site_history import site_history_urls
from simfoni_site.accounts import LogoutView
from simfoni_site.health import healthz


class FaviconView(RedirectView):
    """Browsers ask /favicon.ico before reading any page: point them at the static icon (its
    URL is looked up per request, as the hashed production name exists after collectstatic)."""

    permanent = True

    def get_redirect_url(self, *args, **kwargs):
        return static_url("favicon.ico")


# A server error: a page in the user's language; 503 + Retry-After while the database is down.
handler500 = "simfoni_site.errors.server_error"

urlpatterns = [
    path("i18n/", include("django.conf.urls.i18n")),
    path("favicon.ico", FaviconView.as_view()),
    path("healthz", healthz, name="healthz"),  # docs/deploy.md
    path("admin/login/", DashboardLoginView.as_view(), name="wagtailadmin_login"),
    *site_history_urls(),  # before Wagtail's own: site history narrowed per role
    path("admin/logout/", LogoutView.as_view(), name="wagtailadmin_logout"),
    path("admin/", include(wagtailadmin_urls)),
    path("", include("accounts.urls")),  # /sso/: single sign-on (OpenID Connect)
    path("", include("home.urls")),
    path("documents/", include(wagtaildocs_urls)),
    path("", include("search.urls")),  # /cari/ and /fenomena/<id>/
    path("", include("dossiers.urls")),  # /berkas-rilis/
    path("", include("api.urls")),  # /api/v1/ (docs/api.md)
    path("", include("reports.urls")),  # /fenomena/<id>/laporkan/ (docs/reports.md)
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [path("", include(wagtail_urls))]
