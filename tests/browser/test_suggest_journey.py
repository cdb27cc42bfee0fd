"""Suggestions while typing, in a real browser: a visitor types the start of a title into the
header's search box, picks a suggestion with the keyboard and lands on the page; without
JavaScript the same box is a plain search form."""

import re

import pytest
from playwright.sync_api import expect

from pages import factories
from search.backends.database import DatabaseBackend
from search.documents import documents_for_pages, searchable_pages
from tests import helpers
from tests.search.conftest import published

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def practices(portal, live_server_lock):
    _de, en = portal.locales
    with live_server_lock:
        helpers.translate_page(
            portal.sections["practices"], en, title="Good practices", slug="good-practices"
        )
        pages = {}
        for german, english in [
            ("Saubere Busse in Bangkok", "Clean buses in Bangkok"),
            ("Sauberes Wasser in Accra", "Clean water in Accra"),
            ("Radwege in Chiang Mai", "Cycle lanes in Chiang Mai"),
        ]:
            page = published(
                factories.GoodPracticePageFactory(
                    parent=portal.sections["practices"],
                    title=german,
                    country=portal.taxonomy["country"],
                )
            )
            pages[english] = helpers.translate_page(page, en, title=english)
        documents = documents_for_pages(searchable_pages().select_related("locale").specific())
        DatabaseBackend().rebuild(documents)
    return pages


def test_visitor_picks_a_suggestion_with_the_keyboard(practices, new_context, live_server_lock):
    page = new_context().new_page()
    page.goto("/en/")
    box = page.get_by_role("combobox", name="Search the portal")
    expect(box).to_have_attribute("aria-expanded", "false")
    box.press_sequentially("clean", delay=30)
    listbox = page.get_by_role("listbox", name="Suggestions")
    expect(listbox).to_be_visible()
    options = listbox.get_by_role("option")
    expect(options).to_have_count(2)
    # Shorter titles first.
    expect(options.nth(0)).to_contain_text("Clean water in Accra")
    expect(options.nth(1)).to_contain_text("Clean buses in Bangkok")
    expect(box).to_have_attribute("aria-expanded", "true")
    expect(page.get_by_role("status")).to_have_text(re.compile(r"^2 suggestions\."))

    box.press("ArrowDown")
    box.press("ArrowDown")
    expect(options.nth(1)).to_have_attribute("aria-selected", "true")
    expect(box).to_have_attribute("aria-activedescendant", options.nth(1).get_attribute("id"))
    box.press("ArrowUp")
    expect(options.nth(0)).to_have_attribute("aria-selected", "true")
    box.press("Escape")
    expect(listbox).to_be_hidden()
    expect(box).to_have_attribute("aria-expanded", "false")
    expect(box).to_have_value("clean")

    box.press("ArrowDown")  # opens the list again on the first suggestion
    expect(options.nth(0)).to_have_attribute("aria-selected", "true")
    box.press("ArrowDown")
    box.press("Enter")
    page.wait_for_url(re.compile(r"/en/good-practices/"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Clean buses in Bangkok")


def test_enter_without_a_chosen_suggestion_searches(practices, new_context, live_server_lock):
    page = new_context().new_page()
    page.goto("/de/")
    box = page.get_by_role("combobox", name="Portal durchsuchen")
    box.press_sequentially("sauber", delay=30)
    expect(page.get_by_role("listbox", name="Vorschläge").get_by_role("option")).to_have_count(2)
    box.press("Enter")
    page.wait_for_url(re.compile(r"/de/search/\?q=sauber$"))
    expect(page.locator("#results-title")).to_have_text("2 Ergebnisse für „sauber“")


def test_without_javascript_the_box_is_a_search_form(practices, new_context, live_server_lock):
    page = new_context(java_script_enabled=False).new_page()
    page.goto("/en/")
    box = page.get_by_role("searchbox", name="Search the portal")
    box.fill("clean")
    box.press("Enter")
    page.wait_for_url(re.compile(r"/en/search/\?q=clean$"))
    expect(page.locator(".search-hit")).to_have_count(2)
