from django.urls import path

from . import views

app_name = "dossiers"

urlpatterns = [
    path("berkas-rilis/", views.index_view, name="index"),
    path("berkas-rilis/<int:release_id>/", views.release_view, name="release"),
    path("berkas-rilis/<int:release_id>/unduh.<str:fmt>", views.export_view, name="export"),
    path("berkas-rilis/<int:release_id>/bagikan/", views.share_view, name="share"),
    path(
        "berkas-rilis/<int:release_id>/bagikan/<int:link_id>/cabut/",
        views.revoke_view,
        name="revoke",
    ),
    path("berkas-rilis/bagi/<str:token>/", views.shared_view, name="shared"),
    path(
        "berkas-rilis/bagi/<str:token>/unduh.<str:fmt>",
        views.shared_export_view,
        name="shared_export",
    ),
]
