"""Who reviews a phenomenon — the one place the routing rules live.

1. A phenomenon input by a kab/kota operator goes to the supervisors of that kab/kota (the
   supervisors whose work unit is that kab/kota unit).
2. A province phenomenon goes to the province supervisors allocated to its theme
   (`SupervisorAllocation`).
3. A theme with no allocated supervisor goes to the province supervisors of the same subject
   (those allocated to any theme of that subject), and failing those to the admins: a
   submission is never routed to nobody.
4. Admins can always act. Nobody approves their own submission.

Used by the workflow task, the review queue, notifications, visibility and the tests.
"""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db.models import Q, QuerySet

from phenomena.models import Level, Role, Theme
from phenomena.permissions import administers
from phenomena.roles import get_profile

from .models import SupervisorAllocation

REVIEW = "workflows.review_phenomenon"
RULE_KABKOTA = "kabkota"
RULE_THEME = "tema"
RULE_SUBJECT = "subjek"
RULE_ADMIN = "admin"


@dataclass
class Route:
    reviewers: QuerySet
    rule: str


def _active_users():
    return get_user_model().objects.filter(is_active=True)


def supervisors():
    return _active_users().filter(simfoni_profile__role=Role.SUPERVISOR)


def admins():
    return _active_users().filter(Q(is_superuser=True) | Q(simfoni_profile__role=Role.ADMIN))


def province_allocations():
    """Allocations that count: active province supervisors only."""
    return SupervisorAllocation.objects.filter(
        supervisor__is_active=True,
        supervisor__simfoni_profile__role=Role.SUPERVISOR,
        supervisor__simfoni_profile__work_unit__level=Level.PROVINSI,
    )


def author_unit(phenomenon):
    """The work unit the phenomenon was input from (the author's, if not recorded)."""
    if phenomenon.work_unit_id:
        return phenomenon.work_unit
    profile = get_profile(phenomenon.author) if phenomenon.author_id else None
    return profile.work_unit if profile else None


def routing_keys(phenomenon) -> dict:
    """The fields routing depends on, as stored on a review task state."""
    unit = author_unit(phenomenon)
    return {
        "author_id": phenomenon.author_id,
        "work_unit_id": unit.pk if unit else None,
        "theme_id": phenomenon.theme_id,
    }


def route(phenomenon) -> Route:
    """The reviewers of `phenomenon` and the rule that chose them (never empty if any admin)."""
    author_id = phenomenon.author_id
    unit = author_unit(phenomenon)
    candidates = []
    if unit is not None and unit.is_kabkota:
        candidates.append((RULE_KABKOTA, supervisors().filter(simfoni_profile__work_unit=unit)))
    elif phenomenon.theme_id:
        allocated = province_allocations()
        candidates.append(
            (
                RULE_THEME,
                supervisors().filter(
                    pk__in=allocated.filter(theme_id=phenomenon.theme_id).values("supervisor")
                ),
            )
        )
        subject_id = Theme.objects.filter(pk=phenomenon.theme_id).values("subject_id")
        candidates.append(
            (
                RULE_SUBJECT,
                supervisors().filter(
                    pk__in=allocated.filter(theme__subject_id__in=subject_id).values("supervisor")
                ),
            )
        )
    candidates.append((RULE_ADMIN, admins()))
    for rule, users in candidates:
        users = users.exclude(pk=author_id) if author_id else users
        if rule == RULE_SUBJECT and _theme_is_allocated(phenomenon.theme_id):
            continue  # the subject fallback is only for themes nobody is allocated to
        if users.exists():
            return Route(users.order_by("username"), rule)
    return Route(admins().none(), RULE_ADMIN)


def _theme_is_allocated(theme_id) -> bool:
    return province_allocations().filter(theme_id=theme_id).exists()


def supervisors_for_themes(themes) -> QuerySet:
    """Supervisors who review `themes` (for ARC reminders): the province supervisors allocated
    to them (else those of the same subjects, like the routing of an unallocated theme), and
    every kab/kota supervisor, who reviews all themes of their kab/kota."""
    theme_ids = [getattr(theme, "pk", theme) for theme in themes]
    allocated = province_allocations()
    users = supervisors().filter(
        pk__in=allocated.filter(theme_id__in=theme_ids).values("supervisor")
    )
    if not users.exists():
        subject_ids = Theme.objects.filter(pk__in=theme_ids).values("subject_id")
        users = supervisors().filter(
            pk__in=allocated.filter(theme__subject_id__in=subject_ids).values("supervisor")
        )
    kabkota = supervisors().filter(simfoni_profile__work_unit__level=Level.KABKOTA)
    return (users | kabkota).distinct().order_by("username")


def reviewers_for(phenomenon) -> QuerySet:
    """The users a submission of `phenomenon` is routed to (and notified)."""
    return route(phenomenon).reviewers


def can_review(user, phenomenon) -> bool:
    """May `user` approve or reject `phenomenon` (as submitted)?"""
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    if phenomenon.author_id and phenomenon.author_id == user.pk:
        return False
    if administers(user):
        return True
    if not user.has_perm(REVIEW):
        return False
    return reviewers_for(phenomenon).filter(pk=user.pk).exists()


def routed_to(user, prefix: str = "") -> Q:
    """A filter on review task states (fields author, work_unit, theme) routed to `user`.

    The same rules as `route`, turned around: given a reviewer, which routing keys reach them.
    """
    nothing = Q(pk__in=[])
    if user is None or not user.is_authenticated or not user.is_active:
        return nothing
    not_own = ~Q(**{f"{prefix}author": user})
    if administers(user):
        return not_own
    profile = get_profile(user)
    if profile is None or not user.has_perm(REVIEW):
        return nothing
    unit = profile.work_unit
    if unit.is_kabkota:
        return Q(**{f"{prefix}work_unit": unit}) & not_own
    allocated = province_allocations()
    my_themes = set(allocated.filter(supervisor=user).values_list("theme_id", flat=True))
    if not my_themes:
        return nothing
    my_subjects = Theme.objects.filter(pk__in=my_themes).values("subject_id")
    orphan_themes = Theme.objects.filter(subject_id__in=my_subjects).exclude(
        pk__in=allocated.values("theme_id")
    )
    province = Q(**{f"{prefix}work_unit__isnull": True}) | Q(
        **{f"{prefix}work_unit__level": Level.PROVINSI}
    )
    themes = Q(**{f"{prefix}theme__in": my_themes}) | Q(
        **{f"{prefix}theme__in": list(orphan_themes.values_list("pk", flat=True))}
    )
    return province & themes & not_own


def submissions_routed_to(user) -> Q:
    """`phenomenon_visibility` hook: supervisors see the submissions waiting for them."""
    from wagtail.models import TaskState

    from .models import ReviewTaskState

    if administers(user) or not user.has_perm(REVIEW):
        return Q(pk__in=[])
    waiting = ReviewTaskState.objects.filter(status=TaskState.STATUS_IN_PROGRESS).filter(
        routed_to(user)
    )
    return Q(pk__in=waiting.values("phenomenon_id"))
