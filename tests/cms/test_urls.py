"""Public URLs: language redirect, styled 404s in the visitor's language, the API."""

import pytest

pytestmark = pytest.mark.django_db


def test_root_redirects_by_browser_language(client, home, home_en):
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9").url == "/en/"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="de-DE").url == "/de/"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="fr-FR").url == "/de/"
    assert client.get("/").url == "/de/"


def test_home_pages_answer_in_both_languages(client, home, home_en):
    de = client.get("/de/")
    en = client.get("/en/")
    assert de.status_code == en.status_code == 200
    assert '<html lang="de"' in de.content.decode()
    assert '<html lang="en"' in en.content.decode()


@pytest.mark.parametrize(
    ("path", "lang"), [("/en/no-such-page/", "en"), ("/de/gibt-es-nicht/", "de")]
)
def test_unknown_urls_get_a_styled_404_in_the_visitors_language(client, home, home_en, path, lang):
    response = client.get(path)
    assert response.status_code == 404
    body = response.content.decode()
    assert f'<html lang="{lang}"' in body
    assert "portal.css" in body


def test_unprefixed_unknown_url_is_sent_to_a_language(client, home):
    response = client.get("/no-such-page/", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 302
    assert client.get(response.url).status_code == 404


@pytest.mark.parametrize(
    "path", ["/api/v2/pages/99999/", "/api/v2/nothing/", "/documents/9999/x.pdf"]
)
def test_machine_facing_urls_answer_their_own_404(client, home, path):
    # Django's LocaleMiddleware would redirect these to /de/..., which Wagtail also "resolves".
    response = client.get(path)
    assert response.status_code == 404
    assert "Location" not in response.headers


def test_api_lists_pages_by_type_and_locale(client, home, home_en, sections):
    response = client.get("/api/v2/pages/", {"type": "pages.HomePage", "locale": "en"})
    assert response.status_code == 200
    items = response.json()["items"]
    assert [item["title"] for item in items] == ["Home"]
    german = client.get("/api/v2/pages/", {"type": "pages.EventIndexPage", "locale": "de"}).json()
    assert german["meta"]["total_count"] == 1


def test_api_hides_private_pages(client, home, sections):
    from wagtail.models import PageViewRestriction

    PageViewRestriction.objects.create(
        page=sections["events"], restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    response = client.get("/api/v2/pages/", {"type": "pages.EventIndexPage"})
    assert response.json()["meta"]["total_count"] == 0


def test_api_images_and_documents_answer(client):
    assert client.get("/api/v2/images/").status_code == 200
    assert client.get("/api/v2/documents/").status_code == 200


def test_sitemap(client, home, sections):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert "/de/" in response.content.decode()
