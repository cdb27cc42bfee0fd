"""Project-wide middleware."""

from django.middleware.locale import LocaleMiddleware


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
