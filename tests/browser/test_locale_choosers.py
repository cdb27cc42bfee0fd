"""Related pages in a real browser: Wagtail's page chooser lists only the page's language.

An editor opens a German good practice, adds a related event with the chooser (which shows the
German events only), saves, and chooses a German project's origin event the same way.
"""

import datetime
import re

import pytest
from playwright.sync_api import expect

from tests import helpers
from tests.browser.test_editor_journey import field, log_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

WATER = "Dialog Wasser und Abwasser in wachsenden Städten des Maghreb"


def make_lineage(portal):
    from pages.factories import (
        EventPageFactory,
        GoodPracticePageFactory,
        SupportedProjectPageFactory,
    )

    _de, en = portal.locales
    sections = portal.sections
    events_en = helpers.translate_page(sections["events"], en, title="Events", slug="events")
    dates = {"start_date": datetime.date(2030, 3, 12), "end_date": datetime.date(2030, 3, 14)}
    country = portal.taxonomy["country"]
    water = EventPageFactory(parent=sections["events"], title=WATER, country=country, **dates)
    waste = EventPageFactory(
        parent=sections["events"], title="Werkstatt Abfall", country=country, **dates
    )
    helpers.translate_page(water, en, title="Water dialogue", slug="water-dialogue")
    EventPageFactory(parent=events_en, title="Heat summit", locale=en, country=country, **dates)
    practice = GoodPracticePageFactory(
        parent=sections["practices"],
        title="Lörracher Quartiere",
        country=country,
        related_events=[waste],
    )
    project = SupportedProjectPageFactory(
        parent=sections["projects"], title="Kläranlage Sousse", country=country
    )
    return water, waste, practice, project


def test_an_editor_chooses_related_pages_of_the_pages_language(
    portal, new_context, live_server_lock
):
    from pages.models import GoodPracticePage, SupportedProjectPage

    with live_server_lock:
        water, waste, practice, project = make_lineage(portal)
    page = new_context().new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    log_in(page, portal.username, portal.password)

    page.goto(f"/admin/pages/{practice.pk}/edit/")
    events = field(page, "related_events")
    expect(events.get_by_text("Werkstatt Abfall (Veranstaltungen, 12.03.2030)")).to_be_visible()
    events.get_by_role("button", name="Add events").click()
    modal = page.locator(".modal-content")
    expect(modal.get_by_text("Werkstatt Abfall")).to_be_visible()
    labels = modal.locator('label[for^="chooser-modal-select-"]')
    expect(labels).to_have_text([WATER, "Werkstatt Abfall"])
    modal.get_by_label(WATER).check()
    modal.get_by_role("button", name="Confirm selection").click()
    expect(modal).to_be_hidden()
    expect(events.get_by_text(WATER)).to_be_visible()
    page.get_by_role("button", name="Save draft").click()
    expect(page.get_by_text("has been updated")).to_be_visible()
    with live_server_lock:
        draft = GoodPracticePage.objects.get(pk=practice.pk).get_latest_revision_as_object()
        chosen = sorted(event.pk for event in draft.related_events.all())
    assert chosen == sorted([water.pk, waste.pk])

    page.goto(f"/admin/pages/{project.pk}/edit/")
    origin = field(page, "origin_event")
    origin.get_by_role("button", name=re.compile(r"^Choose a page")).click()
    expect(modal.get_by_role("link", name="Werkstatt Abfall")).to_be_visible()
    expect(modal.get_by_text("Water dialogue")).to_have_count(0)
    expect(modal.get_by_text("Heat summit")).to_have_count(0)
    modal.get_by_role("link", name=WATER).click()
    expect(origin.get_by_text(WATER)).to_be_visible()
    page.get_by_role("button", name="Save draft").click()
    expect(page.get_by_text("has been updated")).to_be_visible()
    with live_server_lock:
        draft = SupportedProjectPage.objects.get(pk=project.pk).get_latest_revision_as_object()
    assert draft.origin_event_id == water.pk
    assert errors == []
