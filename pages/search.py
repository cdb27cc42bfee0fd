"""The portal's search facets beyond type and year: regions, themes (two levels), countries.

Values are the taxonomy's language-independent slugs (ISO codes for countries); labels are
the terms' names in the visitor's language.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from pages.models import Country, Region, Theme
from pages.taxonomy_labels import slug_labels, theme_parents
from search.registry import FacetDefinition


@hooks.register("register_search_facets")
def taxonomy_facets():
    return [
        FacetDefinition(
            "region", _("Region"), labels=lambda lang: slug_labels(Region, lang), order="given"
        ),
        FacetDefinition(
            "theme",
            _("Theme"),
            labels=lambda lang: slug_labels(Theme, lang),
            parents=theme_parents,
            order="given",
        ),
        FacetDefinition("country", _("Country"), labels=lambda lang: slug_labels(Country, lang)),
    ]
