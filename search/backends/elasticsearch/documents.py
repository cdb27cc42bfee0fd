"""From `SearchDocument` to what Elasticsearch stores, and the requests that write it.

A document's id is its page id, and it lives in the index of its own language.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from search.backends.elasticsearch.mapping import facet_field
from search.documents import SearchDocument


def to_source(document: SearchDocument, facet_names: Sequence[str]) -> dict:
    """The `_source` of `document`; facets other than `facet_names` are left out (the strict
    mapping would refuse them)."""
    return {
        "page_id": document.page_id,
        "translation_key": document.translation_key,
        "language": document.language,
        "shown_in": list(document.shown_in),
        "type": document.type,
        "url": document.url,
        "date": document.date.isoformat() if document.date else None,
        "title": document.title,
        "title_text": document.text.get(3, ""),
        "summary": document.summary,
        "summary_text": document.text.get(2, ""),
        "body": document.text.get(1, ""),
        **{facet_field(name): list(document.facets.get(name, ())) for name in facet_names},
    }


def index_operations(
    documents: Iterable[SearchDocument],
    index_for: Callable[[str], str],
    facet_names: Sequence[str],
) -> list[dict]:
    """`operations` for the bulk API: each document indexed (or overwritten) under its page id,
    into `index_for(document.language)`."""
    operations = []
    for document in documents:
        operations.append(
            {"index": {"_index": index_for(document.language), "_id": str(document.page_id)}}
        )
        operations.append(to_source(document, facet_names))
    return operations


def stale_documents_query(translation_keys: Iterable[str], kept_page_ids: Iterable[int]) -> dict:
    """Documents of the given items except the ones just written: for `delete_by_query`."""
    return {
        "bool": {
            "filter": [{"terms": {"translation_key": sorted(set(translation_keys))}}],
            "must_not": [{"ids": {"values": sorted({str(i) for i in kept_page_ids})}}],
        }
    }


def bulk_failures(response: dict) -> list[tuple[int, str]]:
    """(status, reason) of every failed item of a bulk response."""
    if not response.get("errors"):
        return []
    failures = []
    for item in response.get("items", []):
        for result in item.values():
            error = result.get("error")
            if error:
                reason = error.get("reason", "") if isinstance(error, dict) else str(error)
                failures.append((result.get("status", 0), reason))
    return failures
