"""Factories of the community's page types, for the tests and `manage.py seed_demo` (like
`pages.factories`, whose base classes they use).

    contact = ExpertContactFactory(consent=True)
    expert = ExpertPageFactory(parent=directory, contact=contact, themes=[theme])
"""

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from community.models import ExpertContact, ExpertIndexPage, ExpertPage
from pages.factories import BasePageFactory, CountryFactory, _IndexPageFactory, _set_relation


class ExpertContactFactory(DjangoModelFactory):
    """The private person behind a profile; `consent=True` records the consent now."""

    class Meta:
        model = ExpertContact
        django_get_or_create = ("email",)

    class Params:
        consent = factory.Trait(consent_given_at=factory.LazyFunction(timezone.now))

    name = factory.Sequence(lambda n: f"Expert {n}")
    email = factory.Sequence(lambda n: f"expert{n}@example.org")
    language = "de"
    consent_given_at = None


class ExpertIndexPageFactory(_IndexPageFactory):
    class Meta:
        model = ExpertIndexPage

    title = "Expertinnen und Experten"
    slug = "experten"


class ExpertPageFactory(BasePageFactory):
    """A profile; it stays offline unless its contact consents (`ExpertPage.save`)."""

    class Meta:
        model = ExpertPage

    parent = factory.SubFactory(ExpertIndexPageFactory)
    contact = factory.SubFactory(ExpertContactFactory, consent=True)
    organisation = "Stadt Bonn"
    city = "Bonn"
    country = factory.SubFactory(CountryFactory, slug="de", name="Deutschland")
    languages = ["de", "en"]
    themes = _set_relation("themes")
    regions = _set_relation("regions")
    related_events = _set_relation("related_events")
    related_practices = _set_relation("related_practices")
