"""Shared fixtures: the two locales, a German home with its English translation, sections, taxonomy."""

import datetime
import io
import os
from types import SimpleNamespace

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings

from tests import helpers

if os.environ.get("MUTATION_DB_TEMPLATE"):
    from tests import mutation_scope

    @pytest.fixture(scope="session")
    def django_db_setup(django_db_blocker):
        """`make mutation`: each session's copy of the database migrated once, used as it is."""
        yield from mutation_scope.template_database()


def pytest_addoption(parser):
    parser.addoption(
        "--moved-clock",
        action="store_true",
        help="make test-clock: leave out the tests whose clock time-machine sets (a time_machine "
        "marker): they start from the same instant whatever the system clock says",
    )


def pytest_collection_modifyitems(config, items):
    if not config.getoption("--moved-clock"):
        return
    frozen = [item for item in items if item.get_closest_marker("time_machine")]
    if frozen:
        config.hook.pytest_deselected(items=frozen)
        items[:] = [item for item in items if not item.get_closest_marker("time_machine")]


def pytest_report_header(config):
    """The clock the run starts with (CI moves it with faketime): UTC and the site's Berlin."""
    now = datetime.datetime.now(datetime.UTC)
    berlin = now.astimezone(helpers.BERLIN)
    return f"clock: {now:%Y-%m-%d %H:%M:%S} UTC, {berlin:%Y-%m-%d %H:%M:%S %Z} in Berlin"


@pytest.fixture(autouse=True)
def _empty_cache():
    """Every test starts with an empty cache: rolled-back rows leave no cached navigation,
    language versions or fragments (pages.content_cache) behind for the next test."""
    from django.core.cache import cache

    from pages import content_cache

    cache.clear()
    content_cache.forget()


@pytest.fixture
def locales(db):
    return helpers.make_locales()


@pytest.fixture
def home(locales):
    return helpers.make_home()


@pytest.fixture
def home_en(home, locales):
    return helpers.translate_page(home, locales[1], title="Home", slug="home")


@pytest.fixture
def sections(home):
    return helpers.make_sections(home)


@pytest.fixture
def taxonomy(locales):
    return helpers.make_taxonomy()


@pytest.fixture(scope="module")
def demo_content(django_db_setup, django_db_blocker, tmp_path_factory):
    """seed_demo's content (without users: test settings have DEBUG off), seeded once for the
    module that asks for it, on helpers.NOW (the demo dates are relative to the day it runs),
    inside a transaction rolled back at the module's end. Yields what seed_demo printed and the
    mails it sent."""
    media = tmp_path_factory.mktemp("media")
    with (
        time_machine.travel(helpers.NOW),
        django_db_blocker.unblock(),
        override_settings(MEDIA_ROOT=str(media)),
        transaction.atomic(),
    ):
        mail.outbox = []
        output = io.StringIO()
        call_command("seed_demo", stdout=output, no_users=True)
        yield SimpleNamespace(output=output.getvalue(), mail=list(mail.outbox))
        transaction.set_rollback(True)
