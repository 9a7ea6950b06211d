from wagtail.models import Page


class HomePage(Page):
    """The site's landing page; the dashboard builds on it."""

    max_count = 1

    def get_context(self, request, *args, **kwargs):
        from phenomena.models import Outlet, Phenomenon, Subject

        context = super().get_context(request, *args, **kwargs)
        context["approved_count"] = Phenomenon.objects.approved().count()
        context["subject_count"] = Subject.objects.count()
        context["outlet_count"] = Outlet.objects.count()
        return context
