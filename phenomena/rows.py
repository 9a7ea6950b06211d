"""Flat rows of many phenomena's children at once: sources, indicator links, keywords.

For the readers that need a few fields of many phenomena (the API's pages, relaxed matching's
200 candidates) and no model instances: prefetching through the ORM (taggit's and
modelcluster's managers per object) costs several times the query.
"""

from __future__ import annotations

from .models import PhenomenonKeyword


def _in_order(row):
    """(phenomenon, sort_order, pk): the order the editor set."""
    return row[0], row[1] or 0, row[2]


def child_rows(model, ids, *fields) -> dict[int, list[tuple]]:
    """{phenomenon id: [(field values...), ...]} of `model`'s rows (an orderable child with
    ``phenomenon`` and ``sort_order``: sources, indicator links) for `ids`, in the editor's
    order. Sorted here, not by the database."""
    rows = (
        model.objects.filter(phenomenon_id__in=ids)
        .order_by()
        .values_list("phenomenon_id", "sort_order", "id", *fields)
    )
    out: dict[int, list[tuple]] = {}
    for pid, _order, _pk, *values in sorted(rows, key=_in_order):
        out.setdefault(pid, []).append(tuple(values))
    return out


def keyword_names(ids) -> dict[int, list[str]]:
    """{phenomenon id: [keyword, ...]} for `ids`, in the order they were tagged."""
    out: dict[int, list[str]] = {}
    for pid, name in (
        PhenomenonKeyword.objects.filter(content_object_id__in=ids)
        .order_by("content_object_id", "pk")
        .values_list("content_object_id", "tag__name")
    ):
        out.setdefault(pid, []).append(name)
    return out
