"""`{% head_metadata as meta %}` and `{% feed_links as feeds %}` for templates/components/_head_meta.html."""

from django import template
from django.urls import reverse
from django.utils.translation import gettext as _

from pages.models import (
    EventIndexPage,
    EventPage,
    GoodPracticeIndexPage,
    GoodPracticePage,
    HomePage,
    NewsIndexPage,
    NewsPage,
)
from seo import metadata

register = template.Library()

RSS = "application/rss+xml"
ATOM = "application/atom+xml"
ICS = "text/calendar"


@register.simple_tag(takes_context=True)
def head_metadata(context):
    """Canonical URL, Open Graph/Twitter values and JSON-LD of the page (seo.metadata)."""
    return metadata.head_metadata(context)


@register.simple_tag(takes_context=True)
def feed_links(context):
    """[{"type", "title", "href"}]: the feeds and calendars of the page's section, announced
    with <link rel="alternate">; the home page announces them all."""
    page = context.get("page")
    news = [
        {"type": RSS, "title": _("News (RSS)"), "href": reverse("news_rss")},
        {"type": ATOM, "title": _("News (Atom)"), "href": reverse("news_atom")},
    ]
    practices = [
        {"type": RSS, "title": _("New good practices (RSS)"), "href": reverse("practices_rss")},
        {"type": ATOM, "title": _("New good practices (Atom)"), "href": reverse("practices_atom")},
    ]
    events = [{"type": ICS, "title": _("Events (iCalendar)"), "href": reverse("events_calendar")}]
    if isinstance(page, HomePage):
        return news + practices + events
    if isinstance(page, NewsIndexPage | NewsPage):
        return news
    if isinstance(page, GoodPracticeIndexPage | GoodPracticePage):
        return practices
    if isinstance(page, EventIndexPage):
        return events
    if isinstance(page, EventPage):
        return [
            {"type": ICS, "title": page.title, "href": reverse("event_calendar", args=[page.pk])},
            *events,
        ]
    return []
