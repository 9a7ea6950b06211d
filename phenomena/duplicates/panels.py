"""The "Pemeriksaan duplikat" panel of the phenomenon form."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel

FIELDS = ["not_duplicate", "not_duplicate_reason"]


class DuplicatesPanel(Panel):
    """Live duplicate check results, the matches found on save and the "bukan duplikat" box."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("heading", _("Pemeriksaan duplikat"))
        super().__init__(*args, **kwargs)

    def get_form_options(self):
        return {"fields": FIELDS}

    class BoundPanel(Panel.BoundPanel):
        template_name = "phenomena/duplicates/panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            matches = getattr(self.form, "duplicate_matches", None) or []
            user = self.request.user if self.request else None
            rows = []
            for match in matches:
                row = match.as_dict(user)
                row["add_source_url"] = reverse(
                    "wagtailsnippets_phenomena_phenomenon:duplicates_add_source",
                    args=[match.phenomenon.pk],
                )
                rows.append(row)
            form = self.form
            context.update(
                {
                    "matches": rows,
                    "has_warnings": any(r["kind"] == "warn" for r in rows)
                    or bool(form["not_duplicate"].value()),
                    "check_url": reverse("wagtailsnippets_phenomena_phenomenon:duplicates_check"),
                    "exclude": self.instance.pk if self.instance is not None else "",
                    "form": form,
                }
            )
            return context
