"""Where a feed or calendar belongs: its section's index page in the visitor's language."""

from django.utils import translation
from wagtail.models import Page

from search.documents import findable_pages


def section_page(index_model, language=None) -> Page | None:
    """The findable index page of `index_model` in `language` (the active one by default), else
    in any language (an untranslated section still has a home)."""
    language = language or translation.get_language()
    pages = findable_pages(index_model.objects).select_related("locale").order_by("pk")
    return pages.filter(locale__language_code=language).first() or pages.first()


def home_url(request, language=None):
    """The home page of `language`, for feeds of a section that does not exist."""
    from django.urls import reverse

    with translation.override(language or translation.get_language()):
        return request.build_absolute_uri(reverse("wagtail_serve", args=[""]))
