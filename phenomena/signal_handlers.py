"""Signal receivers of the phenomena app, connected in ``PhenomenaConfig.ready``."""

from django.contrib.contenttypes.models import ContentType

#: Fields Wagtail saves alone after storing a revision (``_update_from_revision``).
REVISION_POINTERS = {"latest_revision", "has_unpublished_changes"}


def phenomenon_saved(sender, instance, raw=False, **kwargs):
    """Keep the duplicate fingerprints in line with the phenomenon's latest content."""
    if raw:
        return
    update_fields = kwargs.get("update_fields")
    if update_fields and not instance.live and set(update_fields) <= REVISION_POINTERS:
        # Wagtail pointing a draft at its new revision: a draft's content is its row, which
        # this save did not change (and the fingerprints were refreshed by the save before).
        return
    from . import lifecycle
    from .duplicates.service import latest_content, refresh_fingerprints

    batch = lifecycle.current_batch()
    if batch is not None:  # once per phenomenon, before the next check (services.batch)
        batch.data.setdefault("fingerprints", set()).add(instance.pk)
        return
    refresh_fingerprints(instance, latest_content(instance))


def revision_saved(sender, instance, created=False, raw=False, **kwargs):
    """An edit of a published phenomenon lives in a revision until it is approved: index it."""
    if raw or not created:
        return
    from .duplicates.service import refresh_fingerprints
    from .models import Phenomenon

    if instance.base_content_type_id != ContentType.objects.get_for_model(Phenomenon).pk:
        return
    phenomenon = Phenomenon.objects.filter(pk=instance.object_id).first()
    if phenomenon is not None and phenomenon.live:
        refresh_fingerprints(phenomenon, instance.as_object())
