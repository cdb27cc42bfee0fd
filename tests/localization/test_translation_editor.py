"""wagtail-localize's translation editor as each role gets it (localization.roles.editor).

Translators and editors (who may not publish) never get "Stop synced translation" or "Convert to
alias page": not in the editor's props, not as a footer button, and not from the server; their
main footer action is "Submit for moderation", which asks before it submits a translation with
untranslated segments. Moderators keep wagtail-localize's own footer. The dashboard shows the
moderators how many segments of a translation awaiting their review are untranslated.
"""

import html
import json
import re

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils import translation as django_translation
from wagtail.models import Page, WorkflowState
from wagtail.users.models import UserProfile
from wagtail_localize.models import StringSegment, StringTranslation, Translation
from wagtail_localize.operations import translate_object

from localization.memory import SOURCE_CHANGED
from localization.roles.groups import EDITORS, MODERATORS, translator_group_name
from pages.factories import StandardPageFactory, ThemeFactory
from pages.models import StandardPage
from tests.localization.test_roles import make_user, site_tree  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english_admin():
    with django_translation.override("en"):
        yield


@pytest.fixture
def tree(site_tree):  # noqa: F811 (test_roles' fixture)
    return site_tree


@pytest.fixture
def users(django_user_model, tree):
    """A translator into English, an editor and a moderator, their admin in English."""
    people = {
        "translator": make_user(django_user_model, "tara", translator_group_name("en")),
        "editor": make_user(django_user_model, "emil", EDITORS),
        "moderator": make_user(django_user_model, "mona", MODERATORS),
    }
    for user in people.values():
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = "en"
        profile.save()
    return people


@pytest.fixture
def translation(tree, locales):
    return Translation.objects.get(
        source__object_id=tree["page_de"].translation_key, target_locale=locales[1]
    )


@pytest.fixture
def theme_translation(locales):
    """A German theme and its synced English translation: (theme_en, translation)."""
    _de, en = locales
    theme = ThemeFactory(name="Wohnen", slug="housing")
    translate_object(theme, [en])
    translation = Translation.objects.get(source__object_id=theme.translation_key)
    return theme.get_translation(en), translation


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def text_of(fragment):
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


def portal_footer(response):
    """The portal's footer form, or None when the page has wagtail-localize's own."""
    content = response.text
    if 'class="portal-translation-footer"' not in content:
        return None
    footer = content[content.index('class="portal-translation-footer"') :]
    return footer[: footer.index("</form>")]


def footer_links(response):
    """The links of the portal's footer, in order: [(label, href)]."""
    return [
        (text_of(label), html.unescape(href))
        for href, label in re.findall(
            r'<a [^>]*href="([^"]*)"[^>]*>(.*?)</a>', portal_footer(response), re.S
        )
    ]


def dashboard_rows(response):
    """The rows of the moderators' "Translations awaiting your review" panel:
    [(edit link, title, language, untranslated, submitted by)], or None without the panel."""
    content = response.text
    if 'id="translations-awaiting-review-heading"' not in content:
        return None
    panel = content[content.index('id="translations-awaiting-review-heading"') :]
    panel = panel[: panel.index("</table>")]
    rows = []
    for row in re.findall(r"<tr data-untranslated=[^>]*>(.*?)</tr>", panel, re.S):
        cells = re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S)
        link = re.search(r'href="([^"]*)"', cells[0]).group(1)
        rows.append((link, *(text_of(cell) for cell in cells[:4])))
    return rows


def editor_props(response):
    match = re.search(r'class="js-translation-editor" data-props="([^"]*)"', response.text)
    assert match, "the translation editor is not on the page"
    return json.loads(html.unescape(match.group(1)))


def translate(translation, count=None):
    """Translates `count` (default: all) string segments, as the editor's PUT would."""
    segments = StringSegment.objects.filter(source=translation.source).select_related("string")
    segments = list(segments.order_by("order"))
    for segment in segments[:count]:
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=translation.target_locale,
            context=segment.context,
            defaults={"data": f"EN {segment.string.data}", "translation_type": "manual"},
        )
    return len(segments)


@pytest.mark.parametrize("role", ["translator", "editor"])
def test_who_may_not_publish_gets_no_detaching_action_and_submits(
    client, users, tree, translation, role
):
    page_en = tree["page_en"]
    client.force_login(users[role])
    response = client.get(edit_url(page_en))
    assert response.status_code == 200
    assert "wagtail_localize/admin/edit_translation.html" in [t.name for t in response.templates]

    links = editor_props(response)["links"]
    # The keys are wagtail-localize's: if an upgrade renames them, this fails.
    assert links["convertToAliasUrl"] is None
    assert links["stopTranslationUrl"] is None
    assert editor_props(response)["perms"]["canPublish"] is False
    content = response.text
    assert "css/translation_editor.css" in content  # hides wagtail-localize's footer
    footer = content[content.index('class="portal-translation-footer"') :]
    main = re.search(r"<nav[^>]*>\s*(?:<div[^>]*>\s*)?<button[^>]*>(.*?)</button>", footer, re.S)
    assert main and "Submit for moderation" in main.group(1)
    assert 'name="action-submit"' in footer
    # The footer's form posts to the page's edit view, whatever the editor's URL carried.
    assert (
        f'<form method="post" action="{edit_url(page_en)}" class="portal-translation-footer">'
        in content
    )
    assert "Convert to alias" not in content
    assert "Stop synced translation" not in content
    assert reverse("wagtail_localize:preview_translation", args=[translation.pk]) in footer


@pytest.mark.parametrize("role", ["translator", "editor"])
def test_the_footer_offers_delete_only_to_who_may_delete_the_page(
    client, users, tree, translation, role
):
    # The English page is an unpublished leaf: editors (who may add pages) may delete it,
    # translators never delete pages (localization.roles.permissions).
    page_en = tree["page_en"]
    client.force_login(users[role])
    response = client.get(edit_url(page_en))
    preview = ("Preview", reverse("wagtail_localize:preview_translation", args=[translation.pk]))
    delete = ("Delete", reverse("wagtailadmin_pages:delete", args=[page_en.pk]))
    assert footer_links(response) == ([preview, delete] if role == "editor" else [preview])


def test_the_footer_of_a_translation_in_moderation_says_so_and_only_previews(
    client, users, tree, translation
):
    page_en = tree["page_en"]
    translate(translation)
    client.force_login(users["translator"])
    footer = portal_footer(client.get(edit_url(page_en)))
    assert "This translation is awaiting moderation." not in footer

    client.post(edit_url(page_en), {"action-submit": "submit"})
    response = client.get(edit_url(page_en))
    footer = portal_footer(response)
    assert "This translation is awaiting moderation." in footer
    assert 'name="action-submit"' not in footer  # already submitted
    assert footer_links(response) == [
        ("Preview", reverse("wagtail_localize:preview_translation", args=[translation.pk]))
    ]


def test_who_may_not_publish_is_refused_stop_and_convert(client, users, tree, translation):
    page_en = tree["page_en"]
    for role in ("translator", "editor"):
        client.force_login(users[role])
        stop = client.post(reverse("wagtail_localize:stop_translation", args=[translation.pk]))
        convert = client.post(reverse("wagtail_localize:convert_to_alias", args=[page_en.pk]))
        assert stop.status_code == convert.status_code == 302  # Wagtail's "permission denied"
        assert reverse("wagtailadmin_home") == stop["Location"] == convert["Location"]
        assert Translation.objects.get(pk=translation.pk).enabled
        assert Page.objects.get(pk=page_en.pk).alias_of_id is None


def test_the_moderator_converts_the_translation_back_to_an_alias(client, users, tree, translation):
    page_de, page_en = tree["page_de"], tree["page_en"]
    client.force_login(users["moderator"])
    response = client.post(reverse("wagtail_localize:convert_to_alias", args=[page_en.pk]))
    assert response.status_code == 302
    assert Page.objects.get(pk=page_en.pk).alias_of_id == page_de.pk
    assert not Translation.objects.filter(pk=translation.pk).exists()


def test_the_moderator_keeps_wagtail_localizes_footer_and_may_stop(
    client, users, tree, translation
):
    page_en = tree["page_en"]
    client.force_login(users["moderator"])
    response = client.get(edit_url(page_en))
    props = editor_props(response)
    assert props["perms"]["canPublish"] is True
    assert props["links"]["stopTranslationUrl"] == reverse(
        "wagtail_localize:stop_translation", args=[translation.pk]
    )
    assert props["links"]["convertToAliasUrl"] == reverse(
        "wagtail_localize:convert_to_alias", args=[page_en.pk]
    )
    assert "portal-translation-footer" not in response.text
    assert "css/translation_editor.css" not in response.text

    response = client.post(
        reverse("wagtail_localize:stop_translation", args=[translation.pk]),
        {"next": edit_url(page_en)},
    )
    assert response.status_code == 302
    assert not Translation.objects.get(pk=translation.pk).enabled


def test_a_translator_of_snippets_publishes_but_cannot_stop(
    client, users, locales, theme_translation
):
    _de, en = locales
    theme_en, translation = theme_translation
    client.force_login(users["translator"])
    url = reverse("wagtailsnippets_pages_theme:edit", args=[theme_en.pk])
    response = client.get(url)
    assert response.status_code == 200
    assert editor_props(response)["links"]["stopTranslationUrl"] is None
    footer = portal_footer(response)
    assert 'name="action" value="publish"' in footer
    assert "Publish in English" in footer
    assert footer_links(response) == []  # no Preview, no Delete: only publishing
    client.post(reverse("wagtail_localize:stop_translation", args=[translation.pk]))
    assert Translation.objects.get(pk=translation.pk).enabled

    # The footer's main action saves the translated snippet, as wagtail-localize's would.
    segment = StringSegment.objects.get(source=translation.source, string__data="Wohnen")
    StringTranslation.objects.create(
        translation_of=segment.string, locale=en, context=segment.context, data="Housing"
    )
    response = client.post(url, {"action": "publish"})
    assert response.status_code == 302
    assert str(type(theme_en).objects.get(pk=theme_en.pk)) == "Housing"


@pytest.mark.parametrize("who", ["moderator", "translator allowed to delete"])
def test_who_may_delete_a_snippet_keeps_wagtail_localizes_footer_and_may_stop(
    client, users, theme_translation, who
):
    theme_en, translation = theme_translation
    user = users[who.split()[0]]
    if who == "translator allowed to delete":
        user.user_permissions.add(
            Permission.objects.get(content_type__app_label="pages", codename="delete_theme")
        )
    client.force_login(user)
    url = reverse("wagtailsnippets_pages_theme:edit", args=[theme_en.pk])
    response = client.get(url)
    assert response.status_code == 200
    assert editor_props(response)["links"]["stopTranslationUrl"] == reverse(
        "wagtail_localize:stop_translation", args=[translation.pk]
    )
    assert portal_footer(response) is None
    assert "css/translation_editor.css" not in response.text

    response = client.post(
        reverse("wagtail_localize:stop_translation", args=[translation.pk]), {"next": url}
    )
    assert response.status_code == 302
    assert not Translation.objects.get(pk=translation.pk).enabled


def test_an_incomplete_translation_is_submitted_only_when_confirmed(
    client, users, tree, translation
):
    page_en = tree["page_en"]
    total = translate(translation, count=1)
    assert total >= 3
    client.force_login(users["translator"])

    response = client.post(edit_url(page_en), {"action-submit": "submit"})
    assert response.status_code == 200
    text = " ".join(response.text.split())
    assert f"{total - 1} of {total} segments" in text
    assert "are not yet translated into English" in text
    assert 'name="confirm-incomplete"' in response.text
    page_en = StandardPage.objects.get(pk=page_en.pk)
    assert page_en.current_workflow_state is None  # not submitted

    response = client.post(
        edit_url(page_en), {"action-submit": "submit", "confirm-incomplete": "1"}
    )
    assert response.status_code == 302
    state = StandardPage.objects.get(pk=page_en.pk).current_workflow_state
    assert state is not None and state.status == WorkflowState.STATUS_IN_PROGRESS


def test_a_complete_translation_is_submitted_directly(client, users, tree, translation):
    page_en = tree["page_en"]
    translate(translation)
    client.force_login(users["translator"])
    response = client.post(edit_url(page_en), {"action-submit": "submit"})
    assert response.status_code == 302
    state = StandardPage.objects.get(pk=page_en.pk).current_workflow_state
    assert state is not None and state.status == WorkflowState.STATUS_IN_PROGRESS


def test_segments_to_check_count_as_untranslated_and_are_named(client, users, tree, translation):
    from localization.models import MemoryNote

    page_en = tree["page_en"]
    total = translate(translation)
    flagged = StringTranslation.objects.filter(locale=translation.target_locale).first()
    flagged.has_error = True
    flagged.field_error = SOURCE_CHANGED
    flagged.save()
    MemoryNote.objects.create(
        translation=flagged, kind=MemoryNote.SOURCE_CHANGED, previous_source=flagged.translation_of
    )
    client.force_login(users["translator"])
    response = client.post(edit_url(page_en), {"action-submit": "submit"})
    text = " ".join(response.text.split())
    assert f"1 of {total} segments" in text
    assert "1 of them is pre-filled with your earlier translation" in text


def test_moderators_see_the_untranslated_count_on_the_dashboard(client, users, tree, translation):
    page_en = tree["page_en"]
    total = translate(translation, count=2)
    client.force_login(users["translator"])
    client.post(edit_url(page_en), {"action-submit": "submit", "confirm-incomplete": "1"})

    client.force_login(users["moderator"])
    response = client.get(reverse("wagtailadmin_home"))
    content = response.text
    assert "Awaiting your review" in content  # Wagtail's panel, where they approve
    panel = content[content.index('id="translations-awaiting-review-heading"') :]
    assert f'data-untranslated="{total - 2}"' in panel
    assert f"{total - 2} of {total} untranslated" in " ".join(panel.split())

    # Translated meanwhile: the count is the current one.
    translate(translation)
    panel = client.get(reverse("wagtailadmin_home")).text
    assert 'data-untranslated="0"' in panel
    assert f"All {total} translated" in panel

    # The translator reviews nothing: no panel.
    client.force_login(users["translator"])
    assert "translations-awaiting-review" not in client.get(reverse("wagtailadmin_home")).text


def test_the_dashboard_lists_synced_translations_in_review_newest_first(
    client, users, tree, translation, locales
):
    _de, en = locales
    page_en, page_de = tree["page_en"], tree["page_de"]
    other_de = StandardPageFactory(parent=tree["home_de"], title="Projekte", slug="projekte")
    other_de.save_revision().publish()
    translate_object(other_de, [en])
    other_en = other_de.get_translation(en)
    other = Translation.objects.get(source__object_id=other_de.translation_key)
    total = translate(translation, count=2)
    other_total = translate(other)

    client.force_login(users["translator"])
    client.post(edit_url(page_en), {"action-submit": "submit", "confirm-incomplete": "1"})
    client.force_login(users["editor"])
    client.post(edit_url(other_en), {"action-submit": "submit"})
    # The German source page in review is no synced translation: not listed.
    page_de.get_workflow().start(page_de, users["editor"])
    assert WorkflowState.objects.filter(status=WorkflowState.STATUS_IN_PROGRESS).count() == 3

    client.force_login(users["moderator"])
    taras = (
        edit_url(page_en),
        "EN Über uns",
        "English",
        f"{total - 2} of {total} untranslated",
        "tara",
    )
    emils = (edit_url(other_en), "EN Projekte", "English", f"All {other_total} translated", "emil")
    assert dashboard_rows(client.get(reverse("wagtailadmin_home"))) == [emils, taras]

    # A stopped translation is no longer synced: not listed, though still in review.
    client.post(reverse("wagtail_localize:stop_translation", args=[other.pk]))
    assert not Translation.objects.get(pk=other.pk).enabled
    state = StandardPage.objects.get(pk=other_en.pk).current_workflow_state
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert dashboard_rows(client.get(reverse("wagtailadmin_home"))) == [taras]
