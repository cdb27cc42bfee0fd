from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from cms import admin_fixes, media, security
from localization.visitors import views as visitor_views
from pages import routing
from pages.api import api_router
from search import api as search_api
from search import views as search_views
from seo import views as seo_views

urlpatterns = [
    # Ahead of Wagtail's own bulk action URL (the same path): see cms.admin_fixes.
    path(
        "admin/bulk/<str:app_label>/<str:model_name>/<str:action>/",
        admin_fixes.bulk_action,
    ),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/search/", search_api.search, name="search_api"),
    path("api/search/suggest/", search_api.suggest, name="search_suggest"),
    path("api/v2/", api_router.urls),
    path("sitemap.xml", seo_views.sitemap, name="sitemap"),
    path("sitemap-<slug:section>.xml", seo_views.sitemap_section, name="sitemap_section"),
    path("robots.txt", seo_views.robots_txt, name="robots_txt"),
]

if settings.MEDIA_URL == "/media/":
    # Uploaded images from MEDIA_ROOT, in every environment (documents go through /documents/).
    urlpatterns.append(path("media/<path:path>", media.serve, name="media"))

# Everything visitors read lives under /de/ or /en/; "/" redirects by the browser's language.
urlpatterns += i18n_patterns(
    # Wagtail's page password form, throttled (before wagtail_urls, which has the same path).
    path(
        "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/",
        security.authenticate_with_password,
        name="wagtailcore_authenticate_with_password",
    ),
    path("search/", search_views.search, name="search"),
    path("", include("syndication.urls")),
    path("", include("opendata.urls")),
    path("", include("community.newsletter.urls")),
    path("", include("community.proposals.urls")),
    path("", include("community.experts.urls")),
    path(
        "unavailable/<int:page_id>/",
        visitor_views.translation_unavailable,
        name="translation_unavailable",
    ),
    # Wagtail's page serving, with its routing remembered (pages.routing).
    re_path(wagtail_urls.serve_pattern, routing.serve, name="wagtail_serve"),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)

handler404 = "pages.views.page_not_found"
handler500 = "pages.views.server_error"
