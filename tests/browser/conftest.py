"""Playwright (sync API) against pytest-django's live_server, with Debian's Chromium.

`playwright install` cannot download browsers here, so the tests launch /usr/bin/chromium. When
it is missing they fail in CI (the CI environment variable is set) and are skipped elsewhere.

On failure every page of the test's browser contexts is screenshotted and the Playwright trace
is kept, under test-artifacts/browser/<test name>/ (open a trace with
`.venv/bin/playwright show-trace test-artifacts/browser/<test name>/trace-0.zip`).
"""

import os
import re
import shutil
import threading
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.conf import settings

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ARTIFACTS = Path(settings.BASE_DIR) / "test-artifacts" / "browser"

# Playwright's default waits: long enough for a slow CI machine, short enough to fail fast.
ACTION_TIMEOUT_MS = 15_000
NAVIGATION_TIMEOUT_MS = 30_000
EXPECT_TIMEOUT_MS = 10_000

EDITOR_USERNAME = "editor"
EDITOR_PASSWORD = "editor-journey-2030"
TAXONOMY_MODELS = ["country", "region", "theme", "sustainabledevelopmentgoal"]


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    """Keep each phase's report on the item, so fixtures know whether the test failed."""
    report = yield
    setattr(item, f"report_{report.when}", report)
    return report


def _test_failed(item):
    return any(
        getattr(getattr(item, f"report_{when}", None), "failed", False)
        for when in ("setup", "call")
    )


@pytest.fixture(scope="session", autouse=True)
def chromium_executable():
    """Debian's Chromium: the tests fail without it in CI, and are skipped elsewhere.

    Autouse, so that the check comes before the test database and the live server are set up.
    """
    if not CHROMIUM.exists():
        message = f"{CHROMIUM} is missing: install Debian's chromium package (make chromium)"
        if os.environ.get("CI"):
            pytest.fail(f"Browser tests cannot run in CI: {message}", pytrace=False)
        pytest.skip(message)
    return CHROMIUM


@pytest.fixture(scope="module")
def playwright_browser(chromium_executable, live_server):
    """One headless Chromium per test module, started after the database and the live server.

    Between its calls Playwright's sync API marks its asyncio event loop as running in the
    test thread. Django then refuses ORM calls there ("You cannot call this from an async
    context"), which DJANGO_ALLOW_ASYNC_UNSAFE switches off while the browser runs. Worse,
    asgiref then keeps Django's connections per async context instead of per thread, so the
    test would silently get new database connections: not the one the live server shares
    (SQLite in memory), and not the one holding the state for the serialised rollback. So
    the thread's own connections are put back in place once the loop runs.
    """
    from django.db import connections
    from playwright.sync_api import expect, sync_playwright

    thread_connections = {alias: connections[alias] for alias in connections}
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        expect.set_options(timeout=EXPECT_TIMEOUT_MS)
        with sync_playwright() as playwright:
            for alias, connection in thread_connections.items():
                connections[alias] = connection
            browser = playwright.chromium.launch(
                executable_path=str(chromium_executable), args=CHROMIUM_ARGS, headless=True
            )
            try:
                yield browser
            finally:
                browser.close()


@pytest.fixture(scope="session")
def live_server(django_db_setup, live_server):
    """pytest-django's live server, started only once the test database exists.

    On SQLite the test database lives in memory, and pytest-django shares the test's
    connection with the server's threads only if the database is already in memory when the
    server starts. pytest instantiates session fixtures first, so without this the server can
    start before `django_db_setup`: its threads then open connections of their own to the
    shared in-memory database, and SQLite's table locks fail requests and the flush between
    tests with "database table is locked".
    """
    return live_server


class LiveServerGate:
    """Wraps the live server's WSGI application: one request at a time, and only during a test.

    Static files, which never touch the database, are served at once.

    With SQLite all threads share one connection (see `live_server`), so two requests at a time
    (Wagtail 8 autosaves while the preview panel refreshes) would interleave their
    transactions; the test's own ORM calls take the same lock. Between tests the gate is
    closed: a request that arrives late, such as the beacon Wagtail sends to release the editing
    session when a page closes, is answered 503 without touching the database being flushed.
    """

    def __init__(self, app):
        self.app = app
        self.lock = threading.RLock()
        self.open = False

    def __call__(self, environ, start_response):
        if environ.get("PATH_INFO", "").startswith(settings.STATIC_URL):
            return self.app(environ, start_response)  # static files: no database, in parallel
        with self.lock:
            if not self.open:
                start_response("503 Service Unavailable", [("Content-Type", "text/plain")])
                return [b"No test is running."]
            response = self.app(environ, start_response)
            try:
                return [b"".join(response)]  # the body too: a streamed body may query the DB
            finally:
                if hasattr(response, "close"):
                    response.close()  # sends request_finished inside the lock


@pytest.fixture(scope="module")
def live_server_gate(live_server):
    """The gate in front of the session's live server, for the tests of one module.

    Removed afterwards, so that live_server tests elsewhere find the server as pytest-django
    made it.
    """
    httpd = live_server.thread.httpd
    app = httpd.get_app()
    gate = LiveServerGate(app)
    httpd.set_app(gate)
    yield gate
    with gate.lock:
        httpd.set_app(app)


@pytest.fixture
def live_server_lock(live_server_gate):
    """Open the live server for this test; hold the lock around ORM calls made meanwhile."""
    with live_server_gate.lock:
        live_server_gate.open = True
    yield live_server_gate.lock
    with live_server_gate.lock:  # waits for the request in progress, if any
        live_server_gate.open = False


@pytest.fixture
def new_context(request, playwright_browser, live_server, live_server_lock):
    """A factory of fresh browser contexts (separate cookies) pointed at the live server.

    Contexts are traced; the traces and screenshots are written only when the test fails.
    """
    contexts = []

    def make(**options):
        options = {
            "base_url": live_server.url,
            "locale": "en-US",
            "viewport": {"width": 1400, "height": 1000},
            **options,
        }
        context = playwright_browser.new_context(**options)
        context.set_default_timeout(ACTION_TIMEOUT_MS)
        context.set_default_navigation_timeout(NAVIGATION_TIMEOUT_MS)
        context.tracing.start(screenshots=True, snapshots=True, sources=False)
        contexts.append(context)
        return context

    yield make

    failed = _test_failed(request.node)
    target = ARTIFACTS / re.sub(r"[^\w.-]+", "_", request.node.nodeid)
    for number, context in enumerate(contexts):
        try:
            if failed:
                if number == 0:
                    shutil.rmtree(target, ignore_errors=True)  # from an earlier failure
                target.mkdir(parents=True, exist_ok=True)
                for page_number, page in enumerate(context.pages):
                    page.screenshot(
                        path=target / f"context-{number}-page-{page_number}.png", full_page=True
                    )
                    (target / f"context-{number}-page-{page_number}.html").write_text(
                        page.content(), encoding="utf-8"
                    )
                context.tracing.stop(path=target / f"trace-{number}.zip")
            else:
                context.tracing.stop()
        finally:
            context.close()
    if failed:
        print(f"\nBrowser artifacts: {target}")


@pytest.fixture
def portal(live_server):
    """The content an editor starts from, created in the live server's database.

    A German home as the site root with its English translation, the five sections, the
    taxonomy, and a member of Wagtail's "Editors" group whose admin language is English.
    """
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group, Permission
    from wagtail.models import GroupPagePermission, Page
    from wagtail.users.models import UserProfile

    from tests import helpers

    de, en = helpers.make_locales()
    home = helpers.make_home()
    home_en = helpers.translate_page(home, en, title="Home", slug="home")
    sections = helpers.make_sections(home)
    taxonomy = helpers.make_taxonomy()

    # Wagtail's initial data migration creates "Editors" with add and edit rights on the root
    # page, but not publish: without it the editor could only submit for moderation.
    editors = Group.objects.get(name="Editors")
    GroupPagePermission.objects.get_or_create(
        group=editors,
        page=Page.get_first_root_node(),
        permission=Permission.objects.get(
            content_type__app_label="wagtailcore", codename="publish_page"
        ),
    )
    # Snippet choosers are open to every admin user; "view" lists the terms in the Taxonomy
    # menu, so editors can look up what they choose from.
    editors.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="pages",
            codename__in=[f"view_{model}" for model in TAXONOMY_MODELS],
        )
    )

    # No email address: the admin would fetch its Gravatar from the internet.
    editor = get_user_model().objects.create_user(
        EDITOR_USERNAME, "", EDITOR_PASSWORD, first_name="Eda"
    )
    editor.groups.add(editors)
    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = "en"  # stable selectors: LANGUAGE_CODE is "de"
    profile.save()

    return SimpleNamespace(
        locales=(de, en),
        home=home,
        home_en=home_en,
        sections=sections,
        taxonomy=taxonomy,
        editor=editor,
        username=EDITOR_USERNAME,
        password=EDITOR_PASSWORD,
    )
