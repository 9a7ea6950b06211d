"""Backups: the database and the uploaded files in one archive, and its restore.

``manage.py backup`` writes ``simfoni-backup-<UTC time>.tar.gz`` holding

- ``manifest.json``: format, version, time, how the database was dumped, the last migration
  of each app, counts (phenomena, revisions, log entries, workflow states) and the media
  files with their sizes and SHA-256;
- the database: ``database.dump`` (``pg_dump --format=custom``: every table, the search table
  and sequences included) on PostgreSQL, or ``database.json`` (``export_all`` with password
  hashes: the collection, accounts, history and workflows; derived data is rebuilt) elsewhere
  or with ``--format json``;
- ``media/``: every file under MEDIA_ROOT.

``manage.py restore_backup FILE`` loads it into an **empty** database: for ``database.dump``
one that has no tables yet (``createdb``; ``pg_restore`` then ``migrate`` for anything newer),
for ``database.json`` a new one (migrated by the command) or a migrated one without phenomena
and accounts. Media files are written back under MEDIA_ROOT (an existing file with other
content is refused). The counts of the manifest are checked after the restore.
"""

from __future__ import annotations

import datetime
import hashlib
import io
import json
import os
import shutil
import subprocess
import tarfile
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.db import connection

from transfer import exporting

FORMAT = "simfoni-backup"
VERSION = 1
PREFIX = "simfoni-backup-"


class BackupError(Exception):
    pass


def counts() -> dict[str, int]:
    """What a restore must give back, counted."""
    from wagtail.models import ModelLogEntry, Revision, WorkflowState

    from phenomena.models import Phenomenon

    return {
        "phenomena": Phenomenon.objects.count(),
        "revisions": Revision.objects.count(),
        "log_entries": ModelLogEntry.objects.count(),
        "workflow_states": WorkflowState.objects.count(),
        "users": exporting.get_user_model().objects.count(),
    }


def _migrations() -> dict[str, str]:
    from django.db.migrations.recorder import MigrationRecorder

    latest = {}
    for app, name in MigrationRecorder(connection).applied_migrations():
        latest[app] = max(latest.get(app, name), name)
    return dict(sorted(latest.items()))


def _pg_args_env(db: dict) -> tuple[list[str], dict]:
    args = []
    if db.get("HOST"):
        args += ["--host", str(db["HOST"])]
    if db.get("PORT"):
        args += ["--port", str(db["PORT"])]
    if db.get("USER"):
        args += ["--username", str(db["USER"])]
    env = {**os.environ}
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = str(db["PASSWORD"])  # not on the command line (ps shows it)
    return [*args, "--no-password"], env


def _run(argv: list[str], env: dict) -> None:
    try:
        done = subprocess.run(argv, env=env, capture_output=True, text=True)
    except FileNotFoundError as exc:
        raise BackupError(f"{argv[0]} not found: install the PostgreSQL client tools") from exc
    if done.returncode != 0:
        raise BackupError(f"{Path(argv[0]).name} failed: {done.stderr.strip()[-2000:]}")


def _media_files(root: Path):
    if not root.is_dir():
        return
    for path in sorted(root.rglob("*")):
        if path.is_file() and not path.is_symlink():
            yield path


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _add_bytes(tar: tarfile.TarFile, name: str, payload: bytes, mtime: float) -> None:
    info = tarfile.TarInfo(name)
    info.size = len(payload)
    info.mtime = int(mtime)
    info.mode = 0o640
    tar.addfile(info, io.BytesIO(payload))


def create_backup(path: Path, fmt: str = "auto") -> dict:
    """Write the archive to `path`; returns its manifest."""
    vendor = connection.vendor
    if fmt == "auto":
        fmt = "pg_dump" if vendor == "postgresql" else "json"
    if fmt == "pg_dump" and vendor != "postgresql":
        raise BackupError("--format pg_dump needs PostgreSQL")
    now = datetime.datetime.now(datetime.UTC)
    media_root = Path(settings.MEDIA_ROOT)
    media = [
        {
            "path": file.relative_to(media_root).as_posix(),
            "size": file.stat().st_size,
            "sha256": _sha256(file),
        }
        for file in _media_files(media_root)
    ]
    manifest = {
        "format": FORMAT,
        "version": VERSION,
        "created": now.isoformat(),
        "database": fmt,
        "vendor": vendor,
        "migrations": _migrations(),
        "counts": counts(),
        "media": media,
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")
    with tempfile.TemporaryDirectory() as tmp, tarfile.open(partial, "w:gz") as tar:
        _add_bytes(tar, "manifest.json", json.dumps(manifest, indent=1).encode(), now.timestamp())
        if fmt == "pg_dump":
            dump = Path(tmp) / "database.dump"
            db = connection.settings_dict
            args, env = _pg_args_env(db)
            _run(
                [
                    os.environ.get("PG_DUMP", "pg_dump"),
                    *args,
                    "--format=custom",
                    "--no-owner",
                    "--no-privileges",
                    "--file",
                    str(dump),
                    str(db["NAME"]),
                ],
                env,
            )
            tar.add(dump, "database.dump")
        else:
            _add_bytes(
                tar, "database.json", exporting.export_json_bytes(passwords=True), now.timestamp()
            )
        for entry in media:
            tar.add(media_root / entry["path"], f"media/{entry['path']}")
    partial.replace(path)
    return manifest


def default_name(now: datetime.datetime | None = None) -> str:
    now = now or datetime.datetime.now(datetime.UTC)
    return f"{PREFIX}{now:%Y%m%dT%H%M%SZ}.tar.gz"


def prune(directory: Path, keep: int) -> list[Path]:
    """Delete all but the `keep` newest archives of `directory`; returns the deleted ones."""
    archives = sorted(directory.glob(f"{PREFIX}*.tar.gz"))
    doomed = archives[:-keep] if keep > 0 else []
    for archive in doomed:
        archive.unlink()
    return doomed


def _tables() -> list[str]:
    return connection.introspection.table_names()


def read_manifest(tar: tarfile.TarFile) -> dict:
    try:
        manifest = json.load(tar.extractfile("manifest.json"))
    except (KeyError, ValueError) as exc:
        raise BackupError("not a SIMFONI backup (no manifest.json)") from exc
    if manifest.get("format") != FORMAT or manifest.get("version") != VERSION:
        raise BackupError(f"not a SIMFONI backup of version {VERSION}")
    return manifest


def restore_backup(path: Path, stdout=None) -> dict:
    """Load the archive at `path` into this (empty) database and MEDIA_ROOT; returns counts."""
    with tarfile.open(path, "r:gz") as tar:
        manifest = read_manifest(tar)
        media_root = Path(settings.MEDIA_ROOT)
        _check_media(tar, manifest, media_root)
        if manifest["database"] == "pg_dump":
            _restore_pg_dump(tar)
        else:
            _restore_json(tar, stdout)
        with tempfile.TemporaryDirectory() as tmp:
            members = [m for m in tar.getmembers() if m.name.startswith("media/")]
            tar.extractall(tmp, members=members, filter="data")
            for entry in manifest["media"]:
                source = Path(tmp) / "media" / entry["path"]
                target = media_root / entry["path"]
                if _sha256(source) != entry["sha256"]:
                    raise BackupError(f"damaged media file in the archive: {entry['path']}")
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(source, target)
    restored = counts()
    expected = manifest["counts"]
    if restored != expected:
        raise BackupError(f"restored counts {restored} differ from the backup's {expected}")
    return restored


def _check_media(tar, manifest, media_root: Path) -> None:
    for entry in manifest["media"]:
        name = entry["path"]
        if name.startswith("/") or ".." in Path(name).parts:
            raise BackupError(f"unsafe media path in the archive: {name}")
        target = media_root / name
        if target.exists() and _sha256(target) != entry["sha256"]:
            raise BackupError(f"media file already there with other content: {target}")


def _restore_pg_dump(tar) -> None:
    if connection.vendor != "postgresql":
        raise BackupError("this backup is a pg_dump: restore it into PostgreSQL")
    if _tables():
        raise BackupError(
            "the database is not empty: restore a pg_dump backup into a new database "
            "(createdb), before any migrate"
        )
    db = connection.settings_dict
    args, env = _pg_args_env(db)
    with tempfile.TemporaryDirectory() as tmp:
        tar.extract("database.dump", tmp, filter="data")
        connection.close()
        _run(
            [
                os.environ.get("PG_RESTORE", "pg_restore"),
                *args,
                "--no-owner",
                "--no-privileges",
                "--exit-on-error",
                "--single-transaction",
                "--dbname",
                str(db["NAME"]),
                str(Path(tmp) / "database.dump"),
            ],
            env,
        )
    call_command("migrate", interactive=False, verbosity=0)  # newer code: its migrations


def _restore_json(tar, stdout) -> None:
    call_command("migrate", interactive=False, verbosity=0)  # a new database gets its tables
    data = json.load(tar.extractfile("database.json"))
    try:
        exporting.restore(data)
    except exporting.RestoreError as exc:
        raise BackupError(str(exc)) from exc
