"""One language at a time, in a real browser: every choice on a German page is German.

An editor opens a German good practice, adds a related event with the chooser (which shows the
German events only), saves, and chooses a German project's origin event the same way.

Then an editor composes a new German good practice where every term also exists in English: finds
its country by typing in the snippet chooser's search box (the list is longer than the chooser's
first page, and "Tun" also matches the English "Tunisia"), ticks a theme under its focal theme and
an SDG among German ones only, adds a German related event with the locale-limited page chooser,
and publishes. (test_editor_journey covers the rest of writing a page: blocks, preview, reading it.)
"""

import datetime
import re

import pytest
from playwright.sync_api import expect

from tests import helpers
from tests.browser.test_editor_journey import (
    field,
    log_in,
    messages,
    open_footer_action,
    wait_for_autosave_to_settle,
)

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


# German country names, enough for the chooser's list to need a second page.
MORE_COUNTRIES = [
    ("Ägypten", "eg"),
    ("Algerien", "dz"),
    ("Brasilien", "br"),
    ("Ecuador", "ec"),
    ("Ghana", "gh"),
    ("Indien", "in"),
    ("Indonesien", "id"),
    ("Jordanien", "jo"),
    ("Kenia", "ke"),
    ("Libanon", "lb"),
    ("Marokko", "ma"),
    ("Mexiko", "mx"),
    ("Philippinen", "ph"),
    ("Südafrika", "za"),
]


def make_bilingual_terms(portal):
    """Every term of the portal also in English, Tunisia among many countries, two events."""
    from pages.factories import EventPageFactory
    from pages.models import Country

    _de, en = portal.locales
    terms = portal.taxonomy
    english = {}
    for key, name in [
        ("region", "Asia"),
        ("focal", "Municipal services"),
        ("sdg", "Sustainable cities and communities"),
    ]:
        english[key] = terms[key].copy_for_translation(en)
        english[key].name = name
        english[key].save()
    english["topic"] = terms["topic"].copy_for_translation(en)
    english["topic"].name, english["topic"].parent = "Urban mobility", english["focal"]
    english["topic"].save()
    english["country"] = terms["country"].copy_for_translation(en)
    english["country"].region = english["region"]
    english["country"].save()
    region = terms["region"]
    for name, code in MORE_COUNTRIES:
        Country.objects.create(name=name, slug=code, region=region, locale=terms["country"].locale)
    tunisia = Country.objects.create(
        name="Tunesien", slug="tn", region=region, locale=terms["country"].locale
    )
    tunisia_en = tunisia.copy_for_translation(en)
    tunisia_en.name, tunisia_en.region = "Tunisia", english["region"]
    tunisia_en.save()

    sections = portal.sections
    events_en = helpers.translate_page(sections["events"], en, title="Events", slug="events")
    dates = {"start_date": datetime.date(2030, 3, 12), "end_date": datetime.date(2030, 3, 14)}
    waste = EventPageFactory(
        parent=sections["events"], title="Werkstatt Abfall", country=tunisia, **dates
    )
    EventPageFactory(parent=events_en, title="Heat summit", locale=en, country=tunisia_en, **dates)
    return tunisia, waste


def test_an_editor_composes_a_german_practice_from_german_choices_only(
    portal, new_context, live_server_lock
):
    from pages.models import GoodPracticePage

    with live_server_lock:
        tunisia, waste = make_bilingual_terms(portal)
    terms = portal.taxonomy
    practices = portal.sections["practices"]
    page = new_context().new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    log_in(page, portal.username, portal.password)

    page.goto(f"/admin/pages/add/pages/goodpracticepage/{practices.pk}/")
    page.get_by_placeholder("Page title*").fill("Abfall trennen in Sfax")
    page.get_by_role("textbox", name="Teaser").fill("Wie Sfax seine Abfälle trennt.")
    page.get_by_role("textbox", name="City").fill("Sfax")

    # The country: not on the chooser's first page; typing filters the list.
    page.get_by_role("button", name="Choose country").click()
    modal = page.locator(".modal-dialog")
    results = modal.locator("table tbody")
    expect(results.get_by_role("link", name="Algerien", exact=True)).to_be_visible()
    expect(results.get_by_role("link", name="Tunesien")).to_have_count(0)
    modal.get_by_role("textbox", name="Search term").press_sequentially("Tun")
    expect(results.get_by_role("link")).to_have_text(["Tunesien"])
    expect(modal.get_by_text("Tunisia")).to_have_count(0)
    results.get_by_role("link", name="Tunesien", exact=True).click()
    expect(modal).to_be_hidden()
    expect(page.locator("#id_country-chooser")).to_contain_text("Tunesien")

    # Themes: German only, each topic under its focal theme.
    themes = field(page, "themes")
    expect(themes.get_by_role("checkbox")).to_have_count(2)
    expect(themes.get_by_text("Urban mobility")).to_have_count(0)
    expect(themes.get_by_text("Municipal services")).to_have_count(0)
    group = themes.locator("div").filter(
        has=page.locator("> label", has_text=re.compile(r"^\s*Kommunale Dienstleistungen\s*$"))
    )
    topic = group.get_by_role("checkbox", name=terms["topic"].name, exact=True)
    topic.check()
    expect(topic).to_be_checked()

    # SDGs: the German goal only.
    sdgs = field(page, "sdgs")
    expect(sdgs.get_by_role("checkbox")).to_have_count(1)
    sdgs.get_by_role("checkbox", name=terms["sdg"].name).check()

    # A related event, from the German events only.
    events = field(page, "related_events")
    events.get_by_role("button", name="Add events").click()
    pages_modal = page.locator(".modal-content")
    labels = pages_modal.locator('label[for^="chooser-modal-select-"]')
    expect(labels).to_have_text(["Werkstatt Abfall"])
    expect(pages_modal.get_by_text("Heat summit")).to_have_count(0)
    pages_modal.get_by_label("Werkstatt Abfall").check()
    pages_modal.get_by_role("button", name="Confirm selection").click()
    expect(pages_modal).to_be_hidden()
    expect(events.get_by_text("Werkstatt Abfall")).to_be_visible()

    wait_for_autosave_to_settle(page)
    open_footer_action(page, "Publish")
    page.wait_for_url(re.compile(rf"/admin/pages/{practices.pk}/$"))
    expect(messages(page)).to_contain_text("Page 'Abfall trennen in Sfax' has been published.")

    with live_server_lock:
        published = GoodPracticePage.objects.get(title="Abfall trennen in Sfax")
        german = practices.locale_id
        assert published.live and published.locale_id == german
        assert published.country == tunisia
        assert list(published.themes.all()) == [terms["topic"]]
        assert list(published.sdgs.all()) == [terms["sdg"]]
        assert list(published.related_events.all()) == [waste]
        linked = [published.country, *published.themes.all(), *published.sdgs.all()]
        assert {item.locale_id for item in linked} == {german}
    assert errors == []
