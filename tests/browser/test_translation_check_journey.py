"""A changed source segment, from the translator's check to the moderator's approval, in Chromium.

An English translation of a German good practice is live. The editor changes one sentence of the
German source and syncs: the translator opens the translation and finds their old English text
pre-filled, marked "check: source changed", next to a diff of the source. Their footer offers
"Submit for moderation", and neither "Convert to alias page" nor "Stop synced translation".
Submitting before the check says that one segment is still untranslated and asks; they go back,
correct the text, save it and submit. The moderator sees on the dashboard that nothing is left
untranslated, approves, and the English page is live with the new sentence.
"""

import json
import re

import pytest
from playwright.sync_api import expect

from tests.browser.test_editor_journey import log_in, messages
from tests.browser.test_translator_journey import (  # noqa: F401 (fixtures)
    ENGLISH,
    HEADING_DE,
    PASSWORD,
    TITLE_EN,
    people,
    practice,
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

HEADING_DE_NEW = "Ein Förderprogramm für Hausbesitzer und Mieter"
HEADING_EN_OLD = ENGLISH[HEADING_DE]
HEADING_EN_NEW = "A funding programme for home owners and tenants"


@pytest.fixture
def changed_translation(portal, practice, live_server_lock):  # noqa: F811
    """The practice translated into English in full and published; then its heading changed in
    German, published and synced (the translation memory pre-fills the old English text)."""
    from django.test import TestCase
    from wagtail.models import Page
    from wagtail_localize.models import StringSegment, StringTranslation, Translation
    from wagtail_localize.operations import TranslationCreator

    from pages.models import GoodPracticePage

    _de, en = portal.locales
    with live_server_lock:
        TranslationCreator(portal.editor, [en]).create_translations(practice)
        translation = Translation.objects.get(
            source__object_id=practice.translation_key, target_locale=en
        )
        segments = StringSegment.objects.filter(source=translation.source).select_related("string")
        for segment in segments:
            StringTranslation.objects.create(
                translation_of=segment.string,
                locale=en,
                context=segment.context,
                data=ENGLISH.get(segment.string.data, f"EN: {segment.string.data}"),
                translation_type="manual",
            )
        with TestCase.captureOnCommitCallbacks(execute=True):
            translation.save_target(publish=True)

        page = GoodPracticePage.objects.get(pk=practice.pk)
        blocks = [dict(block) for block in page.body.raw_data]
        blocks[0]["value"] = {**blocks[0]["value"], "text": HEADING_DE_NEW}
        page.body = json.dumps(blocks)
        page.save_revision(user=portal.editor).publish(user=portal.editor)
        translation.source.update_from_db()
        translation.save_target(user=portal.editor, publish=False)
        page_en = Page.objects.get(translation_key=practice.translation_key, locale=en)
        assert page_en.live
    return page_en


def test_translator_checks_a_changed_segment_and_the_moderator_publishes_it(
    portal, changed_translation, new_context, live_server_lock
):
    from wagtail.models import Page as WagtailPage

    page_en = changed_translation
    edit_url = f"/admin/pages/{page_en.pk}/edit/"

    translator = new_context().new_page()
    log_in(translator, "translator", PASSWORD)
    translator.goto(edit_url)

    # The old and new source, and the old translation, pre-filled and marked.
    changes = translator.locator("[data-source-changes]")
    expect(changes).to_contain_text("Check: the source of 1 segment changed")
    expect(changes.locator("[data-old-source]")).to_have_text(HEADING_DE)
    expect(changes.locator("[data-new-source]")).to_have_text(HEADING_DE_NEW)
    expect(changes.locator("[data-previous-translation]")).to_have_text(HEADING_EN_OLD)
    editor_root = translator.locator(".js-translation-editor")
    flagged = editor_root.locator("li.errored")
    expect(flagged).to_have_count(1)
    expect(flagged).to_contain_text(HEADING_DE_NEW)
    expect(flagged).to_contain_text(HEADING_EN_OLD)
    expect(flagged).to_contain_text("Check: source changed")

    # Their footer: "Submit for moderation" is the main action; nothing that detaches.
    footer = translator.get_by_role("navigation", name="Actions (footer)")
    expect(footer).to_have_count(1)
    submit = footer.get_by_role("button", name="Submit for moderation")
    expect(submit).to_be_visible()
    for name in ("Convert to alias page", "Stop Synced translation", "Stop synced translation"):
        expect(translator.get_by_role("button", name=name)).to_have_count(0)
        expect(translator.get_by_role("link", name=name)).to_have_count(0)
        # wagtail-localize's own footer is still rendered by its React app, but hidden.
        expect(translator.locator(f"text={name} >> visible=true")).to_have_count(0)

    # Submitting before the check: the portal says what is missing and asks.
    submit.click()
    expect(
        translator.get_by_role("heading", name="Submit an incomplete translation?")
    ).to_be_visible()
    main = translator.locator("main")
    expect(main).to_contain_text(re.compile(r"1 of \d+ segments of “.+” is not yet translated"))
    expect(main).to_contain_text("1 of them is pre-filled with your earlier translation")
    translator.get_by_role("link", name="Back to the translation").click()
    translator.wait_for_url(re.compile(rf"{re.escape(edit_url)}$"))

    # The translator corrects the pre-filled text and saves it: checked.
    flagged = editor_root.locator("li.errored")
    flagged.get_by_role("button", name="Edit").click()
    textarea = flagged.locator("textarea")
    expect(textarea).to_have_value(HEADING_EN_OLD)
    textarea.fill(HEADING_EN_NEW)
    flagged.get_by_role("button", name="Save").click()
    expect(editor_root.locator("li.errored")).to_have_count(0)
    expect(editor_root.locator("li.incomplete")).to_have_count(0)

    # Complete now: submitted at once.
    translator.get_by_role("navigation", name="Actions (footer)").get_by_role(
        "button", name="Submit for moderation"
    ).click()
    expect(messages(translator)).to_contain_text("has been submitted for moderation")
    with live_server_lock:
        page_en = WagtailPage.objects.get(pk=page_en.pk).specific
        assert page_en.current_workflow_state.status == "in_progress"

    # The moderator sees that nothing is left untranslated, and approves.
    moderator = new_context().new_page()
    log_in(moderator, "moderator", PASSWORD)
    progress = moderator.get_by_role("region", name="Translations awaiting your review")
    progress_row = progress.get_by_role("row").filter(has_text=TITLE_EN)
    expect(progress_row).to_have_attribute("data-untranslated", "0")
    expect(progress_row).to_contain_text(re.compile(r"All \d+ translated"))
    review = moderator.get_by_role("region", name=re.compile("^Awaiting your review"))
    row = review.get_by_role("row").filter(has_text=TITLE_EN)
    row.get_by_role("button", name="Actions").click()
    approve = row.get_by_role("button", name="Approve", exact=True)
    expect(approve).to_be_visible()
    with moderator.expect_navigation():
        approve.click()
    moderator.wait_for_url(re.compile(r"/admin/$"))
    expect(review.get_by_role("link", name=TITLE_EN)).to_have_count(0)

    # The English page is live with the new sentence.
    with live_server_lock:
        page_en = WagtailPage.objects.get(pk=page_en.pk).specific
        assert page_en.live and not page_en.has_unpublished_changes
        url_en = page_en.get_url()
    visitor = new_context().new_page()
    response = visitor.goto(url_en)
    assert response is not None and response.status == 200, url_en
    expect(visitor.get_by_role("heading", name=HEADING_EN_NEW)).to_be_visible()
    expect(visitor.get_by_text(HEADING_DE_NEW)).to_have_count(0)
