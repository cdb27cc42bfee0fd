"""The sitemap: every findable page of every language, each with its language versions.

Wagtail's own sitemap lists the default Site's page tree only, which is the German one: the
English pages live under the English home (a translation of the Site's root), so they were
missing. This one lists the findable pages (`search.documents.findable_pages`: the rule search
uses) of every locale, and gives each page that exists in more than one language its
`xhtml:link` alternates (itself included) and an `x-default` (the default language's version),
as Google documents for multilingual sitemaps. Django's `sitemap.xml` template renders the
alternates.
"""

from django.conf import settings
from django.db.models import Max
from wagtail.contrib.sitemaps.sitemap_generator import Sitemap

from search.documents import findable_pages


def language_order(code):
    codes = [c for c, _name in settings.LANGUAGES]
    return codes.index(code) if code in codes else len(codes)


class PortalSitemap(Sitemap):
    # URLs per file: the protocol allows 50,000; fewer keep each response quick. The site's
    # /sitemap.xml becomes an index of files when there are more (seo.views.sitemap).
    limit = 10_000

    def items(self):
        return (
            findable_pages()
            .filter(depth__gt=1)  # the tree's root is no page of the site
            .select_related("locale")
            .only(
                "id",
                "path",
                "depth",
                "url_path",
                "translation_key",
                "locale__language_code",
                "last_published_at",
                "latest_revision_created_at",
            )
            .order_by("path")
        )

    def get_latest_lastmod(self):
        # Django would compute lastmod for every item; the database knows the latest at once.
        return findable_pages().aggregate(latest=Max("last_published_at"))["latest"]

    def _urls(self, page, protocol, domain):
        pages = list(self.paginator.page(page).object_list)
        versions = {}
        for version in self.items().filter(translation_key__in={p.translation_key for p in pages}):
            versions.setdefault(version.translation_key, []).append(version)
        full_urls = {}

        def full_url(version):
            if version.pk not in full_urls:
                full_urls[version.pk] = version.get_full_url(self.request)
            return full_urls[version.pk]

        urls, last_mods = [], set()
        for item in pages:
            location = full_url(item)
            if not location:  # not under any Site: nowhere to be served
                continue
            info = {"item": item, "location": location, "lastmod": self.lastmod(item)}
            alternates = [
                {"lang_code": v.locale.language_code, "location": full_url(v)}
                for v in sorted(
                    versions.get(item.translation_key, [item]),
                    key=lambda v: language_order(v.locale.language_code),
                )
                if full_url(v)
            ]
            if len(alternates) > 1:
                default = next(
                    (a for a in alternates if a["lang_code"] == settings.LANGUAGE_CODE),
                    alternates[0],
                )
                info["alternates"] = [
                    *alternates,
                    {"lang_code": "x-default", "location": default["location"]},
                ]
            urls.append(info)
            last_mods.add(info["lastmod"])
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls
