"""The facet links' query strings: built without a QueryDict per link, the same text."""

import datetime

import pytest
from django.http import QueryDict

from search.params import SearchParams, parse_params

CASES = [
    "",
    "q=harga+beras&subject=2&subject=1&theme=7&page=3",
    "q=kenaikan%20%26%20%C3%A9&area=4&period_from=2026-01&period_to=2026-03&sort=date_asc",
    "keyword=12&date_from=2026-02-01&date_to=2026-02-28&per_page=50&outlet=3",
]


@pytest.mark.parametrize("query", CASES)
@pytest.mark.parametrize(
    "changes",
    [
        {},
        {"subject": [1, 5]},
        {"theme": []},
        {"keyword": [3]},
        {"period_from": "2025-12", "period_to": "2025-12"},
        {"period_from": "", "period_to": ""},
        {"q": "a b&c"},
    ],
)
def test_the_builder_writes_what_to_querydict_writes(query, changes):
    params = parse_params(QueryDict(query))
    expected = params.to_querydict(page="", **changes).urlencode()
    assert params.url_builder(page="").urlencode(**changes) == expected


def test_the_builder_keeps_overrides_of_its_own():
    params = SearchParams(q="x", page=4, period_from=datetime.date(2026, 5, 1))
    builder = params.url_builder(page="", sort="period_asc")
    assert builder.urlencode() == params.to_querydict(page="", sort="period_asc").urlencode()
