"""From Elasticsearch's JSON answers to the contract's `BackendResult`, without a server."""

from __future__ import annotations

import datetime
from collections.abc import Mapping, Sequence

from search.backends.elasticsearch.mapping import facet_field
from search.contract import BackendHit, BackendResult, Suggestion
from search.registry import FacetDefinition
from search.text import snippet as plain_snippet

FACET_PREFIX = facet_field("")


def total_hits(response: Mapping) -> int:
    total = response["hits"]["total"]
    # An object ({"value", "relation"}) unless asked for `rest_total_hits_as_int`.
    return total["value"] if isinstance(total, Mapping) else int(total)


def hit_snippet(source: Mapping, highlight: Mapping) -> str:
    """Safe HTML: a matching passage of the summary, else of the body, else the start of the
    summary, else of the body. Highlighted fragments come escaped (encoder `html`)."""
    summary_fragments = highlight.get("summary") or []
    body_fragments = highlight.get("body") or []
    if summary_fragments:
        return summary_fragments[0]
    if body_fragments and "<mark>" in body_fragments[0]:
        return body_fragments[0]
    if source.get("summary"):
        return plain_snippet(source["summary"], (), source.get("language", ""))
    return body_fragments[0] if body_fragments else ""


def hit_facets(source: Mapping) -> dict[str, tuple[str, ...]]:
    return {
        key.removeprefix(FACET_PREFIX): tuple(str(v) for v in values)
        for key, values in source.items()
        if key.startswith(FACET_PREFIX) and values
    }


def parse_hit(hit: Mapping) -> BackendHit:
    source = hit["_source"]
    date = source.get("date")
    return BackendHit(
        page_id=int(source["page_id"]),
        title=source["title"],
        url=source["url"],
        type=source["type"],
        language=source["language"],
        date=datetime.date.fromisoformat(date) if date else None,
        snippet=hit_snippet(source, hit.get("highlight") or {}),
        facets=hit_facets(source),
    )


def facet_counts(aggregations: Mapping, facets: Sequence[FacetDefinition]) -> dict:
    """{facet: {value: count}} from the per-facet filter aggregations; facets without any
    value are left out, as the database backend does."""
    counts = {}
    for facet in facets:
        buckets = aggregations.get(facet_field(facet.name), {}).get("values", {}).get("buckets", [])
        values = {str(b["key"]): b["doc_count"] for b in buckets if b["doc_count"] > 0}
        if values:
            counts[facet.name] = values
    return counts


def parse_search_response(response: Mapping, facets: Sequence[FacetDefinition]) -> BackendResult:
    return BackendResult(
        total=total_hits(response),
        hits=tuple(parse_hit(hit) for hit in response["hits"]["hits"]),
        counts=facet_counts(response.get("aggregations") or {}, facets),
    )


def parse_counts_response(response: Mapping) -> dict[tuple[str, str], int]:
    languages = (response.get("aggregations") or {}).get("languages", {}).get("buckets", [])
    return {
        (language["key"], type_["key"]): type_["doc_count"]
        for language in languages
        for type_ in language["types"]["buckets"]
    }


def parse_suggest_response(response: Mapping) -> list[Suggestion]:
    """Suggestions in the server's order."""
    return [
        Suggestion(
            page_id=int(source["page_id"]),
            title=source["title"],
            url=source["url"],
            type=source["type"],
            language=source["language"],
        )
        for source in (hit["_source"] for hit in response["hits"]["hits"])
    ]


def parse_ids_response(response: Mapping) -> tuple[list[int], list | None]:
    """(page ids of the hits, the sort values to continue after, or None when none came)."""
    hits = response["hits"]["hits"]
    return [int(hit["_source"]["page_id"]) for hit in hits], (hits[-1]["sort"] if hits else None)
