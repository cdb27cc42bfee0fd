"""Search documents: what each page type contributes (facets, date, text by weight), and in
which languages a document stands for its item."""

import datetime

import pytest
from wagtail.models import PageViewRestriction
from wagtail.rich_text import RichText

from pages import factories
from pages.models import Country, Region, Theme
from search.documents import (
    documents_for_items,
    documents_for_pages,
    expand,
    field_text,
    searchable_pages,
    shown_in_language,
)
from search.indexing import all_documents
from tests import helpers

pytestmark = pytest.mark.django_db

NOON = datetime.time(12, tzinfo=datetime.UTC)


def documents(page):
    return documents_for_items([page.translation_key])[str(page.translation_key)]


def document(page):
    (found,) = [d for d in documents(page) if d.page_id == page.pk]
    return found


@pytest.fixture
def english(home_en, sections, locales):
    _de, en = locales
    return {
        key: helpers.translate_page(section, en, title=f"{section.title} (en)", slug=f"{key}-en")
        for key, section in sections.items()
    }


@pytest.fixture
def terms(taxonomy, locales):
    """The taxonomy fixture (Asia, Thailand, a focal theme and its topic) and a second
    focal theme with a topic, a second region and country; English names for some."""
    de, en = locales
    europe = Region.objects.create(name="Europa", slug="europe", locale=de)
    germany = Country.objects.create(name="Deutschland", slug="de", region=europe, locale=de)
    climate = Theme.objects.create(name="Klimaanpassung", slug="climate-adaptation", locale=de)
    flood = Theme.objects.create(
        name="Hochwasserschutz", slug="flood-protection", parent=climate, locale=de
    )
    country_en = germany.copy_for_translation(en)
    country_en.name = "Germany"
    country_en.save()
    return {**taxonomy, "europe": europe, "germany": germany, "climate": climate, "flood": flood}


@pytest.mark.parametrize(
    ("published_at", "day"),
    [
        # 23:30 UTC on New Year's Eve is 00:30 on New Year's Day in Berlin.
        (helpers.NEW_YEAR_IN_BERLIN, datetime.date(2027, 1, 1)),
        (helpers.LAST_EVENING_OF_THE_YEAR, datetime.date(2026, 12, 31)),
        (helpers.CLOCKS_GO_BACK, datetime.date(2026, 10, 25)),
        (datetime.datetime(2026, 10, 24, 22, 30, tzinfo=datetime.UTC), datetime.date(2026, 10, 25)),
        (helpers.LEAP_DAY, datetime.date(2028, 2, 29)),
    ],
)
def test_the_date_and_year_are_the_berlin_day_of_publication(sections, published_at, day):
    practice = factories.GoodPracticePageFactory(
        parent=sections["practices"], first_published_at=published_at
    )
    doc = document(practice)
    assert doc.date == day
    assert doc.facets["year"] == (str(day.year),)


def test_a_located_page_gets_region_from_its_country_and_focal_themes_of_its_topics(
    sections, terms
):
    practice = factories.GoodPracticePageFactory(
        parent=sections["practices"],
        country=terms["country"],
        themes=[terms["topic"], terms["flood"]],
        first_published_at=datetime.datetime.combine(datetime.date(2023, 4, 5), NOON),
    )
    doc = document(practice)
    assert doc.type == "practice"
    assert doc.date == datetime.date(2023, 4, 5)
    assert dict(doc.facets) == {
        "country": ("th",),
        "region": ("asia",),
        "theme": ("climate-adaptation", "flood-protection", "municipal-services", "urban-mobility"),
        "type": ("practice",),
        "year": ("2023",),
    }


def test_a_focal_theme_alone_is_not_expanded(sections, terms):
    project = factories.SupportedProjectPageFactory(
        parent=sections["projects"],
        country=terms["germany"],
        themes=[terms["climate"]],
        period_start=datetime.date(2021, 9, 1),
    )
    doc = document(project)
    assert doc.facets["theme"] == ("climate-adaptation",)
    assert doc.facets["region"] == ("europe",)
    assert (doc.type, doc.date, doc.facets["year"]) == (
        "project",
        datetime.date(2021, 9, 1),
        ("2021",),
    )


def test_each_type_has_its_date(sections, terms):
    first = datetime.datetime.combine(datetime.date(2020, 2, 2), NOON)
    event = factories.EventPageFactory(
        parent=sections["events"], start_date=datetime.date(2025, 3, 1), first_published_at=first
    )
    news = factories.NewsPageFactory(
        parent=sections["news"], date=datetime.date(2022, 12, 31), first_published_at=first
    )
    publication = factories.PublicationPageFactory(
        parent=sections["publications"],
        year=2019,
        document=None,
        external_url="https://example.org/",
        first_published_at=first,
    )
    undated_project = factories.SupportedProjectPageFactory(
        parent=sections["projects"], period_start=None, first_published_at=first
    )
    assert document(event).date == datetime.date(2025, 3, 1)
    assert document(news).date == datetime.date(2022, 12, 31)
    assert document(publication).date == datetime.date(2019, 1, 1)
    assert document(publication).facets["year"] == ("2019",)
    # A project without a start is dated by its first publication.
    assert document(undated_project).date == datetime.date(2020, 2, 2)
    assert document(event).facets["type"] == ("event",)
    assert document(news).facets["type"] == ("news",)
    assert document(publication).facets["type"] == ("publication",)


def test_news_and_publications_have_regions_of_their_own(sections, terms):
    news = factories.NewsPageFactory(
        parent=sections["news"],
        regions=[terms["region"], terms["europe"]],
        themes=[terms["topic"]],
    )
    doc = document(news)
    assert doc.facets["region"] == ("asia", "europe")
    assert "country" not in doc.facets
    assert doc.facets["theme"] == ("municipal-services", "urban-mobility")


def test_an_online_event_has_no_place_facets(sections, terms):
    event = factories.EventPageFactory(parent=sections["events"], is_online=True, themes=[])
    doc = document(event)
    assert set(doc.facets) == {"type", "year"}


def test_expand_adds_ancestors_and_drops_empty_facets():
    parents = {"theme": {"b": "a", "c": "b"}}
    assert expand({"theme": ["c"], "region": [], "type": ["news"]}, parents) == {
        "theme": ("a", "b", "c"),
        "type": ("news",),
    }
    # A cycle in bad data must not hang.
    assert expand({"theme": ["x"]}, {"theme": {"x": "y", "y": "x"}}) == {"theme": ("x", "y")}


def test_text_is_split_by_weight(sections, terms):
    practice = factories.GoodPracticePageFactory(
        parent=sections["practices"],
        title="Saubere Busse",
        teaser="Elektrobusse für die Innenstadt.",
        search_description="Kurzbeschreibung für Suchmaschinen.",
        city="Bangkok",
        country=terms["country"],
        contact_institution="Verkehrsbetriebe Bangkok",
        challenge="<p>Die <b>Luft</b> war schlecht.</p>",
        approach="<p>Neue Busse.</p>",
        results="<ul><li>Weniger Abgase</li></ul>",
        lessons="",
        transferability="<p>Überall möglich.</p>",
        body=[("paragraph", RichText("<p>Ein <i>Absatz</i> im Text.</p>"))],
    )
    doc = document(practice)
    assert doc.text[3] == "Saubere Busse"
    assert "Elektrobusse für die Innenstadt." in doc.text[2]
    assert "Kurzbeschreibung für Suchmaschinen." in doc.text[2]
    assert "Bangkok, Thailand" in doc.text[2]
    body = doc.text[1]
    for words in (
        "Ein Absatz im Text.",
        "Verkehrsbetriebe Bangkok",
        "Die Luft war schlecht.",
        "Weniger Abgase",
        "Überall möglich.",
    ):
        assert words in body, words
    assert "<" not in body and ">" not in body
    assert "Saubere Busse" not in body
    # The summary shown in results: the search description before the teaser.
    assert doc.summary == "Kurzbeschreibung für Suchmaschinen."
    assert doc.title == "Saubere Busse"
    assert doc.url == practice.get_url()


def test_stream_field_blocks_contribute_their_text(sections, terms):
    page = factories.NewsPageFactory(parent=sections["news"], with_body=True, teaser="")
    body = document(page).text[1]
    assert "Context" in body  # a heading block
    assert "Many innovative solutions for sustainable urban development exist." in body
    assert "Local solutions are required, yet they are increasingly globally relevant." in body
    assert "Who can take part?" in body  # a title inside an accordion's list of structs
    assert "<p>" not in body
    assert document(page).summary == ""


def test_place_names_are_in_the_documents_language(english, sections, terms, locales):
    _de, en = locales
    practice = factories.GoodPracticePageFactory(
        parent=sections["practices"], city="Lörrach", country=terms["germany"]
    )
    translation = helpers.translate_page(practice, en, title="English", slug="english")
    by_language = {d.language: d for d in documents(practice)}
    assert "Lörrach, Deutschland" in by_language["de"].text[2]
    assert "Lörrach, Germany" in by_language["en"].text[2]
    assert by_language["en"].page_id == translation.pk


def test_field_text_handles_methods_missing_values_and_related_managers(sections, terms):
    practice = factories.GoodPracticePageFactory(
        parent=sections["practices"], themes=[terms["topic"], terms["flood"]]
    )
    assert field_text(practice, "search_place") == f"{practice.city}, {practice.country.name}"
    assert field_text(practice, "no_such_field") == ""
    practice.contact_person = None
    assert field_text(practice, "contact_person") == ""
    themes = field_text(practice, "themes")
    assert "Städtische Mobilität" in themes and "Hochwasserschutz" in themes


def test_an_item_is_shown_in_every_language_it_lacks(english, sections, locales, terms):
    _de, en = locales
    german_only = factories.GoodPracticePageFactory(parent=sections["practices"])
    (doc,) = documents(german_only)
    assert (doc.language, doc.shown_in) == ("de", ("de", "en"))

    english_only = factories.NewsPageFactory(parent=english["news"], locale=en)
    (doc,) = documents(english_only)
    assert (doc.language, doc.shown_in) == ("en", ("en", "de"))

    translated = factories.EventPageFactory(parent=sections["events"])
    translation = helpers.translate_page(translated, en, title="Translated")
    docs = {d.page_id: d for d in documents(translated)}
    assert docs[translated.pk].shown_in == ("de",)
    assert docs[translation.pk].shown_in == ("en",)
    assert {d.translation_key for d in docs.values()} == {str(translated.translation_key)}


def test_an_unpublished_translation_leaves_the_source_standing_in(english, sections, locales):
    _de, en = locales
    practice = factories.GoodPracticePageFactory(parent=sections["practices"])
    draft = practice.copy_for_translation(en)
    draft.save_revision()
    assert not draft.live
    (doc,) = documents(practice)
    assert (doc.page_id, doc.shown_in) == (practice.pk, ("de", "en"))


def test_a_live_translation_of_an_unpublished_source_stands_in_for_it(english, sections, locales):
    _de, en = locales
    practice = factories.GoodPracticePageFactory(parent=sections["practices"])
    translation = helpers.translate_page(practice, en, title="Only English now")
    practice.unpublish()
    (doc,) = documents(practice)
    assert (doc.page_id, doc.language, doc.shown_in) == (translation.pk, "en", ("en", "de"))


def test_drafts_and_private_pages_have_no_documents(home, sections, terms):
    draft = factories.GoodPracticePageFactory(parent=sections["practices"], live=False)
    private = factories.GoodPracticePageFactory(parent=sections["practices"])
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    internal = factories.NewsIndexPageFactory(parent=home, slug="intern", title="Intern")
    PageViewRestriction.objects.create(page=internal, restriction_type=PageViewRestriction.LOGIN)
    below = factories.NewsPageFactory(parent=internal)
    visible = factories.NewsPageFactory(parent=sections["news"])
    found = documents_for_items([p.translation_key for p in (draft, private, below, visible)])
    assert found[str(draft.translation_key)] == []
    assert found[str(private.translation_key)] == []
    assert found[str(below.translation_key)] == []
    assert [d.page_id for d in found[str(visible.translation_key)]] == [visible.pk]
    # Index pages and the home page are not searchable types.
    assert set(searchable_pages().values_list("pk", flat=True)) == {visible.pk}
    assert [d.page_id for d in all_documents()] == [visible.pk]


def test_documents_for_pages_groups_translations_given_together(english, sections, locales):
    _de, en = locales
    practice = factories.GoodPracticePageFactory(parent=sections["practices"])
    translation = helpers.translate_page(practice, en, title="English")
    pages = searchable_pages().select_related("locale").specific().order_by("pk")
    docs = documents_for_pages(pages)
    assert {(d.page_id, d.shown_in) for d in docs} == {
        (practice.pk, ("de",)),
        (translation.pk, ("en",)),
    }


def test_an_alias_is_kept_out_of_the_index_and_its_source_stands_in(english, sections, locales):
    _de, en = locales
    practice = factories.GoodPracticePageFactory(parent=sections["practices"])
    alias = practice.copy_for_translation(en, alias=True)
    assert (alias.live, alias.alias_of_id) == (True, practice.pk)
    (doc,) = documents(practice)
    assert (doc.page_id, doc.language, doc.shown_in) == (practice.pk, "de", ("de", "en"))
    assert list(searchable_pages().values_list("pk", flat=True)) == [practice.pk]


def test_the_oldest_translation_alone_stands_in_for_a_missing_language(
    english, sections, locales, settings
):
    de, en = locales
    settings.LANGUAGES = [("de", "Deutsch"), ("en", "English"), ("fr", "Français")]
    german_first = factories.GoodPracticePageFactory(parent=sections["practices"])
    german_first_en = helpers.translate_page(german_first, en, title="English second")
    english_first = factories.NewsPageFactory(parent=english["news"], locale=en)
    english_first_de = helpers.translate_page(english_first, de, title="Deutsch danach")
    shown = {
        d.page_id: (d.language, d.shown_in)
        for d in documents(german_first) + documents(english_first)
    }
    assert shown == {
        german_first.pk: ("de", ("de", "fr")),
        german_first_en.pk: ("en", ("en",)),
        english_first.pk: ("en", ("en", "fr")),
        english_first_de.pk: ("de", ("de",)),
    }
    in_french = shown_in_language(searchable_pages(), "fr").values_list("pk", flat=True)
    assert set(in_french) == {german_first.pk, english_first.pk}


@pytest.mark.parametrize("weight", [0, 4, "3", None])
def test_a_text_weight_other_than_1_2_or_3_is_refused_where_it_is_declared(weight):
    from search.registry import Text

    with pytest.raises(ValueError) as refused:
        Text("title", weight=weight)
    assert str(refused.value) == f"Text weight must be one of (1, 2, 3), not {weight!r}."
    assert [Text("title", weight=w).weight for w in (1, 2, 3)] == [1, 2, 3]
    assert Text("body").weight == 1
