"""/sitemap.xml (an index of files once the site outgrows one) and /robots.txt."""

from django.conf import settings
from django.contrib.sitemaps import views as sitemap_views
from django.http import Http404, HttpResponse
from django.urls import reverse
from django.utils import translation
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET
from wagtail.models import Site

from seo.sitemap import PortalSitemap

SECTION = "pages"


def _sitemaps(request):
    return {SECTION: PortalSitemap(request)}


@require_GET
def sitemap(request):
    """The sitemap itself while it fits one file, else an index of its files."""
    sitemaps = _sitemaps(request)
    if sitemaps[SECTION].paginator.num_pages > 1:
        return sitemap_views.index(request, sitemaps, sitemap_url_name="sitemap_section")
    return sitemap_views.sitemap(request, sitemaps)


@require_GET
def sitemap_section(request, section):
    """One file of a large sitemap (`?p=2` and on for the second and later)."""
    if section != SECTION:
        raise Http404(f"No sitemap section {section!r}.")
    return sitemap_views.sitemap(request, _sitemaps(request), section=section)


@require_GET
@cache_control(max_age=3600, public=True)
def robots_txt(request):
    """Crawlers keep out of the admin, the APIs and search result pages with parameters (an
    endless number of them, all `noindex`); the sitemap says where everything else is."""
    lines = ["User-agent: *", "Disallow: /admin/", "Disallow: /api/"]
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            lines.append(f"Disallow: {reverse('search')}?")
    # The Site's address, like every URL in the sitemap (seo.addresses).
    site = Site.find_for_request(request)
    root = site.root_url if site else request.build_absolute_uri("/").rstrip("/")
    lines += ["", f"Sitemap: {root}{reverse('sitemap')}", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
