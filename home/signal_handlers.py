"""Keep the dashboard's cached figures honest: any committed change in what is counted
invalidates them.

Phenomena: a lifecycle subscriber (`phenomena.lifecycle`) on every event that changes a count —
created, published, unpublished, merged, deleted — quiet ones included (bookkeeping). Indicators
and release dates (this month's and next month's releases) are not phenomena: their saves and
deletions invalidate the cache when their transaction commits.
"""

from django.db import transaction

from phenomena import lifecycle

from . import dashboard

COUNTED_EVENTS = (
    lifecycle.CREATED,  # a new phenomenon changes the pending counts staff may ask for
    lifecycle.PUBLISHED,
    lifecycle.UNPUBLISHED,
    lifecycle.MERGED,
    lifecycle.DELETED,
)


def phenomenon_changed(event):
    dashboard.invalidate()


def phenomena_changed(events):
    """A batch of events (``phenomena.services.batch``): one invalidation."""
    dashboard.invalidate()


phenomenon_changed.many = phenomena_changed


def release_changed(sender, **kwargs):
    """An indicator or a release date was saved or deleted."""
    transaction.on_commit(dashboard.invalidate)


def subscribe():
    """Called once from `HomeConfig.ready`."""
    from django.db.models.signals import post_delete, post_save

    from phenomena.models import Indicator, ReleaseDate

    for name in COUNTED_EVENTS:
        lifecycle.subscribe(name, phenomenon_changed)
    for model in (Indicator, ReleaseDate):
        for signal in (post_save, post_delete):
            signal.connect(
                release_changed,
                sender=model,
                dispatch_uid=f"dashboard_{model.__name__}_{signal is post_save}",
            )
