"""The visitor's search page at /<lang>/search/: facets, chips, cards, paging, notices, no 500."""

import dataclasses
from collections import Counter
from urllib.parse import parse_qsl, urlsplit

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext

from pages import factories
from pages.models import Country, Region
from search import bitmaps
from search.backends.database import DatabaseBackend
from search.contract import SearchQuery
from search.documents import documents_for_pages, searchable_pages
from tests import helpers
from tests.search.conftest import built_for_module, published, translated_term

pytestmark = pytest.mark.django_db

HOSTILE = [
    '"clean buses"',
    "buses AND bangkok OR NOT flood NEAR(x, y)",
    "bus* ?lörr~ title:bangkok -flood +buses",
    "(bangkok) [buses] {flood}",
    "🚌 buses 🌊",
    "bus\x00es\x07",
    "<script>alert(1)</script>",
    "' OR 1=1 --",
    "x" * 10_000,
    "Bangkok " * 2_000,
]


def index_site():
    pages = searchable_pages().select_related("locale").specific()
    DatabaseBackend().rebuild(documents_for_pages(pages))


def build_site():
    """Four items in German (three translated into English, one German only), indexed.

    Asia: the Bangkok practice (topic "urban mobility"), the Chiang Mai practice (German only,
    focal theme "municipal services") and the event; Europe: the Lörrach practice (focal theme).
    """
    de, en = helpers.make_locales()
    home = helpers.make_home()
    helpers.translate_page(home, en, title="Home", slug="home")
    sections = helpers.make_sections(home)
    taxonomy = helpers.make_taxonomy()
    europe = Region.objects.create(name="Europa", slug="europe", locale=de, sort_order=2)
    germany = Country.objects.create(name="Deutschland", slug="de", region=europe, locale=de)
    translated_term(taxonomy["region"], en, "Asia")
    translated_term(taxonomy["topic"], en, "Urban mobility")
    translated_term(taxonomy["focal"], en, "Municipal services")
    practices_en = helpers.translate_page(sections["practices"], en, title="Good practices")
    events_en = helpers.translate_page(sections["events"], en, title="Events")
    assert practices_en.live and events_en.live

    def practice(title, country, theme, teaser, english=None):
        page = published(
            factories.GoodPracticePageFactory(
                parent=sections["practices"],
                title=title,
                country=country,
                themes=[theme],
                teaser=teaser,
            )
        )
        if english:
            helpers.translate_page(page, en, title=english[0], teaser=english[1])
        return page

    site = {
        "bangkok": practice(
            "Saubere Busse in Bangkok",
            taxonomy["country"],
            taxonomy["topic"],
            "Elektrischer Transport für Bangkok.",
            ("Clean buses in Bangkok", "Electric transport for Bangkok."),
        ),
        "loerrach": practice(
            "Hochwasserschutz in Lörrach",
            germany,
            taxonomy["focal"],
            "Wie Lörrach sich vor Hochwasser schützt.",
            ("Flood protection in Lörrach", "How Lörrach protects itself from floods."),
        ),
        "chiang_mai": practice(
            "Radwege in Chiang Mai",
            taxonomy["country"],
            taxonomy["focal"],
            "Sicherer Transport mit dem Rad in Chiang Mai.",
        ),
    }
    event = published(
        factories.EventPageFactory(
            parent=sections["events"],
            title="Dialog zu städtischer Mobilität",
            country=taxonomy["country"],
            themes=[taxonomy["topic"]],
            teaser="Kommunen tauschen sich über Busse und Bahnen aus.",
        )
    )
    site["event"] = helpers.translate_page(event, en, title="Dialogue on urban mobility")
    index_site()
    return {**site, "sections": sections, "taxonomy": taxonomy}


@pytest.fixture(scope="module")
def site(django_db_setup, django_db_blocker):
    yield from built_for_module(django_db_blocker, build_site)


def soup(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


def facet_counts(page, name):
    """{value: (label text, checked)} of one facet's checkboxes."""
    return {
        box["value"]: (
            page.find("label", attrs={"for": box["id"]}).get_text(" ", strip=True),
            box.has_attr("checked"),
        )
        for box in page.select(f'fieldset input[type=checkbox][name="{name}"]')
    }


def hit_titles(page):
    return [a.get_text(strip=True) for a in page.select(".search-hit .card__title a")]


def params_of(href):
    return Counter(parse_qsl(urlsplit(href).query))


def test_renders_every_facet_with_counts_and_the_theme_hierarchy(client, site):
    response = client.get("/en/search/")
    assert response.status_code == 200
    page = soup(response)
    legends = [legend.get_text(strip=True) for legend in page.select("fieldset > legend")]
    assert legends == ["Region", "Theme", "Country", "Type", "Year"]
    assert facet_counts(page, "region") == {
        "asia": ("Asia (3)", False),
        "europe": ("Europa (1)", False),
    }
    assert facet_counts(page, "type")["practice"] == ("Good practice (3)", False)
    focal = page.find("input", attrs={"name": "theme", "value": "municipal-services"})
    topics = focal.find_parent("li").select(".facet__children input")
    assert [box["value"] for box in topics] == ["urban-mobility"]
    assert facet_counts(page, "theme") == {
        "municipal-services": ("Municipal services (4)", False),
        "urban-mobility": ("Urban mobility (2)", False),
    }
    # Every checkbox belongs to the GET form, which has a submit button.
    form = page.find("form", id="search-form")
    assert form["method"] == "get" and form.find("button", attrs={"type": "submit"})
    assert all(box["form"] == "search-form" for box in page.select("fieldset input"))
    assert page.select_one('[aria-live="polite"] #results-title').get_text() == "4 results"


def test_selected_values_are_checked_and_counts_stay_disjunctive(client, site):
    page = soup(client.get("/en/search/", {"region": "asia", "theme": "urban-mobility"}))
    # Other regions keep the count a click would give: Europe with this theme has none.
    assert facet_counts(page, "region") == {"asia": ("Asia (2)", True)}
    assert facet_counts(page, "theme")["urban-mobility"] == ("Urban mobility (2)", True)
    assert sorted(hit_titles(page)) == ["Clean buses in Bangkok", "Dialogue on urban mobility"]


def test_each_chip_removes_exactly_one_value(client, site):
    url = "/en/search/?q=bangkok&region=asia&region=europe&theme=urban-mobility&sort=date"
    page = soup(client.get(url))
    chips = page.select(".active-filters a.chip--remove")
    assert [chip.get_text(" ", strip=True) for chip in chips] == [
        "Remove filter Region: Asia ✕",
        "Remove filter Region: Europa ✕",
        "Remove filter Theme: Urban mobility ✕",
    ]
    everything = params_of(url)
    removed = [everything - params_of(chip["href"]) for chip in chips]
    assert removed == [
        Counter({("region", "asia"): 1}),
        Counter({("region", "europe"): 1}),
        Counter({("theme", "urban-mobility"): 1}),
    ]
    assert all(not params_of(chip["href"]) - everything for chip in chips)
    clear = page.select_one(".active-filters__clear")["href"]
    assert params_of(clear) == Counter({("q", "bangkok"): 1, ("sort", "date"): 1})


def test_pagination_keeps_every_parameter(client, site):
    taxonomy = site["taxonomy"]
    for number in range(11):
        published(
            factories.GoodPracticePageFactory(
                parent=site["sections"]["practices"],
                title=f"Pilotprojekt {number}",
                country=taxonomy["country"],
                themes=[taxonomy["topic"]],
            )
        )
    index_site()
    params = {"q": "Pilotprojekt", "region": "asia", "type": "practice", "sort": "date"}
    response = client.get("/de/search/", params)
    page = soup(response)
    assert len(hit_titles(page)) == 10
    assert page.select_one("#results-title").get_text() == "11 Ergebnisse für „Pilotprojekt“"
    next_link = page.select_one('.pagination a[rel="next"]')["href"]
    assert params_of(next_link) == Counter({**dict.fromkeys(params.items(), 1), ("page", "2"): 1})
    second = soup(client.get("/de/search/" + next_link.split("#")[0]))
    assert hit_titles(second) == ["Pilotprojekt 0"]  # date sort: the oldest last
    assert params_of(second.select_one('.pagination a[rel="prev"]')["href"])[("page", "1")] == 1


def test_the_page_costs_the_same_queries_for_one_hit_or_ten(client, site):
    taxonomy = site["taxonomy"]
    for number in range(10):
        published(
            factories.GoodPracticePageFactory(
                parent=site["sections"]["practices"],
                title=f"Pilotprojekt {number}",
                country=taxonomy["country"],
                themes=[taxonomy["topic"]],
            )
        )
    index_site()
    bitmaps.current()  # loaded once per index change, not per search
    counts = []
    for text in ["Bangkok", "Pilotprojekt"]:
        client.get("/de/search/", {"q": text, "region": "asia"})  # fills pages.content_cache
        with CaptureQueriesContext(connection) as queries:
            response = client.get("/de/search/", {"q": text, "region": "asia"})
        counts.append((len(soup(response).select(".search-hit")), len(queries)))
    (one, few), (ten, many) = counts
    assert (one, ten) == (1, 10)
    assert few == many


def test_items_missing_in_the_visitors_language_show_once_with_a_language_badge(client, site):
    page = soup(client.get("/en/search/", {"q": "Chiang Mai"}))
    (hit,) = page.select(".search-hit")
    title = hit.select_one(".card__title")
    assert title["lang"] == "de" and title.get_text(strip=True) == "Radwege in Chiang Mai"
    badge = hit.select_one(".badge--language")
    assert badge.get_text(" ", strip=True) == "In German (DE)"
    assert badge.select_one("[lang=de]")
    assert hit.select_one(".search-hit__snippet")["lang"] == "de"
    assert hit.select_one(".card__type").get_text() == "Good practice"
    assert "Asia" in hit.select_one(".card__place").get_text()
    # Translated items carry no badge.
    page = soup(client.get("/en/search/", {"q": "Bangkok"}))
    assert hit_titles(page) == ["Clean buses in Bangkok"]
    assert not page.select(".badge--language")
    assert page.select_one(".search-hit__snippet mark").get_text() == "Bangkok"


def test_empty_results_suggest_removing_each_filter(client, site):
    response = client.get("/en/search/", {"q": "flood", "region": "asia", "type": "event"})
    assert response.status_code == 200
    page = soup(response)
    empty = page.select_one(".search-empty")
    assert "Nothing matches these filters." in empty.get_text()
    links = {a.get_text(strip=True): a["href"] for a in empty.select("li a")}
    assert set(links) == {"Remove “Region: Asia”", "Remove “Type: Event”"}
    # Without the region, the Lörrach practice would still not be an event: the links say so
    # by leading to exactly one filter less.
    assert params_of(links["Remove “Type: Event”"]) == Counter(
        {("q", "flood"): 1, ("region", "asia"): 1}
    )
    clear = empty.select_one("a.button")
    assert clear.get_text(strip=True) == "Search for “flood” without filters"
    assert hit_titles(soup(client.get(clear["href"]))) == ["Flood protection in Lörrach"]


def test_nothing_found_without_filters_says_how_to_search(client, site):
    page = soup(client.get("/en/search/", {"q": "zeppelin"}))
    assert page.select_one("#results-title").get_text() == "0 results for “zeppelin”"
    assert "Check the spelling" in page.select_one(".search-empty").get_text()
    assert not page.select(".search-empty li")


BAD_PARAMETERS = [
    ({"region": ["asia", "atlantis"]}, 400),
    ({"theme": "no-such-theme"}, 400),
    ({"year": "20x5"}, 400),
    ({"sort": "best"}, 400),
    ({"page": "abc"}, 400),
    ({"page": "0"}, 400),
    ({"page": "-1"}, 400),
    ({"page": "99999"}, 400),
    ({"page": "5"}, 404),  # past the end
]


def test_a_bad_parameter_is_left_out_with_a_notice(client, site, subtests):
    for params, status in BAD_PARAMETERS:
        with subtests.test(params=params):
            response = client.get("/en/search/", {"q": "Bangkok", "type": "practice", **params})
            assert response.status_code == status
            page = soup(response)
            notice = page.select_one(".notice--error")
            assert notice and "could not be used" in notice.get_text()
            assert page.find("input", id="search-q")["value"] == "Bangkok"
            # The rest of the search still answers, and its links drop the bad parameter.
            assert hit_titles(page) == ["Clean buses in Bangkok"]
            (chip,) = page.select(".active-filters a.chip--remove")
            assert params_of(chip["href"]) == Counter({("q", "Bangkok"): 1})


def test_a_page_beyond_an_empty_result_is_no_error(client, site):
    response = client.get("/en/search/", {"q": "zeppelin", "page": "5"})
    assert response.status_code in (200, 404)
    assert soup(response).select_one(".search-empty")


def test_several_bad_parameters_are_all_named(client, site):
    response = client.get("/de/search/", {"type": "spaceship", "page": "x", "region": "asia"})
    assert response.status_code == 400
    messages = [li.get_text() for li in soup(response).select(".notice--error li")]
    assert len(messages) == 2
    assert facet_counts(soup(response), "region")["asia"][1] is True


def test_hostile_text_is_only_text(client, site, subtests):
    for text in HOSTILE:
        with subtests.test(text=text[:40]):
            response = client.get("/en/search/", {"q": text, "region": "asia"})
            assert response.status_code == 200
            assert "<script>alert" not in response.content.decode()
            # The form shows the words searched for: control characters gone, cut to length.
            shown = soup(response).find("input", id="search-q")["value"]
            words = " ".join(text.replace("\x00", " ").replace("\x07", " ").split())
            assert shown and len(shown) <= 200 and words.startswith(shown)


def test_hostile_words_still_find_what_they_name(client, site):
    page = soup(client.get("/en/search/", {"q": '"clean buses" AND (Bangkok)*'}))
    assert hit_titles(page) == ["Clean buses in Bangkok"]


def test_the_query_parameters_of_links_name_text_filters_sort_and_page():
    query = SearchQuery.build(
        "en", text="flood", filters={"region": ["europe", "asia"]}, sort="date", page=3
    )
    assert query.params() == [
        ("q", "flood"),
        ("region", "asia"),
        ("region", "europe"),
        ("sort", "date"),
        ("page", "3"),
    ]
    assert SearchQuery.build("en").params() == []


def test_search_pages_with_parameters_are_not_indexed(client, site):
    assert 'name="robots"' not in client.get("/en/search/").content.decode()
    page = soup(client.get("/en/search/", {"q": "Bangkok"}))
    assert page.find("meta", attrs={"name": "robots"})["content"] == "noindex"


def test_language_switcher_keeps_the_search(client, site):
    page = soup(client.get("/en/search/", {"q": "Bangkok", "region": "asia"}))
    german = page.select_one('.language-switcher a[lang="de"]')["href"]
    assert german == "/de/search/?q=Bangkok&region=asia"
    page = soup(client.get(german))
    assert facet_counts(page, "region")["asia"] == ("Asien (1)", True)
    assert hit_titles(page) == ["Saubere Busse in Bangkok"]


def test_result_notices_are_shown(client, site, monkeypatch):
    from search import views
    from search.service import run

    def run_with_notice(query):
        return dataclasses.replace(run(query), notices=("Simpler mode today.",))

    monkeypatch.setattr(views, "run", run_with_notice)
    assert "Simpler mode today." in soup(client.get("/en/search/")).select_one(".notice").get_text()


def test_index_pages_link_into_the_search_with_their_type(client, site):
    links = {"practices": "practice", "events": "event", "projects": "project"}
    for index, type_key in links.items():
        page = soup(client.get(site["sections"][index].url))
        assert page.find("a", href=f"/de/search/?type={type_key}"), index
