"""Shared fixtures: accounts per role and level, and a valid phenomenon's admin form data."""

import pytest

from phenomena.models import Outlet, Role, Scope, SourceType, Subject, Theme

# PASSWORD and last_month are imported from here by tests.
from tests.factories import PASSWORD, UserFactory, last_month  # noqa: F401


@pytest.fixture
def make_user(db):
    """make_user("op1", Role.OPERATOR, "fungsi-sosial-1") → a user with that one role
    (`tests.factories.UserFactory`; password `PASSWORD`, e-mail `op1@bps.test`)."""

    def make(username, role, unit_code="fungsi-ipds", **extra):
        return UserFactory(username=username, role=role, unit=unit_code, **extra)

    return make


@pytest.fixture
def admin_user(make_user):
    return make_user("admin1", Role.ADMIN, "fungsi-ipds")


@pytest.fixture
def province_operator(make_user):
    # Fungsi Sosial 2 owns Kompas.com and CNN Indonesia.
    return make_user("opsos2", Role.OPERATOR, "fungsi-sosial-2")


@pytest.fixture
def kabkota_operator(make_user):
    return make_user("op3172", Role.OPERATOR, "bps-3172")


@pytest.fixture
def supervisor(make_user):
    return make_user("spv1", Role.SUPERVISOR, "fungsi-sosial-1")


@pytest.fixture
def viewer(make_user):
    return make_user("viewer1", Role.VIEWER, "fungsi-sosial-1")


@pytest.fixture
def phenomenon_form_data(db):
    """POST data of the admin add form for a valid province news phenomenon (Kompas.com)."""

    def build(sources=None, indicators=(), **fields):
        subject = Subject.objects.get(code="ekonomi")
        theme = Theme.objects.get(subject=subject, name="Harga-harga (Inflasi)")
        data = {
            "title": "Harga cabai merah naik menjelang akhir tahun",
            "narrative": "Harga cabai merah di pasar-pasar Jakarta naik 20 persen.",
            "reference_period": last_month().strftime("%Y-%m"),
            "scope": Scope.objects.get(code="dki").pk,
            "area": "",
            "subject": subject.pk,
            "theme": theme.pk,
            "keywords": "cabai merah, inflasi",
        }
        data.update(fields)
        if sources is None:
            sources = [
                {
                    "source_type": SourceType.objects.get(code="portal_berita").pk,
                    "outlet": Outlet.objects.get(name="Kompas.com").pk,
                    "url": "https://money.kompas.com/read/2026/10/01/cabai-merah-naik",
                    "source_date": last_month(5).isoformat(),
                }
            ]
        data.update(_formset("sources", sources))
        data.update(_formset("indicator_links", list(indicators)))
        return data

    return build


def _formset(prefix, rows):
    data = {
        f"{prefix}-TOTAL_FORMS": str(len(rows)),
        f"{prefix}-INITIAL_FORMS": "0",
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }
    for i, row in enumerate(rows):
        for key, value in row.items():
            data[f"{prefix}-{i}-{key}"] = value
        data[f"{prefix}-{i}-ORDER"] = str(i + 1)
        data[f"{prefix}-{i}-DELETE"] = ""
        data[f"{prefix}-{i}-id"] = ""
    return data


@pytest.fixture(autouse=True)
def _login_with_request(monkeypatch):
    """django-axes throttles logins by client address, so `authenticate` needs the request;
    Django's test `Client.login` calls it without one. Give it a request from 127.0.0.1."""
    from django.http import HttpRequest
    from django.test.client import ClientMixin

    original = ClientMixin.login

    def login(self, **credentials):
        if "request" not in credentials:
            request = HttpRequest()
            request.META["REMOTE_ADDR"] = "127.0.0.1"
            credentials["request"] = request
        return original(self, **credentials)

    monkeypatch.setattr(ClientMixin, "login", login)


@pytest.fixture(autouse=True)
def _commit_hooks_as_in_production(monkeypatch):
    """A `db` test runs inside Django's TestCase transaction, which never commits, so
    `transaction.on_commit` callbacks (lifecycle events: search table, dashboard, notifications,
    e-mail) would never run. Run them as production would: when the application's outermost
    `atomic` block exits cleanly, or at once when registered outside any application block
    (autocommit). A block that rolls back drops its callbacks, as Django does. Tests with
    `transaction=True` commit for real and are left alone."""
    from django.db import DEFAULT_DB_ALIAS, connections, transaction

    def app_blocks(connection):
        return [b for b in connection.atomic_blocks if not getattr(b, "_from_testcase", False)]

    def inside_testcase_only(connection):
        return (
            connection.in_atomic_block
            and connection.atomic_blocks
            and not app_blocks(connection)
            and connection.atomic_blocks[0]._from_testcase
        )

    def run_pending(connection):
        live = set(connection.savepoint_ids)
        pending = [entry for entry in connection.run_on_commit if not entry[0] <= live]
        connection.run_on_commit = [e for e in connection.run_on_commit if e[0] <= live]
        for _sids, func, robust in pending:
            if robust:
                try:
                    func()
                except Exception:  # pragma: no cover - same as Django's robust hooks
                    pass
            else:
                func()

    original_on_commit = transaction.on_commit

    def on_commit(func, using=None, robust=False):
        connection = connections[using or DEFAULT_DB_ALIAS]
        if inside_testcase_only(connection):
            func()
            return
        original_on_commit(func, using=using, robust=robust)

    original_exit = transaction.Atomic.__exit__

    def exit_(self, exc_type, exc_value, traceback):
        result = original_exit(self, exc_type, exc_value, traceback)
        connection = transaction.get_connection(self.using)
        if (
            exc_type is None
            and not getattr(self, "_from_testcase", False)
            and inside_testcase_only(connection)
        ):
            run_pending(connection)
        return result

    monkeypatch.setattr(transaction, "on_commit", on_commit)
    monkeypatch.setattr(transaction.Atomic, "__exit__", exit_)


@pytest.fixture(autouse=True, scope="session")
def reference_place_names():
    """Text analysis starts from the reference place names, without reading the database (the
    areas are read again, lazily, after a test saves or deletes one)."""
    from phenomena.places import reference_names
    from simfoni_text import places

    places.install(reference_names())
