"""Phenomena as submitted (the revisions under review), many at once, for the review queue.

``revision.as_object()`` checks every foreign key of the revision's content with a query of its
own (modelcluster's ``check_fks``: theme, subject, scope, author, work unit, each source's media
and type, each keyword's tag, each child's parent…), fetches the phenomenon and its latest
revision again, and the queue's cells then fetch theme, subject, media and type once more:
~18 queries per waiting submission. Here every foreign key of a page of revisions is checked
with one query per model, the check is skipped where all of them exist (where one does not,
that revision is read the usual way, so a missing value is handled exactly as before), and
the rows found are attached to the objects so that the cells need no query.
"""

from __future__ import annotations

from collections import defaultdict

from django.core.exceptions import FieldDoesNotExist
from django.db.models import ForeignObjectRel
from modelcluster.models import get_all_child_relations
from wagtail.models import Revision

from phenomena.models import Phenomenon, _foreign_keys_checked


def _foreign_keys(model, data, found, depth=0):
    """Add every foreign key value of `data` (a revision's content for `model`, children
    included) to `found[(related model, field name)]`; False if the content holds what this
    module does not read (a many-to-many value)."""
    for name, value in data.items():
        try:
            field = model._meta.get_field(name)
        except FieldDoesNotExist:
            continue
        if isinstance(field, ForeignObjectRel):
            continue
        if field.many_to_many:
            return False
        if field.many_to_one and value is not None:
            related = field.remote_field.model
            to_field = field.remote_field.field_name
            found[(related, to_field)].add(related._meta.get_field(to_field).to_python(value))
    if depth == 0 and hasattr(model, "from_serializable_data"):
        for rel in get_all_child_relations(model):
            for child in data.get(rel.get_accessor_name(), None) or ():
                if not _foreign_keys(rel.related_model, child, found, depth + 1):
                    return False
    return True


def _attach(instance, rows) -> None:
    """Put the rows found on `instance`'s foreign keys (no query when a cell reads them)."""
    for field in instance._meta.concrete_fields:
        if not field.many_to_one:
            continue
        value = getattr(instance, field.attname)
        key = (field.remote_field.model, field.remote_field.field_name)
        row = rows.get(key, {}).get(value)
        if row is not None:
            field.set_cached_value(instance, row)


def submitted_objects(states) -> None:
    """Set ``state._submitted_object`` (what ``state.submitted_object()`` returns) on each
    review task state of `states`, with ``revision`` and ``phenomenon`` selected."""
    found = defaultdict(set)
    checkable = {}
    for state in states:
        if hasattr(state, "_submitted_object"):
            continue
        content = state.revision.content
        refs = defaultdict(set)
        if _foreign_keys(Phenomenon, content, refs):
            checkable[state.pk] = refs
            for key, values in refs.items():
                found[key] |= values
    rows = {}
    for (model, to_field), values in found.items():
        rows[(model, to_field)] = {
            getattr(row, to_field): row
            for row in model._default_manager.filter(**{f"{to_field}__in": values})
        }
    for state in states:
        if hasattr(state, "_submitted_object"):
            continue
        refs = checkable.get(state.pk)
        phenomenon, revision = state.phenomenon, state.revision
        # The revision's object is the state's phenomenon (already selected).
        if str(revision.object_id) == str(phenomenon.pk):
            Revision.content_object.set_cached_value(revision, phenomenon)
        if phenomenon.latest_revision_id == revision.pk:
            Phenomenon.latest_revision.field.set_cached_value(phenomenon, revision)
        complete = refs is not None and all(
            value in rows[key] for key, values in refs.items() for value in values
        )
        if not complete:
            state.submitted_object()
            continue
        token = _foreign_keys_checked.set(True)
        try:
            obj = revision.as_object()
        finally:
            _foreign_keys_checked.reset(token)
        _attach(obj, rows)
        for rel in get_all_child_relations(Phenomenon):
            for child in getattr(obj, rel.get_accessor_name()).all():
                _attach(child, rows)
        state._submitted_object = obj
