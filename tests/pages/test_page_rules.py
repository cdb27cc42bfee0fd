"""Where each page type may be created, and that editors can create them through the admin."""

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from community.models import ExpertIndexPage, ExpertPage
from pages.models import (
    EventIndexPage,
    EventPage,
    GoodPracticeIndexPage,
    GoodPracticePage,
    HomePage,
    NewsIndexPage,
    NewsPage,
    PublicationIndexPage,
    PublicationPage,
    StandardPage,
    SupportedProjectIndexPage,
    SupportedProjectPage,
)
from tests import helpers

SECTIONS = {
    EventIndexPage,
    GoodPracticeIndexPage,
    SupportedProjectIndexPage,
    NewsIndexPage,
    PublicationIndexPage,
    ExpertIndexPage,
}


class PageTreeRulesTests(WagtailPageTestCase):
    def test_home_sits_at_the_root(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertAllowedSubpageTypes(HomePage, {*SECTIONS, StandardPage})

    def test_sections_sit_under_home_once(self):
        for index in SECTIONS:
            self.assertAllowedParentPageTypes(index, {HomePage})
            self.assertEqual(index.max_count_per_parent, 1)

    def test_items_sit_under_their_index_and_have_no_children(self):
        for item, index in [
            (EventPage, EventIndexPage),
            (GoodPracticePage, GoodPracticeIndexPage),
            (SupportedProjectPage, SupportedProjectIndexPage),
            (NewsPage, NewsIndexPage),
            (PublicationPage, PublicationIndexPage),
            (ExpertPage, ExpertIndexPage),
        ]:
            self.assertAllowedParentPageTypes(item, {index})
            self.assertAllowedSubpageTypes(item, set())
            self.assertAllowedSubpageTypes(index, {item})

    def test_standard_pages_nest(self):
        self.assertAllowedParentPageTypes(StandardPage, {HomePage, StandardPage})
        self.assertCanNotCreateAt(GoodPracticeIndexPage, StandardPage)


class AdminCreationTests(WagtailPageTestCase):
    """Real admin create views, with StreamField and taxonomy data as an editor would post it."""

    @classmethod
    def setUpTestData(cls):
        cls.home = helpers.make_home()
        cls.sections = helpers.make_sections(cls.home)
        cls.taxonomy = helpers.make_taxonomy()

    def setUp(self):
        self.login()

    def test_create_good_practice_with_blocks_and_taxonomy(self):
        data = nested_form_data(
            {
                "title": "Grüner Ring von Metro Cebu",
                "slug": "gruener-ring-cebu",
                "teaser": "Ein grüner Korridor für eine wachsende Stadt.",
                "city": "Cebu",
                "country": self.taxonomy["country"].pk,
                "tags": "mobilität, grün",
                "challenge": rich_text("<p>Schnelle Urbanisierung.</p>"),
                "approach": rich_text("<p>Ein Ring aus Grünflächen.</p>"),
                "body": streamfield(
                    [
                        ("heading", {"text": "Überblick", "level": "h2", "anchor": ""}),
                        ("paragraph", rich_text("<p>Cebu ist die zweitgrößte Stadt.</p>")),
                        ("quote", {"quote": "Grün verbindet.", "attribution": "", "role": ""}),
                    ]
                ),
                "key_facts": streamfield([]),
                "documents": streamfield([]),
            }
        )
        # Multiple-choice fields go in as repeated keys, outside nested_form_data's flattening.
        data["themes"] = [self.taxonomy["topic"].pk]
        data["sdgs"] = [self.taxonomy["sdg"].pk]
        self.assertCanCreate(self.sections["practices"], GoodPracticePage, data)
        page = GoodPracticePage.objects.get(slug="gruener-ring-cebu")
        self.assertEqual(
            [block.block_type for block in page.body], ["heading", "paragraph", "quote"]
        )
        self.assertEqual(list(page.themes.all()), [self.taxonomy["topic"]])
        self.assertEqual(sorted(page.tags.names()), ["grün", "mobilität"])
        # assertPageIsRoutable ignores i18n_patterns' /de/ prefix; rendering goes through the URL.
        self.assertPageIsRenderable(page)
        # StreamField inputs are drawn by JavaScript, so the edit form's HTML can't supply them.
        preview_data = {k: v for k, v in data.items() if not k.startswith("action-")}
        self.assertPageIsPreviewable(page, post_data=preview_data)

    def test_create_event(self):
        data = nested_form_data(
            {
                "title": "Dialogveranstaltung Mobilität",
                "slug": "dialog-mobilitaet",
                "format": "dialogue",
                "start_date": "2030-05-04",
                "end_date": "2030-05-06",
                "city": "Bremen",
                "country": self.taxonomy["country"].pk,
                "body": streamfield([]),
                "documentation": streamfield([]),
            }
        )
        self.assertCanCreate(self.sections["events"], EventPage, data)
