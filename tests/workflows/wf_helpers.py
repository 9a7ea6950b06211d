"""Workflow test helpers: phenomena made in code, submissions, admin-form data."""

import datetime

from django.urls import reverse

from phenomena.models import (
    Phenomenon,
    PhenomenonSource,
    Scope,
    SourceType,
    Theme,
)
from phenomena.rules import today

SNIPPET = "wagtailsnippets_phenomena_phenomenon"


def _last_month(day=1):
    return (today().replace(day=1) - datetime.timedelta(days=1)).replace(day=day)


def theme(name, subject_code=None):
    themes = Theme.objects.filter(name=name)
    if subject_code:
        themes = themes.filter(subject__code=subject_code)
    return themes.get()


def make_phenomenon(author, theme_name="Harga-harga (Inflasi)", area_code=None, title=None):
    """A draft phenomenon by `author` (live=False, one revision), as the admin form leaves it."""
    chosen = theme(theme_name)
    if area_code:
        area = Scope.objects.get(code=area_code)
        scope, source_type, url = area.parent, SourceType.objects.get(code="fgd"), ""
    else:
        area, scope = None, Scope.objects.get(code="dki")
        source_type = SourceType.objects.get(code="siaran_pers")
        url = "https://jakarta.bps.go.id/pressrelease/2026/1"
    phenomenon = Phenomenon(
        title=title or f"{chosen.name}: fenomena uji oleh {author.username}",
        narrative="Narasi uji dengan angka 12 persen dan penyebabnya.",
        reference_period=_last_month(),
        scope=scope,
        area=area,
        subject=chosen.subject,
        theme=chosen,
        author=author,
        work_unit=author.simfoni_profile.work_unit,
        live=False,
    )
    phenomenon.sources.add(
        PhenomenonSource(source_type=source_type, url=url, source_date=_last_month(5))
    )
    phenomenon.full_clean()
    phenomenon.save()
    phenomenon.save_revision(user=author, log_action=True)
    return phenomenon


def submit(phenomenon, user=None):
    """Submit into the phenomenon's workflow (what the editor's submit button does)."""
    from workflows.demo import submit_for_review

    submit_for_review(phenomenon, user or phenomenon.author)
    phenomenon.refresh_from_db()
    return phenomenon.current_workflow_task_state


def action_url(phenomenon, action, task_state):
    return reverse(f"{SNIPPET}:workflow_action", args=[phenomenon.pk, action, task_state.pk])


def edit_form_data(phenomenon, **changes):
    """POST data of the admin edit form, from the latest revision, with `changes`."""
    obj = phenomenon.get_latest_revision_as_object()
    data = {
        "title": obj.title,
        "narrative": obj.narrative,
        "reference_period": obj.reference_period.strftime("%Y-%m"),
        "scope": obj.scope_id,
        "area": obj.area_id or "",
        "subject": obj.subject_id,
        "theme": obj.theme_id,
        "keywords": ", ".join(t.name for t in obj.keywords.all()),
    }
    for prefix, rows, fields in [
        ("sources", list(obj.sources.all()), ["source_type", "outlet", "url", "source_date"]),
        ("indicator_links", list(obj.indicator_links.all()), ["indicator", "direction"]),
    ]:
        data.update(
            {
                f"{prefix}-TOTAL_FORMS": str(len(rows)),
                f"{prefix}-INITIAL_FORMS": str(len(rows)),
                f"{prefix}-MIN_NUM_FORMS": "0",
                f"{prefix}-MAX_NUM_FORMS": "1000",
            }
        )
        for i, row in enumerate(rows):
            for field in fields:
                value = getattr(row, f"{field}_id", None) if field != "url" else row.url
                if field in ("source_date",):
                    value = row.source_date.isoformat()
                elif field == "direction":
                    value = row.direction
                data[f"{prefix}-{i}-{field}"] = "" if value is None else value
            data[f"{prefix}-{i}-id"] = row.pk
            data[f"{prefix}-{i}-ORDER"] = str(i + 1)
            data[f"{prefix}-{i}-DELETE"] = ""
    data.update(changes)
    return data


def refused(response) -> bool:
    """Wagtail's admin answers PermissionDenied with 403, or a redirect to the dashboard."""
    if response.status_code == 403:
        return True
    return response.status_code == 302 and response.url == reverse("wagtailadmin_home")
