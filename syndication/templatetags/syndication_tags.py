"""`{% subscriptions page as links %}`: the feeds and calendar a section offers to follow."""

from django import template
from django.urls import reverse
from django.utils.translation import gettext as _

from pages.models import EventIndexPage, GoodPracticeIndexPage, NewsIndexPage

register = template.Library()


def webcal(request, path):
    """The calendar's address for calendar programs (webcal:// opens a subscription)."""
    return "webcal://" + request.get_host() + path


@register.simple_tag(takes_context=True)
def subscriptions(context, page):
    """[{"label", "href", "type"}] for a section index page (none for other pages)."""
    if isinstance(page, NewsIndexPage):
        return [
            {
                "label": _("News feed (RSS)"),
                "href": reverse("news_rss"),
                "type": "application/rss+xml",
            },
            {
                "label": _("News feed (Atom)"),
                "href": reverse("news_atom"),
                "type": "application/atom+xml",
            },
        ]
    if isinstance(page, GoodPracticeIndexPage):
        return [
            {
                "label": _("New good practices (RSS)"),
                "href": reverse("practices_rss"),
                "type": "application/rss+xml",
            },
            {
                "label": _("New good practices (Atom)"),
                "href": reverse("practices_atom"),
                "type": "application/atom+xml",
            },
        ]
    if isinstance(page, EventIndexPage):
        path = reverse("events_calendar")
        return [
            {
                "label": _("Subscribe to the events calendar"),
                "href": webcal(context["request"], path),
                "type": "text/calendar",
            },
            {
                "label": _("Download the events calendar (.ics)"),
                "href": path,
                "type": "text/calendar",
            },
        ]
    return []
