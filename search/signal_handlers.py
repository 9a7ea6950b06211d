"""Keep the search index in step with approval: only approved (live) phenomena are indexed.

Wagtail indexes on post_save, but at that moment the inline sources and keywords of a
published revision may not be saved yet, and an unpublished phenomenon is merely skipped,
not removed. So: re-index on `published` (everything is saved by then), remove on
`unpublished` and on delete. Each change also bumps the generation of cached facet counts.
On PostgreSQL the same moments update the denormalised search table (search/pgsearch.py);
a merge (phenomena/duplicates/merge.py) publishes the survivor and unpublishes the duplicate,
so both rows follow.
"""

from django.db.models.signals import post_delete
from wagtail.search import index
from wagtail.signals import published, unpublished

from . import pgsearch
from .facets import bump_generation


def _sync_table(pk, deleted=False):
    if pgsearch.is_available():
        if deleted:
            pgsearch.remove([pk])
        else:
            pgsearch.sync([pk])


def index_published(sender, instance, **kwargs):
    index.insert_or_update_object(instance)
    _sync_table(instance.pk)
    bump_generation()


def unindex_unpublished(sender, instance, **kwargs):
    index.remove_object(instance)
    _sync_table(instance.pk)
    bump_generation()


def unindex_deleted(sender, instance, **kwargs):
    index.remove_object(instance)
    _sync_table(instance.pk, deleted=True)
    bump_generation()


def register_signal_handlers():
    from phenomena.models import Phenomenon

    published.connect(index_published, sender=Phenomenon, dispatch_uid="simfoni_search_pub")
    unpublished.connect(unindex_unpublished, sender=Phenomenon, dispatch_uid="simfoni_search_unpub")
    post_delete.connect(unindex_deleted, sender=Phenomenon, dispatch_uid="simfoni_search_del")
