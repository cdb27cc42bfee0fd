"""Builders shared by pytest fixtures and Wagtail's unittest-style page test cases."""

import datetime

from wagtail.models import Locale, Page, Site


def make_locales():
    de = Locale.objects.get_or_create(language_code="de")[0]
    en = Locale.objects.get_or_create(language_code="en")[0]
    return de, en


def make_home():
    """The German home page as the default site's root (Wagtail's welcome page removed)."""
    from pages.models import HomePage

    de, _en = make_locales()
    root = Page.get_first_root_node()
    home = root.add_child(instance=HomePage(title="Startseite", slug="start", locale=de))
    site = Site.objects.get(is_default_site=True)
    old_root = site.root_page
    site.root_page = home
    site.save()
    if old_root.specific_class is Page:
        old_root.delete()
    return home


def translate_page(page, locale, **changes):
    """A published translation made the way wagtail-localize does (copy_for_translation)."""
    translated = page.copy_for_translation(locale)
    for name, value in changes.items():
        setattr(translated, name, value)
    translated.save_revision().publish()
    return translated.specific.__class__.objects.get(pk=translated.pk)


def make_sections(home):
    from pages.models import (
        EventIndexPage,
        GoodPracticeIndexPage,
        NewsIndexPage,
        PublicationIndexPage,
        SupportedProjectIndexPage,
    )

    sections = {}
    for key, model, title in [
        ("events", EventIndexPage, "Veranstaltungen"),
        ("practices", GoodPracticeIndexPage, "Gute Praxis"),
        ("projects", SupportedProjectIndexPage, "Projekte"),
        ("news", NewsIndexPage, "Aktuelles"),
        ("publications", PublicationIndexPage, "Publikationen"),
    ]:
        sections[key] = home.add_child(instance=model(title=title, locale=home.locale))
    return sections


def make_taxonomy(locale=None):
    from pages.models import Country, Region, SustainableDevelopmentGoal, Theme

    locale = locale or Locale.get_default()
    region = Region.objects.create(name="Asien", slug="asia", locale=locale)
    country = Country.objects.create(name="Thailand", slug="th", region=region, locale=locale)
    focal = Theme.objects.create(
        name="Kommunale Dienstleistungen", slug="municipal-services", locale=locale
    )
    topic = Theme.objects.create(
        name="Städtische Mobilität", slug="urban-mobility", parent=focal, locale=locale
    )
    sdg = SustainableDevelopmentGoal.objects.create(
        name="Nachhaltige Städte und Gemeinden", slug="sdg-11", number=11, locale=locale
    )
    return {"region": region, "country": country, "focal": focal, "topic": topic, "sdg": sdg}


FUTURE = datetime.date.today() + datetime.timedelta(days=60)
