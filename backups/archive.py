"""Write and read backup archives.

An archive (`ccportal-<UTC time>.tar.gz`) holds:

- `manifest.json`: format, creation time, database vendor, and every media file with its size
  and SHA-256;
- the database: `database.sqlite3`, copied with SQLite's online backup API (a consistent
  snapshot even while the site writes), or `database.pgdump`, from `pg_dump --format=custom`
  (one transaction snapshot);
- `media/...`: MEDIA_ROOT (images, renditions, documents).

A restore puts the database back whole (SQLite's backup API into the configured file;
`pg_restore --clean --single-transaction` on PostgreSQL) and copies the media files into
MEDIA_ROOT, checking each one's hash. An archive is restored only into a database of the same
vendor.
"""

import datetime
import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from pathlib import Path

from django.conf import settings
from django.db import connection

FORMAT = 1
DATABASE_FILES = {"sqlite": "database.sqlite3", "postgresql": "database.pgdump"}


class BackupError(Exception):
    """A backup or restore cannot go on; the message says why."""


def _vendor():
    vendor = connection.vendor
    if vendor not in DATABASE_FILES:
        raise BackupError(f"Backups support SQLite and PostgreSQL, not {vendor}.")
    return vendor


def _sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as file:
        for chunk in iter(lambda: file.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _pg_command(program, *args):
    """A PostgreSQL client command for the configured database; the password goes by
    environment, never on the command line."""
    db = settings.DATABASES["default"]
    env = {**os.environ, "PGPASSWORD": str(db.get("PASSWORD") or "")}
    command = [program, "--no-password"]
    for option, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if db.get(key):
            command += [option, str(db[key])]
    if shutil.which(program) is None:
        raise BackupError(
            f"{program} is not installed (Debian: apt-get install postgresql-client)."
        )
    return [*command, *args], env


def _run(command, env):
    result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)  # noqa: S603
    if result.returncode != 0:
        raise BackupError(f"{command[0]} failed: {result.stderr.strip()}")


def _dump_database(vendor, target):
    if vendor == "sqlite":
        connection.ensure_connection()
        destination = sqlite3.connect(target)
        try:
            connection.connection.backup(destination)
        finally:
            destination.close()
    else:
        command, env = _pg_command(
            "pg_dump",
            "--format=custom",
            "--no-owner",
            "--no-privileges",
            f"--file={target}",
            settings.DATABASES["default"]["NAME"],
        )
        _run(command, env)


def _media_files(root):
    root = Path(root)
    if not root.is_dir():
        return []
    return sorted(path for path in root.rglob("*") if path.is_file())


def create(directory, log=print):
    """Write a new archive into `directory`; returns its path."""
    vendor = _vendor()
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    now = datetime.datetime.now(datetime.UTC)
    final = directory / f"ccportal-{now:%Y%m%dT%H%M%SZ}.tar.gz"
    partial = final.with_name(final.name + ".partial")
    media_root = Path(settings.MEDIA_ROOT)
    with tempfile.TemporaryDirectory() as tmp:
        database = Path(tmp) / DATABASE_FILES[vendor]
        log(f"Database ({vendor}) …")
        _dump_database(vendor, database)
        # After the database: a file uploaded meanwhile is extra, never missing.
        files = []
        with tarfile.open(partial, "w:gz") as tar:
            tar.add(database, arcname=database.name)
            for path in _media_files(media_root):
                relative = path.relative_to(media_root).as_posix()
                try:
                    tar.add(path, arcname=f"media/{relative}")
                except FileNotFoundError:  # deleted since the listing
                    continue
                files.append(
                    {"path": relative, "size": path.stat().st_size, "sha256": _sha256(path)}
                )
            log(f"Media: {len(files)} files")
            manifest = {
                "format": FORMAT,
                "created": now.isoformat(),
                "database": {"vendor": vendor, "file": database.name},
                "media": files,
            }
            data = json.dumps(manifest, indent=2).encode()
            info = tarfile.TarInfo("manifest.json")
            info.size = len(data)
            info.mtime = int(now.timestamp())
            with tempfile.TemporaryFile() as buffer:
                buffer.write(data)
                buffer.seek(0)
                tar.addfile(info, buffer)
    os.replace(partial, final)  # a half-written archive never carries the final name
    return final


def read_manifest(tar):
    try:
        member = tar.getmember("manifest.json")
    except KeyError as error:
        raise BackupError("Not a portal backup: the archive has no manifest.json.") from error
    manifest = json.load(tar.extractfile(member))
    if manifest.get("format") != FORMAT:
        raise BackupError(f"Unknown backup format {manifest.get('format')!r}.")
    return manifest


def restore(archive, log=print):
    """Replace the database with the archive's and copy its media files into MEDIA_ROOT."""
    vendor = _vendor()
    archive = Path(archive)
    if not archive.is_file():
        raise BackupError(f"No backup at {archive}.")
    with tarfile.open(archive, "r:gz") as tar, tempfile.TemporaryDirectory() as tmp:
        manifest = read_manifest(tar)
        if manifest["database"]["vendor"] != vendor:
            raise BackupError(
                f"This backup holds a {manifest['database']['vendor']} database; the portal is "
                f"configured for {vendor} (DATABASE_URL). Restore it into a {manifest['database']['vendor']} database."
            )
        # The "data" filter refuses absolute paths, "..", links out of the tree and devices.
        tar.extractall(tmp, filter="data")
        database = Path(tmp) / manifest["database"]["file"]
        log(f"Database ({vendor}) …")
        _load_database(vendor, database)
        media_root = Path(settings.MEDIA_ROOT)
        for item in manifest["media"]:
            source = Path(tmp) / "media" / item["path"]
            target = media_root / item["path"]
            if _sha256(source) != item["sha256"]:
                raise BackupError(f"The archive is damaged: media/{item['path']} does not match.")
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)
        log(f"Media: {len(manifest['media'])} files")
    return manifest


def _load_database(vendor, database):
    if vendor == "sqlite":
        target = settings.DATABASES["default"]["NAME"]
        connection.close()
        source = sqlite3.connect(database)
        destination = sqlite3.connect(target)
        try:
            source.backup(destination)
        finally:
            source.close()
            destination.close()
    else:
        connection.close()
        command, env = _pg_command(
            "pg_restore",
            "--clean",
            "--if-exists",
            "--no-owner",
            "--no-privileges",
            "--single-transaction",
            f"--dbname={settings.DATABASES['default']['NAME']}",
            str(database),
        )
        _run(command, env)
