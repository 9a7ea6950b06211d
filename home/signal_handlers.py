"""Keep the dashboard's cached figures honest: any change in what is counted invalidates them."""

from . import dashboard


def phenomenon_changed(sender, **kwargs):
    """A phenomenon was published, unpublished or deleted (or a release date changed)."""
    dashboard.invalidate()


def phenomenon_saved(sender, created=False, **kwargs):
    # A new phenomenon changes the pending counts staff may ask for.
    if created:
        dashboard.invalidate()
