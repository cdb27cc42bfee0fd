"""The portal's search facets beyond type and year: regions, themes (two levels), countries.

Values are the taxonomy's language-independent slugs (ISO codes for countries); labels are
the terms' names in the visitor's language. Editing a term re-indexes the pages that use it
(country names are searchable text; a topic's focal theme and a country's region are facets).
"""

from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from pages.models import Country, Region, Theme
from pages.taxonomy_labels import slug_labels, theme_parents
from search import indexing
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


def pages_using(term):
    """Live pages whose search documents depend on `term` (any translation of it)."""
    from pages.models import (
        EventPage,
        GoodPracticePage,
        NewsPage,
        PublicationPage,
        SupportedProjectPage,
    )

    key = term.translation_key
    located = (EventPage, GoodPracticePage, SupportedProjectPage)
    if isinstance(term, Country):
        return [model.objects.filter(country__translation_key=key) for model in located]
    if isinstance(term, Region):
        return [
            *(model.objects.filter(country__region__translation_key=key) for model in located),
            *(
                model.objects.filter(regions__translation_key=key)
                for model in (NewsPage, PublicationPage)
            ),
        ]
    # Themes: a topic moved to another focal theme changes the focal-theme facet values.
    slugs = [
        term.slug,
        *Theme.objects.filter(parent__translation_key=key).values_list("slug", flat=True),
    ]
    return [
        model.objects.filter(themes__slug__in=slugs)
        for model in (*located, NewsPage, PublicationPage)
    ]


def taxonomy_changed(sender, instance, **kwargs):
    for pages in pages_using(instance):
        indexing.schedule_pages(pages.live())


for _model in (Region, Country, Theme):
    post_save.connect(taxonomy_changed, sender=_model, dispatch_uid=f"search_{_model.__name__}")
    post_delete.connect(
        taxonomy_changed, sender=_model, dispatch_uid=f"search_del_{_model.__name__}"
    )
