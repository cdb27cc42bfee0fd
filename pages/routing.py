"""Wagtail's page serving with its look-ups remembered in pages.content_cache.

Wagtail finds the page of a URL anew on every request: the Site of the host, the Locale of the
language, the site's root page and its translation, then for each path segment the child page
and its specific row, then every ancestor (aliases) and their view restrictions. That is 7 to 9
queries before a page renders, the same answers every time until published content changes.
Here they are kept under the content cache's generation token, so any publish, unpublish,
move, slug change, privacy rule or site change makes them stale at once (pages.page_cache):

- `CachedSiteMiddleware` puts the request's Site on the request (`request._wagtail_site`, the
  attribute `Site.find_for_request` documents as its cache) from the content cache.
- `serve` (the `wagtail_serve` URL) remembers, per site, language and path, which page the path
  routes to (id and model, only for plain routes without view arguments, never for unknown
  paths). On a hit the page is loaded in one query, with its locale, hero image and country,
  and given to Wagtail as the request's route (`request._wagtail_route_for_request`, the
  attribute `Page.route_for_request` documents as its cache); Wagtail's own `serve` then runs
  its hooks (view restrictions, the page cache's mark) and the page's `serve`, as usual.
- `BasePage.get_view_restrictions` answers "none" from the cache for pages without any
  restriction on them or their ancestors (pages.models.base).

Without `CONTENT_CACHE_SECONDS` every request routes through Wagtail as before.
"""

from __future__ import annotations

from django.apps import apps
from django.utils import translation
from wagtail import views as wagtail_views
from wagtail.models import Page, Site
from wagtail.url_routing import RouteResult

from pages import content_cache


def cached_site(request):
    """The request's Site (or None), cached per host and port."""
    if not hasattr(request, "_wagtail_site"):
        request._wagtail_site = content_cache.get_or_build(
            "site",
            request.get_host(),
            request.get_port(),
            build=lambda: Site.find_for_request(request),
        )
    return request._wagtail_site


class CachedSiteMiddleware:
    """Sets the request's Site from the content cache (see the module's docstring)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        cached_site(request)
        return self.get_response(request)


def _route_entry(request, path):
    """(page id, model label) of a plain route of `path` for this request, else None."""
    route = Page.route_for_request(request, path)
    if route is None:
        return None
    page, args, kwargs = route
    if args or kwargs:
        return None
    return page.pk, page._meta.label_lower


# Loaded with the page where it has them: every page shows them (head metadata, hero, place).
SERVE_RELATED = ("locale", "hero_image", "country")


def _load(entry):
    pk, label = entry
    model = apps.get_model(label)
    names = {field.name for field in model._meta.get_fields()}
    related = [name for name in SERVE_RELATED if name in names]
    return model.objects.filter(pk=pk, live=True).select_related(*related).first()


def serve(request, path):
    """Wagtail's `serve` view, with the route from the content cache when it knows it."""
    site = cached_site(request)
    if site is not None and content_cache.seconds():
        language = translation.get_language()
        entry = content_cache.get_or_build(
            "route",
            site.pk,
            language,
            "/".join(part for part in path.split("/") if part),
            build=lambda: _route_entry(request, path),
            keep=lambda value: value is not None,
        )
        if entry is not None and not hasattr(request, "_wagtail_route_for_request"):
            page = _load(entry)
            if page is not None:
                request._wagtail_route_for_request = RouteResult(page)
    return wagtail_views.serve(request, path)
