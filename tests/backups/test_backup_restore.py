"""`manage.py backup` and `restore` (make backup / make restore) for real: a site with content
and media is backed up, restored into an empty site (a new database, an empty MEDIA_ROOT), and
the two are compared object for object and byte for byte. On the suite's database vendor:
SQLite files, or two scratch databases next to the suite's PostgreSQL database."""

import json
import os
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from cms.settings.env import BASE_DIR, VARIABLES

# Slow and independent of the date: left out of `make test-clock`.
pytestmark = pytest.mark.undated

# A page, a translation-free image and document, and a user: made through the real models.
MAKE_CONTENT = """
from django.contrib.auth import get_user_model
from wagtail.models import Page
from pages import factories
image = factories.PortalImageFactory(title="Harbour")
factories.DocumentFactory(title="Annual report")
home = Page.objects.get(depth=2)
home.add_child(instance=Page(title="Über uns", slug="ueber-uns"))
get_user_model().objects.create_superuser("ops", "ops@example.org", "a-real-password-42")
image.get_rendition("fill-100x100")
"""
# Everything but what Django derives (content types, permissions) and per-visit data.
DUMP = [
    "dumpdata",
    "--exclude=contenttypes",
    "--exclude=auth.permission",
    "--exclude=sessions",
]


def manage(env, *args, stdin=None):
    result = subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env=env,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


@pytest.fixture
def databases(tmp_path):
    """URLs of two databases of the suite's vendor: the original site and the empty one."""
    if connection.vendor == "sqlite":
        yield [f"sqlite:///{tmp_path / name}.sqlite3" for name in ("site", "restored")]
        return
    import psycopg

    db = settings.DATABASES["default"]
    base = db["NAME"].removeprefix("test_")
    names = [f"{base}_backup_site", f"{base}_backup_restored"]
    params = {
        "host": db["HOST"] or "127.0.0.1",
        "port": db["PORT"] or 5432,
        "user": db["USER"],
        "password": db["PASSWORD"] or None,
        "dbname": "postgres",
        "autocommit": True,
    }
    auth = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
    with psycopg.connect(**params) as admin:
        for name in names:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
            admin.execute(f'CREATE DATABASE "{name}"')
    yield [f"postgres://{auth}@{params['host']}:{params['port']}/{name}" for name in names]
    with psycopg.connect(**params) as admin:
        for name in names:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def site_env(database_url, media_root):
    env = {k: v for k, v in os.environ.items() if k not in VARIABLES}
    env.update(
        DJANGO_SETTINGS_MODULE="cms.settings.dev",
        DATABASE_URL=database_url,
        MEDIA_ROOT=str(media_root),
    )
    return env


def media_files(root):
    return {
        path.relative_to(root).as_posix(): path.read_bytes()
        for path in Path(root).rglob("*")
        if path.is_file()
    }


def test_restore_into_an_empty_site_gives_the_same_site(tmp_path, databases):
    original = site_env(databases[0], tmp_path / "media")
    manage(original, "migrate", "--noinput")
    manage(original, "shell", "-c", MAKE_CONTENT)
    output = manage(original, "backup", "--directory", str(tmp_path / "archives"))
    (archive,) = (tmp_path / "archives").glob("ccportal-*.tar.gz")
    assert f"Backup written: {archive}" in output
    with tarfile.open(archive) as tar:
        manifest = json.load(tar.extractfile("manifest.json"))
    assert manifest["database"]["vendor"] == connection.vendor
    assert len(manifest["media"]) == len(media_files(tmp_path / "media")) >= 3

    empty = site_env(databases[1], tmp_path / "restored-media")
    output = manage(empty, "restore", str(archive), "--noinput")
    assert "Restored the backup of" in output

    assert json.loads(manage(empty, *DUMP)) == json.loads(manage(original, *DUMP))
    assert media_files(tmp_path / "restored-media") == media_files(tmp_path / "media")
    # The restored site works: the migrations are all applied and the user's password holds.
    assert "[ ]" not in manage(empty, "showmigrations")
    login = "from django.contrib.auth import get_user_model; print(get_user_model().objects.get(username='ops').check_password('a-real-password-42'))"
    assert manage(empty, "shell", "--no-imports", "-c", login).strip() == "True"


def test_restore_asks_first_and_keeps_everything_on_no(tmp_path, databases):
    env = site_env(databases[0], tmp_path / "media")
    archive = tmp_path / "missing.tar.gz"
    result = subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "restore", str(archive)],
        cwd=BASE_DIR,
        env=env,
        input="n\n",
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 1
    assert "Nothing restored." in result.stderr


def test_an_archive_that_is_not_a_backup_is_refused(tmp_path, databases):
    env = site_env(databases[0], tmp_path / "media")
    archive = tmp_path / "other.tar.gz"
    with tarfile.open(archive, "w:gz") as tar:
        tar.add(BASE_DIR / "README.md", arcname="README.md")
    result = subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "restore", str(archive), "--noinput"],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 1
    assert "Not a portal backup: the archive has no manifest.json." in result.stderr
