"""What pages tell search engines and the sites they are shared on: a canonical link with only
the parameters that define the page, hreflang links likewise, Open Graph and Twitter tags with
an image rendition, and JSON-LD with the properties Google requires, in both languages."""

import json

import pytest
from bs4 import BeautifulSoup
from wagtail.models import Site

from pages import factories
from tests.search.conftest import SECRET

pytestmark = pytest.mark.django_db

ROOT = "https://portal.example.org"


@pytest.fixture
def site(search_site):
    Site.objects.filter(is_default_site=True).update(hostname="portal.example.org", port=443)
    return search_site


def head(client, url, params=None):
    response = client.get(url, params or {})
    assert response.status_code == 200, url
    return BeautifulSoup(response.content, "html.parser")


def meta(soup, key):
    tag = soup.find("meta", attrs={"property": key}) or soup.find("meta", attrs={"name": key})
    return tag["content"] if tag else None


def canonical(soup):
    links = soup.find_all("link", rel="canonical")
    assert len(links) == 1
    return links[0]["href"]


def hreflangs(soup):
    return {
        link["hreflang"]: link["href"]
        for link in soup.find_all("link", rel="alternate", hreflang=True)
    }


def json_ld(soup):
    """{@type: object} of the page's JSON-LD blocks."""
    found = {}
    for script in soup.find_all("script", type="application/ld+json"):
        data = json.loads(script.string)
        assert data["@context"] == "https://schema.org"
        found[data["@type"]] = data
    return found


@pytest.mark.parametrize("key", ["manila", "manila_en"])
def test_event_pages_carry_event_and_breadcrumbs(client, site, key):
    page = site["pages"][key]
    soup = head(client, page.url)
    url = ROOT + page.url
    assert canonical(soup) == url
    data = json_ld(soup)
    event = data["Event"]
    assert event["name"] == page.title
    assert event["startDate"] == "2024-06-10"
    assert event["endDate"] == page.end_date.isoformat()
    assert event["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert event["eventStatus"] == "https://schema.org/EventScheduled"
    assert event["location"] == {
        "@type": "Place",
        "name": "Manila",
        "address": {"@type": "PostalAddress", "addressLocality": "Manila", "addressCountry": "PH"},
    }
    assert event["url"] == url
    assert event["inLanguage"] == key[-2:] if key.endswith("_en") else "de"
    assert event["image"] == [meta(soup, "og:image")]
    crumbs = data["BreadcrumbList"]["itemListElement"]
    assert [c["position"] for c in crumbs] == [1, 2, 3]
    assert crumbs[-1] == {"@type": "ListItem", "position": 3, "name": page.title, "item": url}
    assert crumbs[1]["item"] == ROOT + page.get_parent().url


def test_online_events_name_their_page_as_virtual_location(client, site):
    page = site["pages"]["webinar"]
    event = json_ld(head(client, page.url))["Event"]
    assert event["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    assert event["location"] == {"@type": "VirtualLocation", "url": ROOT + page.url}


def test_hybrid_events_have_both_places(client, site):
    page = factories.EventPageFactory(
        parent=site["sections"]["events"], title="Hybrid", city="Bonn", online=True
    )
    event = json_ld(head(client, page.url))["Event"]
    assert event["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    assert [place["@type"] for place in event["location"]] == ["Place", "VirtualLocation"]


@pytest.mark.parametrize("key", ["partners", "partners_en"])
def test_news_pages_carry_a_news_article(client, site, key):
    page = site["pages"][key]
    soup = head(client, page.url)
    article = json_ld(soup)["NewsArticle"]
    assert article["headline"] == page.title
    assert article["datePublished"] == "2024-08-01"
    # The German page was made live without publishing (no publication time): its date.
    modified = page.last_published_at.isoformat() if key.endswith("_en") else "2024-08-01"
    assert article["dateModified"] == modified
    assert article["author"] == [
        {"@type": "Organization", "name": "Connective Cities", "url": f"{ROOT}/"}
    ]
    assert article["publisher"]["logo"]["url"] == f"{ROOT}/static/images/logo.png"
    assert article["image"] == [meta(soup, "og:image")]
    assert article["mainEntityOfPage"] == ROOT + page.url
    assert meta(soup, "og:type") == "article"
    assert meta(soup, "article:published_time") == "2024-08-01"


@pytest.mark.parametrize(("path", "language"), [("/de/", "de"), ("/en/", "en")])
def test_home_pages_describe_the_organisation_and_its_search(client, site, path, language):
    soup = head(client, path)
    data = json_ld(soup)
    assert data["Organization"]["name"] == "Connective Cities"
    assert data["Organization"]["logo"] == f"{ROOT}/static/images/logo.png"
    action = data["WebSite"]["potentialAction"]
    assert action["target"]["urlTemplate"] == f"{ROOT}/{language}/search/?q={{search_term_string}}"
    assert action["query-input"] == "required name=search_term_string"
    assert "BreadcrumbList" not in data
    assert canonical(soup) == f"{ROOT}{path}"
    assert meta(soup, "og:locale") == {"de": "de_DE", "en": "en_GB"}[language]


def test_open_graph_and_twitter_cards_share_a_rendition_of_the_hero_image(client, site):
    page = site["pages"]["accra"]
    image = factories.PortalImageFactory(title="Drains in Accra")
    page.hero_image = image
    page.hero_alt_text = "Workers dig a drain"
    page.save_revision().publish()
    soup = head(client, page.url)
    rendition = image.get_rendition("fill-1200x630|format-jpeg|jpegquality-80")
    assert meta(soup, "og:image") == ROOT + rendition.url
    assert rendition.width == 1200  # Wagtail's fill rounds the height to 630 or 631
    size = (meta(soup, "og:image:width"), meta(soup, "og:image:height"))
    assert size == (str(rendition.width), str(rendition.height))
    assert meta(soup, "og:image:alt") == "Workers dig a drain"
    assert meta(soup, "twitter:card") == "summary_large_image"
    assert meta(soup, "twitter:image") == ROOT + rendition.url
    assert meta(soup, "og:title") == meta(soup, "twitter:title") == page.title
    assert meta(soup, "og:description") == page.teaser
    assert meta(soup, "og:url") == ROOT + page.url


def test_pages_without_an_image_share_the_portals_picture(client, site):
    soup = head(client, site["pages"]["bangkok"].url)
    assert meta(soup, "og:image") == f"{ROOT}/static/images/share.png"
    assert (meta(soup, "og:image:width"), meta(soup, "og:image:height")) == ("1200", "630")


def test_listing_links_keep_the_page_number_and_nothing_else(client, site):
    section = site["sections"]["news"]
    section_en = site["sections_en"]["news"]
    soup = head(client, section.url, {"page": "2", "utm_source": "newsletter", "category": "x"})
    assert canonical(soup) == f"{ROOT}{section.url}?page=2"
    assert hreflangs(soup) == {
        "de": f"{ROOT}{section.url}?page=2",
        "en": f"{ROOT}{section_en.url}?page=2",
        "x-default": f"{ROOT}{section.url}?page=2",
    }
    soup = head(client, section.url, {"category": "press", "page": "1"})
    assert canonical(soup) == f"{ROOT}{section.url}?category=press"


def test_search_links_keep_only_the_validated_search(client, site):
    soup = head(
        client,
        "/en/search/",
        {"q": "flood", "region": "asia", "utm_campaign": "x", "evil": '"><script>'},
    )
    assert canonical(soup) == f"{ROOT}/en/search/?q=flood&region=asia"
    assert hreflangs(soup) == {
        "de": "http://testserver/de/search/?q=flood&region=asia",
        "en": "http://testserver/en/search/?q=flood&region=asia",
        "x-default": "http://testserver/de/search/?q=flood&region=asia",
    }
    assert "evil" not in str(soup.head) and "utm_campaign" not in str(soup.head)


def test_feeds_are_announced_where_people_look_for_them(client, site):
    def announced(url):
        soup = head(client, url)
        return {
            (link["type"], link["href"])
            for link in soup.find_all("link", rel="alternate", type=True)
        }

    news = {
        ("application/rss+xml", "/en/feeds/news.rss"),
        ("application/atom+xml", "/en/feeds/news.atom"),
    }
    practices = {
        ("application/rss+xml", "/en/feeds/practices.rss"),
        ("application/atom+xml", "/en/feeds/practices.atom"),
    }
    calendar = {("text/calendar", "/en/calendar/events.ics")}
    assert announced("/en/") == news | practices | calendar
    assert announced(site["sections_en"]["news"].url) == news
    assert announced(site["pages"]["partners_en"].url) == news
    assert announced(site["sections_en"]["practices"].url) == practices
    assert announced(site["sections_en"]["events"].url) == calendar
    manila = site["pages"]["manila_en"]
    assert announced(manila.url) == calendar | {
        ("text/calendar", f"/en/calendar/events/{manila.pk}.ics")
    }
    assert announced(site["sections_en"]["publications"].url) == set()


def test_no_inline_script_but_data(client, site):
    soup = head(client, site["pages"]["manila_en"].url)
    scripts = soup.find_all("script")
    assert [s.get("src") for s in scripts if s.get("type") != "application/ld+json"] == [
        "/static/js/suggest.js"
    ]
    assert SECRET not in str(soup)


def test_json_ld_cannot_close_its_script_element(client, site):
    page = site["pages"]["bangkok_en"]
    page.title = "Buses </script><script>alert(1)</script>"
    page.save_revision().publish()
    response = client.get(page.url)
    text = response.content.decode()
    assert "</script><script>alert(1)" not in text
    breadcrumbs = json_ld(BeautifulSoup(text, "html.parser"))["BreadcrumbList"]
    assert breadcrumbs["itemListElement"][-1]["name"] == page.title
