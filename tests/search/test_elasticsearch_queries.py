"""Request bodies of the Elasticsearch backend, checked without a server.

Bodies are also read back through `elasticsearch.dsl`, which parses every query and
aggregation it knows: an unknown clause or a misspelt type fails there.
"""

import json

import pytest
from elasticsearch.dsl import Search

from search.backends.elasticsearch.backend import ElasticsearchBackend
from search.backends.elasticsearch.queries import (
    IDS_BATCH,
    counts_body,
    ids_body,
    search_body,
    suggest_body,
)
from search.contract import SearchQuery
from search.registry import FacetDefinition

FACETS = tuple(
    FacetDefinition(name, name.title(), labels=lambda language: {}, size=size)
    for name, size in [("region", 20), ("theme", 200), ("country", 300), ("type", 10), ("year", 50)]
)


def facet_filters(clause):
    """{facet: values} of a `bool.filter` list of `terms` clauses (or match_all: {})."""
    if "match_all" in clause:
        return {}
    found = {}
    for item in clause["bool"]["filter"]:
        ((field, values),) = item["terms"].items()
        found[field.removeprefix("facet_")] = values
    return found


def test_two_selected_facets_make_one_body_with_post_filter_and_disjunctive_aggregations():
    query = SearchQuery.build(
        "en", text="flood", filters={"region": ["africa", "asia"], "theme": ["housing"]}
    )
    body = search_body(query, FACETS)

    # Hits: the selections, OR within a facet and AND across, applied after counting.
    assert facet_filters(body["post_filter"]) == {
        "region": ["africa", "asia"],
        "theme": ["housing"],
    }
    # Counts: one filter aggregation per facet, with every other facet's selection only.
    aggs = body["aggs"]
    assert set(aggs) == {f"facet_{f.name}" for f in FACETS}
    assert facet_filters(aggs["facet_region"]["filter"]) == {"theme": ["housing"]}
    assert facet_filters(aggs["facet_theme"]["filter"]) == {"region": ["africa", "asia"]}
    for unselected in ("country", "type", "year"):
        assert facet_filters(aggs[f"facet_{unselected}"]["filter"]) == {
            "region": ["africa", "asia"],
            "theme": ["housing"],
        }
    # The selections never reach the query itself, or the counts could not be disjunctive.
    assert "facet_" not in json.dumps(body["query"])


def test_each_facet_is_counted_by_a_terms_aggregation_of_its_own_size():
    body = search_body(SearchQuery.build("de"), FACETS)
    for facet in FACETS:
        aggregation = body["aggs"][f"facet_{facet.name}"]
        assert aggregation["filter"] == {"match_all": {}}
        assert aggregation["aggs"]["values"]["terms"] == {
            "field": f"facet_{facet.name}",
            "size": facet.size,
            "min_doc_count": 1,
        }


def test_no_selection_no_post_filter():
    assert "post_filter" not in search_body(SearchQuery.build("de", text="Wasser"), FACETS)


def test_the_query_keeps_to_what_the_visitors_language_shows():
    body = search_body(SearchQuery.build("de", text="Wasser"), FACETS)
    assert body["query"]["bool"]["filter"] == [{"term": {"shown_in": "de"}}]


def test_text_must_match_every_word_across_the_weighted_fields():
    body = search_body(SearchQuery.build("en", text="Flood protection"), FACETS)
    (text_query,) = body["query"]["bool"]["must"]
    assert text_query == {
        "multi_match": {
            "query": "flood protection",
            "type": "cross_fields",
            "fields": ["title^3", "title_text^3", "summary^2", "summary_text^2", "body"],
            "operator": "and",
            "zero_terms_query": "none",
        }
    }


@pytest.mark.parametrize("text", ["", "   ", '"" () * -- ?', "\x00", "🌊"])
def test_no_words_match_everything(text):
    body = search_body(SearchQuery.build("en", text=text), FACETS)
    assert body["query"]["bool"]["must"] == [{"match_all": {}}]


def test_text_is_only_text():
    hostile = 'flood" OR title:x AND (heat*) {"query_string": 1} \\ ~2 ^3 \x00 <script>'
    body = search_body(SearchQuery.build("en", text=hostile), FACETS)
    serialised = json.dumps(body)
    assert "query_string" not in serialised
    (text_query,) = body["query"]["bool"]["must"]
    # "or" and "and" are only words, and English stop words: left out like any other.
    assert text_query["multi_match"]["query"] == "flood title x heat query string 1 2 3 script"


@pytest.mark.parametrize(
    ("language", "text"), [("en", "the"), ("en", "The of AND"), ("de", "und"), ("de", "in der")]
)
def test_stop_words_alone_match_nothing_in_every_index(language, text):
    # Left to the indices' analyzers, "the" matched every English document and nothing in
    # the German index (where it is no stop word); the database backend finds nothing.
    body = search_body(SearchQuery.build(language, text=text), FACETS)
    assert body["query"]["bool"]["must"] == [{"match_none": {}}]
    assert ids_body(SearchQuery.build(language, text=text))["query"]["bool"]["must"] == [
        {"match_none": {}}
    ]


def test_the_stop_words_of_the_searchs_language_are_left_out_before_the_request():
    # German documents are searched with German analysis, English ones (shown in German
    # searches as fallbacks) with English analysis, where "und" would be a word to match.
    body = search_body(SearchQuery.build("de", text="Wasser und Stadt"), FACETS)
    assert body["query"]["bool"]["must"][0]["multi_match"]["query"] == "wasser stadt"
    body = search_body(SearchQuery.build("en", text="water and city"), FACETS)
    assert body["query"]["bool"]["must"][0]["multi_match"]["query"] == "water city"


def test_highlighting_reads_a_bounded_part_of_long_bodies():
    # A body longer than the index's `highlight.max_analyzed_offset` (1,000,000 characters)
    # would fail the whole search; with the request's own limit it is highlighted up to there.
    highlight = search_body(SearchQuery.build("en", text="flood"), FACETS)["highlight"]
    assert highlight["max_analyzed_offset"] == 100_000


def test_relevance_sort_breaks_ties_by_date_then_page():
    body = search_body(SearchQuery.build("en", text="flood"), FACETS)
    assert body["sort"] == [
        "_score",
        {"date": {"order": "desc", "missing": "_last"}},
        {"page_id": {"order": "desc"}},
    ]


def test_date_sort_puts_undated_last_and_is_stable():
    body = search_body(SearchQuery.build("en", text="flood", sort="date"), FACETS)
    assert body["sort"] == [
        {"date": {"order": "desc", "missing": "_last"}},
        {"page_id": {"order": "desc"}},
    ]


def test_paging_and_exact_totals():
    body = search_body(SearchQuery.build("en", page=3, page_size=10), FACETS)
    assert (body["from"], body["size"]) == (20, 10)
    assert body["track_total_hits"] is True


def test_highlighting_marks_matches_in_escaped_fragments():
    highlight = search_body(SearchQuery.build("en", text="flood"), FACETS)["highlight"]
    assert highlight["pre_tags"] == ["<mark>"]
    assert highlight["post_tags"] == ["</mark>"]
    assert highlight["encoder"] == "html"
    assert set(highlight["fields"]) == {"summary", "body"}
    for field in highlight["fields"].values():
        assert field["number_of_fragments"] == 1
        assert 150 <= field["fragment_size"] <= 250


def test_hits_carry_only_what_cards_need():
    source = search_body(SearchQuery.build("en"), FACETS)["_source"]["includes"]
    assert "body" not in source
    assert {"page_id", "title", "url", "type", "language", "date", "summary"} <= set(source)
    assert "facet_*" in source


@pytest.mark.parametrize(
    "query",
    [
        SearchQuery.build("en"),
        SearchQuery.build("de", text="Hochwasser", sort="date", page=2),
        SearchQuery.build("en", text="flood", filters={"region": ["africa"], "year": ["2024"]}),
    ],
)
def test_bodies_read_back_through_the_dsl(query):
    body = search_body(query, FACETS)
    search = Search.from_dict(body)
    assert search.to_dict() == body
    assert search.query.name == "bool"
    assert set(search.aggs.to_dict()["aggs"]) == {f"facet_{f.name}" for f in FACETS}


def test_suggestions_prefix_match_the_title_shingles():
    body = suggest_body("flood prot", "en")
    assert Search.from_dict(body).to_dict() == body
    assert body["query"]["bool"]["filter"] == [{"term": {"shown_in": "en"}}]
    (match,) = body["query"]["bool"]["must"]
    assert match == {
        "multi_match": {
            "query": "flood prot",
            "type": "bool_prefix",
            "fields": ["title.suggest", "title.suggest._2gram", "title.suggest._3gram"],
            "operator": "and",  # every word, not any
        }
    }


def test_page_ids_of_every_hit_continue_after_the_last():
    query = SearchQuery.build("en", text="flood", filters={"region": ["asia"]}, sort="date")
    body = ids_body(query)
    assert Search.from_dict(body).to_dict() == body
    assert body["query"]["bool"]["filter"] == [
        {"term": {"shown_in": "en"}},
        {"terms": {"facet_region": ["asia"]}},
    ]
    assert body["sort"] == [
        {"date": {"order": "desc", "missing": "_last"}},
        {"page_id": {"order": "desc"}},
    ]
    assert body["_source"] == {"includes": ["page_id"]}
    assert body["size"] == 1000
    assert "search_after" not in body and "aggs" not in body and "post_filter" not in body
    assert ids_body(query, after=[1718000000000, 7])["search_after"] == [1718000000000, 7]


def test_suggestions_for_no_words_ask_for_nothing():
    assert suggest_body(' "( ', "de") == {"query": {"match_none": {}}, "size": 0}


def test_counts_body_groups_documents_by_language_and_type():
    body = counts_body()
    assert Search.from_dict(body).to_dict() == body
    assert body["size"] == 0
    languages = body["aggs"]["languages"]
    assert languages["terms"]["field"] == "language"
    assert languages["aggs"]["types"]["terms"]["field"] == "type"


SHARDS = {"total": 2, "successful": 2, "skipped": 0, "failed": 0}
EMPTY = {
    "took": 1,
    "timed_out": False,
    "_shards": SHARDS,
    "hits": {"total": {"value": 0, "relation": "eq"}, "max_score": None, "hits": []},
}


class RecordingClient:
    """Records the calls the backend makes; answers with the given search responses in turn,
    then with an empty, documented one."""

    def __init__(self, *responses):
        self.calls = []
        self.responses = list(responses)

    def options(self, **kwargs):
        return self

    def search(self, **kwargs):
        self.calls.append(kwargs)
        return Answer(self.responses.pop(0) if self.responses else EMPTY)


class Answer:
    def __init__(self, body):
        self.body = body


def test_a_search_is_exactly_one_request_to_every_languages_alias():
    client = RecordingClient()
    backend = ElasticsearchBackend(client, prefix="portal", languages=("de", "en"))
    query = SearchQuery.build("de", text="Wasser", filters={"region": ["africa"]})
    result = backend.search(query, FACETS)
    assert result.total == 0
    (call,) = client.calls
    assert call["index"] == ["portal-de", "portal-en"]
    assert call["body"] == search_body(query, FACETS)


def test_the_backend_from_settings_names_its_aliases_by_prefix_and_language(settings):
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9200"
    settings.SEARCH_INDEX_PREFIX = "portal-staging"
    backend = ElasticsearchBackend.from_settings()
    assert backend.name == "elasticsearch"
    assert backend.aliases == ["portal-staging-de", "portal-staging-en"]
    assert backend.new_index_name("de").startswith("portal-staging-de-")
    # Its facets are the registered ones: the page types' three, then type and year.
    assert backend.facet_names == ("region", "theme", "country", "type", "year")


def ids_page(page_ids):
    """The search API's answer to an ids body (date sort): each hit with its sort values, and
    no total (`track_total_hits: false`)."""
    return {
        "took": 4,
        "timed_out": False,
        "_shards": SHARDS,
        "hits": {
            "max_score": None,
            "hits": [
                {
                    "_index": "portal-en-20250101120000000000",
                    "_id": str(page_id),
                    "_score": None,
                    "_source": {"page_id": page_id},
                    "sort": [1718000000000 - page_id, page_id],
                }
                for page_id in page_ids
            ],
        },
    }


def test_every_matching_page_id_is_fetched_page_by_page_after_the_last_hit():
    assert IDS_BATCH == 1000
    pages = [range(5000, 4000, -1), range(4000, 3000, -1), [12, 11, 10]]
    client = RecordingClient(*(ids_page(ids) for ids in pages))
    backend = ElasticsearchBackend(client, prefix="portal", languages=("de", "en"))
    query = SearchQuery.build("en", text="flood", filters={"region": ["asia"]}, sort="date")

    assert list(backend.matching_page_ids(query)) == [*pages[0], *pages[1], *pages[2]]

    assert client.calls == [
        {"index": ["portal-de", "portal-en"], "body": body, "allow_partial_search_results": False}
        for body in (
            ids_body(query),
            ids_body(query, after=[1718000000000 - 4001, 4001]),
            ids_body(query, after=[1718000000000 - 3001, 3001]),
        )
    ]


def test_page_ids_stop_at_the_first_short_page():
    client = RecordingClient(ids_page(range(999, 0, -1)))
    backend = ElasticsearchBackend(client, prefix="portal", languages=("de", "en"))
    assert list(backend.matching_page_ids(SearchQuery.build("de"))) == list(range(999, 0, -1))
    assert len(client.calls) == 1


def test_page_ids_of_a_full_last_page_end_with_an_empty_one():
    client = RecordingClient(ids_page(range(1000, 0, -1)), ids_page([]))
    backend = ElasticsearchBackend(client, prefix="portal", languages=("de", "en"))
    query = SearchQuery.build("de")
    assert list(backend.matching_page_ids(query)) == list(range(1000, 0, -1))
    assert [call["body"] for call in client.calls] == [
        ids_body(query),
        ids_body(query, after=[1718000000000 - 1, 1]),
    ]


def test_page_ids_come_as_each_page_arrives():
    client = RecordingClient(ids_page(range(2000, 1000, -1)), ids_page([7]))
    backend = ElasticsearchBackend(client, prefix="portal", languages=("de", "en"))
    ids = backend.matching_page_ids(SearchQuery.build("de"))
    assert next(ids) == 2000
    assert len(client.calls) == 1


def test_counts_are_one_search_of_every_alias_grouped_by_language_and_type():
    def terms(*buckets):
        return {
            "doc_count_error_upper_bound": 0,
            "sum_other_doc_count": 0,
            "buckets": [{"key": key, "doc_count": count, **more} for key, count, more in buckets],
        }

    response = {
        "took": 2,
        "timed_out": False,
        "_shards": SHARDS,
        "hits": {"total": {"value": 6, "relation": "eq"}, "max_score": None, "hits": []},
        "aggregations": {
            "languages": terms(
                ("de", 4, {"types": terms(("practice", 3, {}), ("event", 1, {}))}),
                ("en", 2, {"types": terms(("practice", 2, {}))}),
            )
        },
    }
    client = RecordingClient(response)
    backend = ElasticsearchBackend(client, prefix="portal", languages=("de", "en"))

    assert backend.counts() == {("de", "practice"): 3, ("de", "event"): 1, ("en", "practice"): 2}
    # A missing index counts as empty instead of failing the count.
    assert client.calls == [
        {"index": ["portal-de", "portal-en"], "body": counts_body(), "ignore_unavailable": True}
    ]


def test_a_suggestion_is_one_search_of_every_alias_answered_in_the_servers_order():
    def hit(page_id, title):
        source = {
            "page_id": page_id,
            "title": title,
            "url": f"/en/{page_id}/",
            "type": "practice",
            "language": "en",
        }
        return {"_index": "portal-en-1", "_id": f"{page_id}", "_score": 1.0, "_source": source}

    response = {
        "took": 1,
        "timed_out": False,
        "_shards": SHARDS,
        "hits": {
            "total": {"value": 2, "relation": "eq"},
            "max_score": 1.0,
            "hits": [hit(7, "Flood maps"), hit(3, "Flood warning")],
        },
    }
    client = RecordingClient(response)
    backend = ElasticsearchBackend(client, prefix="portal", languages=("de", "en"))

    suggestions = backend.suggest("floo", "en", size=4)

    assert [(s.page_id, s.title, s.url) for s in suggestions] == [
        (7, "Flood maps", "/en/7/"),
        (3, "Flood warning", "/en/3/"),
    ]
    assert client.calls == [
        {"index": ["portal-de", "portal-en"], "body": suggest_body("floo", "en", 4)}
    ]
