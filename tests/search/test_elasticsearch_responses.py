"""Parsing Elasticsearch answers, written by hand in the format the search API documents,
and which errors make the backend unavailable."""

import datetime

import elastic_transport
import pytest
from elasticsearch import ApiError, BadRequestError, NotFoundError

from search.backends.base import SearchUnavailable
from search.backends.elasticsearch.backend import ElasticsearchBackend, unavailable_on_errors
from search.backends.elasticsearch.responses import (
    parse_counts_response,
    parse_ids_response,
    parse_search_response,
    parse_suggest_response,
)
from search.contract import BackendHit, SearchQuery, Suggestion
from search.registry import FacetDefinition

FACETS = tuple(
    FacetDefinition(name, name.title(), labels=lambda language: {})
    for name in ("region", "theme", "country", "type", "year")
)

SHARDS = {"total": 2, "successful": 2, "skipped": 0, "failed": 0}


def terms(*buckets, other=0):
    return {
        "doc_count_error_upper_bound": 0,
        "sum_other_doc_count": other,
        "buckets": [{"key": key, "doc_count": count} for key, count in buckets],
    }


def source(page_id, **changes):
    return {
        "page_id": page_id,
        "title": f"Page {page_id}",
        "url": f"/en/page-{page_id}/",
        "type": "practice",
        "language": "en",
        "date": "2024-05-01",
        "summary": "A short summary.",
        "facet_region": ["africa"],
        "facet_theme": ["flood-management", "municipal-services"],
        "facet_country": [],
        "facet_type": ["practice"],
        "facet_year": ["2024"],
        **changes,
    }


RESPONSE = {
    "took": 5,
    "timed_out": False,
    "_shards": SHARDS,
    "hits": {
        "total": {"value": 23, "relation": "eq"},
        "max_score": 2.1,
        "hits": [
            {
                "_index": "ccportal-en-20250101120000000000",
                "_id": "11",
                "_score": 2.1,
                "_source": source(11),
                "highlight": {
                    "summary": ["Protection against <mark>floods</mark> &amp; heat"],
                    "body": ["<mark>Flood</mark> walls were built"],
                },
                "sort": [2.1, 1714521600000, 11],
            },
            {
                "_index": "ccportal-de-20250101120000000000",
                "_id": "12",
                "_score": 1.4,
                "_source": source(12, language="de", date=None, facet_region=["asia"]),
                "highlight": {"body": ["Die <mark>Flut</mark> kam im Mai"]},
                "sort": [1.4, -9223372036854775808, 12],
            },
        ],
    },
    "aggregations": {
        "facet_region": {
            "doc_count": 40,
            "values": terms(("africa", 23), ("asia", 17)),
        },
        "facet_theme": {
            "doc_count": 23,
            "values": terms(("municipal-services", 23), ("flood-management", 20)),
        },
        "facet_country": {"doc_count": 23, "values": terms()},
        "facet_type": {"doc_count": 23, "values": terms(("practice", 23))},
        "facet_year": {"doc_count": 23, "values": terms(("2024", 21), ("2023", 2))},
    },
}


def test_total_hits_and_counts():
    result = parse_search_response(RESPONSE, FACETS)
    assert result.total == 23
    assert result.counts == {
        "region": {"africa": 23, "asia": 17},
        "theme": {"municipal-services": 23, "flood-management": 20},
        "type": {"practice": 23},
        "year": {"2024": 21, "2023": 2},
    }


def test_hits_in_the_servers_order_with_their_facets():
    first, second = parse_search_response(RESPONSE, FACETS).hits
    assert first == BackendHit(
        page_id=11,
        title="Page 11",
        url="/en/page-11/",
        type="practice",
        language="en",
        date=datetime.date(2024, 5, 1),
        snippet="Protection against <mark>floods</mark> &amp; heat",
        facets={
            "region": ("africa",),
            "theme": ("flood-management", "municipal-services"),
            "type": ("practice",),
            "year": ("2024",),
        },
    )
    assert second.page_id == 12
    assert second.language == "de"
    assert second.date is None
    assert second.facets["region"] == ("asia",)


def test_snippet_is_the_body_fragment_when_the_summary_did_not_match():
    second = parse_search_response(RESPONSE, FACETS).hits[1]
    assert second.snippet == "Die <mark>Flut</mark> kam im Mai"


def test_snippet_without_a_match_is_the_escaped_summary_cut_short():
    long_summary = "<b>Tom & Jerry</b> " + "word " * 100
    response = {
        "took": 1,
        "timed_out": False,
        "_shards": SHARDS,
        "hits": {
            "total": {"value": 1, "relation": "eq"},
            "max_score": 1.0,
            "hits": [
                {
                    "_index": "ccportal-en-1",
                    "_id": "5",
                    "_score": 1.0,
                    "_source": source(5, summary=long_summary),
                    # The body's start, sent because of `no_match_size`: not a match.
                    "highlight": {"body": ["The body starts here"]},
                }
            ],
        },
    }
    (hit,) = parse_search_response(response, FACETS).hits
    assert hit.snippet.startswith("&lt;b&gt;Tom &amp; Jerry&lt;/b&gt; word")
    assert "<b>" not in hit.snippet
    assert hit.snippet.endswith(" …")
    assert len(hit.snippet) < 260


def test_snippet_falls_back_to_the_start_of_the_body_without_a_summary():
    hit = {
        "_index": "ccportal-en-1",
        "_id": "6",
        "_score": None,
        "_source": source(6, summary=""),
        "highlight": {"body": ["The body starts here &amp; goes on"]},
    }
    response = {
        "took": 1,
        "timed_out": False,
        "_shards": SHARDS,
        "hits": {"total": {"value": 1, "relation": "eq"}, "max_score": None, "hits": [hit]},
    }
    (parsed,) = parse_search_response(response, FACETS).hits
    assert parsed.snippet == "The body starts here &amp; goes on"


def test_missing_highlight_and_empty_summary_give_an_empty_snippet():
    hit = {"_index": "x", "_id": "9", "_score": 1.0, "_source": source(9, summary="")}
    response = {
        "took": 1,
        "timed_out": False,
        "_shards": SHARDS,
        "hits": {"total": {"value": 1, "relation": "eq"}, "max_score": 1.0, "hits": [hit]},
    }
    (parsed,) = parse_search_response(response, FACETS).hits
    assert parsed.snippet == ""


def test_no_hits_and_empty_aggregations():
    response = {
        "took": 0,
        "timed_out": False,
        "_shards": SHARDS,
        "hits": {"total": {"value": 0, "relation": "eq"}, "max_score": None, "hits": []},
        "aggregations": {f"facet_{f.name}": {"doc_count": 0, "values": terms()} for f in FACETS},
    }
    result = parse_search_response(response, FACETS)
    assert (result.total, result.hits, result.counts) == (0, (), {})


def test_no_aggregations_at_all():
    response = {
        "took": 0,
        "timed_out": False,
        "_shards": SHARDS,
        "hits": {"total": 3, "max_score": None, "hits": []},
    }
    result = parse_search_response(response, FACETS)
    assert (result.total, result.counts) == (3, {})


def test_counts_per_language_and_type():
    response = {
        "took": 2,
        "timed_out": False,
        "_shards": SHARDS,
        "hits": {"total": {"value": 9, "relation": "eq"}, "max_score": None, "hits": []},
        "aggregations": {
            "languages": {
                "doc_count_error_upper_bound": 0,
                "sum_other_doc_count": 0,
                "buckets": [
                    {"key": "de", "doc_count": 5, "types": terms(("practice", 3), ("event", 2))},
                    {"key": "en", "doc_count": 4, "types": terms(("practice", 4))},
                ],
            }
        },
    }
    assert parse_counts_response(response) == {
        ("de", "practice"): 3,
        ("de", "event"): 2,
        ("en", "practice"): 4,
    }


def test_counts_of_an_empty_cluster():
    response = {
        "took": 0,
        "timed_out": False,
        "_shards": {"total": 0, "successful": 0, "skipped": 0, "failed": 0},
        "hits": {"total": {"value": 0, "relation": "eq"}, "max_score": 0.0, "hits": []},
    }
    assert parse_counts_response(response) == {}


def test_suggestions_in_the_servers_order():
    suggestion = {
        "page_id": 3,
        "title": "Flood protection",
        "url": "/en/flood/",
        "type": "practice",
        "language": "en",
    }
    response = {
        "took": 1,
        "timed_out": False,
        "_shards": SHARDS,
        "hits": {
            "total": {"value": 1, "relation": "eq"},
            "max_score": 1.2,
            "hits": [{"_index": "x", "_id": "3", "_score": 1.2, "_source": suggestion}],
        },
    }
    assert parse_suggest_response(response) == [
        Suggestion(
            page_id=3, title="Flood protection", url="/en/flood/", type="practice", language="en"
        )
    ]


def test_page_ids_and_where_to_continue():
    response = {
        "took": 1,
        "timed_out": False,
        "_shards": SHARDS,
        "hits": {
            "total": {"value": 2, "relation": "gte"},
            "max_score": None,
            "hits": [
                {
                    "_index": "x",
                    "_id": "7",
                    "_score": None,
                    "_source": {"page_id": 7},
                    "sort": [1718000000000, 7],
                },
                {
                    "_index": "x",
                    "_id": "5",
                    "_score": None,
                    "_source": {"page_id": 5},
                    "sort": [1717000000000, 5],
                },
            ],
        },
    }
    assert parse_ids_response(response) == ([7, 5], [1717000000000, 5])
    empty = {**response, "hits": {**response["hits"], "hits": []}}
    assert parse_ids_response(empty) == ([], None)


def api_error(error_class, status, error_type):
    meta = elastic_transport.ApiResponseMeta(
        status=status,
        http_version="1.1",
        headers=elastic_transport.HttpHeaders(),
        duration=0.01,
        node=elastic_transport.NodeConfig("http", "127.0.0.1", 9200),
    )
    body = {"error": {"root_cause": [{"type": error_type, "reason": "…"}], "type": error_type}}
    return error_class(error_type, meta=meta, body=body)


@pytest.mark.parametrize(
    "error",
    [
        elastic_transport.ConnectionError("Connection refused"),
        elastic_transport.ConnectionTimeout("Read timed out"),
        api_error(NotFoundError, 404, "index_not_found_exception"),
        api_error(ApiError, 429, "es_rejected_execution_exception"),
        api_error(ApiError, 503, "search_phase_execution_exception"),
    ],
    ids=lambda error: type(error).__name__,
)
def test_errors_that_mean_not_now_make_the_backend_unavailable(error):
    with pytest.raises(SearchUnavailable), unavailable_on_errors("update"):
        raise error


def test_a_refused_request_is_a_bug_when_writing_and_a_fallback_when_searching():
    refused = api_error(BadRequestError, 400, "parsing_exception")
    with pytest.raises(BadRequestError), unavailable_on_errors("update"):
        raise refused
    with pytest.raises(SearchUnavailable), unavailable_on_errors("search", any_api_error=True):
        raise refused


class RefusingClient:
    """A client whose every search the server refuses as a bad request."""

    def __init__(self, error):
        self.error = error

    def options(self, **kwargs):
        return self

    def search(self, **kwargs):
        raise self.error


def test_a_search_the_server_refuses_falls_back():
    refused = api_error(BadRequestError, 400, "parsing_exception")
    backend = ElasticsearchBackend(
        RefusingClient(refused), prefix="portal", languages=("de", "en"), facet_names=("type",)
    )
    with pytest.raises(SearchUnavailable) as raised:
        backend.search(SearchQuery.build("de", text="Wasser"), FACETS)
    assert str(raised.value) == f"Elasticsearch search failed: {refused}"
    assert raised.value.__cause__ is refused


def test_an_export_the_server_refuses_falls_back():
    refused = api_error(BadRequestError, 400, "parsing_exception")
    backend = ElasticsearchBackend(
        RefusingClient(refused), prefix="portal", languages=("de", "en"), facet_names=("type",)
    )
    with pytest.raises(SearchUnavailable) as raised:
        list(backend.matching_page_ids(SearchQuery.build("de", text="Wasser")))
    assert str(raised.value) == f"Elasticsearch export failed: {refused}"
    assert raised.value.__cause__ is refused


def test_counts_are_unavailable_when_the_server_is_but_a_refused_count_is_a_bug():
    down = api_error(ApiError, 503, "search_phase_execution_exception")
    backend = ElasticsearchBackend(RefusingClient(down), prefix="portal", languages=("de", "en"))
    with pytest.raises(SearchUnavailable) as raised:
        backend.counts()
    assert str(raised.value) == f"Elasticsearch count failed: {down}"

    refused = api_error(BadRequestError, 400, "parsing_exception")
    backend = ElasticsearchBackend(RefusingClient(refused), prefix="portal", languages=("de", "en"))
    with pytest.raises(BadRequestError):
        backend.counts()
