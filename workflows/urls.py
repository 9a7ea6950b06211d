from django.urls import path

from . import views

app_name = "workflows"

urlpatterns = [
    path("review/", views.QueueView.as_view(), name="queue"),
    path("review/hasil/", views.QueueView.as_view(results_only=True), name="queue_results"),
    path("review/setujui/", views.ApproveView.as_view(), name="approve"),
    path("review/<int:task_state_id>/tolak/", views.RejectView.as_view(), name="reject"),
    path(
        "review/<int:task_state_id>/perubahan/",
        views.ReviewChangesView.as_view(),
        name="changes",
    ),
    path("fenomena-saya/", views.MyPhenomenaView.as_view(), name="mine"),
    path(
        "fenomena-saya/hasil/",
        views.MyPhenomenaView.as_view(results_only=True),
        name="mine_results",
    ),
    path("notifikasi/", views.NotificationsView.as_view(), name="notifications"),
    path(
        "notifikasi/hasil/",
        views.NotificationsView.as_view(results_only=True),
        name="notifications_results",
    ),
    path("notifikasi/baca-semua/", views.MarkReadView.as_view(), name="mark_all_read"),
    path("notifikasi/<int:pk>/baca/", views.MarkReadView.as_view(), name="mark_read"),
    path("notifikasi/<int:pk>/buka/", views.OpenNotificationView.as_view(), name="open"),
]
