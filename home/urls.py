from django.urls import path

from . import views

urlpatterns = [
    path("dasbor/", views.dashboard_view, name="dashboard"),
    path("kalender-rilis/", views.calendar_view, name="arc_calendar"),
    path("kalender-rilis.ics", views.calendar_ics, name="arc_ics"),
]
