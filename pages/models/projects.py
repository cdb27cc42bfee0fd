"""Supported projects: ideas from events that partner municipalities turn into projects."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from pages.serializers import CountrySerializer
from search.registry import Contribution, Text

from .base import BasePage, CountryMixin, IndexPage, TaxonomyPage
from .lineage import one_per_item


class ProjectStatus(models.TextChoices):
    IDEA = "idea", _("Idea")
    PLANNING = "planning", _("Planning")
    IMPLEMENTATION = "implementation", _("Implementation")
    COMPLETED = "completed", _("Completed")


class SupportedProjectPageTag(TaggedItemBase):
    content_object = ParentalKey("pages.SupportedProjectPage", related_name="tagged_items")


class SupportedProjectPage(CountryMixin, TaxonomyPage):
    partner_municipality = models.CharField(_("partner municipality"), max_length=200)
    country = models.ForeignKey(
        "pages.Country", verbose_name=_("country"), on_delete=models.PROTECT, related_name="+"
    )
    german_partner = models.CharField(_("German partner municipality"), max_length=200, blank=True)
    origin_event = models.ForeignKey(
        "pages.EventPage",
        verbose_name=_("event where the idea arose"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    status = models.CharField(
        _("status"), max_length=20, choices=ProjectStatus.choices, default=ProjectStatus.IDEA
    )
    period_start = models.DateField(_("start"), null=True, blank=True)
    period_end = models.DateField(_("end"), null=True, blank=True)
    funding = models.CharField(
        _("funding"), max_length=300, blank=True, help_text=_("Who funds it, and how much.")
    )
    results = RichTextField(_("results"), blank=True, features=["bold", "italic", "link", "ul"])
    tags = ClusterTaggableManager(
        through=SupportedProjectPageTag, blank=True, verbose_name=_("tags")
    )

    parent_page_types = ["pages.SupportedProjectIndexPage"]
    subpage_types = []
    type_key = "project"
    search_contribution = Contribution(
        type="project",
        label=_("Supported project"),
        text=(
            *TaxonomyPage.search_text,
            Text("partner_municipality", 2),
            Text("search_place", 2),
            Text("german_partner", 2),
            Text("results"),
        ),
        date="search_date",
        select_related=("country__region",),
        prefetch_related=("themes",),
    )

    translatable_fields = [
        *TaxonomyPage.translatable_fields,
        TranslatableField("partner_municipality"),
        SynchronizedField("country"),
        TranslatableField("german_partner"),
        SynchronizedField("origin_event"),
        SynchronizedField("status"),
        SynchronizedField("period_start"),
        SynchronizedField("period_end"),
        TranslatableField("funding"),
        TranslatableField("results"),
    ]

    content_panels = [
        *BasePage.content_panels[:2],
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("partner_municipality"), FieldPanel("country")]),
                FieldPanel("german_partner"),
                FieldPanel("origin_event"),
                FieldPanel("status"),
                FieldRowPanel([FieldPanel("period_start"), FieldPanel("period_end")]),
                FieldPanel("funding"),
            ],
            heading=_("Project"),
        ),
        *BasePage.content_panels[2:],
        FieldPanel("results"),
        MultiFieldPanel([*TaxonomyPage.taxonomy_panels, FieldPanel("tags")], heading=_("Taxonomy")),
    ]

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("partner_municipality", boost=2),
        index.SearchField("german_partner"),
        index.FilterField("status"),
    ]

    api_fields = [
        *TaxonomyPage.api_fields,
        APIField("partner_municipality"),
        APIField("country", serializer=CountrySerializer(read_only=True)),
        APIField("german_partner"),
        APIField("origin_event"),
        APIField("status"),
        APIField("period_start"),
        APIField("period_end"),
        APIField("funding"),
    ]

    class Meta:
        verbose_name = _("supported project")
        verbose_name_plural = _("supported projects")

    def clean(self):
        super().clean()
        if self.period_start and self.period_end and self.period_end < self.period_start:
            raise ValidationError({"period_end": _("The project cannot end before it starts.")})

    def search_date(self):
        return self.period_start or self.first_published_in_any_language()

    def lineage_event(self):
        if not self.origin_event_id:
            return None
        found = one_per_item([self.origin_event], self.locale_id)
        return found[0] if found else None

    def practices(self):
        from .practices import GoodPracticePage

        return one_per_item(
            GoodPracticePage.objects.filter(
                related_projects__translation_key=self.translation_key
            ).order_by("title"),
            self.locale_id,
        )


class SupportedProjectIndexPage(IndexPage):
    listing_model = SupportedProjectPage
    listing_order = ("title",)
    subpage_types = ["pages.SupportedProjectPage"]

    class Meta:
        verbose_name = _("supported project index")
        verbose_name_plural = _("supported project indexes")

    def listing(self):
        return super().listing().select_related("country__region").prefetch_related("themes")
