"""Template tags and filters of the portal's front end.

Every tag here costs a constant number of queries per request, whatever the number of items it
is given, so that listings stay at a constant number of queries as they grow.
"""

import re
from urllib.parse import urlencode, urlsplit

from django import template
from django.conf import settings
from django.db.models import OuterRef, Subquery, prefetch_related_objects
from django.http import QueryDict
from django.urls import reverse, translate_url
from django.utils import formats, timezone, translation
from django.utils.dateformat import format as format_date
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.utils.text import capfirst, slugify
from django.utils.translation import pgettext
from wagtail.models import Page, Site
from wagtail_localize.models import TranslationSource

from pages import content_cache, taxonomy_labels
from pages.models import Country, Region, Theme
from pages.models.lineage import one_per_item
from pages.models.media import card_renditions

register = template.Library()

# Relations to taxonomy terms that cards show, and the term model each points to.
TERM_FIELDS = {"country": Country, "themes": Theme, "regions": Region}


# --- Taxonomy -----------------------------------------------------------------------------


@register.filter
def label(term):
    """`{{ term|label }}`: a taxonomy term's name in the visitor's language."""
    return taxonomy_labels.label(term)


@register.filter
def region_label(country):
    """`{{ page.country|region_label }}`: the country's region in the visitor's language."""
    return taxonomy_labels.region_label(country)


# --- Pages --------------------------------------------------------------------------------


@register.filter
def type_label(page):
    """`{{ page|type_label }}`: the content type of a page, for example "Event"."""
    meta = getattr(page, "_meta", None)
    return capfirst(meta.verbose_name) if meta else ""


@register.filter
def as_list(value):
    """`{{ page|as_list }}`: one object as a list (empty for None), to reuse list components."""
    return [] if value is None or value == "" else [value]


@register.filter
def localized(page):
    """`{% pageurl value.page|localized %}`: Wagtail's `page.localized` (the page's live, public
    translation in the visitor's language, else the page itself) from the cached language
    versions instead of a Locale and a translation look-up per link."""
    if not _is_page(page):
        return page
    return _page_versions(None, page)[0].get(_active_language()) or page


@register.simple_tag
def localized_pages(pages):
    """`{% localized_pages value.pages as pages %}`: each page once, in the visitor's language.

    Takes pages of any language (for example from a page chooser) and returns their live, public
    translations in the active language where they exist, else the live source page.
    """
    return one_per_item(page for page in (pages or []) if page)


def _homes(request):
    """{language code: live home page} of the request's site; cached on the request."""
    if request is None:
        return {}
    homes = getattr(request, "_portal_homes", None)
    if homes is None:
        site = Site.find_for_request(request)
        homes = {}
        if site is not None:
            homes = content_cache.get_or_build(
                "homes", site.pk, build=lambda: _load_homes(site.root_page_id)
            )
        request._portal_homes = homes
    return homes


def _load_homes(root_page_id):
    root = Page.objects.get(pk=root_page_id)
    return {
        home.locale.language_code: home
        for home in root.get_translations(inclusive=True).live().select_related("locale")
    }


def _active_language():
    return taxonomy_labels.active_language()


@register.simple_tag(takes_context=True)
def portal_home(context):
    """`{% portal_home as home %}`: the home page in the visitor's language (or None)."""
    homes = _homes(context.get("request"))
    return homes.get(_active_language()) or homes.get(settings.LANGUAGE_CODE)


def content_cache_tag():
    """`{% content_cache as cc %}`: `cc.token` and `cc.seconds` for Django's `{% cache %}`, so
    a fragment is kept until published content changes (pages.content_cache)."""
    return {"token": content_cache.token(), "seconds": content_cache.seconds()}


register.simple_tag(content_cache_tag, name="content_cache")


class PageFragmentNode(template.Node):
    def __init__(self, name, nodelist):
        self.name = name
        self.nodelist = nodelist

    def render(self, context):
        page, request = context.get("page"), context.get("request")
        if (
            not content_cache.seconds()
            or not _is_page(page)
            or request is None
            or getattr(request, "is_preview", False)
        ):
            return self.nodelist.render(context)
        return content_cache.get_or_build(
            "fragment",
            self.name,
            page.pk,
            translation.get_language(),
            request.get_host(),
            timezone.localdate().isoformat(),
            build=lambda: self.nodelist.render(context),
        )


@register.tag
def page_fragment(parser, token):
    """`{% page_fragment "name" %}…{% endpage_fragment %}`: a part of a page that shows only
    published content (the page's own fields, pages, images, documents and terms it links),
    kept rendered per page, language, host and Berlin day (dates such as "upcoming" or an
    open call change at midnight) in the content cache, so any publish or content change
    makes it stale (pages.content_cache). Previews, which show a draft, always render it.
    Nothing in it may depend on the visitor or the query string."""
    bits = token.split_contents()
    if len(bits) != 2 or bits[1][0] not in "\"'":
        raise template.TemplateSyntaxError("{% page_fragment %} takes a quoted name.")
    nodelist = parser.parse(("endpage_fragment",))
    parser.delete_first_token()
    return PageFragmentNode(bits[1][1:-1], nodelist)


@register.simple_tag(takes_context=True)
def main_nav(context):
    """`{% main_nav as items %}`: the sections of the home page in the visitor's language.

    Each item is a dict with `page` and `current` (the visitor is in that section).
    """
    home = portal_home(context)
    if home is None:
        return []
    children = content_cache.get_or_build(
        "nav", home.pk, build=lambda: list(home.get_children().live().public().in_menu())
    )
    page = context.get("page")
    path = page.path if isinstance(page, Page) and page.path else ""
    return [{"page": child, "current": path.startswith(child.path)} for child in children]


@register.simple_tag(takes_context=True)
def main_nav_state(context, items):
    """`{% main_nav_state nav_items as state %}`: what the rendered main navigation depends on
    besides the site and language (its cache key): the current section's id, and "page" when
    the visitor is on the section page itself ("" outside every section)."""
    page = context.get("page")
    for item in items:
        if item["current"]:
            on_page = isinstance(page, Page) and item["page"].pk == page.pk
            return f"{item['page'].pk}{':page' if on_page else ''}"
    return ""


@register.simple_tag(takes_context=True)
def section_pages(context):
    """`{% section_pages as sections %}`: the home page's sections in the visitor's language.

    `sections.all` lists the live children shown in menus (specific pages); `sections.event`,
    `sections.practice`, `sections.project`, `sections.news` and `sections.publication` are the
    index pages of those types (or None), whether shown in menus or not: the home page's
    "see all" links must not depend on the menu.
    """
    home = portal_home(context)
    if home is None:
        return {"all": []}
    return content_cache.get_or_build("sections", home.pk, build=lambda: _load_sections(home))


def _load_sections(home):
    children = list(home.get_children().live().public().specific())
    sections = {"all": [child for child in children if child.show_in_menus]}
    for child in children:
        listing_model = getattr(child, "listing_model", None)
        key = getattr(listing_model, "type_key", "")
        if key and key not in sections:
            sections[key] = child
    return sections


@register.simple_tag(takes_context=True)
def breadcrumb_pages(context):
    """`{% breadcrumb_pages as crumbs %}`: the current page's ancestors from the home page on.

    Empty on the home page itself and on pages outside the visitor's home.
    """
    page = context.get("page")
    home = portal_home(context)
    if not isinstance(page, Page) or home is None or not page.path:
        return []
    if page.pk == home.pk or not page.path.startswith(home.path):
        return []
    return content_cache.get_or_build(
        "breadcrumbs",
        page.pk,
        build=lambda: list(
            page.get_ancestors().filter(depth__gte=home.depth).live().order_by("depth")
        ),
    )


def _page_versions(request, page):
    """The live, public versions of `page` in each language, and whether `page` is stale.

    One query, whatever the number of languages: each version is annotated with the
    wagtail-localize source it is kept in sync with (`TranslationSource.last_updated_at`, the
    time of the last sync, and the source's locale). Cached on the request.

    Returns ({language code: page}, stale) where `stale` is None or a dict with `source` (the
    live source page) and `updated_on` (the date it was last published), for a live
    translation whose source was published after the translation was last synced.
    """
    cached = getattr(request, "_portal_page_versions", None) if request is not None else None
    if cached is not None and cached[0] == page.pk:
        return cached[1]
    result = content_cache.get_or_build(
        "versions", page.pk, page.translation_key, build=lambda: _load_page_versions(page)
    )
    if request is not None:
        request._portal_page_versions = (page.pk, result)
    return result


def _load_page_versions(page):
    synced = TranslationSource.objects.filter(
        object_id=OuterRef("translation_key"),
        translations__target_locale=OuterRef("locale"),
        translations__enabled=True,
    ).order_by("-last_updated_at")
    versions = {}
    sync = {}
    for version in (
        Page.objects.filter(translation_key=page.translation_key)
        .live()
        .public()
        .select_related("locale")
        .annotate(
            synced_at=Subquery(synced.values("last_updated_at")[:1]),
            synced_from=Subquery(synced.values("locale_id")[:1]),
        )
    ):
        versions[version.locale.language_code] = version
        sync[version.pk] = (version.synced_at, version.synced_from)
    stale = None
    synced_at, source_locale_id = sync.get(page.pk, (None, None))
    if synced_at is not None:
        source = next(
            (v for v in versions.values() if v.locale_id == source_locale_id and v.pk != page.pk),
            None,
        )
        published = getattr(source, "last_published_at", None)
        if published is not None and published > synced_at:
            stale = {
                "source": source,
                "language": source.locale.language_code,
                "updated_on": timezone.localtime(published).date(),
            }
    return versions, stale


def _language_name(code):
    """A content language's name in the visitor's language ("German", "Deutsch")."""
    names = getattr(settings, "CONTENT_LANGUAGE_NAMES", {})
    return str(names.get(code) or dict(settings.LANGUAGES).get(code, code))


def _is_page(page):
    return isinstance(page, Page) and bool(page.pk) and bool(page.translation_key)


@register.simple_tag(takes_context=True)
def language_links(context):
    """`{% language_links as links %}`: one link per content language.

    Each link is a dict: `code`, `name` (in that language), `url`, `current` (the language
    shown), `translated` (the current page exists, live and public, in that language), `page`
    (that translation), `alternate` (worth a `<link rel="alternate" hreflang>`), `full_url` (the
    absolute URL for it) and `x_default` (the alternate for `hreflang="x-default"`: the page in
    the default language). Where the page has no live translation, the link leads to the page
    "only available in …" (`translation_unavailable`) in that language; on views that are not
    pages (search), to the same view in that language.
    """
    request = context.get("request")
    page = context.get("page")
    current = _active_language()
    if request is None or not _is_page(page) or getattr(request, "is_preview", False):
        return _language_links(context, request, page, current)
    # A page's links depend on its versions, the request's site and its defining parameters:
    # kept per generation (pages.content_cache) instead of computing their URLs every time.
    params = defining_params(context)
    return content_cache.get_or_build(
        "language-links",
        page.pk,
        page.live,
        current,
        request.scheme,
        request.get_host(),
        urlencode(params),
        build=lambda: _language_links(context, request, page, current),
    )


def _language_links(context, request, page, current):
    translations = _page_versions(request, page)[0] if _is_page(page) else {}
    match = getattr(request, "resolver_match", None)
    is_view = (
        not isinstance(page, Page)
        and match is not None
        and match.url_name not in (None, "wagtail_serve")
    )
    homes = _homes(request)
    params = defining_params(context)
    query = f"?{urlencode(params)}" if params else ""
    links = []
    for code, name in settings.WAGTAIL_CONTENT_LANGUAGES:
        target = translations.get(code)
        full_url = None
        alternate = True
        if target is not None:
            url = (target.get_url(request) or "") + query
            full = target.get_full_url(request)
            full_url = full + query if full else None
            # An alias shows another page's text: it is no language version of its own.
            alternate = not target.alias_of_id
        elif is_view:
            url = translate_url(request.path, code) + query
            full_url = request.build_absolute_uri(url)
        elif _is_page(page) and page.live:
            with translation.override(code):
                url = reverse("translation_unavailable", args=[page.pk])
        elif code in homes:
            url = homes[code].get_url(request)
        else:
            with translation.override(code):
                url = reverse("wagtail_serve", args=[""])
        links.append(
            {
                "code": code,
                "name": name,
                "url": url,
                "full_url": full_url,
                "current": code == current,
                "translated": target is not None,
                "page": target,
                "alternate": bool(full_url) and alternate,
                "x_default": False,
            }
        )
    alternates = [link for link in links if link["alternate"]]
    if alternates:
        default = next(
            (link for link in alternates if link["code"] == settings.LANGUAGE_CODE), None
        )
        (default or alternates[0])["x_default"] = True
    return links


def defining_params(context):
    """[(name, value)] of the request's parameters that define the page shown, for canonical
    and hreflang links: a view's validated parameters (`defining_params` in its context, as the
    search gives), else what the page's `defining_params(request)` keeps; never the rest."""
    if "defining_params" in context:
        return list(context["defining_params"])
    page, request = context.get("page"), context.get("request")
    method = getattr(page, "defining_params", None)
    return list(method(request)) if callable(method) and request is not None else []


@register.simple_tag(takes_context=True)
def stale_translation(context):
    """`{% stale_translation as stale %}`: on a live translation whose source was published
    after the translation was last synced, a dict with `source` (the source page), `language`,
    `language_name` and `updated_on`; else None. Shares the query of `language_links`."""
    page = context.get("page")
    if not _is_page(page):
        return None
    stale = _page_versions(context.get("request"), page)[1]
    if stale is None:
        return None
    # Named in the visitor's language, so not part of what is cached for every language.
    return {**stale, "language_name": _language_name(stale["language"])}


@register.simple_tag(takes_context=True)
def page_query(context, param, value):
    """`{% page_query "page" 3 %}`: "?…" with `param` set to `value`, other parameters kept."""
    request = context.get("request")
    query = request.GET.copy() if request is not None else QueryDict(mutable=True)
    query[param] = value
    return "?" + query.urlencode()


@register.simple_tag
def elided_page_range(items, on_each_side=2, on_ends=1):
    """`{% elided_page_range items as numbers %}`: page numbers around the current one, with
    `items.paginator.ELLIPSIS` for gaps."""
    return list(
        items.paginator.get_elided_page_range(
            items.number, on_each_side=on_each_side, on_ends=on_ends
        )
    )


# --- Search -------------------------------------------------------------------------------


@register.simple_tag
def facet_checkbox(facet, value, form):
    """`{% facet_checkbox facet value form %}`: one facet value as a checkbox with its count
    (`form`: the id of the GET form it belongs to). A tag, not an include: the search page
    shows about fifty, and an include per value cost a fifth of its rendering."""
    field_id = f"facet-{facet.name}-{slugify(value.value)}"
    return format_html(
        '<span class="facet__value">'
        '<input type="checkbox" id="{}" name="{}" value="{}" form="{}"{}>'
        '<label for="{}">{} <span class="facet__count">({})</span></label>'
        "</span>",
        field_id,
        facet.name,
        value.value,
        form,
        mark_safe(" checked") if value.selected else "",
        field_id,
        value.label,
        formats.localize(value.count),
    )


# --- Links --------------------------------------------------------------------------------


@register.filter
def hostname(url):
    """`{{ url|hostname }}`: "example.org" for "https://www.example.org/path"."""
    host = urlsplit(str(url or "")).hostname or ""
    return host.removeprefix("www.")


@register.filter
def tel(number):
    """`{{ phone|tel }}`: a tel: link target, "+492282071700" for "+49 228 20717 0"."""
    number = str(number or "")
    return "tel:" + "".join(char for char in number if char.isdigit() or char == "+")


IFRAME_TAG = re.compile(r"<iframe\b([^>]*)>", re.IGNORECASE)


@register.filter
def embed_html(html, title=""):
    """`{{ value.embed.html|embed_html:value.title }}`: embed HTML whose iframes load lazily
    and carry a title for screen readers."""

    def fix(match):
        attrs = match.group(1)
        if "loading=" not in attrs.lower():
            attrs += ' loading="lazy"'
        if "title=" not in attrs.lower() and title:
            attrs += f' title="{escape(title)}"'
        return f"<iframe{attrs}>"

    return mark_safe(IFRAME_TAG.sub(fix, str(html or "")))  # noqa: S308 - HTML from the embed finder


# --- Listings -----------------------------------------------------------------------------


@register.simple_tag
def prefetch_cards(items):
    """`{% prefetch_cards items %}`: load what the cards of a listing show, in a few queries.

    Works on a paginator page, a queryset or a list of pages; evaluates it once (later loops
    reuse the result) and fetches themes, regions and the card renditions of the hero images for
    all items together (a queryset that prefetched them already, as listings do, costs none).
    Outputs nothing.
    """
    if items is None:
        return ""
    if hasattr(items, "object_list") and not isinstance(items.object_list, list):
        items.object_list = list(items.object_list)
        pages = items.object_list
    else:
        pages = list(items)
    by_model = {}
    for page in pages:
        by_model.setdefault(type(page), []).append(page)
    for model, group in by_model.items():
        names = {field.name for field in model._meta.get_fields()}
        lookups = [
            name
            for name in ("hero_image", "country")
            if name in names and name not in _field_cache(group[0])
        ]
        lookups += [
            name
            for name in ("themes", "regions")
            if name in names and not _is_prefetched(group[0], name)
        ]
        if lookups:
            prefetch_related_objects(group, *lookups)
        taxonomy_labels.preload(*(model for name, model in TERM_FIELDS.items() if name in names))
    # Images the queryset did not prefetch renditions for (card_renditions): Wagtail's
    # `prefetch_renditions` on these instances, in one query for every model's cards.
    images = [
        page.hero_image
        for page in pages
        if "hero_image" in _field_cache(page)
        and page.hero_image is not None
        and not hasattr(page.hero_image, "prefetched_renditions")
    ]
    if images:
        prefetch_related_objects(images, card_renditions(relation=None))
    return ""


def _is_prefetched(obj, name):
    return name in getattr(obj, "_prefetched_objects_cache", {})


def _field_cache(page):
    """Names of the relations already loaded on `page` (select_related), without a query."""
    return page._state.fields_cache if hasattr(page, "_state") else {}


# --- Dates --------------------------------------------------------------------------------


def _time(day, fmt):
    return format_html('<time datetime="{}">{}</time>', day.isoformat(), format_date(day, fmt))


@register.simple_tag
def date_range(start, end=None):
    """`{% date_range page.start_date page.end_date %}`: a localised date range.

    The date formats are gettext strings (context "date format"), so each language writes
    dates its own way. Days of one month share the month ("18-20 September 2017", with an en
    dash), days of one year the year; otherwise both dates are written out.
    """
    if not start:
        return ""
    full = pgettext("date format", "j F Y")
    if not end or end == start:
        return _time(start, full)
    if (start.year, start.month) == (end.year, end.month):
        first = pgettext("date format: first day of a range within one month", "j")
        separator = "\N{EN DASH}"
    elif start.year == end.year:
        first = pgettext("date format: first day of a range within one year", "j F")
        separator = " \N{EN DASH} "
    else:
        first = full
        separator = " \N{EN DASH} "
    return format_html("{}{}{}", _time(start, first), separator, _time(end, full))


@register.simple_tag
def long_date(day):
    """`{% long_date page.date %}`: one date, localised, in a <time> element."""
    if not day:
        return ""
    return _time(day, pgettext("date format", "j F Y"))
