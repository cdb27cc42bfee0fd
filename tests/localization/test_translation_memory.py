"""Translation memory (localization.memory): no translator's work is silently lost.

Against real wagtail-localize objects. Syncing is what "Sync translated pages" does without
publishing (publishing runs on commit, which never comes inside a test's transaction): the
source is updated from the database and the translation saved as a draft.
"""

import json

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import translation as django_translation
from wagtail.models import Page
from wagtail.users.models import UserProfile
from wagtail_localize.models import (
    String,
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)
from wagtail_localize.operations import translate_object
from wagtail_localize.segments.extract import extract_segments
from wagtail_localize.views.edit_translation import StringTranslationSerializer

from localization.memory import SOURCE_CHANGED, open_source_changes, word_diff
from localization.models import MemoryNote
from localization.roles.groups import translator_group_name
from pages.factories import GoodPracticePageFactory
from pages.models import GoodPracticePage


@pytest.fixture(autouse=True)
def english_admin():
    with django_translation.override("en"):
        yield


def paragraph(text, block_id):
    return {
        "type": "paragraph",
        "value": text if text.startswith("<") else f"<p>{text}</p>",
        "id": block_id,
    }


def make_practice(sections, title, slug, blocks):
    page = GoodPracticePageFactory(
        parent=sections["practices"],
        title=title,
        slug=slug,
        teaser=f"{title}: Kurzfassung.",
        body=json.dumps(blocks),
    )
    page.save_revision().publish()
    return GoodPracticePage.objects.get(pk=page.pk)


def translate(page, en):
    for ancestor in (page.get_parent().get_parent(), page.get_parent()):
        if ancestor.get_translation_or_none(en) is None:
            translate_object(ancestor, [en])
    translate_object(page, [en])
    return Translation.objects.get(source__object_id=page.translation_key, target_locale=en)


def translate_all(translation):
    """The translator translates every segment: 'EN <German text>'."""
    for segment in StringSegment.objects.filter(source=translation.source).select_related(
        "string", "context"
    ):
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=translation.target_locale,
            context=segment.context,
            defaults={"data": f"EN {segment.string.data}", "translation_type": "manual"},
        )


def edit_body(page, blocks):
    page = GoodPracticePage.objects.get(pk=page.pk)
    page.body = json.dumps(blocks)
    page.save_revision().publish()
    return GoodPracticePage.objects.get(pk=page.pk)


def sync(translation):
    translation.source.update_from_db()
    translation.save_target(publish=False)


def body_texts(page, en):
    """The English draft's body: {segment path: [texts]}."""
    target = Page.objects.get(pk=page.get_translation(en).pk).specific
    draft = target.get_latest_revision_as_object()
    texts = {}
    for segment in extract_segments(draft):
        if segment.path.startswith("body.") and hasattr(segment, "string"):
            texts.setdefault(segment.path, []).append(segment.string.data)
    return texts


def translation_at(translation, block_id, text):
    return StringTranslation.objects.get(
        locale=translation.target_locale,
        context__object_id=translation.source.object_id,
        context__path=f"body.{block_id}",
        translation_of__data=text,
    )


ORIGINAL = [
    paragraph("Erster Absatz.", "p1"),
    paragraph("Zweiter Absatz.", "p2"),
    paragraph("Dritter Absatz.", "p3"),
]


@pytest.fixture
def practice(sections):
    return make_practice(sections, "Mülltrennung", "muelltrennung", ORIGINAL)


@pytest.fixture
def translated(practice, locales):
    translation = translate(practice, locales[1])
    translate_all(translation)
    translation.save_target(publish=False)
    return translation


def untranslated(translation):
    total, done = translation.get_progress()
    return total - done


def written():
    """Every translation typed by the translator ('EN ...'), as (text, string, context)."""
    return set(
        StringTranslation.objects.filter(translation_type="manual").values_list(
            "data", "translation_of_id", "context_id"
        )
    )


# ---------------------------------------------------------------------------------------------
# Edit


def test_an_edited_sentence_is_prefilled_with_the_old_translation_and_marked(
    translated, practice, locales
):
    _de, en = locales
    before = written()
    edit_body(practice, [ORIGINAL[0], paragraph("Zweiter Absatz, neu.", "p2"), ORIGINAL[2]])
    sync(translated)

    prefilled = translation_at(translated, "p2", "Zweiter Absatz, neu.")
    assert prefilled.data == "EN Zweiter Absatz."
    assert prefilled.has_error and prefilled.field_error == SOURCE_CHANGED
    note = prefilled.memory_note
    assert note.kind == MemoryNote.SOURCE_CHANGED
    assert note.previous_source.data == "Zweiter Absatz."
    assert note.copied_from == translation_at(translated, "p2", "Zweiter Absatz.")
    # Not used until checked: the draft keeps the new source there, progress counts it missing.
    assert body_texts(practice, en) == {
        "body.p1": ["EN Erster Absatz."],
        "body.p2": ["Zweiter Absatz, neu."],
        "body.p3": ["EN Dritter Absatz."],
    }
    assert untranslated(translated) == 1
    # Nothing the translator wrote is gone.
    assert before <= written()
    # The editor's data: the text is there, with the reason as its error.
    with django_translation.override("en"):
        serialized = StringTranslationSerializer(prefilled).data
    assert serialized["data"] == "EN Zweiter Absatz."
    assert serialized["error"] == (
        "Check: source changed. This translation was made for: “Zweiter Absatz.”"
    )
    with django_translation.override("de"):
        assert StringTranslationSerializer(prefilled).data["error"] == (
            "Prüfen: Der Ausgangstext hat sich geändert. Diese Übersetzung galt für: "
            "„Zweiter Absatz.“"
        )
    assert open_source_changes(translated) == [
        {
            "old_source": "Zweiter Absatz.",
            "new_source": "Zweiter Absatz, neu.",
            "diff": "Zweiter Absatz<ins>, neu</ins>.",
            "translation": "EN Zweiter Absatz.",
        }
    ]


def test_the_translator_sees_the_change_and_saving_accepts_it(
    translated, practice, locales, client, django_user_model
):
    _de, en = locales
    translator = django_user_model.objects.create_user("tara", password="pw")
    translator.groups.add(Group.objects.get(name=translator_group_name("en")))
    profile = UserProfile.get_for_user(translator)
    profile.preferred_language = "en"
    profile.save()
    client.force_login(translator)
    edit_body(practice, [ORIGINAL[0], paragraph("Zweiter Absatz, neu.", "p2"), ORIGINAL[2]])
    sync(translated)

    page_en = practice.get_translation(en)
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page_en.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Check: the source of 1 segment changed" in html
    assert "Zweiter Absatz<ins>, neu</ins>." in html
    assert "<dd data-previous-translation>EN Zweiter Absatz.</dd>" in html
    props = json.loads(response.context["props"])
    segment = next(s for s in props["segments"] if s.get("source") == "Zweiter Absatz, neu.")
    shown = next(t for t in props["initialStringTranslations"] if t["segment_id"] == segment["id"])
    assert shown["data"] == "EN Zweiter Absatz."
    assert shown["error"].startswith("Check: source changed.")

    # The translator corrects the text and saves it (wagtail-localize's own PUT).
    url = reverse("wagtail_localize:edit_string_translation", args=[translated.pk, segment["id"]])
    response = client.put(
        url, "value=EN+Second+paragraph%2C+new.", content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 200, response.content
    assert response.json()["error"] is None
    accepted = translation_at(translated, "p2", "Zweiter Absatz, neu.")
    assert (accepted.data, accepted.has_error, accepted.field_error) == (
        "EN Second paragraph, new.",
        False,
        "",
    )
    assert not MemoryNote.objects.filter(kind=MemoryNote.SOURCE_CHANGED).exists()
    assert open_source_changes(translated) == []
    assert untranslated(translated) == 0
    translated.save_target(publish=False)
    assert body_texts(practice, en)["body.p2"] == ["EN Second paragraph, new."]
    # The translation of the old sentence is still there.
    assert translation_at(translated, "p2", "Zweiter Absatz.").data == "EN Zweiter Absatz."


def test_only_translations_still_flagged_are_open_source_changes(translated, practice):
    edit_body(practice, [ORIGINAL[0], paragraph("Zweiter Absatz, neu.", "p2"), ORIGINAL[2]])
    sync(translated)
    prefilled = translation_at(translated, "p2", "Zweiter Absatz, neu.")
    # The flag cleared without a save (a bulk update sends no signal): the note and the
    # reason stay behind, but the translation is no longer one to check.
    StringTranslation.objects.filter(pk=prefilled.pk).update(has_error=False)
    assert MemoryNote.objects.filter(translation=prefilled).exists()
    assert open_source_changes(translated) == []


def test_edited_twice_before_the_translator_looked_names_the_source_they_translated(
    translated, practice
):
    edit_body(practice, [ORIGINAL[0], paragraph("Zweiter Absatz, neu.", "p2"), ORIGINAL[2]])
    sync(translated)
    edit_body(practice, [ORIGINAL[0], paragraph("Zweiter Absatz, neuer.", "p2"), ORIGINAL[2]])
    sync(translated)

    prefilled = translation_at(translated, "p2", "Zweiter Absatz, neuer.")
    assert prefilled.data == "EN Zweiter Absatz."
    assert prefilled.memory_note.previous_source.data == "Zweiter Absatz."
    assert prefilled.memory_note.copied_from == translation_at(translated, "p2", "Zweiter Absatz.")
    assert [change["old_source"] for change in open_source_changes(translated)] == [
        "Zweiter Absatz."
    ]


def test_one_changed_sentence_among_several_in_a_block_is_matched_by_position(sections, locales):
    _de, en = locales
    page = make_practice(
        sections, "Wasser", "wasser", [paragraph("<p>Eins.</p><p>Zwei.</p><p>Drei.</p>", "r1")]
    )
    translation = translate(page, en)
    translate_all(translation)
    edit_body(page, [paragraph("<p>Eins.</p><p>Zwei, anders.</p><p>Neu.</p><p>Drei.</p>", "r1")])
    sync(translation)

    assert body_texts(page, en) == {"body.r1": ["EN Eins.", "Zwei, anders.", "Neu.", "EN Drei."]}
    changed = translation_at(translation, "r1", "Zwei, anders.")
    assert changed.memory_note.previous_source.data == "Zwei."
    assert changed.data == "EN Zwei."
    # The inserted paragraph replaced nothing: it waits for a translation.
    assert not StringTranslation.objects.filter(translation_of__data="Neu.").exists()


# ---------------------------------------------------------------------------------------------
# Re-create, reorder, delete and restore


def test_a_recreated_block_reuses_its_translation(translated, practice, locales):
    _de, en = locales
    edit_body(practice, [ORIGINAL[0], ORIGINAL[1], paragraph("Dritter Absatz.", "p3-new")])
    sync(translated)

    reused = translation_at(translated, "p3-new", "Dritter Absatz.")
    assert (reused.data, reused.has_error) == ("EN Dritter Absatz.", False)
    assert reused.memory_note.kind == MemoryNote.REUSED
    assert reused.memory_note.copied_from == translation_at(translated, "p3", "Dritter Absatz.")
    assert body_texts(practice, en)["body.p3-new"] == ["EN Dritter Absatz."]
    assert untranslated(translated) == 0
    assert open_source_changes(translated) == []


def test_reordered_blocks_keep_their_translations(translated, practice, locales):
    _de, en = locales
    before = set(StringTranslation.objects.values_list("pk", "data"))
    edit_body(practice, [ORIGINAL[2], ORIGINAL[0], ORIGINAL[1]])
    sync(translated)

    assert list(body_texts(practice, en).items()) == [
        ("body.p3", ["EN Dritter Absatz."]),
        ("body.p1", ["EN Erster Absatz."]),
        ("body.p2", ["EN Zweiter Absatz."]),
    ]
    assert set(StringTranslation.objects.values_list("pk", "data")) == before
    assert not MemoryNote.objects.exists()


def test_a_deleted_and_restored_block_gets_its_translation_back(translated, practice, locales):
    _de, en = locales
    before = written()
    revision_with_p2 = GoodPracticePage.objects.get(pk=practice.pk).get_latest_revision()
    edit_body(practice, [ORIGINAL[0], ORIGINAL[2]])
    sync(translated)
    assert list(body_texts(practice, en)) == ["body.p1", "body.p3"]
    assert written() == before  # deleting the block deleted no translation

    # Restored from the earlier revision: the same block, the same id.
    revision_with_p2.as_object().save_revision().publish()
    sync(translated)
    assert body_texts(practice, en)["body.p2"] == ["EN Zweiter Absatz."]
    assert written() == before
    assert not MemoryNote.objects.exists()

    # Typed in again as a new block: the same text, so the same translation.
    edit_body(practice, [ORIGINAL[0], paragraph("Zweiter Absatz.", "p2-again")])
    sync(translated)
    assert body_texts(practice, en)["body.p2-again"] == ["EN Zweiter Absatz."]


# ---------------------------------------------------------------------------------------------
# Across pages


def test_a_text_moved_to_another_page_takes_its_translation_along(
    translated, practice, sections, locales
):
    _de, en = locales
    other = make_practice(sections, "Wasser", "wasser", [paragraph("Wasser sparen.", "w1")])
    other_translation = translate(other, en)
    translate_all(other_translation)
    other_translation.save_target(publish=False)

    # The third paragraph moves from the first practice to the other one.
    edit_body(practice, ORIGINAL[:2])
    sync(translated)
    edit_body(other, [paragraph("Wasser sparen.", "w1"), paragraph("Dritter Absatz.", "moved")])
    sync(other_translation)

    assert body_texts(other, en) == {
        "body.w1": ["EN Wasser sparen."],
        "body.moved": ["EN Dritter Absatz."],
    }
    moved = translation_at(other_translation, "moved", "Dritter Absatz.")
    assert moved.memory_note.copied_from == translation_at(translated, "p3", "Dritter Absatz.")


def test_a_page_translated_for_the_first_time_reuses_known_texts(translated, sections, locales):
    _de, en = locales
    page = make_practice(sections, "Müll", "muell", [ORIGINAL[0], paragraph("Ganz neu.", "n1")])
    translation = translate(page, en)  # the new translation record recalls the memory

    assert body_texts(page, en) == {"body.p1": ["EN Erster Absatz."], "body.n1": ["Ganz neu."]}
    assert untranslated(translation) >= 1
    copies = StringTranslation.objects.filter(context__object_id=page.translation_key, locale=en)
    assert copies.get(translation_of__data="Erster Absatz.").memory_note.kind == MemoryNote.REUSED
    assert not copies.filter(translation_of__data="Ganz neu.").exists()
    for copy in copies:  # only identical texts were reused
        assert copy.memory_note.copied_from.translation_of_id == copy.translation_of_id


def test_deleting_a_translated_page_keeps_what_the_translator_wrote(translated, practice, locales):
    _de, en = locales
    before = written()
    Page.objects.get(pk=practice.get_translation(en).pk).delete()
    assert written() == before
    assert not Translation.objects.get(pk=translated.pk).enabled


# ---------------------------------------------------------------------------------------------
# Helpers


def test_word_diff_marks_words_and_escapes_markup():
    assert word_diff("Ein <b>alter</b> Satz", "Ein <b>neuer</b> Satz & mehr") == (
        "Ein &lt;b&gt;<del>alter</del><ins>neuer</ins>&lt;/b&gt; Satz<ins> &amp; mehr</ins>"
    )


# ---------------------------------------------------------------------------------------------
# The wagtail-localize behaviour the memory is built on (1.14.5). When one of these fails after
# an upgrade, read localization/memory.py again: the memory may no longer fit, or be needed.


def test_upstream_keys_translations_by_text_and_place_and_leaves_old_ones_behind(
    translated, practice
):
    """An edited sentence is a new String whose segment wagtail-localize leaves untranslated,
    while the translation of the old String stays: the memory fills exactly this gap."""
    edit_body(practice, [ORIGINAL[0], paragraph("Zweiter Absatz, neu.", "p2"), ORIGINAL[2]])
    source = TranslationSource.objects.get(pk=translated.source_id)
    upstream_refresh = TranslationSource.refresh_segments.__wrapped_upstream__
    source.content_json = GoodPracticePage.objects.get(pk=practice.pk).to_json()
    source.save()
    upstream_refresh(source)
    new = String.objects.get(data="Zweiter Absatz, neu.")
    assert StringSegment.objects.filter(source=source, string=new).exists()
    assert not StringTranslation.objects.filter(translation_of=new).exists()
    assert translation_at(translated, "p2", "Zweiter Absatz.").data == "EN Zweiter Absatz."


def test_upstream_treats_a_flagged_translation_as_missing_and_shows_its_error(translated):
    """A translation with has_error is left out of the page and the progress, and its editor
    shows the text with get_error as its comment: the pre-filled state relies on both."""
    segment = StringSegment.objects.filter(source=translated.source, context__path="body.p1").get()
    flagged = StringTranslation.objects.get(translation_of=segment.string, context=segment.context)
    flagged.has_error = True
    flagged.field_error = "Field error from upstream"
    flagged.save(update_fields=["has_error", "field_error"])
    annotated = StringSegment.objects.filter(pk=segment.pk).annotate_translation(
        translated.target_locale
    )
    assert annotated.get().translation is None
    assert untranslated(translated) == 1
    data = StringTranslationSerializer(flagged).data
    assert (data["data"], data["error"]) == ("EN Erster Absatz.", "Field error from upstream")


def test_installing_the_memory_again_wraps_each_method_once_and_connects_each_handler_once(
    monkeypatch,
):
    """`install()` runs from LocalizationConfig.ready(), which may run more than once; from
    wagtail-localize's own methods it wraps each once."""
    from django.db.models.signals import post_save

    from localization import memory

    upstream_refresh = TranslationSource.refresh_segments.__wrapped_upstream__
    upstream_error = StringTranslation.get_error.__wrapped_upstream__
    monkeypatch.setattr(TranslationSource, "refresh_segments", upstream_refresh)
    monkeypatch.setattr(StringTranslation, "get_error", upstream_error)

    memory.install()
    refresh, get_error = TranslationSource.refresh_segments, StringTranslation.get_error
    memory.install()

    assert TranslationSource.refresh_segments is refresh
    assert refresh.__wrapped_upstream__ is upstream_refresh
    assert StringTranslation.get_error is get_error
    assert get_error.__wrapped_upstream__ is upstream_error

    def handlers(sender):
        receivers, _async_receivers = post_save._live_receivers(sender)
        return [
            r
            for r in receivers
            if r in (memory.recall_for_new_translation, memory.clear_checked_note)
        ]

    assert handlers(Translation) == [memory.recall_for_new_translation]
    assert handlers(StringTranslation) == [memory.clear_checked_note]
    assert handlers(String) == []
