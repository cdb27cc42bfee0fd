"""A visitor finds an expert by theme in the directory and sends a message, in Chromium; the
message reaches the expert by mail and the page never shows the expert's address."""

import pytest
from django.core import mail
from django.core.cache import cache
from playwright.sync_api import expect

from community.models import ExpertContact, ExpertIndexPage, ExpertPage
from tests import helpers

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

ADDRESS = "ada.expert@example.org"


def expert(directory, taxonomy, title, email, themes):
    contact = ExpertContact.objects.create(
        name=title, email=email, language="de", consent_given_at=helpers.NOW
    )
    page = directory.add_child(
        instance=ExpertPage(
            title=title,
            teaser="Beispielprofil.",
            organisation="Stadt Karlsruhe",
            city="Karlsruhe",
            country=taxonomy["country"],
            contact=contact,
            languages=["de"],
            locale=directory.locale,
        )
    )
    page.themes.set(themes)
    page.save_revision().publish()
    return page


@pytest.fixture
def experts(portal, live_server_lock):
    with live_server_lock:
        directory = portal.home.add_child(
            instance=ExpertIndexPage(
                title="Expertinnen und Experten", slug="experten", locale=portal.home.locale
            )
        )
        taxonomy = portal.taxonomy
        expert(directory, taxonomy, "Ada Lovelace", ADDRESS, [taxonomy["topic"]])
        expert(directory, taxonomy, "Bo Wasser", "bo@example.org", [])
        cache.clear()  # rate limits
        mail.outbox = []


def test_a_visitor_finds_an_expert_by_theme_and_sends_a_message(experts, new_context):
    page = new_context(locale="de-DE").new_page()
    page.goto("/de/experten/")
    expect(page.locator(".card__title")).to_have_count(2)
    page.get_by_label("Thema").select_option("urban-mobility")
    page.get_by_role("button", name="Expert*innen anzeigen").click()
    expect(page).to_have_url("/de/experten/?theme=urban-mobility&region=&language=")
    expect(page.locator(".card__title")).to_have_text(["Ada Lovelace"])
    page.get_by_role("link", name="Ada Lovelace").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Ada Lovelace")
    page.get_by_role("link", name="Nachricht senden").click()
    page.get_by_label("Ihr Name").fill("Carla Visitor")
    page.get_by_label("Ihre E-Mail-Adresse").fill("carla@example.net")
    page.get_by_label("Betreff").fill("Busspuren")
    page.get_by_label("Ihre Nachricht").fill("Wie hat Karlsruhe seine Busspuren geplant?")
    page.get_by_label("Ich bin einverstanden").check()
    page.get_by_role("button", name="Nachricht senden").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Ihre Nachricht ist unterwegs")
    assert ADDRESS not in page.content()
    [message] = mail.outbox
    assert message.to == [ADDRESS]
    assert message.reply_to == ["carla@example.net"]
    assert "Wie hat Karlsruhe seine Busspuren geplant?" in message.body
