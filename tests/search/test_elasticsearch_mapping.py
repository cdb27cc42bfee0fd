"""Index settings, mappings and documents of the Elasticsearch backend (no server needed)."""

import datetime

import pytest
from elasticsearch.dsl.field import construct_field

from search.backends.elasticsearch.documents import (
    bulk_failures,
    index_operations,
    stale_documents_query,
    to_source,
)
from search.backends.elasticsearch.mapping import (
    GERMAN_COMPOUND_PARTS,
    INDEX_ANALYZER,
    SEARCH_ANALYZER,
    SUGGEST_ANALYZER,
    TEXT_FIELDS,
    index_body,
)
from search.documents import SearchDocument
from search.text import STOP_WORDS

FACETS = ("region", "theme", "country", "type", "year")
# Filters Elasticsearch ships under these names; every other filter must be defined.
BUILT_IN_FILTERS = {"lowercase", "german_normalization"}


def document(**changes):
    values = {
        "page_id": 7,
        "translation_key": "2c1f6d1e-0000-4000-8000-000000000007",
        "language": "en",
        "shown_in": ("en", "de"),
        "type": "practice",
        "title": "Flood protection in Accra",
        "url": "/en/practices/flood-protection/",
        "date": datetime.date(2024, 5, 1),
        "summary": "Drains & dykes",
        "text": {3: "Flood protection in Accra", 2: "Drains & dykes Accra", 1: "Body text."},
        "facets": {
            "region": ("africa",),
            "theme": ("flood-management", "municipal-services"),
            "type": ("practice",),
            "year": ("2024",),
        },
    }
    return SearchDocument(**{**values, **changes})


@pytest.mark.parametrize("language", ["de", "en", "fr"])
def test_every_field_is_a_valid_mapping_and_the_mapping_is_strict(language):
    mappings = index_body(language, FACETS)["mappings"]
    assert mappings["dynamic"] == "strict"
    for name, definition in mappings["properties"].items():
        # The DSL knows every field type and gives back exactly what we declared.
        assert construct_field(definition).to_dict() == definition, name


def test_fields_have_the_documented_types():
    properties = index_body("en", FACETS)["mappings"]["properties"]
    assert properties["page_id"] == {"type": "integer"}
    for keyword in ("translation_key", "language", "shown_in", "type"):
        assert properties[keyword] == {"type": "keyword"}
    assert properties["url"]["index"] is False
    assert properties["date"]["type"] == "date"
    assert properties["title"]["fields"]["suggest"] == {
        "type": "search_as_you_type",
        "analyzer": SUGGEST_ANALYZER,
    }
    for name in TEXT_FIELDS:
        assert properties[name]["type"] == "text"
        assert properties[name]["analyzer"] == INDEX_ANALYZER
        assert properties[name]["search_analyzer"] == SEARCH_ANALYZER


def test_a_keyword_field_per_facet_name_given():
    properties = index_body("de", ("region", "colour"))["mappings"]["properties"]
    facet_fields = {name for name in properties if name.startswith("facet_")}
    assert facet_fields == {"facet_region", "facet_colour"}
    assert properties["facet_colour"] == {"type": "keyword"}


@pytest.mark.parametrize("language", ["de", "en", "fr"])
def test_analyzers_use_only_defined_or_built_in_filters(language):
    analysis = index_body(language, FACETS)["settings"]["analysis"]
    assert set(analysis["analyzer"]) == {INDEX_ANALYZER, SEARCH_ANALYZER, SUGGEST_ANALYZER}
    for analyzer in analysis["analyzer"].values():
        assert analyzer["type"] == "custom"
        assert analyzer["tokenizer"] == "standard"
        for name in analyzer["filter"]:
            assert name in BUILT_IN_FILTERS or name in analysis["filter"], name


def test_german_chain_normalises_stems_and_splits_compounds_when_indexing():
    analysis = index_body("de", FACETS)["settings"]["analysis"]
    filters = analysis["filter"]
    index_chain = analysis["analyzer"][INDEX_ANALYZER]["filter"]
    assert [filters.get(name, {}).get("type", name) for name in index_chain] == [
        "lowercase",
        "stop",
        "dictionary_decompounder",
        "german_normalization",
        "stemmer",
    ]
    # The database backend's own stop words: a search leaves out the same words on both.
    assert filters["german_stop"]["stopwords"] == sorted(STOP_WORDS["de"])
    assert "und" in filters["german_stop"]["stopwords"]
    assert filters["german_stemmer"]["language"] == "light_german"
    decompounder = filters["german_decompounder"]
    assert decompounder["only_longest_match"] is True
    assert decompounder["min_subword_size"] == 4
    assert {"stadt", "entwicklung", "hochwasser", "wasser", "bürger"} <= set(
        decompounder["word_list"]
    )
    # The decompounder sees lowercase words with their umlauts still on.
    assert all(word == word.lower() and len(word) >= 4 for word in GERMAN_COMPOUND_PARTS)
    # Queries are not split: "Hochwasserschutz" must not find every text about "Schutz".
    assert "german_decompounder" not in analysis["analyzer"][SEARCH_ANALYZER]["filter"]


def test_english_chain_stems_plurals_and_possessives():
    analysis = index_body("en", FACETS)["settings"]["analysis"]
    filters = analysis["filter"]
    chain = analysis["analyzer"][INDEX_ANALYZER]["filter"]
    assert chain == analysis["analyzer"][SEARCH_ANALYZER]["filter"]
    assert [filters.get(name, {}).get("language", name) for name in chain] == [
        "possessive_english",
        "lowercase",
        "english_stop",
        "english",
    ]
    assert filters["english_stop"]["stopwords"] == sorted(STOP_WORDS["en"])
    assert "the" in filters["english_stop"]["stopwords"]


def test_source_fills_exactly_the_mapped_fields():
    properties = index_body("en", FACETS)["mappings"]["properties"]
    source = to_source(document(), FACETS)
    assert set(source) == set(properties)
    assert source["page_id"] == 7
    assert source["shown_in"] == ["en", "de"]
    assert source["date"] == "2024-05-01"
    assert source["title_text"] == "Flood protection in Accra"
    assert source["summary_text"] == "Drains & dykes Accra"
    assert source["body"] == "Body text."
    assert source["facet_theme"] == ["flood-management", "municipal-services"]
    assert source["facet_country"] == []


def test_source_leaves_out_facets_the_mapping_does_not_know():
    source = to_source(document(date=None), ("region",))
    assert source["date"] is None
    assert "facet_theme" not in source
    assert source["facet_region"] == ["africa"]


def test_index_operations_pair_an_action_with_each_source():
    docs = [document(), document(page_id=8, language="de", shown_in=("de",))]
    operations = index_operations(docs, lambda language: f"test-{language}", FACETS)
    assert operations[0] == {"index": {"_index": "test-en", "_id": "7"}}
    assert operations[1]["page_id"] == 7
    assert operations[2] == {"index": {"_index": "test-de", "_id": "8"}}
    assert len(operations) == 4


def test_stale_documents_are_the_items_documents_not_just_written():
    query = stale_documents_query(["k2", "k1", "k1"], [8, 7])
    assert query == {
        "bool": {
            "filter": [{"terms": {"translation_key": ["k1", "k2"]}}],
            "must_not": [{"ids": {"values": ["7", "8"]}}],
        }
    }


def test_bulk_failures_from_a_documented_bulk_response():
    response = {
        "took": 30,
        "errors": True,
        "items": [
            {"index": {"_index": "test-en", "_id": "7", "status": 201, "result": "created"}},
            {
                "index": {
                    "_index": "test-en",
                    "_id": "8",
                    "status": 400,
                    "error": {
                        "type": "strict_dynamic_mapping_exception",
                        "reason": "mapping set to strict, dynamic introduction of [x] "
                        "within [_doc] is not allowed",
                    },
                }
            },
        ],
    }
    assert bulk_failures(response) == [
        (400, "mapping set to strict, dynamic introduction of [x] within [_doc] is not allowed")
    ]
    assert bulk_failures({"took": 3, "errors": False, "items": []}) == []
