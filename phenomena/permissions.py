"""Who may see and change which phenomena, enforced on the server for every view.

- Admins: everything.
- Operators: create; edit only their own; see their own and every approved one.
- Supervisors and viewers: see approved phenomena (the approval app widens what supervisors see).
- Deleting: approved phenomena are evidence cited in releases, so nobody (admins included)
  deletes one that is or ever was approved, nor one in review; an admin unpublishes it with a
  reason instead (kept in its history). Operators delete only their own such drafts.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Q
from django.db.models.functions import Cast
from django.utils.translation import gettext as _
from wagtail.models import WorkflowState
from wagtail.permission_policies import ModelPermissionPolicy

from .models import Phenomenon, Role
from .roles import role_of

OWNED_ACTIONS = {"change", "delete", "lock", "unlock"}


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
    if not is_admin(user) and phenomenon.author_id != user.pk:
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


def is_admin(user) -> bool:
    return user.is_superuser or role_of(user) == Role.ADMIN


def visible_phenomena(user, queryset=None):
    """Phenomena `user` may see in lists, detail pages and exports."""
    queryset = Phenomenon.objects.all() if queryset is None else queryset
    if not user.is_authenticated:
        return queryset.none()
    if is_admin(user):
        return queryset
    extra = Q(pk__in=[])
    for widen in VISIBILITY_EXTENSIONS:
        extra |= widen(user)
    return queryset.filter(Q(live=True) | Q(author=user) | extra)


# Other apps (the approval workflow) add Q objects here, e.g. "submissions routed to me".
VISIBILITY_EXTENSIONS = []


class PhenomenonPermissionPolicy(ModelPermissionPolicy):
    """Model permissions, narrowed to ownership for operators."""

    def user_has_permission_for_instance(self, user, action, instance):
        if action == "history":
            # History shows every revision (pending titles, rejection reasons): staff only.
            if is_admin(user) or instance.author_id == user.pk:
                return True
            return role_of(user) == Role.SUPERVISOR and self.user_has_permission_for_instance(
                user, "view", instance
            )
        if not self.user_has_permission(user, action):
            return False
        if action == "delete":
            return deletion_refusal(user, instance) is None
        if is_admin(user):
            return True
        if action in OWNED_ACTIONS:
            return instance.author_id == user.pk
        if action == "view":
            return visible_phenomena(user).filter(pk=instance.pk).exists()
        return True

    def instances_user_has_permission_for(self, user, action):
        if not self.user_has_permission(user, action):
            return Phenomenon.objects.none()
        if action == "delete":
            mine = (
                Phenomenon.objects.all()
                if is_admin(user)
                else Phenomenon.objects.filter(author=user)
            )
            return deletable(mine)
        if is_admin(user):
            return Phenomenon.objects.all()
        if action in OWNED_ACTIONS:
            return Phenomenon.objects.filter(author=user)
        return visible_phenomena(user)
