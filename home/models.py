from django.db import models
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


class DailySubjectCount(models.Model):
    """Rollup for the dashboard's charts: phenomena per local day of `created_at` × subject ×
    kab/kota (0 = none) × approved. Kept exact by database triggers (`home/rollup.py`) and
    rebuilt by `manage.py rebuild_dashboard_counts`."""

    day = models.DateField()
    subject_id = models.BigIntegerField()
    area_id = models.BigIntegerField(default=0)
    live = models.BooleanField()
    n = models.IntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["day", "subject_id", "area_id", "live"], name="home_daily_subject_cell"
            )
        ]

    def __str__(self):
        return f"{self.day} subjek {self.subject_id} wilayah {self.area_id}: {self.n}"


class DailyContributorCount(models.Model):
    """Rollup for the dashboard's top contributors: phenomena per local day × author (0 =
    none) × work unit (0 = none) × kab/kota (0 = none) × approved."""

    day = models.DateField()
    author_id = models.BigIntegerField(default=0)
    work_unit_id = models.BigIntegerField(default=0)
    area_id = models.BigIntegerField(default=0)
    live = models.BooleanField()
    n = models.IntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["day", "author_id", "work_unit_id", "area_id", "live"],
                name="home_daily_contributor_cell",
            )
        ]

    def __str__(self):
        return f"{self.day} penulis {self.author_id} unit {self.work_unit_id}: {self.n}"


class DailyKeywordCount(models.Model):
    """Rollup for the dashboard's top keywords: keyword links per local day × tag × kab/kota
    (0 = none) × approved (`home/rollup.py`)."""

    day = models.DateField()
    tag = models.ForeignKey(
        "taggit.Tag", on_delete=models.DO_NOTHING, db_constraint=False, related_name="+"
    )
    area_id = models.BigIntegerField(default=0)
    live = models.BooleanField()
    n = models.IntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["day", "tag", "area_id", "live"], name="home_daily_keyword_cell"
            )
        ]

    def __str__(self):
        return f"{self.day} tag {self.tag_id} wilayah {self.area_id}: {self.n}"
