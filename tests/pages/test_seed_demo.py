"""`manage.py seed_demo`: bilingual, linked through wagtail-localize, idempotent, users only
with DEBUG.

The demo content is seeded once for this module, inside a transaction that is rolled back when
the module is done (each test runs in a savepoint of it), so the expensive first run happens
once and no other test module sees the data.
"""

import io
import json
from collections import Counter
from datetime import timedelta

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Locale, Page, Revision, Site, WorkflowState
from wagtail_localize.models import (
    SegmentOverride,
    StringTranslation,
    Translation,
    TranslationSource,
)

from community.models import ConsentRecord, ExpertContact, PracticeProposal
from demo.auth import DEMO_GROUP
from demo.seed import TAXONOMY_MODELS, DemoSeeder
from pages.models import Country, EventPage, GoodPracticePage, HomePage, StandardPage

pytestmark = pytest.mark.django_db

PLACEHOLDER = "[Translate to"


def seed(**options):
    out = io.StringIO()
    call_command("seed_demo", stdout=out, **options)
    return out.getvalue()


def counts():
    """Objects per model (pages per type and locale), as a comparable snapshot."""
    result = Counter()
    for page in Page.objects.select_related("content_type", "locale"):
        result[f"page:{page.content_type.model}:{page.locale.language_code}"] += 1
    for model in TAXONOMY_MODELS:
        for code in model.objects.values_list("locale__language_code", flat=True):
            result[f"{model._meta.model_name}:{code}"] += 1
    for model in (
        Locale,
        Site,
        Revision,
        ExpertContact,
        ConsentRecord,
        PracticeProposal,
        WorkflowState,
        Translation,
        TranslationSource,
        StringTranslation,
        SegmentOverride,
        Group,
        get_user_model(),
    ):
        result[model._meta.label] = model.objects.count()
    for model_name in ("pages.PortalImage", "wagtaildocs.Document"):
        result[model_name] = apps.get_model(model_name).objects.count()
    return result


@pytest.fixture(scope="module")
def seeded(demo_content, django_db_blocker):
    """The demo content and its counts."""
    with django_db_blocker.unblock():
        return {"output": demo_content.output, "counts": counts()}


@pytest.fixture
def locales(seeded):
    return Locale.objects.get(language_code="de"), Locale.objects.get(language_code="en")


def test_first_run_reports_progress_and_counts(seeded):
    output = seeded["output"]
    assert "Pages (German) ..." in output
    assert "Translations (English) ..." in output
    assert "Counts (German / English):" in output
    assert "Demo content is ready" in output


def test_second_run_changes_nothing(seeded):
    assert seed(verbosity=0) == ""  # -v 0 prints nothing
    assert counts() == seeded["counts"]
    report = seed()
    tallies = [line for line in report.splitlines() if " created, " in line]
    assert len(tallies) > 10
    assert all("0 created, 0 updated" in line for line in tallies), report
    assert "  0 objects indexed" in report
    assert counts() == seeded["counts"]


def test_content_covers_every_type_in_both_languages(seeded):
    snapshot = seeded["counts"]
    for model in (
        "homepage",
        "standardpage",
        "eventindexpage",
        "eventpage",
        "goodpracticepage",
        "supportedprojectpage",
        "newspage",
        "publicationpage",
        "expertindexpage",
        "expertpage",
    ):
        assert snapshot[f"page:{model}:de"] >= 1
        assert snapshot[f"page:{model}:de"] == snapshot[f"page:{model}:en"]
    assert snapshot["region:de"] == snapshot["region:en"] == 6
    assert snapshot["country:de"] == snapshot["country:en"] >= 40
    assert snapshot["sustainabledevelopmentgoal:de"] == 17
    assert snapshot["page:page:de"] == 1  # only the tree root: the welcome page is gone


def test_every_german_page_has_an_english_translation_live_like_it(locales):
    de, en = locales
    german_pages = Page.objects.filter(locale=de, depth__gt=1)
    assert german_pages.count() > 30
    # Drafts: the expert without consent and the proposed practices waiting in moderation.
    drafts = german_pages.filter(live=False)
    assert {page.content_type.model for page in drafts} == {"expertpage", "goodpracticepage"}
    for page in german_pages.filter(live=True):
        english = page.get_translation_or_none(en)
        assert english is not None, page
        assert english.translation_key == page.translation_key
        assert english.live and not english.has_unpublished_changes, english
        translation = Translation.objects.get(
            source__object_id=page.translation_key, source__locale=de, target_locale=en
        )
        assert translation.enabled
        total, done = translation.get_progress()
        assert total == done > 0, page
    for page in drafts.filter(content_type__model="expertpage"):
        assert not page.get_translation(en).live  # translated, and a draft like its source


def test_every_taxonomy_term_and_partner_is_translated(locales):
    de, en = locales
    for model in TAXONOMY_MODELS:
        for term in model.objects.filter(locale=de):
            english = term.get_translation(en)
            translation = Translation.objects.get(
                source__object_id=term.translation_key, target_locale=en
            )
            total, done = translation.get_progress()
            assert total == done > 0, term
            if hasattr(term, "slug"):
                assert english.slug == term.slug
    assert Country.objects.get(slug="de", locale=de).name == "Deutschland"
    assert Country.objects.get(slug="de", locale=en).name == "Germany"


def test_site_root_is_the_german_home_page(locales):
    de, en = locales
    root = Site.objects.get(is_default_site=True).root_page.specific
    assert isinstance(root, HomePage)
    assert root.locale == de
    assert root.get_translation(en).live


def test_no_page_or_snippet_contains_translation_placeholders(seeded):
    for page in Page.objects.filter(depth__gt=1).specific():
        assert PLACEHOLDER not in json.dumps(page.serializable_data(), default=str), page
    for model in TAXONOMY_MODELS:
        for term in model.objects.all():
            assert PLACEHOLDER not in term.name


def test_english_pages_are_in_english_and_link_to_english_pages(locales):
    de, en = locales
    home = HomePage.objects.get(locale=en)
    assert home.teaser.startswith("International cities platform")
    linked = [
        block.value["page"].specific
        for block in home.body
        if block.block_type == "call_to_action" and block.value["page"]
    ]
    assert linked and all(page.locale == en for page in linked)
    about = StandardPage.objects.get(locale=en, slug="about-us")
    assert about.get_translation(de).slug == "ueber-uns"


def test_events_include_open_calls_and_upcoming_dates(seeded):
    events = list(EventPage.objects.live())
    assert any(event.call_is_open for event in events)
    assert any(event.is_upcoming for event in events)
    assert any(not event.is_upcoming for event in events)
    for event in events:
        event.full_clean()


def test_a_later_run_moves_relative_dates_in_both_languages(locales):
    de, en = locales
    german = EventPage.objects.get(locale=de, slug="urban-labs-bewaehrt-und-erprobt")
    DemoSeeder(today=timezone.localdate() + timedelta(days=7)).run()

    moved = EventPage.objects.get(pk=german.pk)
    english = moved.get_translation(en)
    assert moved.start_date == german.start_date + timedelta(days=7)
    assert (english.start_date, english.call_deadline) == (moved.start_date, moved.call_deadline)
    assert english.live and not english.has_unpublished_changes
    assert english.title == "Urban Labs – tried and tested"


def test_demo_users_are_skipped_without_debug(seeded):
    output = seed()
    assert "skipped: demo users are only created when DEBUG is on" in output
    assert not get_user_model().objects.filter(username__in=["admin", "editor"]).exists()


def test_demo_users_with_debug(seeded, settings):
    settings.DEBUG = True
    settings.DEMO_PASSWORD = "demo-password-for-tests"
    seed(verbosity=0)
    snapshot = counts()
    seed(verbosity=0)
    assert counts() == snapshot

    users = {user.username: user for user in get_user_model().objects.all()}
    assert set(users) == {"admin", "editor", "moderator", "translator"}
    assert users["admin"].is_superuser
    for username, group in [
        ("editor", "Editors"),
        ("moderator", "Moderators"),
        ("translator", "Translators (English)"),
    ]:
        assert users[username].check_password("demo-password-for-tests")
        # Every demo account is also marked as one (demo.auth refuses them without DEBUG).
        assert set(users[username].groups.values_list("name", flat=True)) == {group, DEMO_GROUP}
        assert users[username].has_perm("wagtailadmin.access_admin")

    editor = users["editor"]
    practice = GoodPracticePage.objects.filter(locale__language_code="de").first()
    assert practice.permissions_for_user(editor).can_publish()
    assert not StandardPage.objects.first().permissions_for_user(editor).can_publish()
    assert editor.has_perm("pages.view_theme") and editor.has_perm("pages.view_country")
