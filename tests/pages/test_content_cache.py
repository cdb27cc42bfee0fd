"""Routing, navigation, language versions, taxonomy names, listings, footer and lineage come
from the cache (pages.content_cache, pages.routing, pages.visibility): every public page costs
at most 12 queries warm, the same however much content there is, and a change shows at once."""

import datetime
import re

import pytest
import time_machine
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from community.models import ExpertContact, ExpertIndexPage, ExpertPage
from footer.models import FooterSettings
from pages import factories
from pages.models.news import NewsCategory
from tests import helpers

pytestmark = [pytest.mark.django_db, pytest.mark.time_machine(helpers.NOW)]

# The target of issue 11: no public page above 12 queries warm.
TARGET = 12
# Warm queries per page type in the tests' content, each at most TARGET: what the pages cost
# (route, what the page shows outside its cached article or content, the search's own
# statements), so that any new query per page shows up here. Pages: the page's own row; their
# article or content, a listing's cards, the empty forms are rendered fragments of the content
# cache (rows, relations and blocks load only when the fragment is stale).
CEILINGS = {
    "home": 1,
    "events": 1,
    "practices": 1,
    "projects": 1,
    "news": 1,
    "publications": 1,
    # The organisers in the head's metadata (seo), outside the article.
    "event": 2,
    "practice": 1,
    "project": 1,
    "news item": 1,
    "publication": 1,
    "standard": 1,
    "experts": 1,
    # Whether the contact still consents, asked at every request (community.models.experts).
    "expert": 2,
    "search": 2,
    # The database backend's own statements: SQLite's full-text look-ups, PostgreSQL's
    # transaction-local settings around its text query (see bench/README.md, Search).
    "search with words and facets": 12 if connection.vendor == "postgresql" else 8,
    "newsletter": 0,
    "proposal": 0,
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


def add_expert(directory, taxonomy, number):
    contact = ExpertContact.objects.create(
        name=f"Expertin {number}",
        email=f"expertin{number}@example.org",
        language="de",
        consent_given_at=helpers.NOW,
    )
    page = directory.add_child(
        instance=ExpertPage(
            title=f"Expertin {number}",
            city="Karlsruhe",
            country=taxonomy["country"],
            contact=contact,
            languages=["de"],
            locale=directory.locale,
        )
    )
    page.themes.set([taxonomy["focal"], taxonomy["topic"]])
    page.save_revision().publish()
    return page


def page_urls(home, sections, taxonomy):
    details = {}
    for key, (factory, label) in ITEMS.items():
        details[label] = factory(parent=sections[key], with_body=True, themes=[taxonomy["topic"]])
    details["standard"] = factories.StandardPageFactory(parent=home, slug="ueber-uns")
    directory = home.add_child(
        instance=ExpertIndexPage(title="Expertinnen und Experten", slug="experten")
    )
    details["experts"] = directory
    details["expert"] = add_expert(directory, taxonomy, 0)
    urls = {"home": home.url, **{k: s.url for k, s in sections.items()}}
    urls.update({label: page.url for label, page in details.items()})
    urls["search"] = "/de/search/"
    urls["search with words and facets"] = (
        f"/de/search/?q=Praxis&theme={taxonomy['topic'].slug}&type=practice&sort=date"
    )
    urls["newsletter"] = "/de/newsletter/"
    urls["proposal"] = "/de/propose-a-practice/"
    return urls, directory


def test_every_page_type_stays_under_its_ceiling_as_content_grows(client, home, sections, taxonomy):
    urls, directory = page_urls(home, sections, taxonomy)
    assert set(urls) == set(CEILINGS)
    add_items(sections, taxonomy, 2)
    few = {label: warm_queries(client, url) for label, url in urls.items()}
    add_items(sections, taxonomy, 6)
    for number in range(1, 7):
        add_expert(directory, taxonomy, number)
    many = {label: warm_queries(client, url) for label, url in urls.items()}
    assert many == few
    assert all(ceiling <= TARGET for ceiling in CEILINGS.values())
    over = {label: (few[label], CEILINGS[label]) for label in few if few[label] > CEILINGS[label]}
    assert not over, over


def test_english_pages_cost_what_german_ones_do(client, home, home_en, sections, locales):
    practice = factories.GoodPracticePageFactory(parent=sections["practices"], with_body=True)
    index_en = helpers.translate_page(sections["practices"], locales[1], slug="good-practices")
    practice_en = helpers.translate_page(practice, locales[1], slug="a-practice")
    assert warm_queries(client, home_en.url) == CEILINGS["home"]
    assert warm_queries(client, index_en.url) == CEILINGS["practices"]
    assert warm_queries(client, practice_en.url) == CEILINGS["practice"]


def test_a_changed_slug_routes_at_once(client, sections):
    practice = factories.GoodPracticePageFactory(parent=sections["practices"], slug="alt")
    old_url = practice.url
    assert client.get(old_url).status_code == 200
    practice.slug = "neu"
    practice.save_revision().publish()
    practice.refresh_from_db()
    assert client.get(old_url).status_code == 404
    assert client.get(practice.url).status_code == 200


def test_an_unpublished_page_is_gone_at_once(client, sections):
    practice = factories.GoodPracticePageFactory(parent=sections["practices"])
    url = practice.url
    assert client.get(url).status_code == 200
    practice.unpublish()
    assert client.get(url).status_code == 404
    assert practice.title not in client.get(sections["practices"].url).content.decode()


def test_an_unknown_path_is_routed_once_its_page_exists(client, sections):
    url = f"{sections['practices'].url}spaeter/"
    assert client.get(url).status_code == 404
    factories.GoodPracticePageFactory(parent=sections["practices"], slug="spaeter")
    assert client.get(url).status_code == 200


def test_a_new_privacy_rule_applies_at_once(client, home, sections):
    practice = factories.GoodPracticePageFactory(
        parent=sections["practices"], title="Vertraulicher Bericht"
    )
    assert client.get(practice.url).status_code == 200
    assert "Vertraulicher Bericht" in client.get(sections["practices"].url).content.decode()
    PageViewRestriction.objects.create(
        page=practice, restriction_type=PageViewRestriction.PASSWORD, password="geheim"
    )
    response = client.get(practice.url)
    assert response.status_code == 200
    assert 'name="password"' in response.content.decode()
    assert "Vertraulicher Bericht" not in client.get(sections["practices"].url).content.decode()


def test_the_home_page_shows_a_new_practice_at_once(client, home, sections):
    client.get(home.url)
    factories.GoodPracticePageFactory(parent=sections["practices"], title="Radkanal Bangkok")
    assert "Radkanal Bangkok" in client.get(home.url).content.decode()


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


def section_of(body, anchor):
    """The HTML of the event index's section `anchor` ("upcoming", "past")."""
    return body.split(f'id="{anchor}"', 1)[1].split("</section>", 1)[0]


def test_a_listing_shows_a_new_or_renamed_practice_at_once(client, sections):
    index = sections["practices"]
    first = factories.GoodPracticePageFactory(parent=index, title="Radkanal Bangkok")
    assert "Radkanal Bangkok" in client.get(index.url).content.decode()
    factories.GoodPracticePageFactory(parent=index, title="Schwammstadt Chennai")
    first.title = "Fahrradkanal Bangkok"
    first.save_revision().publish()
    body = client.get(index.url).content.decode()
    assert "Schwammstadt Chennai" in body
    assert "Fahrradkanal Bangkok" in body
    assert "Radkanal Bangkok" not in body


def test_listing_cards_are_kept_per_page_number(client, sections):
    index = sections["news"]
    for number in range(14):
        factories.NewsPageFactory(
            parent=index,
            title=f"Bericht {number:02d}",
            date=helpers.TODAY - datetime.timedelta(number),
        )
    first = client.get(index.url).content.decode()
    second = client.get(f"{index.url}?page=2").content.decode()
    assert "Bericht 00" in first and "Bericht 13" not in first
    assert "Bericht 13" in second and "Bericht 00" not in second
    # A page past the end shows the last one, from the same cached fragment.
    assert "Bericht 13" in client.get(f"{index.url}?page=9").content.decode()
    assert "Bericht 00" in client.get(index.url).content.decode()


def test_an_english_listing_shows_a_translation_once_published(client, home_en, sections, locales):
    practice = factories.GoodPracticePageFactory(parent=sections["practices"], title="Radkanal")
    index_en = helpers.translate_page(sections["practices"], locales[1], slug="good-practices")
    assert "Cycling canal" not in client.get(index_en.url).content.decode()
    english = helpers.translate_page(practice, locales[1], title="Cycling canal", slug="canal")
    assert "Cycling canal" in client.get(index_en.url).content.decode()
    english.unpublish()
    assert "Cycling canal" not in client.get(index_en.url).content.decode()


def test_an_event_moves_to_the_past_at_midnight_in_berlin(client, sections):
    index = sections["events"]
    factories.EventPageFactory(
        parent=index, title="Dialogforum Wasser", start_date=helpers.TODAY, end_date=helpers.TODAY
    )
    evening = datetime.datetime(2026, 6, 17, 23, 59, 30, tzinfo=helpers.BERLIN)
    with time_machine.travel(evening, tick=False):
        body = client.get(index.url).content.decode()
    assert "Dialogforum Wasser" in section_of(body, "upcoming")
    assert "Dialogforum Wasser" not in section_of(body, "past")
    # 40 seconds later, well within the content cache's lifetime: a new day, a new key.
    with time_machine.travel(evening + datetime.timedelta(seconds=40), tick=False):
        body = client.get(index.url).content.decode()
    assert "Dialogforum Wasser" not in section_of(body, "upcoming")
    assert "Dialogforum Wasser" in section_of(body, "past")


def nav_links(body):
    """{title: aria-current or ""} of the wide main navigation."""
    wide = body.split("main-nav__list--wide", 1)[1].split("</ul>", 1)[0]
    return {
        title: current
        for current, title in re.findall(
            r'<a href="[^"]*"(?: aria-current="(\w+)")?>([^<]*)</a>', wide
        )
    }


def footer_sections(body):
    return body.split('class="site-footer__links"', 1)[1].split("</ul>", 1)[0]


def test_navigation_marks_the_current_section_on_each_page(client, home, sections):
    practices = sections["practices"]
    practices.show_in_menus = True
    practices.save_revision().publish()
    practice = factories.GoodPracticePageFactory(parent=practices)
    for _ in range(2):  # the second round from the cached fragments
        assert nav_links(client.get(home.url).content.decode()) == {"Gute Praxis": ""}
        assert nav_links(client.get(practices.url).content.decode()) == {"Gute Praxis": "page"}
        assert nav_links(client.get(practice.url).content.decode()) == {"Gute Praxis": "true"}


def test_a_moved_or_unpublished_section_leaves_the_navigation_at_once(client, home, sections):
    about = factories.StandardPageFactory(parent=home, title="Über uns", show_in_menus=True)
    team = factories.StandardPageFactory(parent=home, title="Team", show_in_menus=True)
    body = client.get(home.url).content.decode()
    assert set(nav_links(body)) == {"Über uns", "Team"}
    assert ">Team</a>" in footer_sections(body)
    team.move(about, pos="last-child")
    body = client.get(home.url).content.decode()
    assert set(nav_links(body)) == {"Über uns"}
    assert ">Team</a>" not in footer_sections(body)
    about.unpublish()
    assert "main-nav__list--wide" not in client.get(home.url).content.decode()


def test_a_renamed_section_shows_in_the_footer_and_breadcrumbs_at_once(client, home, sections):
    practices = sections["practices"]
    practices.show_in_menus = True
    practices.save_revision().publish()
    practice = factories.GoodPracticePageFactory(parent=practices)
    body = client.get(practice.url).content.decode()
    assert ">Gute Praxis</a>" in footer_sections(body)
    assert ">Gute Praxis</a>" in body.split('class="breadcrumbs"', 1)[1]
    practices.title = "Praxisbeispiele"
    practices.save_revision().publish()
    body = client.get(practice.url).content.decode()
    assert ">Praxisbeispiele</a>" in footer_sections(body)
    assert ">Praxisbeispiele</a>" in body.split('class="breadcrumbs"', 1)[1]
    assert ">Gute Praxis</a>" not in body


def test_language_links_follow_an_unpublished_translation(client, home, home_en, locales):
    page = factories.StandardPageFactory(parent=home, title="Über uns", slug="ueber-uns")
    english = helpers.translate_page(page, locales[1], title="About us", slug="about-us")
    assert (
        f'hreflang="en" href="http://localhost{english.url}"'
        in client.get(page.url).content.decode()
    )
    english.unpublish()
    body = client.get(page.url).content.decode()
    assert 'hreflang="en" href="http' not in body
    assert f"/en/unavailable/{page.pk}/" in body


def test_language_links_keep_the_page_number_of_a_listing(client, home_en, sections, locales):
    index = sections["news"]
    for _ in range(13):
        factories.NewsPageFactory(parent=index)
    index_en = helpers.translate_page(index, locales[1], slug="news")
    first = client.get(index.url).content.decode()
    second = client.get(f"{index.url}?page=2").content.decode()
    assert f'hreflang="en" href="http://localhost{index_en.url}"' in first
    assert f'hreflang="en" href="http://localhost{index_en.url}?page=2"' in second


def test_the_empty_forms_show_a_renamed_country_and_theme_at_once(client, home, taxonomy):
    assert "Thailand" in client.get("/de/propose-a-practice/").content.decode()
    assert taxonomy["topic"].name in client.get("/de/newsletter/").content.decode()
    country, topic = taxonomy["country"], taxonomy["topic"]
    country.name = "Königreich Thailand"
    country.save()
    topic.name = "Kreislaufwirtschaft neu"
    topic.save()
    proposal = client.get("/de/propose-a-practice/").content.decode()
    assert "Königreich Thailand" in proposal
    assert "Kreislaufwirtschaft neu" in proposal
    assert "Kreislaufwirtschaft neu" in client.get("/de/newsletter/").content.decode()


def test_the_cached_empty_form_gets_a_csrf_token_and_the_upload_settings(client, home, taxonomy):
    client.get("/de/propose-a-practice/")
    body = client.get("/de/propose-a-practice/").content.decode()
    assert 'name="csrfmiddlewaretoken"' in body
    with override_settings(WAGTAILIMAGES_EXTENSIONS=["png"]):
        body = client.get("/de/propose-a-practice/").content.decode()
    assert "(png," in body


def test_a_form_with_errors_is_never_answered_from_the_cache(client, home, taxonomy):
    client.get("/de/newsletter/")
    response = client.post("/de/newsletter/", {"email": "keine-adresse"})
    assert response.status_code == 400
    assert 'value="keine-adresse"' in response.content.decode()
    assert 'value="keine-adresse"' not in client.get("/de/newsletter/").content.decode()


def test_a_new_newsletter_issue_shows_at_once(client, home, sections):
    client.get(home.url)
    client.get("/de/newsletter/")
    factories.NewsPageFactory(
        parent=sections["news"], category=NewsCategory.NEWSLETTER, title="Newsletter Juni 2026"
    )
    assert "Newsletter Juni 2026" in client.get(home.url).content.decode()
    assert "Newsletter Juni 2026" in client.get("/de/newsletter/").content.decode()


def test_a_published_change_to_a_page_shows_at_once(client, home, sections, taxonomy):
    practice = factories.GoodPracticePageFactory(
        parent=sections["practices"], teaser="Erster Text", themes=[taxonomy["topic"]]
    )
    body = client.get(practice.url).content.decode()
    assert "Erster Text" in body
    assert taxonomy["topic"].name in body
    practice.teaser = "Zweiter Text"
    practice.save_revision().publish()
    assert "Zweiter Text" in client.get(practice.url).content.decode()
    topic = taxonomy["topic"]
    topic.name = "Kreislaufwirtschaft neu"
    topic.save()
    assert "Kreislaufwirtschaft neu" in client.get(practice.url).content.decode()


def test_an_event_page_turns_past_at_midnight_in_berlin(client, sections):
    event = factories.EventPageFactory(
        parent=sections["events"], start_date=helpers.TODAY, end_date=helpers.TODAY
    )
    evening = datetime.datetime(2026, 6, 17, 23, 59, 30, tzinfo=helpers.BERLIN)
    with time_machine.travel(evening, tick=False):
        assert "Vergangene Veranstaltung" not in client.get(event.url).content.decode()
    with time_machine.travel(evening + datetime.timedelta(seconds=40), tick=False):
        assert "Vergangene Veranstaltung" in client.get(event.url).content.decode()


def test_a_preview_shows_the_draft_and_never_fills_the_cache(client, home, sections):
    page = factories.StandardPageFactory(parent=home, teaser="Veröffentlicht")
    # The host of the site, as the preview's request has it: the same fragment key.
    host = page.get_site().hostname
    assert (
        '<p class="lead">Veröffentlicht</p>'
        in client.get(page.url, HTTP_HOST=host).content.decode()
    )
    page.teaser = "Entwurf"
    # The article shows the draft (not only the head's description).
    assert '<p class="lead">Entwurf</p>' in page.make_preview_request().content.decode()
    body = client.get(page.url, HTTP_HOST=host).content.decode()
    assert '<p class="lead">Veröffentlicht</p>' in body
    assert "Entwurf" not in body
