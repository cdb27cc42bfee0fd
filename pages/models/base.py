"""The abstract base page and the mixins every content type shares."""

from django import forms
from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Page, PageViewRestriction
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from pages import content_cache, visibility
from pages.blocks import BaseStreamBlock
from pages.locales import LocaleChoicesForm, LocaleConsistentMixin
from pages.models.media import card_renditions
from pages.serializers import SDGSerializer, terms
from search.registry import Text

LISTING_PAGE_SIZE = 12


class HeroMixin(models.Model):
    """A hero image; its credit comes from the image and its alt text can be set per page."""

    hero_image = models.ForeignKey(
        "pages.PortalImage",
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hero_alt_text = models.CharField(
        _("hero image alternative text"),
        max_length=250,
        blank=True,
        help_text=_("Defaults to the image's own description."),
    )
    hero_caption = models.CharField(_("hero image caption"), max_length=300, blank=True)

    hero_panels = [
        MultiFieldPanel(
            [FieldPanel("hero_image"), FieldPanel("hero_alt_text"), FieldPanel("hero_caption")],
            heading=_("Hero image"),
        )
    ]

    class Meta:
        abstract = True

    @property
    def hero_alt(self):
        if self.hero_alt_text:
            return self.hero_alt_text
        return self.hero_image.description if self.hero_image else ""


class TaxonomyMixin(models.Model):
    """Themes and SDGs; ParentalManyToManyField so that revisions and previews keep them."""

    themes = ParentalManyToManyField(
        "pages.Theme", verbose_name=_("themes"), blank=True, related_name="%(class)s_pages"
    )
    sdgs = ParentalManyToManyField(
        "pages.SustainableDevelopmentGoal",
        verbose_name=_("sustainable development goals"),
        blank=True,
        related_name="%(class)s_pages",
    )

    taxonomy_panels = [
        FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
        FieldPanel("sdgs", widget=forms.CheckboxSelectMultiple),
    ]

    class Meta:
        abstract = True


class BasePage(LocaleConsistentMixin, HeroMixin, Page):
    """Title, teaser, hero image and StreamField body: what every content page has.

    Links to terms, partners and pages stay in the page's language (pages.locales).
    """

    base_form_class = LocaleChoicesForm

    teaser = models.TextField(
        _("teaser"),
        max_length=500,
        blank=True,
        help_text=_("One or two sentences shown on cards, in search results and in feeds."),
    )
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True)

    # `.public()` from the content cache (pages.visibility).
    objects = visibility.PortalPageManager()

    # Text is translated; images are synchronised (their alt text and caption are translated).
    translatable_fields = [
        TranslatableField("title"),
        TranslatableField("slug"),
        TranslatableField("seo_title"),
        TranslatableField("search_description"),
        TranslatableField("teaser"),
        TranslatableField("body"),
        SynchronizedField("hero_image"),
        TranslatableField("hero_alt_text"),
        TranslatableField("hero_caption"),
    ]

    content_panels = [
        *Page.content_panels,
        FieldPanel("teaser"),
        *HeroMixin.hero_panels,
        FieldPanel("body"),
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("teaser", boost=2),
        index.SearchField("body"),
    ]

    api_fields = [APIField("teaser"), APIField("hero_image"), APIField("body")]

    # Index pages list their children; the template shows `card_template` for each.
    card_template = "components/_card.html"
    # Key of this type for search filters and API clients (see MISSION.md "type").
    type_key = ""

    class Meta:
        abstract = True

    def get_view_restrictions(self):
        """Wagtail's, without queries for a page that no restriction applies to: `serve`
        checks restrictions on every request (pages.visibility)."""
        restrictions = super().get_view_restrictions
        if content_cache.seconds() and not visibility.is_restricted(self, restrictions):
            return PageViewRestriction.objects.none()
        return restrictions()

    def permissions_for_user(self, user):
        # Translators may edit but not delete or move pages (see localization.roles.permissions).
        from localization.roles.permissions import PortalPagePermissionTester

        return PortalPagePermissionTester(user, self)


class TaxonomyPage(TaxonomyMixin, BasePage):
    """A content page tagged with the shared taxonomy."""

    translatable_fields = [
        *BasePage.translatable_fields,
        SynchronizedField("themes"),
        SynchronizedField("sdgs"),
        SynchronizedField("tagged_items"),
    ]

    api_fields = [
        *BasePage.api_fields,
        APIField("themes", serializer=terms()),
        APIField("sdgs", serializer=SDGSerializer(many=True, read_only=True)),
        APIField("tags"),
    ]

    # Text every content type contributes to search (see search.registry.Contribution).
    search_text = (Text("title", 3), Text("teaser", 2), Text("search_description", 2), Text("body"))

    class Meta:
        abstract = True

    def search_facets(self):
        """Facet values for search: themes (their focal themes are added by search)."""
        return {"theme": [theme.slug for theme in self.themes.all()]}

    def first_published_in_any_language(self):
        """When the item was first published: the same date for every translation
        (copy_for_translation starts each translation's own first_published_at afresh)."""
        dates = Page.objects.filter(translation_key=self.translation_key).aggregate(
            first=models.Min("first_published_at")
        )
        return dates["first"] or self.first_published_at


class CountryMixin:
    """Search facets and text of a page located in one country (region from the country)."""

    def search_facets(self):
        facets = super().search_facets()
        if self.country:
            facets.update(country=[self.country.slug], region=[self.country.region.slug])
        return facets

    def search_place(self):
        from pages.taxonomy_labels import label

        place = [getattr(self, "city", ""), label(self.country, self.locale.language_code)]
        return ", ".join(p for p in place if p)


class RegionsMixin:
    """Search facets of a page tagged with regions directly (news, publications)."""

    def search_facets(self):
        return {**super().search_facets(), "region": [r.slug for r in self.regions.all()]}


class DeferredRows:
    """Rows of a listing, held as ids until first used (iterated, indexed, `object_list`).

    A template that shows the listing from a cached fragment (keyed on `cache_key`) loads no
    rows at all; `cache_key` is empty for listings whose ids are not cached (their filters are
    not part of a key). `len()` and truth count the ids without loading them.
    """

    _load = None
    cache_key = ""

    @property
    def object_list(self):
        if self._load is not None:
            self._load()
        return self._rows

    @object_list.setter
    def object_list(self, value):
        self._rows = value

    def __len__(self):
        return len(self._rows)


class ListingPage(DeferredRows, PaginatorPage):
    """A paginator page of ids (see DeferredRows)."""


class ListingRows(DeferredRows):
    """A list of ids (a listing without pages, such as the open calls; see DeferredRows)."""

    def __init__(self, ids, cache_key=""):
        self.object_list = list(ids)
        self.cache_key = cache_key

    def __getitem__(self, index):
        # Templates try `rows["cache_key"]` before the attribute: that must not load the rows.
        if not isinstance(index, (int, slice)):
            raise TypeError(f"ListingRows indices must be integers or slices, not {type(index)}")
        return self.object_list[index]

    def __iter__(self):
        return iter(self.object_list)


class ListingPaginator(Paginator):
    def _get_page(self, *args, **kwargs):
        return ListingPage(*args, **kwargs)


def listing_key(*parts) -> str:
    return ":".join(str(part) for part in parts)


def paginate(request, queryset, param="page", key=None, load=True):
    """One page of a listing; an invalid or too large page number gives the nearest page.

    Pages through a narrow list of ids first, then loads only that page's rows with the
    queryset's joins and prefetches: sorting thousands of wide joined rows per request was the
    main cost of large listings (see bench/README.md). With `key` (what identifies the listing:
    the index page, the filter, the day), the ordered ids come from pages.content_cache, so a
    listing costs its rows and their prefetches only, and the page's `cache_key` lets the
    template cache its cards (the rows are then loaded only when that fragment is stale); the
    rows are still filtered by the queryset (live, public). Rows load on first use;
    `load=False` leaves them to `defer_rows`, which loads several listings of one model together.
    """
    if key is None:
        ids = queryset.values_list("pk", flat=True)
    else:
        ids = content_cache.get_or_build(
            "listing", *key, build=lambda: list(queryset.values_list("pk", flat=True))
        )
    page = ListingPaginator(ids, LISTING_PAGE_SIZE).get_page(request.GET.get(param))
    page.object_list = list(page.object_list)
    if key is not None:
        page.cache_key = listing_key(*key)
    if load:
        defer_rows(queryset, page)
    return page


def defer_rows(queryset, *pages):
    """Load the rows of listings (DeferredRows) together on first use of any of them."""

    def load():
        for page in pages:
            page._load = None
        load_rows(queryset, *pages)

    for page in pages:
        page._load = load


def load_rows(queryset, *pages):
    """Replace the ids of paginator pages (or lists) by their rows, loaded together in one
    query of `queryset` (and one per prefetch); ids the queryset does not return are left out."""
    ids = {pk for page in pages for pk in (getattr(page, "object_list", page))}
    rows = {row.pk: row for row in queryset.filter(pk__in=ids)} if ids else {}
    for page in pages:
        target = page.object_list if hasattr(page, "object_list") else page
        target[:] = [rows[pk] for pk in target if pk in rows]


class IndexPage(BasePage):
    """A section page that lists its children; subclasses set `listing_model`."""

    listing_model: type[Page] = Page
    listing_order: tuple[str, ...] = ("-first_published_at",)
    max_count_per_parent = 1
    parent_page_types = ["pages.HomePage"]

    class Meta:
        abstract = True

    def listing(self):
        # Children by path range and depth (treebeard's own interval), which databases can
        # answer from the path index; `child_of` uses LIKE, which SQLite cannot.
        return (
            self.listing_model.objects.filter(
                depth=self.depth + 1, path__range=self._get_children_path_interval(self.path)
            )
            .live()
            .public()
            .select_related("hero_image")
            .prefetch_related(card_renditions())
            .order_by(*self.listing_order)
        )

    def listing_context(self, request):
        return {"items": paginate(request, self.listing(), key=(self.pk, "page"))}

    # Parameters that make another page of this listing (the rest are noise: tracking tags).
    page_params: tuple[str, ...] = ("page",)

    def defining_params(self, request):
        """[(name, value)] of the parameters that define what this request shows, for its
        canonical and hreflang links: page numbers above 1 (the nearest page is shown for
        others)."""
        return [
            (name, value)
            for name in self.page_params
            if (value := request.GET.get(name, "")).isascii() and value.isdigit() and int(value) > 1
        ]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(self.listing_context(request))
        return context
