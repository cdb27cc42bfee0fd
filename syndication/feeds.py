"""RSS 2.0 and Atom feeds of news and of new good practices, one per language.

Built on Django's syndication framework. A feed lists what the visitor's language shows
(`search.documents.shown_in_language`, the search's rule): each item once, in the feed's
language where it has a live translation, else in its source language, marked as such. Only
findable pages (live, public, not aliases) appear. Item GUIDs name the item (its translation
key), not one translation: when an item gets translated, readers update it instead of listing
it twice.
"""

import datetime
from typing import NamedTuple

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import HttpRequest
from django.utils import timezone, translation
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext as _

from pages import taxonomy_labels
from pages.models import GoodPracticeIndexPage, GoodPracticePage, NewsIndexPage, NewsPage
from search.documents import findable_pages, shown_in_language
from syndication.sections import home_url, section_page

ITEMS = 20


class FeedRequest(NamedTuple):
    language: str
    request: HttpRequest


def language_name(code):
    return str(settings.CONTENT_LANGUAGE_NAMES.get(code, code))


class PortalFeed(Feed):
    """A section's newest items in the language of the URL (/de/… or /en/…)."""

    feed_type = Rss201rev2Feed
    model = None
    index_model = None
    order = ()
    author_name = "Connective Cities"

    def get_object(self, request, *args, **kwargs):
        # Feed instances serve every request: what a request needs travels in this object.
        return FeedRequest(translation.get_language(), request)

    def link(self, obj):
        section = section_page(self.index_model, obj.language)
        return section.get_full_url(obj.request) if section else home_url(obj.request)

    def items(self, obj):
        pages = findable_pages(self.model.objects).select_related("locale")
        shown = shown_in_language(pages, obj.language).order_by(*self.order)
        items = list(shown.prefetch_related("themes")[:ITEMS])
        for item in items:
            item.feed_link = item.get_full_url(obj.request)
        return items

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        language = item.locale.language_code
        if language == translation.get_language():
            return item.teaser
        # The item has no translation into the feed's language yet.
        marker = _("In %(language)s:") % {"language": language_name(language)}
        return f"{marker} {item.teaser}"

    def item_link(self, item):
        return item.feed_link

    def item_guid(self, item):
        return f"urn:uuid:{item.translation_key}"

    item_guid_is_permalink = False

    def item_updateddate(self, item):
        return item.last_published_at

    def item_categories(self, item):
        language = translation.get_language()
        return [taxonomy_labels.label(theme, language) for theme in item.themes.all()]


class NewsFeed(PortalFeed):
    model = NewsPage
    index_model = NewsIndexPage
    order = ("-date", "-pk")

    def title(self, obj):
        return _("Connective Cities: news")

    def description(self, obj):
        return _("News from Connective Cities and its network.")

    def item_pubdate(self, item):
        # The news date is a day; it is published at the start of that day in Berlin.
        return timezone.make_aware(datetime.datetime.combine(item.date, datetime.time()))


class PracticeFeed(PortalFeed):
    model = GoodPracticePage
    index_model = GoodPracticeIndexPage
    order = ("-first_published_at", "-pk")

    def title(self, obj):
        return _("Connective Cities: new good practices")

    def description(self, obj):
        return _("Proven municipal solutions, newly published on Connective Cities.")

    def item_pubdate(self, item):
        return item.first_published_at


class NewsAtomFeed(NewsFeed):
    feed_type = Atom1Feed
    subtitle = NewsFeed.description


class PracticeAtomFeed(PracticeFeed):
    feed_type = Atom1Feed
    subtitle = PracticeFeed.description
