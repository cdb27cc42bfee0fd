"""What the Elasticsearch backend asks of the server when it writes, without a server:
the calls and their bodies, recorded. (The same behaviour against a real server is in
test_elasticsearch_integration.py.)"""

import copy
import datetime
from itertools import islice

import elastic_transport
import pytest
from elastic_transport import ApiResponseMeta, HttpHeaders, NodeConfig
from elasticsearch import BadRequestError

from search.backends.base import SearchUnavailable
from search.backends.elasticsearch.backend import ElasticsearchBackend, IndexingError, batched
from search.backends.elasticsearch.documents import index_operations, stale_documents_query
from search.backends.elasticsearch.mapping import index_body
from search.documents import SearchDocument
from tests import helpers


class Answer:
    def __init__(self, body):
        self.body = body


class RecordingIndices:
    def __init__(self, client):
        self.client = client

    def __getattr__(self, name):
        def call(**kwargs):
            return self.client.record(f"indices.{name}", kwargs)

        return call


class RecordingClient:
    """Records every call; `answers` maps a call's name to a function giving its answer.
    `timeouts` has the request timeout (`options(request_timeout=...)`) of every call."""

    def __init__(self, **answers):
        self.calls = []
        self.timeouts = []
        self.timeout = None
        self.answers = answers
        self.indices = RecordingIndices(self)

    def options(self, **kwargs):
        scoped = copy.copy(self)  # the same records and answers
        scoped.timeout = kwargs.get("request_timeout", self.timeout)
        scoped.indices = RecordingIndices(scoped)
        return scoped

    def record(self, name, kwargs):
        self.calls.append((name, kwargs))
        self.timeouts.append(self.timeout)
        return self.answer(name, kwargs)

    def answer(self, name, kwargs):
        answer = self.answers.get(name)
        return answer(kwargs) if answer else Answer({})

    def __getattr__(self, name):
        if name.startswith("_"):
            raise AttributeError(name)

        def call(**kwargs):
            return self.record(name, kwargs)

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
    backend = ElasticsearchBackend.connect("http://es", prefix="portal", languages=("de",))
    assert backend.aliases == ["portal-de"]
    with pytest.raises(SearchUnavailable, match="ELASTICSEARCH_URL 'http://es'"):
        backend.client  # noqa: B018


# Rebuilds ---------------------------------------------------------------------------------
# The clock stands still, so both languages' new indices carry one stamp: 09:30 in Berlin is
# 07:30 UTC.
NEW = {"de": "portal-de-20260617073000000000", "en": "portal-en-20260617073000000000"}
OLD_DE = "portal-de-20250101120000000000"
OLD_EN = "portal-en-20250101120000000000"
# A rebuild that died before its swap left this index behind, without the alias.
LEFTOVER_DE = "portal-de-20260101000000000000"

rebuilding = pytest.mark.time_machine(helpers.NOW, tick=False)


def bulk_answer(kwargs):
    """The bulk API's answer: every document created (`errors: false`)."""
    actions = kwargs["operations"][::2]
    return Answer(
        {
            "errors": False,
            "took": 3,
            "items": [
                {
                    "index": {
                        "_index": action["index"]["_index"],
                        "_id": action["index"]["_id"],
                        "_version": 1,
                        "result": "created",
                        "_shards": {"total": 1, "successful": 1, "failed": 0},
                        "_seq_no": number,
                        "_primary_term": 1,
                        "status": 201,
                    }
                }
                for number, action in enumerate(actions)
            ],
        }
    )


def rebuild_client(existing, **answers):
    """A client answering a rebuild's calls as Elasticsearch documents them; `existing` is
    the get alias API's answer for the languages' indices (`{index: {"aliases": {...}}}`)."""
    acknowledged = lambda kwargs: Answer({"acknowledged": True})  # noqa: E731
    return RecordingClient(
        **{
            "indices.create": lambda kwargs: Answer(
                {"acknowledged": True, "shards_acknowledged": True, "index": kwargs["index"]}
            ),
            "bulk": bulk_answer,
            "indices.put_settings": acknowledged,
            "indices.refresh": lambda kwargs: Answer(
                {"_shards": {"total": 2, "successful": 2, "failed": 0}}
            ),
            "indices.get_alias": lambda kwargs: Answer(existing),
            "indices.update_aliases": acknowledged,
            "indices.delete": acknowledged,
            **answers,
        }
    )


# Before the swap the get alias API lists the live indices with their aliases, and the new
# ones (they match the same wildcards) without any.
LIVE = {
    OLD_DE: {"aliases": {"portal-de": {}}},
    OLD_EN: {"aliases": {"portal-en": {}}},
    NEW["de"]: {"aliases": {}},
    NEW["en"]: {"aliases": {}},
}


def loading_body(language):
    """The index body of `language`, with refreshes off while the documents are loaded."""
    body = index_body(language, ("type", "region"))
    return {
        "settings": {
            "index": {
                "number_of_shards": 1,
                "auto_expand_replicas": "0-1",
                "refresh_interval": "-1",
            },
            "analysis": body["settings"]["analysis"],
        },
        "mappings": body["mappings"],
    }


def calls_named(client, name):
    return [kwargs for called, kwargs in client.calls if called == name]


@rebuilding
def test_a_rebuild_fills_new_indices_then_moves_every_alias_at_once_and_drops_the_old():
    client = rebuild_client(LIVE)
    backend = backend_with(client)
    backend._indices_ensured = False
    documents = [document(101, "a", "de"), document(102, "a", "en"), document(103, "b", "de")]

    assert backend.rebuild(iter(documents)) == 3

    assert client.calls == [
        ("indices.create", {"index": NEW["de"], **loading_body("de")}),
        ("indices.create", {"index": NEW["en"], **loading_body("en")}),
        (
            "bulk",
            {
                "operations": index_operations(documents, NEW.__getitem__, ("type", "region")),
                # The new indices are written by name: they have no alias yet.
                "require_alias": None,
            },
        ),
        (
            "indices.put_settings",
            {"index": [NEW["de"], NEW["en"]], "settings": {"index": {"refresh_interval": None}}},
        ),
        ("indices.refresh", {"index": [NEW["de"], NEW["en"]]}),
        ("indices.get_alias", {"index": ["portal-de-*", "portal-en-*"]}),
        (
            "indices.update_aliases",
            {
                "actions": [
                    {"remove": {"index": OLD_DE, "alias": "portal-de"}},
                    {"add": {"index": NEW["de"], "alias": "portal-de"}},
                    {"remove": {"index": OLD_EN, "alias": "portal-en"}},
                    {"add": {"index": NEW["en"], "alias": "portal-en"}},
                ]
            },
        ),
        ("indices.delete", {"index": [OLD_DE, OLD_EN], "ignore_unavailable": True}),
    ]
    # Creating indices and loading them may take a while; the swap and the clean-up do not.
    assert client.timeouts == [60, 60, 60, 60, 60, 15, 15, 15]
    # Each language's index analyses its own language.
    assert loading_body("de")["settings"]["analysis"] != loading_body("en")["settings"]["analysis"]
    # The aliases exist now: updates need not check them first.
    assert backend._indices_ensured is True


@rebuilding
def test_a_rebuild_loads_documents_in_batches_and_reports_the_running_total():
    client = rebuild_client(LIVE)
    documents = [document(page_id, f"k{page_id}", "de") for page_id in range(1, 1002)]
    progress = []

    assert backend_with(client).rebuild(iter(documents), progress=progress.append) == 1001

    bulks = calls_named(client, "bulk")
    assert [len(bulk["operations"]) // 2 for bulk in bulks] == [500, 500, 1]
    assert [bulk["operations"] for bulk in bulks] == [
        index_operations(batch, NEW.__getitem__, ("type", "region"))
        for batch in (documents[:500], documents[500:1000], documents[1000:])
    ]
    assert progress == [500, 1000, 1001]


@rebuilding
def test_a_rebuild_without_documents_reports_zero_and_still_swaps_to_the_empty_indices():
    client = rebuild_client(LIVE)
    progress = []

    assert backend_with(client).rebuild(iter([]), progress=progress.append) == 0

    assert progress == [0]
    assert "bulk" not in client.names()
    assert calls_named(client, "indices.update_aliases")[0]["actions"][1] == {
        "add": {"index": NEW["de"], "alias": "portal-de"}
    }


@rebuilding
def test_a_rebuild_needs_no_progress_callback():
    client = rebuild_client(LIVE)
    assert backend_with(client).rebuild(iter([document(101, "a", "de")])) == 1
    assert backend_with(rebuild_client(LIVE)).rebuild(iter([])) == 0


@rebuilding
def test_the_swap_replaces_only_the_indices_of_the_rebuilt_languages():
    existing = {
        OLD_DE: {"aliases": {"portal-de": {}}},
        LEFTOVER_DE: {"aliases": {}},
        NEW["de"]: {"aliases": {}},
        OLD_EN: {"aliases": {"portal-en": {}}},
        NEW["en"]: {"aliases": {}},
        # The wildcard `portal-de-*` also matches what is not an index of the German alias:
        # a language `de-at` of the same prefix, and copies made by hand.
        "portal-de-at-20250101120000000000": {"aliases": {"portal-de-at": {}}},
        "portal-de-backup": {"aliases": {}},
        "portal-de-2024": {"aliases": {}},
    }
    client = rebuild_client(existing)

    backend_with(client).rebuild(iter([]))

    assert calls_named(client, "indices.update_aliases") == [
        {
            "actions": [
                {"remove": {"index": OLD_DE, "alias": "portal-de"}},
                {"add": {"index": NEW["de"], "alias": "portal-de"}},
                {"remove": {"index": OLD_EN, "alias": "portal-en"}},
                {"add": {"index": NEW["en"], "alias": "portal-en"}},
            ]
        }
    ]
    # Old indices go after the swap, leftovers of an interrupted rebuild too; never the new ones.
    assert calls_named(client, "indices.delete") == [
        {"index": [OLD_DE, LEFTOVER_DE, OLD_EN], "ignore_unavailable": True}
    ]
    assert client.names()[-2:] == ["indices.update_aliases", "indices.delete"]


@rebuilding
def test_the_first_rebuild_only_adds_the_aliases_and_deletes_nothing():
    client = rebuild_client({NEW["de"]: {"aliases": {}}, NEW["en"]: {"aliases": {}}})

    backend_with(client).rebuild(iter([]))

    assert calls_named(client, "indices.update_aliases") == [
        {
            "actions": [
                {"add": {"index": NEW["de"], "alias": "portal-de"}},
                {"add": {"index": NEW["en"], "alias": "portal-en"}},
            ]
        }
    ]
    assert "indices.delete" not in client.names()


@rebuilding
def test_a_document_of_a_language_without_an_index_stops_the_rebuild():
    client = rebuild_client(LIVE)

    with pytest.raises(ValueError) as raised:
        backend_with(client).rebuild(iter([document(101, "a", "fr")]))

    assert str(raised.value) == "No search index for language 'fr'."

    assert client.names() == ["indices.create", "indices.create", "indices.delete"]
    assert calls_named(client, "indices.delete") == [
        {"index": [NEW["de"], NEW["en"]], "ignore_unavailable": True}
    ]


# What the client raises when nothing listens on the server's port.
REFUSED = elastic_transport.ConnectionError(
    "Connection error caused by: NewConnectionError(Connection refused)",
    errors=(OSError(111, "Connection refused"),),
)


def connection_refused(kwargs):
    raise REFUSED


def refusing_second_index(kwargs):
    if kwargs["index"] == NEW["en"]:
        raise REFUSED
    return Answer({"acknowledged": True, "shards_acknowledged": True, "index": kwargs["index"]})


def overloaded_bulk(kwargs):
    item = {"index": {"status": 429, "error": {"type": "es_rejected_execution_exception"}}}
    return Answer({"errors": True, "items": [item]})


@rebuilding
@pytest.mark.parametrize(
    ("step", "answer", "created"),
    [
        ("indices.create", refusing_second_index, [NEW["de"]]),
        ("bulk", connection_refused, [NEW["de"], NEW["en"]]),
        ("bulk", overloaded_bulk, [NEW["de"], NEW["en"]]),
        ("indices.put_settings", connection_refused, [NEW["de"], NEW["en"]]),
        ("indices.refresh", connection_refused, [NEW["de"], NEW["en"]]),
    ],
    ids=["create", "bulk", "bulk-item-429", "put_settings", "refresh"],
)
def test_a_failed_rebuild_deletes_what_it_created_and_leaves_the_aliases(step, answer, created):
    client = rebuild_client(LIVE, **{step: answer})
    backend = backend_with(client)
    backend._indices_ensured = False

    with pytest.raises(SearchUnavailable):
        backend.rebuild(iter([document(101, "a", "de")]), progress=lambda indexed: None)

    assert client.names()[-1] == "indices.delete"
    assert calls_named(client, "indices.delete") == [{"index": created, "ignore_unavailable": True}]
    assert "indices.update_aliases" not in client.names()
    assert backend._indices_ensured is False


def swap_failing(after_the_check):
    """update_aliases fails as the client sees it; the get alias API then answers the check
    of the new indices with `after_the_check` (what the server really did)."""

    def get_alias(kwargs):
        return Answer(after_the_check if kwargs["index"] == [NEW["de"], NEW["en"]] else LIVE)

    return {"indices.get_alias": get_alias, "indices.update_aliases": connection_refused}


SWAP_NOT_APPLIED = {NEW["de"]: {"aliases": {}}, NEW["en"]: {"aliases": {}}}
# The client timed out, the server applied the swap all the same (update_aliases is atomic).
SWAP_APPLIED = {
    NEW["de"]: {"aliases": {"portal-de": {}}},
    NEW["en"]: {"aliases": {"portal-en": {}}},
}


@rebuilding
@pytest.mark.parametrize(
    ("after_the_check", "deleted"),
    [(SWAP_NOT_APPLIED, [[NEW["de"], NEW["en"]]]), (SWAP_APPLIED, [])],
    ids=["not-applied", "applied-anyway"],
)
def test_a_failed_swap_deletes_only_the_new_indices_no_alias_points_at(after_the_check, deleted):
    client = rebuild_client(LIVE, **swap_failing(after_the_check))
    backend = backend_with(client)
    backend._indices_ensured = False

    with pytest.raises(SearchUnavailable) as raised:
        backend.rebuild(iter([document(101, "a", "de")]))

    assert raised.value.__cause__ is REFUSED
    assert calls_named(client, "indices.get_alias")[-1] == {
        "index": [NEW["de"], NEW["en"]],
        "ignore_unavailable": True,
    }
    # Never the old indices: whether the aliases moved is not known to the client.
    assert [call["index"] for call in calls_named(client, "indices.delete")] == deleted
    assert backend._indices_ensured is False


@rebuilding
def test_a_swap_whose_outcome_cannot_be_checked_keeps_the_new_indices(caplog):
    client = rebuild_client(LIVE, **{"indices.get_alias": connection_refused})
    backend = backend_with(client)

    with pytest.raises(SearchUnavailable):
        backend.rebuild(iter([document(101, "a", "de")]))

    assert "indices.update_aliases" not in client.names()
    assert "indices.delete" not in client.names()
    assert [(record.levelname, record.getMessage()) for record in caplog.records] == [
        (
            "WARNING",
            f"Kept search indices ['{NEW['de']}', '{NEW['en']}'], their aliases unknown: {REFUSED}",
        )
    ]


@rebuilding
def test_a_rebuild_error_is_unavailable_with_the_cause():
    client = rebuild_client(LIVE, **{"bulk": connection_refused})
    with pytest.raises(SearchUnavailable) as raised:
        backend_with(client).rebuild(iter([document(101, "a", "de")]))
    assert str(raised.value) == f"Elasticsearch rebuild failed: {REFUSED}"
    assert raised.value.__cause__ is REFUSED


@rebuilding
def test_a_refused_rebuild_is_a_bug_not_unavailability_but_is_cleaned_up_too():
    def refused(kwargs):
        raise api_error("illegal_argument_exception")

    client = rebuild_client(LIVE, **{"indices.create": refused})
    with pytest.raises(BadRequestError):
        backend_with(client).rebuild(iter([]))
    # The first index was refused: nothing was created, nothing is deleted.
    assert client.names() == ["indices.create"]


@rebuilding
def test_when_cleaning_up_fails_too_the_rebuilds_own_error_surfaces(caplog):
    client = rebuild_client(
        LIVE, **{"bulk": connection_refused, "indices.delete": connection_refused}
    )
    with pytest.raises(SearchUnavailable) as raised:
        backend_with(client).rebuild(iter([document(101, "a", "de")]))
    assert raised.value.__cause__ is REFUSED
    assert [record.getMessage() for record in caplog.records] == [
        f"Could not delete search indices ['{NEW['de']}', '{NEW['en']}']: {REFUSED}"
    ]


@rebuilding
@pytest.mark.parametrize(
    "error",
    [REFUSED, api_error("index_closed_exception")],
    ids=["connection", "refused"],
)
def test_old_indices_that_cannot_be_deleted_are_only_logged(caplog, error):
    def fail(kwargs):
        raise error

    client = rebuild_client(LIVE, **{"indices.delete": fail})
    backend = backend_with(client)

    assert backend.rebuild(iter([document(101, "a", "de")])) == 1

    # The new indices answer; the old ones are deleted once, and not the new ones instead.
    assert calls_named(client, "indices.delete") == [
        {"index": [OLD_DE, OLD_EN], "ignore_unavailable": True}
    ]
    assert [(record.levelname, record.getMessage()) for record in caplog.records] == [
        ("WARNING", f"Could not delete search indices ['{OLD_DE}', '{OLD_EN}']: {error}")
    ]


@pytest.mark.parametrize(
    ("items", "size", "batches"),
    [
        ([0, 1, 2, 3, 4], 2, [[0, 1], [2, 3], [4]]),
        ([0, 1, 2, 3], 2, [[0, 1], [2, 3]]),
        ([0, 1, 2], 5, [[0, 1, 2]]),
        ([], 2, []),
    ],
    ids=["last-shorter", "exact", "one", "empty"],
)
def test_batched_cuts_in_lists_of_size_the_last_shorter(items, size, batches):
    # At most a few more than expected: a batcher that starts over would never end.
    assert list(islice(batched(items, size), len(batches) + 2)) == batches
    assert list(islice(batched(iter(items), size), len(batches) + 2)) == batches
