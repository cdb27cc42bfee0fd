"""An editor's journey through the Wagtail admin in a real browser, and what visitors then see.

The editor logs in, writes a good practice (snippet chooser, theme checkboxes, StreamField
blocks, a Draftail section), checks it in the preview panel and publishes it; an anonymous
visitor then reads it on the German site. A second journey checks that an event ending before
it starts is refused with the model's message.

Wagtail 8 autosaves the create form as a draft as soon as it validates, and the page
moves to its edit view while the editor works; `wait_for_autosave_to_settle` keeps the
Publish click from racing that background request.
"""

import datetime
import re

import pytest
from playwright.sync_api import Page, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from tests import helpers

pytestmark = [
    pytest.mark.browser,
    # live_server needs a transactional database. The serialised rollback restores the rows
    # Wagtail's data migrations create (root page, default site, "Editors" group) for each test.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

TITLE = "Saubere Busse in Bangkok"
SLUG = "saubere-busse-in-bangkok"
TEASER = "Wie Bangkok seine Busflotte in fünf Jahren elektrifiziert hat."
CITY = "Bangkok"
HEADING = "Elektrische Busse im Linienverkehr"
PARAGRAPH = "Seit 2023 fahren zweihundert E-Busse auf zwölf Linien."
QUOTE = "Saubere Luft ist ein Gemeinschaftsprojekt der ganzen Stadt."
ATTRIBUTION = "Somchai Chaiyaporn"
CHALLENGE = "Dieselbusse belasteten die Luft an den großen Kreuzungen."

# True once no autosave request is in flight and the form is as the last autosave left it. It
# reads the Stimulus controllers Wagtail 8 puts on the form: w-unsaved keeps the form data as of
# the last autosave, w-autosave the request in flight. Without autosave
# (WAGTAIL_AUTOSAVE_INTERVAL = 0) there is nothing to wait for.
AUTOSAVE_SETTLED = """() => {
    const form = document.getElementById("page-edit-form");
    const app = window.wagtail && window.wagtail.app;
    if (!form || !app) return false;
    const autosave = app.getControllerForElementAndIdentifier(form, "w-autosave");
    if (!autosave) return true;
    const unsaved = app.getControllerForElementAndIdentifier(form, "w-unsaved");
    return !autosave.submitPromise && unsaved.initialFormData === unsaved.formData;
}"""


def log_in(page: Page, username, password):
    page.goto("/admin/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(re.compile(r"/admin/$"))
    expect(page.get_by_role("navigation", name="Main menu")).to_be_visible()


def field(page: Page, name):
    """A model field's part of the edit form.

    Wagtail derives the panels' ids (panel-child-content-...) from their headings, in the
    language active when the process first builds that page type's edit handler; so they
    change with the test order. The field name in data-contentpath does not.
    """
    return page.locator(f'[data-contentpath="{name}"]')


def draftail(container):
    """The Draftail editor (a contenteditable textbox) inside a panel or block."""
    return container.get_by_role("textbox").and_(container.locator("[contenteditable=true]"))


def type_rich_text(page: Page, container, form_input, text):
    """Type into a Draftail editor, and wait until it has written the form's hidden input."""
    editor = draftail(container)
    editor.click()
    page.keyboard.type(text)
    expect(editor).to_contain_text(text)
    expect(form_input).to_have_value(re.compile(re.escape(text)))


def add_block(page: Page, stream, label):
    """Append a block with the StreamField's last "+" button and the block picker."""
    stream.get_by_role("button", name="Insert a block").last.click()
    picker = page.get_by_role("listbox", name=re.compile(r"^Search options"))
    expect(picker).to_be_visible()
    picker.get_by_role("option", name=label, exact=True).click()
    expect(picker).to_be_hidden()


def open_footer_action(page: Page, name):
    """Click one of the actions in the footer's "More actions" dropdown (Publish ...)."""
    footer = page.get_by_role("navigation", name="Actions (footer)")
    footer.get_by_role("button", name="More actions").click()
    action = footer.get_by_role("button", name=name, exact=True)
    expect(action).to_be_visible()
    action.click()


def messages(page: Page):
    """The admin's message list at the top of the page (a status live region)."""
    return page.get_by_role("status").filter(has=page.locator("[data-w-messages-target]"))


def wait_for_autosave_to_settle(page: Page):
    """Wait until the autosave has stored the form, so that Publish cannot race it.

    Otherwise Publish may post the create form while the autosave's own request to create the
    same page is still in flight.
    """
    try:
        page.wait_for_function(AUTOSAVE_SETTLED, timeout=20_000)
    except PlaywrightTimeoutError:
        indicator = page.locator("#w-autosave-indicator")
        state = indicator.get_attribute("data-w-tooltip-content-value") if indicator.count() else ""
        pytest.fail(f"The autosave did not store the form within 20 s: {state or 'no indicator'}")


def test_editor_writes_previews_and_publishes_a_good_practice(
    portal, new_context, live_server_lock
):
    from pages.models import GoodPracticePage

    practices = portal.sections["practices"]
    thailand = portal.taxonomy["country"]
    mobility = portal.taxonomy["topic"]

    page = new_context().new_page()
    log_in(page, portal.username, portal.password)

    page.goto(f"/admin/pages/add/pages/goodpracticepage/{practices.pk}/")
    expect(page.get_by_role("heading", name="New: Good practice")).to_be_visible()

    page.get_by_placeholder("Page title*").fill(TITLE)
    page.get_by_role("textbox", name="Teaser").fill(TEASER)
    page.get_by_role("textbox", name="City").fill(CITY)

    # The country: a snippet chooser in a modal, listing the page's locale by default.
    page.get_by_role("button", name="Choose country").click()
    modal = page.locator(".modal-dialog")
    expect(modal).to_be_visible()
    modal.get_by_role("link", name=thailand.name, exact=True).click()
    expect(modal).to_be_hidden()
    expect(page.locator("#id_country-chooser")).to_contain_text(thailand.name)
    expect(page.locator("#id_country")).to_have_value(str(thailand.pk))

    # A theme: the taxonomy panel shows every theme as a checkbox.
    theme = page.get_by_role("checkbox", name=mobility.name, exact=True)
    theme.check()
    expect(theme).to_be_checked()

    # Three body blocks, appended in reading order.
    body = field(page, "body")
    for label in ("Heading", "Rich text", "Quote"):
        add_block(page, body, label)
    page.locator("#body-0-value-text").fill(HEADING)
    paragraph = body.locator("[data-streamfield-widget]:has(#body-1-value)")
    type_rich_text(page, paragraph, page.locator("#body-1-value"), PARAGRAPH)
    page.locator("#body-2-value-quote").fill(QUOTE)
    page.locator("#body-2-value-attribution").fill(ATTRIBUTION)

    # A rich-text section outside the StreamField.
    type_rich_text(page, field(page, "challenge"), page.locator("#id_challenge"), CHALLENGE)

    # The preview side panel renders the form with the site's template. It is opened once the
    # autosave is done: the panel refreshes when the unsaved-changes checker reports an edit,
    # and an edit that an autosave in flight picks up first is never reported.
    wait_for_autosave_to_settle(page)
    page.get_by_role("button", name="Toggle preview").click()
    preview = page.frame_locator("iframe#w-preview-iframe")
    expect(preview.get_by_role("heading", level=1)).to_have_text(TITLE)
    expect(preview.get_by_role("heading", name=HEADING)).to_be_visible()
    expect(preview.get_by_text(PARAGRAPH)).to_be_visible()
    expect(preview.get_by_text(QUOTE)).to_be_visible()
    expect(preview.get_by_text(CHALLENGE)).to_be_visible()

    wait_for_autosave_to_settle(page)
    open_footer_action(page, "Publish")

    page.wait_for_url(re.compile(rf"/admin/pages/{practices.pk}/$"))
    expect(messages(page)).to_contain_text(f"Page '{TITLE}' has been published.")

    # One page (the autosaved draft, published), with everything the editor entered.
    with live_server_lock:
        published = GoodPracticePage.objects.get(slug=SLUG)
        assert GoodPracticePage.objects.count() == 1
        assert published.live
        assert not published.has_unpublished_changes
        assert published.get_parent().pk == practices.pk
        assert published.locale == practices.locale
        assert published.title == TITLE
        assert published.teaser == TEASER
        assert published.city == CITY
        assert published.country == thailand
        assert list(published.themes.all()) == [mobility]
        assert [block.block_type for block in published.body] == ["heading", "paragraph", "quote"]
        assert published.body[0].value["text"] == HEADING
        assert PARAGRAPH in published.body[1].value.source
        assert published.body[2].value["quote"] == QUOTE
        assert published.body[2].value["attribution"] == ATTRIBUTION
        assert CHALLENGE in published.challenge
        assert published.owner == portal.editor

    # An anonymous visitor, in a fresh context without the editor's session.
    visitor = new_context(locale="de-DE").new_page()
    path = f"/de/{practices.slug}/{SLUG}/"
    response = visitor.goto(path)
    assert response is not None
    assert response.status == 200, f"{path} answered {response.status}"
    expect(visitor.get_by_role("heading", level=1)).to_have_text(TITLE)
    main = visitor.get_by_role("main")
    expect(main.get_by_role("heading", name=HEADING)).to_be_visible()
    expect(main.get_by_text(PARAGRAPH)).to_be_visible()
    expect(main.locator("blockquote")).to_contain_text(QUOTE)
    expect(main.get_by_text(ATTRIBUTION)).to_be_visible()
    expect(main.get_by_text(CHALLENGE)).to_be_visible()
    expect(main.get_by_role("link", name=thailand.name, exact=True)).to_be_visible()
    expect(main.get_by_role("link", name=mobility.name, exact=True)).to_be_visible()


def test_event_ending_before_it_starts_is_refused(portal, new_context, live_server_lock):
    from pages.models import EventPage

    events = portal.sections["events"]
    start = helpers.FUTURE
    end = start - datetime.timedelta(days=3)

    page = new_context().new_page()
    log_in(page, portal.username, portal.password)

    add_url = f"/admin/pages/add/pages/eventpage/{events.pk}/"
    page.goto(add_url)
    expect(page.get_by_role("heading", name="New: Event")).to_be_visible()

    page.get_by_placeholder("Page title*").fill("Rückwärts-Dialog")
    page.get_by_role("combobox", name="Format").select_option("dialogue")
    for label, day in (("Start date", start), ("End date", end)):
        date_input = page.get_by_role("textbox", name=label)
        date_input.fill(day.isoformat())
        date_input.press("Escape")  # closes the date picker
        expect(date_input).to_have_value(day.isoformat())
    page.get_by_role("checkbox", name="Online").check()

    open_footer_action(page, "Publish")

    expect(messages(page)).to_contain_text(
        "The page could not be created due to validation errors."
    )
    end_date_field = page.locator("[data-field-wrapper]:has(#id_end_date)")
    expect(end_date_field).to_contain_text("The event cannot end before it starts.")
    expect(page.get_by_role("textbox", name="End date")).to_have_value(end.isoformat())
    assert page.url.endswith(add_url)

    # Neither the Publish nor the autosave in the background stored a draft.
    with live_server_lock:
        assert not EventPage.objects.exists()
        assert not events.get_children().exists()
