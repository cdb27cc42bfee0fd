"""Shared fixtures: the two locales, a German home with its English translation, sections, taxonomy."""

import pytest

from tests import helpers


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
