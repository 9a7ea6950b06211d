"""Python's garbage collector in the web workers (deploy/gunicorn.conf.py).

gunicorn loads the application once (``preload_app``) and forks the workers from it. Every
object made at start-up — modules, settings, URL patterns, model classes, translations —
then lives in each worker, and each full collection walks them all again although they are
never garbage. ``freeze_startup_objects`` moves them to the permanent generation right before
the fork, as the Python documentation advises for pre-forking servers
(https://docs.python.org/3/library/gc.html#gc.freeze): collections only look at what the
requests make, and the pages the workers share with the master are not written to by the
collector (copy-on-write keeps them shared). The effect per request is measured by
``benchmarks/request_cpu.py --freeze`` (docs/benchmarks.md).
"""

from __future__ import annotations

import gc


def freeze_startup_objects() -> int:
    """Collect once, then keep every surviving object out of later collections.

    Returns how many objects were frozen."""
    gc.collect()
    gc.freeze()
    return gc.get_freeze_count()
