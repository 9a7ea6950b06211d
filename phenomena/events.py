"""Bulk operations (demo loading, imports) can silence per-item event notifications."""

import contextlib
import contextvars

_quiet = contextvars.ContextVar("simfoni_quiet_events", default=False)


@contextlib.contextmanager
def quiet():
    """Within this block, receivers that notify people about single phenomena stay silent."""
    token = _quiet.set(True)
    try:
        yield
    finally:
        _quiet.reset(token)


def is_quiet() -> bool:
    return _quiet.get()
