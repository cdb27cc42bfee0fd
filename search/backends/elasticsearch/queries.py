"""Request bodies, built from a `SearchQuery` without talking to a server.

A search is one request to the aliases of every language: the query finds what the visitor's
language shows, `post_filter` narrows the hits to the selections, and each facet is counted
by a `filter` aggregation holding every *other* facet's selection (disjunctive counts: the
aggregations see the query's matches, not the post_filter's).
"""

from __future__ import annotations

from collections.abc import Sequence

from search.backends.elasticsearch.mapping import TEXT_FIELDS, facet_field
from search.contract import SUGGESTIONS, SearchQuery
from search.registry import FacetDefinition
from search.text import STOP_WORDS, clean, words

SNIPPET_CHARS = 200
# Highlighting reads at most this many characters of a field: past the index's
# `index.highlight.max_analyzed_offset` (1,000,000) the whole search would fail instead.
HIGHLIGHT_MAX_CHARS = 100_000
# Page ids per request when every hit is asked for (exports), with `search_after`.
IDS_BATCH = 1000
HIT_FIELDS = ("page_id", "title", "url", "type", "language", "date", "summary")
SEARCHED_FIELDS = [
    f"{name}^{weight}" if weight > 1 else name for name, weight in TEXT_FIELDS.items()
]


def plain_text(text: str) -> str:
    """Only the words of `text`: no quotes, operators or brackets reach the server, even though
    `multi_match` would not read them as syntax anyway."""
    return " ".join(words(clean(text)))


def text_query(text: str, language: str) -> dict:
    """Every word of `text` but the stop words of the search's language (search.contract).

    They are left out here, not by the indices' analyzers: one request searches the index of
    every language, and each would drop only its own stop words ("und" is a word in English),
    and a multi_match of `cross_fields` whose words all went still matched everything.
    """
    found = words(clean(text))
    if not found:
        return {"match_all": {}}
    text = " ".join(word for word in found if word not in STOP_WORDS.get(language, ()))
    if not text:
        return {"match_none": {}}
    return {
        "multi_match": {
            "query": text,
            # Every word must occur, in any of the fields (not all of them in one field).
            "type": "cross_fields",
            "fields": SEARCHED_FIELDS,
            "operator": "and",
            # A query of stop words only ("the") finds nothing (search.contract).
            "zero_terms_query": "none",
        }
    }


def selection_filter(name: str, values: Sequence[str]) -> dict:
    return {"terms": {facet_field(name): list(values)}}


def selections(query: SearchQuery, excluded: str | None = None) -> list[dict]:
    """Filters for every selected facet but `excluded`: OR within a facet, AND across."""
    return [selection_filter(name, values) for name, values in query.filters if name != excluded]


def facet_aggregations(query: SearchQuery, facets: Sequence[FacetDefinition]) -> dict:
    aggregations = {}
    for facet in facets:
        others = selections(query, excluded=facet.name)
        aggregations[facet_field(facet.name)] = {
            "filter": {"bool": {"filter": others}} if others else {"match_all": {}},
            "aggs": {
                "values": {
                    "terms": {
                        "field": facet_field(facet.name),
                        "size": facet.size,
                        "min_doc_count": 1,
                    }
                }
            },
        }
    return aggregations


def sort(query: SearchQuery) -> list:
    newest_first: list[dict | str] = [
        {"date": {"order": "desc", "missing": "_last"}},
        {"page_id": {"order": "desc"}},
    ]
    return newest_first if query.sort == "date" else ["_score", *newest_first]


def highlight() -> dict:
    fragment = {"number_of_fragments": 1, "fragment_size": SNIPPET_CHARS}
    return {
        "pre_tags": ["<mark>"],
        "post_tags": ["</mark>"],
        "encoder": "html",  # the text around the tags comes back escaped
        "max_analyzed_offset": HIGHLIGHT_MAX_CHARS,
        "fields": {
            "summary": fragment,
            # The start of the body when nothing in it matched: a snippet for summary-less pages.
            "body": {**fragment, "no_match_size": SNIPPET_CHARS},
        },
    }


def search_body(query: SearchQuery, facets: Sequence[FacetDefinition]) -> dict:
    """The body of `POST /<alias>,<alias>/_search` for one page of `query` with counts for
    every facet in `facets`."""
    body = {
        "query": {
            "bool": {
                "filter": [{"term": {"shown_in": query.language}}],
                "must": [text_query(query.text, query.language)],
            }
        },
        "aggs": facet_aggregations(query, facets),
        "highlight": highlight(),
        "sort": sort(query),
        "from": query.offset,
        "size": query.page_size,
        "track_total_hits": True,
        "_source": {"includes": [*HIT_FIELDS, facet_field("*")]},
    }
    chosen = selections(query)
    if chosen:
        body["post_filter"] = {"bool": {"filter": chosen}}
    return body


def suggest_body(prefix: str, language: str, size: int = SUGGESTIONS) -> dict:
    """Titles starting with (the words of) `prefix`, for autocomplete, as the visitor's
    language shows them."""
    text = plain_text(prefix)
    if not text:
        return {"query": {"match_none": {}}, "size": 0}
    suggest = "title.suggest"
    return {
        "query": {
            "bool": {
                "filter": [{"term": {"shown_in": language}}],
                "must": [
                    {
                        "multi_match": {
                            "query": text,
                            "type": "bool_prefix",
                            "fields": [suggest, f"{suggest}._2gram", f"{suggest}._3gram"],
                            # Every word typed must be in the title (the default is any).
                            "operator": "and",
                        }
                    }
                ],
            }
        },
        "size": size,
        "_source": {"includes": ["page_id", "title", "url", "type", "language"]},
    }


def ids_body(query: SearchQuery, after: list | None = None, size: int = IDS_BATCH) -> dict:
    """The body asking for the page ids of every hit of `query` in its order, `size` at a time:
    the selections filter the query itself (no counts are asked), and each request continues
    after the last hit's sort values (`search_after`; the sort ends with the unique page id)."""
    body = {
        "query": {
            "bool": {
                "filter": [{"term": {"shown_in": query.language}}, *selections(query)],
                "must": [text_query(query.text, query.language)],
            }
        },
        "sort": sort(query),
        "size": size,
        "track_total_hits": False,
        "_source": {"includes": ["page_id"]},
    }
    if after is not None:
        body["search_after"] = list(after)
    return body


def counts_body(max_types: int = 100, max_languages: int = 100) -> dict:
    """Documents per language and type (drift reports), without hits."""
    return {
        "size": 0,
        "track_total_hits": True,
        "aggs": {
            "languages": {
                "terms": {"field": "language", "size": max_languages},
                "aggs": {"types": {"terms": {"field": "type", "size": max_types}}},
            }
        },
    }
