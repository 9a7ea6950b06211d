"""Dates as the reader's language writes them, through Django's `date_format`.

Indonesian users read "Desember 2026", "Sen", "Senin, 20 April 2026" (Django's Indonesian
month and day names, SIMFONI's formats in `simfoni_site/formats/id`); English users read
"December 2026", "Mon", "Monday, 20 April 2026". No month or day table is written out here:
month-name tables stay only where Indonesian input is parsed (search queries, ARC import).
"""

import datetime

from django.utils.formats import date_format
from django.utils.translation import get_language

# A Monday, for the names of the days of the week.
_MONDAY = datetime.date(2024, 1, 1)


#: (language, year, month) → month_year(): a search page labels ~100 months (its period
#: facet and every hit), and date_format looks the format up each time.
_month_years: dict[tuple, str] = {}


def month_year(value: datetime.date) -> str:
    """'Desember 2026' / 'December 2026' (Django's YEAR_MONTH_FORMAT)."""
    key = (get_language(), value.year, value.month)
    label = _month_years.get(key)
    if label is None:
        if len(_month_years) > 10_000:
            _month_years.clear()
        label = _month_years[key] = date_format(value, "YEAR_MONTH_FORMAT")
    return label


def short_month_year(value: datetime.date) -> str:
    """'Des 26' / 'Dec 26'."""
    return date_format(value, "M y")


def month_name(month: int) -> str:
    """'Desember' / 'December' for 12."""
    return date_format(datetime.date(2000, month, 1), "F")


def long_day(value: datetime.date) -> str:
    """'Senin, 20 April 2026' / 'Monday, 20 April 2026'."""
    return date_format(value, "l, j F Y")


def weekday_abbreviations() -> list[str]:
    """['Sen', 'Sel', ..., 'Min'] / ['Mon', 'Tue', ..., 'Sun'], Monday first."""
    return [date_format(_MONDAY + datetime.timedelta(days=i), "D") for i in range(7)]
