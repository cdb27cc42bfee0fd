"""The home page and standard pages (about us, objectives, partners, learning processes)."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail_localize.fields import SynchronizedField

from pages import visibility
from pages.models.media import card_renditions
from pages.serializers import PartnerSerializer

from .base import BasePage

SECTION_PAGE_TYPES = [
    "pages.EventIndexPage",
    "pages.GoodPracticeIndexPage",
    "pages.SupportedProjectIndexPage",
    "pages.NewsIndexPage",
    "pages.PublicationIndexPage",
]
HOME_TEASER_COUNT = 3


class HomePage(BasePage):
    """The root of one language's site; its translations are the other languages' roots."""

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [*SECTION_PAGE_TYPES, "community.ExpertIndexPage", "pages.StandardPage"]

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")

    def get_context(self, request, *args, **kwargs):
        from .events import EventPage
        from .news import NewsPage
        from .practices import GoodPracticePage

        context = super().get_context(request, *args, **kwargs)
        within = {"locale_id": self.locale_id}
        live = lambda model: model.objects.live().public().filter(**within)  # noqa: E731
        today = timezone.localdate()
        # Querysets, evaluated by the template only when its cached teaser fragment is stale;
        # cards' images and their renditions come with the rows (card_renditions).
        context["today"] = today
        context["upcoming_events"] = (
            live(EventPage)
            .filter(end_date__gte=today)
            .select_related("country", "hero_image")
            .prefetch_related("themes", card_renditions())
            .order_by("start_date")[:HOME_TEASER_COUNT]
        )
        context["latest_practices"] = (
            live(GoodPracticePage)
            .select_related("country", "hero_image")
            .prefetch_related("themes", card_renditions())
            .order_by("-first_published_at")[:HOME_TEASER_COUNT]
        )
        context["latest_news"] = (
            live(NewsPage)
            .select_related("hero_image")
            .prefetch_related("themes", "regions", card_renditions())
            .order_by("-date")[:HOME_TEASER_COUNT]
        )
        return context


class StandardPage(BasePage):
    partners = ParentalManyToManyField(
        "pages.PartnerOrganisation",
        verbose_name=_("partner organisations shown"),
        blank=True,
        related_name="+",
        help_text=_("Logos shown at the end of the page, for example on 'Partners'."),
    )

    parent_page_types = ["pages.HomePage", "pages.StandardPage"]
    subpage_types = ["pages.StandardPage"]

    translatable_fields = [*BasePage.translatable_fields, SynchronizedField("partners")]
    content_panels = [
        *BasePage.content_panels,
        FieldPanel("partners", widget=forms.CheckboxSelectMultiple),
    ]
    api_fields = [
        *BasePage.api_fields,
        APIField("partners", serializer=PartnerSerializer(many=True, read_only=True)),
    ]

    def partner_list(self):
        return self.partners.select_related("logo")

    def subpages(self):
        """The live, public pages below this one, listed at its end ("In this section")."""
        return visibility.public(self.get_children().live()).specific()

    class Meta:
        verbose_name = _("standard page")
        verbose_name_plural = _("standard pages")
