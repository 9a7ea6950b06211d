"""`backup` and `restore_backup`: database and media out, and back into an empty database
with every phenomenon and its history (revisions, log entries, workflow states) as it was."""

import os
import subprocess
import sys
import tarfile
import uuid
from pathlib import Path

import psycopg
import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from phenomena.models import Phenomenon, Role
from tests.factories import PhenomenonFactory, submit
from transfer import backup, exporting

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    root = Path(settings.MEDIA_ROOT)
    (root / "documents").mkdir(parents=True)
    (root / "documents" / "rilis brs.pdf").write_bytes(b"%PDF-1.4 isi berkas rilis")
    (root / "avatar.png").write_bytes(b"\x89PNG gambar")
    return root


@pytest.fixture
def fresh_content_types():
    """`flush` makes new content types inside the test's transaction: forget the cached ones
    both ways (as in test_export_restore.py)."""
    from django.contrib.contenttypes.models import ContentType

    ContentType.objects.clear_cache()
    yield
    ContentType.objects.clear_cache()


def _collection(make_user):
    make_user("admin1", Role.ADMIN, "fungsi-ipds")
    operator = make_user("opsos2", Role.OPERATOR, "fungsi-sosial-2")
    PhenomenonFactory(approved=True, author=operator, with_keywords=True, with_indicators=True)
    PhenomenonFactory(author=operator, title="Draf operator tentang harga beras")
    pending = PhenomenonFactory(author=operator, title="Pengajuan tentang kunjungan wisata")
    submit(pending, user=operator)


def _history():
    from wagtail.models import ModelLogEntry, Revision, WorkflowState

    return (
        sorted(Phenomenon.objects.values_list("pk", "title", "live", "latest_revision_id")),
        sorted(Revision.objects.values_list("pk", "object_id", "created_at")),
        sorted(ModelLogEntry.objects.values_list("pk", "action", "object_id", "timestamp")),
        sorted(WorkflowState.objects.values_list("pk", "status", "object_id")),
    )


def _subprocess_env(database_url, media_root):
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "simfoni_site.settings.test",
        "DATABASE_URL": database_url,
        "MEDIA_ROOT": str(media_root),
        "PYTHONWARNINGS": "ignore",
    }


def _manage(env, *args):
    done = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr.decode()[-3000:]
    return done.stdout


def test_backup_archive_holds_database_manifest_and_media(make_user, media, tmp_path):
    _collection(make_user)
    call_command("backup", output_dir=str(tmp_path / "backups"))
    (archive,) = (tmp_path / "backups").glob("simfoni-backup-*.tar.gz")
    with tarfile.open(archive) as tar:
        names = set(tar.getnames())
        manifest = backup.read_manifest(tar)
    database = "database.dump" if connection.vendor == "postgresql" else "database.json"
    assert {"manifest.json", database, "media/documents/rilis brs.pdf"} <= names
    assert manifest["counts"]["phenomena"] == 3
    assert manifest["counts"]["revisions"] >= 3 and manifest["counts"]["workflow_states"] >= 1
    assert manifest["migrations"]["phenomena"].startswith("00")
    assert {m["path"] for m in manifest["media"]} == {"documents/rilis brs.pdf", "avatar.png"}


def test_keep_deletes_the_oldest_archives(tmp_path):
    for stamp in ("20260101T000000Z", "20260102T000000Z", "20260103T000000Z"):
        (tmp_path / f"simfoni-backup-{stamp}.tar.gz").write_bytes(b"x")
    (tmp_path / "lain.tar.gz").write_bytes(b"x")
    backup.prune(tmp_path, keep=2)
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "lain.tar.gz",
        "simfoni-backup-20260102T000000Z.tar.gz",
        "simfoni-backup-20260103T000000Z.tar.gz",
    ]


def test_json_backup_restores_after_the_site_was_emptied(
    make_user, media, tmp_path, fresh_content_types
):
    """In-process: the JSON format on either database, after `flush` and lost media."""
    _collection(make_user)
    before, history = exporting.export_json_bytes(), _history()
    archive = tmp_path / "b.tar.gz"
    call_command("backup", output=str(archive), format="json")
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    call_command("flush", interactive=False)
    (media / "documents" / "rilis brs.pdf").unlink()
    assert not Phenomenon.objects.exists()

    call_command("restore_backup", str(archive))
    assert exporting.export_json_bytes() == before
    assert _history() == history
    assert (media / "documents" / "rilis brs.pdf").read_bytes() == b"%PDF-1.4 isi berkas rilis"

    with pytest.raises(CommandError, match="kosong|empty"):  # not into a site with data
        call_command("restore_backup", str(archive))


def test_restore_refuses_media_that_would_overwrite_other_content(make_user, media, tmp_path):
    archive = tmp_path / "b.tar.gz"
    call_command("backup", output=str(archive), format="json")
    (media / "avatar.png").write_bytes(b"lain")
    with pytest.raises(CommandError, match="other content"):
        call_command("restore_backup", str(archive))


def test_restore_refuses_what_is_not_a_backup(tmp_path, db):
    archive = tmp_path / "x.tar.gz"
    with tarfile.open(archive, "w:gz") as tar:
        tar.add(__file__, "something.py")
    with pytest.raises(CommandError, match="not a SIMFONI backup"):
        call_command("restore_backup", str(archive))


@pytest.mark.skipif(
    not os.environ.get("DATABASE_URL", "").startswith("postgres"), reason="PostgreSQL only"
)
def test_pg_dump_backup_restores_into_a_new_database(make_user, media, tmp_path, transactional_db):
    """The whole path as an operator runs it: backup (pg_dump), createdb, restore_backup in
    another process, and the restored collection exports to the same bytes."""
    _collection(make_user)
    before = exporting.export_json_bytes()
    archive = tmp_path / "b.tar.gz"
    call_command("backup", output=str(archive))
    with tarfile.open(archive) as tar:
        assert backup.read_manifest(tar)["database"] == "pg_dump"

    db = connection.settings_dict
    name = f"simfoni_prod_restore_{uuid.uuid4().hex[:8]}"
    admin_url = f"postgresql://{db['USER']}@{db['HOST']}:{db['PORT']}/postgres"
    with psycopg.connect(admin_url, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        restored_media = tmp_path / "restored-media"
        env = _subprocess_env(
            f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{name}", restored_media
        )
        _manage(env, "restore_backup", str(archive))
        assert _manage(env, "export_all") == before
        assert (restored_media / "avatar.png").read_bytes() == b"\x89PNG gambar"
        # A second restore into the now full database is refused.
        done = subprocess.run(
            [sys.executable, "manage.py", "restore_backup", str(archive)],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
        )
        assert done.returncode != 0 and "not empty" in done.stderr
    finally:
        with psycopg.connect(admin_url, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.mark.skipif(os.environ.get("DATABASE_URL", "").startswith("postgres"), reason="SQLite only")
def test_json_backup_restores_into_a_new_sqlite_file(make_user, media, tmp_path):
    """The JSON format into a database file that does not exist yet: restore_backup migrates
    it, loads the collection and the media (one migrate: about a minute)."""
    _collection(make_user)
    before = exporting.export_json_bytes()
    archive = tmp_path / "b.tar.gz"
    call_command("backup", output=str(archive))
    restored_media = tmp_path / "restored-media"
    env = _subprocess_env(f"sqlite:///{tmp_path / 'new.sqlite3'}", restored_media)
    _manage(env, "restore_backup", str(archive))
    assert _manage(env, "export_all") == before
    assert (restored_media / "documents" / "rilis brs.pdf").exists()
