"""Events: dialogue events, workshops, study tours ...; optionally with a call for participants."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from pages import content_cache
from pages.blocks import BaseStreamBlock
from pages.serializers import CountrySerializer
from search.registry import Contribution, Text

from .base import (
    BasePage,
    CountryMixin,
    IndexPage,
    ListingRows,
    TaxonomyPage,
    defer_rows,
    listing_key,
    paginate,
)
from .lineage import one_per_item

OPEN_CALLS_SHOWN = 6


class EventFormat(models.TextChoices):
    DIALOGUE = "dialogue", _("Dialogue event")
    WORKSHOP = "workshop", _("Practitioners' workshop")
    TRAINING = "training", _("Training course")
    STUDY_TOUR = "study_tour", _("Study tour")
    FACT_FINDING = "fact_finding", _("Fact-finding mission")
    CONFERENCE = "conference", _("Conference")
    WEBINAR = "webinar", _("Webinar")
    URBAN_LAB = "urban_lab", _("Urban lab")


class EventPageTag(TaggedItemBase):
    content_object = ParentalKey("pages.EventPage", related_name="tagged_items")


class EventPage(CountryMixin, TaxonomyPage):
    format = models.CharField(_("format"), max_length=20, choices=EventFormat.choices)
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"), help_text=_("The same as the start for one day."))
    venue = models.CharField(_("venue"), max_length=200, blank=True)
    city = models.CharField(_("city"), max_length=120, blank=True)
    country = models.ForeignKey(
        "pages.Country",
        verbose_name=_("country"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    online = models.BooleanField(_("online"), default=False)
    languages = models.CharField(
        _("languages"), max_length=200, blank=True, help_text=_("For example English, Arabic")
    )
    organisers = ParentalManyToManyField(
        "pages.PartnerOrganisation", verbose_name=_("organisers"), blank=True, related_name="+"
    )

    has_call = models.BooleanField(_("call for participants"), default=False)
    call_deadline = models.DateField(_("application deadline"), null=True, blank=True)
    call_closed = models.BooleanField(
        _("call closed early"),
        default=False,
        help_text=_("Close the call before its deadline, for example when all places are taken."),
    )
    call_eligibility = RichTextField(
        _("who can apply"), blank=True, features=["bold", "link", "ul"]
    )
    call_how_to_apply = RichTextField(
        _("how to apply"), blank=True, features=["bold", "link", "ul"]
    )

    documentation = StreamField(
        BaseStreamBlock(),
        verbose_name=_("documentation and results"),
        blank=True,
        help_text=_("After the event: what came out of it, presentations, photos."),
    )
    tags = ClusterTaggableManager(through=EventPageTag, blank=True, verbose_name=_("tags"))

    parent_page_types = ["pages.EventIndexPage"]
    subpage_types = []
    type_key = "event"
    search_contribution = Contribution(
        type="event",
        label=_("Event"),
        text=(
            *TaxonomyPage.search_text,
            Text("search_place", 2),
            Text("venue"),
            Text("call_eligibility"),
            Text("documentation"),
        ),
        date="start_date",
        select_related=("country__region",),
        prefetch_related=("themes",),
    )
    card_template = "components/_event_card.html"

    translatable_fields = [
        *TaxonomyPage.translatable_fields,
        SynchronizedField("format"),
        SynchronizedField("start_date"),
        SynchronizedField("end_date"),
        TranslatableField("venue"),
        TranslatableField("city"),
        SynchronizedField("country"),
        SynchronizedField("online"),
        TranslatableField("languages"),
        SynchronizedField("organisers"),
        SynchronizedField("has_call"),
        SynchronizedField("call_deadline"),
        SynchronizedField("call_closed"),
        TranslatableField("call_eligibility"),
        TranslatableField("call_how_to_apply"),
        TranslatableField("documentation"),
    ]

    content_panels = [
        *BasePage.content_panels[:2],
        MultiFieldPanel(
            [
                FieldPanel("format"),
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
                FieldRowPanel([FieldPanel("venue"), FieldPanel("city")]),
                FieldRowPanel([FieldPanel("country"), FieldPanel("online")]),
                FieldPanel("languages"),
                FieldPanel("organisers", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("When and where"),
        ),
        *BasePage.content_panels[2:],
        MultiFieldPanel(
            [
                FieldPanel("has_call"),
                FieldRowPanel([FieldPanel("call_deadline"), FieldPanel("call_closed")]),
                FieldPanel("call_eligibility"),
                FieldPanel("call_how_to_apply"),
            ],
            heading=_("Call for participants"),
        ),
        FieldPanel("documentation"),
        MultiFieldPanel([*TaxonomyPage.taxonomy_panels, FieldPanel("tags")], heading=_("Taxonomy")),
    ]

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("city"),
        index.SearchField("venue"),
        index.FilterField("start_date"),
        index.FilterField("format"),
    ]

    api_fields = [
        *TaxonomyPage.api_fields,
        APIField("format"),
        APIField("start_date"),
        APIField("end_date"),
        APIField("venue"),
        APIField("city"),
        APIField("country", serializer=CountrySerializer(read_only=True)),
        APIField("online"),
        APIField("languages"),
        APIField("has_call"),
        APIField("call_deadline"),
        APIField("call_is_open"),
    ]

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        indexes = [
            models.Index(fields=["start_date"], name="event_start_date"),
            models.Index(fields=["end_date"], name="event_end_date"),
        ]

    def clean(self):
        super().clean()
        errors = {}
        if self.start_date and self.end_date and self.end_date < self.start_date:
            errors["end_date"] = _("The event cannot end before it starts.")
        if self.has_call:
            if not self.call_deadline:
                errors["call_deadline"] = _("A call for participants needs a deadline.")
            elif self.start_date and self.call_deadline > self.start_date:
                errors["call_deadline"] = _(
                    "The application deadline must be on or before the first day of the event."
                )
        elif self.call_deadline:
            errors["has_call"] = _("Tick 'call for participants' or clear the deadline.")
        if not self.online and not (self.city and self.country_id):
            errors["city"] = _("Give the city and country, or mark the event as online.")
        if errors:
            raise ValidationError(errors)

    @property
    def call_is_open(self):
        return (
            self.has_call
            and not self.call_closed
            and self.call_deadline is not None
            and self.call_deadline >= timezone.localdate()
        )

    @property
    def is_upcoming(self):
        return self.end_date >= timezone.localdate()

    @property
    def is_multi_day(self):
        return self.start_date != self.end_date

    def projects(self):
        """Supported projects whose idea arose at this event, in the visitor's language."""
        from .projects import SupportedProjectPage

        return one_per_item(
            SupportedProjectPage.objects.filter(
                origin_event__translation_key=self.translation_key
            ).order_by("title"),
            self.locale_id,
        )

    def practices(self):
        from .practices import GoodPracticePage

        return one_per_item(
            GoodPracticePage.objects.filter(
                related_events__translation_key=self.translation_key
            ).order_by("title"),
            self.locale_id,
        )


class EventIndexPage(IndexPage):
    listing_model = EventPage
    subpage_types = ["pages.EventPage"]

    class Meta:
        verbose_name = _("event index")
        verbose_name_plural = _("event indexes")

    def listing(self):
        return super().listing().select_related("country").prefetch_related("themes")

    page_params = ("upcoming", "past")

    def listing_context(self, request):
        today = timezone.localdate()
        events = self.listing()
        context = {"today": today}
        # The calls closing soonest; every open call is also in the upcoming list.
        context["open_calls"] = ListingRows(
            content_cache.get_or_build(
                "listing",
                self.pk,
                "calls",
                today,
                build=lambda: list(
                    events.filter(has_call=True, call_closed=False, call_deadline__gte=today)
                    .order_by("call_deadline")
                    .values_list("pk", flat=True)[:OPEN_CALLS_SHOWN]
                ),
            ),
            listing_key(self.pk, "calls", today),
        )
        context["upcoming"] = paginate(
            request,
            events.filter(end_date__gte=today).order_by("start_date"),
            "upcoming",
            key=(self.pk, "upcoming", today),
            load=False,
        )
        context["past"] = paginate(
            request,
            events.filter(end_date__lt=today).order_by("-start_date"),
            "past",
            key=(self.pk, "past", today),
            load=False,
        )
        # The three lists' events in one query (and one per prefetch), when a list's cards are
        # not in the cache.
        defer_rows(events, context["open_calls"], context["upcoming"], context["past"])
        return context
