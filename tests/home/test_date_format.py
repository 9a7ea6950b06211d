"""One Indonesian date format (docs/glossary.md): "4 Des 2026", with time "4 Des 2026 21.51",
not Django's mix of "4 Des. 2026" and "04-12-2026"."""

import datetime

from django.template import Context, Template
from django.utils import translation
from django.utils.formats import date_format

from phenomena.models import Indicator, ReleaseDate

MOMENT = datetime.datetime(2026, 12, 4, 21, 51)


def test_every_named_format_reads_the_same_in_indonesian():
    with translation.override("id"):
        assert date_format(MOMENT.date()) == "4 Des 2026"
        assert date_format(MOMENT.date(), "SHORT_DATE_FORMAT") == "4 Des 2026"
        assert date_format(MOMENT, "DATETIME_FORMAT") == "4 Des 2026 21.51"
        assert date_format(MOMENT, "SHORT_DATETIME_FORMAT") == "4 Des 2026 21.51"
        html = Template("{{ d }}|{{ d|date }}|{{ d.date }}").render(Context({"d": MOMENT}))
        assert html == "4 Des 2026 21.51|4 Des 2026|4 Des 2026"


def test_english_keeps_its_own_format():
    with translation.override("en"):
        assert date_format(MOMENT.date()) == "Dec. 4, 2026"


def test_release_date_reads_in_the_same_format(db):
    release = ReleaseDate(indicator=Indicator.objects.first(), date=MOMENT.date())
    with translation.override("id"):
        assert str(release).endswith("— 4 Des 2026")
