"""Nothing a translator did is lost: against real wagtail-localize objects, no mocks.

wagtail-localize publishes in an on-commit hook that never runs inside a test's transaction, so
these tests sync with `save_target(publish=False)` (as "Sync translated pages" does without
"Publish immediately") and read the translation's latest revision.
"""

import json
from types import SimpleNamespace

import pytest
from django.contrib.messages import get_messages
from django.contrib.messages.storage.cookie import CookieStorage
from django.db import connection
from django.urls import reverse
from django.utils import translation as django_translation
from wagtail.models import Page
from wagtail.rich_text import RichText
from wagtail.users.models import UserProfile
from wagtail_localize.models import (
    SegmentOverride,
    StringSegment,
    StringTranslation,
    Translation,
)
from wagtail_localize.operations import translate_object
from wagtail_localize.segments.extract import extract_segments
from wagtail_localize.views.edit_translation import restart_translation

from localization import sync as localization_sync
from localization.sync import EditsDoNotFit, keep_manual_edits, restart_would_lose
from localization.sync_hooks import (
    KeepEditsPageMenuItem,
    KeepEditsSnippetMenuItem,
    guard_page_restart,
)
from pages.factories import GoodPracticePageFactory, PortalImageFactory, ThemeFactory
from pages.models import GoodPracticePage, Theme


@pytest.fixture(autouse=True)
def english_admin():
    with django_translation.override("en"):
        yield


@pytest.fixture
def admin_client(client, django_user_model, db):
    admin = django_user_model.objects.create_superuser("root", "root@example.org", "pw")
    profile = UserProfile.get_for_user(admin)
    profile.preferred_language = "en"  # the admin's messages are asserted in English
    profile.save()
    client.force_login(admin)
    return client


def paragraph(text, block_id):
    return {"type": "paragraph", "value": f"<p>{text}</p>", "id": block_id}


def image_block(image, alt, caption, block_id=None):
    value = {
        "image": image.pk,
        "alt_text": alt,
        "decorative": False,
        "caption": caption,
        "credit": "",
    }
    return {"type": "image", "value": value, "id": block_id} if block_id else value


@pytest.fixture
def images(db):
    return [PortalImageFactory(title=f"Bild {n}") for n in range(3)]


@pytest.fixture
def practice(home, sections, images):
    """A live German good practice with nested body content and taxonomy."""
    themes = [ThemeFactory(name="Abfall", slug="waste"), ThemeFactory(name="Wasser", slug="water")]
    body = [
        {"type": "heading", "value": {"text": "Ausgangslage", "level": "h2"}, "id": "h1"},
        paragraph("Erster Absatz", "p1"),
        paragraph("Zweiter Absatz", "p2"),
        paragraph("Dritter Absatz", "p3"),
        {
            "type": "gallery",
            "id": "g1",
            "value": {
                "title": "Galerie",
                "images": [
                    {
                        "type": "item",
                        "id": "gi1",
                        "value": image_block(images[0], "Alt eins", "Bild eins"),
                    },
                    {
                        "type": "item",
                        "id": "gi2",
                        "value": image_block(images[1], "Alt zwei", "Bild zwei"),
                    },
                ],
            },
        },
        {
            "type": "accordion",
            "id": "a1",
            "value": {
                "heading": "Fragen",
                "items": [
                    {
                        "type": "item",
                        "id": "ai1",
                        "value": {"title": "Wer?", "content": "<p>Die Stadt</p>"},
                    },
                    {
                        "type": "item",
                        "id": "ai2",
                        "value": {"title": "Wie?", "content": "<p>Gemeinsam</p>"},
                    },
                ],
            },
        },
        {
            "type": "key_figures",
            "id": "k1",
            "value": {
                "heading": "Zahlen",
                "figures": [
                    {
                        "type": "item",
                        "id": "kf1",
                        "value": {"figure": "500+", "label": "Haushalte"},
                    },
                    {"type": "item", "id": "kf2", "value": {"figure": "3", "label": "Bezirke"}},
                ],
            },
        },
    ]
    page = GoodPracticePageFactory(
        parent=sections["practices"],
        title="Mülltrennung",
        slug="muelltrennung",
        teaser="Eine Stadt trennt Müll.",
        body=json.dumps(body),
        challenge="<p>Zu viel Müll.</p>",
        approach="<p>Trennen.</p>",
        themes=themes,
    )
    page.save_revision().publish()
    return GoodPracticePage.objects.get(pk=page.pk)


def english(text):
    return f"EN {text}"


def translate_all(translation):
    """Translate every segment of the source: 'EN <German text>'."""
    for segment in StringSegment.objects.filter(source=translation.source).select_related(
        "string", "context"
    ):
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=translation.target_locale,
            context=segment.context,
            defaults={"data": english(segment.string.data)},
        )


@pytest.fixture
def translated(practice, locales):
    _de, en = locales
    for ancestor in (practice.get_parent().get_parent(), practice.get_parent()):
        translate_object(ancestor, [en])  # the English home and section, published
        ancestor.get_translation(en).specific.get_latest_revision().publish()
    translate_object(practice, [en])
    translation = Translation.objects.get(
        source__object_id=practice.translation_key, target_locale=en
    )
    translate_all(translation)
    translation.save_target(publish=False)
    return translation


def latest(page):
    return Page.objects.get(pk=page.pk).specific.get_latest_revision_as_object()


def english_page(practice, locales):
    return latest(practice.get_translation(locales[1]))


def stream_texts(page, field="body"):
    """Every translatable string of a page's StreamField, by segment path."""
    return {
        segment.path: segment.string.data
        for segment in extract_segments(page)
        if segment.path.startswith(field) and hasattr(segment, "string")
    }


def sync(translation):
    """What "Sync translated pages" does (without publishing)."""
    translation.source.update_from_db()
    translation.save_target(publish=False)


def edit_source(page, **changes):
    page = GoodPracticePage.objects.get(pk=page.pk)
    for name, value in changes.items():
        setattr(page, name, value)
    page.save_revision().publish()
    return GoodPracticePage.objects.get(pk=page.pk)


# ---------------------------------------------------------------------------------------------


def test_editing_one_paragraph_and_syncing_keeps_every_other_segment(translated, practice, locales):
    before = stream_texts(english_page(practice, locales))
    assert before["body.p1"] == "<p>EN Erster Absatz</p>" or before["body.p1"] == "EN Erster Absatz"

    body = practice.body.raw_data
    body = [dict(block) for block in body]
    for block in body:
        if block["id"] == "p2":
            block["value"] = "<p>Zweiter Absatz, neu</p>"
    edit_source(practice, body=json.dumps(body))
    sync(translated)

    target = english_page(practice, locales)
    after = stream_texts(target)
    changed = [path for path in before if before[path] != after.get(path)]
    assert changed == ["body.p2"]  # only the edited paragraph: the German text, to translate
    assert "Zweiter Absatz, neu" in after["body.p2"]
    assert target.title == english("Mülltrennung")
    assert target.teaser == english("Eine Stadt trennt Müll.")
    # The translation of the old paragraph stays in translation memory.
    assert StringTranslation.objects.filter(data__contains="EN Zweiter Absatz").exists()


def test_stop_sync_edit_and_restart_never_wipes_manual_edits(
    translated, practice, locales, admin_client
):
    _de, en = locales
    page_en = practice.get_translation(en).specific
    edit_url = reverse("wagtailadmin_pages:edit", args=[page_en.pk])

    # Stop the synced translation (wagtail-localize's "Stop synced translation").
    response = admin_client.post(
        reverse("wagtail_localize:stop_translation", args=[translated.pk]), {"next": edit_url}
    )
    assert response.status_code == 302
    translated.refresh_from_db()
    assert not translated.enabled

    # The page is now a normal page: edit it in Wagtail's editor and save.
    page_en = Page.objects.get(pk=page_en.pk).specific
    page_en.teaser = "Manually improved teaser."
    page_en.title = "Waste separation"
    page_en.save_revision()
    assert latest(page_en).teaser == "Manually improved teaser."

    # wagtail-localize's own restart would drop these edits at the next save of the translation:
    assert [field.name for field in restart_would_lose(translated, page_en)] == ["title", "teaser"]
    ephemeral = translated.source.get_ephemeral_translated_instance(en, fallback=True)
    assert ephemeral.teaser != "Manually improved teaser."

    # "Start Synced translation": refused, nothing changes, the editor is told why.
    response = admin_client.post(edit_url, {"localize-restart-translation": "restart"})
    assert response.status_code == 302
    assert response.url == edit_url
    translated.refresh_from_db()
    assert not translated.enabled
    assert latest(page_en).teaser == "Manually improved teaser."
    message = str(list(get_messages(response.wsgi_request))[-1])
    assert "not restarted" in message and "teaser" in message.lower()

    # "Restart synced translation, keeping my edits": the edits become the translation.
    response = admin_client.post(edit_url, {"localize-restart-keep-edits": "restart"})
    assert response.status_code == 302
    translated.refresh_from_db()
    assert translated.enabled
    assert restart_would_lose(translated, page_en) == []
    sync(translated)
    target = latest(page_en)
    assert target.teaser == "Manually improved teaser."
    assert target.title == "Waste separation"
    assert (
        stream_texts(target)["body.p1"].endswith("EN Erster Absatz</p>")
        or "EN Erster" in (stream_texts(target)["body.p1"])
    )


def test_restart_without_edits_is_not_in_the_way(translated, practice, locales, admin_client):
    _de, en = locales
    page_en = practice.get_translation(en).specific
    translated.enabled = False
    translated.save()
    response = admin_client.post(
        reverse("wagtailadmin_pages:edit", args=[page_en.pk]),
        {"localize-restart-translation": "restart"},
    )
    assert response.status_code == 302
    translated.refresh_from_db()
    assert translated.enabled


def test_the_keep_edits_button_is_shown_only_on_the_edit_view_of_a_stopped_translation(
    translated, practice, locales
):
    _de, en = locales
    page_en = Page.objects.get(pk=practice.get_translation(en).pk).specific
    item = KeepEditsPageMenuItem(order=1)
    assert item.is_shown({"view": "edit", "page": page_en}) is False  # still synced
    translated.enabled = False
    translated.save()
    assert item.is_shown({"view": "edit", "page": page_en}) is True
    assert item.is_shown({"view": "create", "page": page_en}) is False
    assert item.is_shown({"view": "edit", "page": practice}) is False  # the source


def test_wagtail_localize_restart_alone_would_lose_the_edits(translated, practice, locales, rf):
    """Why the guard exists (if this fails, wagtail-localize changed: review localization.sync)."""
    _de, en = locales
    page_en = practice.get_translation(en).specific
    translated.enabled = False
    translated.save()
    page_en.teaser = "Manual"
    page_en.save_revision()
    request = rf.post("/", {"localize-restart-translation": "1"})
    request._messages = type("M", (), {"add": lambda *a, **k: None})()
    restart_translation(request, translated, page_en)
    sync(translated)
    assert latest(page_en).teaser != "Manual"


def test_cleared_source_fields_clear_in_the_translation(translated, practice, locales):
    target = english_page(practice, locales)
    assert target.teaser and target.approach and len(target.body) and target.themes.count() == 2

    edit_source(practice, teaser="", approach="", body="[]", themes=[])
    assert GoodPracticePage.objects.get(pk=practice.pk).themes.count() == 0
    sync(translated)

    target = english_page(practice, locales)
    assert target.teaser == ""
    assert target.approach == ""
    assert len(target.body) == 0
    assert target.themes.count() == 0  # needs localization.sync's M2M workaround
    assert target.challenge  # untouched fields stay
    # And the live page, once published, too.
    revision = Page.objects.get(pk=target.pk).specific.get_latest_revision()
    revision.publish()
    live = GoodPracticePage.objects.get(pk=target.pk)
    assert (live.teaser, live.approach, len(live.body), live.themes.count()) == ("", "", 0, 0)


def test_nested_stream_content_round_trips_through_po_and_publish(
    translated, practice, locales, images, client
):
    _de, en = locales
    paths = {
        segment.context.path
        for segment in StringSegment.objects.filter(source=translated.source).select_related(
            "context"
        )
    }
    # Captions and alt texts of gallery images, accordion items, key figures: all segments.
    for path in [
        "body.g1.images.gi1.alt_text",
        "body.g1.images.gi2.caption",
        "body.a1.items.ai2.title",
        "body.a1.items.ai1.content",
        "body.k1.figures.kf2.label",
        "body.k1.figures.kf1.figure",
    ]:
        assert path in paths, sorted(paths)

    # Export to PO, translate in the file, import it back.
    po = translated.export_po()
    for entry in po:
        entry.msgstr = f"PO {entry.msgid}"
    StringTranslation.objects.filter(locale=en).delete()
    warnings = translated.import_po(po)
    assert warnings == []
    translated.save_target(publish=False)
    revision = practice.get_translation(en).specific.get_latest_revision()
    revision.publish()
    live = GoodPracticePage.objects.get(pk=practice.get_translation(en).pk)

    blocks = {block.id: block for block in live.body}
    gallery = blocks["g1"].value
    assert [item["caption"] for item in gallery["images"]] == ["PO Bild eins", "PO Bild zwei"]
    assert [item["alt_text"] for item in gallery["images"]] == ["PO Alt eins", "PO Alt zwei"]
    assert [item["image"].pk for item in gallery["images"]] == [images[0].pk, images[1].pk]
    accordion = blocks["a1"].value
    assert [item["title"] for item in accordion["items"]] == ["PO Wer?", "PO Wie?"]
    assert "PO Die Stadt" in accordion["items"][0]["content"].source
    figures = blocks["k1"].value["figures"]
    assert [(f["figure"], f["label"]) for f in figures] == [
        ("PO 500+", "PO Haushalte"),
        ("PO 3", "PO Bezirke"),
    ]
    assert live.title == "PO Mülltrennung"
    # The rendered page shows it.
    response = client.get(live.url)
    assert response.status_code == 200
    assert "PO Bild eins" in response.content.decode()


def _write_body(page, body):
    """Write raw JSON into a page's body and latest revision, as a code change leaves them."""
    raw = json.dumps(body)
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {GoodPracticePage._meta.db_table} SET body = %s WHERE page_ptr_id = %s",  # noqa: S608 (table name from the model)
            [raw, page.pk],
        )
    revision = Page.objects.get(pk=page.pk).specific.get_latest_revision()
    revision.content["body"] = raw
    revision.save(update_fields=["content"])


def test_removed_block_type_does_not_crash_editor_preview_or_publish(
    translated, practice, locales, admin_client
):
    _de, en = locales
    body = [dict(block) for block in practice.body.raw_data]
    body.append({"type": "retired_block", "value": {"text": "Alt"}, "id": "x1"})
    body.append({"type": "renamed_paragraph", "value": "<p>Umbenannt</p>", "id": "x2"})
    _write_body(practice, body)
    # The translation source still has the old content; sync it with the unknown blocks in.
    translated.source.update_from_db()
    page_en = practice.get_translation(en).specific

    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[page_en.pk]))
    assert response.status_code == 200
    response = admin_client.get(
        reverse("wagtail_localize:preview_translation", args=[translated.pk])
    )
    assert response.status_code == 200
    translated.save_target(publish=False)
    page_en = Page.objects.get(pk=page_en.pk).specific
    page_en.get_latest_revision().publish()
    live = GoodPracticePage.objects.get(pk=page_en.pk)
    assert "EN Erster Absatz" in str(live.body)
    # The source page's own editor, preview and live view still work too.
    assert (
        admin_client.get(reverse("wagtailadmin_pages:edit", args=[practice.pk])).status_code == 200
    )
    assert admin_client.get(live.url).status_code == 200


def stop(translation):
    """wagtail-localize's "Stop synced translation"."""
    translation.enabled = False
    translation.save()


def translations_into(locale):
    return dict(
        StringTranslation.objects.filter(locale=locale).values_list("translation_of__data", "data")
    )


def test_a_restart_weighs_the_latest_draft_of_the_translation(translated, practice, locales):
    _de, en = locales
    stop(translated)
    page_en = practice.get_translation(en).specific
    page_en.teaser = "A draft teaser, not published."
    page_en.save_revision()
    row = Page.objects.get(pk=page_en.pk).specific
    assert row.teaser != "A draft teaser, not published."  # the page row holds no drafts
    assert [field.name for field in restart_would_lose(translated, row)] == ["teaser"]


@pytest.mark.parametrize("edit", ["block added", "paragraph split in two"])
def test_edits_with_more_segments_than_the_source_do_not_fit_and_change_nothing(
    translated, practice, locales, edit
):
    _de, en = locales
    stop(translated)
    page_en = Page.objects.get(pk=practice.get_translation(en).pk).specific
    body = [dict(block) for block in latest(page_en).body.raw_data]
    if edit == "block added":
        body.append(paragraph("A fourth paragraph", "p4"))
    else:
        (p1,) = [block for block in body if block["id"] == "p1"]
        p1["value"] = "<p>EN Erster Absatz</p><p>And one more.</p>"
    page_en.body = json.dumps(body)
    page_en.save_revision()
    before = list(StringTranslation.objects.order_by("pk").values())
    with pytest.raises(EditsDoNotFit):
        keep_manual_edits(translated, Page.objects.get(pk=page_en.pk))
    assert list(StringTranslation.objects.order_by("pk").values()) == before


def test_kept_edits_store_no_translation_for_text_left_untranslated(translated, practice, locales):
    _de, en = locales
    StringTranslation.objects.get(
        locale=en, translation_of__data="Eine Stadt trennt Müll."
    ).delete()
    stop(translated)
    page_en = Page.objects.get(pk=practice.get_translation(en).pk).specific
    page_en.teaser = "Eine Stadt trennt Müll."  # the German text, as the sync left it
    page_en.title = "Waste separation"
    page_en.save_revision()
    before = translations_into(en)

    keep_manual_edits(translated, Page.objects.get(pk=page_en.pk))

    # The slug's translation becomes the slug the page has ("EN muelltrennung" slugified).
    assert translations_into(en) == {
        **before,
        "Mülltrennung": "Waste separation",
        "muelltrennung": page_en.slug,
    }
    assert "Eine Stadt trennt Müll." not in translations_into(en)


def test_installing_the_workarounds_again_wraps_the_copy_once_and_connects_each_handler_once():
    """`install()` runs from LocalizationConfig.ready(), which may run more than once."""
    from django.db.models.signals import post_delete, post_save
    from wagtail.models import PageViewRestriction
    from wagtail_localize import fields as localize_fields
    from wagtail_localize import models as localize_models

    localization_sync.install()
    localization_sync.install()

    wrapper = localize_models.copy_synchronised_fields
    assert wrapper.func is localization_sync.copy_and_localise
    assert wrapper.args == (localize_fields.copy_synchronised_fields,)
    assert wrapper.clears_emptied_m2m is True
    for signal in (post_save, post_delete):
        receivers, _async_receivers = signal._live_receivers(PageViewRestriction)
        handlers = [
            r for r in receivers if r is localization_sync.sync_view_restrictions_of_translations
        ]
        assert len(handlers) == 1
    saved, _async_receivers = post_save._live_receivers(Page)
    assert localization_sync.sync_view_restrictions_of_translations not in saved


def test_the_copy_wrapper_runs_wagtail_localizes_copy_then_empties_what_the_source_emptied(
    practice,
):
    calls = []
    wrapped = localization_sync.copy_synchronised_fields_clearing_m2m(
        lambda source, target: calls.append((source, target))
    )
    themes = list(practice.themes.all())
    target = GoodPracticePage(title="Copy", slug="copy", themes=themes)
    wrapped(practice, target)
    assert calls == [(practice, target)]
    # The source has its themes: the target keeps its own.
    assert [theme.slug for theme in target.themes.all()] == ["waste", "water"]

    emptied = GoodPracticePage(title="Leer", slug="leer", themes=[])
    wrapped(emptied, target)
    assert calls == [(practice, target), (emptied, target)]
    assert list(target.themes.all()) == []


def test_a_sync_points_the_translations_links_at_the_terms_in_its_language(
    translated, practice, locales
):
    """wagtail-localize copies the source's theme ids as they are; after a sync the English
    page links to the English version of a theme that has one, the German one of one that has
    none (localization.sync.copy_and_localise: pages.locales.localise_synchronised_links)."""
    _de, en = locales
    waste, water = practice.themes.order_by("slug")
    english_waste = waste.copy_for_translation(en)
    english_waste.name = "Waste"
    english_waste.save()

    sync(translated)

    themes = english_page(practice, locales).themes.all()
    assert sorted((theme.pk, theme.locale_id) for theme in themes) == sorted(
        [(english_waste.pk, en.pk), (water.pk, water.locale_id)]
    )
    # The German source keeps its German themes.
    assert sorted(theme.pk for theme in latest(practice).themes.all()) == sorted(
        [waste.pk, water.pk]
    )


def test_installing_over_wagtail_localizes_own_copy_wraps_it(monkeypatch):
    from wagtail_localize import fields as localize_fields
    from wagtail_localize import models as localize_models

    monkeypatch.setattr(
        localize_models, "copy_synchronised_fields", localize_fields.copy_synchronised_fields
    )
    localization_sync.install()
    wrapper = localize_models.copy_synchronised_fields
    assert wrapper.func is localization_sync.copy_and_localise
    assert wrapper.args == (localize_fields.copy_synchronised_fields,)
    # The wrapper says it is one: installing again keeps it.
    localization_sync.install()
    assert localize_models.copy_synchronised_fields is wrapper


def test_a_restart_sees_an_edited_paragraph_of_a_stream_field(translated, practice, locales):
    _de, en = locales
    stop(translated)
    page_en = Page.objects.get(pk=practice.get_translation(en).pk).specific
    body = [dict(block) for block in latest(page_en).body.raw_data]
    (p2,) = [block for block in body if block["id"] == "p2"]
    p2["value"] = "<p>Second paragraph, improved by hand.</p>"
    page_en.body = json.dumps(body)
    page_en.save_revision()
    assert [field.name for field in restart_would_lose(translated, page_en)] == ["body"]


class _Related:
    """A related manager's `all()`, for `_comparable` without a model that has one."""

    def __init__(self, *items):
        self.items = items

    def all(self):
        return list(self.items)


@pytest.mark.parametrize("kind", ["many_to_many", "one_to_many"])
def test_a_relation_compares_by_the_names_of_its_items_in_any_order(kind):
    field = SimpleNamespace(name="themes", **{kind: True})
    one = SimpleNamespace(themes=_Related("Wasser", "Abfall"))
    other = SimpleNamespace(themes=_Related("Abfall", "Wasser"))
    assert localization_sync._comparable(field, one) == '["Abfall", "Wasser"]'
    assert localization_sync._comparable(field, other) == '["Abfall", "Wasser"]'
    fewer = SimpleNamespace(themes=_Related("Abfall"))
    assert localization_sync._comparable(field, fewer) == '["Abfall"]'


@pytest.mark.django_db
def test_text_and_rich_text_compare_by_their_stored_text():
    field = SimpleNamespace(name="teaser")
    assert localization_sync._comparable(field, SimpleNamespace(teaser="Mülltrennung")) == (
        '"M\\u00fclltrennung"'
    )
    # Rich text by its source, internal links as stored (not rendered to a URL, or to a bare
    # link when the page is gone).
    source = '<p><a id="999999" linktype="page">Erster</a> Absatz</p>'
    rich = SimpleNamespace(teaser=RichText(source))
    assert localization_sync._comparable(field, rich) == json.dumps(source)
    assert localization_sync._comparable(field, SimpleNamespace(teaser=None)) == "null"


def test_a_restart_weighs_untranslated_text_as_the_source_text_it_falls_back_to(
    translated, practice, locales
):
    _de, en = locales
    StringTranslation.objects.get(
        locale=en, translation_of__data="Eine Stadt trennt Müll."
    ).delete()
    stop(translated)
    page_en = Page.objects.get(pk=practice.get_translation(en).pk).specific
    page_en.teaser = "Eine Stadt trennt Müll."  # the German text, as a sync leaves it
    page_en.title = "Waste separation"
    page_en.save_revision()
    assert [field.name for field in restart_would_lose(translated, page_en)] == ["title"]


# ---------------------------------------------------------------------------------------------
# The restart guard and "keeping my edits" in the admin (localization.sync_hooks), for a page
# and for a translatable snippet (a theme).

RESTART_REFUSED = (
    "The synchronisation was not restarted: this translation was edited after it stopped "
    "({fields}), and restarting would overwrite those edits. Use "
    '"Restart synced translation, keeping my edits" to keep them.'
)
EDITS_DO_NOT_FIT = (
    "The synchronisation was not restarted: the edited translation no longer has the "
    "structure of its source, so its edits cannot be kept."
)
KEEP_EDITS_BUTTON = 'name="localize-restart-keep-edits"'


def shown_messages(response):
    """The messages a response leaves for the editor (wagtail-localize's end in blank lines)."""
    return [
        (message.level_tag, str(message).strip()) for message in get_messages(response.wsgi_request)
    ]


def stored_translations():
    """Everything a restart or kept edits would write: the translated segments and overrides."""
    return (
        list(StringTranslation.objects.order_by("pk").values()),
        list(SegmentOverride.objects.order_by("pk").values()),
    )


def page_edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def theme_edit_url(theme):
    return reverse("wagtailsnippets_pages_theme:edit", args=[theme.pk])


@pytest.fixture
def stopped_page(translated, practice, locales):
    """The English good practice, its synced translation stopped and its title and teaser
    edited by hand (a draft: the latest revision)."""
    stop(translated)
    page_en = Page.objects.get(pk=practice.get_translation(locales[1]).pk).specific
    page_en.title = "Waste separation"
    page_en.teaser = "Manually improved teaser."
    page_en.save_revision()
    return Page.objects.get(pk=page_en.pk).specific


@pytest.fixture
def theme(locales):
    """A German theme, translated into English ("Housing") by a synced translation."""
    _de, en = locales
    theme = ThemeFactory(name="Wohnen", slug="housing")
    translate_object(theme, [en])
    translation = Translation.objects.get(source__object_id=theme.translation_key, target_locale=en)
    translate_all(translation)
    translation.save_target()  # a snippet without drafts is saved as it is
    theme_en = theme.get_translation(en)
    assert theme_en.name == english("Wohnen")
    return SimpleNamespace(de=theme, en=theme_en, translation=translation)


def edit_theme_by_hand(theme, name="Housing, by hand"):
    """Stop the theme's synced translation and rename its English version in the database."""
    stop(theme.translation)
    theme.en.name = name
    theme.en.save()


def admin_user(django_user_model):
    return django_user_model.objects.get(username="root")


def test_a_refused_restart_of_a_page_names_every_edited_field_and_changes_nothing(
    stopped_page, translated, admin_client
):
    edit_url = page_edit_url(stopped_page)
    before = stored_translations()
    revision = stopped_page.get_latest_revision()

    response = admin_client.post(edit_url, {"localize-restart-translation": "restart"})

    assert response.status_code == 302
    assert response.url == edit_url
    assert shown_messages(response) == [
        ("warning", RESTART_REFUSED.format(fields="title and teaser"))
    ]
    translated.refresh_from_db()
    assert translated.enabled is False
    assert stored_translations() == before
    assert Page.objects.get(pk=stopped_page.pk).get_latest_revision() == revision
    assert latest(stopped_page).teaser == "Manually improved teaser."


def test_keeping_a_pages_edits_records_them_as_the_editors_manual_translations(
    stopped_page, translated, admin_client, django_user_model
):
    edit_url = page_edit_url(stopped_page)

    response = admin_client.post(edit_url, {"localize-restart-keep-edits": "restart"})

    assert response.status_code == 302
    assert response.url == edit_url
    assert shown_messages(response) == [("success", "Translation has been restarted.")]
    translated.refresh_from_db()
    assert translated.enabled is True
    kept = StringTranslation.objects.get(
        locale=translated.target_locale, translation_of__data="Eine Stadt trennt Müll."
    )
    assert (kept.data, kept.translation_type, kept.last_translated_by) == (
        "Manually improved teaser.",
        StringTranslation.TRANSLATION_TYPE_MANUAL,
        admin_user(django_user_model),
    )


def test_keeping_edits_that_no_longer_fit_the_source_is_refused_and_changes_nothing(
    translated, practice, locales, admin_client
):
    stop(translated)
    page_en = Page.objects.get(pk=practice.get_translation(locales[1]).pk).specific
    page_en.body = json.dumps(
        [*latest(page_en).body.raw_data, paragraph("A fourth paragraph", "p4")]
    )
    page_en.save_revision()
    edit_url = page_edit_url(page_en)
    before = stored_translations()

    response = admin_client.post(edit_url, {"localize-restart-keep-edits": "restart"})

    assert response.status_code == 302
    assert response.url == edit_url
    assert shown_messages(response) == [("error", EDITS_DO_NOT_FIT)]
    translated.refresh_from_db()
    assert translated.enabled is False
    assert stored_translations() == before


def test_a_stopped_pages_editor_is_left_to_wagtail_without_a_restart_in_the_request(
    stopped_page, translated, admin_client, rf, django_user_model
):
    """Opening or saving an edited, stopped translation: the restart guard stays out of it."""
    edit_url = page_edit_url(stopped_page)
    before = stored_translations()

    response = admin_client.get(edit_url)
    assert response.status_code == 200
    assert KEEP_EDITS_BUTTON in response.text
    assert shown_messages(response) == []

    # The editor's "Save draft" (its other fields left out): not the guard's business.
    request = rf.post(edit_url, {"title": "Waste separation, again"})
    request.user = admin_user(django_user_model)
    request._messages = CookieStorage(request)
    assert guard_page_restart(request, stopped_page) is None
    assert list(request._messages) == []

    translated.refresh_from_db()
    assert translated.enabled is False
    assert stored_translations() == before


def test_the_keep_edits_button_is_shown_only_on_the_edit_view_of_a_stopped_snippet_translation(
    theme,
):
    item = KeepEditsSnippetMenuItem(order=1)
    assert item.is_shown({"view": "edit", "instance": theme.en, "model": Theme}) is False  # synced
    stop(theme.translation)
    assert item.is_shown({"view": "edit", "instance": theme.en, "model": Theme}) is True
    assert item.is_shown({"view": "create", "instance": theme.en, "model": Theme}) is False
    assert item.is_shown({"view": "create", "model": Theme}) is False  # the create view's context
    assert item.is_shown({"view": "edit", "instance": theme.de, "model": Theme}) is False


def test_the_snippet_editor_offers_keep_edits_on_a_stopped_translation_only(theme, admin_client):
    # Synced: wagtail-localize's translation editor, without the button.
    response = admin_client.get(theme_edit_url(theme.en))
    assert response.status_code == 200
    assert 'class="js-translation-editor"' in response.text
    assert KEEP_EDITS_BUTTON not in response.text

    stop(theme.translation)
    response = admin_client.get(theme_edit_url(theme.en))
    assert response.status_code == 200
    assert KEEP_EDITS_BUTTON in response.text
    assert "Restart synced translation, keeping my edits" in response.text

    # Not on the German source's edit view, nor on the create view.
    response = admin_client.get(theme_edit_url(theme.de))
    assert response.status_code == 200
    assert KEEP_EDITS_BUTTON not in response.text
    response = admin_client.get(reverse("wagtailsnippets_pages_theme:add"), {"locale": "en"})
    assert response.status_code == 200
    assert KEEP_EDITS_BUTTON not in response.text


def test_the_keep_edits_button_belongs_to_the_object_whose_translation_stopped(
    theme, translated, practice, locales, admin_client
):
    """Another object's stopped translation into the same language is not this one's."""
    _de, en = locales
    stop(theme.translation)
    page_en = Page.objects.get(pk=practice.get_translation(en).pk).specific  # still synced
    assert KeepEditsPageMenuItem(order=1).is_shown({"view": "edit", "page": page_en}) is False
    english_original = ThemeFactory(name="Mobility", slug="mobility", locale=en)  # no translation
    context = {"view": "edit", "instance": english_original, "model": Theme}
    assert KeepEditsSnippetMenuItem(order=1).is_shown(context) is False

    response = admin_client.get(theme_edit_url(english_original))
    assert response.status_code == 200
    assert KEEP_EDITS_BUTTON not in response.text


def test_a_refused_restart_of_a_snippet_names_its_edited_field_and_changes_nothing(
    theme, admin_client
):
    edit_theme_by_hand(theme)
    edit_url = theme_edit_url(theme.en)
    before = stored_translations()

    response = admin_client.post(edit_url, {"localize-restart-translation": "restart"})

    assert response.status_code == 302
    assert response.url == edit_url
    assert shown_messages(response) == [("warning", RESTART_REFUSED.format(fields="name"))]
    theme.translation.refresh_from_db()
    assert theme.translation.enabled is False
    assert stored_translations() == before
    assert Theme.objects.get(pk=theme.en.pk).name == "Housing, by hand"


def test_restarting_an_unedited_snippet_translation_is_not_in_the_way(theme, admin_client):
    stop(theme.translation)
    edit_url = theme_edit_url(theme.en)

    response = admin_client.post(edit_url, {"localize-restart-translation": "restart"})

    assert response.status_code == 302
    assert response.url == edit_url
    assert shown_messages(response) == [("success", "Translation has been restarted.")]
    theme.translation.refresh_from_db()
    assert theme.translation.enabled is True


def test_keeping_a_snippets_edits_restarts_its_sync_with_them(
    theme, admin_client, django_user_model
):
    edit_theme_by_hand(theme)
    edit_url = theme_edit_url(theme.en)

    response = admin_client.post(edit_url, {"localize-restart-keep-edits": "restart"})

    assert response.status_code == 302
    assert response.url == edit_url
    assert shown_messages(response) == [("success", "Translation has been restarted.")]
    theme.translation.refresh_from_db()
    assert theme.translation.enabled is True
    kept = StringTranslation.objects.get(locale=theme.en.locale, translation_of__data="Wohnen")
    assert (kept.data, kept.translation_type, kept.last_translated_by) == (
        "Housing, by hand",
        StringTranslation.TRANSLATION_TYPE_MANUAL,
        admin_user(django_user_model),
    )
    theme.translation.source.update_from_db()
    theme.translation.save_target()
    assert Theme.objects.get(pk=theme.en.pk).name == "Housing, by hand"


def test_saving_a_stopped_snippet_translation_is_left_to_the_editor(theme, admin_client):
    """The snippet's own "Save" of an edited, stopped translation: saved, the sync stays off."""
    edit_theme_by_hand(theme)

    response = admin_client.post(
        theme_edit_url(theme.en),
        {"name": "Housing", "slug": "housing", "sort_order": "0", "parent": ""},
    )

    assert response.status_code == 302
    assert response.url == reverse("wagtailsnippets_pages_theme:list")
    assert Theme.objects.get(pk=theme.en.pk).name == "Housing"
    theme.translation.refresh_from_db()
    assert theme.translation.enabled is False
