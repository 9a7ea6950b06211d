"""The web workers' garbage collection (simfoni_site/gc_tuning.py)."""

import gc

from simfoni_site.gc_tuning import freeze_startup_objects


def tracked():
    """The objects the collector's three generations look at (not the frozen ones)."""
    return [o for generation in (0, 1, 2) for o in gc.get_objects(generation)]


def test_start_up_objects_leave_the_collectors_sight():
    class Marker:
        pass

    kept = [Marker() for _ in range(1000)]
    try:
        frozen = freeze_startup_objects()
        assert frozen >= 1000
        # A full collection no longer looks at them: they are not tracked by any generation.
        assert not any(type(o) is Marker for o in tracked())
        assert len(kept) == 1000
    finally:
        gc.unfreeze()
    assert any(type(o) is Marker for o in tracked())
