"""The interface every search backend implements."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Iterator, Sequence

from search.contract import SUGGESTIONS, BackendResult, SearchQuery, Suggestion
from search.documents import SearchDocument
from search.registry import FacetDefinition


class SearchUnavailable(Exception):
    """The backend cannot answer now (server down, timeout); the caller may fall back."""


class SearchBackend(ABC):
    name: str

    @abstractmethod
    def search(self, query: SearchQuery, facets: Sequence[FacetDefinition]) -> BackendResult:
        """Hits of one page and disjunctive counts for every facet in `facets`.

        `query` has been validated: its facets, values, sort and page are known to be sound.
        """

    @abstractmethod
    def matching_page_ids(self, query: SearchQuery) -> Iterator[int]:
        """The page ids of every hit of `query`, not one page of them, in the query's order
        (its `page` is ignored); lazily, so that callers can stream thousands (exports)."""

    @abstractmethod
    def suggest(self, prefix: str, language: str, size: int = SUGGESTIONS) -> list[Suggestion]:
        """At most `size` items shown in `language` whose title has every word of `prefix`:
        each word but the last as a whole word, the last as the start of a word (what is
        being typed). Case and accents do not matter (ä = a, ß = ss)."""

    @abstractmethod
    def replace_items(self, documents: dict[str, list[SearchDocument]]) -> None:
        """Make the index hold exactly `documents` for each translation key given
        (an empty list removes the item)."""

    @abstractmethod
    def rebuild(
        self, documents: Iterable[SearchDocument], progress: Callable[[int], None] | None = None
    ) -> int:
        """Replace the whole index with `documents`; return how many were indexed.

        Searches keep being answered (from the old index) until the new one is complete.
        """

    @abstractmethod
    def counts(self) -> dict[tuple[str, str], int]:
        """{(language, type): number of documents} for drift reports."""
