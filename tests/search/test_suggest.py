"""Suggestions while typing, on every backend (the database always, Elasticsearch when
ELASTICSEARCH_URL is set), and the API at /api/search/suggest/; every hit of a search for
exports, in the search's order."""

import pytest

from search import service
from search.contract import SearchQuery
from tests.search.conftest import SECRET

pytestmark = pytest.mark.django_db


def titles(backend, prefix, language):
    return [s.title for s in backend.suggest(prefix, language)]


@pytest.mark.parametrize(
    ("prefix", "language", "expected"),
    [
        # The last word is being typed: the start of a title word is enough.
        (
            "flo",
            "en",
            [
                "Flood protection in Accra",
                "Flooding in Manila streets",
                "New partner cities against floods",
            ],
        ),
        ("Mobilität mit Elek", "de", ["Mobilität mit Elektrobussen in Bangkok"]),
        # Case and accents do not matter.
        ("MOBILITAT", "de", ["Mobilität mit Elektrobussen in Bangkok"]),
        ("lörr", "en", ["Timber business park in Lörrach"]),
        # Every word must be in the title; earlier words whole.
        ("flood accra", "en", ["Flood protection in Accra"]),
        ("flood bangkok", "en", []),
        ("flo accra", "en", []),
        # Untranslated items are suggested in their source language, as search shows them.
        ("bürger", "en", ["Bürgerdienste in Chiang Mai"]),
        ("flooding", "de", ["Flooding in Manila streets"]),
    ],
)
def test_titles_with_every_word(backend, search_site, prefix, language, expected):
    assert sorted(titles(backend, prefix, language)) == sorted(expected)


def test_suggestions_say_where_and_what(backend, search_site):
    (found,) = backend.suggest("clean bu", "en")
    page = search_site["pages"]["bangkok_en"]
    assert (found.page_id, found.title, found.url, found.type, found.language) == (
        page.pk,
        "Clean buses in Bangkok",
        page.url,
        "practice",
        "en",
    )


@pytest.mark.parametrize("prefix", ["zebra", "entwurf", "privat", "intern", "citizen"])
def test_pages_nobody_may_find_are_never_suggested(backend, search_site, prefix):
    for language in ("de", "en"):
        assert not [t for t in titles(backend, prefix, language) if SECRET in t]


def test_database_orders_title_starts_first_then_shorter_titles(search_site):
    from search.backends.database import DatabaseBackend

    # "in" is in many titles; those starting with the word would come first (none here),
    # then the shortest.
    found = titles(DatabaseBackend(), "in", "en")
    assert len(found) == 8
    assert [len(t) for t in found] == sorted(len(t) for t in found)


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"q": "flood"},
        {"region": ["asia"], "sort": "date"},
        {"theme": ["climate-adaptation"]},
        {"type": ["practice", "news"], "q": "in"},
    ],
)
@pytest.mark.parametrize("language", ["de", "en"])
def test_every_hit_for_exports_in_the_searchs_order(backend, search_site, params, language):
    query = service.parse_query(
        {k: v if isinstance(v, list) else [v] for k, v in params.items()}, language
    )
    everything = backend.search(query.replace(page_size=1000), ())
    assert list(backend.matching_page_ids(query)) == [hit.page_id for hit in everything.hits]
    assert len(everything.hits) == everything.total


def test_every_hit_in_batches(search_site):
    from search.backends.database import DatabaseBackend

    backend = DatabaseBackend()
    query = SearchQuery.build("de")
    assert list(backend.matching_page_ids(query, batch=3)) == list(backend.matching_page_ids(query))


class TestApi:
    def test_suggestions_in_json(self, client, search_site):
        response = client.get("/api/search/suggest/", {"lang": "en", "q": "clean bu"})
        assert response.status_code == 200
        page = search_site["pages"]["bangkok_en"]
        assert response.json() == {
            "suggestions": [
                {
                    "title": "Clean buses in Bangkok",
                    "url": f"http://testserver{page.url}",
                    "type": "practice",
                    "type_label": "Good practice",
                    "language": "en",
                }
            ]
        }
        assert response["Cache-Control"] == "public, max-age=60"

    def test_labels_in_the_language_asked_for(self, client, search_site):
        response = client.get("/api/search/suggest/", {"lang": "de", "q": "hitze"})
        assert response.json()["suggestions"][0]["type_label"] == "Aktuelles"

    @pytest.mark.parametrize("q", ["", "a", " ", '"(', "\x00"])
    def test_nothing_below_two_characters(self, client, search_site, q):
        response = client.get("/api/search/suggest/", {"lang": "en", "q": q})
        assert response.status_code == 200
        assert response.json() == {"suggestions": []}

    @pytest.mark.parametrize("q", ['"clean" AND bu*', "<script>", "🚌 clean", "x" * 5000])
    def test_hostile_input_is_only_words(self, client, search_site, q):
        response = client.get("/api/search/suggest/", {"lang": "en", "q": q})
        assert response.status_code == 200
        assert isinstance(response.json()["suggestions"], list)

    def test_an_unknown_language_is_refused(self, client, search_site):
        response = client.get("/api/search/suggest/", {"lang": "fr", "q": "flood"})
        assert response.status_code == 400
        assert response.json() == {
            "error": {
                "parameter": "lang",
                "message": "Unbekannte Sprache „fr“; möglich sind: de, en.",
            }
        }

    def test_only_get(self, client, search_site):
        assert client.post("/api/search/suggest/", {"lang": "en", "q": "flood"}).status_code == 405
