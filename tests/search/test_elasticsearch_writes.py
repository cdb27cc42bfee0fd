"""What the Elasticsearch backend asks of the server when it writes, without a server:
the calls and their bodies, recorded. (The same behaviour against a real server is in
test_elasticsearch_integration.py.)"""

import datetime

import pytest
from elastic_transport import ApiResponseMeta, HttpHeaders, NodeConfig
from elasticsearch import BadRequestError

from search.backends.elasticsearch.backend import ElasticsearchBackend, IndexingError
from search.backends.elasticsearch.documents import index_operations, stale_documents_query
from search.backends.elasticsearch.mapping import index_body
from search.documents import SearchDocument


class Answer:
    def __init__(self, body):
        self.body = body


class RecordingIndices:
    def __init__(self, client):
        self.client = client

    def __getattr__(self, name):
        def call(**kwargs):
            self.client.calls.append((f"indices.{name}", kwargs))
            return self.client.answer(f"indices.{name}", kwargs)

        return call


class RecordingClient:
    """Records every call; `answers` maps a call's name to a function giving its answer."""

    def __init__(self, **answers):
        self.calls = []
        self.answers = answers
        self.indices = RecordingIndices(self)

    def options(self, **kwargs):
        return self

    def answer(self, name, kwargs):
        answer = self.answers.get(name)
        return answer(kwargs) if answer else Answer({})

    def __getattr__(self, name):
        if name.startswith("_"):
            raise AttributeError(name)

        def call(**kwargs):
            self.calls.append((name, kwargs))
            return self.answer(name, kwargs)

        return call

    def names(self):
        return [name for name, _ in self.calls]


def document(page_id, key, language, title="Flood protection"):
    return SearchDocument(
        page_id=page_id,
        translation_key=key,
        language=language,
        shown_in=(language,),
        type="practice",
        title=title,
        url=f"/{language}/{page_id}/",
        date=datetime.date(2024, 3, 1),
        summary="",
        text={3: title, 2: "", 1: ""},
        facets={"type": ("practice",)},
    )


def backend_with(client, facet_names=("type", "region")):
    backend = ElasticsearchBackend(
        client, prefix="portal", languages=("de", "en"), facet_names=facet_names
    )
    backend._indices_ensured = True
    return backend


def api_error(kind, status=400):
    meta = ApiResponseMeta(
        status=status,
        http_version="1.1",
        headers=HttpHeaders(),
        duration=0.0,
        node=NodeConfig("http", "localhost", 9200),
    )
    return BadRequestError(kind, meta, {"error": {"type": kind}, "status": status})


def test_an_update_is_searchable_when_it_returns():
    # Bulk writes are visible only after the next scheduled refresh, and delete-by-query
    # refreshes only when it deleted something: without the refresh, a search right after
    # an unpublish still found both translations.
    client = RecordingClient(**{"bulk": lambda kwargs: Answer({"errors": False, "items": []})})
    backend_with(client).replace_items({"a": [document(101, "a", "en")]})
    assert client.names() == ["bulk", "delete_by_query", "indices.refresh"]
    assert client.calls[2][1] == {"index": ["portal-de", "portal-en"]}


def test_an_update_writes_through_the_aliases_and_deletes_the_items_stale_documents():
    client = RecordingClient(**{"bulk": lambda kwargs: Answer({"errors": False, "items": []})})
    backend = backend_with(client)
    written = document(101, "a", "en")
    backend.replace_items({"a": [written]})
    assert client.calls[:2] == [
        (
            "bulk",
            {
                "operations": index_operations([written], backend.alias, backend.facet_names),
                "require_alias": True,
            },
        ),
        (
            "delete_by_query",
            {
                "index": ["portal-de", "portal-en"],
                "query": stale_documents_query(["a"], [101]),
                "conflicts": "proceed",
            },
        ),
    ]
    assert client.calls[0][1]["operations"]  # the document's index action and source


def test_an_item_removed_altogether_is_refreshed_away_too():
    client = RecordingClient()
    backend_with(client).replace_items({"a": []})
    assert client.names() == ["delete_by_query", "indices.refresh"]


def test_the_first_indices_have_one_name_whatever_process_makes_them():
    client = RecordingClient(**{"indices.exists_alias": lambda kwargs: False})
    backend = backend_with(client)
    assert backend.ensure_indices() == [
        "portal-de-00000000000000000000",
        "portal-en-00000000000000000000",
    ]
    creates = [kwargs for name, kwargs in client.calls if name == "indices.create"]
    assert [c["index"] for c in creates] == [
        "portal-de-00000000000000000000",
        "portal-en-00000000000000000000",
    ]
    assert creates[0]["aliases"] == {"portal-de": {}}
    assert creates[0]["mappings"] == index_body("de", ("type", "region"))["mappings"]
    # A rebuild's indices replace them like any other (they match the index name pattern).
    assert backend._is_index_of("portal-de-00000000000000000000", "de")


def test_indices_made_by_another_process_at_the_same_moment_are_used():
    def exists(kwargs):
        raise api_error("resource_already_exists_exception")

    client = RecordingClient(
        **{"indices.exists_alias": lambda kwargs: False, "indices.create": exists}
    )
    assert backend_with(client).ensure_indices() == []
    aliases = [kwargs for name, kwargs in client.calls if name == "indices.put_alias"]
    assert aliases == [
        {"index": "portal-de-00000000000000000000", "name": "portal-de"},
        {"index": "portal-en-00000000000000000000", "name": "portal-en"},
    ]


def test_other_refusals_to_create_an_index_are_errors():
    def refused(kwargs):
        raise api_error("illegal_argument_exception")

    client = RecordingClient(
        **{"indices.exists_alias": lambda kwargs: False, "indices.create": refused}
    )
    with pytest.raises(BadRequestError):
        backend_with(client).ensure_indices()


def test_a_facet_registered_after_the_index_was_made_is_added_to_its_mapping():
    client = RecordingClient(**{"indices.exists_alias": lambda kwargs: True})
    backend = backend_with(client, facet_names=("type", "region", "sdg"))
    assert backend.ensure_indices() == []
    mappings = [kwargs for name, kwargs in client.calls if name == "indices.put_mapping"]
    expected = {
        "facet_type": {"type": "keyword"},
        "facet_region": {"type": "keyword"},
        "facet_sdg": {"type": "keyword"},
    }
    assert mappings == [
        {"index": "portal-de", "properties": expected},
        {"index": "portal-en", "properties": expected},
    ]


def test_a_refused_update_makes_the_next_one_check_the_mapping_again():
    refused = {
        "errors": True,
        "items": [
            {
                "index": {
                    "status": 400,
                    "error": {
                        "type": "strict_dynamic_mapping_exception",
                        "reason": "mapping set to strict, dynamic introduction of [facet_sdg]",
                    },
                }
            }
        ],
    }
    client = RecordingClient(**{"bulk": lambda kwargs: Answer(refused)})
    backend = backend_with(client)
    with pytest.raises(IndexingError, match="strict"):
        backend.replace_items({"a": [document(101, "a", "en")]})
    assert backend._indices_ensured is False


def test_a_client_url_without_a_port_fails_on_use_not_on_start():
    from search.backends.base import SearchUnavailable

    backend = ElasticsearchBackend.connect("http://es", prefix="portal", languages=("de",))
    assert backend.aliases == ["portal-de"]
    with pytest.raises(SearchUnavailable, match="ELASTICSEARCH_URL 'http://es'"):
        backend.client  # noqa: B018
