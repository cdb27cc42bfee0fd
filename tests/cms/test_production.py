"""Production: `make serve`'s steps for real (migrate, collectstatic, gunicorn), the media view,
the start-up errors, and demo accounts refused outside DEBUG."""

import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.contrib.auth.models import Group
from django.test import override_settings

from cms.settings.env import BASE_DIR, VARIABLES
from demo.auth import DEMO_GROUP, PUBLIC_DEMO_PASSWORD
from pages import factories

# Slow and independent of the date: left out of `make test-clock`.
pytestmark = pytest.mark.undated

PRODUCTION = {
    "DJANGO_SETTINGS_MODULE": "cms.settings.production",
    "SECRET_KEY": "a-long-random-production-secret-" + "x" * 40,
    "PORTAL_BASE_URL": "https://portal.example.org",
}
SERVE_PORT = 8011


def production_env(tmp_path, **overrides):
    env = {k: v for k, v in os.environ.items() if k not in VARIABLES}
    env.update(PRODUCTION)
    env.update(
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
        MEDIA_ROOT=str(tmp_path / "media"),
        STATIC_ROOT=str(tmp_path / "static"),
    )
    env.update(overrides)
    return {k: v for k, v in env.items() if v is not None}


def manage(env, *args, timeout=600):
    return subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def test_missing_variables_are_named_together(tmp_path):
    env = production_env(tmp_path, SECRET_KEY=None, PORTAL_BASE_URL=None, DATABASE_URL=None)
    result = manage(env, "check")
    assert result.returncode != 0
    for name in ("SECRET_KEY", "DATABASE_URL", "PORTAL_BASE_URL"):
        assert f"{name} must be set" in result.stderr
    assert "README, section Production" in result.stderr


def test_a_portal_address_without_scheme_is_refused(tmp_path):
    result = manage(production_env(tmp_path, PORTAL_BASE_URL="portal.example.org"), "check")
    assert result.returncode != 0
    assert "PORTAL_BASE_URL must be an http(s) address" in result.stderr


class _KeepRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None  # a redirect is the answer under test, not followed


NO_REDIRECTS = urllib.request.build_opener(_KeepRedirects)


def get(path, headers=None):
    request = urllib.request.Request(
        f"http://127.0.0.1:{SERVE_PORT}{path}",
        headers={"Host": "portal.example.org", "X-Forwarded-Proto": "https", **(headers or {})},
    )
    try:
        with NO_REDIRECTS.open(request, timeout=30) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def test_serve_steps_give_a_working_site(tmp_path):
    """What `make serve` does, on an empty SQLite database: then the admin (templates and
    hashed static files) and an uploaded image answer under gunicorn."""
    env = production_env(tmp_path)
    for step in (["check", "--deploy", "--fail-level", "WARNING"], ["migrate", "--noinput"]):
        result = manage(env, *step)
        assert result.returncode == 0, result.stdout + result.stderr
    result = manage(env, "collectstatic", "--noinput")
    assert result.returncode == 0, result.stderr
    manifest = tmp_path / "static" / "staticfiles.json"
    assert manifest.exists()
    images = tmp_path / "media" / "original_images"
    images.mkdir(parents=True)
    shutil.copy(BASE_DIR / "static" / "images" / "share.png", images / "harbour.png")
    documents = tmp_path / "media" / "documents"
    documents.mkdir()
    (documents / "private.pdf").write_bytes(b"%PDF-1.4 private")

    with socket.socket() as probe:  # fail clearly when another server holds the port
        assert probe.connect_ex(("127.0.0.1", SERVE_PORT)) != 0, f"port {SERVE_PORT} is busy"
    server = subprocess.Popen(  # noqa: S603
        [
            str(Path(sys.executable).with_name("gunicorn")),
            "cms.wsgi",
            "--bind",
            f"127.0.0.1:{SERVE_PORT}",
            "--workers",
            "1",
        ],
        cwd=BASE_DIR,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        for _ in range(120):
            try:
                status, headers, body = get("/admin/login/")
                break
            except OSError:
                time.sleep(0.5)
        else:
            pytest.fail("gunicorn did not answer: " + server.stderr.read1().decode())
        assert status == 200
        stylesheet = next(
            part.split('"')[0] for part in body.decode().split('href="')[1:] if "/static/" in part
        )
        # A hashed name from the manifest, served by WhiteNoise with a far-future cache.
        assert stylesheet.count(".") >= 2
        static_status, static_headers, _ = get(stylesheet)
        assert static_status == 200
        assert "immutable" in static_headers["Cache-Control"]

        status, headers, body = get("/media/original_images/harbour.png")
        assert status == 200
        assert headers["Content-Type"] == "image/png"
        assert body == (images / "harbour.png").read_bytes()
        assert get("/media/documents/private.pdf")[0] == 404
        # Plain HTTP is sent to HTTPS.
        assert get("/admin/login/", {"X-Forwarded-Proto": "http"})[0] == 301
    finally:
        server.terminate()
        server.wait(timeout=30)


@pytest.fixture
def media_root(db, tmp_path, settings):
    settings.MEDIA_ROOT = str(tmp_path)
    (tmp_path / "original_images").mkdir()
    (tmp_path / "original_images" / "a.jpg").write_bytes(b"\xff\xd8\xff jpeg")
    (tmp_path / "original_images" / "page.html").write_text("<script>alert(1)</script>")
    (tmp_path / "documents").mkdir()
    (tmp_path / "documents" / "secret.pdf").write_bytes(b"%PDF")
    (tmp_path / "secret.txt").write_text("outside the public folders")
    return tmp_path


def test_media_view_serves_only_public_images(client, media_root):
    response = client.get("/media/original_images/a.jpg")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg"
    assert b"".join(response.streaming_content) == b"\xff\xd8\xff jpeg"
    for path in [
        "/media/documents/secret.pdf",
        "/media/secret.txt",
        "/media/original_images/page.html",
        "/media/original_images/../secret.txt",
        "/media/original_images/%2e%2e/secret.txt",
        "/media/original_images/",
        "/media/original_images/missing.jpg",
    ]:
        assert client.get(path).status_code == 404, path
    assert client.post("/media/original_images/a.jpg").status_code == 405


def test_uploaded_image_is_served_at_its_url(client, db, settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)
    image = factories.PortalImageFactory(title="Harbour")
    response = client.get(image.file.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == image.file.read()


@pytest.fixture
def demo_admin(locales, django_user_model):
    """A demo account as seed_demo makes it under `make run` (DEBUG on)."""
    from demo.seed import DemoSeeder
    from localization.roles.groups import ensure_roles

    ensure_roles()  # the editors' and translators' groups the demo accounts join
    with override_settings(DEBUG=True, DEMO_PASSWORD="local-demo-password"):
        DemoSeeder(users=True).seed_users()
    return django_user_model.objects.get(username="admin")


def test_demo_accounts_are_marked(demo_admin):
    assert demo_admin.groups.filter(name=DEMO_GROUP).exists()
    assert Group.objects.get(name=DEMO_GROUP).permissions.count() == 0


def test_demo_accounts_work_with_debug(client, demo_admin, settings):
    settings.DEBUG = True
    assert client.login(username="admin", password="local-demo-password")


def test_demo_accounts_are_refused_without_debug(client, demo_admin):
    response = client.post(
        "/admin/login/", {"username": "admin", "password": "local-demo-password"}
    )
    assert response.status_code == 200  # the form again, not a redirect into the admin
    assert "_auth_user_id" not in client.session
    assert not client.login(username="admin", password="local-demo-password")


def test_open_demo_sessions_end_without_debug(client, demo_admin, settings):
    settings.DEBUG = True
    client.force_login(demo_admin)
    assert client.get("/admin/").status_code == 200
    settings.DEBUG = False
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_the_public_demo_password_never_works_without_debug(client, django_user_model):
    # A database seeded before demo accounts were marked: the password alone gives it away.
    django_user_model.objects.create_superuser("admin", "a@example.org", PUBLIC_DEMO_PASSWORD)
    assert not client.login(username="admin", password=PUBLIC_DEMO_PASSWORD)
    django_user_model.objects.create_superuser("ops", "o@example.org", "a-real-password-42")
    assert client.login(username="ops", password="a-real-password-42")


def test_compose_file_starts_the_whole_stack():
    import yaml

    compose = yaml.safe_load((BASE_DIR / "compose.yaml").read_text())
    services = compose["services"]
    assert set(services) == {"portal", "worker", "postgres", "redis", "elasticsearch"}
    assert services["portal"]["command"][:2] == ["make", "serve"]
    assert services["worker"]["command"][-1] == "db_worker"
    for name in ("portal", "worker"):
        environment = services[name]["environment"]
        assert environment["DATABASE_URL"].startswith("postgres://")
        assert environment["REDIS_URL"] == "redis://redis:6379/0"
        assert environment["ELASTICSEARCH_URL"] == "http://elasticsearch:9200"
        assert {"SECRET_KEY", "PORTAL_BASE_URL"} <= set(environment)


def compose_command():
    """Docker's compose plugin, else Debian's docker-compose (`make test` installs it)."""
    docker = shutil.which("docker")
    if (
        docker
        and not subprocess.run(  # noqa: S603
            [docker, "compose", "version"], capture_output=True, check=False
        ).returncode
    ):
        return [docker, "compose"]
    legacy = shutil.which("docker-compose")
    return [legacy] if legacy else None


def test_compose_file_is_valid_for_docker_compose():
    command = compose_command()
    if command is None:
        pytest.skip(
            "Neither `docker compose` nor docker-compose is installed: compose.yaml not checked"
        )
    result = subprocess.run(  # noqa: S603
        [*command, "-f", "compose.yaml", "config", "--quiet"],
        cwd=BASE_DIR,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr


def test_compose_check_refuses_a_service_option_that_does_not_exist(tmp_path):
    """The check reads the Compose schema, not only YAML: a misspelt key fails it."""
    command = compose_command()
    if command is None:
        pytest.skip(
            "Neither `docker compose` nor docker-compose is installed: compose.yaml not checked"
        )
    broken = tmp_path / "compose.yaml"
    broken.write_text(
        (BASE_DIR / "compose.yaml").read_text().replace("depends_on:", "depends_upon:", 1)
    )
    result = subprocess.run(  # noqa: S603
        [*command, "-f", str(broken), "config", "--quiet"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
    assert "depends_upon" in result.stdout + result.stderr


def test_readme_names_the_required_production_variables():
    from cms.settings import env

    readme = (BASE_DIR / "README.md").read_text(encoding="utf-8")
    production = readme.split("## Production", 1)[1].split("\n## ", 1)[0]
    required = production.split("Required:", 1)[1].split("(", 1)[0]
    assert set(re.findall(r"`([A-Z_]+)`", required)) == {
        "SECRET_KEY",
        "DATABASE_URL",
        "PORTAL_BASE_URL",
    }
    assert env.VARIABLES.keys() >= {"SECRET_KEY", "DATABASE_URL", "PORTAL_BASE_URL", "ADMINS"}
