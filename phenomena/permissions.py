"""Who may see and change which phenomena: the one truth, enforced on the server for every view.

`PhenomenonPermissionPolicy` (registered for Phenomenon in wagtail_hooks.py and used by the
snippet viewset) holds every rule; views ask it, or `user.has_perm` for an ability that needs no
phenomenon. What a role may do comes from its group's permissions (each app's
`AppConfig.role_permissions`, see `phenomena.roles`), never from the role's name:

- `phenomena.administer_phenomenon` (admins): everything, within the deletion rule below.
- `add`/`change`/`delete`/`lock`/`unlock` (operators): create; change only their own
  (the owner field is `author`); see their own and every approved one.
- `view` only (supervisors and viewers): approved phenomena; apps widen what someone sees
  through the `phenomenon_visibility` hook (the approval app: submissions routed to them).
- `history`: the author, admins, and holders of `phenomena.view_history_phenomenon`
  (supervisors) for what they may see.
- `merge`: holders of `phenomena.merge_phenomenon` (supervisors, admins); which pairs is
  `phenomena.duplicates.merge.may_merge`, asking the `phenomenon_review_check` hook.
- `unpublish` (`services.unpublish`, e.g. resolving an error report): admins, and holders of
  `merge_phenomenon` (supervisors) for the phenomena they review (`may_review`).
- Deleting: approved phenomena are evidence cited in releases, so nobody (admins included)
  deletes one that is or ever was approved, nor one in review; an admin unpublishes it with a
  reason instead (kept in its history). Operators delete only their own such drafts.
The permissions per role are tabled in docs/security.md.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Q
from django.db.models.functions import Cast
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.models import WorkflowState
from wagtail.permission_policies import OwnershipPermissionPolicy

from .models import Phenomenon

OWNED_ACTIONS = {"change", "delete", "lock", "unlock"}
ADMINISTER = "phenomena.administer_phenomenon"
MERGE = "phenomena.merge_phenomenon"
VIEW_HISTORY = "phenomena.view_history_phenomenon"
VIEW_PENDING_FIGURES = "phenomena.view_pending_figures"
IMPORT_ARC = "phenomena.import_arc_calendar"
ADMINISTER_SITE = "phenomena.administer_site"

# Wagtail hooks other apps register to widen the rules, instead of editing this module:
# `phenomenon_visibility`: fn(user) -> Q of further phenomena `user` may see;
# `phenomenon_review_check`: fn(user, phenomenon) -> bool, may `user` review it (merge rule).
VISIBILITY_HOOK = "phenomenon_visibility"
REVIEW_CHECK_HOOK = "phenomenon_review_check"


def phenomenon_policy() -> "PhenomenonPermissionPolicy":
    """The registered policy (wagtail_hooks.py), as the snippet viewset uses it."""
    from wagtail.permissions import policy_registry

    return policy_registry.get_by_type(Phenomenon)


def administers(user) -> bool:
    """Sees, changes and deletes every phenomenon (admins and active superusers)."""
    return bool(user is not None and user.is_authenticated and user.has_perm(ADMINISTER))


def is_admin(user) -> bool:
    """Old name of `administers`, kept for callers not yet moved."""
    return administers(user)


def ever_approved(phenomenon) -> bool:
    """Is, or once was, approved (published)."""
    return bool(
        phenomenon.live
        or phenomenon.live_revision_id
        or phenomenon.first_published_at
        or phenomenon.last_published_at
    )


def deletion_refusal(user, phenomenon) -> str | None:
    """Why `user` may not delete `phenomenon` (a message for them), or None if they may."""
    if ever_approved(phenomenon):
        return _(
            "Fenomena yang pernah disetujui tidak dapat dihapus: fenomena ini bisa jadi sudah "
            "dikutip dalam rilis. Admin dapat membatalkan penerbitannya dengan alasan."
        )
    if phenomenon.pk and phenomenon.workflow_in_progress:
        return _("Fenomena yang sedang direview tidak dapat dihapus. Batalkan pengajuannya dulu.")
    if not administers(user) and phenomenon.author_id != user.pk:
        return _("Anda hanya dapat menghapus draf fenomena milik Anda sendiri.")
    return None


def deletable(queryset):
    """The phenomena of `queryset` that nobody is barred from deleting by their state."""
    in_review = WorkflowState.objects.filter(
        base_content_type=ContentType.objects.get_for_model(Phenomenon),
        status=WorkflowState.STATUS_IN_PROGRESS,
    ).values("object_id")
    return (
        queryset.filter(
            live=False,
            live_revision__isnull=True,
            first_published_at__isnull=True,
            last_published_at__isnull=True,
        )
        .annotate(_pk_text=Cast("pk", CharField()))
        .exclude(_pk_text__in=in_review)
    )


def approves_own(user, phenomenon) -> bool:
    """Would `user` publishing `phenomenon` now approve their own work?

    Their own phenomenon (a new one is theirs), or one whose latest revision they saved."""
    if phenomenon.pk is None or phenomenon.author_id == user.pk:
        return True
    latest = phenomenon.latest_revision
    return latest is not None and latest.user_id == user.pk


def visible_phenomena(user, queryset=None):
    """Phenomena `user` may see in lists, detail pages and exports."""
    queryset = Phenomenon.objects.all() if queryset is None else queryset
    if not user.is_authenticated:
        return queryset.none()
    if administers(user):
        return queryset
    extra = Q(pk__in=[])
    for widen in hooks.get_hooks(VISIBILITY_HOOK):
        extra |= widen(user)
    return queryset.filter(Q(live=True) | Q(author=user) | extra)


def may_review(user, phenomenon) -> bool:
    """May `user` review `phenomenon` by routing (admins always may; see REVIEW_CHECK_HOOK)."""
    if administers(user):
        return True
    return any(check(user, phenomenon) for check in hooks.get_hooks(REVIEW_CHECK_HOOK))


class PhenomenonPermissionPolicy(OwnershipPermissionPolicy):
    """Model permissions narrowed to ownership (`author`) for operators, plus SIMFONI's rules.

    Unlike Wagtail's plain ownership policy, `change_phenomenon` alone does not reach other
    people's phenomena (operators hold it for their own); `administer_phenomenon` does.
    Actions beyond Django's: "history", "merge" (model level; the pair rule is in
    `phenomena.duplicates.merge`)."""

    def __init__(self, model=Phenomenon, auth_model=None, owner_field_name="author"):
        super().__init__(model, auth_model=auth_model, owner_field_name=owner_field_name)

    def _owns(self, user, instance) -> bool:
        owner_id = getattr(instance, f"{self.owner_field_name}_id")
        return owner_id is not None and owner_id == user.pk

    def user_has_permission(self, user, action):
        if action == "history":
            # Some phenomenon's history: their own (authors) or those they see (reviewers).
            return user.has_perm(VIEW_HISTORY) or user.has_perm(self._get_permission_name("add"))
        if action == "merge":
            return user.is_active and user.has_perm(MERGE)
        if action == "unpublish":
            return user.is_active and (administers(user) or user.has_perm(MERGE))
        return user.has_perm(self._get_permission_name(action))

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return any(self.user_has_permission_for_instance(user, a, instance) for a in actions)

    def user_has_permission_for_instance(self, user, action, instance):
        if action == "history":
            # History shows every revision (pending titles, rejection reasons): staff only.
            if administers(user) or self._owns(user, instance):
                return True
            return user.has_perm(VIEW_HISTORY) and self.user_has_permission_for_instance(
                user, "view", instance
            )
        if not self.user_has_permission(user, action):
            return False
        if action == "delete":
            return deletion_refusal(user, instance) is None
        if administers(user):
            return True
        if action == "merge":
            # Merging changes a phenomenon on its reviewers' behalf: one they see and review.
            from .duplicates.service import latest_content

            return self.user_has_permission_for_instance(user, "view", instance) and may_review(
                user, latest_content(instance)
            )
        if action in OWNED_ACTIONS:
            return self._owns(user, instance)
        if action == "unpublish":
            return may_review(user, instance)
        if action == "view":
            return visible_phenomena(user).filter(pk=instance.pk).exists()
        return True

    def instances_user_has_any_permission_for(self, user, actions):
        allowed = Q(pk__in=[])
        for action in actions:
            allowed |= Q(pk__in=self.instances_user_has_permission_for(user, action).values("pk"))
        return Phenomenon.objects.filter(allowed)

    def instances_user_has_permission_for(self, user, action):
        if action == "history":
            if administers(user):
                return Phenomenon.objects.all()
            if user.has_perm(VIEW_HISTORY) and user.has_perm(self._get_permission_name("view")):
                return visible_phenomena(user)  # approved, their own, and those routed to them
            return Phenomenon.objects.filter(**{self.owner_field_name: user})
        if not user.has_perm(self._get_permission_name(action)):
            return Phenomenon.objects.none()
        if action == "delete":
            mine = (
                Phenomenon.objects.all()
                if administers(user)
                else Phenomenon.objects.filter(**{self.owner_field_name: user})
            )
            return deletable(mine)
        if administers(user):
            return Phenomenon.objects.all()
        if action in OWNED_ACTIONS:
            return Phenomenon.objects.filter(**{self.owner_field_name: user})
        return visible_phenomena(user)

    def users_with_any_permission(self, actions):
        # Model permissions as Django grants them (Wagtail's ownership variant counts "add").
        permission_codenames = self._get_permission_codenames(set(actions))
        return self._get_users_with_any_permission_codenames(permission_codenames)

    def users_with_any_permission_for_instance(self, actions, instance):
        return self.users_with_any_permission(actions)
