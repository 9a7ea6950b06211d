from django.shortcuts import redirect
from wagtail.models import Page


class HomePage(Page):
    """The site's landing page. Signed-in users go straight to their dashboard (/dasbor/)."""

    max_count = 1

    def serve(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            return redirect("dashboard")
        return super().serve(request, *args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        from phenomena.models import Outlet, Phenomenon, Subject

        context = super().get_context(request, *args, **kwargs)
        context["approved_count"] = Phenomenon.objects.approved().count()
        context["subject_count"] = Subject.objects.count()
        context["outlet_count"] = Outlet.objects.count()
        return context
