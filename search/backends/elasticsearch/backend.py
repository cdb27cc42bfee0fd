"""The Elasticsearch backend: one index per language behind an alias.

Searches go to the aliases (`<prefix>-de`, `<prefix>-en`); the concrete indices are
`<prefix>-<language>-<UTC timestamp>`. A rebuild fills new indices while the old ones keep
answering, then moves every alias in one atomic `update_aliases` call and deletes the old
indices. Whenever the server cannot answer (down, slow, index missing) the backend raises
`SearchUnavailable`, so searches fall back to the database and index updates are retried.
"""

from __future__ import annotations

import datetime
import logging
import re
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from itertools import islice

from django.conf import settings
from elastic_transport import TransportError
from elasticsearch import ApiError, BadRequestError, Elasticsearch

from search.backends.base import SearchBackend, SearchUnavailable
from search.backends.elasticsearch.documents import (
    bulk_failures,
    index_operations,
    stale_documents_query,
)
from search.backends.elasticsearch.mapping import facet_properties, index_body
from search.backends.elasticsearch.queries import (
    IDS_BATCH,
    counts_body,
    ids_body,
    search_body,
    suggest_body,
)
from search.backends.elasticsearch.responses import (
    parse_counts_response,
    parse_ids_response,
    parse_search_response,
    parse_suggest_response,
)
from search.contract import SUGGESTIONS
from search.documents import SearchDocument, languages
from search.registry import facet_names as registered_facet_names

logger = logging.getLogger(__name__)

DEFAULT_PREFIX = "ccportal"
# A visitor waits for a search: give up quickly and let the database answer instead.
SEARCH_TIMEOUT = 3
# Index updates run in the task worker, not in a request, but a hanging server must not hold
# the worker (and the other tasks behind it) for long: the update is retried later.
UPDATE_TIMEOUT = 15
# Rebuilds create indices and write 500 documents a request: give the server more time.
REBUILD_TIMEOUT = 60
BATCH = 500


class IndexingError(RuntimeError):
    """Elasticsearch refused documents for a reason retrying will not cure (e.g. a field the
    strict mapping does not know: rebuild the index)."""


class ElasticsearchBackend(SearchBackend):
    name = "elasticsearch"

    def __init__(
        self,
        client: Elasticsearch | None = None,
        prefix: str = DEFAULT_PREFIX,
        languages: Sequence[str] | None = None,
        facet_names: Sequence[str] | None = None,
        url: str | None = None,
    ):
        if client is None and url is None:
            raise TypeError("ElasticsearchBackend needs a client or a URL.")
        self._client = client
        self.url = url
        self.prefix = prefix
        self._languages = tuple(languages) if languages else None
        self._facet_names = tuple(facet_names) if facet_names else None
        self._indices_ensured = False

    @classmethod
    def connect(cls, url: str, prefix: str = DEFAULT_PREFIX, **kwargs) -> ElasticsearchBackend:
        """A backend for the server at `url`; the client is made on first use, so a URL the
        client refuses (`http://es`, without a port) makes searches fall back to the database
        and index updates wait, instead of failing every request (`search.checks` reports it
        at start-up)."""
        return cls(prefix=prefix, url=url, **kwargs)

    @property
    def client(self) -> Elasticsearch:
        if self._client is None:
            try:
                self._client = Elasticsearch(
                    self.url,
                    request_timeout=SEARCH_TIMEOUT,
                    max_retries=1,
                    retry_on_timeout=False,
                )
            except Exception as error:
                raise SearchUnavailable(f"ELASTICSEARCH_URL {self.url!r}: {error}") from error
        return self._client

    @property
    def writer(self) -> Elasticsearch:
        """The client for index updates (run by the task worker)."""
        return self.client.options(request_timeout=UPDATE_TIMEOUT)

    @property
    def rebuilder(self) -> Elasticsearch:
        return self.client.options(request_timeout=REBUILD_TIMEOUT)

    @classmethod
    def from_settings(cls) -> ElasticsearchBackend:
        prefix = getattr(settings, "SEARCH_INDEX_PREFIX", None) or DEFAULT_PREFIX
        return cls.connect(str(settings.ELASTICSEARCH_URL), prefix=prefix)

    # Names --------------------------------------------------------------------------------

    @property
    def languages(self) -> tuple[str, ...]:
        return self._languages or languages()

    @property
    def facet_names(self) -> tuple[str, ...]:
        # Read late: facets are declared by hooks, which are loaded after the backends module.
        return self._facet_names or registered_facet_names()

    def alias(self, language: str) -> str:
        return f"{self.prefix}-{language}"

    @property
    def aliases(self) -> list[str]:
        return [self.alias(language) for language in self.languages]

    def first_index_name(self, language: str) -> str:
        """The index made when there is none: the same name in every process, so two
        processes making it at once make one index, not two behind one alias."""
        return f"{self.alias(language)}-{'0' * 20}"

    def new_index_name(self, language: str) -> str:
        stamp = datetime.datetime.now(datetime.UTC).strftime("%Y%m%d%H%M%S%f")
        return f"{self.alias(language)}-{stamp}"

    def _is_index_of(self, name: str, language: str) -> bool:
        return re.fullmatch(re.escape(self.alias(language)) + r"-\d{20}", name) is not None

    # Searching ----------------------------------------------------------------------------

    def search(self, query, facets):
        with unavailable_on_errors("search", any_api_error=True):
            response = self.client.search(
                index=self.aliases,
                body=search_body(query, facets),
                # Hits from some shards only would make counts untrue: fall back instead.
                allow_partial_search_results=False,
            )
        return parse_search_response(response.body, facets)

    def suggest(self, prefix, language, size=SUGGESTIONS):
        with unavailable_on_errors("suggest", any_api_error=True):
            response = self.client.search(
                index=self.aliases, body=suggest_body(prefix, language, size)
            )
        return parse_suggest_response(response.body)

    def matching_page_ids(self, query):
        after = None
        while True:
            with unavailable_on_errors("export", any_api_error=True):
                response = self.client.search(
                    index=self.aliases,
                    body=ids_body(query, after),
                    allow_partial_search_results=False,
                )
            ids, after = parse_ids_response(response.body)
            yield from ids
            if len(ids) < IDS_BATCH:
                return

    def counts(self):
        with unavailable_on_errors("count"):
            # A missing index counts as empty: that is exactly the drift to report.
            response = self.client.search(
                index=self.aliases, body=counts_body(), ignore_unavailable=True
            )
        return parse_counts_response(response.body)

    # Indexing -----------------------------------------------------------------------------

    def ensure_indices(self) -> list[str]:
        """Create an index and its alias for every language that has none, and add the
        fields of facets registered since an index was made to its mapping; return the new
        indices."""
        created = []
        with unavailable_on_errors("create indices"):
            for language in self.languages:
                alias = self.alias(language)
                if self.writer.indices.exists_alias(name=alias):
                    # The mapping is strict: a facet added later would make every update fail
                    # until a rebuild. New keyword fields can be added to a live index.
                    self.writer.indices.put_mapping(
                        index=alias, properties=facet_properties(self.facet_names)
                    )
                    continue
                name = self.first_index_name(language)
                body = index_body(language, self.facet_names)
                try:
                    self.writer.indices.create(index=name, **body, aliases={alias: {}})
                    created.append(name)
                except BadRequestError as error:
                    if error.message != "resource_already_exists_exception":
                        raise
                    # Another process made it a moment ago (with its alias).
                    self.writer.indices.put_alias(index=name, name=alias)
        self._indices_ensured = True
        return created

    def replace_items(self, documents):
        if not documents:
            return
        if not self._indices_ensured:
            self.ensure_indices()
        try:
            self._write_items(documents)
        except (SearchUnavailable, IndexingError):
            # The indices may have gone (deleted by hand) or their mapping be behind: check
            # again on the next attempt.
            self._indices_ensured = False
            raise

    def _write_items(self, documents: dict[str, list[SearchDocument]]) -> None:
        written = [d for docs in documents.values() for d in docs]
        with unavailable_on_errors("update"):
            # Write first, then delete what the items no longer have: a search never misses
            # an item in between, and a delete never hits a document just written.
            if written:
                self._bulk(index_operations(written, self.alias, self.facet_names), alias=True)
            self.writer.delete_by_query(
                index=self.aliases,
                query=stale_documents_query(documents.keys(), [d.page_id for d in written]),
                conflicts="proceed",
            )
            # Bulk writes become searchable only with the next scheduled refresh, and a
            # delete-by-query refreshes only when it deleted something: refresh both indices,
            # so that no search sees the new translation next to the one it replaces.
            self.writer.indices.refresh(index=self.aliases)

    def rebuild(self, documents, progress=None):
        indices = {language: self.new_index_name(language) for language in self.languages}
        created = []
        with unavailable_on_errors("rebuild"):
            try:
                for language, name in indices.items():
                    body = index_body(language, self.facet_names)
                    # No refreshes while loading; the index is searched only after the swap.
                    body["settings"]["index"]["refresh_interval"] = "-1"
                    self.rebuilder.indices.create(index=name, **body)
                    created.append(name)
                indexed = self._load(documents, indices, progress)
                self.rebuilder.indices.put_settings(
                    index=created, settings={"index": {"refresh_interval": None}}
                )
                self.rebuilder.indices.refresh(index=created)
            except BaseException:
                self._delete_quietly(created)
                raise
            try:
                self._swap_aliases(indices)
            except BaseException:
                # A swap the client gave up on may still be applied by the server: delete only
                # the new indices no alias points at (the next rebuild removes leftovers).
                self._delete_quietly(self._unaliased(created))
                raise
        self._indices_ensured = True
        return indexed

    def _load(self, documents: Iterable[SearchDocument], indices, progress) -> int:
        def index_for(language):
            if language not in indices:
                raise ValueError(f"No search index for language {language!r}.")
            return indices[language]

        indexed = 0
        for batch in batched(documents, BATCH):
            self._bulk(index_operations(batch, index_for, self.facet_names), client=self.rebuilder)
            indexed += len(batch)
            if progress:
                progress(indexed)
        if progress and not indexed:
            progress(0)
        return indexed

    def _swap_aliases(self, indices: dict[str, str]) -> None:
        """Point every alias at its new index in one atomic step, then delete the old indices."""
        existing = self.writer.indices.get_alias(
            index=[f"{self.alias(language)}-*" for language in indices]
        ).body
        actions, old = [], []
        for language, new in indices.items():
            alias = self.alias(language)
            for name, info in existing.items():
                if name == new or not self._is_index_of(name, language):
                    continue
                old.append(name)
                if alias in info.get("aliases", {}):
                    actions.append({"remove": {"index": name, "alias": alias}})
            actions.append({"add": {"index": new, "alias": alias}})
        self.writer.indices.update_aliases(actions=actions)
        # Old indices go only after the swap (including leftovers of interrupted rebuilds).
        self._delete_quietly(old)

    def _unaliased(self, names: Sequence[str]) -> list[str]:
        """Those of `names` that no alias points at; none when the server cannot tell."""
        try:
            answer = self.writer.indices.get_alias(index=list(names), ignore_unavailable=True).body
        except (ApiError, TransportError) as error:
            logger.warning("Kept search indices %s, their aliases unknown: %s", names, error)
            return []
        return [name for name in names if not answer.get(name, {}).get("aliases")]

    def _delete_quietly(self, names: Sequence[str]) -> None:
        if not names:
            return
        try:
            self.writer.indices.delete(index=list(names), ignore_unavailable=True)
        except (ApiError, TransportError) as error:
            logger.warning("Could not delete search indices %s: %s", names, error)

    def _bulk(
        self, operations: list[dict], alias: bool = False, client: Elasticsearch | None = None
    ) -> None:
        if not operations:
            return
        # `require_alias`: writing to a missing alias must fail, not create an index with a
        # guessed mapping under the alias's name.
        response = (client or self.writer).bulk(operations=operations, require_alias=alias or None)
        failures = bulk_failures(response.body)
        if not failures:
            return
        status, reason = failures[0]
        message = f"{len(failures)} of {len(operations) // 2} documents failed: {reason}"
        if status in (404, 429) or status >= 500:
            raise SearchUnavailable(message)
        raise IndexingError(message)


def _retry_may_help(error: ApiError) -> bool:
    status = error.meta.status
    return status >= 500 or status in (404, 408, 429)


@contextmanager
def unavailable_on_errors(action: str, any_api_error: bool = False) -> Iterator[None]:
    """Raise `SearchUnavailable` for errors that mean "not now": connection failures, timeouts,
    overload, server errors, a missing index. With `any_api_error` (searches), every refusal
    does: a visitor is better served by the database than by an error page."""
    try:
        yield
    except TransportError as error:  # connection refused, timeout, TLS, unreadable answer
        raise SearchUnavailable(f"Elasticsearch {action} failed: {error}") from error
    except ApiError as error:
        if any_api_error or _retry_may_help(error):
            raise SearchUnavailable(f"Elasticsearch {action} failed: {error}") from error
        raise


def batched(items: Iterable, size: int) -> Iterator[list]:
    """Lists of `size` items (the last one shorter); itertools.batched needs Python 3.12."""
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch
