"""May this user approve this submission, and approving it: one rule for every way of approving.

The queue's "Setujui" button (`ApproveView`) and its bulk action ("Setujui" on the ticked rows,
`bulk_actions.ApproveBulkAction`) both call `approve`; `ReviewTask.on_action`, where Wagtail's
own workflow actions end too, checks the routing once more.
"""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.models import TaskState

from .routing import can_review


def refusal(user, state) -> str:
    """Why `user` may not approve the submission `state` (a ReviewTaskState), or ""."""
    if state.status != TaskState.STATUS_IN_PROGRESS:
        return _("sudah diputuskan atau dibatalkan")
    if state.author_id and state.author_id == user.pk:
        return _("pengajuan Anda sendiri")
    if not can_review(user, state.submitted_object()):
        return _("bukan untuk Anda: temanya tidak dialokasikan kepada Anda")
    latest = state.phenomenon.latest_revision_id
    if latest and latest != state.revision_id:
        return _("isinya berubah sejak diajukan; buka dan periksa versi terbaru")
    return ""


def approve(user, state) -> None:
    """Approve `state` as `user` (publishes the submitted revision); PermissionDenied with the
    reason if `refusal` says no."""
    reason = refusal(user, state)
    if reason:
        raise PermissionDenied(reason)
    with transaction.atomic():
        state.task.specific.on_action(state, user, "approve", comment="")
