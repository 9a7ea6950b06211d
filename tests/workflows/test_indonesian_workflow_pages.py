"""Workflow pages of the Wagtail admin read in Indonesian (locale_wagtail/ completes Wagtail's
id_ID catalogue): the phenomenon's history and workflow history while it waits for review."""

from django.urls import reverse
from wf_helpers import SNIPPET, submit

from tests.factories import PhenomenonFactory


def test_workflow_history_in_indonesian(client, people):
    phenomenon = PhenomenonFactory(author=people.op, theme="Harga-harga (Inflasi)")
    submit(phenomenon)
    client.force_login(people.op)

    html = client.get(reverse(f"{SNIPPET}:workflow_history", args=[phenomenon.pk])).content.decode()
    assert "Sedang berjalan" in html and "In progress" not in html
    assert "Riwayat alur kerja" in html and "Workflow history" not in html

    html = client.get(reverse(f"{SNIPPET}:history", args=[phenomenon.pk])).content.decode()
    assert "Alur kerja: mulai" in html and "Workflow: start" not in html

    html = client.get(reverse(f"{SNIPPET}:edit", args=[phenomenon.pk])).content.decode()
    assert "Dikunci oleh alur kerja" in html and "Locked by workflow" not in html
