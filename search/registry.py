"""How other apps plug into search, without search importing them.

A page model takes part by declaring a `search_contribution` (see `Contribution`): its type key,
its text fields with weights, its date, and the method that gives its facet values. Facets
beyond the built-in `type` and `year` (regions, themes, ...) are declared by Wagtail hook:

    @hooks.register("register_search_facets")
    def facets():
        return [FacetDefinition("region", _("Region"), labels=region_labels), ...]
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cache

from django.apps import apps
from django.utils.translation import gettext_lazy as _
from django.utils.translation import override
from wagtail import hooks
from wagtail.models import Page

# Text weights: 3 for titles, 2 for teasers and other short summaries, 1 for body text.
WEIGHTS = (1, 2, 3)


@dataclass(frozen=True)
class Text:
    """A field (or method, or property) whose text is searched, with its weight."""

    name: str
    weight: int = 1

    def __post_init__(self):
        if self.weight not in WEIGHTS:
            raise ValueError(f"Text weight must be one of {WEIGHTS}, not {self.weight!r}.")


@dataclass(frozen=True)
class Contribution:
    """What a page type contributes to search.

    `date` names a field or method giving a date (or datetime); `facets` names a method
    returning {facet name: iterable of values}. The `type` and `year` facets are added here.
    `select_related` and `prefetch_related` name what building a document reads, so that a
    batch of pages is indexed with a few queries rather than a few per page.
    """

    type: str
    label: object  # the type's name for visitors, usually a lazy translation
    text: tuple[Text, ...]
    date: str | None = None
    facets: str = "search_facets"
    select_related: tuple[str, ...] = ()
    prefetch_related: tuple[str, ...] = ()


@dataclass(frozen=True)
class FacetDefinition:
    """A facet: its URL parameter, its label, and where its values' labels come from.

    `labels(language)` returns {value: label} in display order; a value not in it is unknown
    (bad input) unless `accepts(value)` says otherwise. `parents()` returns {value: parent}
    for hierarchical facets: an item with a topic is also counted under its focal theme.
    """

    name: str
    label: object
    labels: Callable[[str], Mapping[str, str]]
    parents: Callable[[], Mapping[str, str]] | None = None
    accepts: Callable[[str], bool] | None = None
    # Buckets asked of the backend: more than there are values, so none is ever cut off.
    size: int = 500
    order: str = "label"  # or "value" (years: newest first) or "given"


@dataclass(frozen=True)
class SearchableType:
    model: type[Page]
    contribution: Contribution = field(compare=False)

    @property
    def key(self) -> str:
        return self.contribution.type


@cache
def searchable_types() -> tuple[SearchableType, ...]:
    """Every concrete page model that declares a `search_contribution`."""
    found = []
    for model in apps.get_models():
        contribution = getattr(model, "search_contribution", None)
        if issubclass(model, Page) and isinstance(contribution, Contribution):
            found.append(SearchableType(model, contribution))
    keys = [t.key for t in found]
    duplicates = {k for k in keys if keys.count(k) > 1}
    if duplicates:
        raise ValueError(f"Two page types contribute the same search type: {duplicates}")
    return tuple(found)


def type_for_model(model) -> SearchableType | None:
    return next((t for t in searchable_types() if t.model is model), None)


def _type_labels(language):
    with override(language):
        return {t.key: str(t.contribution.label) for t in searchable_types()}


YEAR = re.compile(r"^[12][0-9]{3}$")

TYPE_FACET = FacetDefinition("type", _("Type"), labels=_type_labels, order="given")
YEAR_FACET = FacetDefinition(
    "year",
    _("Year"),
    labels=lambda language: {},
    accepts=lambda value: bool(YEAR.match(value)),
    order="value",
)


@cache
def facet_definitions() -> tuple[FacetDefinition, ...]:
    """Declared facets in hook order, then `type` and `year`."""
    declared = [f for hook in hooks.get_hooks("register_search_facets") for f in hook()]
    names = [f.name for f in declared] + ["type", "year"]
    if len(names) != len(set(names)):
        raise ValueError(f"Search facet names must be unique: {names}")
    return (*declared, TYPE_FACET, YEAR_FACET)


def facet_names() -> tuple[str, ...]:
    return tuple(f.name for f in facet_definitions())


def get_facet(name) -> FacetDefinition | None:
    return next((f for f in facet_definitions() if f.name == name), None)
