"""What the <head> says about a page to search engines and to the sites it is shared on.

`head_metadata(context)` gives the canonical URL, Open Graph and Twitter card values with an
image rendition, and the JSON-LD objects that fit the page (schema.org, with the properties
Google documents as required or recommended):

- the home page: `Organization` and `WebSite` (with the search as a `SearchAction`);
- events: `Event` (dates, attendance mode, a `Place` with its address and/or a
  `VirtualLocation`, status, organisers, image);
- news: `NewsArticle` (headline, image, dates, author, publisher);
- every page below a home page: `BreadcrumbList`.

Absolute URLs start with the Site's root URL (the configured base URL, see seo.addresses),
like the sitemap's and the hreflang links.
"""

from __future__ import annotations

import json
from urllib.parse import urlencode

from django.conf import settings
from django.templatetags.static import static
from django.urls import reverse
from django.utils import translation
from django.utils.safestring import mark_safe
from wagtail.models import Page, Site

from pages.models import EventPage, HomePage, NewsPage
from pages.templatetags.portal_tags import breadcrumb_pages, defining_params, portal_home

# Open Graph and Twitter recommend 1.91:1 at 1200 px wide; JPEG, which every scraper reads.
SHARE_IMAGE_SPEC = "fill-1200x630|format-jpeg|jpegquality-80"
SHARE_IMAGE_FALLBACK = ("images/share.png", 1200, 630)
LOGO = "images/logo.png"
# og:locale wants language_TERRITORY.
OG_LOCALES = {"de": "de_DE", "en": "en_GB"}
# JSON inside <script>: nothing may close the element or open a comment.
JSON_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def site_root(request):
    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        site = Site.objects.filter(is_default_site=True).first()
    return site.root_url if site else ""


def absolute(request, url):
    return f"{site_root(request)}{url}" if url and url.startswith("/") else url


def canonical_url(context):
    """The page's own URL (for an alias, the page it shows) or the view's path, with only the
    parameters that define what is shown."""
    request, page = context.get("request"), context.get("page")
    params = defining_params(context)
    query = f"?{urlencode(params)}" if params else ""
    if isinstance(page, Page) and page.pk:
        target = page.alias_of.specific if page.alias_of_id else page
        url = target.get_full_url(request)
        return f"{url}{query}" if url else None
    if request is None:
        return None
    return absolute(request, request.path) + query


def share_image(context, page, home):
    """{"url", "width", "height", "alt"}: the page's hero image, else the home page's, else
    the portal's share picture."""
    request = context.get("request")
    for candidate in (page, home):
        image = getattr(candidate, "hero_image", None)
        if image is not None:
            rendition = image.get_rendition(SHARE_IMAGE_SPEC)
            return {
                "url": absolute(request, rendition.url),
                "width": rendition.width,
                "height": rendition.height,
                "alt": getattr(candidate, "hero_alt", "") or image.title,
            }
    path, width, height = SHARE_IMAGE_FALLBACK
    return {
        "url": absolute(request, static(path)),
        "width": width,
        "height": height,
        "alt": "Connective Cities",
    }


def organization(request, home):
    return {
        "@type": "Organization",
        "@id": f"{site_root(request)}/#organization",
        "name": "Connective Cities",
        "url": home.get_full_url(request) if home else site_root(request) + "/",
        "logo": absolute(request, static(LOGO)),
    }


def website(request, home, language):
    with translation.override(language):
        search = absolute(request, reverse("search"))
    return {
        "@type": "WebSite",
        "name": "Connective Cities",
        "url": home.get_full_url(request),
        "inLanguage": language,
        "publisher": {"@id": f"{site_root(request)}/#organization"},
        "potentialAction": {
            "@type": "SearchAction",
            "target": {"@type": "EntryPoint", "urlTemplate": f"{search}?q={{search_term_string}}"},
            "query-input": "required name=search_term_string",
        },
    }


def event(request, page, url, image):
    from pages import taxonomy_labels

    modes = {
        (True, False): "OnlineEventAttendanceMode",
        (False, True): "OfflineEventAttendanceMode",
        (True, True): "MixedEventAttendanceMode",
    }
    physical = bool(page.city or page.venue)
    locations = []
    if physical:
        address = {"@type": "PostalAddress", "addressLocality": page.city}
        if page.country_id:
            address["addressCountry"] = page.country.iso_code
        locations.append(
            {
                "@type": "Place",
                "name": page.venue or page.city,
                "address": address,
            }
        )
    if page.online:
        # The page says how to join; it is the event's online address.
        locations.append({"@type": "VirtualLocation", "url": url})
    organisers = [
        {"@type": "Organization", "name": taxonomy_labels.label(organiser)}
        for organiser in page.organisers.all()
    ] or [{"@id": f"{site_root(request)}/#organization"}]
    data = {
        "@type": "Event",
        "name": page.title,
        "description": page.search_description or page.teaser,
        "startDate": page.start_date.isoformat(),
        "endDate": page.end_date.isoformat(),
        "eventStatus": "https://schema.org/EventScheduled",
        "eventAttendanceMode": "https://schema.org/"
        + modes.get((page.online, physical), "OfflineEventAttendanceMode"),
        "location": locations[0] if len(locations) == 1 else locations,
        "image": [image["url"]],
        "url": url,
        "inLanguage": page.locale.language_code,
        "organizer": organisers[0] if len(organisers) == 1 else organisers,
    }
    return data


def news_article(request, page, url, image):
    publisher = {
        "@type": "Organization",
        "name": "Connective Cities",
        "logo": {"@type": "ImageObject", "url": absolute(request, static(LOGO))},
    }
    return {
        "@type": "NewsArticle",
        "headline": page.title[:110],
        "description": page.search_description or page.teaser,
        "image": [image["url"]],
        "datePublished": page.date.isoformat(),
        "dateModified": (page.last_published_at or page.date).isoformat(),
        "author": [
            {"@type": "Organization", "name": "Connective Cities", "url": site_root(request) + "/"}
        ],
        "publisher": publisher,
        "mainEntityOfPage": url,
        "inLanguage": page.locale.language_code,
    }


def breadcrumbs(context, page, url):
    request = context.get("request")
    crumbs = breadcrumb_pages(context)
    if not crumbs:
        return None
    items = [
        {
            "@type": "ListItem",
            "position": number,
            "name": crumb.title,
            "item": crumb.get_full_url(request),
        }
        for number, crumb in enumerate(crumbs, start=1)
    ]
    items.append({"@type": "ListItem", "position": len(items) + 1, "name": page.title, "item": url})
    return {"@type": "BreadcrumbList", "itemListElement": items}


def json_ld(data):
    """A `<script type="application/ld+json">` body: JSON that cannot end the element."""
    text = json.dumps({"@context": "https://schema.org", **data}, ensure_ascii=False)
    return mark_safe(text.translate(JSON_SCRIPT_ESCAPES))  # noqa: S308 - escaped above


def head_metadata(context):
    request, page = context.get("request"), context.get("page")
    page = page if isinstance(page, Page) and page.pk else None
    home = portal_home(context)
    language = translation.get_language()
    canonical = canonical_url(context)
    image = share_image(context, page, home)
    title = (page.seo_title or page.title) if page else context.get("meta_title", "")
    description = ""
    if page is not None:
        description = page.search_description or getattr(page, "teaser", "") or ""
    structured = []
    if isinstance(page, HomePage):
        structured += [organization(request, home or page), website(request, page, language)]
    elif isinstance(page, EventPage):
        structured.append(event(request, page, canonical, image))
    elif isinstance(page, NewsPage):
        structured.append(news_article(request, page, canonical, image))
    if page is not None and (trail := breadcrumbs(context, page, canonical)):
        structured.append(trail)
    return {
        "canonical": canonical,
        "title": title,
        "description": description,
        "type": "article" if isinstance(page, NewsPage) else "website",
        "image": image,
        "locale": OG_LOCALES.get(language, language),
        "site_name": getattr(settings, "WAGTAIL_SITE_NAME", "Connective Cities"),
        "published": page.date.isoformat() if isinstance(page, NewsPage) else "",
        "json_ld": [json_ld(item) for item in structured],
    }
