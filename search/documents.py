"""Search documents: what a backend stores for one page in one language.

Documents are built per content item (one translation key) from the live, public
translations of that item, so each document knows in which languages it is shown: in its own,
and in every language that has no live translation of the item (the fallback).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.html import strip_tags
from wagtail.blocks import StreamValue
from wagtail.models import Page
from wagtail.rich_text import RichText

from search.registry import (
    SearchableType,
    facet_definitions,
    searchable_types,
    type_for_model,
)


@dataclass(frozen=True)
class SearchDocument:
    page_id: int
    translation_key: str
    language: str
    # Languages in whose searches this document stands for its item.
    shown_in: tuple[str, ...]
    type: str
    title: str
    url: str
    date: datetime.date | None
    summary: str
    # Text by weight: {3: title-like, 2: summaries, 1: body}.
    text: Mapping[int, str]
    # {facet: (value, ...)}, hierarchical facets with their parents, `type` and `year` included.
    facets: Mapping[str, tuple[str, ...]]


def languages() -> tuple[str, ...]:
    return tuple(code for code, _name in settings.LANGUAGES)


def findable_pages(queryset=None):
    """The pages visitors may find: live, public (no view restriction on the page or above it,
    which `public()` checks), and no aliases (an alias in another locale is an untranslated copy
    of its source, which already stands in for that language). Drafts and unpublished
    translations are not live.

    The one rule for everything that lists pages outside the page tree: search, and the
    sitemap, feeds, calendars and exports. `queryset` narrows it (a model's pages).
    """
    queryset = Page.objects.all() if queryset is None else queryset
    return queryset.live().public().filter(alias_of__isnull=True)


def searchable_pages():
    """Findable pages of every searchable type."""
    models = [t.model for t in searchable_types()]
    return findable_pages().type(*models)


def source_of(translations):
    """The version of an item that stands in for the languages it lacks: the oldest of its
    live translations, which is where wagtail-localize translations start."""
    return min(translations, key=lambda page: page.pk)


def shown_in_language(queryset, language):
    """The pages of `queryset` (findable pages, every language) that `language` shows: each
    item once, in `language` where it has a version there, else its source (`source_of`), as
    search shows it. One query, so listings can order and slice it."""
    own = Q(locale__language_code=language)
    has_own = queryset.filter(own).values("translation_key")
    older = queryset.filter(translation_key=OuterRef("translation_key"), pk__lt=OuterRef("pk"))
    return queryset.filter(own | (~Q(translation_key__in=has_own) & ~Exists(older)))


def field_text(page, name) -> str:
    value = getattr(page, name, "")
    if callable(value):
        value = value()
    if isinstance(value, StreamValue):
        block = value.stream_block
        return " ".join(str(s) for s in block.get_searchable_content(value))
    if isinstance(value, RichText):
        value = value.source
    if value is None:
        return ""
    if hasattr(value, "all"):  # a related manager
        return " ".join(str(v) for v in value.all())
    return " ".join(strip_tags(str(value)).split())


def _date(value):
    if isinstance(value, datetime.datetime):
        # The day in the site's time zone, as pages show it (not the UTC day: 23:30 UTC on
        # 31 December is already next year in Berlin).
        return timezone.localtime(value).date()
    if isinstance(value, int):
        return datetime.date(value, 1, 1)
    return value


def expand(facets: Mapping[str, Iterable[str]], parents_of: Mapping[str, Mapping[str, str]]):
    """Facet values with every ancestor added, sorted, empty facets dropped."""
    expanded = {}
    for name, values in facets.items():
        found: set[str] = set()
        for value in values:
            current: str | None = str(value)
            while current and current not in found:
                found.add(current)
                current = parents_of.get(name, {}).get(current)
        if found:
            expanded[name] = tuple(sorted(found))
    return expanded


def hierarchy() -> dict[str, Mapping[str, str]]:
    return {f.name: f.parents() for f in facet_definitions() if f.parents}


def searchable_type(model) -> SearchableType:
    searchable = type_for_model(model)
    if searchable is None:
        raise LookupError(f"{model.__name__} is not a searchable page type")
    return searchable


def build_document(page, shown_in, parents_of) -> SearchDocument:
    contribution = searchable_type(type(page)).contribution
    date = _date(field_text_raw(page, contribution.date)) if contribution.date else None
    facets = dict(getattr(page, contribution.facets)()) if contribution.facets else {}
    facets["type"] = [contribution.type]
    if date:
        facets["year"] = [str(date.year)]
    text: dict[int, list[str]] = {weight: [] for weight in (1, 2, 3)}
    for item in contribution.text:
        text[item.weight].append(field_text(page, item.name))
    return SearchDocument(
        page_id=page.pk,
        translation_key=str(page.translation_key),
        language=page.locale.language_code,
        shown_in=tuple(shown_in),
        type=contribution.type,
        title=page.title,
        url=page.get_url() or page.url_path,
        date=date,
        summary=page.search_description or getattr(page, "teaser", "") or "",
        text={weight: " ".join(t for t in parts if t) for weight, parts in text.items()},
        facets=expand(facets, parents_of),
    )


def field_text_raw(page, name):
    value = getattr(page, name, None)
    return value() if callable(value) else value


def documents_for_pages(pages) -> list[SearchDocument]:
    """Documents of the given (specific) live public pages.

    `pages` must contain every live public translation of each item it contains. An item shows
    in each of its own languages; in a language it lacks, it shows once, in its source language
    (the oldest of its live translations, which is where wagtail-localize translations start).
    """
    parents_of = hierarchy()
    by_item: dict[str, list[Page]] = {}
    for page in pages:
        by_item.setdefault(page.translation_key, []).append(page)
    documents = []
    for translations in by_item.values():
        present = {p.locale.language_code for p in translations}
        missing = [lang for lang in languages() if lang not in present]
        source = source_of(translations)
        for page in translations:
            shown_in = [page.locale.language_code, *(missing if page is source else [])]
            documents.append(build_document(page, shown_in, parents_of))
    return documents


def documents_for_items(translation_keys: Iterable[str]) -> dict[str, list[SearchDocument]]:
    """{translation key: documents} for each item; an item with no live public page gets []."""
    keys = {str(k) for k in translation_keys}
    live = searchable_pages().filter(translation_key__in=keys).values("pk")
    pages = []
    for searchable in searchable_types():
        contribution = searchable.contribution
        pages += (
            searchable.model.objects.filter(pk__in=live)
            .select_related("locale", *contribution.select_related)
            .prefetch_related(*contribution.prefetch_related)
        )
    pages.sort(key=lambda page: page.pk)
    grouped: dict[str, list[SearchDocument]] = {key: [] for key in keys}
    for document in documents_for_pages(pages):
        grouped[document.translation_key].append(document)
    return grouped
