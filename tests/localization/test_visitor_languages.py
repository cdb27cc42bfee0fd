"""Visitors and languages: the switcher, the 'only available in' page, hreflang, stale notes."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation as django_translation
from wagtail.models import PageViewRestriction
from wagtail_localize.models import StringSegment, StringTranslation, Translation
from wagtail_localize.operations import TranslationCreator

from pages import factories
from tests import helpers

pytestmark = pytest.mark.django_db


def published(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.fixture
def german(home, home_en):
    return published(factories.StandardPageFactory(parent=home, title="Über uns", slug="ueber-uns"))


def submit(page, locale, user):
    """Submit `page` for translation with wagtail-localize: a draft in `locale`."""
    TranslationCreator(user, [locale]).create_translations(page)
    return Translation.objects.get(source__object_id=page.translation_key, target_locale=locale)


def translate_and_publish(translation, **texts):
    for text, data in texts.items():
        segment = StringSegment.objects.select_related("string", "context").get(
            source=translation.source, string__data=text
        )
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            context=segment.context,
            locale=translation.target_locale,
            defaults={"data": data, "translation_type": "manual"},
        )
    # save_target(publish=True) publishes on commit, which tests never reach.
    translation.save_target(publish=False)
    target = translation.get_target_instance()
    target.get_latest_revision().publish()
    target.refresh_from_db()
    return target


def switcher(html):
    """{language code: href} of the language switcher."""
    nav = re.search(r'<nav class="language-switcher".*?</nav>', html, re.S).group(0)
    return {
        code: href for href, code in re.findall(r'<a href="([^"]+)" lang="(\w+)" hreflang', nav)
    }


def alternates(html):
    return dict(re.findall(r'<link rel="alternate" hreflang="([\w-]+)" href="([^"]+)">', html))


def test_switcher_links_to_the_live_translation(client, german, locales):
    english = helpers.translate_page(german, locales[1], title="About us", slug="about-us")
    html = client.get(german.url).content.decode()
    assert switcher(html) == {"de": german.url, "en": english.url}
    html = client.get(english.url).content.decode()
    assert switcher(html) == {"de": german.url, "en": english.url}


def test_hreflang_alternates_for_every_live_translation(client, german, locales):
    english = helpers.translate_page(german, locales[1], title="About us", slug="about-us")
    for page in (german, english):
        html = client.get(page.url).content.decode()
        assert alternates(html) == {
            "de": german.full_url,
            "en": english.full_url,
            "x-default": german.full_url,
        }


def test_hreflang_on_a_page_in_one_language(client, german):
    html = client.get(german.url).content.decode()
    assert german.full_url.startswith("http")
    assert alternates(html) == {"de": german.full_url, "x-default": german.full_url}


def test_hreflang_on_views(client, home, home_en):
    html = client.get("/en/search/").content.decode()
    assert alternates(html)["de"] == "http://testserver/de/search/"
    assert alternates(html)["en"] == "http://testserver/en/search/"


def test_missing_translation_leads_to_the_only_in_german_page(client, german):
    html = client.get(german.url).content.decode()
    link = switcher(html)["en"]
    assert link == f"/en/unavailable/{german.pk}/"
    assert "in dieser Sprache nicht verfügbar" in html  # the switcher says so (German page)

    response = client.get(link)
    assert response.status_code == 200
    body = response.content.decode()
    assert '<html lang="en"' in body
    assert "This content is only available in German" in body
    assert f'href="{german.url}"' in body
    assert '<meta name="robots" content="noindex">' in body
    assert response["X-Robots-Tag"] == "noindex"
    assert "[Translate" not in body
    assert 'hreflang="x-default"' not in body
    # Back to the English home page.
    assert 'href="/en/home/"' in body or 'href="/en/"' in body


def test_only_in_english_page_in_german(client, home, home_en):
    english_only = published(
        factories.StandardPageFactory(
            parent=home_en, title="Only English", slug="only-english", locale=home_en.locale
        )
    )
    html = client.get(english_only.url).content.decode()
    assert switcher(html)["de"] == f"/de/unavailable/{english_only.pk}/"
    response = client.get(f"/de/unavailable/{english_only.pk}/")
    assert response.status_code == 200
    body = response.content.decode()
    assert '<html lang="de"' in body
    with django_translation.override("de"):
        expected = django_translation.gettext("English")
    assert f"nur auf {expected} verfügbar" in body
    assert f'<a href="{english_only.url}" lang="en" hreflang="en">Only English</a>' in body


def test_draft_translation_counts_as_missing(client, german, locales, admin_user):
    translation = submit(german, locales[1], admin_user)
    draft = translation.get_target_instance()
    assert not draft.live
    html = client.get(german.url).content.decode()
    assert switcher(html)["en"] == f"/en/unavailable/{german.pk}/"
    assert "en" not in alternates(html)
    assert client.get(f"/en/unavailable/{german.pk}/").status_code == 200
    assert client.get(draft.url or f"/en/home/{draft.slug}/").status_code == 404


def test_unavailable_page_redirects_once_the_translation_is_live(client, german, locales):
    english = helpers.translate_page(german, locales[1], title="About us", slug="about-us")
    response = client.get(f"/en/unavailable/{german.pk}/")
    assert response.status_code == 302
    assert response["Location"] == english.url
    # In the page's own language, the page itself.
    assert client.get(f"/de/unavailable/{german.pk}/")["Location"] == german.url


def test_unavailable_page_404s_for_missing_draft_and_private_pages(client, home, home_en, german):
    assert client.get("/en/unavailable/999999/").status_code == 404
    draft = factories.StandardPageFactory(parent=home, title="Entwurf", slug="entwurf")
    draft.unpublish()
    assert client.get(f"/en/unavailable/{draft.pk}/").status_code == 404
    private = published(factories.StandardPageFactory(parent=home, title="Intern", slug="intern"))
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    assert client.get(f"/en/unavailable/{private.pk}/").status_code == 404
    assert client.get(f"/en/unavailable/{german.pk}/").status_code == 200


NOTE = "this translation may not reflect the latest changes"


def test_stale_note_after_the_source_is_republished(client, german, locales, admin_user):
    translation = submit(german, locales[1], admin_user)
    english = translate_and_publish(translation, **{"Über uns": "About us"})

    html = client.get(english.url).content.decode()
    assert NOTE not in html

    german.title = "Über Connective Cities"
    published(german)

    html = client.get(english.url).content.decode()
    assert NOTE in html
    note = re.search(r"<aside[^>]*data-stale-translation.*?</aside>", html, re.S).group(0)
    assert "The original German version of this page was updated on" in note
    assert f'href="{german.url}"' in note
    assert "<time datetime=" in note
    # The German source itself carries no note.
    assert NOTE not in client.get(german.url).content.decode()

    # Once synced again, the note goes.
    translation.source.update_from_db()
    assert NOTE not in client.get(english.url).content.decode()


def test_no_stale_note_once_sync_is_stopped(client, german, locales, admin_user):
    translation = submit(german, locales[1], admin_user)
    english = translate_and_publish(translation, **{"Über uns": "About us"})
    published(german)
    assert NOTE in client.get(english.url).content.decode()
    translation.enabled = False
    translation.save()
    assert NOTE not in client.get(english.url).content.decode()


def test_stale_note_in_german(client, home, home_en, locales, admin_user):
    english = published(
        factories.StandardPageFactory(
            parent=home_en, title="News in English", slug="news-en", locale=home_en.locale
        )
    )
    translation = submit(english, locales[0], admin_user)
    german = translate_and_publish(translation, **{"News in English": "Neues auf Englisch"})
    published(english)
    html = client.get(german.url).content.decode()
    assert '<html lang="de"' in html
    assert re.search(rf"data-stale-translation.*?href=\"{re.escape(english.url)}\"", html, re.S)


def test_query_count_does_not_grow_with_translations(client, home, home_en, locales, admin_user):
    lone = published(factories.StandardPageFactory(parent=home, title="Allein", slug="allein"))
    both = published(factories.StandardPageFactory(parent=home, title="Beide", slug="beide"))
    translation = submit(both, locales[1], admin_user)
    english = translate_and_publish(translation, **{"Beide": "Both"})
    published(both)  # the English one is stale now

    def count(url):
        client.get(url)  # warm caches
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    baseline = count(lone.url)
    assert count(english.url) <= baseline + 1
    assert count(both.url) <= baseline + 1
