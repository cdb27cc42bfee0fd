"""Navigation, language versions, taxonomy names, footer and lineage come from the cache
(pages.content_cache): pages cost a bounded number of queries warm, and a change shows at once."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from footer.models import FooterSettings
from pages import factories
from tests import helpers

pytestmark = [pytest.mark.django_db, pytest.mark.time_machine(helpers.NOW)]

# Warm queries per page type (German; English pages may take one more, the translation look-up).
CEILINGS = {
    "home": 26,
    "events": 23,
    "practices": 16,
    "projects": 16,
    "news": 16,
    "publications": 16,
    "event": 19,
    "practice": 16,
    "project": 14,
    "news item": 15,
    "publication": 15,
    "standard": 15,
}
ITEMS = {
    "events": (factories.EventPageFactory, "event"),
    "practices": (factories.GoodPracticePageFactory, "practice"),
    "projects": (factories.SupportedProjectPageFactory, "project"),
    "news": (factories.NewsPageFactory, "news item"),
    "publications": (factories.PublicationPageFactory, "publication"),
}


def warm_queries(client, url):
    client.get(url)  # renditions are made and the cache filled on the first visit
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def add_items(sections, taxonomy, count):
    for key, (factory, _label) in ITEMS.items():
        for _ in range(count):
            factory(parent=sections[key], themes=[taxonomy["focal"], taxonomy["topic"]])


def test_every_page_type_stays_under_its_ceiling_as_content_grows(client, home, sections, taxonomy):
    details = {}
    for key, (factory, label) in ITEMS.items():
        details[label] = factory(parent=sections[key], with_body=True, themes=[taxonomy["topic"]])
    details["standard"] = factories.StandardPageFactory(parent=home, slug="ueber-uns")
    urls = {"home": home.url, **{k: s.url for k, s in sections.items()}}
    urls.update({label: page.url for label, page in details.items()})
    add_items(sections, taxonomy, 2)
    few = {label: warm_queries(client, url) for label, url in urls.items()}
    add_items(sections, taxonomy, 6)
    many = {label: warm_queries(client, url) for label, url in urls.items()}
    assert many == few
    over = {label: (few[label], CEILINGS[label]) for label in few if few[label] > CEILINGS[label]}
    assert not over, over


def test_navigation_shows_a_renamed_section_at_once(client, home, sections):
    events = sections["events"]
    events.show_in_menus = True
    events.save_revision().publish()
    assert ">Veranstaltungen</a>" in client.get(home.url).content.decode()
    events.title = "Termine"
    events.save_revision().publish()
    body = client.get(home.url).content.decode()
    assert ">Termine</a>" in body


def test_language_links_follow_a_new_translation(client, home, home_en, sections, locales):
    page = factories.StandardPageFactory(parent=home, title="Über uns", slug="ueber-uns")
    before = client.get(page.url).content.decode()
    assert 'hreflang="en" href="http' not in before
    english = helpers.translate_page(page, locales[1], title="About us", slug="about-us")
    after = client.get(page.url).content.decode()
    assert f'hreflang="en" href="http://localhost{english.url}"' in after


def test_lineage_shows_a_new_project_at_once(client, sections):
    event = factories.EventPageFactory(parent=sections["events"], slug="dialog")
    assert "Landnutzungsplan Amman" not in client.get(event.url).content.decode()
    factories.SupportedProjectPageFactory(
        parent=sections["projects"], origin_event=event, title="Landnutzungsplan Amman"
    )
    assert "Landnutzungsplan Amman" in client.get(event.url).content.decode()


def test_a_renamed_term_shows_at_once(client, sections, taxonomy):
    practice = factories.GoodPracticePageFactory(
        parent=sections["practices"], themes=[taxonomy["topic"]]
    )
    client.get(practice.url)
    topic = taxonomy["topic"]
    topic.name = "Kreislaufwirtschaft neu"
    topic.save()
    assert "Kreislaufwirtschaft neu" in client.get(sections["practices"].url).content.decode()


def test_the_footer_shows_a_new_contact_address_at_once(client, home):
    site = home.get_site()
    client.get(home.url)
    FooterSettings.objects.update_or_create(
        site=site, defaults={"contact_email": "neu@example.org"}
    )
    assert "neu@example.org" in client.get(home.url).content.decode()
