"""Index settings and mappings: one index per language, each with its own analysis chain.

Every index has the same fields, so one request can search the German and the English index
together; only the analyzers behind the text fields differ. The mapping is strict: a field
the mapping does not declare is refused instead of being guessed.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from search.text import STOP_WORDS

# Parts of German compound words common in urban development. A document with
# "Hochwasserschutzkonzept" is then also found by "Hochwasser" and "Schutz". Lowercase,
# because the decompounder runs after the lowercase filter (and before umlauts are folded).
GERMAN_COMPOUND_PARTS = (
    "abfall",
    "abwasser",
    "anpassung",
    "beteiligung",
    "bürger",
    "dienst",
    "energie",
    "entsorgung",
    "entwicklung",
    "flächen",
    "förderung",
    "gemeinde",
    "hitze",
    "hochwasser",
    "klima",
    "kommune",
    "konzept",
    "kreislauf",
    "land",
    "management",
    "mobilität",
    "partnerschaft",
    "planung",
    "projekt",
    "schutz",
    "sicherheit",
    "stadt",
    "strategie",
    "verkehr",
    "versorgung",
    "verwaltung",
    "wasser",
    "wirtschaft",
    "wohnung",
)

# Analyzer names are the same in every index; what they do depends on the index's language.
INDEX_ANALYZER = "content_index"
SEARCH_ANALYZER = "content_search"
SUGGEST_ANALYZER = "suggest"

# An analysis chain: token filters, and which of them index, search and suggest text.
Chain = dict[str, Any]

GERMAN: Chain = {
    "filter": {
        "german_stop": {"type": "stop", "stopwords": sorted(STOP_WORDS["de"])},
        "german_decompounder": {
            "type": "dictionary_decompounder",
            "word_list": list(GERMAN_COMPOUND_PARTS),
            "only_longest_match": True,
            "min_subword_size": 4,
        },
        "german_stemmer": {"type": "stemmer", "language": "light_german"},
    },
    # Compounds are split when indexing only: a search for "Hochwasserschutz" should not
    # also find every text that merely mentions "Schutz".
    "index_filters": [
        "lowercase",
        "german_stop",
        "german_decompounder",
        "german_normalization",
        "german_stemmer",
    ],
    "search_filters": ["lowercase", "german_stop", "german_normalization", "german_stemmer"],
    "suggest_filters": ["lowercase", "german_normalization"],
}

# The order of Elasticsearch's own `english` analyzer: "floods" and "flood's" find "flood".
ENGLISH_FILTERS = ["english_possessive_stemmer", "lowercase", "english_stop", "english_stemmer"]
ENGLISH: Chain = {
    "filter": {
        "english_possessive_stemmer": {"type": "stemmer", "language": "possessive_english"},
        "english_stop": {"type": "stop", "stopwords": sorted(STOP_WORDS["en"])},
        "english_stemmer": {"type": "stemmer", "language": "english"},
    },
    "index_filters": ENGLISH_FILTERS,
    "search_filters": ENGLISH_FILTERS,
    "suggest_filters": ["lowercase"],
}

# Any other language gets words and lowercase, no stemming: correct, if less forgiving.
PLAIN: Chain = {
    "filter": {},
    "index_filters": ["lowercase"],
    "search_filters": ["lowercase"],
    "suggest_filters": ["lowercase"],
}

CHAINS = {"de": GERMAN, "en": ENGLISH}

# Text fields searched, with their weights: the title and other title-like text (3),
# the summary and other short texts (2), the body (1).
TEXT_FIELDS = {"title": 3, "title_text": 3, "summary": 2, "summary_text": 2, "body": 1}


def facet_field(name: str) -> str:
    return f"facet_{name}"


def analysis(language: str) -> dict:
    chain = CHAINS.get(language, PLAIN)

    def custom(filters):
        return {"type": "custom", "tokenizer": "standard", "filter": list(filters)}

    return {
        "filter": dict(chain["filter"]),
        "analyzer": {
            INDEX_ANALYZER: custom(chain["index_filters"]),
            SEARCH_ANALYZER: custom(chain["search_filters"]),
            SUGGEST_ANALYZER: custom(chain["suggest_filters"]),
        },
    }


def properties(facet_names: Sequence[str]) -> dict:
    text = {"type": "text", "analyzer": INDEX_ANALYZER, "search_analyzer": SEARCH_ANALYZER}
    keyword = {"type": "keyword"}
    fields: dict[str, dict[str, Any]] = {
        "page_id": {"type": "integer"},
        "translation_key": keyword,
        "language": keyword,
        "shown_in": keyword,
        "type": keyword,
        "url": {"type": "keyword", "index": False, "doc_values": False},
        "date": {"type": "date", "format": "strict_date"},
        "title": {
            **text,
            "fields": {"suggest": {"type": "search_as_you_type", "analyzer": SUGGEST_ANALYZER}},
        },
        "title_text": text,
        "summary": text,
        "summary_text": text,
        "body": text,
    }
    fields.update(facet_properties(facet_names))
    return {name: dict(definition) for name, definition in fields.items()}


def facet_properties(facet_names: Sequence[str]) -> dict:
    """The mapping of the facet fields (also added to an existing index: see
    ElasticsearchBackend.ensure_indices)."""
    return {facet_field(name): {"type": "keyword"} for name in facet_names}


def index_body(language: str, facet_names: Sequence[str]) -> dict:
    """Settings and mappings for the `language` index, as `PUT /<index>` takes them."""
    return {
        "settings": {
            "index": {
                "number_of_shards": 1,
                # No replica on a single node (green, not yellow); one as soon as a second exists.
                "auto_expand_replicas": "0-1",
            },
            "analysis": analysis(language),
        },
        "mappings": {"dynamic": "strict", "properties": properties(facet_names)},
    }
