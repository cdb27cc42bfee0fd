"""The search contract: what every backend is asked (`SearchQuery`) and answers (`SearchResult`).

Both are immutable. Facet values are stable across languages (taxonomy slugs, ISO country
codes, type keys, years); labels are in the visitor's language and are filled in by
`search.service`, never by a backend.

What the text of a query means, on every backend (`search.text` splits it):
- Only letters and digits make words. Quotes, operators, brackets, wildcards, emoji and
  control characters separate words; invisible format characters (zero-width space, soft
  hyphen, ...) are dropped, so "Ma\u200bnila" is "Manila".
- A text with no word at all ('"', "(", "*") is no text: the search lists everything, like
  an empty search box.
- Every word must occur, except the stop words of the search's language ("the", "und"), which
  are left out. A text whose every word is such a stop word finds nothing.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from math import ceil

SORTS = ("relevance", "date")
PAGE_SIZE = 10
# Longer queries are cut, not refused: nobody types 200 characters into a search box on purpose.
MAX_QUERY_CHARS = 200
MAX_PAGE = 1000
# Titles offered while typing in the search box.
SUGGESTIONS = 8


@dataclass(frozen=True)
class SearchQuery:
    language: str
    text: str = ""
    # ((facet, (value, ...)), ...), facets and values sorted: equal queries compare equal.
    filters: tuple[tuple[str, tuple[str, ...]], ...] = ()
    sort: str = "relevance"
    page: int = 1
    page_size: int = PAGE_SIZE

    @classmethod
    def build(
        cls, language, text="", filters: Mapping[str, Iterable[object]] | None = None, **kwargs
    ):
        """A query from plain values; empty selections are dropped, values de-duplicated."""
        normalised = tuple(
            sorted(
                (name, tuple(sorted({str(v) for v in values})))
                for name, values in (filters or {}).items()
                if values
            )
        )
        return cls(language=language, text=text, filters=normalised, **kwargs)

    def selected(self, facet: str) -> tuple[str, ...]:
        return dict(self.filters).get(facet, ())

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.page_size

    def replace(self, **changes) -> SearchQuery:
        values = {
            "language": self.language,
            "text": self.text,
            "filters": dict(self.filters),
            "sort": self.sort,
            "page": self.page,
            "page_size": self.page_size,
            **changes,
        }
        return SearchQuery.build(**values)

    def toggled(self, facet: str, value: str) -> SearchQuery:
        """This query with `value` of `facet` switched on or off, back on page 1."""
        selected = set(self.selected(facet))
        selected ^= {value}
        return self.replace(filters={**dict(self.filters), facet: selected}, page=1)

    def params(self) -> list[tuple[str, str]]:
        """URL parameters (without the language, which is in the path or `lang`)."""
        params = [("q", self.text)] if self.text else []
        params += [(name, value) for name, values in self.filters for value in values]
        if self.sort != "relevance":
            params.append(("sort", self.sort))
        if self.page != 1:
            params.append(("page", str(self.page)))
        return params


@dataclass(frozen=True)
class BackendHit:
    """A hit as a backend finds it."""

    page_id: int
    title: str
    url: str
    type: str
    language: str
    date: datetime.date | None
    # Safe HTML: the text is escaped and matched words wrapped in <mark>.
    snippet: str
    # {facet: (value, ...)} of this item, e.g. its regions, for cards.
    facets: Mapping[str, tuple[str, ...]] = field(default_factory=dict)


@dataclass(frozen=True)
class Hit(BackendHit):
    """A hit as visitors see it: the service adds labels and the language mark."""

    # {facet: (label, ...)} in the visitor's language.
    labels: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    in_other_language: bool = False


@dataclass(frozen=True)
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool
    # Topics of a focal theme, and so on; counted like their parent.
    children: tuple[FacetValue, ...] = ()


@dataclass(frozen=True)
class Facet:
    name: str
    label: str
    values: tuple[FacetValue, ...]

    @property
    def selected(self) -> tuple[FacetValue, ...]:
        flat = [v for value in self.values for v in (value, *value.children)]
        return tuple(v for v in flat if v.selected)


@dataclass(frozen=True)
class SearchResult:
    query: SearchQuery
    total: int
    hits: tuple[Hit, ...]
    facets: tuple[Facet, ...]
    backend: str = ""
    # Said to the visitor, e.g. that the database answered because Elasticsearch did not.
    notices: tuple[str, ...] = ()

    @property
    def pages(self) -> int:
        return max(1, ceil(self.total / self.query.page_size))

    def facet(self, name: str) -> Facet | None:
        return next((f for f in self.facets if f.name == name), None)


@dataclass(frozen=True)
class BackendResult:
    total: int
    hits: tuple[BackendHit, ...]
    # {facet: {value: count}}, each facet counted with every other facet's selection applied.
    counts: Mapping[str, Mapping[str, int]]


@dataclass(frozen=True)
class Suggestion:
    """A title offered while the visitor types, shown in the visitor's language."""

    page_id: int
    title: str
    url: str
    type: str
    language: str
