"""The search contract on every configured backend, and what only the database backend promises:
exact stemming of its Snowball stems, and a fixed number of SQL queries per search.

`TestContract` runs tests/search/contract.py against the `backend` fixture: the database
always, Elasticsearch too when ELASTICSEARCH_URL is set (its tests carry "elasticsearch" in
their ids).
"""

import datetime
import uuid
from types import SimpleNamespace

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.translation import override

from pages import factories, taxonomy_labels
from pages.models import Country, Region, Theme
from search import bitmaps, indexing, service
from search.backends.base import SearchUnavailable
from search.backends.database import DatabaseBackend
from search.contract import SearchQuery
from search.models import IndexEntry, IndexVersion
from search.registry import facet_definitions
from search.service import InvalidParameter
from search.text import query_terms
from tests.search.conftest import practice_text
from tests.search.contract import ContractCases, ids, pk, pks, search

pytestmark = pytest.mark.django_db

MAX_QUERIES = 12


class TestContract(ContractCases):
    """The shared contract cases (tests/search/contract.py)."""


def test_german_stems_match_exactly(search_site):
    backend = DatabaseBackend()
    cities = pks(search_site, "accra", "manila", "heat_plans", "kumasi", "partners")
    for word in ("Stadt", "Städte", "Städten", "stadt"):
        assert set(ids(search(backend, "de", word))) == cities, word
    flooding = pks(search_site, "accra", "manila")
    assert set(ids(search(backend, "de", "Überschwemmung"))) == flooding
    # Compounds are words of their own (no decompounding on the database backend).
    assert set(ids(search(backend, "de", "Hochwasserschutz"))) == pks(search_site, "accra")


def test_english_stems_match_exactly(search_site):
    backend = DatabaseBackend()
    flood = pks(search_site, "accra_en", "manila_en", "partners_en", "manila_streets")
    for word in ("flood", "floods", "flooding", "flooded"):
        assert set(ids(search(backend, "en", word))) == flood, word


def selective_query():
    return SearchQuery.build(
        "de",
        text="Stadt",
        filters={"region": ["asia", "africa", "europe"], "theme": ["climate-adaptation"]},
    )


def backend_queries(query):
    # The facet bitmaps load once per index change (one query more, whatever the size).
    bitmaps.current()
    with CaptureQueriesContext(connection) as captured:
        result = DatabaseBackend().search(query, facet_definitions())
    assert result.total > 0
    return len(captured)


def request_queries(params):
    """Queries of a whole search request: parsing (labels), the search, labelling."""
    taxonomy_labels.clear()  # each request starts with empty label caches
    bitmaps.current()
    with CaptureQueriesContext(connection) as captured:
        result = service.run(service.parse_query(params, "de"))
    assert result.total > 0 and result.backend == "database"
    return len(captured)


def grow(site, count=30):
    """`count` more regions, countries, themes and practices using them."""
    de = site["locales"]["de"]
    focal = site["themes"]["climate-adaptation"]
    for i in range(count):
        region = Region.objects.create(name=f"Region {i}", slug=f"region-{i}", locale=de)
        country = Country.objects.create(
            name=f"Land {i}",
            slug=f"{chr(97 + i // 26)}{chr(97 + i % 26)}",
            region=region,
            locale=de,
        )
        theme = Theme.objects.create(name=f"Thema {i}", slug=f"thema-{i}", parent=focal, locale=de)
        factories.GoodPracticePageFactory(
            parent=site["sections"]["practices"],
            title=f"Praxis {i} in der Stadt",
            country=country,
            themes=[theme, site["themes"]["local-economy"]],
            first_published_at=datetime.datetime(2020 + i % 5, 3, 1, tzinfo=datetime.UTC),
            teaser="Überschwemmungen in der Stadt.",
            **practice_text(),
        )
    DatabaseBackend().rebuild(indexing.all_documents())


def test_a_search_costs_the_same_few_queries_at_any_size(search_site, database_only, settings):
    # Counted with nothing served from the content cache: growing the site changes its
    # generation, so a warm count before and a cold one after would differ by the labels.
    settings.CONTENT_CACHE_SECONDS = 0
    params = {
        "q": ["Stadt"],
        "region": ["asia", "africa", "europe"],
        "theme": ["climate-adaptation"],
        "year": ["2022", "2023", "2024"],
    }
    plain = SearchQuery.build("de")
    few = [backend_queries(selective_query()), backend_queries(plain), request_queries(params)]
    assert max(few) <= MAX_QUERIES, few
    before = DatabaseBackend().search(plain, facet_definitions())
    grow(search_site)
    after = DatabaseBackend().search(plain, facet_definitions())
    assert after.total == before.total + 30
    assert len(after.counts["country"]) == len(before.counts["country"]) + 30
    assert len(after.counts["theme"]) == len(before.counts["theme"]) + 30
    many = [backend_queries(selective_query()), backend_queries(plain), request_queries(params)]
    assert many == few


def test_queries_do_not_grow_with_selected_values(search_site):
    one = backend_queries(SearchQuery.build("de", filters={"country": ["th"]}))
    five = backend_queries(
        SearchQuery.build("de", filters={"country": ["th", "ph", "gh", "de", "jo"]})
    )
    assert one == five <= MAX_QUERIES


def test_an_unreachable_elasticsearch_leaves_the_search_to_the_database(search_site, monkeypatch):
    from search.backends.elasticsearch import ElasticsearchBackend

    unreachable = ElasticsearchBackend.connect("http://127.0.0.1:9", prefix="test-unreachable")
    monkeypatch.setattr(service, "search_backend", lambda: unreachable)
    query = SearchQuery.build("de", text="Stadt")
    with override("en"):
        result = service.run(query)
    expected = DatabaseBackend().search(query, facet_definitions())
    assert (result.backend, result.total) == ("database", 5)
    assert [hit.page_id for hit in result.hits] == ids(expected)
    assert result.notices == (
        "Search is running in a simpler mode right now; results may differ slightly.",
    )
    suggestions = service.suggest("Accra", "en")
    assert [s.page_id for s in suggestions] == [pk(search_site, "accra_en")]


def test_a_failing_database_search_is_reported_not_retried(search_site, monkeypatch):
    calls = []

    def unavailable(self, query, facets):
        calls.append(query)
        raise SearchUnavailable("database locked")

    monkeypatch.setattr(DatabaseBackend, "search", unavailable)
    with pytest.raises(SearchUnavailable, match="database locked"):
        service.run(SearchQuery.build("de"))
    assert len(calls) == 1


def test_a_word_matches_only_text_in_its_own_language(search_site):
    backend = DatabaseBackend()
    # German "Pumpen" stems to the English word "pump": the English-only news about pumps,
    # shown in German searches, must not match it by German rules.
    assert query_terms("Pumpen", "de") == ("pump",)
    assert query_terms("Pumpen", "en") == ("pumpen",)
    assert ids(search(backend, "de", "Pumpen")) == []
    assert ids(search(backend, "de", "pumps")) == [pk(search_site, "manila_streets")]


def test_an_index_change_by_another_process_reloads_the_facet_bitmaps(search_site):
    before = bitmaps.current()
    assert bitmaps.current() is before  # an unchanged index is not loaded again
    accra = IndexEntry.objects.get(page_id=pk(search_site, "accra"))
    shown_before = bitmaps.members(before.shown["de"])
    assert accra.pk in shown_before
    # Another process removes an entry and writes a new version token: this process's
    # memory is told nothing but the token.
    IndexEntry.objects.filter(pk=accra.pk).delete()
    token = uuid.uuid4()
    IndexVersion.objects.filter(pk=1).update(token=token)
    assert str(IndexVersion.objects.get(pk=1)) == str(token)  # as the shell and logs show it
    after = bitmaps.current()
    assert bitmaps.members(after.shown["de"]) == [i for i in shown_before if i != accra.pk]
    assert bitmaps.current() is after
    # Without a token (an index never written) nothing loaded is trusted.
    IndexVersion.objects.all().delete()
    assert bitmaps.current() is not bitmaps.current()


def test_the_bitmaps_date_an_undated_entry_day_zero_and_a_dated_one_by_its_day(search_site):
    accra = IndexEntry.objects.get(page_id=pk(search_site, "accra"))
    dated = IndexEntry.objects.exclude(pk=accra.pk).filter(date__isnull=False).first()
    IndexEntry.objects.filter(pk=accra.pk).update(date=None)
    dates = bitmaps.load(None).dates
    assert dates[accra.pk] == (0, accra.pk)
    assert dates[dated.pk] == (dated.date.toordinal(), dated.pk)


def test_the_last_page_is_exact_and_the_next_is_not_found_with_the_page_count(
    search_site, database_only
):
    news = {"type": ["news"]}

    def page(number):
        return service.run(
            SearchQuery.build("de", filters=news, sort="date", page=number, page_size=1)
        )

    assert page(1).total == 3
    assert ids(page(3)) == [pk(search_site, "heat_plans")]
    with override("en"), pytest.raises(InvalidParameter) as raised:
        page(4)
    assert (raised.value.param, raised.value.status) == ("page", 404)
    assert raised.value.message == "There is no page 4: the search has 3."


def test_too_many_values_of_a_parameter_are_refused_with_the_parameter_named():
    too_many = [f"v{n}" for n in range(service.MAX_VALUES_PER_FACET + 1)]
    with override("en"), pytest.raises(InvalidParameter) as raised:
        service.check_values("theme", too_many, known=set(too_many))
    assert (raised.value.param, raised.value.message) == ("theme", "Too many values for “theme”.")
    service.check_values("theme", too_many[:-1], known=set(too_many))  # 50: accepted


def test_a_selected_value_without_hits_is_counted_zero(db):
    definition = next(d for d in facet_definitions() if d.name == "type")
    query = SearchQuery.build("de", filters={"type": ["news"]})
    facet = service._facet(definition, query, {}, {"news": "Neuigkeiten"})
    assert [(v.value, v.label, v.count, v.selected) for v in facet.values] == [
        ("news", "Neuigkeiten", 0, True)
    ]


def test_newest_first_puts_the_later_entry_of_a_day_first_and_undated_entries_last():
    """Entries of one day follow their ids, the latest first; undated ones (day 0) come after."""
    index = SimpleNamespace(dates={1: (740000, 11), 2: (740000, 12), 3: (0, 13), 4: (0, 14)})
    assert sorted([1, 2, 3, 4], key=DatabaseBackend._order(index, None)) == [2, 1, 4, 3]
    by_score = DatabaseBackend._order(index, {1: -0.5, 2: -0.5, 3: -0.9})
    assert sorted([1, 2, 3, 4], key=by_score) == [3, 2, 1, 4]
