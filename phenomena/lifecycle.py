"""A phenomenon's life as events, delivered once and only after the change is committed.

Everything that follows a change of a phenomenon but is not the change itself — the search
table, the dashboard cache, notifications and e-mail — is a *subscriber* here, registered
explicitly in its app's ``ready()``:

    lifecycle.subscribe(lifecycle.APPROVED, notify_author)

The domain (``phenomena.services``, Wagtail's workflow and publishing) calls ``emit`` inside its
transaction; the event is queued with ``transaction.on_commit`` and delivered when the outermost
transaction commits, never when it rolls back. A subscriber that fails is logged and does not
stop the others, nor undo the decision that was already committed. Subscribers that talk to
other servers (e-mail) hand their work to django-q2, which retries it.

Wagtail's own signals (``published``, ``unpublished``, ``task_submitted``, ``task_rejected``,
``workflow_approved``) and deletion are turned into these events in one place, ``connect()``,
so an approval in Wagtail's editor and an approval through the service give the same events.

``quietly()`` marks the events emitted inside it as ``quiet`` (bulk loads such as the demo data):
subscribers that tell people about single phenomena send no e-mail for quiet events (the in-app
notification is still recorded, so demo accounts find their notices); bookkeeping (search table,
dashboard cache) never does.

``batched()`` (through ``phenomena.services.batch()``, for imports) collects the events of many
phenomena and delivers them together after the commit: each subscriber gets every event it
subscribed to, one by one, or all at once through its ``many`` attribute when it has one (the
search index synced in one pass, the dashboard invalidated once). Events of a savepoint that
rolled back are dropped, as ever. Per-item work that other apps defer to the end of the batch
(``Batch.defer``) runs before the events are delivered.
"""

from __future__ import annotations

import contextlib
import contextvars
import logging
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

from django.db import transaction

logger = logging.getLogger(__name__)

CREATED = "created"  # a new phenomenon was saved (draft or straight to review)
SUBMITTED = "submitted"  # a revision entered review (task_state given)
APPROVED = "approved"  # a reviewer approved it (task_state given); PUBLISHED follows
REJECTED = "rejected"  # a reviewer rejected it with a reason (task_state given)
PUBLISHED = "published"  # its live version changed: visible to viewers and the API
UNPUBLISHED = "unpublished"  # no longer visible (an admin withdrew it, or it was merged)
MERGED = "merged"  # merged into another (data: survivor_id)
DELETED = "deleted"  # removed (only drafts can be)

EVENTS = (CREATED, SUBMITTED, APPROVED, REJECTED, PUBLISHED, UNPUBLISHED, MERGED, DELETED)

_quiet = contextvars.ContextVar("simfoni_lifecycle_quiet", default=False)
_batch = contextvars.ContextVar("simfoni_lifecycle_batch", default=None)
_subscribers: dict[str, list[Callable[[Event], None]]] = defaultdict(list)
_batch_starters: list[Callable[[Batch], None]] = []


@dataclass(frozen=True)
class Event:
    """What happened to which phenomenon. Subscribers re-read the database as they need."""

    name: str
    phenomenon_id: int
    actor_id: int | None = None
    task_state_id: int | None = None
    quiet: bool = False
    data: dict = field(default_factory=dict)

    @property
    def phenomenon(self):
        from .models import Phenomenon

        return Phenomenon.objects.filter(pk=self.phenomenon_id).first()

    @property
    def actor(self):
        if self.actor_id is None:
            return None
        from django.contrib.auth import get_user_model

        return get_user_model().objects.filter(pk=self.actor_id).first()

    @property
    def task_state(self):
        if self.task_state_id is None:
            return None
        from wagtail.models import TaskState

        state = TaskState.objects.filter(pk=self.task_state_id).first()
        return state.specific if state else None


def subscribe(name: str, handler: Callable[[Event], None]) -> None:
    """Call `handler(event)` after each committed `name` event (registering twice is a no-op)."""
    if name not in EVENTS:
        raise ValueError(f"Unknown lifecycle event: {name}")
    if handler not in _subscribers[name]:
        _subscribers[name].append(handler)


def subscribers(name: str) -> list[Callable[[Event], None]]:
    return list(_subscribers[name])


@contextlib.contextmanager
def quietly():
    """Events emitted inside are quiet: nobody is e-mailed about them one by one."""
    token = _quiet.set(True)
    try:
        yield
    finally:
        _quiet.reset(token)


def is_quiet() -> bool:
    return _quiet.get()


class Batch:
    """What a ``batched()`` block collects: committed ``events``, per-item work deferred to
    the end (``defer``), and room for the participants' own state (``data``)."""

    def __init__(self):
        self.events: list[Event] = []
        self.data: dict = {}
        self._deferred: dict[str, Callable[[Batch], None]] = {}

    def defer(self, key: str, func: Callable[[Batch], None]) -> None:
        """Run ``func(batch)`` once after the batch commits, before its events are delivered."""
        self._deferred.setdefault(key, func)

    def deliver(self) -> None:
        for key, func in list(self._deferred.items()):
            try:
                func(self)
            except Exception:
                logger.exception("Deferred batch work %s failed", key)
        deliver_many(self.events)


def on_batch_start(func: Callable[[Batch], None]) -> None:
    """Call ``func(batch)`` when a batch starts (apps that take part in batches)."""
    if func not in _batch_starters:
        _batch_starters.append(func)


def current_batch() -> Batch | None:
    return _batch.get()


@contextlib.contextmanager
def batched():
    """Collect the events emitted inside and deliver them together after the commit (at the
    end of the block outside a transaction). Nested blocks join the outer batch."""
    outer = _batch.get()
    if outer is not None:
        yield outer
        return
    batch = Batch()
    for start in _batch_starters:
        start(batch)
    token = _batch.set(batch)
    try:
        yield batch
    finally:
        _batch.reset(token)
        # Only committed events were collected: deliver them even when the block failed.
        transaction.on_commit(batch.deliver)


def emit(name, phenomenon, actor=None, task_state=None, **data) -> Event:
    """Queue `name` for delivery when the current transaction commits (at once outside one)."""
    if name not in EVENTS:
        raise ValueError(f"Unknown lifecycle event: {name}")
    event = Event(
        name=name,
        phenomenon_id=phenomenon.pk if hasattr(phenomenon, "pk") else int(phenomenon),
        actor_id=getattr(actor, "pk", None),
        task_state_id=getattr(task_state, "pk", None),
        quiet=is_quiet(),
        data=data,
    )
    batch = _batch.get()
    if batch is not None:
        transaction.on_commit(lambda: batch.events.append(event))
    else:
        transaction.on_commit(lambda: deliver(event))
    return event


def deliver(event: Event) -> None:
    """Hand `event` to each subscriber; one failing never stops the others."""
    for handler in subscribers(event.name):
        try:
            handler(event)
        except Exception:
            logger.exception(
                "Lifecycle subscriber %s failed on %s of phenomenon %s",
                getattr(handler, "__qualname__", handler),
                event.name,
                event.phenomenon_id,
            )


def deliver_many(events: list[Event]) -> None:
    """Deliver ``events`` subscriber by subscriber: all at once to a subscriber with a
    ``many(events)`` attribute, one by one to the others; one failing never stops the others."""
    handled: dict[Callable, list[Event]] = {}
    for event in events:
        for handler in subscribers(event.name):
            handled.setdefault(handler, []).append(event)
    for handler, its_events in handled.items():
        many = getattr(handler, "many", None)
        calls = [(many, its_events)] if many else [(handler, e) for e in its_events]
        for func, argument in calls:
            try:
                func(argument)
            except Exception:
                logger.exception(
                    "Lifecycle subscriber %s failed on a batch",
                    getattr(handler, "__qualname__", handler),
                )


# --- Wagtail's signals → events (connected once, in PhenomenaConfig.ready) -------------------


def _on_published(sender, instance, revision=None, **kwargs):
    emit(PUBLISHED, instance, actor=getattr(revision, "user", None))


def _on_unpublished(sender, instance, user=None, **kwargs):
    emit(UNPUBLISHED, instance, actor=user)


def _on_deleted(sender, instance, **kwargs):
    emit(DELETED, instance)


def _on_created(sender, instance, created=False, raw=False, **kwargs):
    if created and not raw:
        emit(CREATED, instance, actor=getattr(instance, "author", None))


def _is_review_task_state(task_state) -> bool:
    return hasattr(task_state, "submitted_object")


def _phenomenon_of(task_state):
    from .models import Phenomenon

    obj = task_state.workflow_state.content_object
    return obj if isinstance(obj, Phenomenon) else None


def _on_task_submitted(sender, instance, user=None, **kwargs):
    phenomenon = _phenomenon_of(instance)
    if phenomenon is not None:
        emit(SUBMITTED, phenomenon, actor=user, task_state=instance)


def _on_task_rejected(sender, instance, user=None, **kwargs):
    phenomenon = _phenomenon_of(instance)
    if phenomenon is not None:
        emit(REJECTED, phenomenon, actor=user, task_state=instance)


def _on_workflow_approved(sender, instance, user=None, **kwargs):
    task_state = instance.current_task_state
    if task_state is None:
        return
    phenomenon = _phenomenon_of(task_state)
    if phenomenon is not None:
        emit(APPROVED, phenomenon, actor=user, task_state=task_state)


def connect() -> None:
    from django.db.models.signals import post_delete, post_save
    from wagtail.models import WorkflowState
    from wagtail.signals import (
        published,
        task_rejected,
        task_submitted,
        unpublished,
        workflow_approved,
    )

    from .models import Phenomenon

    published.connect(_on_published, sender=Phenomenon, dispatch_uid="lifecycle_published")
    unpublished.connect(_on_unpublished, sender=Phenomenon, dispatch_uid="lifecycle_unpublished")
    post_delete.connect(_on_deleted, sender=Phenomenon, dispatch_uid="lifecycle_deleted")
    post_save.connect(_on_created, sender=Phenomenon, dispatch_uid="lifecycle_created")
    # Task signals are sent with the specific TaskState class as sender: listen to all of them.
    task_submitted.connect(_on_task_submitted, dispatch_uid="lifecycle_task_submitted")
    task_rejected.connect(_on_task_rejected, dispatch_uid="lifecycle_task_rejected")
    workflow_approved.connect(
        _on_workflow_approved, sender=WorkflowState, dispatch_uid="lifecycle_approved"
    )
