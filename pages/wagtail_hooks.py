"""Admin registration: the taxonomy and partner snippets, grouped in one menu."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from pages import choosers, page_cache, search  # noqa: F401  (search registers the search facets)
from pages.models import Country, PartnerOrganisation, Region, SustainableDevelopmentGoal, Theme


class RegionViewSet(SnippetViewSet):
    model = Region
    icon = "site"
    list_display = ["name", "slug", "locale"]


class CountryViewSet(SnippetViewSet):
    model = Country
    icon = "globe"
    list_display = ["name", "slug", "region", "locale"]
    list_filter = ["region"]


class ThemeViewSet(SnippetViewSet):
    model = Theme
    icon = "tag"
    list_display = ["name", "slug", "parent", "locale"]
    list_filter = ["parent"]


class SDGViewSet(SnippetViewSet):
    model = SustainableDevelopmentGoal
    icon = "success"
    list_display = ["number", "name", "locale"]


class PartnerOrganisationViewSet(SnippetViewSet):
    model = PartnerOrganisation
    icon = "group"
    list_display = ["name", "role", "locale"]
    list_filter = ["role"]


class TaxonomyGroup(SnippetViewSetGroup):
    menu_label = _("Taxonomy")
    menu_icon = "tag"
    menu_order = 250
    items = (RegionViewSet, CountryViewSet, ThemeViewSet, SDGViewSet, PartnerOrganisationViewSet)


register_snippet(TaxonomyGroup)

# The page cache stores only what Wagtail served as a page.
hooks.register("before_serve_page", page_cache.mark_served_page)

# Page choosers of related-page fields list the edited page's locale only (pages.choosers).
hooks.register("construct_page_chooser_queryset", choosers.pages_of_one_locale)
