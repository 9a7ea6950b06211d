from django.urls import path

from . import views

app_name = "reports"

urlpatterns = [
    path("fenomena/<int:pk>/laporkan/", views.report_view, name="new"),
]

admin_urlpatterns = (
    [
        path("", views.index_view, name="index"),
        path("<int:pk>/", views.detail_view, name="detail"),
    ],
    "reports_admin",
)
