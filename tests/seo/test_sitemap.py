"""/sitemap.xml: every findable page of both languages with its language versions, an index
of files once it is large; /robots.txt names it and keeps crawlers out of admin, API and
parameterised searches."""

import xml.etree.ElementTree as ET

import pytest
from wagtail.models import Site

from search.documents import findable_pages
from seo.sitemap import PortalSitemap
from tests.search.conftest import SECRET

pytestmark = pytest.mark.django_db

NS = {
    "s": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "xhtml": "http://www.w3.org/1999/xhtml",
}
ROOT = "https://portal.example.org"


@pytest.fixture
def served(search_site):
    """The Site at the address the portal is served at."""
    Site.objects.filter(is_default_site=True).update(hostname="portal.example.org", port=443)
    return search_site


def entries(content):
    """{loc: {hreflang: href}} of a urlset."""
    root = ET.fromstring(content)  # noqa: S314 - our own response
    assert root.tag == f"{{{NS['s']}}}urlset"
    found = {}
    for url in root.findall("s:url", NS):
        loc = url.find("s:loc", NS).text
        assert loc not in found
        found[loc] = {
            link.get("hreflang"): link.get("href") for link in url.findall("xhtml:link", NS)
        }
    return found


def url_of(page):
    return ROOT + page.url


def test_lists_every_findable_page_of_both_languages_on_the_sites_address(client, served):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/xml"
    listed = entries(response.content)
    expected = {ROOT + page.get_url() for page in findable_pages().filter(depth__gt=1)}
    assert set(listed) == expected
    pages = served["pages"]
    for key in ("accra", "accra_en", "manila_streets", "heat_plans", "business_guide"):
        assert url_of(pages[key]) in listed
    assert any("/en/" in loc for loc in listed) and any("/de/" in loc for loc in listed)
    assert SECRET not in response.content.decode()
    for hidden in served["hidden"].values():
        assert not any(loc.endswith(hidden.url_path.split("/", 2)[-1]) for loc in listed)
    assert not any("/intern/" in loc for loc in listed)  # the private section and below


def test_translations_name_each_other_and_the_german_default(client, served):
    listed = entries(client.get("/sitemap.xml").content)
    pages = served["pages"]
    alternates = {
        "de": url_of(pages["accra"]),
        "en": url_of(pages["accra_en"]),
        "x-default": url_of(pages["accra"]),
    }
    assert listed[url_of(pages["accra"])] == alternates
    assert listed[url_of(pages["accra_en"])] == alternates


def test_pages_in_one_language_have_no_alternates(client, served):
    listed = entries(client.get("/sitemap.xml").content)
    pages = served["pages"]
    assert listed[url_of(pages["manila_streets"])] == {}  # English only
    # Chiang Mai's English translation is not published: it is no alternate.
    assert listed[url_of(pages["chiang_mai"])] == {}


def test_a_large_sitemap_becomes_an_index_of_files(client, served, monkeypatch):
    monkeypatch.setattr(PortalSitemap, "limit", 10)
    total = findable_pages().filter(depth__gt=1).count()
    response = client.get("/sitemap.xml")
    root = ET.fromstring(response.content)  # noqa: S314
    assert root.tag == f"{{{NS['s']}}}sitemapindex"
    files = [loc.text for loc in root.findall("s:sitemap/s:loc", NS)]
    assert len(files) == -(-total // 10) > 1
    assert files[0] == "http://testserver/sitemap-pages.xml"
    assert files[1] == "http://testserver/sitemap-pages.xml?p=2"
    listed = {}
    for number in range(1, len(files) + 1):
        part = client.get("/sitemap-pages.xml", {"p": number})
        assert part.status_code == 200
        listed.update(entries(part.content))
    assert set(listed) == {ROOT + page.get_url() for page in findable_pages().filter(depth__gt=1)}


def test_unknown_sitemap_files_are_not_found(client, served):
    assert client.get("/sitemap-other.xml").status_code == 404
    assert client.get("/sitemap-pages.xml", {"p": "99"}).status_code == 404
    assert client.get("/sitemap.xml", {"p": "x"}).status_code == 404


def test_robots_txt_names_the_sitemap_and_keeps_crawlers_out(client, served):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response.content.decode() == (
        "User-agent: *\n"
        "Disallow: /admin/\n"
        "Disallow: /api/\n"
        "Disallow: /de/search/?\n"
        "Disallow: /en/search/?\n"
        "\n"
        "Sitemap: https://portal.example.org/sitemap.xml\n"
    )
