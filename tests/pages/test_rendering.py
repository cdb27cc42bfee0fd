"""Every page type renders in German and English; listings cost the same queries at any size."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from pages import factories
from tests import helpers

# Factories date events from "today": upcoming, past and open calls are decided on one day.
pytestmark = [pytest.mark.django_db, pytest.mark.time_machine(helpers.NOW)]

ITEM_FACTORIES = {
    "events": factories.EventPageFactory,
    "practices": factories.GoodPracticePageFactory,
    "projects": factories.SupportedProjectPageFactory,
    "news": factories.NewsPageFactory,
    "publications": factories.PublicationPageFactory,
}


@pytest.fixture
def bilingual_site(home, home_en, sections, taxonomy, locales):
    """One item of every type with a full body, each published in German and English."""
    _de, en = locales
    translated_sections = {
        key: helpers.translate_page(section, en, title=f"{section.title} (en)", slug=f"{key}-en")
        for key, section in sections.items()
    }
    items = {}
    for key, factory in ITEM_FACTORIES.items():
        page = factory(
            parent=sections[key],
            title=f"Beispiel {key}",
            slug=f"beispiel-{key}",
            with_body=True,
            themes=[taxonomy["topic"]],
        )
        items[key] = (page, helpers.translate_page(page, en, title=f"Example {key}"))
    standard = factories.StandardPageFactory(parent=home, title="Über uns", slug="ueber-uns")
    items["standard"] = (standard, helpers.translate_page(standard, en, title="About us"))
    return {"sections": sections, "translated_sections": translated_sections, "items": items}


def test_every_page_type_renders_in_both_languages(client, bilingual_site):
    sections = bilingual_site["sections"]
    pages = [
        *[(section, "de") for section in sections.values()],
        *[(section, "en") for section in bilingual_site["translated_sections"].values()],
    ]
    for german, english in bilingual_site["items"].values():
        pages += [(german, "de"), (english, "en")]
    for page, lang in pages:
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        body = response.content.decode()
        assert f'<html lang="{lang}"' in body, page.url
        assert page.title in body, page.url


def test_event_page_shows_call_and_lineage(client, sections, taxonomy):
    event = factories.EventPageFactory(parent=sections["events"], with_call=True, slug="dialog")
    project = factories.SupportedProjectPageFactory(
        parent=sections["projects"], origin_event=event, title="Landnutzungsplan Amman"
    )
    practice = factories.GoodPracticePageFactory(
        parent=sections["practices"],
        title="Holzgewerbegebiet Lörrach",
        related_events=[event],
        related_projects=[project],
    )
    body = client.get(event.url).content.decode()
    assert project.title in body and practice.title in body
    assert event.call_deadline.year and "call" in body.lower()
    project_body = client.get(project.url).content.decode()
    assert event.title in project_body and practice.title in project_body
    practice_body = client.get(practice.url).content.decode()
    assert event.title in practice_body and project.title in practice_body


def index_query_count(client, url):
    client.get(url)  # the first visit makes image renditions; count a warm request
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize("key", list(ITEM_FACTORIES))
def test_index_queries_stay_constant_as_items_grow(client, sections, taxonomy, key):
    factory = ITEM_FACTORIES[key]
    extra = {"themes": [taxonomy["focal"], taxonomy["topic"]], "sdgs": [taxonomy["sdg"]]}
    for _ in range(2):
        factory(parent=sections[key], **extra)
    few = index_query_count(client, sections[key].url)
    for _ in range(8):
        factory(parent=sections[key], **extra)
    many = index_query_count(client, sections[key].url)
    assert many == few, f"{key}: {few} queries for 2 items, {many} for 10"


def test_home_queries_stay_constant(client, home, sections, taxonomy):
    def add_items(count):
        for _ in range(count):
            factories.EventPageFactory(parent=sections["events"], themes=[taxonomy["topic"]])
            factories.GoodPracticePageFactory(parent=sections["practices"])
            factories.NewsPageFactory(parent=sections["news"])

    add_items(1)
    few = index_query_count(client, home.url)
    add_items(5)
    assert index_query_count(client, home.url) == few


def test_event_index_splits_upcoming_past_and_open_calls(client, sections):
    upcoming = factories.EventPageFactory(parent=sections["events"], title="Kommt noch")
    past = factories.EventPageFactory(parent=sections["events"], title="War schon", past=True)
    call = factories.EventPageFactory(parent=sections["events"], title="Aufruf", with_call=True)
    context = client.get(sections["events"].url).context
    assert [page.pk for page in context["open_calls"]] == [call.pk]
    assert {page.pk for page in context["upcoming"]} == {upcoming.pk, call.pk}
    assert [page.pk for page in context["past"]] == [past.pk]


@pytest.mark.parametrize(
    "query", ["?page=abc", "?page=999", "?upcoming=-1&past=x", "?category=nope"]
)
def test_bad_listing_parameters_never_fail(client, sections, query):
    factories.EventPageFactory(parent=sections["events"])
    for section in sections.values():
        assert client.get(section.url + query).status_code == 200
