"""The whole collection out and back: export → empty site → restore → export is identical."""

import csv
import io
import json

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.db import connection

from phenomena.models import Phenomenon, PhenomenonFingerprint, Role
from tests.factories import PhenomenonFactory, submit
from transfer import exporting


@pytest.fixture
def collection(make_user):
    admin = make_user("admin1", Role.ADMIN, "fungsi-ipds")
    operator = make_user("opsos2", Role.OPERATOR, "fungsi-sosial-2")
    approved = PhenomenonFactory(
        approved=True, author=operator, with_keywords=True, with_indicators=True
    )
    draft = PhenomenonFactory(author=operator, title="Draf operator tentang harga beras")
    pending = PhenomenonFactory(author=operator, title="Pengajuan tentang kunjungan wisata")
    submit(pending, user=operator)
    return {"admin": admin, "operator": operator, "approved": approved, "draft": draft}


@pytest.fixture
def fresh_content_types():
    """`flush` makes new content types inside the test's transaction; forget the cached ones
    both ways so that later tests see the rolled-back rows again."""
    from django.contrib.contenttypes.models import ContentType

    ContentType.objects.clear_cache()
    yield
    ContentType.objects.clear_cache()


def _differences(first, second) -> list[str]:
    """Readable differences between two exports: model, primary key and the fields that differ."""
    a, b = (json.loads(p.read_text())["models"] for p in (first, second))
    found = []
    for label in sorted(set(a) | set(b)):
        left = {o["pk"]: o["fields"] for o in a.get(label, [])}
        right = {o["pk"]: o["fields"] for o in b.get(label, [])}
        for pk in sorted(set(left) | set(right), key=str):
            was, now = left.get(pk), right.get(pk)
            if was is None or now is None:
                found.append(f"{label} {pk}: only in {'second' if was is None else 'first'}")
            elif was != now:
                fields = sorted(k for k in set(was) | set(now) if was.get(k) != now.get(k))
                found.extend(f"{label} {pk}.{k}: {was.get(k)!r} -> {now.get(k)!r}" for k in fields)
    return found


def test_round_trip_is_identical(collection, tmp_path, fresh_content_types):
    # A time below the millisecond, which a plain DjangoJSONEncoder would round away.
    exact = collection["approved"].created_at.replace(microsecond=123)
    Phenomenon.objects.filter(pk=collection["approved"].pk).update(created_at=exact)
    first = tmp_path / "first.json"
    call_command("export_all", output=str(first))
    data = json.loads(first.read_text())
    assert len(data["models"]["phenomena.Phenomenon"]) == 3
    assert data["models"]["wagtailcore.Revision"]
    assert all("password" not in u["fields"] for u in data["models"]["auth.User"])

    if connection.vendor == "postgresql":  # TRUNCATE refuses pending deferred FK checks
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    call_command("flush", interactive=False)
    assert not Phenomenon.objects.exists()
    call_command("restore_all", str(first))

    second = tmp_path / "second.json"
    call_command("export_all", output=str(second))
    assert _differences(first, second) == []
    assert first.read_bytes() == second.read_bytes()
    assert Phenomenon.objects.get(pk=collection["approved"].pk).created_at == exact
    # Derived data is rebuilt; accounts come back without a usable password.
    assert PhenomenonFingerprint.objects.exists()
    operator = get_user_model().objects.get(username="opsos2")
    assert not operator.has_usable_password()
    assert operator.has_perm("phenomena.add_phenomenon")


def test_restore_refuses_a_site_that_is_not_empty(collection, tmp_path):
    path = tmp_path / "ekspor.json"
    call_command("export_all", output=str(path))
    with pytest.raises(CommandError, match="situs kosong"):
        call_command("restore_all", str(path))
    assert Phenomenon.objects.count() == 3


def test_csv_export_reads_back_through_the_import(collection):
    from transfer import importer

    stream = io.StringIO()
    assert exporting.export_csv(stream) == 3
    rows = list(csv.DictReader(io.StringIO(stream.getvalue())))
    approved = next(r for r in rows if r["status"] == "disetujui")
    assert approved["judul"] == collection["approved"].title
    assert approved["kata kunci"] and approved["indikator"]
    report = importer.run(
        stream.getvalue().encode(), "ekspor.csv", user=collection["admin"], write=False
    )
    # Every column name is recognised, and every stored phenomenon is known as a duplicate.
    assert set(report.columns) >= {"title", "narrative", "url", "source_date", "theme"}
    assert report.counts["duplicate"] == 3, [r.messages for r in report.rows]
