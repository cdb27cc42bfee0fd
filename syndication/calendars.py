"""iCalendar (RFC 5545) files of events: one event ("add to calendar") or a subscription.

Built with the `icalendar` library. Decisions, for calendar programs and their users:

- Events have days, not hours, so they are all-day events: DTSTART and DTEND are DATE values,
  DTEND the day after the last (RFC 5545 3.6.1: the end is exclusive). They show on the same
  days in every time zone, as the event page says.
- The application deadline of an open call for participants is an item of its own, so it sits
  on its day in the calendar rather than in a description: "Application deadline: <event>".
  A deadline closes at the end of its day in Berlin (the site's time zone), so the item runs
  from 23:00 to 24:00 Europe/Berlin (DATE-TIME values with TZID, and the VTIMEZONE they need):
  in Nairobi or Manila it shows when the call really closes. It is transparent (it blocks no
  time) and carries a reminder (VALARM) three days before. A call closed early has no item.
- UIDs are UUIDs (RFC 7986 5.3): an event's is its translation key, the same in every
  language, so adding the English file after the German one updates the entry instead of
  doubling it; its deadline's is derived from it.
- Online events name the event page as their place (LOCATION and URL): the page says how to
  join. Hybrid events give the venue and "online".
- Subscriptions refresh every six hours (REFRESH-INTERVAL, X-PUBLISHED-TTL) and hold the events
  that end within the last year or later.
"""

import datetime
import uuid
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone, translation
from django.utils.dateformat import format as format_date
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from icalendar import Alarm, Calendar, Event
from icalendar.prop import vDuration

from pages import taxonomy_labels
from pages.models import EventFormat, EventPage, Region, Theme
from pages.taxonomy_labels import slug_labels, theme_parents
from search.documents import findable_pages, shown_in_language
from search.service import check_values
from search.text import plain_text

PRODID = "-//Connective Cities//Portal//EN"
REFRESH = datetime.timedelta(hours=6)
PAST = datetime.timedelta(days=365)
REMINDER = datetime.timedelta(days=3)
# Deadlines close at the end of their day in the site's time zone; the item is its last hour.
DEADLINE_HOUR = datetime.time(23, 0)
DEADLINE_NAMESPACE = uuid.UUID("6f1f6d0e-3c8a-4f7e-9d57-1f0c8a3b2e41")
FILTERS = ("region", "theme", "format")


def zone():
    return ZoneInfo(settings.TIME_ZONE)


def long_date(day):
    return format_date(day, pgettext("date format", "j F Y"))


# --- Selecting events ------------------------------------------------------------------------


def parse_filters(params, language):
    """{"region": [...], "theme": [...], "format": [...]} from URL parameters, each value
    checked as the search checks its facets (search.service.check_values): a bad one raises
    InvalidParameter naming the parameter."""
    known = {
        "region": slug_labels(Region, language),
        "theme": slug_labels(Theme, language),
        "format": dict(EventFormat.choices),
    }
    filters = {}
    for name in FILTERS:
        values = [v for v in params.getlist(name) if v != ""]
        check_values(name, values, known[name])
        filters[name] = sorted(set(values))
    return filters


def subscription_events(language, filters, today=None):
    """The events a subscription in `language` holds: those ending no more than a year ago or
    later, each once in the language shown (search's rule), by start date."""
    today = today or timezone.localdate()
    events = shown_in_language(findable_pages(EventPage.objects), language).filter(
        end_date__gte=today - PAST
    )
    if filters.get("region"):
        events = events.filter(country__region__slug__in=filters["region"])
    if filters.get("theme"):
        # A focal theme includes its topics, as in search.
        chosen = set(filters["theme"])
        chosen |= {topic for topic, parent in theme_parents().items() if parent in chosen}
        events = events.filter(
            pk__in=EventPage.objects.filter(themes__slug__in=chosen).values("pk")
        )
    if filters.get("format"):
        events = events.filter(format__in=filters["format"])
    return (
        events.select_related("locale", "country")
        .prefetch_related("themes")
        .order_by("start_date", "pk")
    )


# --- Writing iCalendar -----------------------------------------------------------------------


def location(event, url):
    place = ", ".join(
        part for part in (event.venue, event.city, taxonomy_labels.label(event.country)) if part
    )
    if event.online:
        online = _("Online: %(url)s") % {"url": url}
        return f"{place} / {online}" if place else online
    return place


def event_components(event, request):
    """The VEVENT of `event`, and the one of its application deadline when a call is open."""
    url = event.get_full_url(request)
    published = event.last_published_at or timezone.now()
    description = [event.teaser, url] if event.teaser else [url]
    call_open = event.has_call and event.call_deadline and not event.call_closed
    if call_open:
        description.insert(
            -1,
            _("Call for participants: apply by %(date)s.")
            % {"date": long_date(event.call_deadline)},
        )
    categories = (
        [str(EventFormat(event.format).label)] if event.format in EventFormat.values else []
    )
    categories += [taxonomy_labels.label(theme) for theme in event.themes.all()]
    components = [
        Event.new(
            uid=str(event.translation_key),
            summary=event.title,
            start=event.start_date,
            end=event.end_date + datetime.timedelta(days=1),
            description="\n\n".join(description),
            location=location(event, url) or None,
            url=url,
            categories=categories,
            stamp=published,
            created=event.first_published_at,
            last_modified=published,
        )
    ]
    if call_open:
        components.append(deadline_component(event, url, published))
    return components


def deadline_component(event, url, published):
    closes = datetime.datetime.combine(event.call_deadline, DEADLINE_HOUR, tzinfo=zone())
    how = plain_text(event.call_how_to_apply)
    description = "\n\n".join(part for part in (how, url) if part)
    deadline = Event.new(
        uid=str(uuid.uuid5(DEADLINE_NAMESPACE, str(event.translation_key))),
        summary=_("Application deadline: %(event)s") % {"event": event.title},
        start=closes,
        end=closes + datetime.timedelta(hours=1),
        description=description,
        url=url,
        stamp=published,
        last_modified=published,
    )
    deadline.add("transp", "TRANSPARENT")
    reminder = Alarm()
    reminder.add("action", "DISPLAY")
    reminder.add("trigger", -REMINDER)
    reminder.add(
        "description",
        _("Applications for “%(event)s” close in three days.") % {"event": event.title},
    )
    deadline.add_component(reminder)
    return deadline


def calendar(events, request, *, name, source=None):
    """A VCALENDAR of `events` (EventPage objects), with the VTIMEZONE its deadlines need."""
    cal = Calendar.new(
        prodid=PRODID,
        name=name,
        language=translation.get_language(),
        method="PUBLISH",
        uid=str(uuid.uuid5(uuid.NAMESPACE_URL, source or name)),
    )
    if source:  # a subscription: where it lives and how often to look again
        cal.add("source", source)
        # RFC 7986 5.7 requires the VALUE parameter, which icalendar 7.3 leaves out.
        cal.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
        cal.add("x-published-ttl", vDuration(REFRESH))  # what Outlook and Apple read
    days = []
    for event in events:
        for component in event_components(event, request):
            cal.add_component(component)
        if event.has_call and event.call_deadline:
            days.append(event.call_deadline)
    if days:
        # Time zone rules only for the years the deadlines need (a compact VTIMEZONE).
        first = min(days).replace(month=1, day=1)
        cal.add_missing_timezones(first_date=first, last_date=max(days).replace(month=12, day=31))
    return cal
