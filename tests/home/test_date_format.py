"""One Indonesian date format (docs/glossary.md): "4 Des 2026", with time "4 Des 2026 21.51",
not Django's mix of "4 Des. 2026" and "04-12-2026"."""

import datetime

from django.template import Context, Template
from django.utils import translation
from django.utils.formats import date_format

from phenomena.models import Indicator, ReleaseDate
from tests.factories import PhenomenonFactory

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


def test_no_template_writes_another_date_format():
    """Templates name a format (DATE_FORMAT, DATETIME_FORMAT, TIME_FORMAT...) or write a
    machine one (Y-m-d in form values): "Fenomena saya", the queue and notifications said
    "05-12-2026 00:17", the Rincian page "5 Desember 2026, 00:17", the login lockout "21:51"."""
    import re
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    spelled = re.compile(r"""\|\s*date\s*:\s*["']([^"']*)["']""")
    other = re.compile(r"d-m|j F|H:i")  # 05-12-2026, 5 Desember 2026, 21:51
    found = [
        f"{path.relative_to(root)}: {match.group(0)}"
        for path in root.glob("*/templates/**/*.html")
        if ".venv" not in path.parts
        for match in spelled.finditer(path.read_text())
        if other.search(match.group(1))
    ]
    assert found == []


def test_fenomena_saya_shows_the_one_format(client, province_operator):
    from django.urls import reverse
    from django.utils import timezone

    phenomenon = PhenomenonFactory(author=province_operator)
    client.force_login(province_operator)
    html = client.get(reverse("workflows:mine")).content.decode()
    with translation.override("id"):
        expected = date_format(timezone.localtime(phenomenon.updated_at), "DATETIME_FORMAT")
    assert expected in html
    assert timezone.localtime(phenomenon.updated_at).strftime("%d-%m-%Y") not in html
