"""The search API at /api/search/: the MISSION shape, true counts, 400s naming the parameter."""

import pytest
from django.utils import timezone
from wagtail.models import Locale

from tests.search.conftest import built_for_module
from tests.search.test_views import HOSTILE, build_site

pytestmark = pytest.mark.django_db

URL = "/api/search/"
HIT_KEYS = {"title", "url", "type", "locale", "date", "snippet", "regions", "in_other_language"}
VALUE_KEYS = {"value", "label", "count", "selected"}


@pytest.fixture(scope="module")
def site(django_db_setup, django_db_blocker):
    yield from built_for_module(django_db_blocker, build_site)


def test_the_response_has_the_documented_shape(client, site):
    response = client.get(URL, {"lang": "en", "q": "Bangkok"})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    data = response.json()
    assert set(data) == {"total", "page", "pages", "results", "facets", "notices"}
    assert data["notices"] == []
    assert (data["total"], data["page"], data["pages"]) == (1, 1, 1)
    (hit,) = data["results"]
    assert set(hit) == HIT_KEYS
    bangkok_en = site["bangkok"].get_translation(Locale.objects.get(language_code="en"))
    assert hit == {
        "title": "Clean buses in Bangkok",
        "url": "http://testserver" + bangkok_en.url,
        "type": "practice",
        "locale": "en",
        "date": timezone.localtime(bangkok_en.first_published_at).date().isoformat(),
        "snippet": "Electric transport for <mark>Bangkok</mark>.",
        "regions": ["Asia"],
        "in_other_language": False,
    }
    assert list(data["facets"]) == ["region", "theme", "country", "type", "year"]
    for name, values in data["facets"].items():
        for value in values:
            assert set(value) == VALUE_KEYS | ({"children"} if name == "theme" else set())
    (focal,) = data["facets"]["theme"]
    assert focal == {
        "value": "municipal-services",
        "label": "Municipal services",
        "count": 1,
        "selected": False,
        "children": [
            {
                "value": "urban-mobility",
                "label": "Urban mobility",
                "count": 1,
                "selected": False,
                "children": [],
            }
        ],
    }


def test_counts_are_what_selecting_the_value_gives(client, site):
    """Disjunctive counts: a value's count is the total of the search with that facet's
    selection replaced by the value, every other facet's selection kept."""
    base = {"lang": "en", "region": "asia", "theme": "municipal-services"}
    data = client.get(URL, base).json()
    assert data["total"] == 3
    checked = 0
    for name, values in data["facets"].items():
        for value in values + [c for v in values for c in v.get("children", [])]:
            total = client.get(URL, {**base, name: value["value"]}).json()["total"]
            assert value["count"] == total, (name, value)
            checked += 1
    assert checked == 8


def test_the_language_defaults_to_german_and_fallbacks_are_marked(client, site):
    german = client.get(URL, {"q": "Chiang Mai"}).json()
    assert [(r["locale"], r["in_other_language"]) for r in german["results"]] == [("de", False)]
    english = client.get(URL, {"lang": "en", "q": "Chiang Mai"}).json()
    (hit,) = english["results"]
    assert (hit["title"], hit["locale"], hit["in_other_language"]) == (
        "Radwege in Chiang Mai",
        "de",
        True,
    )


def test_selected_values_are_flagged(client, site):
    data = client.get(URL, {"lang": "de", "region": "asia", "type": ["event", "practice"]}).json()
    assert [v for v in data["facets"]["region"] if v["selected"]] == [
        {"value": "asia", "label": "Asien", "count": 3, "selected": True}
    ]
    assert {v["value"] for v in data["facets"]["type"] if v["selected"]} == {"event", "practice"}
    assert data["total"] == 3


def test_pages_are_stable_and_complete(client, site):
    first = client.get(URL, {"lang": "en", "sort": "date"}).json()
    assert (first["total"], first["pages"]) == (4, 1)
    assert len({r["url"] for r in first["results"]}) == 4
    dates = [r["date"] for r in first["results"]]
    assert dates == sorted(dates, reverse=True)


@pytest.mark.parametrize(
    ("params", "parameter", "status"),
    [
        ({"lang": "xx"}, "lang", 400),
        ({"lang": ""}, "lang", 400),
        ({"region": "atlantis"}, "region", 400),
        ({"theme": ["urban-mobility", "nonsense"]}, "theme", 400),
        ({"country": "XX"}, "country", 400),
        ({"type": "spaceship"}, "type", 400),
        ({"year": "1066x"}, "year", 400),
        ({"sort": "best"}, "sort", 400),
        ({"page": "abc"}, "page", 400),
        ({"page": "0"}, "page", 400),
        ({"page": "1.5"}, "page", 400),
        ({"page": "99999"}, "page", 400),
        ({"page": "2"}, "page", 404),  # past the end
    ],
)
def test_a_bad_parameter_answers_an_error_naming_it(client, site, params, parameter, status):
    response = client.get(URL, {"lang": "en", **params})
    assert response.status_code == status
    error = response.json()["error"]
    assert set(error) == {"parameter", "message"}
    assert error["parameter"] == parameter
    assert error["message"]


def test_error_messages_are_in_the_language_asked_for(client, site):
    response = client.get(URL, {"lang": "de", "sort": "best"})
    assert response.json()["error"]["message"].startswith("Unbekannte Sortierung")


def test_only_get_is_allowed(client, site):
    assert client.post(URL, {"lang": "en"}).status_code == 405
    assert client.put(URL).status_code == 405
    assert client.delete(URL).status_code == 405


def test_hostile_text_is_only_text(client, site, subtests):
    for text in HOSTILE:
        with subtests.test(text=text[:40]):
            response = client.get(URL, {"lang": "en", "q": text})
            assert response.status_code == 200
            assert set(response.json()) >= {"total", "page", "pages", "results", "facets"}
    quoted = client.get(URL, {"lang": "en", "q": '"clean buses" AND NOT (Bangkok)*'}).json()
    assert [r["title"] for r in quoted["results"]] == ["Clean buses in Bangkok"]


def test_no_bad_input_answers_500(client, site):
    junk = ["", " ", "%", "\x00", "🚌", "a" * 5000, "NaN", "-0", "1e3", "０", "²"]
    for name in ["lang", "q", "region", "theme", "country", "type", "year", "sort", "page"]:
        for value in junk:
            status = client.get(URL, {"lang": "en", name: value}).status_code
            assert status in (200, 400), (name, value, status)
    # Bytes that are not UTF-8 at all.
    assert client.get(URL + "?lang=en&q=%ff%fe").status_code == 200
    assert client.get(URL + "?lang=en&region=%ff%fe").status_code == 400
