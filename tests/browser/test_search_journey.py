"""A visitor's search in a real browser: from the header's search box on /en/ to filters by
region and theme, whose counts must stay true, to a practice, and on to the German search with
the same filters selected. No JavaScript is needed: the filters are a GET form."""

import re

import pytest
from playwright.sync_api import Page, expect

from pages import factories
from pages.models import Country, Region
from search.backends.database import DatabaseBackend
from search.documents import documents_for_pages, searchable_pages
from tests import helpers
from tests.search.conftest import published, translated_term

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

WORD = "transport"


@pytest.fixture
def practices(portal, live_server_lock):
    """Four practices mentioning WORD, in German and English, in three regions, indexed.

    Asia: Bangkok (topic "urban mobility") and Chiang Mai (its focal theme, "municipal
    services"); Europe: Freiburg (urban mobility); Africa: Accra (municipal services).
    """
    de, en = portal.locales
    taxonomy = portal.taxonomy
    with live_server_lock:
        translated_term(taxonomy["region"], en, "Asia")
        translated_term(taxonomy["focal"], en, "Municipal services")
        translated_term(taxonomy["topic"], en, "Urban mobility")
        countries = {"th": taxonomy["country"]}
        for slug, region, english, code, country in [
            ("europe", "Europa", "Europe", "de", "Deutschland"),
            ("africa", "Afrika", "Africa", "gh", "Ghana"),
        ]:
            term = Region.objects.create(name=region, slug=slug, locale=de)
            translated_term(term, en, english)
            countries[code] = Country.objects.create(
                name=country, slug=code, region=term, locale=de
            )
        section_en = helpers.translate_page(
            portal.sections["practices"], en, title="Good practices", slug="good-practices"
        )
        pages = {}
        for german, english, code, theme in [
            ("Saubere Busse in Bangkok", "Clean buses in Bangkok", "th", "topic"),
            ("Radwege in Chiang Mai", "Cycle lanes in Chiang Mai", "th", "focal"),
            ("Straßenbahn in Freiburg", "Trams in Freiburg", "de", "topic"),
            ("Sammeltaxis in Accra", "Shared taxis in Accra", "gh", "focal"),
        ]:
            page = published(
                factories.GoodPracticePageFactory(
                    parent=portal.sections["practices"],
                    title=german,
                    teaser=f"Besserer {WORD} für alle.",
                    country=countries[code],
                    themes=[taxonomy[theme]],
                )
            )
            pages[english] = helpers.translate_page(
                page, en, title=english, teaser=f"Better {WORD} for everyone."
            )
        assert all(p.get_parent().pk == section_en.pk for p in pages.values())
        documents = documents_for_pages(searchable_pages().select_related("locale").specific())
        DatabaseBackend().rebuild(documents)
    return pages


def facet_value(page: Page, facet, label):
    """The checkbox of a facet value, and the count its label shows."""
    box = page.get_by_role("group", name=facet).get_by_role(
        "checkbox", name=re.compile(rf"^{re.escape(label)} \(\d+\)$")
    )
    text = page.locator(f'label[for="{box.get_attribute("id")}"]').inner_text()
    return box, int(re.search(r"\((\d+)\)$", text).group(1))


def shown_total(page: Page):
    return int(re.match(r"\d+", page.locator("#results-title").inner_text()).group())


def expect_results(page: Page, count):
    """The heading's total, the cards shown, and the count of every single selected value
    agree: the counts say what choosing a value gives."""
    expect(page.locator(".search-hit")).to_have_count(count)
    assert shown_total(page) == count
    for box in page.locator("fieldset input[type=checkbox]:checked").all():
        label = page.locator(f'label[for="{box.get_attribute("id")}"]').inner_text()
        same_facet = page.locator(f'fieldset input[name="{box.get_attribute("name")}"]:checked')
        if same_facet.count() == 1:
            assert int(re.search(r"\((\d+)\)$", label).group(1)) == count, label


def test_visitor_filters_by_region_and_theme_and_keeps_them_in_german(
    practices, new_context, live_server_lock
):
    page = new_context().new_page()
    page.goto("/en/")
    page.get_by_role("combobox", name="Search the portal").fill(WORD)
    page.get_by_role("combobox", name="Search the portal").press("Enter")
    page.wait_for_url(re.compile(rf"/en/search/\?q={WORD}$"))
    expect(page.locator("#results-title")).to_have_text(f"4 results for “{WORD}”")
    expect_results(page, 4)

    asia, asia_count = facet_value(page, "Region", "Asia")
    assert asia_count == 2
    asia.check()
    page.get_by_role("button", name="Apply filters").click()
    page.wait_for_url(re.compile(r"region=asia"))
    expect_results(page, asia_count)
    # Choosing Asia leaves the other regions' counts visible and true.
    assert facet_value(page, "Region", "Europe")[1] == 1
    assert facet_value(page, "Region", "Africa")[1] == 1
    expect(page.get_by_role("link", name="Remove filter Region: Asia")).to_be_visible()

    mobility, mobility_count = facet_value(page, "Theme", "Urban mobility")
    assert mobility_count == 1  # in Asia, only Bangkok's buses
    assert facet_value(page, "Theme", "Municipal services")[1] == 2  # the topic's focal theme
    mobility.check()
    page.get_by_role("button", name="Apply filters").click()
    page.wait_for_url(re.compile(r"theme=urban-mobility"))
    expect_results(page, mobility_count)
    expect(page.locator("#results-title")).to_have_text(f"1 result for “{WORD}”")
    assert facet_value(page, "Region", "Europe")[1] == 1  # Freiburg's trams
    search_url = page.url

    page.get_by_role("link", name="Clean buses in Bangkok").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Clean buses in Bangkok")
    page.get_by_role("navigation", name="Language").get_by_role("link", name="Deutsch").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Saubere Busse in Bangkok")
    assert "/de/" in page.url

    page.go_back()
    page.go_back()
    page.wait_for_url(search_url)
    page.get_by_role("navigation", name="Language").get_by_role("link", name="Deutsch").click()
    page.wait_for_url(re.compile(r"/de/search/\?"))
    expect(page.locator("html")).to_have_attribute("lang", "de")
    expect(page.get_by_role("searchbox", name="Suchbegriff")).to_have_value(WORD)
    asia_de, count_de = facet_value(page, "Region", "Asien")
    expect(asia_de).to_be_checked()
    assert count_de == 1
    expect(facet_value(page, "Thema", "Städtische Mobilität")[0]).to_be_checked()
    expect_results(page, 1)

    page.get_by_role("link", name="Saubere Busse in Bangkok").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Saubere Busse in Bangkok")
