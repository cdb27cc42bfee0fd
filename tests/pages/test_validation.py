"""Impossible content is refused with a clear message, in the model and in the admin form."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation

from pages.models import EventPage, GoodPracticePage, PublicationPage, SupportedProjectPage, Theme

DAY = datetime.timedelta(days=1)
START = datetime.date(2030, 5, 4)


@pytest.fixture(autouse=True)
def english_messages():
    """The messages are asserted in English; the site's default language is German."""
    with translation.override("en"):
        yield


def event(**fields):
    values = {
        "title": "Dialog",
        "slug": "dialog",
        "format": "dialogue",
        "start_date": START,
        "end_date": START + 2 * DAY,
        "online": True,
    }
    values.update(fields)
    return EventPage(**values)


def errors_of(instance):
    with pytest.raises(ValidationError) as caught:
        instance.clean()
    return caught.value.message_dict


def test_event_cannot_end_before_it_starts():
    assert "cannot end before it starts" in errors_of(event(end_date=START - DAY))["end_date"][0]


def test_call_deadline_after_the_event_is_refused():
    errors = errors_of(event(has_call=True, call_deadline=START + 5 * DAY))
    assert "on or before the first day" in errors["call_deadline"][0]


def test_call_needs_a_deadline_and_a_deadline_needs_a_call():
    assert "needs a deadline" in errors_of(event(has_call=True))["call_deadline"][0]
    assert "call_deadline" not in errors_of(event(call_deadline=START - DAY))
    assert "has_call" in errors_of(event(call_deadline=START - DAY))


def test_event_on_site_needs_city_and_country():
    assert "city" in errors_of(event(online=False))


def test_valid_online_event_with_open_call():
    page = event(has_call=True, call_deadline=START - DAY)
    page.clean()
    assert page.is_multi_day


@pytest.mark.django_db
def test_project_period_must_be_ordered():
    page = SupportedProjectPage(
        title="P",
        slug="p",
        partner_municipality="Amman",
        period_start=START,
        period_end=START - DAY,
    )
    assert "period_end" in errors_of(page)


@pytest.mark.django_db
def test_publication_needs_exactly_one_of_file_and_link():
    assert "external_url" in errors_of(PublicationPage(title="T", slug="t", year=2017))
    page = PublicationPage(title="T", slug="t", year=2017, external_url="https://example.org/x.pdf")
    page.clean()


@pytest.mark.django_db
def test_theme_hierarchy_has_two_levels(taxonomy):
    deep = Theme(
        name="Zu tief", slug="too-deep", parent=taxonomy["topic"], locale=taxonomy["topic"].locale
    )
    with pytest.raises(ValidationError) as caught:
        deep.clean()
    assert "two levels" in str(caught.value)


@pytest.mark.django_db
def test_admin_refuses_a_practice_without_a_country(admin_client, sections):
    parent = sections["practices"]
    url = reverse("wagtailadmin_pages:add", args=("pages", "goodpracticepage", parent.pk))
    response = admin_client.post(
        url,
        {
            "title": "Ohne Land",
            "slug": "ohne-land",
            "city": "Nirgendwo",
            "body-count": "0",
            "key_facts-count": "0",
            "documents-count": "0",
            "action-publish": "action-publish",
        },
    )
    assert response.status_code == 200
    assert "country" in response.context["form"].errors
    assert not GoodPracticePage.objects.filter(slug="ohne-land").exists()


@pytest.mark.django_db
def test_admin_refuses_an_event_that_ends_before_it_starts(admin_client, sections):
    url = reverse("wagtailadmin_pages:add", args=("pages", "eventpage", sections["events"].pk))
    response = admin_client.post(
        url,
        {
            "title": "Rückwärts",
            "slug": "rueckwaerts",
            "format": "workshop",
            "start_date": "2030-05-04",
            "end_date": "2030-05-01",
            "online": "on",
            "body-count": "0",
            "documentation-count": "0",
            "action-publish": "action-publish",
        },
    )
    assert response.status_code == 200
    assert "end_date" in response.context["form"].errors
    assert not EventPage.objects.filter(slug="rueckwaerts").exists()
