"""Calendar downloads and subscriptions (the feeds are `syndication.feeds` classes)."""

from urllib.parse import urlencode

from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from pages.models import EventPage
from search.documents import findable_pages
from search.service import InvalidParameter
from syndication.calendars import calendar, parse_filters, subscription_events

CALENDAR_TYPE = "text/calendar; charset=utf-8"


def calendar_response(cal, filename, attachment):
    response = HttpResponse(cal.to_ical(), content_type=CALENDAR_TYPE)
    disposition = "attachment" if attachment else "inline"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return response


@require_GET
def event_calendar(request, page_id):
    """One event as an .ics file to add to a calendar."""
    event = get_object_or_404(
        findable_pages(EventPage.objects).select_related("locale", "country"), pk=page_id
    )
    return calendar_response(
        calendar([event], request, name=event.title), f"{event.slug}.ics", attachment=True
    )


@require_GET
def events_calendar(request):
    """The subscription of the visitor's language, optionally of some regions, themes and
    formats (?region=asia&theme=urban-mobility&format=webinar; each may repeat). A bad value
    answers 400 with a message naming it, as the search API does."""
    language = get_language()
    try:
        filters = parse_filters(request.GET, language)
    except InvalidParameter as error:
        return HttpResponse(
            error.message, status=error.status, content_type="text/plain; charset=utf-8"
        )
    params = [(name, value) for name, values in filters.items() for value in values]
    source = request.build_absolute_uri(
        reverse("events_calendar") + (f"?{urlencode(params)}" if params else "")
    )
    name = _("Connective Cities: events")
    if params:
        name = _("Connective Cities: selected events")
    cal = calendar(subscription_events(language, filters), request, name=name, source=source)
    return calendar_response(cal, f"connective-cities-events-{language}.ics", attachment=False)
