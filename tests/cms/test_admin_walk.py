"""The admin never answers 5xx: every role walks every admin URL with hostile query text.

The URLs are not a hand list: they are the admin's URL patterns that take no argument (listings,
choosers, reports, the admin API, every snippet viewset's list and chooser, forms), the page
explorer and page chooser of a page, and every registered bulk action. Searchable views get one
query of each kind of `tests.helpers.HOSTILE_QUERIES` as `q`; every URL also gets its other
common parameters (page, ordering, locale, filters, ids, next) set to hostile values.
"""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, resolve, reverse
from wagtail.admin.views.bulk_action.registry import bulk_action_registry
from wagtail.admin.views.generic.base import BaseListingView
from wagtail.models import Page
from wagtail_localize.operations import translate_object

from localization.roles.groups import EDITORS, MODERATORS, ensure_roles, translator_group_name
from pages.factories import (
    DocumentFactory,
    GoodPracticePageFactory,
    PartnerOrganisationFactory,
    PortalImageFactory,
)

# Views that must not be walked: they end the session or fail on purpose.
SKIPPED_NAMES = {"wagtailadmin_logout", "wagtailadmin_error_test"}
SKIPPED_ROUTES = {"admin/test404/"}
OTHER_PARAMETERS = (
    "p",
    "page",
    "ordering",
    "locale",
    "chooser_locale",
    "search",
    "collection_id",
    "tag",
    "parent",
    "region",
    "role",
    "content_type",
    "id",
    "export",
    "next",
)

# Slow and independent of the date: left out of `make test-clock`.
pytestmark = pytest.mark.undated

# Parameter values for OTHER_PARAMETERS (one request each per URL).
HOSTILE_VALUES = ("abc", "\x00", "99999999999999999999999")
# One of each kind of tests.helpers.HOSTILE_QUERIES (all of them go through every search entry point of the
# backend in tests/search/test_wagtail_backend.py; each request here costs a whole admin view).
WALK_QUERIES = (
    '"Tun',
    "it's a\\",
    "a AND OR NOT (b & !c | d:*",
    "Tun\x00isia",
    " ".join(["Tunisia"] * 2000),
    "Москва ЖКХ",
    "مدينة 城市",
)
BULK_IDS = ("abc", '"', "\x00", "1.5", "-1", "99999999999999999999999", "Москва")


def admin_routes(patterns=None, prefix=""):
    """(route, name) of every admin URL pattern."""
    for pattern in patterns if patterns is not None else get_resolver().url_patterns:
        route = prefix + str(pattern.pattern).lstrip("^").rstrip("$")
        if isinstance(pattern, URLResolver):
            yield from admin_routes(pattern.url_patterns, route)
        elif isinstance(pattern, URLPattern) and route.startswith("admin/"):
            yield route, pattern.name


def walked_urls(home):
    """(url, searchable) of every admin URL walked."""
    urls = {
        f"/{route}"
        for route, name in admin_routes()
        if "<" not in route
        and "(" not in route
        and "*" not in route
        and name not in SKIPPED_NAMES
        and route not in SKIPPED_ROUTES
    }
    urls |= {
        reverse(name, args=[home.pk])
        for name in (
            "wagtailadmin_explore",
            "wagtailadmin_explore_results",
            "wagtailadmin_choose_page_child",
        )
    }
    return sorted((url, searchable(url, urls)) for url in urls)


def searchable(url, urls):
    if url.endswith("/results/") and url.removesuffix("results/") in urls:
        return False  # the same view as its listing, which is searched
    view = resolve(url).func
    view_class = getattr(view, "view_class", None)
    if view_class is not None and issubclass(view_class, BaseListingView):
        return True
    return any(part in url for part in ("search", "choose", "/api/"))


def bulk_action_urls():
    bulk_action_registry._scan_for_bulk_actions()
    return sorted(
        f"/admin/bulk/{app_label}/{model_name}/{action}/"
        for app_label, models in bulk_action_registry.actions.items()
        for model_name, actions in models.items()
        for action in actions
    )


@pytest.fixture
def site(home, sections, taxonomy, locales):
    _de, en = locales
    ensure_roles()
    GoodPracticePageFactory(
        parent=sections["practices"],
        title="Tunis: Abfall",
        country=taxonomy["country"],
        themes=[taxonomy["topic"]],
        sdgs=[taxonomy["sdg"]],
    )
    PartnerOrganisationFactory(name="Stadt Tunis", short_name="TUN")
    PortalImageFactory(title="Tunis Medina")
    DocumentFactory(title="Tunis Bericht")
    translate_object(home, [en])
    translate_object(taxonomy["country"], [en])
    return Page.objects.get(pk=home.pk)


def user_for(role, django_user_model):
    if role == "admin":
        return django_user_model.objects.create_superuser("ada", "ada@example.org", "pw")
    user = django_user_model.objects.create_user(role, f"{role}@example.org", "pw")
    group = {"editor": EDITORS, "moderator": MODERATORS, "translator": translator_group_name("en")}
    user.groups.add(Group.objects.get(name=group[role]))
    return user


@pytest.mark.parametrize("role", ["admin", "editor", "moderator", "translator"])
def test_no_admin_url_answers_5xx(site, role, django_user_model):
    client = Client(raise_request_exception=False)
    client.force_login(user_for(role, django_user_model))
    failures, tried, searches, answers = [], 0, 0, {}

    def get(url, params):
        nonlocal tried, searches
        tried += 1
        searches += "q" in params
        response = client.get(url, params)
        answers[response.status_code] = answers.get(response.status_code, 0) + 1
        if response.status_code >= 500:
            failures.append((response.status_code, url, repr(params)[:80]))

    urls = walked_urls(site)
    for url, is_searchable in urls:
        for text in WALK_QUERIES if is_searchable else ():
            get(url, {"q": text})
        for value in HOSTILE_VALUES:
            get(url, dict.fromkeys(OTHER_PARAMETERS, value))
    bulk_urls = bulk_action_urls()
    for url in bulk_urls:
        for value in BULK_IDS:
            get(url, {"id": value})
        get(url, {"id": "all", "childOf": "999999"})
        get(url, {"id": "all", "childOf": "abc", "q": '"'})

    # The walk's figures, for the record (pytest -s shows them), then what it must show.
    searched = sum(is_searchable for _url, is_searchable in urls)
    server_errors = sum(count for status, count in answers.items() if status >= 500)
    print(
        f"\nadmin walk, {role}: {len(urls)} URLs ({searched} with a search box), "
        f"{len(bulk_urls)} bulk actions; {tried} requests, {searches} of them searches with "
        f"{len(WALK_QUERIES)} hostile query texts; 5xx: {server_errors}; "
        f"answers {dict(sorted(answers.items()))}"
    )
    assert failures == []
    assert server_errors == 0
    # The walk covered what it claims.
    assert len(urls) > 100
    assert searched > 25
    assert searches == searched * len(WALK_QUERIES) + len(bulk_urls)
    assert len(bulk_urls) >= 15
    assert answers[200] > (100 if role == "admin" else 20)
    assert get_user_model().objects.filter(is_active=True).count() == 1
