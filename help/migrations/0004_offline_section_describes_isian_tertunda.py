"""The guide's "Isian tertunda dan koneksi terputus" section described the behaviour before
offline/ (keep the browser open, save often); it now describes the copy kept in the browser,
"Kirim ulang" and the "Isian tertunda" list (docs/offline.md). Only a section that still has the
first text is replaced: an admin's own wording stays."""

import json

from django.db import migrations

ANCHOR = "isian-tertunda"
OLD = (
    "<p>Simpan draf sesering mungkin, terutama saat koneksi tidak stabil. Isian yang "
    "belum terkirim karena koneksi terputus baru tercatat di SIMFONI setelah terkirim: "
    "jangan menutup peramban sebelum tersambung lagi, lalu pastikan fenomenanya tampil di "
    "<b>Fenomena saya</b>. Jika isian tertunda ternyata sudah diinput orang lain, "
    "pemeriksaan duplikat akan menolaknya; tambahkan sumber Anda ke fenomena yang sudah "
    "ada.</p>"
)


def _new_body():
    from help.content import SECTIONS

    return next(body for anchor, _heading, body in SECTIONS if anchor == ANCHOR)


def _swap(stream_json: str, old: str, new: str) -> str | None:
    """The stream with the section's body replaced, or None when nothing matched."""
    blocks = json.loads(stream_json) if isinstance(stream_json, str) else stream_json
    changed = False
    for block in blocks or []:
        value = block.get("value") or {}
        if value.get("anchor") == ANCHOR and value.get("body") == old:
            value["body"] = new
            changed = True
    return json.dumps(blocks) if changed else None


def _replace(apps, old, new):
    HelpPage = apps.get_model("simfoni_help", "HelpPage")
    Revision = apps.get_model("wagtailcore", "Revision")
    for page in HelpPage.objects.all():
        raw = list(page.sections.raw_data)
        stream = _swap(json.dumps(raw), old, new)
        if stream is not None:
            HelpPage.objects.filter(pk=page.pk).update(sections=stream)
        # The editor opens the latest revision: keep it in step with the live page.
        for revision in Revision.objects.filter(
            object_id=str(page.pk),
            base_content_type__app_label="wagtailcore",
            base_content_type__model="page",
        ):
            content = revision.content or {}
            if not isinstance(content.get("sections"), str):
                continue
            swapped = _swap(content["sections"], old, new)
            if swapped is not None:
                content["sections"] = swapped
                Revision.objects.filter(pk=revision.pk).update(content=content)


def forwards(apps, schema_editor):
    _replace(apps, OLD, _new_body())


def backwards(apps, schema_editor):
    _replace(apps, _new_body(), OLD)


class Migration(migrations.Migration):
    dependencies = [
        ("simfoni_help", "0003_admins_edit_the_guide"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
