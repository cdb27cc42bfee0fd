"""The default Site follows PORTAL_BASE_URL, so absolute links answer where the portal is served."""

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from wagtail.models import Site

from seo.addresses import parse_base_url

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("url", "address"),
    [
        ("http://127.0.0.1:8000", {"hostname": "127.0.0.1", "port": 8000}),
        ("https://portal.example.org", {"hostname": "portal.example.org", "port": 443}),
        ("https://portal.example.org/", {"hostname": "portal.example.org", "port": 443}),
        ("http://localhost", {"hostname": "localhost", "port": 80}),
    ],
)
def test_base_urls_give_the_sites_host_and_port(url, address):
    assert parse_base_url(url) == address


@pytest.mark.parametrize(
    "url",
    [
        "portal.example.org",
        "ftp://portal.example.org",
        "https://portal.example.org/de/",
        "https://portal.example.org?x=1",
        "https://portal.example.org:8443",  # a Site says https only on 443
        "http://portal.example.org:443",
        "http://user@portal.example.org",
        "http://portal.example.org:99999",
    ],
)
def test_other_urls_are_refused_with_a_message(url):
    with pytest.raises(ImproperlyConfigured, match="PORTAL_BASE_URL"):
        parse_base_url(url)


def test_migrate_moves_the_default_site_to_the_base_url(settings, home):
    settings.PORTAL_BASE_URL = "https://portal.example.org"
    call_command("migrate", verbosity=0)
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("portal.example.org", 443)
    assert home.get_full_url() == "https://portal.example.org/de/"


def test_without_a_base_url_migrate_leaves_the_site_alone(settings, home):
    settings.PORTAL_BASE_URL = None
    site = Site.objects.get(is_default_site=True)
    site.hostname, site.port = "set-by-hand.example.org", 8080
    site.save()
    call_command("migrate", verbosity=0)
    site.refresh_from_db()
    assert (site.hostname, site.port) == ("set-by-hand.example.org", 8080)


def test_api_html_url_follows_the_site(settings, client, home):
    settings.PORTAL_BASE_URL = "http://127.0.0.1:8000"
    call_command("migrate", verbosity=0)
    response = client.get(f"/api/v2/pages/{home.pk}/")
    assert response.json()["meta"]["html_url"] == "http://127.0.0.1:8000/de/"
