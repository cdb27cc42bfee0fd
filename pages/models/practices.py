"""Good practices: proven municipal solutions, with the events and projects they relate to."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from pages.blocks import DocumentListBlock, KeyFiguresBlock
from pages.serializers import CountrySerializer
from search.registry import Contribution, Text

from .base import BasePage, CountryMixin, IndexPage, TaxonomyPage
from .lineage import one_per_item

SECTION_FEATURES = ["bold", "italic", "link", "ol", "ul"]


class GoodPracticePageTag(TaggedItemBase):
    content_object = ParentalKey("pages.GoodPracticePage", related_name="tagged_items")


class GoodPracticePage(CountryMixin, TaxonomyPage):
    city = models.CharField(_("city"), max_length=120)
    country = models.ForeignKey(
        "pages.Country",
        verbose_name=_("country"),
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("The region follows from the country."),
    )
    contact_person = models.CharField(_("contact person"), max_length=200, blank=True)
    contact_institution = models.CharField(_("institution"), max_length=200, blank=True)
    contact_email = models.EmailField(_("contact email"), blank=True)

    key_facts = StreamField(
        [("key_figures", KeyFiguresBlock())],
        verbose_name=_("key facts"),
        blank=True,
        max_num=1,
    )
    challenge = RichTextField(_("challenge"), blank=True, features=SECTION_FEATURES)
    approach = RichTextField(_("approach"), blank=True, features=SECTION_FEATURES)
    results = RichTextField(_("results"), blank=True, features=SECTION_FEATURES)
    lessons = RichTextField(_("lessons learned"), blank=True, features=SECTION_FEATURES)
    transferability = RichTextField(_("transferability"), blank=True, features=SECTION_FEATURES)
    documents = StreamField(
        [("documents", DocumentListBlock())], verbose_name=_("documents"), blank=True
    )
    related_events = ParentalManyToManyField(
        "pages.EventPage",
        verbose_name=_("related events"),
        blank=True,
        related_name="related_practices",
    )
    related_projects = ParentalManyToManyField(
        "pages.SupportedProjectPage",
        verbose_name=_("related projects"),
        blank=True,
        related_name="related_practices",
    )
    tags = ClusterTaggableManager(through=GoodPracticePageTag, blank=True, verbose_name=_("tags"))

    parent_page_types = ["pages.GoodPracticeIndexPage"]
    subpage_types = []
    type_key = "practice"
    search_contribution = Contribution(
        type="practice",
        label=_("Good practice"),
        text=(
            *TaxonomyPage.search_text,
            Text("search_place", 2),
            Text("contact_institution"),
            *(Text(name) for name in ("challenge", "approach", "results", "lessons")),
            Text("transferability"),
        ),
        date="first_published_in_any_language",
        select_related=("country__region",),
        prefetch_related=("themes",),
    )

    # The sections in reading order, for the template and the outline.
    SECTIONS = ("challenge", "approach", "results", "lessons", "transferability")

    translatable_fields = [
        *TaxonomyPage.translatable_fields,
        TranslatableField("city"),
        SynchronizedField("country"),
        SynchronizedField("contact_person"),
        TranslatableField("contact_institution"),
        SynchronizedField("contact_email"),
        TranslatableField("key_facts"),
        *(TranslatableField(name) for name in SECTIONS),
        TranslatableField("documents"),
        SynchronizedField("related_events"),
        SynchronizedField("related_projects"),
    ]

    content_panels = [
        *BasePage.content_panels[:2],
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("city"), FieldPanel("country")]),
                FieldRowPanel([FieldPanel("contact_person"), FieldPanel("contact_institution")]),
                FieldPanel("contact_email"),
            ],
            heading=_("Where and who"),
        ),
        *BasePage.content_panels[2:-1],
        FieldPanel("key_facts"),
        *(FieldPanel(name) for name in SECTIONS),
        BasePage.content_panels[-1],
        FieldPanel("documents"),
        MultiFieldPanel(
            [
                # Page choosers limited to the page's locale (pages.locales.LocaleChoicesForm).
                FieldPanel("related_events"),
                FieldPanel("related_projects"),
            ],
            heading=_("Lineage: events and projects"),
        ),
        MultiFieldPanel([*TaxonomyPage.taxonomy_panels, FieldPanel("tags")], heading=_("Taxonomy")),
    ]

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("city", boost=2),
        *(index.SearchField(name) for name in SECTIONS),
    ]

    api_fields = [
        *TaxonomyPage.api_fields,
        APIField("city"),
        APIField("country", serializer=CountrySerializer(read_only=True)),
        APIField("contact_institution"),
        *(APIField(name) for name in SECTIONS),
        APIField("related_events"),
        APIField("related_projects"),
    ]

    class Meta:
        verbose_name = _("good practice")
        verbose_name_plural = _("good practices")

    def sections(self):
        labels = {name: self._meta.get_field(name).verbose_name for name in self.SECTIONS}
        return [
            (name, labels[name], getattr(self, name))
            for name in self.SECTIONS
            if getattr(self, name)
        ]

    def lineage_events(self):
        return one_per_item(self.related_events.all().order_by("-start_date"), self.locale_id)

    def lineage_projects(self):
        return one_per_item(self.related_projects.all().order_by("title"), self.locale_id)


class GoodPracticeIndexPage(IndexPage):
    listing_model = GoodPracticePage
    listing_order = ("title",)
    subpage_types = ["pages.GoodPracticePage"]

    class Meta:
        verbose_name = _("good practice index")
        verbose_name_plural = _("good practice indexes")

    def listing(self):
        return super().listing().select_related("country__region").prefetch_related("themes")
