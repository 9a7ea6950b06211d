"""Test data factories (factory_boy): accounts per role, and phenomena in every state.

Accounts
    UserFactory(username=..., role=Role.OPERATOR, unit="fungsi-sosial-2")
        A user with password `PASSWORD`; with `role`, `phenomena.roles.assign_role` gives the
        role and the work unit (a `WorkUnit` code from the reference data, or a WorkUnit).
    AdminFactory, OperatorFactory (fungsi-sosial-2), KabkotaOperatorFactory (bps-3172),
    SupervisorFactory (fungsi-sosial-1), ViewerFactory (fungsi-sosial-1)
        The same with the role and a default unit filled in; `unit=` changes the unit.

Phenomena
    PhenomenonFactory(author=op)
        A draft as the admin form leaves it: validated (`full_clean`), saved, one revision by
        the author (logged), `live=False`. Defaults: Ekonomi / "Harga-harga (Inflasi)", DKI
        Jakarta, last month, one press-release source (an FGD when `area` is a kab/kota).
    Fields take objects or reference-data keys: `theme="Pariwisata"` (a Theme name; with
    `subject="sosial"` when a name is ambiguous), `area="3172"` (a kab/kota code; the scope
    follows), `scope="dki"`. `author=None` is allowed (no author, no work unit).
    Lists:
        sources=[("portal_berita", "Kompas.com", date, url?), {...}]   tuples or dicts with
            source_type (code), outlet (name), url, source_date; `url=None` for an outlet
            source invents a unique https://contoh.test/... address.
        indicators=[("Perkembangan IHK (Inflasi)", Direction.NAIK), "Indikator tanpa arah"]
        keywords=["cabai merah", ...]
    Traits (states, through Wagtail's real machinery):
        draft=True       the default (listed so that subclasses with another default can ask)
        in_review=True   submitted into the phenomenon workflow (`workflows.demo.submit_for_review`,
                         what the editor's "Ajukan" does): a task state waits in the queue.
        approved=True    submitted, then the review task state approved: the workflow publishes
                         the revision, viewers see it.
        rejected=True    submitted, then rejected with `reason` (default "Sumber tidak valid"):
                         back with the author, not live.
        published=True   the revision published directly (demo data, imports; no workflow).
    Traits (content): with_sources (a news source and a press release), with_keywords,
        with_indicators.
    Dates: created_at, submitted_at, decided_at (aware datetimes) freeze the clock for the
        creation / submission / decision, so revisions, task states and logs carry them.
    decided_by: the reviewer (or publisher) recorded on the decision. Decisions are taken on the
        task state directly (`TaskState.approve/reject`), so any user may be named; tests of who
        may review go through the views.
    revision=False: no revision at creation (a row only; one is saved when it is submitted).
    validate=False: skip `full_clean` (data the form would refuse, e.g. no source).
    PhenomenonFactory.build(...) gives the unsaved object with its sources (no state, no rows).

Package defaults live in small subclasses: tests/search/conftest.py (published, with a news
source and an indicator), tests/duplicates/conftest.py (the cabai story, `url`/`outlet`),
tests/reminders/reminders_helpers.py (known timestamps, no source).
"""

import contextlib
import datetime

import factory
from django.contrib.auth import get_user_model
from freezegun import freeze_time

from phenomena.models import (
    Direction,
    Indicator,
    Outlet,
    Phenomenon,
    PhenomenonIndicator,
    PhenomenonSource,
    Role,
    Scope,
    SourceType,
    Subject,
    Theme,
    WorkUnit,
)
from phenomena.roles import assign_role
from phenomena.rules import today

PASSWORD = "rahasia-uji-123"

DRAFT, IN_REVIEW, APPROVED, REJECTED, PUBLISHED = (
    "draft",
    "in_review",
    "approved",
    "rejected",
    "published",
)


def last_month(day=1):
    return (today().replace(day=1) - datetime.timedelta(days=1)).replace(day=day)


# --- accounts -----------------------------------------------------------------------------


class UserFactory(factory.django.DjangoModelFactory):
    """A user; `role=` and `unit=` (a WorkUnit or its code) give a SIMFONI role."""

    class Meta:
        model = get_user_model()

    username = factory.Sequence(lambda n: f"pengguna{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@bps.test")
    first_name = factory.LazyAttribute(lambda u: u.username.title())
    last_name = "Uji"
    password = factory.django.Password(PASSWORD)
    role = None
    unit = "fungsi-ipds"

    @classmethod
    def _create(cls, model_class, *args, role=None, unit=None, **kwargs):
        user = super()._create(model_class, *args, **kwargs)
        if role:
            if not isinstance(unit, WorkUnit):
                unit = WorkUnit.objects.get(code=unit)
            assign_role(user, role, unit)
        return user

    @classmethod
    def _build(cls, model_class, *args, role=None, unit=None, **kwargs):
        return super()._build(model_class, *args, **kwargs)


class AdminFactory(UserFactory):
    username = factory.Sequence(lambda n: f"admin{n}")
    role = Role.ADMIN
    unit = "fungsi-ipds"


class OperatorFactory(UserFactory):
    """A province operator (Fungsi Sosial 2 owns Kompas.com and CNN Indonesia)."""

    username = factory.Sequence(lambda n: f"operator{n}")
    role = Role.OPERATOR
    unit = "fungsi-sosial-2"


class KabkotaOperatorFactory(OperatorFactory):
    """An operator of BPS Kota Jakarta Timur (3172)."""

    unit = "bps-3172"


class SupervisorFactory(UserFactory):
    username = factory.Sequence(lambda n: f"supervisor{n}")
    role = Role.SUPERVISOR
    unit = "fungsi-sosial-1"


class ViewerFactory(UserFactory):
    username = factory.Sequence(lambda n: f"viewer{n}")
    role = Role.VIEWER
    unit = "fungsi-sosial-1"


# --- phenomena ----------------------------------------------------------------------------


def _default_title(o):
    name = o.theme.name if isinstance(o.theme, Theme) else o.theme
    who = o.author.username if o.author else "tanpa penginput"
    return f"{name}: fenomena uji oleh {who}"


def _default_sources(o):
    """One source, as the input rules want it: a press release, or an FGD for a kab/kota."""
    if o.area:
        return [{"source_type": "fgd", "source_date": last_month(5)}]
    return [
        {
            "source_type": "siaran_pers",
            "url": "https://jakarta.bps.go.id/pressrelease/2026/1",
            "source_date": last_month(5),
        }
    ]


def _at(moment):
    """Freeze the clock at `moment` (a no-op for None)."""
    return freeze_time(moment) if moment else contextlib.nullcontext()


class PhenomenonFactory(factory.django.DjangoModelFactory):
    """A phenomenon in a chosen state; see the module docstring."""

    class Meta:
        model = Phenomenon

    title = factory.LazyAttribute(_default_title)
    narrative = "Narasi uji dengan angka 12 persen dan penyebabnya."
    reference_period = factory.LazyFunction(last_month)
    author = None
    theme = "Harga-harga (Inflasi)"
    subject = None
    scope = None
    area = None
    work_unit = factory.LazyAttribute(
        lambda o: o.author.simfoni_profile.work_unit
        if o.author and hasattr(o.author, "simfoni_profile")
        else None
    )
    sources = factory.LazyAttribute(_default_sources)
    indicators = ()
    keywords = ()
    state = DRAFT
    created_at = None
    submitted_at = None
    decided_at = None
    decided_by = None
    reason = "Sumber tidak valid"
    revision = True
    validate = True

    class Params:
        draft = factory.Trait(state=DRAFT)
        in_review = factory.Trait(state=IN_REVIEW)
        approved = factory.Trait(state=APPROVED)
        rejected = factory.Trait(state=REJECTED)
        published = factory.Trait(state=PUBLISHED)
        with_sources = factory.Trait(
            sources=factory.LazyFunction(
                lambda: [
                    ("portal_berita", "Kompas.com", last_month(5), None),
                    (
                        "siaran_pers",
                        None,
                        last_month(6),
                        "https://jakarta.bps.go.id/pressrelease/2026/2",
                    ),
                ]
            )
        )
        with_keywords = factory.Trait(keywords=("cabai merah", "inflasi"))
        with_indicators = factory.Trait(
            indicators=(("Perkembangan IHK (Inflasi)", Direction.NAIK),)
        )

    @classmethod
    def _build(cls, model_class, *args, **kwargs):
        phenomenon, _rest = cls._unsaved(model_class, kwargs)
        return phenomenon

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        phenomenon, rest = cls._unsaved(model_class, kwargs)
        with _at(rest["created_at"]):
            if rest["validate"]:
                phenomenon.full_clean()
            phenomenon.save()
            if rest["revision"]:
                phenomenon.save_revision(user=phenomenon.author, log_action=True)
        state = rest["state"]
        if state == PUBLISHED:
            with _at(rest["decided_at"] or rest["created_at"]):
                revision = phenomenon.latest_revision or phenomenon.save_revision(
                    user=phenomenon.author
                )
                revision.publish(user=rest["decided_by"], skip_permission_checks=True)
        elif state in (IN_REVIEW, APPROVED, REJECTED):
            workflow_state = submit(phenomenon, at=rest["submitted_at"])
            if state != IN_REVIEW:
                decide(
                    workflow_state,
                    "approve" if state == APPROVED else "reject",
                    by=rest["decided_by"],
                    at=rest["decided_at"],
                    reason=rest["reason"],
                )
        elif state != DRAFT:
            raise ValueError(f"unknown phenomenon state {state!r}")
        phenomenon.refresh_from_db()
        return phenomenon

    @classmethod
    def _unsaved(cls, model_class, kwargs):
        rest = {
            key: kwargs.pop(key)
            for key in (
                "sources",
                "indicators",
                "keywords",
                "state",
                "created_at",
                "submitted_at",
                "decided_at",
                "decided_by",
                "reason",
                "revision",
                "validate",
            )
        }
        subject = kwargs.pop("subject")
        if subject is not None and not isinstance(subject, Subject):
            subject = Subject.objects.get(code=subject)
        theme = kwargs.pop("theme")
        if not isinstance(theme, Theme):
            themes = Theme.objects.filter(name=theme)
            theme = (themes.filter(subject=subject) if subject else themes).get()
        area = kwargs.pop("area")
        if area is not None and not isinstance(area, Scope):
            area = Scope.objects.get(code=area)
        scope = kwargs.pop("scope")
        if scope is None:
            scope = area.parent if area else "dki"
        if not isinstance(scope, Scope):
            scope = Scope.objects.get(code=scope)
        created_at = rest["created_at"]
        if created_at is not None:
            kwargs["created_at"] = created_at
        phenomenon = model_class(
            subject=subject or theme.subject,
            theme=theme,
            scope=scope,
            area=area,
            live=False,
            **kwargs,
        )
        for order, source in enumerate(rest["sources"]):
            phenomenon.sources.add(_source(order, source))
        for order, link in enumerate(rest["indicators"]):
            phenomenon.indicator_links.add(_indicator(order, link))
        if rest["keywords"]:
            phenomenon.keywords.add(*rest["keywords"])
        return phenomenon, rest


_url_counter = iter(range(1, 10**9))


def _source(order, spec):
    if not isinstance(spec, dict):
        spec = dict(
            zip(("source_type", "outlet", "source_date", "url")[: len(spec)], spec, strict=True)
        )
    source_type = spec.get("source_type", "portal_berita")
    if not isinstance(source_type, SourceType):
        source_type = SourceType.objects.get(code=source_type)
    outlet = spec.get("outlet")
    if outlet is not None and not isinstance(outlet, Outlet):
        outlet = Outlet.objects.get(name=outlet)
    url = spec.get("url")
    if url is None:
        url = f"https://contoh.test/berita/{next(_url_counter)}-{order}" if outlet else ""
    return PhenomenonSource(
        sort_order=order,
        source_type=source_type,
        outlet=outlet,
        url=url,
        source_date=spec.get("source_date") or last_month(5),
    )


def _indicator(order, spec):
    name, direction = (spec, None) if isinstance(spec, str | Indicator) else spec
    indicator = name if isinstance(name, Indicator) else Indicator.objects.get(name=name)
    link = PhenomenonIndicator(sort_order=order, indicator=indicator)
    if direction is not None:
        link.direction = direction
    return link


# --- states through the workflow ----------------------------------------------------------


def submit(phenomenon, at=None, user=None):
    """Submit `phenomenon` into its workflow as `user` (default: its author) at `at`.

    What the editor's "Ajukan" does: the latest revision (one is saved if there is none) goes
    to the review task. Returns the workflow state.
    """
    from workflows.demo import submit_for_review

    with _at(at):
        if phenomenon.latest_revision_id is None:
            phenomenon.save_revision(user=phenomenon.author)
        return submit_for_review(phenomenon, user or phenomenon.author)


def decide(workflow_state, action, by=None, at=None, reason="Sumber tidak valid"):
    """Approve or reject the waiting review task state of `workflow_state` at `at`."""
    with _at(at):
        task_state = workflow_state.current_task_state.specific
        if action == "approve":
            task_state.approve(user=by)
        else:
            task_state.reject(user=by, comment=reason)
    return task_state
