"""The one way to write a phenomenon.

Every entry point -- the admin form, "Tambahkan sebagai sumber", merging, the demo data and
any future import, scraper or API -- writes phenomena through these functions:

* ``create_phenomenon(user, data, *, submit=False)`` and ``update_phenomenon(user, phenomenon,
  data)``: a new revision of what ``data`` (a ``PhenomenonInput``) says;
* ``add_sources(user, phenomenon, sources)``: new sources on an existing phenomenon, as a
  revision (submitted for review when nothing else is pending);
* ``merge(user, survivor, duplicate)``: one phenomenon into another;
* ``submit(user, phenomenon)`` and ``publish(user, phenomenon)``.

Each checks who may do it (``_require``), the input rules (``phenomena.rules``, the limits in
``phenomena.limits``) and the duplicate check, and raises ``ValidationError`` with messages keyed
by field (source rows as ``sources-<i>-<field>``, as the admin formset names them) or a
``DuplicateError`` carrying the matches; nothing is written when it raises.  The writing itself
is Wagtail's: ``CreateAction`` / ``EditAction`` (revision and log entry), ``workflow.start``,
``PublishRevisionAction``.  Lifecycle events come from Wagtail's signals (``lifecycle.connect``),
after commit; only ``MERGED`` starts here.
"""

from __future__ import annotations

import contextlib
import datetime
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.actions.create import CreateAction
from wagtail.actions.edit import EditAction
from wagtail.actions.publish_revision import PublishRevisionAction
from wagtail.actions.unpublish import UnpublishAction
from wagtail.log_actions import log
from wagtail.models import ReferenceIndex, WorkflowState
from wagtail.permissions import policy_registry
from wagtail.signal_handlers import disable_reference_index_auto_update

from simfoni_text.urls import canonical_url_or_blank

from . import lifecycle, limits
from .duplicates.merge import (
    DRAFT,
    PUBLISHED,
    SUBMITTED,
    may_merge,
    merge_refusal,
    next_sort_order,
    source_key,
)
from .duplicates.service import (
    check_candidate,
    latest_content,
    refresh_fingerprints,
    status_label,
)
from .models import (
    DuplicateDecision,
    Phenomenon,
    PhenomenonIndicator,
    PhenomenonSource,
)
from .permissions import administers, approves_own, visible_phenomena
from .roles import get_profile
from .rules import (
    WEB_SCRAPING,
    SourceInput,
    input_errors,
    keyword_errors,
    source_errors,
    text_length,
)

# --- messages (the texts the admin form has always shown) ------------------------------------

MSG_BLOCK = gettext_lazy(
    "Tautan bukti ini sudah tercatat pada fenomena “%(title)s” (%(status)s). Fenomena tidak "
    "disimpan agar tidak ganda. Tambahkan sumber Anda ke fenomena tersebut dengan tombol "
    "“Tambahkan sebagai sumber” di bagian Pemeriksaan duplikat, atau periksa kembali tautannya."
)
MSG_URL_FIELD = gettext_lazy("Tautan ini sudah dipakai fenomena “%(title)s”.")
MSG_WARN = gettext_lazy(
    "Fenomena ini mirip dengan fenomena yang sudah ada: “%(title)s” (%(status)s, kemiripan "
    "%(pct)s%%). Periksa bagian Pemeriksaan duplikat. Jika yakin bukan duplikat, centang "
    "“Bukan duplikat”, tulis alasannya, lalu simpan lagi."
)
MSG_REASON = gettext_lazy("Tulis alasan singkat mengapa fenomena ini bukan duplikat.")
MSG_SELF_APPROVAL = gettext_lazy(
    "Anda tidak dapat menyetujui (menerbitkan) fenomena yang Anda input atau ubah "
    "sendiri tanpa alasan. Ajukan untuk direview, atau isi “Alasan menyetujui "
    "sendiri” lalu terbitkan lagi."
)
SELF_APPROVAL_LOG_ACTION = "simfoni.self_approval"
ADD_SOURCE_LOG_ACTION = "simfoni.add_source"


# --- input -----------------------------------------------------------------------------------


@dataclass
class SourceData:
    """One source: a ``SourceType``, an ``Outlet`` (or None), the URL and the source's date."""

    source_type: object
    outlet: object | None = None
    url: str = ""
    source_date: datetime.date | None = None


@dataclass
class IndicatorData:
    indicator: object
    direction: str


@dataclass
class PhenomenonInput:
    """What any entry point gives to create or change a phenomenon (model instances for the
    reference data: scope, area, subject, theme, source types, outlets, indicators)."""

    title: str
    narrative: str
    reference_period: datetime.date
    scope: object
    subject: object
    theme: object
    area: object | None = None
    keywords: list[str] = field(default_factory=list)
    sources: list[SourceData] = field(default_factory=list)
    indicators: list[IndicatorData] = field(default_factory=list)


@dataclass
class Acknowledgement:
    """ "Bukan duplikat": the near matches the user judged different, and why."""

    reason: str


class DuplicateError(ValidationError):
    """The content duplicates stored phenomena: ``matches`` (a URL match blocks; a near match
    needs ``not_duplicate`` with a reason)."""

    def __init__(self, errors, matches):
        super().__init__(errors)
        self.matches = matches


@dataclass
class AddSourcesResult:
    added: list
    submitted: bool


# --- who may do what -------------------------------------------------------------------------


def _policy():
    return policy_registry.get_by_type(Phenomenon)


def _require(user, action: str, phenomenon=None) -> None:
    """Raise ``PermissionDenied`` unless ``user`` may ``action`` (``phenomenon``).

    The one place the services ask the permission rules; "merge" asks for a pair (a tuple
    ``(survivor, duplicate)``)."""
    if action == "merge":
        survivor, duplicate = phenomenon
        if not may_merge(user, survivor, duplicate):
            raise PermissionDenied(
                _(
                    "Hanya admin atau supervisor yang mereview kedua fenomena yang boleh "
                    "menggabungkannya."
                )
            )
        return
    policy = _policy()
    if phenomenon is None or phenomenon.pk is None:
        allowed = policy.user_has_permission(user, action)
    else:
        allowed = policy.user_has_permission_for_instance(user, action, phenomenon)
    if not allowed:
        raise PermissionDenied


# --- checks ----------------------------------------------------------------------------------


def source_field(index: int, name: str) -> str:
    """The key of a source row's field in error dicts (the admin formset's prefix)."""
    return f"sources-{index}-{name}"


def input_rule_errors(user, phenomenon, sources, keywords=()) -> dict[str, list[str]]:
    """Errors of the input rules that depend on the user (and of the keywords), keyed by
    field: the phenomenon's fields, ``sources-<i>-<field>`` for source row ``i``."""
    errors: dict[str, list[str]] = {}
    for message in keyword_errors(keywords):
        errors.setdefault("keywords", []).append(message)
    if user is None:
        return errors
    stored = _stored_scraped_sources(phenomenon)
    for index, source in enumerate(sources):
        if source is None:
            continue
        source_input = SourceInput(
            source_type=source.source_type,
            outlet=source.outlet,
            url=source.url or "",
            source_date=source.source_date,
            stored_scraped=(
                getattr(source.source_type, "code", None) == WEB_SCRAPING
                and (getattr(source.outlet, "pk", None), canonical_url_or_blank(source.url or ""))
                in stored
            ),
        )
        for name, messages in source_errors(user, source_input).items():
            errors.setdefault(source_field(index, name), []).extend(messages)
    for name, messages in input_errors(user, phenomenon).items():
        errors.setdefault(name, []).extend(messages)
    return errors


def _stored_scraped_sources(phenomenon) -> set[tuple]:
    """(outlet id, canonical URL) of the web-scraping sources stored on ``phenomenon``."""
    if phenomenon is None or not getattr(phenomenon, "pk", None):
        return set()
    rows = PhenomenonSource.objects.filter(
        phenomenon_id=phenomenon.pk, source_type__code=WEB_SCRAPING
    ).values_list("outlet_id", "url")
    return {(outlet_id, canonical_url_or_blank(url)) for outlet_id, url in rows}


def find_duplicates(phenomenon, urls) -> list:
    """Stored phenomena the (possibly unsaved) ``phenomenon`` with ``urls`` duplicates.

    An over-long narrative is refused anyway; comparing it with every phenomenon is wasted."""
    flush_batch(keep=True)  # what a batch saved so far is compared with
    if not (phenomenon.title or phenomenon.narrative):
        return []
    if text_length(phenomenon.narrative) > limits.NARRATIVE_MAX_CHARS:
        return []
    return check_candidate(phenomenon, urls=[u for u in urls if u])


def duplicate_errors(matches, urls, *, not_duplicate=False, reason="") -> dict[str, list[str]]:
    """The errors the duplicate ``matches`` cause: a URL match blocks (with the message on each
    source URL it shares, keyed ``sources-<i>-url`` by ``urls``' positions); a near match
    needs ``not_duplicate`` and a ``reason``."""
    errors: dict[str, list[str]] = {}
    blocks = [m for m in matches if m.blocks]
    warns = [m for m in matches if not m.blocks]
    for match in blocks:
        values = {"title": match.phenomenon.title, "status": status_label(match.phenomenon)}
        message = str(MSG_BLOCK % values)
        if message not in errors.get("__all__", []):
            errors.setdefault("__all__", []).append(message)
        stored = {s.canonical_url for s in match.phenomenon.sources.all()}
        for index, url in enumerate(urls):
            key = source_field(index, "url")
            if url and canonical_url_or_blank(url) in stored and key not in errors:
                errors[key] = [str(MSG_URL_FIELD % values)]
    if warns and not not_duplicate:
        best = warns[0]
        errors["not_duplicate"] = [
            str(
                MSG_WARN
                % {
                    "title": best.phenomenon.title,
                    "status": status_label(best.phenomenon),
                    "pct": round(best.score * 100),
                }
            )
        ]
    elif warns and not (reason or "").strip():
        errors["not_duplicate_reason"] = [str(MSG_REASON)]
    return errors


def record_not_duplicate(user, phenomenon, matches, reason) -> None:
    """Record "bukan duplikat" for each near match ``user`` overrode on ``phenomenon``."""
    if phenomenon.pk is None:
        return
    for match in matches or []:
        if match.blocks or match.phenomenon.pk == phenomenon.pk:
            continue
        DuplicateDecision.objects.get_or_create(
            phenomenon_id=phenomenon.pk,
            other_id=match.phenomenon.pk,
            kind=DuplicateDecision.Kind.NOT_DUPLICATE,
            defaults={
                "reason": (reason or "").strip() or _("(tanpa alasan)"),
                "score": match.score,
                "decided_by": user,
            },
        )


def stamp_author(user, phenomenon) -> None:
    """A new phenomenon is its inputter's, in their work unit at the time."""
    if phenomenon.author_id is None and user is not None:
        phenomenon.author = user
        profile = get_profile(user)
        phenomenon.work_unit = profile.work_unit if profile else None


# --- batches ---------------------------------------------------------------------------------


@contextlib.contextmanager
def batch():
    """Write many phenomena (an import) with the per-item bookkeeping done once per batch.

    Use it inside the batch's transaction. Every call inside still checks, validates and
    looks for duplicates row by row, and writes through Wagtail as always; what is deferred:

    * the duplicate fingerprints and Wagtail's reference index of a phenomenon saved several
      times (create, its sources, publish) are computed once: the caller calls
      ``flush_batch()`` after each item's own savepoint, and the end of the block does it for
      what is left (a duplicate check finding fingerprints pending computes them too, and
      keeps them pending: its savepoint may roll back);
    * lifecycle events (search index, dashboard cache, API tombstones, notices) are delivered
      together after the commit (``lifecycle.batched``), each subscriber in one pass where it
      can (Wagtail's own search indexing on save waits for it too: ``search.subscribers``).
    """
    if lifecycle.current_batch() is not None:  # joins the outer batch
        yield
        return
    with lifecycle.batched(), disable_reference_index_auto_update():
        yield
        flush_batch()


def flush_batch(*, keep=False) -> None:
    """Bring the duplicate fingerprints and Wagtail's reference index of the phenomena saved in
    the current batch up to date (and forget them unless ``keep``)."""
    current = lifecycle.current_batch()
    pending = current.data.get("fingerprints") if current is not None else None
    if not pending:
        return
    ids = sorted(pending)
    if not keep:
        pending.clear()
    for phenomenon in Phenomenon.objects.filter(pk__in=ids):  # a rolled-back one is gone
        refresh_fingerprints(phenomenon, latest_content(phenomenon))
        if not keep:  # what Wagtail does on each save of it or of its sources
            ReferenceIndex.create_or_update_for_object(phenomenon)


# --- building --------------------------------------------------------------------------------


def _apply(phenomenon, data: PhenomenonInput) -> None:
    """Put ``data`` on the in-memory ``phenomenon`` (its child rows replaced)."""
    phenomenon.title = data.title
    phenomenon.narrative = data.narrative
    phenomenon.reference_period = data.reference_period
    phenomenon.scope = data.scope
    phenomenon.area = data.area
    phenomenon.subject = data.subject
    phenomenon.theme = data.theme
    phenomenon.sources = [
        PhenomenonSource(
            sort_order=order,
            source_type=s.source_type,
            outlet=s.outlet,
            url=s.url or "",
            source_date=s.source_date,
        )
        for order, s in enumerate(data.sources)
    ]
    phenomenon.indicator_links = [
        PhenomenonIndicator(sort_order=order, indicator=i.indicator, direction=i.direction)
        for order, i in enumerate(data.indicators)
    ]
    phenomenon.keywords.set(list(data.keywords))


def _model_errors(phenomenon, data: PhenomenonInput) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    try:
        phenomenon.full_clean(exclude=["author", "work_unit", "keywords"])
    except ValidationError as exc:
        for name, messages in exc.message_dict.items():
            errors.setdefault(name, []).extend(messages)
    if not data.sources:
        errors.setdefault("sources", []).append(_("Isi paling sedikit satu sumber."))
    elif len(data.sources) > limits.SOURCES_MAX:
        errors.setdefault("sources", []).append(
            _("Paling banyak %(max)s sumber.") % {"max": limits.SOURCES_MAX}
        )
    if len(data.indicators) > limits.INDICATORS_MAX:
        errors.setdefault("indicators", []).append(
            _("Paling banyak %(max)s indikator.") % {"max": limits.INDICATORS_MAX}
        )
    for index, source in enumerate(phenomenon.sources.all()):
        try:
            source.full_clean(exclude=["phenomenon", "canonical_url", "sort_order"])
        except ValidationError as exc:
            for name, messages in exc.message_dict.items():
                errors.setdefault(source_field(index, name), []).extend(messages)
    for index, link in enumerate(phenomenon.indicator_links.all()):
        try:
            link.full_clean(exclude=["phenomenon", "sort_order"])
        except ValidationError as exc:
            for name, messages in exc.message_dict.items():
                errors.setdefault(f"indicators-{index}-{name}", []).extend(messages)
    return errors


def _validate(user, phenomenon, data: PhenomenonInput, not_duplicate_reason):
    """Raise unless ``phenomenon`` (with ``data`` applied) may be saved by ``user``; return
    the near matches acknowledged as "bukan duplikat"."""
    errors = _model_errors(phenomenon, data)
    for name, messages in input_rule_errors(user, phenomenon, data.sources, data.keywords).items():
        errors.setdefault(name, []).extend(messages)
    if errors:
        raise ValidationError(errors)
    urls = [s.url for s in data.sources]
    matches = find_duplicates(phenomenon, urls)
    acknowledged = not_duplicate_reason is not None
    found = duplicate_errors(
        matches, urls, not_duplicate=acknowledged, reason=not_duplicate_reason or ""
    )
    if found:
        raise DuplicateError(found, matches)
    return matches


# --- writing ---------------------------------------------------------------------------------


def check_phenomenon(user, data: PhenomenonInput, *, not_duplicate_reason: str | None = None):
    """What ``create_phenomenon(user, data)`` would refuse, without writing anything: raises
    its ``ValidationError`` / ``DuplicateError`` (and ``PermissionDenied``), else returns the
    near matches that ``not_duplicate_reason`` acknowledges (a dry run, e.g. of an import)."""
    _require(user, "add")
    phenomenon = Phenomenon()
    _apply(phenomenon, data)
    return _validate(user, phenomenon, data, not_duplicate_reason)


def create_phenomenon(
    user, data: PhenomenonInput, *, submit=False, not_duplicate_reason: str | None = None
) -> Phenomenon:
    """A new phenomenon by ``user`` (a draft, submitted for review when ``submit``).

    ``not_duplicate_reason``: the user judged the near matches "bukan duplikat" (recorded);
    without it a near match raises ``DuplicateError``, as a URL match always does."""
    _require(user, "add")
    phenomenon = Phenomenon()
    _apply(phenomenon, data)
    matches = _validate(user, phenomenon, data, not_duplicate_reason)
    stamp_author(user, phenomenon)
    with transaction.atomic():
        CreateAction(phenomenon, user=user, clean=False).execute(skip_permission_checks=True)
        if not_duplicate_reason is not None:
            record_not_duplicate(user, phenomenon, matches, not_duplicate_reason)
        if submit:
            _submit(user, phenomenon)
    return phenomenon


def update_phenomenon(
    user, phenomenon, data: PhenomenonInput, *, not_duplicate_reason: str | None = None
) -> Phenomenon:
    """A new revision of ``phenomenon`` with ``data`` (the published version stays until the
    revision is approved)."""
    _require(user, "change", phenomenon)
    lock = phenomenon.get_lock()
    if lock is not None and lock.for_user(user):
        raise ValidationError(str(lock.get_message(user)))  # locked, or in review for them
    content = latest_content(phenomenon)
    _apply(content, data)
    matches = _validate(user, content, data, not_duplicate_reason)
    with transaction.atomic():
        EditAction(content, user=user, clean=False).execute(skip_permission_checks=True)
        if not_duplicate_reason is not None:
            record_not_duplicate(user, content, matches, not_duplicate_reason)
    return Phenomenon.objects.get(pk=phenomenon.pk)


def _in_review(obj) -> bool:
    state = obj.current_workflow_state
    return state is not None and state.status == WorkflowState.STATUS_IN_PROGRESS


def add_sources(user, phenomenon, sources) -> AddSourcesResult:
    """Add ``sources`` (``SourceData``) to ``phenomenon`` (or the one it was merged into) as a
    new revision; nothing else of it changes.

    * the user's own draft (or own pending edit): the revision is their latest draft, which
      they submit themselves;
    * an approved phenomenon with nothing pending: the revision is submitted to the approval
      workflow in the user's name (the published version stays until a supervisor approves);
    * someone else's unsubmitted draft or pending edit is refused (it is theirs to finish),
      except for admins, whose revision becomes that draft's latest, for its author to submit.

    Sources breaking the input rules, and those already recorded, are left out.  Raises
    ``ValidationError`` (nothing written) when the phenomenon is not writable for ``user``."""
    _require(user, "add")
    target = Phenomenon.objects.get(pk=phenomenon.pk)  # as stored, not as the caller holds it
    if target.merged_into_id:
        target = target.merged_into
    if not visible_phenomena(user).filter(pk=target.pk).exists():
        raise ValidationError(
            _(
                "Sumber tidak dapat ditambahkan: fenomena yang sama masih berupa draf milik "
                "penginput lain. Hubungi supervisor Anda, atau periksa kembali tautannya."
            )
        )
    lock = target.get_lock()
    if _in_review(target) or (lock is not None and lock.for_user(user)):
        raise ValidationError(
            _(
                "Sumber tidak dapat ditambahkan: fenomena “%(title)s” sedang direview atau "
                "dikunci. Tunggu sampai selesai direview, lalu coba lagi."
            )
            % {"title": target.title}
        )
    pending = not target.live or target.has_unpublished_changes
    if pending and target.author_id != user.pk and not administers(user):
        raise ValidationError(
            _(
                "Sumber tidak dapat ditambahkan: fenomena “%(title)s” sedang diubah oleh "
                "penginputnya dan belum diajukan. Coba lagi setelah perubahannya diajukan."
            )
            % {"title": target.title}
        )
    content = latest_content(target)
    known = {source_key(s) for s in content.sources.all()}
    added = []
    for source in sources:
        if input_rule_errors(user, content, [source]):
            continue
        row = PhenomenonSource(
            source_type=source.source_type,
            outlet=source.outlet,
            url=source.url or "",
            source_date=source.source_date,
        )
        key = source_key(row)
        if key in known:
            continue
        known.add(key)
        row.sort_order = next_sort_order(content.sources.all())
        content.sources.add(row)
        added.append(row)
    if not added:
        return AddSourcesResult(added=[], submitted=False)
    with transaction.atomic():
        EditAction(
            content, user=user, log_action=ADD_SOURCE_LOG_ACTION, publish=False, clean=False
        ).execute(skip_permission_checks=True)
        if not pending:
            submit(user, Phenomenon.objects.get(pk=target.pk))
    return AddSourcesResult(added=added, submitted=not pending)


def submit(user, phenomenon):
    """Submit the latest revision of ``phenomenon`` to its approval workflow as ``user`` (what
    the editor's "Ajukan" does: resume a workflow sent back for changes, else start one)."""
    workflow = phenomenon.get_workflow()
    if workflow is None:
        return None
    state = phenomenon.current_workflow_state
    if state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        return state.resume(user)
    return workflow.start(phenomenon, user)


_submit = submit  # for create_phenomenon, whose `submit` argument hides the function


def publish(user, phenomenon, *, reason: str = "", revision=None):
    """Publish ``phenomenon``'s latest revision (or ``revision``) directly, as the editor's
    "Terbitkan" does for those who may publish (admins, the demo, imports).

    Publishing one's own work needs a ``reason``, logged as ``simfoni.self_approval``."""
    _require(user, "publish")
    own = approves_own(user, phenomenon)
    if own and not (reason or "").strip():
        raise ValidationError(str(MSG_SELF_APPROVAL))
    revision = revision or phenomenon.latest_revision
    with transaction.atomic():
        PublishRevisionAction(revision, user=user).execute(skip_permission_checks=True)
        if own:
            log(
                instance=phenomenon,
                action=SELF_APPROVAL_LOG_ACTION,
                user=user,
                revision=revision,
                data={"reason": reason.strip()},
            )
    return revision


@transaction.atomic
def merge(user, survivor: Phenomenon, duplicate: Phenomenon) -> Phenomenon:
    """Merge ``duplicate`` into ``survivor`` on behalf of ``user``; returns the survivor.

    Raises ``PermissionDenied`` when ``user`` may not merge the pair, ``ValidationError`` when
    the pair cannot be merged now.  The returned survivor's ``merge_outcome`` is ``PUBLISHED``,
    ``SUBMITTED`` or ``DRAFT`` (see ``phenomena.duplicates.merge``).  Emits ``MERGED`` for the
    duplicate after commit."""
    survivor = Phenomenon.objects.select_for_update().get(pk=survivor.pk)
    duplicate = Phenomenon.objects.select_for_update().get(pk=duplicate.pk)
    _require(user, "merge", (survivor, duplicate))
    refusal = merge_refusal(survivor, duplicate)
    if refusal:
        raise ValidationError(refusal)

    content = latest_content(survivor)
    extra = latest_content(duplicate)
    # What of the duplicate was already approved: its live content (the row of a live snippet).
    approved = duplicate if duplicate.live else None
    approved_sources = {source_key(s) for s in approved.sources.all()} if approved else set()
    approved_keywords = {t.name for t in approved.keywords.all()} if approved else set()
    approved_links = (
        {(i.indicator_id, i.direction) for i in approved.indicator_links.all()}
        if approved
        else set()
    )
    all_approved = True

    known = {source_key(s) for s in content.sources.all()}
    order = next_sort_order(content.sources.all())
    added_sources = 0
    for source in extra.sources.all():
        key = source_key(source)
        if key in known:
            continue
        known.add(key)
        all_approved &= key in approved_sources
        content.sources.add(
            PhenomenonSource(
                source_type_id=source.source_type_id,
                outlet_id=source.outlet_id,
                url=source.url,
                source_date=source.source_date,
                sort_order=order + added_sources,
            )
        )
        added_sources += 1
    keywords = {t.name for t in content.keywords.all()}
    new_keywords = [t.name for t in extra.keywords.all() if t.name not in keywords]
    if new_keywords:
        all_approved &= set(new_keywords) <= approved_keywords
        content.keywords.add(*new_keywords)
    linked = {link.indicator_id for link in content.indicator_links.all()}
    link_order = next_sort_order(content.indicator_links.all())
    for link in extra.indicator_links.all():
        if link.indicator_id not in linked:
            linked.add(link.indicator_id)
            all_approved &= (link.indicator_id, link.direction) in approved_links
            content.indicator_links.add(
                PhenomenonIndicator(
                    indicator_id=link.indicator_id,
                    direction=link.direction,
                    sort_order=link_order + len(linked),
                )
            )

    nothing_pending = (
        survivor.live
        and not survivor.has_unpublished_changes
        and survivor.current_workflow_state is None
    )
    if nothing_pending and all_approved:
        outcome = PUBLISHED
    elif nothing_pending:
        outcome = SUBMITTED
    else:
        outcome = DRAFT
    action = EditAction(
        content, user=user, log_action=False, publish=outcome == PUBLISHED, clean=False
    )
    action.execute(skip_permission_checks=True)
    log(
        instance=survivor,
        action="simfoni.merge",
        user=user,
        revision=action.revision,
        data={
            "duplicate_id": duplicate.pk,
            "duplicate_title": duplicate.title,
            "added_sources": added_sources,
            "outcome": outcome,
        },
        content_changed=True,
    )
    if outcome == SUBMITTED:
        submit(user, Phenomenon.objects.get(pk=survivor.pk))

    workflow_state = duplicate.current_workflow_state
    if workflow_state is not None:
        workflow_state.cancel(user=user)
    if duplicate.live:
        UnpublishAction(duplicate, user=user).execute(skip_permission_checks=True)
    Phenomenon.objects.filter(pk=duplicate.pk).update(merged_into=survivor)
    duplicate.merged_into = survivor
    refresh_fingerprints(duplicate)
    log(
        instance=duplicate,
        action="simfoni.merged_into",
        user=user,
        data={"survivor_id": survivor.pk, "survivor_title": survivor.title},
    )
    DuplicateDecision.objects.create(
        phenomenon=duplicate,
        other=survivor,
        kind=DuplicateDecision.Kind.MERGED,
        decided_by=user,
        reason=_("Digabungkan ke fenomena #%(id)s") % {"id": survivor.pk},
    )
    lifecycle.emit(lifecycle.MERGED, duplicate, actor=user, survivor_id=survivor.pk)
    survivor = Phenomenon.objects.get(pk=survivor.pk)  # not the in-memory edited content
    survivor.merge_outcome = outcome
    return survivor


def unpublish(user, phenomenon, reason: str):
    """Withdraw ``phenomenon``'s approval (it stays, unpublished, with its history), as the
    admin's "Batalkan penerbitan" does; the ``reason`` is logged on ``wagtail.unpublish``.

    Admins and the supervisors who review it may (the policy's "unpublish" rule), e.g. when
    resolving an error report; a reason is required."""
    _require(user, "unpublish", phenomenon)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(_("Tulis alasan membatalkan penerbitan."))
    phenomenon = Phenomenon.objects.get(pk=phenomenon.pk)
    if not phenomenon.live:
        return phenomenon
    with transaction.atomic():
        UnpublishAction(phenomenon, user=user, log_action=False).execute(
            skip_permission_checks=True
        )
        log(instance=phenomenon, action="wagtail.unpublish", user=user, data={"reason": reason})
    return Phenomenon.objects.get(pk=phenomenon.pk)


# --- delegation ------------------------------------------------------------------------------

TRANSFER_LOG_ACTION = "simfoni.transfer_authorship"


def transfer_authorship(user, phenomenon, new_author, *, reason: str = "") -> Phenomenon:
    """Make ``new_author`` (an active operator) the author of ``phenomenon``, in their work
    unit: they may then edit and resubmit it (a supervisor delegating a rejected scraped
    phenomenon). Only admins and those who review the phenomenon may, and not while it is in
    review. Logged; the caller notifies."""
    from .permissions import may_review
    from .roles import operators

    if not may_review(user, phenomenon):
        raise PermissionDenied
    profile = get_profile(new_author)
    if profile is None or not operators().filter(pk=new_author.pk).exists():
        raise ValidationError(_("Fenomena hanya dapat dialihkan kepada operator yang aktif."))
    if _in_review(phenomenon):
        raise ValidationError(
            _("Fenomena yang sedang direview tidak dapat dialihkan. Tolak atau setujui dulu.")
        )
    previous = phenomenon.author
    with transaction.atomic():
        Phenomenon.objects.filter(pk=phenomenon.pk).update(
            author=new_author, work_unit=profile.work_unit
        )
        log(
            instance=phenomenon,
            action=TRANSFER_LOG_ACTION,
            user=user,
            data={
                "from": previous.get_username() if previous else "",
                "to": new_author.get_username(),
                "reason": reason,
            },
        )
    return Phenomenon.objects.get(pk=phenomenon.pk)
