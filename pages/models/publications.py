"""Publications: studies and reports, as a file or an external link."""

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from pages.serializers import terms
from search.registry import Contribution, Text

from .base import BasePage, IndexPage, RegionsMixin, TaxonomyPage


class PublicationPageTag(TaggedItemBase):
    content_object = ParentalKey("pages.PublicationPage", related_name="tagged_items")


class PublicationPage(RegionsMixin, TaxonomyPage):
    subtitle = models.CharField(_("subtitle"), max_length=300, blank=True)
    year = models.PositiveSmallIntegerField(
        _("year"), validators=[MinValueValidator(1950), MaxValueValidator(2100)]
    )
    authors = models.CharField(
        _("authors or coordinators"),
        max_length=300,
        blank=True,
        help_text=_("For example 'Coordinators: Helene Fourniere, Esteban Leon'."),
    )
    publisher = models.CharField(_("publisher"), max_length=200, blank=True)
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("file"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    external_url = models.URLField(_("external link"), blank=True)
    regions = ParentalManyToManyField(
        "pages.Region", verbose_name=_("regions"), blank=True, related_name="+"
    )
    tags = ClusterTaggableManager(through=PublicationPageTag, blank=True, verbose_name=_("tags"))

    parent_page_types = ["pages.PublicationIndexPage"]
    subpage_types = []
    type_key = "publication"
    search_contribution = Contribution(
        type="publication",
        label=_("Publication"),
        text=(
            *TaxonomyPage.search_text,
            Text("subtitle", 2),
            Text("authors", 2),
            Text("publisher"),
        ),
        date="year",
        prefetch_related=("themes", "regions"),
    )

    translatable_fields = [
        *TaxonomyPage.translatable_fields,
        TranslatableField("subtitle"),
        SynchronizedField("year"),
        SynchronizedField("authors"),
        TranslatableField("publisher"),
        SynchronizedField("document"),
        SynchronizedField("external_url"),
        SynchronizedField("regions"),
    ]

    content_panels = [
        *BasePage.content_panels[:1],
        FieldPanel("subtitle"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("year"), FieldPanel("publisher")]),
                FieldPanel("authors"),
                FieldRowPanel([FieldPanel("document"), FieldPanel("external_url")]),
            ],
            heading=_("Publication"),
        ),
        *BasePage.content_panels[1:],
        MultiFieldPanel(
            [
                FieldPanel("regions", widget=forms.CheckboxSelectMultiple),
                *TaxonomyPage.taxonomy_panels,
                FieldPanel("tags"),
            ],
            heading=_("Taxonomy"),
        ),
    ]

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("subtitle"),
        index.SearchField("authors"),
        index.FilterField("year"),
    ]

    api_fields = [
        *TaxonomyPage.api_fields,
        APIField("subtitle"),
        APIField("year"),
        APIField("authors"),
        APIField("publisher"),
        APIField("document"),
        APIField("external_url"),
        APIField("regions", serializer=terms()),
    ]

    class Meta:
        verbose_name = _("publication")
        verbose_name_plural = _("publications")

    def clean(self):
        super().clean()
        if self.document_id and self.external_url:
            message = _("Give a file or an external link, not both.")
            raise ValidationError({"document": message, "external_url": message})
        if not self.document_id and not self.external_url:
            message = _("Give a file or an external link.")
            raise ValidationError({"document": message, "external_url": message})

    @property
    def link(self):
        return self.document.url if self.document_id else self.external_url


class PublicationIndexPage(IndexPage):
    listing_model = PublicationPage
    listing_order = ("-year", "title")
    subpage_types = ["pages.PublicationPage"]

    class Meta:
        verbose_name = _("publication index")
        verbose_name_plural = _("publication indexes")

    def listing(self):
        return super().listing().select_related("document")
