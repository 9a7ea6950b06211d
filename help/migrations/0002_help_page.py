"""Create the user guide at /bantuan/ under the site's root page, with its first content
(help/content.py); admins edit it afterwards in Wagtail."""

import json
import uuid

from django.db import migrations
from django.utils import timezone

ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
STEPLEN = 4
SLUG = "bantuan"


def _next_path(Page, parent):
    last = (
        Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1)
        .order_by("-path")
        .values_list("path", flat=True)
        .first()
    )
    number = 0
    if last:
        for char in last[-STEPLEN:]:
            number = number * len(ALPHABET) + ALPHABET.index(char)
    number += 1
    step = ""
    for _i in range(STEPLEN):
        number, digit = divmod(number, len(ALPHABET))
        step = ALPHABET[digit] + step
    return parent.path + step


def create(apps, schema_editor):
    from help.content import INTRO, SECTIONS, TITLE

    ContentType = apps.get_model("contenttypes", "ContentType")
    Page = apps.get_model("wagtailcore", "Page")
    Site = apps.get_model("wagtailcore", "Site")
    HelpPage = apps.get_model("simfoni_help", "HelpPage")
    site = Site.objects.filter(is_default_site=True).first() or Site.objects.first()
    if site is None or HelpPage.objects.exists():
        return
    parent = Page.objects.get(pk=site.root_page_id)
    if Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1, slug=SLUG):
        return
    content_type, _created = ContentType.objects.get_or_create(
        app_label="simfoni_help", model="helppage"
    )
    now = timezone.now()
    sections = [
        {
            "type": "section",
            "id": str(uuid.uuid4()),
            "value": {"anchor": anchor, "heading": heading, "body": body},
        }
        for anchor, heading, body in SECTIONS
    ]
    HelpPage.objects.create(
        title=TITLE,
        draft_title=TITLE,
        slug=SLUG,
        content_type=content_type,
        path=_next_path(Page, parent),
        depth=parent.depth + 1,
        numchild=0,
        url_path=f"{parent.url_path}{SLUG}/",
        locale_id=parent.locale_id,
        translation_key=uuid.uuid4(),
        live=True,
        has_unpublished_changes=False,
        first_published_at=now,
        last_published_at=now,
        intro=INTRO,
        sections=json.dumps(sections),
    )
    Page.objects.filter(pk=parent.pk).update(numchild=parent.numchild + 1)


def remove(apps, schema_editor):
    HelpPage = apps.get_model("simfoni_help", "HelpPage")
    Page = apps.get_model("wagtailcore", "Page")
    for page in HelpPage.objects.all():
        parent_path = page.path[:-STEPLEN]
        page.delete()
        parent = Page.objects.filter(path=parent_path).first()
        if parent is not None:
            Page.objects.filter(pk=parent.pk).update(numchild=max(0, parent.numchild - 1))


class Migration(migrations.Migration):
    dependencies = [
        ("simfoni_help", "0001_initial"),
        ("home", "0002_create_homepage"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(create, remove)]
