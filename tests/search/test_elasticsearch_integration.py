"""The Elasticsearch backend against a real server.

Tests marked `elasticsearch` run only when ELASTICSEARCH_URL is set (see the README), each
module run on indices with a prefix of its own, deleted afterwards. Nothing here imitates
the server: without one, only the tests that need none run (an unreachable server).
"""

import datetime
import os
import uuid
from collections import Counter

import pytest

from search.backends.base import SearchUnavailable
from search.backends.elasticsearch.backend import ElasticsearchBackend
from search.contract import SearchQuery
from search.documents import SearchDocument
from search.registry import FacetDefinition

ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL", "")
LANGUAGES = ("de", "en")
FACET_NAMES = ("region", "theme", "country", "type", "year")
FACETS = tuple(FacetDefinition(name, name, labels=lambda language: {}) for name in FACET_NAMES)
UNREACHABLE_URL = "http://127.0.0.1:9"

needs_server = pytest.mark.skipif(not ELASTICSEARCH_URL, reason="needs ELASTICSEARCH_URL")


def doc(page_id, key, language, shown_in, type_, title, summary, body, date, **facets):
    facets = {name: tuple(values) for name, values in facets.items()}
    facets["type"] = (type_,)
    if date:
        facets["year"] = (str(date.year),)
    return SearchDocument(
        page_id=page_id,
        translation_key=key,
        language=language,
        shown_in=shown_in,
        type=type_,
        title=title,
        url=f"/{language}/{page_id}/",
        date=date,
        summary=summary,
        text={3: title, 2: summary, 1: body},
        facets=facets,
    )


FLOOD = ("flood-management", "municipal-services")
DOCUMENTS = (
    # Item a: a practice in both languages.
    doc(
        101, "a", "en", ("en",), "practice",
        "Flood protection in Accra",
        "Drains and dykes protect homes from floods.",
        "The district dug new channels before the rainy season.",
        datetime.date(2024, 3, 1),
        region=["africa"], theme=FLOOD, country=["GH"],
    ),
    doc(
        102, "a", "de", ("de",), "practice",
        "Hochwasserschutz in Accra",
        "Gräben und Deiche bewahren Häuser vor Überflutung.",
        "Das Hochwasserschutzkonzept entstand vor der Regenzeit.",
        datetime.date(2024, 3, 1),
        region=["africa"], theme=FLOOD, country=["GH"],
    ),
    # Item b: an English event without German translation, shown in German searches too.
    doc(
        201, "b", "en", ("en", "de"), "event",
        "Floods and heat in Manila",
        "A dialogue event on climate risks.",
        "Practitioners compared early warning systems.",
        datetime.date(2023, 6, 10),
        region=["asia"], theme=[*FLOOD, "climate-adaptation"], country=["PH"],
    ),
    # Item c: a German project without English translation.
    doc(
        301, "c", "de", ("de", "en"), "project",
        "Stadtentwicklung in Tiflis",
        "Die Städte des Südkaukasus planen gemeinsam.",
        "Ein Austausch über Wohnraum und Flächen.",
        datetime.date(2022, 1, 15),
        region=["caucasus"], theme=["integrated-urban-development"], country=["GE"],
    ),
    # Item d: news in both languages.
    doc(
        401, "d", "en", ("en",), "news",
        "Waste management in Accra",
        "Collection routes were redrawn.",
        "Recycling points opened in every district.",
        datetime.date(2024, 9, 1),
        region=["africa"], theme=["waste-management", "municipal-services"], country=["GH"],
    ),
    doc(
        402, "d", "de", ("de",), "news",
        "Abfallwirtschaft in Accra",
        "Die Stadtverwaltung ordnet die Sammelrouten neu.",
        "Wertstoffhöfe öffneten in jedem Bezirk.",
        datetime.date(2024, 9, 1),
        region=["africa"], theme=["waste-management", "municipal-services"], country=["GH"],
    ),
    # Item e: an undated English publication, shown in German searches too.
    doc(
        501, "e", "en", ("en", "de"), "publication",
        "Guide to local business development",
        "",
        "How municipalities support small firms and markets.",
        None,
        region=["europe"], theme=["local-business", "local-economic-development"],
    ),
)  # fmt: skip


def new_backend(url=ELASTICSEARCH_URL):
    prefix = f"test-ccportal-{uuid.uuid4().hex[:12]}"
    return ElasticsearchBackend.connect(
        url, prefix=prefix, languages=LANGUAGES, facet_names=FACET_NAMES
    )


def delete_indices(backend):
    names = list(backend.writer.indices.get_alias(index=f"{backend.prefix}-*").body)
    if names:
        backend.writer.indices.delete(index=names)


@pytest.fixture(scope="module")
def backend():
    backend = new_backend()
    backend.rebuild(DOCUMENTS)
    yield backend
    delete_indices(backend)


@pytest.fixture
def fresh_backend():
    """A backend of its own, for tests that change the index."""
    backend = new_backend()
    yield backend
    delete_indices(backend)


def search(backend, language, text="", **filters):
    sort = filters.pop("sort", "relevance")
    page = filters.pop("page", 1)
    page_size = filters.pop("page_size", 10)
    query = SearchQuery.build(
        language, text=text, filters=filters, sort=sort, page=page, page_size=page_size
    )
    return backend.search(query, FACETS)


def ids(result):
    return [hit.page_id for hit in result.hits]


def brute_force_counts(language, filters):
    """Disjunctive counts computed from the documents themselves."""
    shown = [d for d in DOCUMENTS if language in d.shown_in]

    def matches(document, excluded):
        return all(
            set(values) & set(document.facets.get(name, ()))
            for name, values in filters.items()
            if name != excluded
        )

    counts = {}
    for name in FACET_NAMES:
        counted = Counter(
            value for d in shown if matches(d, name) for value in d.facets.get(name, ())
        )
        if counted:
            counts[name] = dict(counted)
    return counts


# Without a server -------------------------------------------------------------------------


def test_an_unreachable_server_is_unavailable():
    backend = new_backend(UNREACHABLE_URL)
    with pytest.raises(SearchUnavailable):
        search(backend, "en", "flood", region=["africa"])


@pytest.mark.parametrize(
    "call",
    [
        lambda backend: backend.replace_items({"a": list(DOCUMENTS[:2])}),
        lambda backend: backend.rebuild(iter(DOCUMENTS)),
        lambda backend: backend.counts(),
        lambda backend: backend.ensure_indices(),
        lambda backend: backend.suggest("flo", "en"),
    ],
    ids=["replace_items", "rebuild", "counts", "ensure_indices", "suggest"],
)
def test_every_operation_on_an_unreachable_server_is_unavailable(call):
    with pytest.raises(SearchUnavailable):
        call(new_backend(UNREACHABLE_URL))


# With a server ----------------------------------------------------------------------------


@pytest.mark.elasticsearch
@needs_server
class TestSearching:
    @pytest.mark.parametrize(
        ("language", "expected"),
        [("en", {101, 201, 301, 401, 501}), ("de", {102, 201, 301, 402, 501})],
    )
    def test_each_item_appears_once_in_the_language_shown_or_its_source(
        self, backend, language, expected
    ):
        result = search(backend, language)
        assert result.total == len(expected)
        assert set(ids(result)) == expected
        languages = {hit.page_id: hit.language for hit in result.hits}
        assert languages[301] == "de"
        assert languages[201] == "en"

    def test_or_within_a_facet(self, backend):
        result = search(backend, "en", region=["africa", "asia"])
        assert set(ids(result)) == {101, 201, 401}

    def test_and_across_facets(self, backend):
        result = search(backend, "en", region=["africa"], theme=["waste-management"])
        assert ids(result) == [401]

    def test_a_focal_theme_includes_its_topics(self, backend):
        result = search(backend, "de", theme=["municipal-services"])
        assert set(ids(result)) == {102, 201, 402}

    @pytest.mark.parametrize(
        ("language", "filters"),
        [
            ("en", {}),
            ("en", {"region": ["africa"]}),
            ("en", {"region": ["africa"], "theme": ["flood-management"]}),
            ("de", {"region": ["africa", "asia"], "type": ["practice", "event"]}),
            ("de", {"theme": ["municipal-services"], "year": ["2024"], "country": ["GH"]}),
        ],
    )
    def test_counts_are_disjunctive_and_true(self, backend, language, filters):
        result = search(backend, language, **filters)
        assert result.counts == brute_force_counts(language, filters)

    def test_counts_equal_what_clicking_gives(self, backend):
        result = search(backend, "en", region=["africa"])
        for value, count in result.counts["theme"].items():
            clicked = search(backend, "en", region=["africa"], theme=[value])
            assert clicked.total == count, value

    @pytest.mark.parametrize("text", ["flood", "floods", "FLOODS", "flood's"])
    def test_english_stemming(self, backend, text):
        assert set(ids(search(backend, "en", text))) == {101, 201}

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            # "Städte" in 301's summary; "Stadt" split from "Stadtverwaltung" (402) and
            # "Stadtentwicklung" (301).
            ("Städten", {301, 402}),
            ("Stadt", {301, 402}),
            # "Häuser" with its umlaut folded and its plural ending stemmed.
            ("Haus", {102}),
            # Compound parts: "Hochwasserschutzkonzept" is found by its last part.
            ("Konzept", {102}),
            ("Hochwasser", {102}),
        ],
    )
    def test_german_inflection_and_compounds(self, backend, text, expected):
        assert set(ids(search(backend, "de", text))) == expected

    def test_every_word_must_match(self, backend):
        assert ids(search(backend, "en", "flood heat")) == [201]
        assert ids(search(backend, "en", "flood dinosaurs")) == []

    def test_words_may_match_in_different_fields(self, backend):
        # "Manila" is in the title, "warning" only in the body.
        assert ids(search(backend, "en", "manila warning")) == [201]

    def test_text_is_only_text(self, backend):
        result = search(backend, "en", 'flood" OR (heat* title:x')
        assert ids(result) == []  # "title" and "x" are plain words no document has
        assert ids(search(backend, "en", 'flood" OR (heat*')) == [201]

    def test_stop_words_alone_find_nothing(self, backend):
        # "in" is a stop word in both languages, as on the database backend (search.contract).
        assert search(backend, "en", "in").total == 0
        assert search(backend, "de", "in").total == 0
        assert search(backend, "en", "").total == 5

    @pytest.mark.parametrize(
        ("language", "text"), [("en", "the"), ("en", "and the"), ("de", "und")]
    )
    def test_stop_words_of_one_language_find_nothing_in_either_index(self, backend, language, text):
        # "the" is no stop word in the German index, "und" none in the English one: each
        # search leaves out its own language's stop words before asking both indices.
        assert search(backend, language, text).total == 0
        assert ids(search(backend, "en", "the flood")) == ids(search(backend, "en", "flood"))

    def test_matches_are_marked_in_escaped_snippets(self, backend):
        hit = next(h for h in search(backend, "en", "floods").hits if h.page_id == 101)
        assert "<mark>floods</mark>" in hit.snippet
        hit = next(h for h in search(backend, "en", "channels").hits if h.page_id == 101)
        assert "<mark>channels</mark>" in hit.snippet

    def test_a_snippet_without_a_match_starts_the_summary_or_body(self, backend):
        hits = {h.page_id: h for h in search(backend, "en").hits}
        assert hits[101].snippet == "Drains and dykes protect homes from floods."
        assert hits[501].snippet.startswith("How municipalities support")

    def test_date_sort_newest_first_undated_last(self, backend):
        result = search(backend, "en", sort="date")
        assert ids(result) == [401, 101, 201, 301, 501]

    def test_pages_are_stable_and_complete(self, backend):
        pages = [ids(search(backend, "en", sort="date", page=n, page_size=2)) for n in (1, 2, 3)]
        assert pages == [[401, 101], [201, 301], [501]]
        assert search(backend, "en", page=2, page_size=2).total == 5

    def test_hits_carry_their_facets(self, backend):
        hit = next(h for h in search(backend, "en").hits if h.page_id == 201)
        assert hit.facets["region"] == ("asia",)
        assert hit.facets["year"] == ("2023",)
        assert hit.date == datetime.date(2023, 6, 10)
        assert hit.url == "/en/201/"

    def test_suggestions_complete_title_words(self, backend):
        titles = {s.title for s in backend.suggest("flo", "en")}
        assert titles == {"Flood protection in Accra", "Floods and heat in Manila"}
        assert {s.title for s in backend.suggest("Stadtentw", "de")} == {
            "Stadtentwicklung in Tiflis"
        }
        # Every word must be in the title.
        assert {s.title for s in backend.suggest("flood manila", "en")} == set()

    def test_counts_per_language_and_type(self, backend):
        assert backend.counts() == Counter((d.language, d.type) for d in DOCUMENTS)


@pytest.mark.elasticsearch
@needs_server
class TestIndexing:
    def test_ensure_indices_creates_each_languages_index_once(self, fresh_backend):
        assert len(fresh_backend.ensure_indices()) == len(LANGUAGES)
        assert fresh_backend.ensure_indices() == []
        assert search(fresh_backend, "en").total == 0

    def test_replace_items_removes_what_an_item_no_longer_has(self, fresh_backend):
        fresh_backend.replace_items({"a": list(DOCUMENTS[:2]), "d": list(DOCUMENTS[4:6])})
        assert set(ids(search(fresh_backend, "de"))) == {102, 402}

        # The German translation of item a is unpublished: the English one shows in German.
        english_only = doc(
            101, "a", "en", ("en", "de"), "practice", "Flood protection in Accra", "", "",
            datetime.date(2024, 3, 1), region=["africa"],
        )  # fmt: skip
        fresh_backend.replace_items({"a": [english_only]})
        result = search(fresh_backend, "de")
        assert set(ids(result)) == {101, 402}
        assert result.counts["region"] == {"africa": 2}

        # Item d is gone altogether.
        fresh_backend.replace_items({"d": []})
        assert set(ids(search(fresh_backend, "de"))) == {101}
        assert fresh_backend.counts() == {("en", "practice"): 1}

    def test_search_keeps_answering_during_a_rebuild(self, fresh_backend):
        fresh_backend.rebuild(DOCUMENTS)
        seen_during_rebuild = []

        def slowly(documents):
            for document in documents:
                # The new indices exist and are being filled; the aliases still point to
                # the old ones, which answer as before.
                seen_during_rebuild.append(search(fresh_backend, "en").total)
                yield document

        fewer = DOCUMENTS[:3]
        progress = []
        assert fresh_backend.rebuild(slowly(fewer), progress=progress.append) == 3
        assert seen_during_rebuild == [5, 5, 5]
        assert progress == [3]
        assert set(ids(search(fresh_backend, "en"))) == {101, 201}

        # The old indices are gone: one index per language, behind its alias.
        indices = fresh_backend.writer.indices.get_alias(index=f"{fresh_backend.prefix}-*").body
        assert sorted(alias for info in indices.values() for alias in info["aliases"]) == [
            fresh_backend.alias(language) for language in LANGUAGES
        ]

    def test_a_failed_rebuild_leaves_the_index_as_it_was(self, fresh_backend):
        fresh_backend.rebuild(DOCUMENTS)

        def broken(documents):
            yield from documents
            raise RuntimeError("the database went away")

        with pytest.raises(RuntimeError):
            fresh_backend.rebuild(broken(DOCUMENTS[:2]))
        assert search(fresh_backend, "en").total == 5
        indices = fresh_backend.writer.indices.get_alias(index=f"{fresh_backend.prefix}-*").body
        assert len(indices) == len(LANGUAGES)

    def test_facets_the_backend_was_not_told_about_are_left_out(self, fresh_backend):
        fresh_backend.ensure_indices()
        strange = doc(
            9, "z", "en", ("en",), "practice", "Odd", "", "", None, colour=["blue"]
        )  # fmt: skip
        # Facets the backend was not told about are left out, not sent to the strict mapping.
        fresh_backend.replace_items({"z": [strange]})
        assert ids(search(fresh_backend, "en")) == [9]

    def test_an_unpublished_translation_is_gone_from_the_next_search(self, fresh_backend):
        # Written by bulk and deleted by query, both visible at once (no waiting for the
        # scheduled refresh): the item must never show twice, nor in no language at all.
        fresh_backend.replace_items({"a": list(DOCUMENTS[:2])})
        assert set(ids(search(fresh_backend, "de"))) == {102}
        english_only = doc(
            101, "a", "en", ("en", "de"), "practice", "Flood protection in Accra", "", "",
            datetime.date(2024, 3, 1), region=["africa"],
        )  # fmt: skip
        fresh_backend.replace_items({"a": [english_only]})
        assert set(ids(search(fresh_backend, "de"))) == {101}
        assert set(ids(search(fresh_backend, "en"))) == {101}

    def test_two_processes_making_the_first_indices_make_one_per_language(self, fresh_backend):
        import threading

        twin = ElasticsearchBackend.connect(
            ELASTICSEARCH_URL, prefix=fresh_backend.prefix, languages=LANGUAGES,
            facet_names=FACET_NAMES,
        )  # fmt: skip
        start = threading.Barrier(2)
        errors = []

        def ensure(backend):
            start.wait()
            try:
                backend.ensure_indices()
            except Exception as error:
                errors.append(error)

        threads = [threading.Thread(target=ensure, args=(b,)) for b in (fresh_backend, twin)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert errors == []
        indices = fresh_backend.writer.indices.get_alias(index=f"{fresh_backend.prefix}-*").body
        assert sorted(indices) == [fresh_backend.first_index_name(lang) for lang in LANGUAGES]
        fresh_backend.replace_items({"a": list(DOCUMENTS[:2])})
        assert set(ids(search(fresh_backend, "en"))) == {101}

    def test_a_facet_registered_later_is_indexed_without_a_rebuild(self, fresh_backend):
        fresh_backend.ensure_indices()
        later = ElasticsearchBackend.connect(
            ELASTICSEARCH_URL, prefix=fresh_backend.prefix, languages=LANGUAGES,
            facet_names=(*FACET_NAMES, "sdg"),
        )  # fmt: skip
        with_sdg = doc(
            9, "z", "en", ("en",), "practice", "Clean water", "", "", None, sdg=["6"]
        )  # fmt: skip
        later.replace_items({"z": [with_sdg]})
        facets = (*FACETS, FacetDefinition("sdg", "sdg", labels=lambda language: {}))
        result = later.search(SearchQuery.build("en", filters={"sdg": ["6"]}), facets)
        assert ids(result) == [9]
        assert result.counts["sdg"] == {"6": 1}

    def test_a_body_longer_than_the_highlight_limit_is_still_found(self, fresh_backend):
        long_body = "river " * 200_000 + "estuary"  # 1.2 million characters
        huge = doc(
            7, "h", "en", ("en",), "publication", "A long report", "", long_body, None
        )  # fmt: skip
        fresh_backend.replace_items({"h": [huge]})
        assert ids(search(fresh_backend, "en", "river")) == [7]
        assert ids(search(fresh_backend, "en", "estuary")) == [7]
