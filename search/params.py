"""The state of a search, read from (and written back to) the query string.

Every piece of state — query, filters, sort, page — lives in the URL, so a search can be
shared by copying the address. Bad values never raise: they are dropped with a message in
Bahasa Indonesia that the page shows.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field, replace
from urllib.parse import urlencode

from django.http import QueryDict
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from phenomena import filters
from simfoni_text.analysis import MAX_QUERY_CHARS

#: Multi-valued id filters (URL parameters), declared in phenomena/filters.py.
ID_FILTERS = tuple(filters.ID_FILTERS)

# Labels are translated where they are shown (search/views.py); gettext_noop marks them.
SORTS = {
    "relevance": gettext_noop("Relevansi"),
    "period_desc": gettext_noop("Periode referensi terbaru"),
    "period_asc": gettext_noop("Periode referensi terlama"),
    "date_desc": gettext_noop("Tanggal sumber terbaru"),
    "date_asc": gettext_noop("Tanggal sumber terlama"),
    "source_type": gettext_noop("Jenis sumber"),
    "coverage": gettext_noop("Cakupan"),
}
DEFAULT_PAGE_SIZE = 20
MAX_PAGE_SIZE = 100
MAX_PAGE = 10_000
MAX_IDS_PER_FILTER = 50

_MONTH_RE = re.compile(r"^(\d{4})-(\d{1,2})$")


@dataclass(frozen=True)
class SearchParams:
    q: str = ""
    subject: tuple[int, ...] = ()
    theme: tuple[int, ...] = ()
    scope: tuple[int, ...] = ()
    area: tuple[int, ...] = ()
    source_type: tuple[int, ...] = ()
    outlet: tuple[int, ...] = ()
    indicator: tuple[int, ...] = ()
    keyword: tuple[int, ...] = ()
    period_from: datetime.date | None = None
    period_to: datetime.date | None = None
    date_from: datetime.date | None = None
    date_to: datetime.date | None = None
    sort: str = ""
    page: int = 1
    per_page: int = DEFAULT_PAGE_SIZE
    messages: tuple[str, ...] = field(default=(), compare=False)

    @property
    def effective_sort(self) -> str:
        """Relevance when there is text to rank by, newest reference period otherwise."""
        if self.sort and self.sort in SORTS:
            if self.sort == "relevance" and not self.q.strip():
                return "period_desc"
            return self.sort
        return "relevance" if self.q.strip() else "period_desc"

    def has_filters(self) -> bool:
        return any(getattr(self, name) for name in ID_FILTERS) or any(
            (self.period_from, self.period_to, self.date_from, self.date_to)
        )

    def cache_key_parts(self) -> tuple:
        """What decides the matching set (not the page or the order)."""
        return (
            self.q.strip(),
            *(getattr(self, name) for name in ID_FILTERS),
            self.period_from,
            self.period_to,
            self.date_from,
            self.date_to,
        )

    def with_page(self, page: int) -> SearchParams:
        return replace(self, page=page)

    def _values(self, overrides: dict) -> dict:
        """Every URL parameter in the order of the query string, `overrides` applied."""
        values = {
            "q": self.q,
            **{name: list(getattr(self, name)) for name in ID_FILTERS},
            "period_from": _month_str(self.period_from),
            "period_to": _month_str(self.period_to),
            "date_from": self.date_from.isoformat() if self.date_from else "",
            "date_to": self.date_to.isoformat() if self.date_to else "",
            "sort": self.sort,
            "page": self.page if self.page > 1 else "",
            "per_page": self.per_page if self.per_page != DEFAULT_PAGE_SIZE else "",
        }
        values.update(overrides)
        return values

    def to_querydict(self, **overrides) -> QueryDict:
        """The query string for these params; `overrides` replace single parameters."""
        qd = QueryDict(mutable=True)
        for key, value in self._values(overrides).items():
            if isinstance(value, (list, tuple)):
                for item in value:
                    qd.appendlist(key, str(item))
            elif value not in ("", None):
                qd[key] = str(value)
        return qd

    def url_builder(self, **overrides) -> QueryBuilder:
        """Many query strings that differ from these params (and `overrides`) in one or two
        parameters, each the same as ``to_querydict(...).urlencode()`` but without building
        a QueryDict per link (a search page has ~200 facet links)."""
        return QueryBuilder(self._values(overrides))


def _encode(key: str, value) -> list[str]:
    """A parameter's part of the query string, as QueryDict.urlencode() writes it."""
    if isinstance(value, (list, tuple)):
        return [urlencode({key: str(item)}) for item in value]
    if value in ("", None):
        return []
    return [urlencode({key: str(value)})]


class QueryBuilder:
    def __init__(self, values: dict):
        self._parts = {key: _encode(key, value) for key, value in values.items()}

    def urlencode(self, **changes) -> str:
        """The query string with `changes` (parameter: new value) applied."""
        out = []
        for key, parts in self._parts.items():
            out.extend(_encode(key, changes[key]) if key in changes else parts)
        return "&".join(out)


def _month_str(value):
    return f"{value.year:04d}-{value.month:02d}" if value else ""


def _parse_month(raw: str, label: str, errors: list) -> datetime.date | None:
    raw = (raw or "").strip()
    if not raw:
        return None
    match = _MONTH_RE.match(raw)
    if match:
        year, month = int(match[1]), int(match[2])
        if 1900 <= year <= 2999 and 1 <= month <= 12:
            return datetime.date(year, month, 1)
    errors.append(
        _("%(label)s tidak dikenali (gunakan format TTTT-BB): %(value)s diabaikan.")
        % {"label": label, "value": raw[:20]}
    )
    return None


def _parse_date(raw: str, label: str, errors: list) -> datetime.date | None:
    raw = (raw or "").strip()
    if not raw:
        return None
    try:
        value = datetime.date.fromisoformat(raw[:10])
        if 1900 <= value.year <= 2999:
            return value
    except ValueError:
        pass
    errors.append(
        _("%(label)s tidak dikenali (gunakan format TTTT-BB-HH): %(value)s diabaikan.")
        % {"label": label, "value": raw[:20]}
    )
    return None


def _parse_int(raw, default, low, high):
    try:
        return min(max(int(str(raw).strip()), low), high)
    except (TypeError, ValueError):
        return default


def parse_params(data: QueryDict | dict) -> SearchParams:
    """Read SearchParams from request.GET; never raises."""
    if not isinstance(data, QueryDict):
        qd = QueryDict(mutable=True)
        for key, value in (data or {}).items():
            for item in value if isinstance(value, (list, tuple)) else [value]:
                qd.appendlist(key, str(item))
        data = qd
    errors: list[str] = []
    q = (data.get("q") or "").replace("\x00", " ").strip()
    if len(q) > MAX_QUERY_CHARS:
        errors.append(
            _("Kata kunci pencarian terlalu panjang; hanya %(n)s karakter pertama yang dipakai.")
            % {"n": MAX_QUERY_CHARS}
        )
        q = q[:MAX_QUERY_CHARS]
    ids = {}
    for name in ID_FILTERS:
        values = []
        bad = False
        for raw in data.getlist(name):
            raw = raw.strip()
            if not raw:
                continue
            if raw.isdigit() and len(raw) < 12:
                values.append(int(raw))
            else:
                bad = True
        if bad:
            errors.append(_("Sebagian nilai filter tidak dikenali dan diabaikan."))
        ids[name] = tuple(sorted(set(values)))[:MAX_IDS_PER_FILTER]
    period_from = _parse_month(data.get("period_from"), _("Periode awal"), errors)
    period_to = _parse_month(data.get("period_to"), _("Periode akhir"), errors)
    date_from = _parse_date(data.get("date_from"), _("Tanggal sumber awal"), errors)
    date_to = _parse_date(data.get("date_to"), _("Tanggal sumber akhir"), errors)
    if period_from and period_to and period_from > period_to:
        period_from, period_to = period_to, period_from
        errors.append(_("Periode awal sesudah periode akhir: keduanya ditukar."))
    if date_from and date_to and date_from > date_to:
        date_from, date_to = date_to, date_from
        errors.append(_("Tanggal awal sesudah tanggal akhir: keduanya ditukar."))
    sort = (data.get("sort") or "").strip()
    if sort and sort not in SORTS:
        errors.append(_("Urutan tidak dikenali; urutan bawaan dipakai."))
        sort = ""
    return SearchParams(
        q=q,
        **ids,
        period_from=period_from,
        period_to=period_to,
        date_from=date_from,
        date_to=date_to,
        sort=sort,
        page=_parse_int(data.get("page"), 1, 1, MAX_PAGE),
        per_page=_parse_int(data.get("per_page"), DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE),
        messages=tuple(dict.fromkeys(errors)),
    )
