"""The translation status report (Wagtail's ReportView): statuses, filters, CSV and XLSX export,
bulk submit, permissions, and a number of SQL queries that does not grow with the number of
pages."""

import csv
import io

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from django.urls import reverse, reverse_lazy
from django.utils.translation import override
from wagtail.models import Locale, Page
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)
from wagtail_localize.operations import TranslationCreator

from localization.status import query
from localization.status.views import BulkSubmitView, csv_safe
from pages.factories import GoodPracticePageFactory, NewsPageFactory, RegionFactory
from pages.models import GoodPracticePage

pytestmark = pytest.mark.django_db

URL = reverse_lazy("localization_status:index")


@pytest.fixture(autouse=True)
def drafts(settings):
    """New translations start as drafts (the project's rule; set here so that these tests
    do not depend on where the setting is made)."""
    settings.WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False


@pytest.fixture
def en(locales):
    return locales[1]


@pytest.fixture
def tree(home, home_en, sections):
    return sections


@pytest.fixture
def superuser(db):
    return get_user_model().objects.create_superuser("boss", "boss@example.org", "pw")


def make_user(username, *groups, perms=()):
    user = get_user_model().objects.create_user(username, f"{username}@example.org", "pw")
    for name in groups:
        group, _ = Group.objects.get_or_create(name=name)
        user.groups.add(group)
    for app_label, codename in perms:
        user.user_permissions.add(
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
        )
    return user


ADMIN = ("wagtailadmin", "access_admin")
SUBMIT = ("wagtail_localize", "submit_translation")


def practice(tree, title="Abfall", **kwargs):
    page = GoodPracticePageFactory(parent=tree["practices"], title=title, **kwargs)
    page.save_revision().publish()
    return GoodPracticePage.objects.get(pk=page.pk)


def submit(instance, locale, user=None):
    creator = TranslationCreator(user, [locale])
    creator.create_translations(instance)
    source = TranslationSource.objects.get_for_instance(instance)
    return Translation.objects.get(source=source, target_locale=locale)


def translate_segments(translation, count=None):
    """Translates `count` (default: all) string segments of `translation`."""
    segments = StringSegment.objects.filter(source=translation.source).select_related("string")
    segments = list(segments.order_by("order"))[:count]
    for segment in segments:
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=translation.target_locale,
            context=segment.context,
            defaults={"data": segment.string.data, "translation_type": "manual"},
        )
    return len(segments)


def save_target(translation, publish=True):
    """Saves the translated object; wagtail-localize publishes pages on commit."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        translation.save_target(publish=publish)


def overview():
    return {item.translation_key: item for item in query.StatusOverview().build()}


def cell(item_or_obj, language):
    items = overview()
    return items[item_or_obj.translation_key].cells[language]


# -- statuses ------------------------------------------------------------------------------


def test_missing_translation(tree):
    page = practice(tree)
    item = overview()[page.translation_key]
    assert item.source_language == "de"
    assert item.cells["de"].status == query.SOURCE
    assert item.cells["en"].status == query.MISSING
    assert "select_locale=en" in item.cells["en"].translate_url
    assert item.section_title == "Gute Praxis"
    assert item.model is GoodPracticePage


def test_submitted_translation_is_in_progress_with_its_share(tree, en):
    page = practice(tree)
    translation = submit(page, en)
    target = page.get_translation(en)
    assert not target.live  # new translations start as drafts

    state = cell(page, "en")
    total, done = translation.get_progress()
    assert (state.status, state.total, state.done) == (query.IN_PROGRESS, total, done)
    assert done == 0
    assert total > 3
    assert state.draft

    translate_segments(translation, 3)
    state = cell(page, "en")
    assert (state.status, state.total, state.done) == (query.IN_PROGRESS, total, 3)
    assert (state.total, state.done) == translation.get_progress()
    assert state.progress == f"3/{total}"
    assert state.edit_url == reverse("wagtailadmin_pages:edit", args=[target.pk])


def test_fully_translated_draft_and_up_to_date(tree, en):
    page = practice(tree)
    translation = submit(page, en)
    translate_segments(translation)
    save_target(translation, publish=False)
    assert cell(page, "en").status == query.DRAFT

    save_target(translation)
    state = cell(page, "en")
    assert state.status == query.UP_TO_DATE
    assert not state.draft
    assert state.total == state.done > 0


def test_unpublished_changes_of_a_translation_are_a_draft(tree, en):
    page = practice(tree)
    translation = submit(page, en)
    translate_segments(translation)
    save_target(translation)
    target = page.get_translation(en)
    target.save_revision()  # unpublished changes
    assert cell(page, "en").status == query.DRAFT


def test_source_edited_and_published_makes_the_translation_stale(tree, en):
    page = practice(tree)
    translation = submit(page, en)
    translate_segments(translation)
    save_target(translation)

    # Re-publishing without a change is not a change.
    page.save_revision().publish()
    assert cell(page, "en").status == query.UP_TO_DATE

    # A saved draft is not published: a sync would not pick it up.
    page.title = "Abfall und Kreislaufwirtschaft"
    page.save_revision()
    assert cell(page, "en").status == query.UP_TO_DATE

    page.save_revision().publish()
    state = cell(page, "en")
    assert state.status == query.STALE
    assert state.sync_url == reverse(
        "wagtail_localize:update_translations", args=[translation.source_id]
    )

    # Syncing (what "Sync translated pages" does) brings the new title in as a new segment.
    translation.source.update_from_db()
    state = cell(page, "en")
    assert state.status == query.IN_PROGRESS
    assert state.done == state.total - 1


def test_stale_snippet(locales, en):
    region = RegionFactory(name="Asien", slug="asia")
    submit(region, en)
    assert cell(region, "en").status == query.IN_PROGRESS
    translation = Translation.objects.get(target_locale=en)
    translate_segments(translation)
    save_target(translation)
    assert cell(region, "en").status == query.UP_TO_DATE

    region.sort_order = 3  # a synchronised field
    region.save()
    assert cell(region, "en").status == query.STALE
    region.sort_order = 0
    region.save()
    assert cell(region, "en").status == query.UP_TO_DATE


def test_translation_made_by_hand(tree, en):
    page = practice(tree)
    copy = page.copy_for_translation(en, copy_parents=True)
    copy.save_revision().publish()
    state = cell(page, "en")
    assert state.status == query.UP_TO_DATE
    assert state.translation_id is None
    assert overview()[page.translation_key].source_language == "de"


def test_english_source(tree, en, home_en):
    english_practices = tree["practices"].copy_for_translation(en)
    page = GoodPracticePageFactory(parent=english_practices, title="Waste", locale=en)
    item = overview()[page.translation_key]
    assert item.source_language == "en"
    assert item.cells["de"].status == query.MISSING


def test_home_and_sections_are_listed(tree):
    items = overview()
    home_item = items[tree["practices"].get_parent().translation_key]
    assert home_item.cells["en"].status == query.UP_TO_DATE
    assert (home_item.section_key, home_item.section_title) == ("", "")  # in no section
    events = items[tree["events"].translation_key]
    assert (events.section_key, events.section_title) == (
        str(tree["events"].translation_key),
        "Veranstaltungen",
    )


# -- the view ------------------------------------------------------------------------------


@pytest.fixture
def mixed(tree, en, taxonomy):
    """One item in each state."""
    missing = practice(tree, "Fehlt")
    progress = practice(tree, "Halb")
    translation = submit(progress, en)
    translate_segments(translation, 2)
    done = NewsPageFactory(parent=tree["news"], title="Fertig")
    done.save_revision().publish()
    translation = submit(done, en)
    translate_segments(translation)
    save_target(translation)
    return {"missing": missing, "progress": progress, "done": done}


def titles(response):
    return [item.title for item, _cells in response.context["rows"]]


def test_view_lists_everything_with_filters(client, superuser, mixed):
    client.force_login(superuser)
    response = client.get(URL)
    assert response.status_code == 200
    content = response.content.decode()
    assert "Fehlt" in content
    assert 'data-status="missing"' in content
    assert "<caption" in content

    everything = titles(response)
    assert {"Fehlt", "Halb", "Fertig", "Asien", "Thailand"} <= set(everything)

    response = client.get(URL, {"status": "missing", "language": "en"})
    shown = titles(response)
    assert "Fehlt" in shown
    assert "Halb" not in shown
    assert "Fertig" not in shown

    response = client.get(URL, {"status": "in_progress"})
    assert titles(response) == ["Halb"]

    response = client.get(URL, {"type": "pages.newspage"})
    assert titles(response) == ["Fertig"]

    section = str(mixed["missing"].get_parent().translation_key)
    response = client.get(URL, {"section": section})
    assert set(titles(response)) == {"Gute Praxis", "Fehlt", "Halb"}

    response = client.get(URL, {"section": "snippets", "type": "pages.region"})
    assert "Asien" in titles(response)
    assert {item.type_value for item, _cells in response.context["rows"]} == {"pages.region"}

    response = client.get(URL, {"q": "HALB"})
    assert titles(response) == ["Halb"]

    # An invalid filter value is ignored, not a server error.
    response = client.get(URL, {"status": "nonsense", "p": "999"})
    assert response.status_code == 200
    assert "Fehlt" in titles(response)


def test_pagination(client, superuser, tree):
    for n in range(55):
        GoodPracticePageFactory(parent=tree["practices"], title=f"Praxis {n:02d}")
    client.force_login(superuser)
    first = client.get(URL, {"type": "pages.goodpracticepage"})
    second = client.get(URL, {"type": "pages.goodpracticepage", "p": 2})
    assert len(titles(first)) == 50
    assert len(titles(second)) == 5
    assert "type=pages.goodpracticepage&amp;p=2" in first.content.decode()


def test_csv_export(client, superuser, mixed):
    practices = {"practices": mixed["missing"].get_parent()}
    practice(practices, title='=HYPERLINK("http://evil.example","click")')
    plus = practice(practices, title="+1 and -2 and @me")

    client.force_login(superuser)
    response = client.get(URL, {"export": "csv", "section": str(plus.get_parent().translation_key)})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert response["Content-Disposition"].startswith('attachment; filename="translation-status-')
    content = b"".join(response.streaming_content)
    assert content.startswith("\ufeff".encode())  # spreadsheet applications then read UTF-8
    rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))
    header, body = rows[0], rows[1:]
    assert header[0] in ("Title", "Titel")
    assert header[-1] in ("Translation key", "Übersetzungsschlüssel")
    by_title = {row[0]: row for row in body}
    assert '\'=HYPERLINK("http://evil.example","click")' in by_title
    assert "'+1 and -2 and @me" in by_title
    assert "Fertig" not in by_title  # filtered by section
    halb = by_title["Halb"]
    assert halb[3] == "de"
    total, done = Translation.objects.get(
        source__object_id=mixed["progress"].translation_key
    ).get_progress()
    assert f"{done}/{total}" in halb
    assert len(header) == len(halb)


def test_xlsx_export_keeps_formulas_as_text(client, superuser, mixed):
    from openpyxl import load_workbook

    practices = {"practices": mixed["missing"].get_parent()}
    evil = '=HYPERLINK("http://evil.example","click")'
    practice(practices, title=evil)
    client.force_login(superuser)
    response = client.get(URL, {"export": "xlsx", "type": "pages.goodpracticepage"})
    assert response.status_code == 200
    assert "spreadsheetml" in response["Content-Type"]
    assert 'filename="translation-status-' in response["Content-Disposition"]
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] in ("Title", "Titel")
    by_title = {row[0]: row for row in rows[1:]}
    assert set(by_title) == {"Fehlt", "Halb", evil}  # filtered by type
    evil_cell = next(row for row in sheet.iter_rows() if row[0].value == evil)[0]
    assert evil_cell.data_type == "s"  # text, not a formula


def test_filters_come_from_the_filter_set_and_refresh_without_reload(client, superuser, mixed):
    client.force_login(superuser)
    page = client.get(URL).content.decode()
    for name in ("q", "section", "type", "status", "language"):
        assert f'name="{name}"' in page
    assert reverse("localization_status:index_results") in page
    assert f"{URL}?export=xlsx" in page and f"{URL}?export=csv" in page

    results = client.get(reverse("localization_status:index_results"), {"status": "in_progress"})
    assert results.status_code == 200
    assert titles(results) == ["Halb"]
    assert "<html" not in results.content.decode()
    # Links back to the report from the fragment point at the report, not at the fragment.
    assert f'name="next" value="{URL}?status=in_progress"' in results.content.decode()


@pytest.mark.parametrize("export", ["pdf", ""])
def test_an_unknown_export_format_shows_the_report_whose_return_address_leaves_it_out(
    client, superuser, mixed, export
):
    """Only csv and xlsx are exports; any other `export` value gets the HTML report, and the
    address its bulk form and links return to is the report without it."""
    client.force_login(superuser)
    response = client.get(URL, {"export": export, "status": "in_progress"})
    assert response.status_code == 200
    assert response["Content-Type"] == "text/html; charset=utf-8"
    assert titles(response) == ["Halb"]
    assert response.context["next_url"] == f"{URL}?status=in_progress"
    assert f'name="next" value="{URL}?status=in_progress"' in response.content.decode()


def test_csv_safe():
    assert csv_safe("=1+1") == "'=1+1"
    assert csv_safe("-1") == "'-1"
    assert csv_safe("@SUM") == "'@SUM"
    assert csv_safe("+x") == "'+x"
    assert csv_safe("\tx") == "'\tx"
    assert csv_safe("plain") == "plain"
    assert csv_safe(None) == ""


def test_csv_rows_end_with_the_items_translation_key(client, superuser, mixed):
    client.force_login(superuser)
    response = client.get(URL, {"export": "csv"})
    content = b"".join(response.streaming_content).decode("utf-8-sig")
    by_title = {row[0]: row for row in list(csv.reader(io.StringIO(content)))[1:]}
    assert by_title["Halb"][-1] == str(mixed["progress"].translation_key)
    assert by_title["Fehlt"][-1] == str(mixed["missing"].translation_key)


# -- bulk submit ---------------------------------------------------------------------------


def key(page):
    return f"{page.specific_class._meta.label_lower}:{page.translation_key}"


def test_bulk_submit_creates_draft_translations(client, tree, en, taxonomy):
    pages = [practice(tree, f"Praxis {n}") for n in range(3)]
    already = practice(tree, "Schon da")
    submit(already, en)
    translator = make_user("tara", "Translators (English)", perms=[ADMIN, SUBMIT])
    client.force_login(translator)
    region = taxonomy["region"]
    response = client.post(
        reverse("localization_status:bulk_submit"),
        {
            "items": [key(p) for p in [*pages, already]]
            + [f"pages.region:{region.translation_key}"],
            "locale": "en",
            "next": f"{URL}?status=missing",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == f"{URL}?status=missing"
    for page in pages:
        target = page.get_translation(en)
        assert not target.live
        assert Translation.objects.filter(
            source__object_id=page.translation_key, target_locale=en, enabled=True
        ).exists()
    assert region.get_translation_or_none(en) is not None
    assert Page.objects.filter(translation_key=already.translation_key).count() == 2

    messages = [str(m) for m in response.wsgi_request._messages]
    assert any("4" in m for m in messages), messages  # three pages and the region
    assert any("Schon da" in m for m in messages), messages

    states = overview()
    assert all(states[p.translation_key].cells["en"].status == query.IN_PROGRESS for p in pages)


def test_bulk_submit_needs_the_submit_permission(client, tree, en):
    page = practice(tree)
    editors = Group.objects.get_or_create(name="Editors")[0]
    editors.permissions.remove(*Permission.objects.filter(codename="submit_translation"))
    editor_without_submit = make_user("ed", "Editors", perms=[ADMIN])
    assert not editor_without_submit.has_perm("wagtail_localize.submit_translation")
    client.force_login(editor_without_submit)
    assert client.get(URL).status_code == 200
    response = client.post(
        reverse("localization_status:bulk_submit"), {"items": [key(page)], "locale": "en"}
    )
    assert response.status_code in (302, 403)
    assert page.get_translation_or_none(en) is None


def test_bulk_submit_view_itself_refuses_a_user_who_may_not_see_the_overview(rf, tree, en):
    # The admin's login check stands in front of the URL; the view checks on its own too.
    page = practice(tree)
    request = rf.post("/", {"items": [key(page)], "locale": "en"})
    request.user = make_user("sub", perms=[SUBMIT])  # may submit, has no admin access
    with pytest.raises(PermissionDenied):
        BulkSubmitView.as_view()(request)
    assert page.get_translation_or_none(en) is None


def test_bulk_submit_without_a_choice_says_what_is_missing(client, superuser, tree, en):
    page = practice(tree)
    client.force_login(superuser)
    response = client.post(reverse("localization_status:bulk_submit"), {"locale": "en"})
    assert response.status_code == 302
    assert response["Location"] == URL
    assert [str(m) for m in response.wsgi_request._messages] == [
        "Wählen Sie mindestens einen Eintrag und eine Zielsprache."
    ]
    assert page.get_translation_or_none(en) is None


def test_translator_submits_into_their_language_only(client, tree, locales):
    english_practices = tree["practices"].copy_for_translation(locales[1])
    page = GoodPracticePageFactory(parent=english_practices, title="Waste", locale=locales[1])
    translator = make_user("tara", "Translators (English)", perms=[ADMIN, SUBMIT])
    client.force_login(translator)
    client.post(reverse("localization_status:bulk_submit"), {"items": [key(page)], "locale": "de"})
    assert page.get_translation_or_none(locales[0]) is None


def test_bulk_submit_needs_post_and_csrf(tree, superuser):
    from django.test import Client

    page = practice(tree)
    client = Client(enforce_csrf_checks=True)
    client.force_login(superuser)
    url = reverse("localization_status:bulk_submit")
    assert client.get(url).status_code == 405
    response = client.post(url, {"items": [key(page)], "locale": "en"})
    assert response.status_code == 403
    assert page.get_translation_or_none(Locale.objects.get(language_code="en")) is None


# -- permissions ---------------------------------------------------------------------------


def test_anonymous_is_sent_to_the_login(client, locales):
    response = client.get(URL)
    assert response.status_code == 302
    assert "login" in response["Location"]


@pytest.mark.parametrize(
    ("groups", "perms", "allowed"),
    [
        ((), (), False),  # no admin access
        ((), (SUBMIT,), False),  # may submit translations, but no admin access
        (("Newsletter",), (ADMIN,), False),  # admin access, no editorial role
        (("Editors",), (ADMIN,), True),
        (("Moderators",), (ADMIN,), True),
        (("Translators (English)",), (ADMIN,), True),
        ((), (ADMIN, SUBMIT), True),
    ],
)
def test_who_sees_the_overview(client, locales, groups, perms, allowed):
    user = make_user("someone", *groups, perms=perms)
    client.force_login(user)
    response = client.get(URL)
    assert (response.status_code == 200) is allowed
    if not allowed:
        assert response.status_code in (302, 403)
    menu = client.get(reverse("wagtailadmin_home"))
    if allowed:
        assert str(URL) in menu.content.decode()


def test_menu_item_for_superuser(client, superuser, locales):
    client.force_login(superuser)
    assert str(URL) in client.get(reverse("wagtailadmin_home")).content.decode()


# -- query count ---------------------------------------------------------------------------


def add_pages(tree, en, count, start):
    """`count` pages in a mix of states: missing, in progress, up to date, stale."""
    for n in range(start, start + count):
        page = practice(tree, f"Praxis {n}")
        if n % 4 == 0:
            continue
        translation = submit(page, en)
        translate_segments(translation, None if n % 4 >= 2 else 1)
        if n % 4 >= 2:
            save_target(translation)
        if n % 4 == 3:
            page.title = f"Praxis {n} (neu)"
            page.save_revision().publish()
    RegionFactory(name=f"Region {start}", slug=f"region-{start}")


def count_queries(client):
    query.StatusOverview().build()  # warm Django's content type cache
    with CaptureQueriesContext(connection) as build:
        items = query.StatusOverview().build()
    with CaptureQueriesContext(connection) as view:
        response = client.get(URL)
    assert response.status_code == 200
    with CaptureQueriesContext(connection) as export:
        client.get(URL, {"export": "csv"})
    return len(items), len(build), len(view), len(export)


def test_query_count_is_constant(client, superuser, tree, en, taxonomy):
    client.force_login(superuser)
    n = 8
    add_pages(tree, en, n, 0)
    small = count_queries(client)
    add_pages(tree, en, 2 * n, n)
    large = count_queries(client)
    assert large[0] >= small[0] + 2 * n
    assert large[1:] == small[1:]
    assert small[1] <= 15

    statuses = {item.cells["en"].status for item in overview().values()}
    assert {query.MISSING, query.IN_PROGRESS, query.UP_TO_DATE, query.STALE} <= statuses


@pytest.mark.undated  # translation states and query counts, not dates; a demo seed is slow
def test_demo_site_status_and_query_count(client, superuser, tmp_path, settings):
    """The seeded demo: every item exists in both languages, synced and up to date (so stale
    detection has no false positives), but for the examples waiting in moderation or for
    consent; the overview's queries stay the same with 3x the pages."""
    from io import StringIO

    from django.core.management import call_command

    settings.MEDIA_ROOT = str(tmp_path)
    call_command("seed_demo", stdout=StringIO())
    client.force_login(superuser)
    items = query.StatusOverview().build()
    statuses = {}
    for item in items:
        for code, state in item.cells.items():
            statuses.setdefault(state.status, []).append(f"{item.title} ({code})")
    # All up to date but the demo's examples that wait: the expert without consent stays a
    # draft, and each proposed practice is in moderation in its submitter's language only.
    unfinished = {
        status: sorted(names)
        for status, names in statuses.items()
        if status not in (query.SOURCE, query.UP_TO_DATE)
    }
    assert unfinished == {
        query.DRAFT: ["Paul Platzhalter (Beispiel) (en)"],
        query.MISSING: [
            "Neighbourhood water kiosks in Example Town (example) (de)",
            "Schattige Schulwege in Beispielstadt (Beispiel) (en)",
        ],
    }
    demo = count_queries(client)

    practices = GoodPracticePage.objects.filter(locale__language_code="de").first().get_parent()
    en = Locale.objects.get(language_code="en")
    add_pages({"practices": practices}, en, 8, 0)  # a few of each state
    for n in range(2 * demo[0]):  # and many more items, missing in English
        GoodPracticePageFactory(parent=practices, title=f"Mehr Praxis {n}")
    larger = count_queries(client)
    assert larger[0] >= 3 * demo[0]
    assert larger[1:] == demo[1:]
    print(f"\ndemo: {demo[0]} items; 3x: {larger[0]} items; queries build/view/csv: {demo[1:]}")


# -- edge cases of sources, aliases, progress and filters -------------------------------------


def test_the_source_with_translations_is_preferred_over_an_older_one_without(tree, en, locales):
    de, _en = locales
    page = practice(tree)
    page_en = page.copy_for_translation(en, copy_parents=True)
    page_en.save_revision().publish()
    unused, _created = TranslationSource.get_or_create_from_instance(page)
    english, _created = TranslationSource.get_or_create_from_instance(page_en.specific)
    into_german = Translation.objects.create(source=english, target_locale=de)
    assert unused.pk < english.pk

    item = overview()[page.translation_key]

    assert (item.source_language, item.source_id, item.source_pk) == ("en", english.pk, page_en.pk)
    assert item.cells["en"].status == query.SOURCE
    assert item.cells["de"].translation_id == into_german.pk


def test_an_alias_counts_as_missing(tree, en):
    page = practice(tree)
    alias = page.copy_for_translation(en, copy_parents=True, alias=True)
    assert alias.alias_of_id == page.pk
    item = overview()[page.translation_key]
    assert (item.cells["en"].status, item.cells["en"].object_pk) == (query.MISSING, None)
    assert item.cells["en"].translate_url.endswith(f"/{page.pk}/?select_locale=en")
    assert item.titles == {"de": "Abfall"}


def test_progress_counts_only_error_free_translations_into_the_cells_language(tree, en, locales):
    de, _en = locales
    page = practice(tree)
    translation = submit(page, en)
    first, second, third = StringSegment.objects.filter(source=translation.source).order_by(
        "order"
    )[:3]

    def add(segment, locale, **fields):
        StringTranslation.objects.create(
            translation_of=segment.string, context=segment.context, locale=locale, **fields
        )

    add(first, de, data="Eine Übersetzung in eine andere Sprache")
    add(second, en, data="Broken", has_error=True)
    add(third, en, data="Done")

    state = cell(page, "en")
    total, done = translation.get_progress()
    assert (state.status, state.total, state.done) == (query.IN_PROGRESS, total, 1)
    assert done == 1


def test_a_status_filter_applies_to_the_chosen_language(tree, en):
    missing_in_english = practice(tree, title="Nur Deutsch")
    items = [overview()[missing_in_english.translation_key]]
    assert query.filter_items(items, status=query.MISSING, language="en") == items
    assert query.filter_items(items, status=query.MISSING, language="de") == []
    assert query.filter_items(items, status=query.MISSING) == items
    assert query.filter_items(items, status=query.SOURCE, language="en") == []


def test_the_section_filter_offers_each_sections_title_in_the_users_language_snippets_last():
    overview = query.StatusOverview(language="en")
    overview.sections = {
        "practices": {"de": "Gute Praxis", "en": "Good practice"},
        "news": {"de": "Neuigkeiten"},  # no English title: the German one
        "about": {"en": "about us"},
    }
    with override("en"):
        choices = [(key, str(title)) for key, title in overview.section_choices()]
    assert choices == [
        ("about", "about us"),
        ("practices", "Good practice"),
        ("news", "Neuigkeiten"),
        (query.SNIPPETS_SECTION, "Snippets (taxonomy, partners)"),
    ]
