from django.conf import settings
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from home.views import DashboardLoginView
from phenomena.site_history import site_history_urls

urlpatterns = [
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/login/", DashboardLoginView.as_view(), name="wagtailadmin_login"),
    *site_history_urls(),  # before Wagtail's own: site history narrowed per role
    path("admin/", include(wagtailadmin_urls)),
    path("", include("home.urls")),
    path("documents/", include(wagtaildocs_urls)),
    path("", include("search.urls")),  # /cari/ and /fenomena/<id>/
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [path("", include(wagtail_urls))]
