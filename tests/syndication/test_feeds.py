"""RSS 2.0 and Atom feeds of news and new good practices, per language, read by feedparser."""

import feedparser
import pytest

from tests.search.conftest import SECRET

pytestmark = pytest.mark.django_db


def parsed(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    assert SECRET not in response.content.decode()
    return response, feed


def test_english_news_feed(client, search_site):
    pages = search_site["pages"]
    response, feed = parsed(client, "/en/feeds/news.rss")
    assert response["Content-Type"] == "application/rss+xml; charset=utf-8"
    assert feed.version == "rss20"
    assert feed.feed.title == "Connective Cities: news"
    assert feed.feed.language == "en"
    assert feed.feed.link == "http://localhost" + search_site["sections_en"]["news"].url
    assert [entry.title for entry in feed.entries] == [
        "New partner cities against floods",
        "Flooding in Manila streets",
        "Hitzeaktionspläne in Städten",  # not translated: in German, and said so
    ]
    first, _streets, german = feed.entries
    assert first.link == "http://localhost" + pages["partners_en"].url
    assert first.id == f"urn:uuid:{pages['partners'].translation_key}"
    assert first.summary == "Partner cities share their experience."
    assert first.published == "Thu, 01 Aug 2024 00:00:00 +0200"
    assert german.summary == "In German: Schatten und Trinkbrunnen für heiße Sommer."
    assert german.link == "http://localhost" + pages["heat_plans"].url


def test_german_news_feed_in_atom(client, search_site):
    pages = search_site["pages"]
    response, feed = parsed(client, "/de/feeds/news.atom")
    assert response["Content-Type"] == "application/atom+xml; charset=utf-8"
    assert feed.version == "atom10"
    assert feed.feed.title == "Connective Cities: Aktuelles"
    assert [entry.title for entry in feed.entries] == [
        "Neue Partnerstädte gegen Hochwasser",
        "Flooding in Manila streets",
        "Hitzeaktionspläne in Städten",
    ]
    assert feed.entries[1].summary == (
        "Auf Englisch: Heavy rain flooded the streets of the capital."
    )
    # The same item has the same id in every language's feed.
    assert feed.entries[0].id == f"urn:uuid:{pages['partners'].translation_key}"
    assert [tag.term for tag in feed.entries[0].tags] == ["Hochwasserschutz"]


@pytest.mark.parametrize(
    ("url", "titles"),
    [
        (
            "/en/feeds/practices.rss",
            [
                "Clean buses in Bangkok",
                "Timber business park in Lörrach",
                "Flood protection in Accra",
                "Bürgerdienste in Chiang Mai",  # its English translation is not published
            ],
        ),
        (
            "/de/feeds/practices.atom",
            [
                "Mobilität mit Elektrobussen in Bangkok",
                "Holzgewerbegebiet Lörrach",  # the live title, not the draft's
                "Hochwasserschutz in Accra",
                "Bürgerdienste in Chiang Mai",
            ],
        ),
    ],
)
def test_practice_feeds_list_the_newest_findable_practices(client, search_site, url, titles):
    _response, feed = parsed(client, url)
    assert [entry.title for entry in feed.entries] == titles
    hidden = {page.title for page in search_site["hidden"].values()}
    assert not hidden & {entry.title for entry in feed.entries}


def test_feeds_in_a_language_without_the_section_link_home(client, search_site):
    search_site["sections_en"]["news"].unpublish()
    _response, feed = parsed(client, "/en/feeds/news.rss")
    assert feed.feed.link == "http://localhost" + search_site["sections"]["news"].url
