"""The page cache for anonymous visitors (pages.page_cache): a second visit costs no query,
and every change visitors may see (publish, unpublish, a translation, a snippet) empties it."""

import socket

import pytest
from django.core.cache import cache
from wagtail.models import PageViewRestriction

from pages import factories
from pages.page_cache import HEADER
from tests import helpers

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 60
    cache.clear()
    yield
    cache.clear()


def visit(client, path):
    response = client.get(path)
    assert response.status_code == 200, path
    return response


def test_a_second_anonymous_visit_is_answered_from_the_cache(
    client, home, sections, django_assert_num_queries
):
    first = visit(client, "/de/")
    assert first[HEADER] == "miss"
    with django_assert_num_queries(0):
        second = visit(client, "/de/")
    assert second[HEADER] == "hit"
    assert second.content == first.content
    assert second["Content-Language"] == "de"
    # Each address is a page of its own (the query string included).
    assert visit(client, "/de/?page=2")[HEADER] == "miss"


def test_publishing_empties_the_cache(client, home, sections):
    visit(client, sections["news"].url)
    assert visit(client, sections["news"].url)[HEADER] == "hit"
    news = factories.NewsPageFactory(parent=sections["news"], live=False, title="Neue Brücke")
    news.save_revision().publish()
    response = visit(client, sections["news"].url)
    assert response[HEADER] == "miss"
    assert "Neue Brücke" in response.content.decode()

    news.refresh_from_db()
    news.unpublish()
    response = visit(client, sections["news"].url)
    assert response[HEADER] == "miss"
    assert "Neue Brücke" not in response.content.decode()


def test_a_new_translation_empties_the_cache(client, home, sections, locales):
    _de, en = locales
    unavailable = "diese Seite ist in dieser Sprache nicht verfügbar"
    assert unavailable in visit(client, "/de/").content.decode()
    assert visit(client, "/de/")[HEADER] == "hit"
    helpers.translate_page(home, en, title="Home", slug="home")
    response = visit(client, "/de/")
    assert response[HEADER] == "miss"
    assert unavailable not in response.content.decode()
    assert '<link rel="alternate" hreflang="en"' in response.content.decode()


def test_a_snippet_change_empties_the_cache(client, home, sections, taxonomy):
    practice = factories.GoodPracticePageFactory(
        parent=sections["practices"], country=taxonomy["country"]
    )
    visit(client, practice.url)
    assert visit(client, practice.url)[HEADER] == "hit"
    country = taxonomy["country"]
    country.name = "Thailand (Königreich)"
    country.save()
    response = visit(client, practice.url)
    assert response[HEADER] == "miss"
    assert "Thailand (Königreich)" in response.content.decode()


def test_editors_and_unlocked_visitors_always_get_a_fresh_page(client, home, sections, admin_user):
    visit(client, "/de/")
    client.force_login(admin_user)
    assert HEADER not in visit(client, "/de/")
    assert HEADER not in visit(client, "/de/")


def test_private_pages_are_never_stored(client, home, sections):
    page = sections["news"]
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="geheim"
    )
    for _ in range(2):
        response = client.get(page.url)
        assert HEADER not in response
        assert 'name="password"' in response.content.decode()


def test_only_pages_are_stored(client, home):
    assert HEADER not in client.get("/api/v2/pages/")
    assert HEADER not in client.get("/de/gibt-es-nicht/")
    assert HEADER not in client.get("/robots.txt")


def redis_reachable():
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=0.5).close()
        return True
    except OSError:
        return False


@pytest.mark.skipif(not redis_reachable(), reason="needs Redis on 127.0.0.1:6379")
def test_the_cache_is_shared_through_redis(client, settings, home, sections):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:6379/11",
            "KEY_PREFIX": "ccportal-test",
        }
    }
    cache.clear()
    try:
        assert visit(client, "/de/")[HEADER] == "miss"
        assert visit(client, "/de/")[HEADER] == "hit"
        sections["news"].save_revision().publish()
        assert visit(client, "/de/")[HEADER] == "miss"
    finally:
        cache.clear()


def test_a_footer_change_empties_the_cache(client, home):
    from wagtail.models import Site

    from footer.models import FooterSettings

    visit(client, "/de/")
    assert visit(client, "/de/")[HEADER] == "hit"
    footer = FooterSettings.for_site(Site.objects.get(is_default_site=True))
    footer.accessibility_feedback_email = "barrieren@example.org"
    footer.save()
    response = visit(client, "/de/")
    assert response[HEADER] == "miss"
    assert "mailto:barrieren@example.org" in response.content.decode()


def test_a_caching_proxy_is_told_to_purge_a_published_page(settings, home, sections):
    """Wagtail's frontend cache invalidation (FRONTEND_CACHE_URL): an HTTP PURGE of the page's
    address reaches the proxy when the page is published."""
    import http.server
    import threading

    purged = []

    class Proxy(http.server.BaseHTTPRequestHandler):
        def do_PURGE(self):
            purged.append((self.headers["Host"], self.path))
            self.send_response(200)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Proxy)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.WAGTAILFRONTENDCACHE = {
        "proxy": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": f"http://127.0.0.1:{server.server_address[1]}",
        }
    }
    try:
        news = factories.NewsPageFactory(parent=sections["news"], live=False, slug="bruecke")
        news.save_revision().publish()
    finally:
        server.shutdown()
        server.server_close()
    assert ("localhost", "/de/aktuelles/bruecke/") in purged
