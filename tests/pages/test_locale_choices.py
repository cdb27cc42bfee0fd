"""One language at a time: a page's taxonomy, partner and related-page fields stay in its locale."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation
from wagtail_localize.operations import translate_object

from pages.factories import EventPageFactory, GoodPracticePageFactory
from pages.locales import grouped_themes
from pages.models import GoodPracticePage, Theme


@pytest.fixture(autouse=True)
def english_admin():
    with translation.override("en"):
        yield


def translate_term(term, locale, name):
    english = term.copy_for_translation(locale)
    english.name = name
    english.save()
    return english


@pytest.fixture
def terms(taxonomy, locales):
    _de, en = locales
    english = {
        key: translate_term(taxonomy[key], en, name)
        for key, name in [
            ("region", "Asia"),
            ("focal", "Municipal services"),
            ("sdg", "Sustainable cities"),
        ]
    }
    english["country"] = taxonomy["country"].copy_for_translation(en)
    english["country"].region = english["region"]
    english["country"].save()
    english["topic"] = taxonomy["topic"].copy_for_translation(en)
    english["topic"].name, english["topic"].parent = "Urban mobility", english["focal"]
    english["topic"].save()
    return {"de": taxonomy, "en": english}


@pytest.fixture
def practice(sections, terms):
    return GoodPracticePageFactory(
        parent=sections["practices"],
        title="Lörracher Quartiere",
        country=terms["de"]["country"],
        themes=[terms["de"]["topic"]],
    )


def form_for(page, parent=None):
    form_class = type(page).get_edit_handler().get_form_class()
    return form_class(instance=page, parent_page=parent or page.get_parent(), for_user=None)


def test_the_form_offers_only_the_pages_language_with_themes_grouped(practice, terms):
    form = form_for(practice)
    assert list(form.fields["themes"].queryset) == [terms["de"]["focal"], terms["de"]["topic"]]
    assert list(form.fields["sdgs"].queryset) == [terms["de"]["sdg"]]
    assert list(form.fields["country"].queryset) == [terms["de"]["country"]]
    focal, topic = terms["de"]["focal"], terms["de"]["topic"]
    assert [
        (str(label), [(pk, str(name)) for pk, name in options])
        for label, options in (form.fields["themes"].choices)
    ] == [
        (
            "Kommunale Dienstleistungen",
            [
                (focal.pk, "Kommunale Dienstleistungen (all its topics)"),
                (topic.pk, "Städtische Mobilität"),
            ],
        )
    ]


def test_related_events_show_section_and_date(practice, sections):
    event = EventPageFactory(parent=sections["events"], title="Dialog Wasser", is_online=True)
    form = form_for(practice)
    field = form.fields["related_events"]
    assert list(field.queryset) == [event]
    assert field.label_from_instance(event) == (
        f"Dialog Wasser (Veranstaltungen, {event.start_date:%d.%m.%Y})"
    )


def test_the_edit_view_lists_each_term_once(admin_client, practice, terms):
    html = admin_client.get(reverse("wagtailadmin_pages:edit", args=[practice.pk])).content
    html = html.decode()
    assert 'name="themes"' in html
    assert html.count('name="themes"') == 2
    assert html.count('name="sdgs"') == 1
    assert "Municipal services" not in html and "Urban mobility" not in html


def test_the_model_refuses_a_term_of_another_language(practice, terms):
    practice.themes = [terms["en"]["topic"]]
    practice.country = terms["en"]["country"]
    with pytest.raises(ValidationError) as refused:
        practice.full_clean()
    assert refused.value.message_dict["themes"] == [
        "“Urban mobility” is in English: choose its German version “Städtische Mobilität”."
    ]
    assert refused.value.message_dict["country"] == [
        "“Thailand” is in English: choose its German version “Thailand”."
    ]
    with pytest.raises(ValidationError):
        practice.save_revision().publish()


def test_a_term_that_exists_only_in_another_language_may_stay(practice, terms, locales):
    _de, en = locales
    english_only = Theme.objects.create(name="Heat action", slug="heat", locale=en)
    practice.themes = [english_only]
    practice.full_clean()


def test_a_translation_links_the_terms_of_its_language(practice, terms, locales, home):
    _de, en = locales
    translate_object(home, [en])
    translate_object(practice.get_parent(), [en])
    translate_object(practice, [en])
    english = GoodPracticePage.objects.get(translation_key=practice.translation_key, locale=en)
    assert list(english.themes.all()) == [terms["en"]["topic"]]
    assert english.country == terms["en"]["country"]
    english.full_clean()


def test_grouped_themes_keeps_topics_of_a_missing_focal_theme(terms):
    topic = terms["de"]["topic"]
    assert [label for label, _options in grouped_themes([topic])] == ["Other themes"]


def test_a_copy_for_translation_links_the_terms_of_its_language(practice, terms, locales, home):
    from tests.helpers import translate_page

    _de, en = locales
    translate_page(home, en, title="Home", slug="home")
    translate_page(practice.get_parent(), en, title="Practices", slug="practices")
    english = translate_page(practice, en, title="Neighbourhoods", slug="neighbourhoods")
    assert list(english.themes.all()) == [terms["en"]["topic"]]
    assert english.country == terms["en"]["country"]
