"""The admin's users list (role and work unit, filters) and the locked-logins screen.

`SimfoniUserViewSet` (phenomena/viewsets.py) uses the index view and filters defined here and
adds the "Login terkunci" screen: accounts that django-axes locked after too many wrong
passwords, each with a "Buka kunci" button (admins only, checked on the server).
"""

import django_filters
from axes.models import AccessAttempt
from axes.utils import reset
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.widgets.button import HeaderButton
from wagtail.users.views.users import IndexView, UserFilterSet

from .models import Role, WorkUnit

# Seeing and unlocking locked logins is user administration (admins).
UNLOCK_LOGINS = "auth.change_user"

User = get_user_model()


class SimfoniUserFilterSet(UserFilterSet):
    """Filter by role and work unit instead of Wagtail's "Administrator" and group filters."""

    role = django_filters.ChoiceFilter(
        field_name="simfoni_profile__role", label=gettext_lazy("Peran"), choices=Role.choices
    )
    work_unit = django_filters.ModelChoiceFilter(
        field_name="simfoni_profile__work_unit",
        label=gettext_lazy("Satuan kerja"),
        queryset=WorkUnit.objects.all(),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters.pop("is_superuser", None)
        self.filters.pop("group", None)

    class Meta:
        model = User
        fields = []


class SimfoniUserIndexView(IndexView):
    """Wagtail's users list with the role and work unit in place of the empty "access level"."""

    @cached_property
    def columns(self):
        columns = [column for column in super().columns if column.name != "is_superuser"]
        at = next(i for i, column in enumerate(columns) if column.name == self.model.USERNAME_FIELD)
        columns[at + 1 : at + 1] = [
            Column(
                "role",
                accessor=lambda user: _role_label(user),
                label=gettext_lazy("Peran"),
                sort_key="simfoni_profile__role",
                classname="level",
                width="12%",
            ),
            Column(
                "work_unit",
                accessor=lambda user: _work_unit(user),
                label=gettext_lazy("Satuan kerja"),
                sort_key="simfoni_profile__work_unit__name",
                width="20%",
            ),
        ]
        return columns

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("simfoni_profile__work_unit")

    @cached_property
    def header_buttons(self):
        buttons = super().header_buttons
        if self.request.user.has_perm(UNLOCK_LOGINS):
            locked = len(locked_attempts())
            label = _("Login terkunci")
            if locked:
                label = _("Login terkunci (%(count)s)") % {"count": locked}
            buttons.append(
                HeaderButton(label, url=reverse("wagtailusers_users:locked"), icon_name="lock")
            )
            from accounts.admin_views import account_header_buttons

            buttons.extend(account_header_buttons())
        return buttons


def _profile(user):
    try:
        return user.simfoni_profile
    except User.simfoni_profile.RelatedObjectDoesNotExist:
        return None


def _role_label(user):
    profile = _profile(user)
    if profile is None:
        return _("Admin sistem") if user.is_superuser else "—"
    return profile.get_role_display()


def _work_unit(user):
    profile = _profile(user)
    return profile.work_unit.name if profile else "—"


def recent_attempts():
    """Failed-login records still counting (within the cool-off), newest first."""
    from axes.helpers import get_cool_off

    since = timezone.now() - get_cool_off()
    return AccessAttempt.objects.filter(attempt_time__gte=since).order_by("-attempt_time")


def locked_attempts():
    """(username, ip_address) pairs locked now: their failures reached the limit."""
    totals: dict[tuple, int] = {}
    for attempt in recent_attempts():
        key = (attempt.username, attempt.ip_address)
        totals[key] = totals.get(key, 0) + attempt.failures_since_start
    return [key for key, failures in totals.items() if failures >= settings.AXES_FAILURE_LIMIT]


class LockedLoginsView(WagtailAdminTemplateMixin, TemplateView):
    """Failed logins per account and address; "Buka kunci" removes them (admins only)."""

    template_name = "phenomena/users/locked_logins.html"
    page_title = gettext_lazy("Login terkunci")
    header_icon = "lock"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(UNLOCK_LOGINS):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [
            *super().get_breadcrumbs_items(),
            {"url": reverse("wagtailusers_users:index"), "label": _("Pengguna")},
            {"url": "", "label": self.page_title},
        ]

    def get_context_data(self, **kwargs):
        from simfoni_site.accounts import locked_until

        context = super().get_context_data(**kwargs)
        rows: dict[tuple, dict] = {}
        for attempt in recent_attempts():
            key = (attempt.username, attempt.ip_address)
            row = rows.setdefault(
                key,
                {"username": attempt.username, "ip_address": attempt.ip_address, "failures": 0},
            )
            row["failures"] += attempt.failures_since_start
            row.setdefault("last_attempt", attempt.attempt_time)
        names = {
            user.username: user.get_full_name()
            for user in User.objects.filter(username__in={key[0] for key in rows})
        }
        for (username, ip_address), row in rows.items():
            row["name"] = names.get(username, "")
            row["locked"] = row["failures"] >= settings.AXES_FAILURE_LIMIT
            if row["locked"]:
                row["until"] = timezone.localtime(locked_until(username, ip_address))
        context["rows"] = sorted(rows.values(), key=lambda r: (not r["locked"], r["username"]))
        context["failure_limit"] = settings.AXES_FAILURE_LIMIT
        return context

    def post(self, request, *args, **kwargs):
        username = request.POST.get("username", "")
        ip_address = request.POST.get("ip_address") or None
        if not username:
            messages.error(request, _("Pilih akun yang akan dibuka kuncinya."))
            return redirect("wagtailusers_users:locked")
        removed = reset(username=username, ip=ip_address)
        if removed:
            messages.success(
                request,
                _("Kunci login %(username)s dibuka; ia dapat mencoba masuk lagi.")
                % {"username": username},
            )
        else:
            messages.warning(
                request,
                _("Tidak ada kunci login untuk %(username)s.") % {"username": username},
            )
        return redirect("wagtailusers_users:locked")
