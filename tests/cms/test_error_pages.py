"""The portal's own 404 and 500 pages, with DEBUG off (production) and on (`make run`)."""

import logging

import pytest

from pages.models import HomePage

pytestmark = pytest.mark.django_db

DEBUG = pytest.mark.parametrize("debug", [False, True], ids=["production", "debug"])


@DEBUG
@pytest.mark.parametrize(
    ("path", "lang", "heading"),
    [
        ("/de/gibt-es-nicht/", "de", "Seite nicht gefunden"),
        ("/en/no-such-page/", "en", "Page not found"),
    ],
)
def test_unknown_pages_get_the_portals_404(
    client, settings, home, home_en, debug, path, lang, heading
):
    settings.DEBUG = debug
    response = client.get(path)
    assert response.status_code == 404
    body = response.content.decode()
    assert f'<html lang="{lang}"' in body
    assert f"<h1>{heading}</h1>" in body
    assert "portal.css" in body
    assert "URLconf" not in body  # Django's technical page lists the URL patterns


@DEBUG
def test_unresolvable_paths_get_the_portals_404_too(client, settings, home, debug):
    settings.DEBUG = debug
    response = client.get("/api/v2/nothing/")
    assert response.status_code == 404
    body = response.content.decode()
    assert "<h1>Seite nicht gefunden</h1>" in body
    assert "URLconf" not in body


@DEBUG
def test_unprefixed_unknown_path_still_redirects_to_a_language(client, settings, home, debug):
    settings.DEBUG = debug
    response = client.get("/no-such-page/", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 302
    assert response.url == "/en/no-such-page/"


@DEBUG
def test_a_failing_page_gets_the_portals_500(
    client, settings, home, home_en, monkeypatch, caplog, debug
):
    settings.DEBUG = debug

    def fail(self, request, *args, **kwargs):
        raise RuntimeError("the database went away")

    monkeypatch.setattr(HomePage, "serve", fail)
    client.raise_request_exception = False
    with caplog.at_level(logging.ERROR, logger="django.request"):
        response = client.get("/en/")
    assert response.status_code == 500
    body = response.content.decode()
    assert '<html lang="en"' in body
    assert "<h1>Something went wrong</h1>" in body
    assert "Traceback" not in body and "the database went away" not in body
    # The developer still sees what failed, on the console.
    [record] = [r for r in caplog.records if r.exc_info]
    assert record.getMessage() == "Internal Server Error: /en/"
    assert record.exc_info[1].args == ("the database went away",)
