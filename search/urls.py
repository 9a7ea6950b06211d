from django.urls import path

from . import views

app_name = "search"

urlpatterns = [
    path("cari/", views.search_view, name="search"),
    path("cari/export.csv", views.export_view, {"fmt": "csv"}, name="export_csv"),
    path("cari/export.xlsx", views.export_view, {"fmt": "xlsx"}, name="export_xlsx"),
    path("fenomena/<int:pk>/", views.detail_view, name="detail"),
]
