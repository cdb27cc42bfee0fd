"""The site's calendar is Berlin's, whatever the server's clock says.

Servers run in UTC: from 22:00 or 23:00 UTC on, Berlin is already on the next day (and on
31 December, in the next year). "Upcoming", "open" and "past" follow the Berlin day.
"""

import datetime

import pytest
import time_machine

from pages import factories
from tests import helpers

pytestmark = pytest.mark.django_db

NEW_YEARS_EVE = datetime.date(2026, 12, 31)
NEW_YEARS_DAY = datetime.date(2027, 1, 1)


@pytest.fixture
def events(sections):
    def event(title, start, **fields):
        return factories.EventPageFactory(
            parent=sections["events"], title=title, start_date=start, end_date=start, **fields
        )

    return {
        "eve": event("Silvesterdialog", NEW_YEARS_EVE),
        "new_year": event("Neujahrsdialog", NEW_YEARS_DAY),
        "call": event(
            "Aufruf zum Jahreswechsel",
            datetime.date(2027, 2, 1),
            has_call=True,
            call_deadline=NEW_YEARS_EVE,
            call_eligibility="<p>Kommunen.</p>",
            call_how_to_apply="<p>Per E-Mail.</p>",
        ),
    }


def test_new_years_eve_is_today_until_midnight_in_berlin(events):
    with time_machine.travel(helpers.LAST_EVENING_OF_THE_YEAR):  # 22:59 UTC
        assert events["eve"].is_upcoming
        assert events["call"].call_is_open


def test_new_years_eve_is_past_once_berlin_reaches_the_new_year(events):
    with time_machine.travel(helpers.NEW_YEAR_IN_BERLIN):  # still 31 December in UTC
        assert not events["eve"].is_upcoming
        assert events["new_year"].is_upcoming
        assert not events["call"].call_is_open


def test_the_event_index_splits_by_the_berlin_day(client, events, sections):
    with time_machine.travel(helpers.NEW_YEAR_IN_BERLIN):
        context = client.get(sections["events"].url).context
    assert context["today"] == NEW_YEARS_DAY
    assert [page.pk for page in context["past"]] == [events["eve"].pk]
    assert [page.pk for page in context["upcoming"]] == [events["new_year"].pk, events["call"].pk]
    assert list(context["open_calls"]) == []


def test_the_home_page_shows_events_from_the_berlin_day_on(client, home, sections, events):
    with time_machine.travel(helpers.NEW_YEAR_IN_BERLIN):
        upcoming = client.get(home.url).context["upcoming_events"]
    assert [page.pk for page in upcoming] == [events["new_year"].pk, events["call"].pk]


@pytest.mark.parametrize(
    ("instant", "today"),
    [
        (helpers.CLOCKS_GO_FORWARD, datetime.date(2026, 3, 29)),
        (helpers.CLOCKS_GO_BACK, datetime.date(2026, 10, 25)),
        (helpers.LEAP_DAY, datetime.date(2028, 2, 29)),
    ],
)
def test_an_event_on_the_day_stays_upcoming_through_the_day(sections, instant, today):
    event = factories.EventPageFactory(parent=sections["events"], start_date=today, end_date=today)
    with time_machine.travel(instant):
        assert event.is_upcoming
    with time_machine.travel(instant + datetime.timedelta(days=1)):
        assert not event.is_upcoming
