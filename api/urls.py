from django.urls import path, re_path

from .api import api
from .errors import not_found

urlpatterns = [
    path("api/v1/", api.urls),
    re_path(r"^api/", not_found),  # anything else under /api/: a JSON 404
]
