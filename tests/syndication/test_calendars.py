"""iCalendar files: one event to add, and subscriptions per language, filtered like search
facets; RFC 5545 as the icalendar library reads it back. Time is frozen at helpers.NOW."""

import datetime

import pytest
import time_machine
from icalendar import Calendar
from wagtail.models import Page

from pages import factories
from pages.models import EventFormat, EventIndexPage
from tests import helpers
from tests.search.conftest import (
    SECRET,
    build_taxonomy,
    built_for_module,
    private,
    published,
)

pytestmark = [pytest.mark.django_db, pytest.mark.time_machine(helpers.NOW)]

TODAY = helpers.TODAY


def build_events():
    """German events (one translated), an online one, one that ended long ago, and events that
    no calendar may hold: private, under a private section, a draft and an unpublished
    translation (each containing SECRET)."""
    de, en = helpers.make_locales()
    home = helpers.make_home()
    helpers.translate_page(home, en, title="Home", slug="home")
    section = home.add_child(instance=EventIndexPage(title="Veranstaltungen", locale=de))
    helpers.translate_page(section, en, title="Events", slug="events")
    _regions, countries, themes = build_taxonomy(de, en)
    forum = published(
        factories.EventPageFactory(
            parent=section,
            title="Forum Mobilität",
            city="Bonn",
            country=countries["de"],
            themes=[themes["urban-mobility"]],
            start_date=TODAY + datetime.timedelta(days=30),
            with_call=True,
            teaser="Städte planen Radwege.",
        )
    )
    forum_en = helpers.translate_page(
        forum, en, title="Mobility forum", slug="mobility-forum", teaser="Cities plan cycle lanes."
    )
    webinar = published(
        factories.EventPageFactory(
            parent=section,
            is_online=True,
            title="Webinar Hochwasser",
            format=EventFormat.WEBINAR,
            themes=[themes["flood-protection"]],
            start_date=TODAY + datetime.timedelta(days=10),
            end_date=TODAY + datetime.timedelta(days=10),
        )
    )
    recent = published(
        factories.EventPageFactory(
            parent=section,
            title="Werkstatt Manila",
            city="Manila",
            country=countries["ph"],
            start_date=TODAY - datetime.timedelta(days=100),
        )
    )
    published(
        factories.EventPageFactory(
            parent=section, title="Alte Tagung", start_date=TODAY - datetime.timedelta(days=400)
        )
    )
    hidden = factories.EventPageFactory(parent=section, title=f"Privat {SECRET}")
    private(hidden)
    internal = home.add_child(instance=EventIndexPage(title="Intern", slug="intern", locale=de))
    private(internal)
    factories.EventPageFactory(parent=internal, title=f"Intern {SECRET}")
    draft = factories.EventPageFactory(parent=section, title=f"Entwurf {SECRET}", live=False)
    draft.save_revision()
    translation = webinar.copy_for_translation(en)
    translation.title = f"Webinar {SECRET}"
    translation.save_revision()
    return {
        "forum": forum,
        "forum_en": forum_en,
        "webinar": webinar,
        "recent": recent,
        "hidden": hidden,
        "draft": draft,
        "themes": themes,
    }


@pytest.fixture(scope="module")
def events(django_db_setup, django_db_blocker):
    yield from built_for_module(django_db_blocker, build_events)


def calendar(client, url, params=None, status=200):
    response = client.get(url, params or {})
    assert response.status_code == status, response.content
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert SECRET not in response.content.decode()
    return response, Calendar.from_ical(response.content)


def vevents(cal):
    return {str(event["SUMMARY"]): event for event in cal.walk("VEVENT")}


def test_english_subscription_holds_each_event_once_in_english_or_its_source(client, events):
    response, cal = calendar(client, "/en/calendar/events.ics")
    assert response["Content-Disposition"] == 'inline; filename="connective-cities-events-en.ics"'
    assert str(cal["VERSION"]) == "2.0"
    assert str(cal["PRODID"]) == "-//Connective Cities//Portal//EN"
    assert str(cal["METHOD"]) == "PUBLISH"
    assert str(cal["X-WR-CALNAME"]) == "Connective Cities: events"
    assert cal["REFRESH-INTERVAL"].dt == datetime.timedelta(hours=6)
    assert cal["REFRESH-INTERVAL"].params["VALUE"] == "DURATION"
    assert str(cal["SOURCE"]) == "http://testserver/en/calendar/events.ics"
    assert sorted(vevents(cal)) == [
        "Application deadline: Mobility forum",
        "Mobility forum",
        "Webinar Hochwasser",  # its English translation is a draft
        "Werkstatt Manila",  # ended 100 days ago; "Alte Tagung" (400 days) is left out
    ]


def test_events_are_all_day_and_name_their_page(client, events):
    _response, cal = calendar(client, "/en/calendar/events.ics")
    forum = vevents(cal)["Mobility forum"]
    page = events["forum_en"]
    url = f"http://localhost{page.url}"
    assert forum["DTSTART"].dt == page.start_date
    assert forum["DTSTART"].params.get("VALUE") == "DATE"
    assert forum["DTEND"].dt == page.end_date + datetime.timedelta(days=1)  # exclusive
    assert str(forum["UID"]) == str(page.translation_key)
    assert str(forum["URL"]) == url
    assert str(forum["LOCATION"]) == "Bonn, Germany"
    assert str(forum["DESCRIPTION"]) == "\n\n".join(
        [
            "Cities plan cycle lanes.",
            f"Call for participants: apply by {page.call_deadline:%-d %B %Y}.",
            url,
        ]
    )
    # The theme has no English name: it keeps its German one.
    assert [str(c) for c in forum["CATEGORIES"].cats] == ["Dialogue event", "Städtische Mobilität"]
    assert forum["DTSTAMP"].dt == page.last_published_at.replace(microsecond=0)


def test_the_deadline_is_its_own_item_closing_at_midnight_in_berlin(client, events):
    _response, cal = calendar(client, "/en/calendar/events.ics")
    deadline = vevents(cal)["Application deadline: Mobility forum"]
    day = events["forum"].call_deadline
    start = deadline["DTSTART"]
    assert start.params["TZID"] == "Europe/Berlin"
    assert start.dt == datetime.datetime.combine(day, datetime.time(23), tzinfo=helpers.BERLIN)
    assert deadline["DTEND"].dt == datetime.datetime.combine(
        day + datetime.timedelta(days=1), datetime.time(0), tzinfo=helpers.BERLIN
    )
    assert str(deadline["TRANSP"]) == "TRANSPARENT"
    (alarm,) = deadline.walk("VALARM")
    assert alarm["TRIGGER"].dt == -datetime.timedelta(days=3)
    assert str(alarm["ACTION"]) == "DISPLAY"
    assert str(alarm["DESCRIPTION"]) == "Applications for “Mobility forum” close in three days."
    (zone,) = cal.walk("VTIMEZONE")
    assert str(zone["TZID"]) == "Europe/Berlin"
    assert {c.name for c in zone.subcomponents} == {"STANDARD", "DAYLIGHT"}


def test_online_events_give_their_page_as_the_place(client, events):
    _response, cal = calendar(client, "/de/calendar/events.ics")
    webinar = vevents(cal)["Webinar Hochwasser"]
    url = f"http://localhost{events['webinar'].url}"
    assert str(webinar["LOCATION"]) == f"Online: {url}"
    assert str(webinar["URL"]) == url


def test_german_subscription_in_german(client, events):
    _response, cal = calendar(client, "/de/calendar/events.ics")
    assert str(cal["X-WR-CALNAME"]) == "Connective Cities: Veranstaltungen"
    items = vevents(cal)
    assert sorted(items) == [
        "Bewerbungsfrist: Forum Mobilität",
        "Forum Mobilität",
        "Webinar Hochwasser",
        "Werkstatt Manila",
    ]
    # The same event has the same UID in both languages: adding both updates one entry.
    assert str(items["Forum Mobilität"]["UID"]) == str(events["forum"].translation_key)


@pytest.mark.parametrize(
    ("params", "summaries"),
    [
        ({"region": "europe"}, ["Forum Mobilität"]),
        ({"region": ["europe", "asia"]}, ["Forum Mobilität", "Werkstatt Manila"]),
        # A focal theme includes its topics.
        ({"theme": "climate-adaptation"}, ["Webinar Hochwasser"]),
        ({"theme": "municipal-services"}, ["Forum Mobilität"]),
        ({"format": "webinar"}, ["Webinar Hochwasser"]),
        ({"format": "dialogue", "region": "asia"}, ["Werkstatt Manila"]),
        ({"format": "webinar", "region": "europe"}, []),
    ],
)
def test_subscriptions_of_a_selection(client, events, params, summaries):
    _response, cal = calendar(client, "/de/calendar/events.ics", params)
    found = sorted(s for s in vevents(cal) if not s.startswith("Bewerbungsfrist"))
    assert found == summaries
    assert str(cal["X-WR-CALNAME"]) == "Connective Cities: ausgewählte Veranstaltungen"


@pytest.mark.parametrize(
    ("language", "params", "message"),
    [
        ("en", {"region": "atlantis"}, "Unknown value “atlantis” for “region”."),
        ("de", {"theme": "<script>"}, "Unbekannter Wert „<script>“ für „theme“."),
        ("en", {"format": "party"}, "Unknown value “party” for “format”."),
        ("en", {"format": ["webinar"] * 51}, "Too many values for “format”."),
    ],
)
def test_bad_selections_answer_400_with_a_message(client, events, language, params, message):
    response = client.get(f"/{language}/calendar/events.ics", params)
    assert response.status_code == 400
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response.content.decode() == message


def test_one_event_to_add_to_a_calendar(client, events):
    page = events["forum_en"]
    response, cal = calendar(client, f"/en/calendar/events/{page.pk}.ics")
    assert response["Content-Disposition"] == 'attachment; filename="mobility-forum.ics"'
    assert sorted(vevents(cal)) == ["Application deadline: Mobility forum", "Mobility forum"]
    assert "SOURCE" not in cal and "REFRESH-INTERVAL" not in cal


def test_a_call_closed_early_has_no_deadline_item(client, events):
    forum = events["forum"]
    forum.call_closed = True
    forum.save_revision().publish()
    _response, cal = calendar(client, f"/de/calendar/events/{forum.pk}.ics")
    assert list(vevents(cal)) == ["Forum Mobilität"]
    assert not cal.walk("VTIMEZONE")


def test_events_nobody_may_see_are_not_found(client, events):
    internal = Page.objects.get(slug="intern").get_children().get()
    for page in (events["hidden"], events["draft"], internal):
        assert client.get(f"/de/calendar/events/{page.pk}.ics").status_code == 404
    assert (
        client.get(f"/de/calendar/events/{events['forum'].get_parent().pk}.ics").status_code == 404
    )


def test_the_subscription_follows_the_day_in_berlin(client, events):
    """At 00:30 in Berlin on the day after an event's last day (still the day before in UTC),
    the event is past; 365 days after it, it leaves the calendar."""
    recent = events["recent"]
    gone = datetime.datetime.combine(
        recent.end_date + datetime.timedelta(days=366), datetime.time(0, 30), tzinfo=helpers.BERLIN
    )
    with time_machine.travel(gone - datetime.timedelta(days=1)):
        assert "Werkstatt Manila" in vevents(calendar(client, "/de/calendar/events.ics")[1])
    with time_machine.travel(gone):
        assert "Werkstatt Manila" not in vevents(calendar(client, "/de/calendar/events.ics")[1])
