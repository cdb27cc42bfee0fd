"""News: items, press releases, hints on external events and newsletter issues."""

from django import forms
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from pages.serializers import terms
from search.registry import Contribution

from .base import BasePage, IndexPage, RegionsMixin, TaxonomyPage, paginate


class NewsCategory(models.TextChoices):
    NEWS = "news", _("News")
    PRESS = "press", _("Press release")
    EXTERNAL_EVENT = "external_event", _("Hint on an external event")
    NEWSLETTER = "newsletter", _("Newsletter issue")


class NewsPageTag(TaggedItemBase):
    content_object = ParentalKey("pages.NewsPage", related_name="tagged_items")


class NewsPage(RegionsMixin, TaxonomyPage):
    date = models.DateField(_("date"), default=timezone.localdate)
    category = models.CharField(
        _("category"), max_length=20, choices=NewsCategory.choices, default=NewsCategory.NEWS
    )
    source_url = models.URLField(_("source"), blank=True, help_text=_("Link to the original."))
    regions = ParentalManyToManyField(
        "pages.Region", verbose_name=_("regions"), blank=True, related_name="+"
    )
    tags = ClusterTaggableManager(through=NewsPageTag, blank=True, verbose_name=_("tags"))

    parent_page_types = ["pages.NewsIndexPage"]
    subpage_types = []
    type_key = "news"
    search_contribution = Contribution(
        type="news",
        label=_("News"),
        text=TaxonomyPage.search_text,
        date="date",
        prefetch_related=("themes", "regions"),
    )

    translatable_fields = [
        *TaxonomyPage.translatable_fields,
        SynchronizedField("date"),
        SynchronizedField("category"),
        SynchronizedField("source_url"),
        SynchronizedField("regions"),
    ]

    content_panels = [
        *BasePage.content_panels[:1],
        FieldRowPanel([FieldPanel("date"), FieldPanel("category")]),
        *BasePage.content_panels[1:],
        FieldPanel("source_url"),
        MultiFieldPanel(
            [
                FieldPanel("regions", widget=forms.CheckboxSelectMultiple),
                *TaxonomyPage.taxonomy_panels,
                FieldPanel("tags"),
            ],
            heading=_("Taxonomy"),
        ),
    ]

    search_fields = [*BasePage.search_fields, index.FilterField("date")]

    api_fields = [
        *TaxonomyPage.api_fields,
        APIField("date"),
        APIField("category"),
        APIField("source_url"),
        APIField("regions", serializer=terms()),
    ]

    class Meta:
        verbose_name = _("news item")
        verbose_name_plural = _("news items")
        indexes = [models.Index(fields=["date"], name="news_date")]


class NewsIndexPage(IndexPage):
    listing_model = NewsPage
    listing_order = ("-date", "-pk")
    subpage_types = ["pages.NewsPage"]

    class Meta:
        verbose_name = _("news index")
        verbose_name_plural = _("news indexes")

    def defining_params(self, request):
        category = request.GET.get("category", "")
        chosen = [("category", category)] if category in NewsCategory.values else []
        return chosen + super().defining_params(request)

    def listing_context(self, request):
        category = request.GET.get("category", "")
        if category not in NewsCategory.values:
            category = ""
        items = self.listing()
        if category:
            items = items.filter(category=category)
        return {
            "items": paginate(request, items, key=(self.pk, "page", category)),
            "categories": NewsCategory.choices,
            "active_category": category,
        }
