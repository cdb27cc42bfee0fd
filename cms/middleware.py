"""Project-wide middleware."""

import logging

from django.conf import settings
from django.core.exceptions import PermissionDenied, SuspiciousOperation
from django.http import Http404
from django.middleware.locale import LocaleMiddleware
from django.urls import Resolver404, get_resolver, resolve

logger = logging.getLogger("django.request")


class PortalLocaleMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware, minus its redirect of 404s outside the language prefixes.

    Django redirects a 404 to the same path under /de/ when that path would resolve there, and
    Wagtail's catch-all page route resolves everything: /api/v2/pages/99999/ would become a
    redirect to /de/api/v2/pages/99999/. Machine-facing paths must answer their own 404.
    """

    unprefixed = (
        "/api/",
        "/admin/",
        "/documents/",
        "/sitemap",
        "/robots.txt",
        "/static/",
        "/media/",
    )

    def process_response(self, request, response):
        if request.path_info.startswith(self.unprefixed):
            response.headers.setdefault("Content-Language", request.LANGUAGE_CODE)
            return response
        return super().process_response(request, response)


class PortalErrorPagesMiddleware:
    """The portal's own 404 and 500 pages with DEBUG on, too (`make run` shows what visitors see).

    With DEBUG off, Django already answers through `handler404` and `handler500`; with it on,
    it shows its technical pages (URL patterns, settings) instead. This middleware, last in
    MIDDLEWARE, answers through the same handlers in both cases: unresolvable paths and Http404
    from a view get the 404 page, any other exception the 500 page, with its traceback logged
    to the console. The middleware above it (language redirects, Wagtail's redirects) sees the
    same 404 responses as in production.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if settings.DEBUG:
            try:
                resolve(request.path_info, getattr(request, "urlconf", None))
            except Resolver404 as error:
                return self._handler(request, 404)(request, error)
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not settings.DEBUG or isinstance(exception, PermissionDenied | SuspiciousOperation):
            return None  # production handles it already; 403/400 keep Django's behaviour
        if isinstance(exception, Http404):
            return self._handler(request, 404)(request, exception)
        logger.error(
            "Internal Server Error: %s",
            request.path,
            exc_info=exception,
            extra={"request": request},
        )
        return self._handler(request, 500)(request)

    @staticmethod
    def _handler(request, status):
        return get_resolver(getattr(request, "urlconf", None)).resolve_error_handler(status)
