"""Related pages are picked with Wagtail's page chooser, limited to the edited page's locale.

Through the real admin as a member of the Editors group: the edit form of a German practice,
the chooser modal it opens (browse, search, the root and the other locale's section), and saving
it with a German and with an English event.
"""

import datetime
import json
import re

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import translation
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from localization.roles.groups import EDITORS, ensure_roles
from pages.factories import (
    EventPageFactory,
    GoodPracticePageFactory,
    SupportedProjectPageFactory,
)
from pages.models import GoodPracticePage
from tests.helpers import translate_page

CHOOSE_EVENTS = {"page_type": "pages.eventpage", "multiple": "1", "chooser_locale": "de"}


@pytest.fixture(autouse=True)
def english_admin():
    with translation.override("en"):
        yield


@pytest.fixture
def lineage(home, sections, taxonomy, locales):
    _de, en = locales
    home_en = translate_page(home, en, title="Home", slug="home")
    events_en = translate_page(sections["events"], en, title="Events", slug="events")
    translate_page(sections["projects"], en, title="Projects", slug="projects")
    water = EventPageFactory(
        parent=sections["events"],
        title="Dialog Wasser und Abwasser in wachsenden Städten des Maghreb",
        slug="dialog-wasser",
        start_date=datetime.date(2030, 3, 12),
        end_date=datetime.date(2030, 3, 14),
        country=taxonomy["country"],
    )
    waste = EventPageFactory(
        parent=sections["events"],
        title="Werkstatt Abfall",
        slug="werkstatt-abfall",
        start_date=datetime.date(2030, 5, 4),
        end_date=datetime.date(2030, 5, 4),
        country=taxonomy["country"],
    )
    water_en = translate_page(water, en, title="Water dialogue", slug="water-dialogue")
    heat_en = EventPageFactory(
        parent=events_en,
        title="Heat summit",
        slug="heat-summit",
        locale=en,
        start_date=datetime.date(2030, 6, 1),
        end_date=datetime.date(2030, 6, 1),
        country=taxonomy["country"],
    )
    project = SupportedProjectPageFactory(
        parent=sections["projects"], title="Kläranlage Sousse", country=taxonomy["country"]
    )
    practice = GoodPracticePageFactory(
        parent=sections["practices"],
        title="Lörracher Quartiere",
        slug="loerracher-quartiere",
        country=taxonomy["country"],
        related_events=[waste],
    )
    return {
        "home_en": home_en,
        "events_en": events_en,
        "water": water,
        "waste": waste,
        "water_en": water_en,
        "heat_en": heat_en,
        "project": project,
        "practice": practice,
    }


@pytest.fixture
def editor_client(client, django_user_model, locales):
    ensure_roles()
    editor = django_user_model.objects.create_user("edda", "", "pw")
    editor.groups.add(Group.objects.get(name=EDITORS))
    client.force_login(editor)
    return client


def modal_html(response):
    assert response.status_code == 200
    if response["Content-Type"].startswith("application/json"):
        return json.loads(response.content)["html"]
    return response.content.decode()


def chosen_titles(html):
    """The titles the chooser offers to tick (its multiple-choice mode), in order."""
    return re.findall(r'<label for="chooser-modal-select-\d+">([^<]*)</label>', html)


def test_the_edit_form_opens_a_german_chooser_at_the_german_events(
    editor_client, lineage, sections
):
    practice = lineage["practice"]
    html = editor_client.get(reverse("wagtailadmin_pages:edit", args=[practice.pk])).content
    html = html.decode()
    widget = re.search(r"<div id=\"id_related_events\" data-locale-pages-chooser[^>]*>", html)
    assert widget is not None
    assert 'data-chooser-locale="de"' in widget.group()
    assert f'data-parent-id="{sections["events"].pk}"' in widget.group()
    # The one chosen event, with its section and date, and nothing else of the events.
    # The chosen one and the one in the <template> for those the modal adds.
    assert html.count('<input type="hidden" name="related_events"') == 2
    assert f'<input type="hidden" name="related_events" value="{lineage["waste"].pk}">' in html
    assert "Werkstatt Abfall (Veranstaltungen, 04.05.2030)" in html
    assert "Water dialogue" not in html and "Heat summit" not in html
    assert 'data-parent-id="{}"'.format(sections["projects"].pk) in html


def test_the_chooser_offers_only_german_events_each_once(editor_client, lineage, sections):
    browse = reverse("wagtailadmin_choose_page_child", args=[sections["events"].pk])
    titles = chosen_titles(modal_html(editor_client.get(browse, CHOOSE_EVENTS)))
    assert titles == [
        "Dialog Wasser und Abwasser in wachsenden Städten des Maghreb",
        "Werkstatt Abfall",
    ]
    # Switching the modal to the English section (its locale menu) lists no English event.
    english = reverse("wagtailadmin_choose_page_child", args=[lineage["events_en"].pk])
    assert chosen_titles(modal_html(editor_client.get(english, CHOOSE_EVENTS))) == []
    # Without the limit, the same view lists the English events: the filter is what limits.
    unlimited = {key: value for key, value in CHOOSE_EVENTS.items() if key != "chooser_locale"}
    assert chosen_titles(modal_html(editor_client.get(english, unlimited))) == [
        "Water dialogue",
        "Heat summit",
    ]
    # At the root only the German home can be browsed into.
    root = modal_html(editor_client.get(reverse("wagtailadmin_choose_page"), CHOOSE_EVENTS))
    assert "Startseite" in root and "Home" not in re.sub(r"<[^>]*>", " ", root).split()


def test_the_chooser_search_finds_only_german_events(editor_client, lineage):
    search = reverse("wagtailadmin_choose_page_search")
    found = modal_html(editor_client.get(search, {**CHOOSE_EVENTS, "q": "dialog"}))
    assert chosen_titles(found) == ["Dialog Wasser und Abwasser in wachsenden Städten des Maghreb"]
    unlimited = {"page_type": "pages.eventpage", "multiple": "1", "q": "dialog"}
    assert sorted(chosen_titles(modal_html(editor_client.get(search, unlimited)))) == [
        "Dialog Wasser und Abwasser in wachsenden Städten des Maghreb",
        "Water dialogue",
    ]


@pytest.mark.parametrize("code", ["fr", "de' OR 1=1", "", "\x00"])
def test_an_unknown_chooser_locale_lists_nothing(editor_client, lineage, sections, code):
    browse = reverse("wagtailadmin_choose_page_child", args=[sections["events"].pk])
    response = editor_client.get(browse, {**CHOOSE_EVENTS, "chooser_locale": code})
    if code == "\x00":
        assert response.status_code == 400  # the admin's guard against NUL (cms.admin_fixes)
    else:
        assert chosen_titles(modal_html(response)) == []


def practice_form(practice, **extra):
    data = nested_form_data(
        {
            "title": practice.title,
            "slug": practice.slug,
            "teaser": "Kurz",
            "city": "Lörrach",
            "country": practice.country_id,
            "tags": "",
            "challenge": rich_text("<p>Leerstand.</p>"),
            "body": streamfield([]),
            "key_facts": streamfield([]),
            "documents": streamfield([]),
            "comments": inline_formset([]),
        }
    )
    data.update(extra)
    return data


def test_saving_german_events_and_refusing_an_english_one(editor_client, lineage):
    practice = lineage["practice"]
    edit = reverse("wagtailadmin_pages:edit", args=[practice.pk])
    german = [lineage["water"].pk, lineage["waste"].pk]
    response = editor_client.post(edit, practice_form(practice, related_events=german))
    assert response.status_code == 302
    draft = GoodPracticePage.objects.get(pk=practice.pk).get_latest_revision_as_object()
    assert sorted(event.pk for event in draft.related_events.all()) == sorted(german)

    water_en = lineage["water_en"]
    revisions = practice.revisions.count()
    response = editor_client.post(edit, practice_form(practice, related_events=[water_en.pk]))
    assert response.status_code == 200
    # In the editor's admin language, German (the site's default).
    assert response.context["form"].errors["related_events"] == [
        "„Water dialogue“ ist auf Englisch: Wählen Sie die Fassung auf Deutsch, "
        "„Dialog Wasser und Abwasser in wachsenden Städten des Maghreb“."
    ]
    assert practice.revisions.count() == revisions  # nothing saved
    # The refused event stays on the form, so the editor sees what was wrong.
    assert f'name="related_events" value="{water_en.pk}"' in response.content.decode()


def test_a_projects_origin_event_is_chosen_in_its_locale(editor_client, lineage, sections):
    project = lineage["project"]
    project.origin_event = lineage["water"]
    project.save_revision()
    html = editor_client.get(reverse("wagtailadmin_pages:edit", args=[project.pk])).content
    html = html.decode()
    init = re.search(r"new LocalePageChooser\(\"id_origin_event\", (\{.*?\})\);", html)
    assert init is not None
    options = json.loads(init.group(1))
    assert options["chooserLocale"] == "de"
    assert options["sectionId"] == sections["events"].pk
    assert options["modelNames"] == ["pages.eventpage"]
    assert (
        "Dialog Wasser und Abwasser in wachsenden Städten des Maghreb (Veranstaltungen, 12.03.2030)"
        in html
    )
