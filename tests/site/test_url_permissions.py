"""Every view, requested as every role, against a declared expectation.

The test walks the whole URL configuration. Each named URL must match a rule in `RULES`, which
says which roles are *allowed* (the page answers) and which roles nobody cares about; every
other role must be *refused*. A new view without a rule fails `test_every_view_is_declared`, so
nobody adds a view without deciding who may see it.

The phenomenon behind every `<pk>` is the most private one there is: a never-submitted draft of
another operator, so only admins may open any of its pages. Workflow URLs use a submission of
that operator in review (its reviewer is not among the roles, so again only admins).

Every view is requested: the fixture makes one of each object a URL names (a page, an image, a
document, an upload, an API key, a release with its dossier and share link, an import batch, a
notification, an editing session, an account waiting for approval), and
`test_every_declared_view_is_requested` fails on a view that gets no concrete URL unless
`NOT_REQUESTED` lists it with the reason.

`test_refused_posts_change_nothing` POSTs to every view as each refused role and checks that the
database did not change (phenomena, revisions, log entries, workflow states).
"""

import datetime
import fnmatch

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from phenomena.models import Phenomenon, Role, Theme
from tests.factories import PhenomenonFactory

ANON, VIEWER, OPERATOR, OP_KABKOTA, SUPERVISOR, ADMIN = (
    "anonymous",
    "viewer",
    "operator",
    "op_kabkota",
    "supervisor",
    "admin",
)
ROLES = [ANON, VIEWER, OPERATOR, OP_KABKOTA, SUPERVISOR, ADMIN]
SIGNED_IN = {VIEWER, OPERATOR, OP_KABKOTA, SUPERVISOR, ADMIN}
INPUT = {OPERATOR, OP_KABKOTA, ADMIN}
REVIEW = {SUPERVISOR, ADMIN}
ANY = set(ROLES)
NONE = set()

# (glob on the URL name, roles that must be allowed, roles whose answer is not checked).
# First match wins. Everyone else must be refused.
RULES = [
    # Sign-in, language, static helpers of the admin.
    ("wagtailadmin_login", {ANON}, SIGNED_IN),
    ("wagtailcore_login", {ANON}, SIGNED_IN),
    ("wagtailadmin_password_reset*", NONE, ANY),
    ("wagtailadmin_logout", NONE, ANY),  # GET is refused (405); tested on its own
    ("set_language", NONE, ANY),  # POST only
    ("wagtailadmin_javascript_catalog", NONE, ANY),
    ("wagtailadmin_sprite", NONE, ANY),
    ("wagtailadmin_error_test", NONE, ANY),
    ("wagtailadmin_dismissibles", NONE, ANY),
    ("wagtailadmin_home", SIGNED_IN, NONE),
    ("healthz", ANY, NONE),  # the health check: no login, nothing secret (tests/deploy)
    ("wagtailadmin_account", SIGNED_IN, NONE),
    # Public site.
    ("wagtail_serve", ANY, NONE),
    ("dashboard", SIGNED_IN, NONE),
    ("arc_calendar", ANY, NONE),  # the release calendar is public information
    ("arc_ics", ANY, NONE),
    ("search:search", SIGNED_IN, NONE),
    ("search:export_*", SIGNED_IN, NONE),
    ("search:detail", NONE, {ADMIN}),  # the public page shows approved phenomena only
    # Phenomena (the private draft): admins only.
    ("wagtailsnippets_phenomena_phenomenon:list*", SIGNED_IN, NONE),
    ("wagtailsnippets_phenomena_phenomenon:add", INPUT, NONE),
    ("wagtailsnippets_phenomena_phenomenon:duplicates_check", INPUT, NONE),
    ("wagtailsnippets_phenomena_phenomenon:duplicates_add_source", NONE, NONE),  # POST only
    ("wagtailsnippets_phenomena_phenomenon:duplicates_merge", NONE, {ADMIN}),
    ("wagtailsnippets_phenomena_phenomenon:revisions_unschedule", NONE, {ADMIN}),
    ("wagtailsnippets_phenomena_phenomenon:workflow_action", NONE, {ADMIN}),
    ("wagtailsnippets_phenomena_phenomenon:collect_workflow_action_data", NONE, {ADMIN}),
    ("wagtailsnippets_phenomena_phenomenon:confirm_workflow_cancellation", NONE, {ADMIN}),
    ("wagtailsnippets_phenomena_phenomenon:unpublish", NONE, {ADMIN}),
    ("wagtailsnippets_phenomena_phenomenon:lock", NONE, {ADMIN}),
    ("wagtailsnippets_phenomena_phenomenon:unlock", NONE, {ADMIN}),
    ("wagtailsnippets_phenomena_phenomenon:revisions_revert", NONE, {ADMIN}),
    ("wagtailsnippets_phenomena_phenomenon:*", {ADMIN}, NONE),
    # The phenomenon chooser: results only what the user may see (tested elsewhere).
    ("wagtailsnippetchoosers_phenomena_phenomenon:choose*", SIGNED_IN, NONE),
    ("wagtailsnippetchoosers_phenomena_phenomenon:chosen", NONE, {ADMIN}),
    ("wagtailsnippetchoosers_phenomena_phenomenon:chosen_multiple", SIGNED_IN, NONE),
    ("wagtailsnippetchoosers_phenomena_phenomenon:create", NONE, {ADMIN}),
    # Reference data: admins edit; the choosers feed the operators' forms.
    ("wagtailsnippetchoosers_phenomena_*", NONE, SIGNED_IN),
    ("wagtailsnippets_phenomena_*", {ADMIN}, NONE),
    ("wagtailsnippets:index", NONE, SIGNED_IN),
    ("home_arc_import", {ADMIN}, NONE),
    # transfer app: spreadsheet import and the collection export (admins only).
    ("transfer_*", {ADMIN}, NONE),
    # Approval workflow.
    ("workflows:queue", REVIEW, NONE),
    ("workflows:queue_results", REVIEW, NONE),
    ("workflows:approve", NONE, NONE),  # POST only
    ("workflows:reject", NONE, {ADMIN}),
    ("workflows:changes", {ADMIN}, NONE),  # the submission's reviewers, its author, admins
    ("workflows:mine", INPUT, NONE),
    ("workflows:mine_results", INPUT, NONE),
    ("workflows:notifications", SIGNED_IN, NONE),
    ("workflows:notifications_results", SIGNED_IN, NONE),
    ("workflows:mark_all_read", NONE, SIGNED_IN),  # POST only
    ("workflows:mark_read", NONE, SIGNED_IN),
    ("workflows:open", NONE, SIGNED_IN),
    ("alokasi-supervisor:*", {ADMIN}, NONE),
    # Reminders.
    ("alerts_preferences", SIGNED_IN, NONE),
    # Unsent drafts (offline app): the list for those who input; the ping for anyone signed in.
    ("offline_drafts", INPUT, NONE),
    ("offline_ping", SIGNED_IN, NONE),
    ("schedules:*", {ADMIN}, NONE),
    ("holidays:*", {ADMIN}, NONE),
    ("sent_reminders:index*", {ADMIN}, NONE),
    ("sent_reminders:inspect", {ADMIN}, NONE),
    ("sent_reminders:*", NONE, {ADMIN}),  # a log: nobody adds or edits entries by hand
    # Summaries (summaries app): the runs and the on-demand button, admins.
    ("summaries_runs", {ADMIN}, NONE),
    ("summaries_generate", NONE, {ADMIN}),  # POST only
    # Users and groups: admins.
    ("wagtailusers_users:*", {ADMIN}, NONE),
    ("wagtailusers_groups:*", NONE, {ADMIN}),
    ("wagtailadmin_tag_autocomplete", INPUT, NONE),
    ("wagtailadmin_tag_model_autocomplete", NONE, INPUT),
    # Reports: site history is filtered per user (tested elsewhere); the rest is for admins.
    ("wagtailadmin_reports:site_history*", NONE, ANY - {ANON}),
    ("wagtailadmin_reports:*", NONE, {ADMIN}),
    # Wagtail sections SIMFONI does not use: nobody but (perhaps) admins.
    ("wagtailadmin_*", NONE, {ADMIN}),
    ("wagtailimages*", NONE, {ADMIN}),
    ("wagtaildocs*", NONE, {ADMIN}),
    ("wagtailsettings:*", NONE, {ADMIN}),
    ("wagtailsites:*", NONE, {ADMIN}),
    ("wagtailembeds*", NONE, {ADMIN}),
    ("wagtail_bulk_action", NONE, {ADMIN}),
    ("wagtailcore_authenticate_with_password", NONE, ANY),
    ("wagtaildocs_authenticate_with_password", NONE, ANY),
    # Release dossiers (dossiers app): read by operators, supervisors and admins; composed,
    # shared and revoked (POST only) by supervisors and admins; a share link opens for any
    # signed-in user. Views with a release or token are tested in tests/dossiers/.
    ("dossiers:index", INPUT | REVIEW, NONE),
    ("dossiers:release", INPUT | REVIEW, NONE),
    ("dossiers:export", INPUT | REVIEW, NONE),
    ("dossiers:share", NONE, NONE),  # POST only
    ("dossiers:revoke", NONE, NONE),  # POST only
    ("dossiers:shared*", SIGNED_IN, NONE),
    # api app: the schema and its documentation page are public; the data needs an API key
    # (none of the roles' sessions is one: 401); keys are managed by admins.
    ("api_v1:openapi-json", ANY, NONE),
    ("api_v1:openapi-view", ANY, NONE),
    ("api_v1:*", NONE, NONE),
    ("api_keys:*", {ADMIN}, NONE),
    # Accounts app: SSO pages (404 while SSO is off; the waiting page sends anyone without a
    # waiting account to the login page), account administration for admins.
    ("oidc_authentication_*", NONE, NONE),
    ("sso_waiting", NONE, NONE),
    ("accounts_admin:*", {ADMIN}, NONE),
]

# Web scraping (scrape app, issue #13): admins run it and review the results; supervisors (and
# admins) delegate rejected scraped phenomena to operators. Placed before the catch-all rules.
RULES[:0] = [
    ("scrape_runs", {ADMIN}, NONE),
    ("scrape_run", {ADMIN}, NONE),
    ("scrape_run_now", NONE, {ADMIN}),  # POST only
    ("scrape_results", {ADMIN}, NONE),
    ("scrape_delegations", REVIEW, NONE),
    # The walked supervisor does not review the draft's theme (its reviewer may: tests/scrape).
    ("scrape_delegate", {ADMIN}, NONE),
    ("scrape_sources:*", {ADMIN}, NONE),
    ("scrape_rules:*", {ADMIN}, NONE),
]

# Search thesaurus (search app, issue #12): admins edit it under Data Referensi. Placed
# before the catch-all rules.
RULES[:0] = [
    ("wagtailsnippets_simfoni_search_synonymgroup:*", {ADMIN}, NONE),
    # The chooser (unused; Wagtail makes one per snippet) shows no secret: like the others.
    ("wagtailsnippetchoosers_simfoni_search_synonymgroup:*", NONE, SIGNED_IN),
]

# Error reports (reports app, issue #18): the form is for approved phenomena only (the draft
# behind every <pk> is refused to all); the resolvers' list is for supervisors and admins, each
# report for those it is routed to (tested in tests/reports/).
RULES[:0] = [
    ("reports:new", NONE, NONE),
    ("reports_admin:index", REVIEW, NONE),
    ("reports_admin:detail", {ADMIN}, NONE),  # a report routed to another supervisor
]

SKIPPED_PATTERNS = {"admin/^.*/$", "admin/test404/"}


def walk(patterns, prefix="", namespace=None):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            ns = namespace
            if pattern.namespace:
                ns = f"{namespace}:{pattern.namespace}" if namespace else pattern.namespace
            yield from walk(pattern.url_patterns, prefix + str(pattern.pattern), ns)
        elif isinstance(pattern, URLPattern):
            full = prefix + str(pattern.pattern)
            if full in SKIPPED_PATTERNS or pattern.name is None:
                continue
            name = f"{namespace}:{pattern.name}" if namespace else pattern.name
            yield name, full, pattern


def all_views():
    seen = {}
    for name, route, pattern in walk(get_resolver().url_patterns):
        seen.setdefault((name, route), pattern)
    return sorted(seen)


def rule_for(name):
    for glob, allowed, ignored in RULES:
        if fnmatch.fnmatchcase(name, glob):
            return allowed, ignored
    return None


def test_every_view_is_declared():
    missing = [f"{name}  ({route})" for name, route in all_views() if rule_for(name) is None]
    assert not missing, "Views without a declared permission rule:\n" + "\n".join(missing)


def _draft(author, title):
    """A never-submitted draft of `author` (the shared workflow test helper)."""

    return PhenomenonFactory(author=author, theme="Harga-harga (Inflasi)", title=title)


@pytest.fixture
def world(make_user):
    from django_q.models import Schedule

    from reminders.models import Holiday, SentReminder
    from workflows.demo import submit_for_review
    from workflows.models import SupervisorAllocation

    author = make_user("penulis", Role.OPERATOR, "fungsi-sosial-2")
    reviewer = make_user("peninjau", Role.SUPERVISOR, "fungsi-distribusi-1")
    SupervisorAllocation.objects.create(
        supervisor=reviewer, theme=Theme.objects.get(name="Harga-harga (Inflasi)")
    )
    users = {
        ANON: None,
        VIEWER: make_user("pemantau", Role.VIEWER, "fungsi-ipds"),
        OPERATOR: make_user("operatorlain", Role.OPERATOR, "fungsi-sosial-1"),
        OP_KABKOTA: make_user("op3172", Role.OPERATOR, "bps-3172"),
        SUPERVISOR: make_user("spv3172", Role.SUPERVISOR, "bps-3172"),
        ADMIN: make_user("admin1", Role.ADMIN, "fungsi-ipds"),
    }
    draft = _draft(author, "Draf rahasia penulis")
    pending = _draft(author, "Pengajuan penulis dalam review")
    submit_for_review(pending, author)
    pending.refresh_from_db()
    task_state = pending.current_workflow_task_state
    Schedule.objects.get_or_create(name="uji", defaults={"func": "reminders.tasks.operator_daily"})
    Holiday.objects.get_or_create(date=datetime.date(2026, 12, 24), defaults={"name": "Cuti"})
    SentReminder.objects.create(user=author, kind="operator_daily", key="2026-01-01")
    return {
        "users": users,
        "author": author,
        "reviewer": reviewer,
        "draft": draft,
        "pending": pending,
        "task_state": task_state,
        **_more_objects(author, users[ADMIN], draft),
    }


def _more_objects(author, admin, draft):
    """One of each object a URL names, so that every view is requested (not skipped)."""
    import io

    from django.contrib.contenttypes.models import ContentType
    from django.core.files.base import ContentFile
    from notifications.signals import notify
    from PIL import Image as PILImage
    from wagtail.admin.models import EditingSession
    from wagtail.documents.models import Document
    from wagtail.images.models import Image
    from wagtail.models import Collection, Page, Task, UploadedFile, Workflow

    from accounts.models import StaffIdentity
    from api.models import ApiKey
    from dossiers.models import Dossier, ShareLink
    from phenomena.models import Indicator, ReleaseDate
    from scrape.models import Article, Run, Source
    from transfer.models import ImportBatch

    png = io.BytesIO()
    PILImage.new("RGB", (4, 4), "red").save(png, "PNG")
    image = Image.objects.create(title="Gambar", file=ContentFile(png.getvalue(), "uji.png"))
    document = Document.objects.create(title="Dok", file=ContentFile(b"isi", "uji.txt"))
    upload = UploadedFile.objects.create(
        file=ContentFile(b"isi", "unggah.txt"),
        for_content_type=ContentType.objects.get_for_model(Document),
        uploaded_by_user=admin,
    )
    waiting = get_user_model().objects.create(username="menunggu", is_active=False)
    StaffIdentity.objects.create(
        user=waiting, staff_id="199001012020011001", awaiting_approval=True
    )
    key = ApiKey.objects.create(name="Dasbor uji", prefix="uji", key_hash="0" * 64)
    release = ReleaseDate.objects.create(
        indicator=Indicator.objects.order_by("pk").first(), date=datetime.date(2026, 12, 1)
    )
    dossier = Dossier.objects.create(
        release=release,
        title="Berkas uji",
        period_start=datetime.date(2026, 11, 1),
        period_end=datetime.date(2026, 11, 30),
        created_by=admin,
    )
    link = ShareLink.objects.create(dossier=dossier, created_by=admin)
    batch = ImportBatch.objects.create(**_import_batch_fields(admin))
    notify.send(admin, recipient=author, verb="uji", target=draft)
    session = EditingSession.objects.create(
        user=author,
        content_type=ContentType.objects.get_for_model(Phenomenon),
        object_id=str(draft.pk),
        last_seen_at=timezone.now(),
    )
    scrape_run = Run.objects.create(started_by=admin)
    Article.objects.create(
        canonical_url="https://portal.test/berita/uji",
        url="https://portal.test/berita/uji",
        source=Source.objects.create(name="Portal uji", start_url="https://portal.test/"),
        run=scrape_run,
        title=draft.title,
        phenomenon=draft,
    )
    return {
        "scrape_run": scrape_run,
        "page": Page.objects.get(depth=2),
        "collection": Collection.get_first_root_node(),
        "image": image,
        "document": document,
        "upload": upload,
        "waiting": waiting,
        "api_key": key,
        "release": release,
        "share_link": link,
        "batch": batch,
        "editing_session": session,
        "workflow": Workflow.objects.order_by("pk").first(),
        "task": Task.objects.order_by("pk").first(),
    }


def _import_batch_fields(user):
    return {
        "filename": "uji.xlsx",
        "file_sha256": "0" * 64,
        "content": b"PK",
        "mode": "submit",
        "created_by": user,
    }


def _model_for(namespace):
    from wagtail.admin.viewsets import viewsets

    for viewset in viewsets.viewsets:
        if getattr(viewset, "name", None) is None and not hasattr(viewset, "model"):
            continue
        try:
            if viewset.url_namespace == namespace:
                model = viewset.model
                if isinstance(model, str):
                    from django.apps import apps

                    model = apps.get_model(model)
                return model
        except Exception:  # viewsets without a namespace (page explorer)
            continue
    return None


# Values by argument name, for URLs outside the phenomenon snippet views.
ARGUMENTS = {
    "page_id": lambda w: w["page"].pk,
    "parent_page_id": lambda w: w["page"].pk,
    "page_to_move_id": lambda w: w["page"].pk,
    "destination_id": lambda w: w["page"].pk,
    "page_pk": lambda w: w["page"].pk,
    "content_type_app_name": lambda w: "home",
    "content_type_model_name": lambda w: "homepage",
    "collection_id": lambda w: w["collection"].pk,
    "image_id": lambda w: w["image"].pk,
    "document_id": lambda w: w["document"].pk,
    "doc_id": lambda w: w["document"].pk,
    "uploaded_file_id": lambda w: w["upload"].pk,
    "filter_spec": lambda w: "original",
    "workflow_pk": lambda w: w["workflow"].pk,
    "task_id": lambda w: w["task"].pk,
    "workflow_state_id": lambda w: w["pending"].current_workflow_state.pk,
    "revision_id": lambda w: w["pending"].latest_revision_id,
    "revision_id_a": lambda w: "earliest",
    "revision_id_b": lambda w: "latest",
    "action_name": lambda w: "approve",
    "session_id": lambda w: w["editing_session"].pk,
    "object_id": lambda w: str(w["draft"].pk),
    "uidb64": lambda w: "MQ",
    "token": lambda w: w["share_link"].token,
    "page_view_restriction_id": lambda w: 1,
    "restriction_id": lambda w: 1,
    "release_id": lambda w: w["release"].pk,
    "link_id": lambda w: w["share_link"].pk,
    "fmt": lambda w: "docx",
    "batch_id": lambda w: w["batch"].pk,
    "phenomenon_id": lambda w: w["draft"].pk,
    "summary_id": lambda w: 1,
    "run_id": lambda w: w["scrape_run"].pk,
}
# The object behind `pk` where the URL's namespace does not name a Wagtail viewset's model.
PK_BY_NAME = {
    "search:detail": lambda w: w["draft"].pk,
    "accounts_admin:*": lambda w: w["waiting"].pk,
    "api_keys:*": lambda w: w["api_key"].pk,
    "workflows:mark_read": lambda w: _notification(w),
    "workflows:open": lambda w: _notification(w),
    "wagtailadmin_api:pages:*": lambda w: w["page"].pk,
    "wagtailadmin_pages:*": lambda w: w["page"].pk,
    "wagtailadmin_api:images:*": lambda w: w["image"].pk,
    "wagtailadmin_api:documents:*": lambda w: w["document"].pk,
    "wagtailadmin_collections:*": lambda w: w["collection"].pk,
    "wagtailadmin_workflows:*_task": lambda w: w["task"].pk,
    "wagtailadmin_workflows:*": lambda w: w["workflow"].pk,
    "wagtailimages_chooser:*": lambda w: str(w["image"].pk),
    "wagtaildocs_chooser:*": lambda w: str(w["document"].pk),
    "wagtailusers_users:*": lambda w: w["author"].pk,
    "wagtailusers_groups:*": lambda w: Group.objects.get(name=Role.OPERATOR).pk,
    "reports:new": lambda w: w["draft"].pk,
    "reports_admin:detail": lambda w: _error_report(w),
}
# URLs with positional groups, given whole.
POSITIONAL = {
    "wagtail_serve": lambda w: "/",
    "wagtaildocs_serve": lambda w: f"/documents/{w['document'].pk}/uji.txt",
}
# Views nobody requests here, each with the reason. A view neither requested nor listed fails
# test_every_declared_view_is_requested.
NOT_REQUESTED = {
    "wagtailsettings:edit": "no settings model is registered: the URL with a pk cannot be built",
    "wagtailsettings:preview_on_edit": "no settings model is registered: the URL cannot be built",
}


def _error_report(world):
    """An open report on the draft, routed to its reviewer (not among the roles walked)."""
    from reports.models import ErrorReport

    report = ErrorReport.objects.order_by("pk").first()
    if report is None:
        report = ErrorReport.objects.create(
            phenomenon=world["draft"],
            reporter=world["users"]["viewer"],
            kind=ErrorReport.Kind.choices[0][0],
            description="Angka salah",
        )
        report.routed_to.add(world["reviewer"])
    return report.pk


def _notification(world):
    from notifications.models import Notification

    return Notification.objects.order_by("pk").first().pk


def _phenomenon_value(name, arg, world):
    draft, pending, task_state = world["draft"], world["pending"], world["task_state"]
    workflowish = "workflow" in name or arg == "task_state_id"
    target = pending if workflowish else draft
    values = {
        "pk": target.pk,
        "revision_id": target.latest_revision_id,
        "revision_id_a": "earliest",
        "revision_id_b": "latest",
        "task_state_id": task_state.pk,
        "workflow_state_id": pending.current_workflow_state.pk,
        "action_name": "approve",
    }
    return values.get(arg)


def _value(name, namespace, arg, world):
    if namespace.endswith("_phenomenon"):
        value = _phenomenon_value(name, arg, world)
        if value is not None:
            return value
    if arg in ("pk", "object_id") and namespace:
        for glob, value in PK_BY_NAME.items():
            if fnmatch.fnmatchcase(name, glob):
                return value(world)
        model = _model_for(namespace)
        if model is not None:
            obj = model.objects.order_by("pk").first()
            return obj.pk if obj is not None else None
    if arg == "pk":
        for glob, value in PK_BY_NAME.items():
            if fnmatch.fnmatchcase(name, glob):
                return value(world)
        return None
    if arg in ("app_label", "app_name"):
        return "phenomena"
    if arg == "model_name":
        return "phenomenon"
    if arg == "action":
        return "delete"
    if arg == "task_state_id":
        return world["task_state"].pk
    if arg in ARGUMENTS:
        return ARGUMENTS[arg](world)
    return None


def _kwargs(name, pattern, world):
    """Concrete arguments for a URL pattern, or None when it cannot be built."""
    namespace = name.rsplit(":", 1)[0] if ":" in name else ""
    regex = pattern.pattern.regex
    names = list(regex.groupindex)
    if not names and regex.groups:
        return None  # positional groups: POSITIONAL gives the whole URL
    kwargs = {}
    for arg in names:
        value = _value(name, namespace, arg, world)
        if value is None:
            return None
        kwargs[arg] = value
    return kwargs


def _url(name, route, pattern, world):
    if name in POSITIONAL:
        return POSITIONAL[name](world)
    kwargs = _kwargs(name, pattern, world)
    if kwargs is None:
        return None
    try:
        url = reverse(name, kwargs=kwargs)
    except Exception:
        return None
    if name == "wagtail_bulk_action":
        url += f"?id={world['draft'].pk}"
    if name.endswith(":duplicates_merge"):
        url += f"?into={world['pending'].pk}"
    return url


def test_every_declared_view_is_requested(world):
    """Every view gets a concrete URL (and so is requested as every role), or is listed in
    NOT_REQUESTED with its reason; a listed view whose every route is requested is listed
    wrongly."""
    names = {name for name, _ in all_views()}
    not_requested, unbuilt_listed = [], set()
    for name, route in all_views():
        if _url(name, route, _pattern(name, route), world) is not None:
            continue
        if name in NOT_REQUESTED:
            unbuilt_listed.add(name)
        else:
            not_requested.append(f"{name}  ({route})")
    assert not not_requested, "Views never requested (give them arguments):\n" + "\n".join(
        not_requested
    )
    assert set(NOT_REQUESTED) <= names, f"Not views: {set(NOT_REQUESTED) - names}"
    listed_but_built = set(NOT_REQUESTED) - unbuilt_listed
    assert not listed_but_built, f"In NOT_REQUESTED but requested: {listed_but_built}"


def _outcome(response):
    status = response.status_code
    if status == 200:
        return "allowed"
    if status in (400, 401, 403, 404, 405):
        return "refused"
    if status in (301, 302):
        location = response.url
        if "/login/" in location:
            return "refused"
        if location in (reverse("wagtailadmin_home"), "/admin/"):
            return "refused"
        return "allowed"
    return f"status {status}"


def _client_for(client, user):
    client.logout()
    if user is not None:
        client.force_login(user)
    return client


def test_each_view_answers_each_role_as_declared(client, world):
    client.raise_request_exception = False
    wrong = []
    checked = 0
    for name, route in all_views():
        rule = rule_for(name)
        if rule is None:
            continue
        allowed, ignored = rule
        pattern = _pattern(name, route)
        url = _url(name, route, pattern, world)
        if url is None:
            continue
        for role in ROLES:
            if role in ignored:
                continue
            response = _client_for(client, world["users"][role]).get(url)
            outcome = _outcome(response)
            expected = "allowed" if role in allowed else "refused"
            checked += 1
            if outcome != expected:
                wrong.append(f"{role:<11} GET {url}  ({name}): {outcome}, expected {expected}")
    assert checked > 300
    assert not wrong, "\n".join(wrong)


def _pattern(name, route):
    for n, r, pattern in walk(get_resolver().url_patterns):
        if n == name and r == route:
            return pattern
    raise LookupError(name)


def _state():
    from wagtail.models import ModelLogEntry, Revision, WorkflowState

    return (
        list(Phenomenon.objects.order_by("pk").values_list("pk", "live", "latest_revision_id")),
        Revision.objects.count(),
        # Sign-ins of the walk's own logins are the accounts app's audit log, not changes.
        ModelLogEntry.objects.exclude(action="wagtail.view")
        .exclude(action__startswith="simfoni.account.")
        .count(),
        list(WorkflowState.objects.order_by("pk").values_list("pk", "status")),
    )


POST_ROLES = [ANON, VIEWER, OPERATOR, OP_KABKOTA, SUPERVISOR]
POST_PREFIXES = (
    "wagtailsnippets_phenomena_phenomenon:",
    "wagtailsnippetchoosers_phenomena_phenomenon:",
    "wagtail_bulk_action",
    "workflows:",
)


def test_refused_posts_change_nothing(client, world):
    """Every phenomenon and workflow view, POSTed to by each role that may not use it on the
    private draft / the submission in review, leaves phenomena, revisions, history and
    workflows as they were."""
    client.raise_request_exception = False
    wrong = []
    for name, route in all_views():
        if not name.startswith(POST_PREFIXES):
            continue
        if rule_for(name) is None:
            continue  # test_every_view_is_declared names it
        allowed, ignored = rule_for(name)
        url = _url(name, route, _pattern(name, route), world)
        if url is None:
            continue
        for role in POST_ROLES:
            if role in allowed:
                continue
            if name.endswith((":add", ":duplicates_check")) or name in (
                "workflows:mine",
                "workflows:mine_results",
            ):
                continue
            before = _state()
            data = {"title": "Diubah oleh penyusup", "into": world["pending"].pk}
            response = _client_for(client, world["users"][role]).post(url, data)
            after = _state()
            if response.status_code >= 500:
                wrong.append(f"{role:<11} POST {url} ({name}): {response.status_code}")
            elif before != after:
                wrong.append(f"{role:<11} POST {url} ({name}) changed data: {response.status_code}")
    assert not wrong, "\n".join(wrong)


def test_get_logout_keeps_the_session(client, world):
    client.force_login(world["users"][VIEWER])
    client.get(reverse("wagtailadmin_logout"))
    assert client.get(reverse("wagtailadmin_home")).status_code == 200
