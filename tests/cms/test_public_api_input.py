"""Hostile query parameters on every public machine endpoint: 200, or a 4xx that says why; never a 5xx.

Covers every documented parameter of Wagtail's API v2 (pages with each page type's filterable
fields, images, documents; listing, /find/ and detail) and the portal's own search,
suggestion, open data and calendar endpoints, against a small real bilingual site.
"""

import pytest
from django.test import Client
from wagtail.models import PageViewRestriction

from pages import api, factories
from pages.models import (
    EventPage,
    GoodPracticePage,
    HomePage,
    NewsPage,
    PublicationPage,
    StandardPage,
    SupportedProjectPage,
)
from tests import helpers

pytestmark = [pytest.mark.time_machine(helpers.NOW), pytest.mark.undated]

# One value of each kind that has broken something: quotes and NUL in search syntax, text far
# longer than a search box, integers beyond the database's, malformed numbers and dates, emoji,
# invisible and right-to-left characters, empty values.
HOSTILE = [
    '"city',
    "city\x00",
    "'(*",
    " a" * 1500,
    "99999999999999999999999",
    "-1",
    "1e3",
    "🚌\u202e\u200b",
    "",
    "2026-13-45",
    "-id,title(",
]

PAGE_TYPES = [
    HomePage,
    StandardPage,
    EventPage,
    GoodPracticePage,
    SupportedProjectPage,
    NewsPage,
    PublicationPage,
]


@pytest.fixture
def site(home, home_en, sections, taxonomy):
    image = factories.PortalImageFactory(title="Manila harbour")
    factories.DocumentFactory(title="City plan")
    event = factories.EventPageFactory(
        parent=sections["events"], title="Dialogue in Manila", hero_image=image
    )
    project = factories.SupportedProjectPageFactory(
        parent=sections["projects"], title="Clean buses", origin_event=event
    )
    factories.GoodPracticePageFactory(
        parent=sections["practices"], title="Flood warning", related_projects=[project]
    )
    factories.NewsPageFactory(parent=sections["news"], title="City news")
    factories.PublicationPageFactory(parent=sections["publications"], title="City report")
    standard = factories.StandardPageFactory(parent=home, title="About")
    PageViewRestriction.objects.create(
        page=standard, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    helpers.translate_page(sections["events"], home_en.locale, title="Events", slug="events")
    helpers.translate_page(event, home_en.locale, title="Dialogue in Manila (en)")
    return {"event": event, "image": image}


def fetch(client, path, params):
    """The problem with one request, or None when it answered (or redirected), or gave a 4xx
    with a message."""
    try:
        response = client.get(path, params)
    except Exception as error:  # a 500 in production
        return f"{path} {params!r}: {type(error).__name__}: {error}"[:300]
    status = response.status_code
    if status < 400:  # an answer, or /find/'s redirect to the object
        return None
    if not 400 <= status < 500:
        return f"{path} {params!r}: {status}"
    if not _message(response):
        return f"{path} {params!r}: {status} without a message"
    return None


def _message(response):
    if response.get("Content-Type", "").startswith("application/json"):
        body = response.json()
        error = body.get("error")
        return (error or {}).get("message") if isinstance(error, dict) else body.get("message")
    return response.content.decode(errors="replace").strip()


def hostile_requests(client, path, names, base=None):
    problems = []
    for name in names:
        for value in HOSTILE:
            problem = fetch(client, path, {**(base or {}), name: value})
            if problem:
                problems.append(problem)
    return problems


def api_parameters(viewset, model):
    return sorted(
        viewset.known_query_parameters
        | set(viewset.get_available_fields(model, db_fields_only=True))
    )


def test_issue_examples_answer_4xx_or_200(client, site):
    for url in [
        "/api/v2/pages/?search=%22city",
        "/api/v2/pages/?search=%00",
        "/api/v2/documents/?search=%22",
        "/api/v2/images/?search=%22",
        "/api/v2/pages/?search=city&search_operator=xx",
        "/api/v2/pages/?offset=99999999999999999999999",
    ]:
        assert client.get(url).status_code < 500, url
    assert client.get("/api/v2/pages/", {"search": "city", "search_operator": "xx"}).json() == {
        "message": "search_operator must be one of and, or"
    }
    beyond = client.get("/api/v2/pages/", {"offset": "9" * 30}).json()
    assert beyond["items"] == []
    assert beyond["meta"]["total_count"] > 0
    assert client.get("/api/v2/pages/", {"locale": "de\x00"}).json() == {
        "message": "locale must not contain a NUL character"
    }
    assert client.get("/api/v2/pages/find/", {"id": "abc"}).json() == {
        "message": "id must be a positive integer"
    }
    date_filter = client.get("/api/v2/pages/", {"type": "pages.EventPage", "start_date": "xx"})
    assert date_filter.status_code == 400
    assert date_filter.json()["message"].startswith("field filter error.")


def test_search_text_is_only_words(client, site):
    def titles(params):
        response = client.get("/api/v2/pages/", params)
        assert response.status_code == 200
        return sorted(item["title"] for item in response.json()["items"])

    assert titles({"search": '"Manila', "locale": "de"}) == ["Dialogue in Manila"]
    assert titles({"search": "Manila\x00", "locale": "de"}) == ["Dialogue in Manila"]
    assert titles({"search": '"', "locale": "de"}) == []
    documents = client.get("/api/v2/documents/", {"search": 'plan"'}).json()["items"]
    assert [item["title"] for item in documents] == ["City plan"]


def test_pages_listing(site):
    client = Client()
    # Wagtail's own parameters (type, child_of, locale, site, ...) and the fields of any page.
    names = api_parameters(api.PublicPagesAPIViewSet, HomePage)
    problems = hostile_requests(client, "/api/v2/pages/", names, {"limit": "1"})
    # Each page type's own filterable fields, with search and ordering on top.
    seen = set(names)
    for model in PAGE_TYPES:
        base = {"type": f"pages.{model.__name__}", "limit": "1"}
        own = [
            name
            for name in api_parameters(api.PublicPagesAPIViewSet, model)
            if name not in seen or name in {"search", "order", "offset", "fields"}
        ]
        seen.update(own)
        problems += hostile_requests(client, "/api/v2/pages/", own, base)
    assert problems == [], "\n".join(problems)


def test_pages_find_and_detail(site):
    client = Client()
    problems = hostile_requests(client, "/api/v2/pages/find/", ["html_path", "id"])
    detail = f"/api/v2/pages/{site['event'].pk}/"
    problems += hostile_requests(client, detail, ["fields", "rich_text_format", "format"])
    for pk in ["0", "99999999999999999999999"]:
        problem = fetch(client, f"/api/v2/pages/{pk}/", {})
        if problem:
            problems.append(problem)
    assert problems == [], "\n".join(problems)


@pytest.mark.parametrize(
    ("path", "viewset"),
    [
        ("/api/v2/images/", api.PortalImagesAPIViewSet),
        ("/api/v2/documents/", api.PortalDocumentsAPIViewSet),
    ],
)
def test_images_and_documents(site, path, viewset):
    client = Client()
    problems = hostile_requests(
        client, path, api_parameters(viewset, viewset.model), {"limit": "1"}
    )
    problems += hostile_requests(client, path + "find/", ["id"])
    problems += hostile_requests(client, f"{path}{viewset.model.objects.first().pk}/", ["fields"])
    problem = fetch(client, f"{path}99999999999999999999999/", {})
    if problem:
        problems.append(problem)
    assert problems == [], "\n".join(problems)


@pytest.mark.parametrize(
    ("path", "names", "base"),
    [
        (
            "/api/search/",
            ["lang", "q", "region", "theme", "country", "type", "year", "sort", "page"],
            {"lang": "en"},
        ),
        ("/api/search/suggest/", ["lang", "q"], {"lang": "en"}),
        (
            "/en/open-data/practices.json",
            ["q", "region", "theme", "country", "type", "year", "sort"],
            {},
        ),
        ("/en/calendar/events.ics", ["region", "theme", "format"], {}),
    ],
)
def test_portal_endpoints(site, path, names, base):
    problems = hostile_requests(Client(), path, names, base)
    assert problems == [], "\n".join(problems)


@pytest.mark.parametrize("text", ['"city', "city\x00", 'a"b', " a" * 1500])
def test_admin_search_takes_any_text(client, site, django_user_model, text):
    # The same search backend answers the editors' search in the admin.
    admin = django_user_model.objects.create_superuser("admin", "admin@example.org", "pw")
    client.force_login(admin)
    # 200, or the admin's own 400 for characters no form field takes (cms/admin_fixes.py).
    assert client.get("/admin/pages/search/", {"q": text}).status_code in (200, 400)
    assert client.get("/admin/documents/", {"q": text}).status_code in (200, 400)
