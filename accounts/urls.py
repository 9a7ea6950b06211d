from django.urls import path

from . import views

urlpatterns = [
    path("sso/masuk/", views.SsoLoginView.as_view(), name="oidc_authentication_init"),
    path("sso/callback/", views.SsoCallbackView.as_view(), name="oidc_authentication_callback"),
    path("sso/menunggu-persetujuan/", views.waiting_view, name="sso_waiting"),
]
