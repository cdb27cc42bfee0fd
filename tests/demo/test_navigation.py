"""Finding one's way around the demo site: from each home page, following links reaches every
live page of that language, through the main menu, the home page's blocks, breadcrumbs and the
footer (not through search). On the way, no page says the same thing twice in its headings.

The demo content is seeded once for this module (`demo_content`), inside a transaction rolled
back at its end.
"""

from itertools import pairwise
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest
import time_machine
from bs4 import BeautifulSoup
from wagtail.models import Page, Site

from tests import helpers

pytestmark = pytest.mark.django_db

# Not navigation: search results, feeds, calendars, downloads and the admin.
NOT_FOLLOWED = ("/search/", "/feeds/", "/calendar/", "/data/", "/admin/", "/documents/")


def page_links(html, language):
    """The same-language page links of an HTML page, without fragments and filters."""
    found = set()
    for anchor in BeautifulSoup(html, "html.parser").find_all("a", href=True):
        parts = urlsplit(anchor["href"])
        if parts.scheme or parts.netloc or not parts.path.startswith(f"/{language}/"):
            continue
        if any(part in parts.path for part in NOT_FOLLOWED):
            continue
        page_number = parse_qs(parts.query).get("page")  # listings page through their items
        query = f"?{urlencode({'page': page_number[0]})}" if page_number else ""
        found.add(parts.path + query)
    return found


def repeated_headings(html):
    """Headings (h1, h2) of the main content that repeat another one, or that only narrow the
    heading of the same level before them ("Documentation" after "Documentation and
    results"; an h2 "Objective" under the h1 "Objective and services" is a section of it)."""
    main = BeautifulSoup(html, "html.parser").find("main")
    headings = [(h.name, h.get_text(" ", strip=True)) for h in main.find_all(["h1", "h2"])]
    texts = [text for _level, text in headings]
    repeated = [text for number, text in enumerate(texts) if text in texts[:number]]
    repeated += [
        f"{before} / {after}"
        for (level, before), (next_level, after) in pairwise(headings)
        if level == next_level and (before.startswith(after) or after.startswith(before))
    ]
    return repeated


def crawl(client, language):
    """Every address reached from /<language>/ by following links, with its status; and the
    repeated headings of each page (see `repeated_headings`)."""
    seen, queue, statuses, repeats = set(), [f"/{language}/"], {}, {}
    while queue:
        url = queue.pop()
        if url in seen:
            continue
        seen.add(url)
        response = client.get(url)
        statuses[url] = response.status_code
        if response.status_code == 200 and response["Content-Type"].startswith("text/html"):
            html = response.content.decode()
            queue.extend(page_links(html, language) - seen)
            if repeated := repeated_headings(html):
                repeats[url] = repeated
    return statuses, repeats


@pytest.mark.parametrize("language", ["de", "en"])
def test_every_live_page_is_reached_from_the_home_page(client, demo_content, language):
    site = Site.objects.get(is_default_site=True)
    expected = {
        page.get_url_parts()[2]
        for page in Page.objects.live().public().filter(locale__language_code=language)
        if page.get_url_parts() and page.get_url_parts()[0] == site.pk
    }
    assert len(expected) > 35  # the home page, 9 sections and pages, and their items
    with time_machine.travel(helpers.NOW):
        statuses, repeats = crawl(client, language)
    reached = {url for url, status in statuses.items() if status == 200}
    print(f"\n{language}: {len(reached & expected)} of {len(expected)} live pages reached")
    assert expected - reached == set()
    assert {url: status for url, status in statuses.items() if status != 200} == {}
    assert repeats == {}
