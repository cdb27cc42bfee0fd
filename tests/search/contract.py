"""The search contract, written once and run against every backend.

`ContractCases` is collected by the test modules that subclass it; its tests take the
`backend` fixture (tests/search/conftest.py: the database always, Elasticsearch when
ELASTICSEARCH_URL is set) and the `search_site` fixture: a small real bilingual site, indexed.

What a search must show is computed here a second time, by brute force straight from the ORM
(`Oracle`): live pages, view restrictions on the page or an ancestor, the item's languages,
country → region, themes with their focal themes, type and date. It shares no code with
`search.documents`.
"""

from __future__ import annotations

import datetime
import itertools
import random
from collections import Counter
from dataclasses import dataclass

import pytest
from wagtail.models import Page, PageViewRestriction

from pages.models import (
    EventPage,
    GoodPracticePage,
    NewsPage,
    PublicationPage,
    SupportedProjectPage,
)
from search import service
from search.contract import MAX_QUERY_CHARS, SearchQuery, SearchResult
from search.registry import facet_definitions
from search.service import InvalidParameter
from tests.search.conftest import SECRET

LANGUAGES = ("de", "en")
FACETS = ("region", "theme", "country", "type", "year")
TYPES = {
    GoodPracticePage: "practice",
    EventPage: "event",
    SupportedProjectPage: "project",
    NewsPage: "news",
    PublicationPage: "publication",
}


# Brute force ------------------------------------------------------------------------------


def page_date(page):
    if isinstance(page, EventPage):
        return page.start_date
    if isinstance(page, NewsPage):
        return page.date
    if isinstance(page, PublicationPage):
        return datetime.date(page.year, 1, 1) if page.year else None
    if isinstance(page, SupportedProjectPage) and page.period_start:
        return page.period_start
    return page.first_published_at.date() if page.first_published_at else None


def page_facets(page) -> dict[str, set[str]]:
    facets = {"type": {TYPES[type(page)]}}
    country = getattr(page, "country", None)
    if country is not None:
        facets["country"] = {country.slug}
        facets["region"] = {country.region.slug}
    elif isinstance(page, NewsPage | PublicationPage):
        facets["region"] = {region.slug for region in page.regions.all()}
    themes = set()
    for theme in page.themes.all():
        themes.add(theme.slug)
        if theme.parent_id:
            themes.add(theme.parent.slug)
    facets["theme"] = themes
    date = page_date(page)
    if date:
        facets["year"] = {str(date.year)}
    return {name: values for name, values in facets.items() if values}


@dataclass
class Shown:
    page: Page
    language: str
    facets: dict[str, set[str]]


class Oracle:
    """What a search in each language must show, from the page tables alone."""

    def __init__(self):
        restricted = list(PageViewRestriction.objects.values_list("page__path", flat=True))
        items = {}
        for model in TYPES:
            # Aliases are untranslated copies of their source, which stands for them already.
            for page in model.objects.filter(live=True, alias_of__isnull=True).select_related(
                "locale"
            ):
                if any(page.path.startswith(path) for path in restricted):
                    continue
                items.setdefault(page.translation_key, []).append(page)
        self.shown = {}
        for language in LANGUAGES:
            shown = {}
            for pages in items.values():
                own = [p for p in pages if p.locale.language_code == language]
                # Else the item's source: the first of its pages (translations are copies).
                for page in own or [min(pages, key=lambda p: p.pk)]:
                    shown[page.pk] = Shown(page, page.locale.language_code, page_facets(page))
            self.shown[language] = shown

    def ids(self, language, filters=None, excluded=None):
        return {
            pk
            for pk, item in self.shown[language].items()
            if matches(item.facets, filters or {}, excluded)
        }

    def counts(self, language, filters):
        """Disjunctive counts: each facet with every other facet's selection applied."""
        counts = {}
        for name in FACETS:
            counted = Counter(
                value
                for item in self.shown[language].values()
                if matches(item.facets, filters, excluded=name)
                for value in item.facets.get(name, ())
            )
            if counted:
                counts[name] = dict(counted)
        return counts

    def values(self):
        """Every (facet, value) some shown item has."""
        return sorted(
            {
                (name, value)
                for shown in self.shown.values()
                for item in shown.values()
                for name, values in item.facets.items()
                for value in values
            }
        )


def matches(facets, filters, excluded=None):
    return all(
        set(values) & facets.get(name, set())
        for name, values in filters.items()
        if name != excluded and values
    )


# Helpers ----------------------------------------------------------------------------------


def search(backend, language, text="", sort="relevance", page=1, page_size=100, **filters):
    query = SearchQuery.build(
        language, text=text, filters=filters, sort=sort, page=page, page_size=page_size
    )
    return backend.search(query, facet_definitions())


def ids(result):
    return [hit.page_id for hit in result.hits]


def nonzero(counts):
    return {
        name: {value: n for value, n in values.items() if n}
        for name, values in counts.items()
        if any(values.values())
    }


def pk(site, name):
    return site["pages"][name].pk


def pks(site, *names):
    return {pk(site, name) for name in names}


def combine(*selections):
    filters = {}
    for name, value in selections:
        filters.setdefault(name, []).append(value)
    return filters


def run(backend, monkeypatch, params, language="en"):
    """A search the way the views make it: parameters parsed, then run with `backend`."""
    monkeypatch.setattr(service, "search_backend", lambda: backend)
    result = service.run(service.parse_query(params, language))
    # Answered by `backend` itself, not by the database standing in for a failing server.
    assert (result.backend, result.notices) == (backend.name, ())
    return result


# Each is searched as its words: those marked True find exactly what "flood" finds.
HOSTILE = [
    ('"flood', True),
    ('"flood"', True),
    ('"" flood ""', True),
    ("flood AND", True),
    ("OR flood", True),
    ("NOT flood", True),
    ("flood NOT", True),
    ("(flood)", True),
    ("[flood] {flood}", True),
    ("flood*", True),
    ("-flood", True),
    ("+flood -", True),
    ("flood:", True),
    ("flood^", True),
    ("flood~", True),
    ("🌊 flood 🌊", True),
    ("flood\x00", True),
    ("flood\x07\x1b", True),
    ("flood' OR ''='", True),
    ("flood %_\\", True),
    ("*", False),
    ("title:", False),
    (":", False),
    ("^", False),
    ("\x00", False),
    ("<b>flood</b>", False),
    ("<script>alert(1)</script>", False),
    ("flood; DROP TABLE portal_search_indexentry; --", False),
    ("' OR 1=1 --", False),
]

FLOOD = ("accra_en", "manila_en", "partners_en", "manila_streets")


class ContractCases:
    """Every backend answers these the same way."""

    # Language isolation and fallback ------------------------------------------------------

    def test_each_language_shows_exactly_the_live_public_items_once(self, backend, search_site):
        oracle = Oracle()
        for language in LANGUAGES:
            result = search(backend, language)
            assert set(ids(result)) == set(oracle.shown[language])
            assert result.total == len(oracle.shown[language])
            assert len(ids(result)) == result.total
            keys = Page.objects.filter(pk__in=ids(result)).values_list("translation_key", flat=True)
            assert len(set(keys)) == result.total, "an item appeared twice"
            for hit in result.hits:
                assert hit.language == oracle.shown[language][hit.page_id].language

    def test_german_and_english_searches_show_their_own_translations(self, backend, search_site):
        german = {hit.page_id: hit for hit in search(backend, "de").hits}
        english = {hit.page_id: hit for hit in search(backend, "en").hits}
        for name in ("accra", "bangkok", "loerrach", "manila", "guide", "partners"):
            assert pk(search_site, name) in german
            assert pk(search_site, f"{name}_en") not in german
            assert pk(search_site, f"{name}_en") in english
            assert pk(search_site, name) not in english
            assert german[pk(search_site, name)].language == "de"
            assert english[pk(search_site, f"{name}_en")].language == "en"
        assert english[pk(search_site, "accra_en")].title == "Flood protection in Accra"
        assert german[pk(search_site, "accra")].title == "Hochwasserschutz in Accra"

    def test_items_missing_in_a_language_appear_once_marked_with_theirs(self, backend, search_site):
        for language, names, other in [
            ("en", ("chiang_mai", "webinar", "kumasi", "heat_plans"), "de"),
            ("de", ("manila_streets", "business_guide"), "en"),
        ]:
            query = SearchQuery.build(language, page_size=100)
            raw = backend.search(query, facet_definitions())
            result = service.assemble(query, raw, facet_definitions(), backend.name)
            hits = {hit.page_id: hit for hit in result.hits}
            for name in names:
                hit = hits[pk(search_site, name)]
                assert hit.language == other
                assert hit.in_other_language
            assert [h for h in result.hits if h.in_other_language] == [
                h for h in result.hits if h.language != language
            ]
        # The unpublished English translation does not replace its German source.
        english = ids(search(backend, "en", "Bürgerdienste"))
        assert english == [pk(search_site, "chiang_mai")]

    def test_an_item_in_another_language_is_found_by_its_own_words(self, backend, search_site):
        assert ids(search(backend, "de", "flooding")) == [pk(search_site, "manila_streets")]
        assert ids(search(backend, "en", "Bürgerbüro")) == [pk(search_site, "chiang_mai")]

    # Privacy --------------------------------------------------------------------------------

    def test_drafts_private_pages_and_unpublished_text_are_never_found(self, backend, search_site):
        hidden = {page.pk for page in search_site["hidden"].values()}
        for language in LANGUAGES:
            assert search(backend, language, SECRET).total == 0
            for word in ("Entwurfstext", "Passwort", "Citizen", "privaten"):
                assert search(backend, language, word).total == 0, word
            every = search(backend, language)
            assert not hidden & set(ids(every))
            for filters in ({"country": ["jo"]}, {"theme": ["urban-heat"]}, {"year": ["2023"]}):
                assert search(backend, language, SECRET, **filters).total == 0
                assert not hidden & set(ids(search(backend, language, **filters)))
        # The live text of a page with an unpublished draft is what is found.
        found = search(backend, "de", "Handwerk")
        assert ids(found) == [pk(search_site, "loerrach")]
        assert found.hits[0].title == "Holzgewerbegebiet Lörrach"
        assert SECRET not in found.hits[0].snippet

    def test_hidden_pages_add_nothing_to_the_counts(self, backend, search_site):
        # The draft, private and internal pages are practices in Jordan, the Philippines and
        # Ghana about urban heat: none of that may be counted.
        result = search(backend, "de", type=["practice"])
        counts = nonzero(result.counts)
        assert "jo" not in counts.get("country", {})
        assert "ph" not in counts.get("country", {})
        assert counts["country"].get("gh") == 1
        assert "urban-heat" not in counts.get("theme", {})
        assert result.total == 4

    # Facet semantics ------------------------------------------------------------------------

    def test_or_within_a_facet_and_across_facets(self, backend, search_site):
        asia = pks(search_site, "bangkok", "chiang_mai", "manila", "partners", "manila_streets")
        africa = pks(search_site, "accra", "kumasi", "partners", "business_guide")
        assert set(ids(search(backend, "de", region=["asia"]))) == asia
        assert set(ids(search(backend, "de", region=["africa"]))) == africa
        assert set(ids(search(backend, "de", region=["asia", "africa"]))) == asia | africa
        climate = set(ids(search(backend, "de", theme=["climate-adaptation"])))
        both = search(backend, "de", region=["asia"], theme=["climate-adaptation"])
        assert (
            set(ids(both))
            == asia & climate
            == pks(search_site, "manila", "partners", "manila_streets")
        )
        three = search(backend, "de", region=["asia", "africa"], type=["news", "practice"])
        assert set(ids(three)) == pks(
            search_site, "bangkok", "chiang_mai", "partners", "manila_streets", "accra"
        )
        assert search(backend, "de", region=["europe"], country=["th"]).total == 0

    def test_a_focal_theme_includes_its_topics(self, backend, search_site):
        for language in LANGUAGES:
            focal = set(ids(search(backend, language, theme=["climate-adaptation"])))
            topics = set(ids(search(backend, language, theme=["flood-protection", "urban-heat"])))
            assert focal == topics
            assert focal
        query = SearchQuery.build("en")
        raw = backend.search(query, facet_definitions())
        result = service.assemble(query, raw, facet_definitions(), backend.name)
        themes = {value.value: value for value in result.facet("theme").values}
        climate = themes["climate-adaptation"]
        assert climate.label == "Climate adaptation"
        assert {child.value for child in climate.children} == {"flood-protection", "urban-heat"}
        assert climate.count >= max(child.count for child in climate.children)
        assert "flood-protection" not in themes  # shown under its focal theme only

    def test_disjunctive_counts_equal_a_brute_force_count(self, backend, search_site):
        oracle = Oracle()
        values = [*oracle.values(), ("year", "2019")]
        selections = [(v,) for v in values]
        selections += list(itertools.combinations(values, 2))
        triples = list(itertools.combinations(values, 3))
        selections += random.Random(4).sample(triples, 40)
        assert len(selections) > 300
        for language in LANGUAGES:
            for selection in selections:
                filters = combine(*selection)
                result = search(backend, language, **filters)
                expected = oracle.ids(language, filters)
                context = f"{language} {filters}"
                assert set(ids(result)) == expected, context
                assert result.total == len(expected), context
                assert nonzero(result.counts) == oracle.counts(language, filters), context

    def test_counts_with_text_equal_what_each_selection_finds(self, backend, search_site):
        for language, text in [("de", "Stadt"), ("en", "cities"), ("en", "flood")]:
            for filters in [{}, {"region": ["asia"]}, {"region": ["asia"], "type": ["news"]}]:
                result = search(backend, language, text, **filters)
                for name in FACETS:
                    # The counts of a facet are those of the search without its selection.
                    others = {k: v for k, v in filters.items() if k != name}
                    wider = search(backend, language, text, **others)
                    expected = Counter(v for hit in wider.hits for v in hit.facets.get(name, ()))
                    got = {v: n for v, n in result.counts.get(name, {}).items() if n}
                    assert got == dict(expected), f"{language} {text} {filters} {name}"

    def test_counts_equal_the_total_that_clicking_gives(self, backend, search_site):
        bases = [
            ("de", "", {}),
            ("en", "", {"region": ["asia"]}),
            ("de", "", {"region": ["asia", "africa"], "theme": ["climate-adaptation"]}),
            ("en", "flood", {"year": ["2024"]}),
            ("de", "Stadt", {"type": ["news", "practice"]}),
        ]
        checked = 0
        for language, text, filters in bases:
            query = SearchQuery.build(language, text=text, filters=filters)
            raw = backend.search(query, facet_definitions())
            result = service.assemble(query, raw, facet_definitions(), backend.name)
            for facet in result.facets:
                for value in (v for top in facet.values for v in (top, *top.children)):
                    if facet.name in filters:
                        # With values chosen already, a count is what choosing it alone gives.
                        clicked = query.replace(filters={**filters, facet.name: [value.value]})
                    else:
                        clicked = query.toggled(facet.name, value.value)
                        assert value.value in clicked.selected(facet.name)
                    total = backend.search(clicked, facet_definitions()).total
                    assert total == value.count, f"{query} {facet.name}={value.value}"
                    checked += 1
        assert checked > 40

    # Full text ------------------------------------------------------------------------------

    def test_every_word_must_match(self, backend, search_site):
        assert set(ids(search(backend, "en", "flood manila"))) == pks(
            search_site, "manila_en", "manila_streets"
        )
        assert ids(search(backend, "en", "flood accra")) == [pk(search_site, "accra_en")]
        assert set(ids(search(backend, "en", "Accra"))) == pks(
            search_site, "accra_en", "business_guide"
        )
        assert search(backend, "en", "flood kumasi").total == 0
        assert search(backend, "de", "Amman Werkstatt").total == 1
        assert search(backend, "de", "Amman Hitze").total == 0

    def test_stop_words_are_not_required(self, backend, search_site):
        assert set(ids(search(backend, "en", "the flooding of the streets"))) == pks(
            search_site, "manila_streets"
        )
        assert ids(search(backend, "de", "die Hitze und die Überschwemmung")) == [
            pk(search_site, "manila")
        ]

    def test_english_inflections_are_found(self, backend, search_site):
        flood = pks(search_site, *FLOOD)
        for word in ("flood", "floods", "flooding", "flooded", "Flood"):
            assert set(ids(search(backend, "en", word))) >= flood, word
        assert pk(search_site, "manila_en") in ids(search(backend, "en", "city"))
        assert pk(search_site, "partners_en") in ids(search(backend, "en", "cities"))

    def test_german_inflections_are_found(self, backend, search_site):
        flooding = pks(search_site, "accra", "manila")
        for word in ("Überschwemmung", "Überschwemmungen", "überschwemmung"):
            assert set(ids(search(backend, "de", word))) >= flooding, word
        cities = pks(search_site, "accra", "manila", "heat_plans", "kumasi", "partners")
        for word in ("Stadt", "Städte", "Städten"):
            found = set(ids(search(backend, "de", word)))
            assert found >= cities, word
            assert pk(search_site, "loerrach") not in found

    def test_snippets_mark_the_words_found(self, backend, search_site):
        result = search(backend, "en", "flooding")
        hits = {hit.page_id: hit for hit in result.hits}
        snippet = hits[pk(search_site, "manila_streets")].snippet
        assert "<mark>flooded</mark>" in snippet or "<mark>Flooding</mark>" in snippet
        result = search(backend, "de", "Überschwemmung")
        for hit in result.hits:
            assert "<mark>" in hit.snippet

    # Sorting and paging ---------------------------------------------------------------------

    def test_a_title_match_ranks_above_a_body_match(self, backend, search_site):
        english = search(backend, "en", "buses")
        assert ids(english)[:2] == [pk(search_site, "bangkok_en"), pk(search_site, "partners_en")]
        german = search(backend, "de", "Mobilität")
        assert ids(german)[:2] == [pk(search_site, "bangkok"), pk(search_site, "manila")]

    def test_sort_by_date_puts_the_newest_first(self, backend, search_site):
        english = search(backend, "en", "buses", sort="date")
        assert ids(english)[:2] == [pk(search_site, "partners_en"), pk(search_site, "bangkok_en")]
        for language in LANGUAGES:
            for text in ("", "Accra", "Stadt"):
                dates = [hit.date for hit in search(backend, language, text, sort="date").hits]
                known = [d for d in dates if d is not None]
                assert known == sorted(known, reverse=True)
                assert dates[: len(known)] == known, "undated items come last"
        newest = search(backend, "de", sort="date").hits[0]
        assert newest.page_id == pk(search_site, "partners")

    def test_pages_partition_the_results(self, backend, search_site):
        for language, text, sort in itertools.product(
            LANGUAGES, ("", "Stadt", "city"), ("relevance", "date")
        ):
            everything = search(backend, language, text, sort=sort, page_size=100)
            assert everything.total > 0 or text
            seen = []
            pages = -(-everything.total // 3)
            for number in range(1, pages + 1):
                page = search(backend, language, text, sort=sort, page=number, page_size=3)
                assert page.total == everything.total
                assert len(page.hits) == (3 if number < pages else everything.total - len(seen))
                seen += ids(page)
            assert seen == ids(everything), f"{language} {text!r} {sort}"
            assert len(set(seen)) == len(seen)
            after = search(backend, language, text, sort=sort, page=pages + 1, page_size=3)
            assert after.hits == ()

    def test_hits_carry_what_cards_show(self, backend, search_site):
        query = SearchQuery.build("en", text="Amman", filters={"type": ["event"]})
        raw = backend.search(query, facet_definitions())
        result = service.assemble(query, raw, facet_definitions(), backend.name)
        assert isinstance(result, SearchResult)
        (hit,) = result.hits
        page = search_site["pages"]["amman_workshop_en"]
        assert hit.page_id == page.pk
        assert hit.title == "Waste management workshop in Amman"
        assert hit.url == page.get_url()
        assert (hit.type, hit.language, hit.date.isoformat()) == ("event", "en", "2023-09-20")
        assert set(hit.facets["region"]) == {"mena"}
        assert set(hit.facets["country"]) == {"jo"}
        assert set(hit.facets["theme"]) == {"waste-management", "municipal-services"}
        # Labels in the visitor's language, the source language where no translation exists.
        assert hit.labels["country"] == ("Jordan",)
        assert hit.labels["region"] == ("Naher Osten und Nordafrika",)
        assert not hit.in_other_language

    # Hostile input, through the service like the views ---------------------------------------

    @pytest.mark.parametrize(("text", "finds_flood"), HOSTILE)
    def test_syntax_in_the_text_is_only_text(
        self, backend, search_site, monkeypatch, text, finds_flood
    ):
        results = {}
        for language in LANGUAGES:
            result = results[language] = run(backend, monkeypatch, {"q": [text]}, language)
            assert isinstance(result, SearchResult)
            assert "\x00" not in result.query.text
            assert len(result.hits) == min(result.total, 10)
            for hit in result.hits:
                assert "<b>" not in hit.snippet and "<script" not in hit.snippet
        if finds_flood:
            assert set(ids(results["en"])) == pks(search_site, *FLOOD), repr(text)
            assert ids(results["de"]) == [pk(search_site, "manila_streets")], repr(text)

    @pytest.mark.parametrize("text", ["NEAR(flood manila, 2)", "flood NEAR manila"])
    def test_operators_are_searched_as_words(self, backend, search_site, monkeypatch, text):
        for language in LANGUAGES:
            # "near" is a word that no page contains.
            assert run(backend, monkeypatch, {"q": [text]}, language).total == 0, language
        assert ids(run(backend, monkeypatch, {"q": ["flood (manila)"]}, "en")) == ids(
            run(backend, monkeypatch, {"q": ["flood manila"]}, "en")
        )

    @pytest.mark.parametrize("text", ["(", '"', "-", "*", "?!", "🌊", "\u200b", '"" () --'])
    def test_a_text_without_words_is_no_text(self, backend, search_site, monkeypatch, text):
        for language in LANGUAGES:
            everything = run(backend, monkeypatch, {}, language)
            result = run(backend, monkeypatch, {"q": [text]}, language)
            assert result.total == len(Oracle().shown[language]) == everything.total
            assert ids(result) == ids(everything), (language, repr(text))
            assert result.facets == everything.facets

    @pytest.mark.parametrize(
        ("text", "language"),
        [
            ("the", "en"),
            ("AND OR NOT", "en"),
            ("to be or not to be", "en"),
            # A German-only item shown in English says "will"; to English, a stop word.
            ("will", "en"),
            ("und die", "de"),
        ],
    )
    def test_a_text_of_stop_words_only_finds_nothing(
        self, backend, search_site, monkeypatch, text, language
    ):
        result = run(backend, monkeypatch, {"q": [text]}, language)
        assert (result.total, result.hits) == (0, ())
        assert all(value.count == 0 for facet in result.facets for value in facet.values)

    def test_stop_words_of_another_language_are_words(self, backend, search_site, monkeypatch):
        # "and", "or" and "not" are English stop words, but words to a German search.
        assert run(backend, monkeypatch, {"q": ["AND OR NOT"]}, "de").total == 0
        assert ids(run(backend, monkeypatch, {"q": ["will"]}, "de")) == [
            pk(search_site, "chiang_mai")
        ]
        assert ids(run(backend, monkeypatch, {"q": ["die Hitze"]}, "de")) == ids(
            run(backend, monkeypatch, {"q": ["Hitze"]}, "de")
        )

    def test_emoji_control_and_format_characters_are_ignored(
        self, backend, search_site, monkeypatch
    ):
        plain = ids(run(backend, monkeypatch, {"q": ["Manila"]}, "en"))
        assert set(plain) == pks(search_site, "manila_en", "manila_streets")
        for text in ("🌊Manila🌊", "Manila\x00", "\x00Manila\x1f", "Ma\u200bnila", "Ma\u00adnila"):
            assert ids(run(backend, monkeypatch, {"q": [text]}, "en")) == plain, repr(text)

    def test_a_very_long_query_is_cut(self, backend, search_site, monkeypatch):
        for text in ("flood " * 1700, "x" * 10_000, "(flood* " * 1250, "ü" * 10_000):
            result = run(backend, monkeypatch, {"q": [text]}, "en")
            assert len(result.query.text) <= MAX_QUERY_CHARS
        long = run(backend, monkeypatch, {"q": ["flood " * 1700]}, "en")
        assert set(ids(long)) == set(ids(run(backend, monkeypatch, {"q": ["flood"]}, "en")))

    @pytest.mark.parametrize(
        ("params", "language", "param"),
        [
            ({"region": ["atlantis"]}, "en", "region"),
            ({"theme": ["asia"]}, "de", "theme"),
            ({"country": ["TH"]}, "en", "country"),
            ({"country": ["th", "xx"]}, "en", "country"),
            ({"type": ["page"]}, "en", "type"),
            ({"year": ["20x4"]}, "en", "year"),
            ({"year": ["99999"]}, "en", "year"),
            ({"region": ["asia\x00"]}, "en", "region"),
            ({}, "fr", "lang"),
            ({}, "", "lang"),
            ({"sort": ["newest"]}, "en", "sort"),
            ({"sort": ["date;drop"]}, "en", "sort"),
            ({"page": ["abc"]}, "en", "page"),
            ({"page": ["0"]}, "en", "page"),
            ({"page": ["-1"]}, "en", "page"),
            ({"page": ["1.5"]}, "en", "page"),
            ({"page": ["١"]}, "en", "page"),  # an Arabic-Indic digit
            ({"page": ["99999999999999999999"]}, "en", "page"),
        ],
    )
    def test_a_bad_parameter_is_named(self, backend, search_site, params, language, param):
        with pytest.raises(InvalidParameter) as raised:
            service.parse_query(params, language)
        assert raised.value.param == param
        assert raised.value.status == 400
        assert raised.value.message

    def test_known_values_of_every_facet_are_accepted(self, backend, search_site, monkeypatch):
        params = {
            "region": ["asia", "mena"],
            "theme": ["climate-adaptation", "flood-protection"],
            "country": ["th", "ph"],
            "type": ["news", "event"],
            "year": ["2024", "2019"],
            "sort": ["date"],
            "page": ["1"],
        }
        result = run(backend, monkeypatch, params, "en")
        assert result.query.selected("region") == ("asia", "mena")
        assert result.query.sort == "date"
        assert ids(result) == [pk(search_site, "manila_en")]

    def test_a_page_past_the_end_is_not_found(self, backend, search_site, monkeypatch):
        total = run(backend, monkeypatch, {}, "de").total
        last = -(-total // 10)
        assert run(backend, monkeypatch, {"page": [str(last)]}, "de").hits
        with pytest.raises(InvalidParameter) as raised:
            run(backend, monkeypatch, {"page": [str(last + 1)]}, "de")
        assert (raised.value.param, raised.value.status) == ("page", 404)
        # Nothing found is an empty first page, not a missing page.
        assert run(backend, monkeypatch, {"q": ["nichtda"]}, "de").total == 0
