"""A translation's journey through the admin in a real browser, from submission to "stale".

The editor submits a published German good practice for translation into English with
wagtail-localize's "Translate" action; the translator finds the English draft in the
translation status overview, translates every segment in wagtail-localize's editor and submits
it for moderation (the button the portal adds to that editor for users who may not publish);
the moderator approves it from the dashboard, which publishes it. Visitors then read it in
English, linked from the German page's language switcher. When the editor publishes a change
to the German source, the overview shows the English page as stale.
"""

import re

import pytest
from playwright.sync_api import Page, expect

from tests.browser.test_editor_journey import (
    log_in,
    messages,
    open_footer_action,
    wait_for_autosave_to_settle,
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "translator-journey-2030"
TITLE_DE = "Grüne Dächer in Lörrach"
SLUG = "gruene-daecher-in-loerrach"
TEASER_DE = "Wie Lörrach seine Flachdächer begrünt."
HEADING_DE = "Ein Förderprogramm für Hausbesitzer"
TITLE_EN = "Green roofs in Lörrach"
TITLE_DE_EDITED = "Grüne Dächer und Fassaden in Lörrach"
# The English text of each German segment; anything else is translated as "EN: <German>".
ENGLISH = {
    TITLE_DE: TITLE_EN,
    SLUG: "green-roofs-in-loerrach",
    TEASER_DE: "How Lörrach greens its flat roofs.",
    HEADING_DE: "A funding programme for home owners",
}


@pytest.fixture
def people(portal, live_server_lock):
    """The roles (ensure_roles), a translator into English and a moderator; admin in English."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from wagtail.users.models import UserProfile

    from localization.roles.groups import MODERATORS, ensure_roles, translator_group_name

    with live_server_lock:
        ensure_roles()
        users = {}
        for username, group in (
            ("translator", translator_group_name("en")),
            ("moderator", MODERATORS),
        ):
            user = get_user_model().objects.create_user(username, "", PASSWORD)
            user.groups.add(Group.objects.get(name=group))
            profile = UserProfile.get_for_user(user)
            profile.preferred_language = "en"
            profile.save()
            users[username] = user
    return users


@pytest.fixture
def practice(portal, people, live_server_lock):
    """A published German good practice, the editor's, below an English practices section."""
    from pages.models import GoodPracticePage
    from tests import helpers

    _de, en = portal.locales
    practices = portal.sections["practices"]
    with live_server_lock:
        helpers.translate_page(practices, en, title="Good practice", slug="good-practice")
        page = practices.add_child(
            instance=GoodPracticePage(
                title=TITLE_DE,
                slug=SLUG,
                teaser=TEASER_DE,
                city="Lörrach",
                country=portal.taxonomy["country"],
                body=[("heading", {"text": HEADING_DE})],
                owner=portal.editor,
            )
        )
        page.save_revision(user=portal.editor).publish(user=portal.editor)
    return page


def status_cell(page: Page, title, language):
    """The overview's cell for `title` (the source's title) in `language`."""
    row = page.get_by_role("row").filter(
        has=page.get_by_role("rowheader").get_by_role("link", name=title, exact=True)
    )
    return row.locator(f'td[data-language="{language}"]')


def test_translator_translates_moderator_publishes_source_change_makes_it_stale(
    portal, people, practice, new_context, live_server_lock
):
    from wagtail.models import Page as WagtailPage

    _de, en = portal.locales

    # The editor submits the German page for translation into English.
    editor = new_context().new_page()
    log_in(editor, portal.username, portal.password)
    editor.goto(f"/admin/pages/{practice.pk}/edit/")
    header = editor.locator("header").first
    header.get_by_role("button", name="Actions").click()
    header.get_by_role("link", name="Translate").click()
    expect(editor.get_by_role("heading", name=re.compile("Translate"))).to_be_visible()
    editor.get_by_role("checkbox", name="English").check()
    editor.get_by_role("button", name="Submit").click()
    expect(messages(editor)).to_contain_text("successfully")

    with live_server_lock:
        page_en = WagtailPage.objects.get(translation_key=practice.translation_key, locale=en)
        assert not page_en.live

    # The translator finds the English draft in the status overview: nothing translated yet.
    translator = new_context().new_page()
    log_in(translator, "translator", PASSWORD)
    translator.goto("/admin/translation-status/")
    cell = status_cell(translator, TITLE_DE, "en")
    expect(cell).to_have_attribute("data-status", "in_progress")
    expect(cell).to_contain_text("In progress")
    expect(cell).to_contain_text(re.compile(r"\b0 of \d+ segments"))
    cell.get_by_role("link", name=re.compile("^Edit translation")).click()
    translator.wait_for_url(re.compile(rf"/admin/pages/{page_en.pk}/edit/$"))

    # wagtail-localize's editor: every segment of both tabs gets its English text, one by one.
    editor_root = translator.locator(".js-translation-editor")
    translated = 0
    for tab in ("Content", "Promote"):
        editor_root.get_by_role("tab", name=tab).click()
        pending = editor_root.locator("li.incomplete:visible")
        remaining = pending.count()
        while remaining:
            segment = pending.first
            german = segment.locator("p").first.inner_text().strip()
            segment.get_by_role("button", name="Translate").click()
            segment.locator("textarea").fill(ENGLISH.get(german, f"EN: {german}"))
            segment.get_by_role("button", name="Save").click()
            remaining -= 1
            translated += 1
            expect(pending).to_have_count(remaining)
    assert translated >= 5  # title, teaser, city, heading, slug

    # The portal's "Submit for moderation" button, below the editor.
    submit = translator.get_by_role("button", name="Submit for moderation")
    submit.click()
    expect(messages(translator)).to_contain_text("has been submitted for moderation")

    with live_server_lock:
        page_en = WagtailPage.objects.get(pk=page_en.pk).specific
        assert not page_en.live
        assert page_en.current_workflow_state.status == "in_progress"
        assert page_en.get_latest_revision_as_object().title == TITLE_EN

    # The moderator approves it from the dashboard, which publishes it.
    moderator = new_context().new_page()
    log_in(moderator, "moderator", PASSWORD)
    review = moderator.get_by_role("region", name=re.compile("Awaiting your review"))
    row = review.get_by_role("row").filter(has_text=TITLE_EN)
    row.get_by_role("button", name="Actions").click()
    approve = row.get_by_role("button", name="Approve", exact=True)
    expect(approve).to_be_visible()
    with moderator.expect_navigation():  # workflow-action.js posts a form; back to the dashboard
        approve.click()
    moderator.wait_for_url(re.compile(r"/admin/$"))
    expect(review.get_by_role("link", name=TITLE_EN)).to_have_count(0)

    with live_server_lock:
        page_en = WagtailPage.objects.get(pk=page_en.pk).specific
        assert page_en.live
        assert page_en.title == TITLE_EN
        url_en = page_en.get_url()
        url_de = practice.get_url()

    # Visitors read it in English, linked from the German page.
    visitor = new_context().new_page()
    response = visitor.goto(url_en)
    assert response is not None and response.status == 200, url_en
    expect(visitor.get_by_role("heading", level=1)).to_have_text(TITLE_EN)
    visitor.goto(url_de)
    switcher = visitor.get_by_role("navigation", name="Sprache")
    english_link = switcher.locator('a[hreflang="en"]')
    expect(english_link).to_have_attribute("href", re.compile(re.escape(url_en) + "$"))
    english_link.click()
    expect(visitor.get_by_role("heading", level=1)).to_have_text(TITLE_EN)

    # The editor publishes a change to the German source: the English page is stale.
    editor.goto(f"/admin/pages/{practice.pk}/edit/")
    editor.get_by_placeholder("Page title*").fill(TITLE_DE_EDITED)
    wait_for_autosave_to_settle(editor)
    open_footer_action(editor, "Publish")
    expect(messages(editor)).to_contain_text(f"Page '{TITLE_DE_EDITED}' has been published.")

    translator.goto("/admin/translation-status/")
    cell = status_cell(translator, TITLE_DE_EDITED, "en")
    expect(cell).to_have_attribute("data-status", "stale")
    expect(cell).to_contain_text("Stale")
