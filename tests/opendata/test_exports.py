"""CSV and JSON downloads: exactly what the same search selects, every page of it, in the URL's
language, with stable columns and the licence; the search's errors for bad parameters."""

import csv
import io
import json

import pytest
from bs4 import BeautifulSoup

from opendata.columns import KINDS
from search import service
from tests.search.conftest import SECRET

pytestmark = pytest.mark.django_db


def download(client, url, params=None):
    response = client.get(url, params or {})
    assert response.status_code == 200, response.content
    assert response.streaming
    body = b"".join(response.streaming_content).decode()
    assert SECRET not in body
    return response, body


def csv_rows(body):
    return list(csv.DictReader(io.StringIO(body)))


def search_titles(language, params):
    """Titles of every hit of the same search (all its pages), through the search service."""
    query = service.parse_query(params, language).replace(page_size=1000)
    return [hit.title for hit in service.run(query).hits]


def test_practices_as_csv_in_english(client, search_site):
    response, body = download(client, "/en/open-data/practices.csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == (
        'attachment; filename="connective-cities-practices-en.csv"'
    )
    assert response["Link"] == '<https://creativecommons.org/licenses/by/4.0/>; rel="license"'
    rows = csv_rows(body)
    assert list(rows[0]) == [column.name for column in KINDS["practices"].columns]
    assert [row["title"] for row in rows] == search_titles("en", {"type": ["practice"]})
    accra = next(row for row in rows if row["city"] == "Accra")
    page = search_site["pages"]["accra_en"]
    assert accra["id"] == str(page.pk)
    assert accra["item"] == str(page.translation_key)
    assert accra["language"] == "en"
    assert accra["title"] == "Flood protection in Accra"
    assert accra["url"] == f"http://localhost{page.url}"
    assert accra["country"] == "Ghana"
    assert accra["country_code"] == "GH"
    assert accra["region"] == "Africa"
    assert accra["region_slug"] == "africa"
    assert accra["themes"] == "Flood protection"
    assert accra["theme_slugs"] == "flood-protection"
    chiang_mai = next(row for row in rows if row["city"] == "Chiang Mai")
    assert chiang_mai["language"] == "de"  # not translated (its translation is a draft)
    assert chiang_mai["title"] == "Bürgerdienste in Chiang Mai"
    assert len(rows) == 4  # no draft, private page, page under a private section


@pytest.mark.parametrize(
    ("language", "params"),
    [
        ("de", {"region": ["asia"]}),
        ("en", {"q": ["flood"]}),
        ("de", {"theme": ["climate-adaptation"], "sort": ["date"]}),
        ("en", {"year": ["2024"], "country": ["th", "de"]}),
        ("en", {"type": ["event", "practice"], "q": ["bangkok"]}),
    ],
)
def test_a_download_holds_exactly_what_the_search_selects(client, search_site, language, params):
    for kind in ("practices", "events"):
        _response, body = download(client, f"/{language}/open-data/{kind}.csv", params)
        key = KINDS[kind].type
        selection = {**params, "type": [key]} if key in params.get("type", [key]) else None
        expected = search_titles(language, selection) if selection else []
        assert [row["title"] for row in csv_rows(body)] == expected


def test_a_type_selection_without_the_downloads_type_selects_nothing(client, search_site):
    _response, body = download(client, "/en/open-data/practices.csv", {"type": "news"})
    assert csv_rows(body) == []
    assert body.startswith("id,item,language,title,url")


def test_events_as_json_in_german(client, search_site):
    response, body = download(client, "/de/open-data/events.json", {"sort": "date"})
    assert response["Content-Type"] == "application/json"
    data = json.loads(body)
    assert data["type"] == "event"
    assert data["language"] == "de"
    assert data["licence"]["url"] == "https://creativecommons.org/licenses/by/4.0/"
    assert list(data["columns"]) == [column.name for column in KINDS["events"].columns]
    assert [item["title"] for item in data["items"]] == [
        "Dialogveranstaltung in Manila",
        "Werkstatt Abfallwirtschaft in Amman",
        "Webinar Radverkehr",
    ]
    manila = data["items"][0]
    assert manila["start_date"] == "2024-06-10"
    assert manila["format"] == "dialogue"
    assert manila["format_label"] == "Dialogveranstaltung"
    assert manila["online"] is False
    assert manila["country"] == "Philippinen"
    webinar = data["items"][2]
    assert webinar["online"] is True
    assert webinar["country"] == webinar["country_code"] == ""


def test_projects_as_json(client, search_site):
    _response, body = download(client, "/en/open-data/projects.json")
    items = json.loads(body)["items"]
    assert [item["title"] for item in items] == search_titles("en", {"type": ["project"]})
    assert {item["partner_municipality"] for item in items} == {"Greater Amman Municipality"}


def test_page_does_not_cut_a_download(client, search_site):
    _response, body = download(client, "/en/open-data/practices.csv", {"page": "2"})
    assert len(csv_rows(body)) == 4


@pytest.mark.parametrize(
    ("params", "parameter", "message"),
    [
        ({"region": "atlantis"}, "region", "Unknown value “atlantis” for “region”."),
        ({"sort": "random"}, "sort", "Unknown sort “random”; use one of: relevance, date."),
        ({"page": "0"}, "page", "The page must be a whole number from 1 to 1000."),
        ({"type": "person"}, "type", "Unknown value “person” for “type”."),
    ],
)
@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_bad_parameters_get_the_searchs_errors(
    client, search_site, params, parameter, message, fmt
):
    response = client.get(f"/en/open-data/practices.{fmt}", params)
    assert response.status_code == 400
    assert response.json() == {"error": {"parameter": parameter, "message": message}}


def test_unknown_downloads_are_not_found(client, search_site):
    assert client.get("/en/open-data/news.csv").status_code == 404
    assert client.get("/en/open-data/practices.xlsx").status_code == 404


def test_a_page_made_private_after_indexing_is_left_out(client, search_site):
    from tests.search.conftest import private

    private(search_site["pages"]["bangkok_en"])  # the index still holds it
    _response, body = download(client, "/en/open-data/practices.csv")
    assert "Clean buses in Bangkok" not in body
    assert len(csv_rows(body)) == 3


def test_search_page_and_index_pages_link_their_downloads(client, search_site):
    page = BeautifulSoup(
        client.get("/en/search/", {"q": "flood", "page": "1"}).content, "html.parser"
    )
    links = {a["href"] for a in page.select(".reuse__links a")}
    assert links == {
        "/en/open-data/practices.csv?q=flood",
        "/en/open-data/practices.json?q=flood",
        "/en/open-data/events.csv?q=flood",
        "/en/open-data/events.json?q=flood",
    }
    section = search_site["sections_en"]["practices"]
    page = BeautifulSoup(client.get(section.url).content, "html.parser")
    links = {a["href"] for a in page.select(".reuse__links a")}
    assert links == {
        "/en/feeds/practices.rss",
        "/en/feeds/practices.atom",
        "/en/open-data/practices.csv",
        "/en/open-data/practices.json",
    }


def test_the_readme_lists_every_column_in_order():
    from django.conf import settings

    readme = (settings.BASE_DIR / "README.md").read_text(encoding="utf-8")
    for name, kind in KINDS.items():
        line = f"  - `{name}`: " + ", ".join(f"`{column.name}`" for column in kind.columns)
        assert line in readme.splitlines(), name
