"""Workflow test helpers: submissions, admin-form data (phenomena: tests/factories.py)."""

from django.urls import reverse

from phenomena.models import Theme

SNIPPET = "wagtailsnippets_phenomena_phenomenon"


def theme(name, subject_code=None):
    themes = Theme.objects.filter(name=name)
    if subject_code:
        themes = themes.filter(subject__code=subject_code)
    return themes.get()


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
