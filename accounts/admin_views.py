"""Admin screens for accounts: SSO requests waiting for approval, bulk creation from CSV (dry
run first) and the account audit log. All need `auth.change_user` (admins), checked here."""

from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, TemplateView
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry

from phenomena.models import Role, WorkUnit
from phenomena.roles import assign_role

from . import audit, bulk
from .models import StaffIdentity

User = get_user_model()
MANAGE_USERS = "auth.change_user"
CSV_SESSION_KEY = "accounts_bulk_csv"


class AdminOnlyMixin(WagtailAdminTemplateMixin):
    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(MANAGE_USERS):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [
            *super().get_breadcrumbs_items(),
            {"url": reverse("wagtailusers_users:index"), "label": _("Pengguna")},
            {"url": "", "label": self.get_page_title()},
        ]


class WaitingListView(AdminOnlyMixin, TemplateView):
    template_name = "accounts/admin/waiting_list.html"
    page_title = gettext_lazy("Menunggu persetujuan")
    header_icon = "user"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["identities"] = (
            StaffIdentity.objects.filter(awaiting_approval=True)
            .select_related("user")
            .order_by("requested_at")
        )
        return context


class ApprovalForm(forms.Form):
    role = forms.ChoiceField(label=_("Peran"), choices=Role.choices, widget=forms.RadioSelect)
    work_unit = forms.ModelChoiceField(
        label=gettext_lazy("Satuan kerja"), queryset=WorkUnit.objects.all(), empty_label=None
    )

    def clean(self):
        cleaned = super().clean()
        if (
            cleaned.get("role") == Role.ADMIN
            and cleaned.get("work_unit")
            and cleaned["work_unit"].is_kabkota
        ):
            self.add_error("work_unit", _("Admin hanya ada di tingkat provinsi."))
        return cleaned


class ApproveView(AdminOnlyMixin, FormView):
    """Give a waiting account exactly one role and one work unit, and activate it; or refuse."""

    template_name = "accounts/admin/approve.html"
    form_class = ApprovalForm
    page_title = gettext_lazy("Setujui akses SSO")
    header_icon = "user"

    def dispatch(self, request, *args, **kwargs):
        self.identity = get_object_or_404(
            StaffIdentity.objects.select_related("user"), user_id=kwargs["pk"]
        )
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "identity": self.identity}

    def post(self, request, *args, **kwargs):
        if "refuse" in request.POST and self.identity.awaiting_approval:
            self.identity.awaiting_approval = False
            self.identity.save(update_fields=["awaiting_approval"])
            messages.success(
                request,
                _("Permintaan %(user)s ditolak; akun tetap nonaktif.")
                % {"user": self.identity.user},
            )
            return redirect("accounts_admin:waiting")
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        if not self.identity.awaiting_approval:
            messages.error(self.request, _("Akun ini tidak sedang menunggu persetujuan."))
            return redirect("accounts_admin:waiting")
        user = self.identity.user
        with transaction.atomic():
            assign_role(user, form.cleaned_data["role"], form.cleaned_data["work_unit"])
            user.is_active = True
            user.save(update_fields=["is_active"])
            self.identity.awaiting_approval = False
            self.identity.save(update_fields=["awaiting_approval"])
            log(user, audit.APPROVED, data={"role": form.cleaned_data["role"]})
        from alerts.delivery import deliver

        deliver(
            user,
            "account_approved",
            "menyetujui akses SIMFONI Anda",
            _("Akun Anda disetujui sebagai %(role)s di %(unit)s. Silakan masuk dengan SSO BPS.")
            % {"role": form.cleaned_data["role"], "unit": form.cleaned_data["work_unit"]},
            url=reverse("wagtailadmin_login"),
            actor=self.request.user,
        )
        messages.success(
            self.request,
            _("%(user)s disetujui sebagai %(role)s.")
            % {"user": user.get_full_name() or user, "role": form.cleaned_data["role"]},
        )
        return redirect("accounts_admin:waiting")


class UploadForm(forms.Form):
    file = forms.FileField(label=gettext_lazy("Berkas CSV"))

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > 2 * 1024 * 1024:
            raise forms.ValidationError(_("Berkas terlalu besar (paling besar 2 MB)."))
        try:
            text = bulk.decode(upload.read())
            bulk.read_csv(text)
        except bulk.CsvProblem as exc:
            raise forms.ValidationError(str(exc)) from exc
        return text


class BulkCreateView(AdminOnlyMixin, FormView):
    """Upload → preview of every row (dry run) → confirm. The checked CSV waits in the session
    and is checked again when confirmed."""

    template_name = "accounts/admin/bulk_create.html"
    form_class = UploadForm
    page_title = gettext_lazy("Buat akun dari CSV")
    header_icon = "upload"

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "columns": bulk.COLUMNS}

    def post(self, request, *args, **kwargs):
        if "confirm" in request.POST:
            text = request.session.get(CSV_SESSION_KEY)
            if not text:
                messages.error(request, _("Unggah berkasnya lagi; pratinjau sudah kedaluwarsa."))
                return redirect("accounts_admin:bulk_create")
            rows = bulk.check(text)
            try:
                users = bulk.create(rows)
            except bulk.CsvProblem as exc:
                messages.error(request, str(exc))
                return self.render_to_response(self.get_context_data(rows=rows, preview=True))
            del request.session[CSV_SESSION_KEY]
            messages.success(request, _("%(n)s akun dibuat.") % {"n": len(users)})
            return redirect("wagtailusers_users:index")
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        text = form.cleaned_data["file"]
        rows = bulk.check(text)
        self.request.session[CSV_SESSION_KEY] = text
        return self.render_to_response(
            self.get_context_data(
                form=form,
                rows=rows,
                preview=True,
                bad=sum(1 for row in rows if not row.ok),
            )
        )


class AuditLogView(AdminOnlyMixin, TemplateView):
    """Sign-ins, failed sign-ins, lockouts, role changes, approvals, disabled accounts."""

    template_name = "accounts/admin/audit_log.html"
    page_title = gettext_lazy("Log keamanan akun")
    header_icon = "history"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        entries = ModelLogEntry.objects.filter(action__in=audit.ACTIONS).select_related("user")
        action = self.request.GET.get("action", "")
        if action in audit.ACTIONS:
            entries = entries.filter(action=action)
        who = self.request.GET.get("q", "").strip()
        if who:
            entries = entries.filter(label__icontains=who)
        page = Paginator(entries.order_by("-timestamp", "-pk"), 50).get_page(
            self.request.GET.get("p")
        )
        context.update(
            page=page,
            rows=[(entry, audit.describe(entry)) for entry in page],
            actions=list(audit.LABELS.items()),
            action=action,
            q=who,
        )
        return context


def account_header_buttons():
    """Buttons on the users list (phenomena.users_admin): SSO requests, CSV, audit log."""
    from wagtail.admin.widgets.button import HeaderButton

    waiting = StaffIdentity.objects.filter(awaiting_approval=True).count()
    label = _("Menunggu persetujuan")
    if waiting:
        label = _("Menunggu persetujuan (%(count)s)") % {"count": waiting}
    return [
        HeaderButton(label, url=reverse("accounts_admin:waiting"), icon_name="user"),
        HeaderButton(
            _("Buat dari CSV"), url=reverse("accounts_admin:bulk_create"), icon_name="upload"
        ),
        HeaderButton(
            _("Log keamanan akun"), url=reverse("accounts_admin:audit_log"), icon_name="history"
        ),
    ]


class AllocationForm(forms.Form):
    themes = forms.ModelMultipleChoiceField(
        label=gettext_lazy("Tema yang diperiksa supervisor ini"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, **kwargs):
        from phenomena.models import Theme

        super().__init__(*args, **kwargs)
        self.fields["themes"].queryset = Theme.objects.select_related("subject")
        self.fields["themes"].label_from_instance = lambda t: f"{t.subject} — {t.name}"


class AllocationView(AdminOnlyMixin, FormView):
    """From the user's page: a supervisor's theme allocations (edited here), an operator's
    outlets (those of their work unit, edited on the outlets' own page)."""

    template_name = "accounts/admin/allocations.html"
    form_class = AllocationForm
    page_title = gettext_lazy("Alokasi")
    header_icon = "list-ul"

    def dispatch(self, request, *args, **kwargs):
        self.account = get_object_or_404(User, pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def reviews(self):
        return self.account.has_perm("workflows.review_phenomenon") and not (
            self.account.has_perm("phenomena.administer_phenomenon")
        )

    def inputs(self):
        return self.account.has_perm("phenomena.add_phenomenon") and not (
            self.account.has_perm("phenomena.administer_phenomenon")
        )

    def get_initial(self):
        return {"themes": list(self.account.theme_allocations.values_list("theme_id", flat=True))}

    def get_context_data(self, **kwargs):
        from phenomena.roles import get_profile

        context = super().get_context_data(**kwargs)
        profile = get_profile(self.account)
        context.update(
            account=self.account,
            profile=profile,
            reviews=self.reviews(),
            inputs=self.inputs(),
            outlets=profile.work_unit.outlets.select_related("source_type") if profile else [],
        )
        return context

    def form_valid(self, form):
        from workflows.models import SupervisorAllocation

        if not self.reviews() or not self.request.user.has_perm(
            "workflows.change_supervisorallocation"
        ):
            raise PermissionDenied
        chosen = set(form.cleaned_data["themes"].values_list("pk", flat=True))
        current = set(self.account.theme_allocations.values_list("theme_id", flat=True))
        with transaction.atomic():
            self.account.theme_allocations.exclude(theme_id__in=chosen).delete()
            SupervisorAllocation.objects.bulk_create(
                [
                    SupervisorAllocation(supervisor=self.account, theme_id=pk)
                    for pk in chosen - current
                ]
            )
        messages.success(
            self.request,
            _("Alokasi tema %(user)s disimpan (%(n)s tema).")
            % {"user": self.account.get_full_name() or self.account, "n": len(chosen)},
        )
        return redirect("accounts_admin:allocations", self.account.pk)
