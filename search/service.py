"""Searching, from request parameters to a labelled `SearchResult`, with any backend.

`parse_query` turns URL parameters into a `SearchQuery` or raises `InvalidParameter` naming
the parameter; `run` asks the configured backend, falls back to the database when
Elasticsearch cannot answer, and adds labels in the visitor's language and the facet
hierarchy. Views (HTML and JSON) are thin layers over these two.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Mapping
from dataclasses import fields
from itertools import chain, islice

from django.utils.translation import gettext as _
from django.utils.translation import override

from search.backends import get_backend, search_backend
from search.backends.base import SearchUnavailable
from search.contract import (
    MAX_PAGE,
    SORTS,
    BackendResult,
    Facet,
    FacetValue,
    Hit,
    SearchQuery,
    SearchResult,
    Suggestion,
)
from search.documents import languages
from search.registry import FacetDefinition, facet_definitions
from search.text import clean

logger = logging.getLogger(__name__)

# Facet values are slugs, ISO codes, type keys or years: short and plain.
MAX_VALUES_PER_FACET = 50
# One typed letter would match half the titles: suggestions start with the second.
MIN_SUGGEST_CHARS = 2


class InvalidParameter(ValueError):
    """A search parameter that cannot be searched with; `param` names it."""

    def __init__(self, param, message, status=400):
        super().__init__(message)
        self.param = param
        self.message = message
        self.status = status


def parse_query(params: Mapping, language: str) -> SearchQuery:
    """A validated query from URL parameters (a QueryDict or {name: [values]})."""
    if language not in languages():
        raise InvalidParameter(
            "lang",
            _("Unknown language “%(value)s”; use one of: %(choices)s.")
            % {"value": language, "choices": ", ".join(languages())},
        )
    getlist = params.getlist if hasattr(params, "getlist") else lambda k: params.get(k, [])
    text = clean(" ".join(getlist("q")))
    sort = (getlist("sort") or ["relevance"])[-1] or "relevance"
    if sort not in SORTS:
        raise InvalidParameter(
            "sort",
            _("Unknown sort “%(value)s”; use one of: %(choices)s.")
            % {"value": clean(sort)[:40], "choices": ", ".join(SORTS)},
        )
    page_param = (getlist("page") or ["1"])[-1] or "1"
    if not page_param.isascii() or not page_param.isdigit() or not 1 <= int(page_param) <= MAX_PAGE:
        raise InvalidParameter(
            "page",
            _("The page must be a whole number from 1 to %(max)s.") % {"max": MAX_PAGE},
        )
    filters = {}
    for facet in facet_definitions():
        values = [v for v in getlist(facet.name) if v != ""]
        check_values(facet.name, values, facet.labels(language), facet.accepts)
        filters[facet.name] = values
    return SearchQuery.build(language, text=text, filters=filters, sort=sort, page=int(page_param))


def check_values(name, values, known, accepts=None):
    """Raise InvalidParameter for too many values of the parameter `name` or one that is not
    in `known` (and not accepted by `accepts`). Other lists filtered by facet-like
    parameters (calendars) check theirs with it too, so their errors read the same."""
    if len(values) > MAX_VALUES_PER_FACET:
        raise InvalidParameter(name, _("Too many values for “%(name)s”.") % {"name": name})
    for value in values:
        if value not in known and not (accepts and accepts(value)):
            raise InvalidParameter(
                name,
                _("Unknown value “%(value)s” for “%(name)s”.")
                % {"value": clean(value)[:40], "name": name},
            )


def run(query: SearchQuery) -> SearchResult:
    """Search with the configured backend; the database answers if Elasticsearch cannot."""
    facets = facet_definitions()
    notices = []
    backend = None
    try:
        backend = search_backend()
        raw = backend.search(query, facets)
    except Exception as error:
        if backend is not None and backend.name == "database":
            raise
        fallen_back(backend, "using the database", error)
        backend = get_backend("database")
        raw = backend.search(query, facets)
        notices.append(
            _("Search is running in a simpler mode right now; results may differ slightly.")
        )
    if query.page > 1 and query.offset >= raw.total:
        raise InvalidParameter(
            "page",
            _("There is no page %(page)s: the search has %(pages)s.")
            % {"page": query.page, "pages": -(-raw.total // query.page_size)},
            status=404,
        )
    return assemble(query, raw, facets, backend.name, tuple(notices))


def suggest(text: str, language: str) -> list[Suggestion]:
    """Titles for what the visitor is typing: nothing for fewer than MIN_SUGGEST_CHARS
    characters; the database answers when Elasticsearch cannot."""
    if language not in languages():
        raise InvalidParameter(
            "lang",
            _("Unknown language “%(value)s”; use one of: %(choices)s.")
            % {"value": clean(language)[:40], "choices": ", ".join(languages())},
        )
    text = clean(text)
    if len(text) < MIN_SUGGEST_CHARS:
        return []
    backend = None
    try:
        backend = search_backend()
        return backend.suggest(text, language)
    except Exception as error:
        if backend is not None and backend.name == "database":
            raise
        fallen_back(backend, "suggesting from the database", error)
        return get_backend("database").suggest(text, language)


def matching_page_ids(query: SearchQuery) -> Iterator[int]:
    """The page ids of every hit of `query`, in its order, lazily (for exports). The database
    answers when Elasticsearch cannot at the start; a failure later ends the iteration with
    the error (a stream already sent cannot start again)."""
    backend = None
    try:
        backend = search_backend()
        ids = backend.matching_page_ids(query)
        first = list(islice(ids, 1))
    except Exception as error:
        if backend is not None and backend.name == "database":
            raise
        fallen_back(backend, "exporting from the database", error)
        ids = get_backend("database").matching_page_ids(query)
        first = []
    return chain(first, ids)


def fallen_back(backend, doing: str, error: Exception) -> None:
    """Log why the database answers instead of `backend`: a warning when the server cannot
    answer now, the traceback for anything else (a client error, a bad configuration, a
    bug), since visitors still get their answer and only the log tells."""
    name = backend.name if backend is not None else "(not configured)"
    if isinstance(error, SearchUnavailable):
        logger.warning("Search backend %s unavailable, %s: %s", name, doing, error)
    else:
        logger.exception("Search backend %s failed, %s: %s", name, doing, error)


def assemble(query, raw: BackendResult, facets, backend_name="", notices=()) -> SearchResult:
    """Labels in the query's language, facet hierarchy, selected flags."""
    labels = {facet.name: dict(facet.labels(query.language)) for facet in facets}
    result_facets = tuple(
        _facet(facet, query, raw.counts.get(facet.name, {}), labels[facet.name]) for facet in facets
    )
    hits = tuple(
        Hit(
            **{f.name: getattr(hit, f.name) for f in fields(hit)},
            labels={
                name: tuple(labels.get(name, {}).get(v, v) for v in values)
                for name, values in hit.facets.items()
            },
            in_other_language=hit.language != query.language,
        )
        for hit in raw.hits
    )
    with override(query.language):
        return SearchResult(
            query=query,
            total=raw.total,
            hits=hits,
            facets=result_facets,
            backend=backend_name,
            notices=notices,
        )


def _facet(definition: FacetDefinition, query, counts, labels) -> Facet:
    selected = set(query.selected(definition.name))
    values = [v for v in labels if counts.get(v) or v in selected]
    values += sorted(v for v in set(counts) | selected if v not in labels)
    if definition.order == "value":
        values.sort(reverse=True)
    elif definition.order == "label":
        values.sort(key=lambda v: labels.get(v, v).casefold())

    def value(v, children=()):
        return FacetValue(v, labels.get(v, v), counts.get(v, 0), v in selected, tuple(children))

    parents = definition.parents() if definition.parents else {}
    if not parents:
        items = tuple(value(v) for v in values)
    else:
        shown = set(values)
        items = tuple(
            value(v, [value(c) for c in values if parents.get(c) == v])
            for v in values
            if parents.get(v) not in shown
        )
    with override(query.language):
        return Facet(definition.name, str(definition.label), items)
