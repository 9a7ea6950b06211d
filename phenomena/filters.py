"""The filters of a phenomenon, declared once.

Every list of phenomena that can be narrowed down reads this module: the search page's
query string (:mod:`search.params`), every search engine (:mod:`search.engines`), the
admin list (``phenomena/viewsets.py``) and the review queue (``workflows/views.py``).

A filter is either a set of ids (:class:`IdFilter`: values combine with OR, filters with
AND, each one a disjunctive facet of the search page) or a range of dates
(:class:`RangeFilter`). Each one says where its values live:

- ``path``: the ORM path from a phenomenon (``sources__source_type``), for the admin
  filtersets (``choice_filter("subject", prefix="theme__")`` on another model);
- ``rows``: for values held in child rows, (model, value field, owner field), filtered
  through an id subquery so that no join repeats a phenomenon;
- ``document_field``: the field of the Elasticsearch document;
- ``key`` / ``column``: the key prefix and the column of the PostgreSQL search table.

No model is imported when this module is: the settings import the Elasticsearch engine.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.apps import apps
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class IdFilter:
    name: str
    label: object
    #: The model of the values (``phenomena.Subject``) and the attribute naming a value.
    model: str
    value_label: str
    #: ORM path from a phenomenon to the value (a foreign key or a child row's one).
    path: str
    #: Child rows holding the values: (model, value field, owner field); None for own fields.
    rows: tuple[str, str, str] | None
    document_field: str
    key: str
    column: str
    #: Narrowing of the admin filter's choices (``{"parent__isnull": True}``).
    choices: tuple = ()

    @property
    def own_field(self) -> str | None:
        """The phenomenon's own column (``subject_id``), None for child-row values."""
        return None if self.rows else f"{self.path}_id"

    def value_model(self):
        return apps.get_model(self.model)

    def row_model(self):
        return apps.get_model(self.rows[0])

    def choice_queryset(self):
        return self.value_model().objects.filter(**dict(self.choices))

    def values_source(self):
        """(model, value field, owner field) of every (phenomenon, value) pair."""
        if self.rows:
            return self.row_model(), self.rows[1], self.rows[2]
        return apps.get_model("phenomena.Phenomenon"), self.own_field, "pk"

    def narrow(self, queryset, values):
        """Phenomena with one of `values`."""
        if not self.rows:
            return queryset.filter(**{f"{self.own_field}__in": values})
        model, field, owner = self.values_source()
        rows = model.objects.filter(**{f"{field}__in": values})
        return queryset.filter(id__in=rows.values(owner))


@dataclass(frozen=True)
class RangeFilter:
    name: str
    label: object
    #: URL parameters (and SearchParams fields) of the bounds.
    low: str
    high: str
    path: str
    rows: tuple[str, str, str] | None
    document_field: str

    def narrow(self, queryset, low, high):
        """Phenomena within [low, high] (either may be None); a child row matching both."""
        if not low and not high:
            return queryset
        if not self.rows:
            if low:
                queryset = queryset.filter(**{f"{self.path}__gte": low})
            if high:
                queryset = queryset.filter(**{f"{self.path}__lte": high})
            return queryset
        model_name, field, owner = self.rows
        rows = apps.get_model(model_name).objects.all()
        if low:
            rows = rows.filter(**{f"{field}__gte": low})
        if high:
            rows = rows.filter(**{f"{field}__lte": high})
        return queryset.filter(id__in=rows.values(owner))


_SOURCE = "phenomena.PhenomenonSource"

#: The id filters, in the order the search page shows their facets.
ID_FILTERS: dict[str, IdFilter] = {
    f.name: f
    for f in (
        IdFilter(
            "subject", _("Subjek"), "phenomena.Subject", "label", "subject", None,
            "subject_id_filter", "s", "subject_id",
        ),
        IdFilter(
            "theme", _("Tema"), "phenomena.Theme", "name", "theme", None,
            "theme_id_filter", "t", "theme_id",
        ),
        IdFilter(
            "scope", _("Cakupan"), "phenomena.Scope", "label", "scope", None,
            "scope_id_filter", "c", "scope_id", (("parent__isnull", True),),
        ),
        IdFilter(
            "area", _("Kabupaten/Kota"), "phenomena.Scope", "label", "area", None,
            "area_id_filter", "a", "area_id", (("parent__isnull", False),),
        ),
        IdFilter(
            "source_type", _("Jenis sumber"), "phenomena.SourceType", "label",
            "sources__source_type", (_SOURCE, "source_type_id", "phenomenon_id"),
            "source_type_ids_filter", "st", "source_type_ids",
        ),
        IdFilter(
            "outlet", _("Media"), "phenomena.Outlet", "name",
            "sources__outlet", (_SOURCE, "outlet_id", "phenomenon_id"),
            "outlet_ids_filter", "o", "outlet_ids",
        ),
        IdFilter(
            "indicator", _("Indikator"), "phenomena.Indicator", "name",
            "indicator_links__indicator",
            ("phenomena.PhenomenonIndicator", "indicator_id", "phenomenon_id"),
            "indicator_ids_filter", "i", "indicator_ids",
        ),
        IdFilter(
            "keyword", _("Kata kunci"), "taggit.Tag", "name", "keywords",
            ("phenomena.PhenomenonKeyword", "tag_id", "content_object_id"),
            "keyword_ids_filter", "k", "keyword_ids",
        ),
    )
}  # fmt: skip

#: The date ranges: the reference period (months) and the sources' dates (days).
RANGE_FILTERS: dict[str, RangeFilter] = {
    f.name: f
    for f in (
        RangeFilter(
            "period", _("Periode referensi"), "period_from", "period_to",
            "reference_period", None, "reference_period_filter",
        ),
        RangeFilter(
            "date", _("Tanggal sumber"), "date_from", "date_to",
            "sources__source_date", (_SOURCE, "source_date", "phenomenon_id"),
            "source_dates_filter",
        ),
    )
}  # fmt: skip


def apply(queryset, params, only=None):
    """Narrow a phenomenon queryset by every filter set in `params` (values OR, filters AND).

    `params` is anything with the filters' names as attributes (a SearchParams); `only`
    limits the filters applied (names of ID_FILTERS and RANGE_FILTERS).
    """
    for name, spec in ID_FILTERS.items():
        values = getattr(params, name, ())
        if values and (only is None or name in only):
            queryset = spec.narrow(queryset, values)
    for name, spec in RANGE_FILTERS.items():
        if only is None or name in only:
            low, high = getattr(params, spec.low, None), getattr(params, spec.high, None)
            queryset = spec.narrow(queryset, low, high)
    return queryset


# -- django-filter fields for the admin lists ------------------------------------------------


def choice_filter(name, prefix="", *, label=None, empty_label=None, **kwargs):
    """A single-choice django-filter field for filter `name`.

    `prefix` is the path from the filtered model to a phenomenon (``"phenomenon__"``), or
    to whatever holds the value (``"theme__"`` for a subject through a theme).
    """
    import django_filters

    spec = ID_FILTERS[name]
    if empty_label is not None:
        kwargs["empty_label"] = empty_label
    if spec.rows:
        kwargs.setdefault("distinct", True)
    return django_filters.ModelChoiceFilter(
        label=label or spec.label,
        field_name=prefix + spec.path,
        queryset=spec.choice_queryset(),
        **kwargs,
    )


def range_filter(name, prefix="", *, label=None, **kwargs):
    """A from/to date django-filter field (Wagtail's date range picker) for range `name`."""
    import django_filters
    from wagtail.admin.filters import DateRangePickerWidget

    spec = RANGE_FILTERS[name]
    if spec.rows:
        kwargs.setdefault("distinct", True)
    return django_filters.DateFromToRangeFilter(
        label=label or spec.label,
        field_name=prefix + spec.path,
        widget=DateRangePickerWidget,
        **kwargs,
    )


STATUS_CHOICES = (("approved", _("Disetujui")), ("unapproved", _("Belum disetujui")))


def status_filter(prefix="", *, label=None, empty_label=None):
    """Approved (live) or not, as the admin list filters it."""
    import django_filters

    def by_status(queryset, name, value):
        return queryset.filter(**{f"{prefix}live": value == "approved"})

    return django_filters.ChoiceFilter(
        label=label or _("Status"),
        choices=STATUS_CHOICES,
        method=by_status,
        empty_label=empty_label if empty_label is not None else _("Semua"),
    )
