"""Search fixtures: a small real bilingual site, indexed, shared by a whole test module, and the
backends the contract suite runs against (the database always, Elasticsearch when
ELASTICSEARCH_URL is set).

`search_site` is built once per module inside a transaction of its own that is rolled back when
the module is done; every test still runs in a savepoint of its own (pytest-django's `db`), so a
test may change the site without disturbing the next one.
"""

import datetime
import os
import uuid

import pytest
import time_machine
from django.core.cache import cache
from django.db import transaction
from wagtail.models import PageViewRestriction, TranslatableMixin
from wagtail.rich_text import RichText

from pages import factories, taxonomy_labels
from pages.models import Country, GoodPracticeIndexPage, Region, Theme
from search import indexing
from search.backends import get_backends
from search.backends.database import DatabaseBackend
from tests import helpers

ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL", "")

BACKENDS = [
    "database",
    pytest.param(
        "elasticsearch",
        marks=[
            pytest.mark.elasticsearch,
            pytest.mark.skipif(not ELASTICSEARCH_URL, reason="needs ELASTICSEARCH_URL"),
        ],
    ),
]

# A word that only pages a search must never show contain (drafts, private pages, ...).
SECRET = "zebrafink"


def paragraph(text):
    return [("paragraph", RichText(f"<p>{text}</p>"))]


def practice_text(**fields):
    """Empty practice sections (the factory fills them with English sentences)."""
    empty = dict.fromkeys(("challenge", "approach", "results", "lessons", "transferability"), "")
    return {**empty, **fields}


def published(page):
    page.save_revision().publish()
    return page.specific_class.objects.get(pk=page.pk)


def translated_term(term, locale, name):
    copy = term.copy_for_translation(locale)
    copy.name = name
    copy.save()
    return copy


def private(page):
    return PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="geheim"
    )


def build_taxonomy(de, en):
    regions = {
        slug: Region.objects.create(name=name, slug=slug, locale=de, sort_order=i)
        for i, (slug, name) in enumerate(
            [
                ("asia", "Asien"),
                ("africa", "Afrika"),
                ("europe", "Europa"),
                ("mena", "Naher Osten und Nordafrika"),
            ]
        )
    }
    for slug, name in [("asia", "Asia"), ("africa", "Africa"), ("europe", "Europe")]:
        translated_term(regions[slug], en, name)
    countries = {
        slug: Country.objects.create(name=name, slug=slug, region=regions[region], locale=de)
        for slug, name, region in [
            ("th", "Thailand", "asia"),
            ("ph", "Philippinen", "asia"),
            ("gh", "Ghana", "africa"),
            ("de", "Deutschland", "europe"),
            ("jo", "Jordanien", "mena"),
        ]
    }
    for slug, name in [("ph", "Philippines"), ("de", "Germany"), ("jo", "Jordan")]:
        translated_term(countries[slug], en, name)
    themes = {}
    for i, (slug, name, parent) in enumerate(
        [
            ("municipal-services", "Kommunale Dienstleistungen", None),
            ("urban-mobility", "Städtische Mobilität", "municipal-services"),
            ("waste-management", "Abfallwirtschaft", "municipal-services"),
            ("climate-adaptation", "Klimaanpassung", None),
            ("flood-protection", "Hochwasserschutz", "climate-adaptation"),
            ("urban-heat", "Hitzeschutz", "climate-adaptation"),
            ("local-economy", "Lokale Wirtschaft", None),
        ]
    ):
        themes[slug] = Theme.objects.create(
            name=name, slug=slug, parent=themes.get(parent), locale=de, sort_order=i
        )
    for slug, name in [
        ("municipal-services", "Municipal services"),
        ("climate-adaptation", "Climate adaptation"),
        ("flood-protection", "Flood protection"),
    ]:
        translated_term(themes[slug], en, name)
    return regions, countries, themes


def in_locale(value, locale):
    """Taxonomy in the page's own language where it has a version there: pages refuse a term
    of another language whose own version exists (pages.locales)."""
    if isinstance(value, list):
        return [in_locale(item, locale) for item in value]
    if isinstance(value, TranslatableMixin) and value.locale_id != locale.pk:
        return value.get_translation_or_none(locale) or value
    return value


def build_search_site():
    """A bilingual site with every kind of page a search must show, or must not show.

    Published German items (some translated into English), English-only items, and pages that
    must never be found: a draft, a private page, a page under a private section, an unpublished
    translation, and the unpublished draft of a live page. Every one of those contains SECRET.
    Dates span 2022 to 2024; regions, countries and themes are spread so that facet
    combinations give different answers.
    """
    de, en = helpers.make_locales()
    home = helpers.make_home()
    helpers.translate_page(home, en, title="Home", slug="home")
    sections = helpers.make_sections(home)
    sections_en = {
        key: helpers.translate_page(section, en, title=f"{section.title} (en)", slug=f"{key}-en")
        for key, section in sections.items()
    }
    regions, countries, themes = build_taxonomy(de, en)

    def when(value):
        return datetime.datetime.combine(value, datetime.time(12), tzinfo=datetime.UTC)

    pages = {}

    def add(name, factory, parent, english=None, **fields):
        """A live German page (or English, when `parent` is English) and its translation.

        Factories make live pages directly (no revision: publishing each would double the
        time this takes); translations are published the way wagtail-localize does it.
        """
        if "locale" in fields:
            fields = {key: in_locale(value, fields["locale"]) for key, value in fields.items()}
        page = factory(parent=parent, **fields)
        pages[name] = page
        if english:
            english = {"slug": f"{page.slug}-en", **english}
            if "first_published_at" in fields:
                english["first_published_at"] = fields["first_published_at"]
            pages[f"{name}_en"] = helpers.translate_page(page, en, **english)
        return page

    # Practices (dated by first publication).
    add(
        "accra",
        factories.GoodPracticePageFactory,
        sections["practices"],
        title="Hochwasserschutz in Accra",
        city="Accra",
        country=countries["gh"],
        themes=[themes["flood-protection"]],
        first_published_at=when(datetime.date(2023, 3, 1)),
        teaser="Neue Gräben schützen die Häuser der Stadt vor Überschwemmungen.",
        body=paragraph("Der Bezirk hob vor der Regenzeit Kanäle aus."),
        **practice_text(),
        english={
            "title": "Flood protection in Accra",
            "teaser": "New drains protect the homes of the district from floods.",
            "body": paragraph("The district dug channels before the rainy season."),
            "city": "Accra",
        },
    )
    add(
        "bangkok",
        factories.GoodPracticePageFactory,
        sections["practices"],
        title="Mobilität mit Elektrobussen in Bangkok",
        city="Bangkok",
        country=countries["th"],
        themes=[themes["urban-mobility"]],
        first_published_at=when(datetime.date(2024, 5, 10)),
        teaser="Saubere Elektrobusse fahren durch die Innenstadt.",
        body=paragraph("Die Verkehrsbetriebe stellten ihre Flotte um."),
        **practice_text(),
        english={
            "title": "Clean buses in Bangkok",
            "teaser": "Electric buses run through the centre.",
            "body": paragraph("The transport company converted its fleet."),
        },
    )
    add(
        "chiang_mai",  # German only; its English translation exists but is not published
        factories.GoodPracticePageFactory,
        sections["practices"],
        title="Bürgerdienste in Chiang Mai",
        city="Chiang Mai",
        country=countries["th"],
        themes=[themes["municipal-services"]],
        first_published_at=when(datetime.date(2022, 2, 1)),
        teaser="Die Verwaltung will ihre Dienste an einem Ort bündeln.",
        body=paragraph("Ein Bürgerbüro für alle Anliegen."),
        **practice_text(),
    )
    add(
        "loerrach",  # live text below; an unpublished draft of it contains SECRET
        factories.GoodPracticePageFactory,
        sections["practices"],
        title="Holzgewerbegebiet Lörrach",
        city="Lörrach",
        country=countries["de"],
        themes=[themes["local-economy"]],
        first_published_at=when(datetime.date(2024, 1, 15)),
        teaser="Ein Gewerbegebiet für das Handwerk.",
        body=paragraph("Betriebe teilen sich Hallen und Maschinen."),
        **practice_text(),
        english={
            "title": "Timber business park in Lörrach",
            "teaser": "A business park for crafts.",
            "body": paragraph("Firms share halls and machines."),
        },
    )

    # Events (dated by their start).
    add(
        "manila",
        factories.EventPageFactory,
        sections["events"],
        title="Dialogveranstaltung in Manila",
        city="Manila",
        country=countries["ph"],
        themes=[themes["flood-protection"], themes["urban-heat"]],
        start_date=datetime.date(2024, 6, 10),
        teaser="Städte tauschen sich über Hitze und Überschwemmung aus.",
        body=paragraph("Auch die Mobilität bei Starkregen kam zur Sprache."),
        english={
            "title": "Dialogue event in Manila",
            "teaser": "Cities discuss heat and flooding.",
            "body": paragraph("Practitioners compared early warning systems."),
            "city": "Manila",
        },
    )
    add(
        "amman_workshop",
        factories.EventPageFactory,
        sections["events"],
        title="Werkstatt Abfallwirtschaft in Amman",
        city="Amman",
        country=countries["jo"],
        themes=[themes["waste-management"]],
        start_date=datetime.date(2023, 9, 20),
        teaser="Kommunen planen Sammelrouten und Wertstoffhöfe.",
        body=paragraph("Die Stadtverwaltung stellte ihr Konzept vor."),
        english={
            "title": "Waste management workshop in Amman",
            "teaser": "Municipalities plan collection routes and recycling centres.",
            "body": paragraph("The city administration presented its plan."),
            "city": "Amman",
        },
    )
    add(
        "webinar",  # German only, online: no country, no region
        factories.EventPageFactory,
        sections["events"],
        is_online=True,
        title="Webinar Radverkehr",
        themes=[themes["urban-mobility"]],
        start_date=datetime.date(2022, 11, 5),
        teaser="Ein Austausch über sichere Radwege.",
        body=paragraph("Mit Beispielen aus drei Ländern."),
    )

    # Supported projects (dated by their start).
    add(
        "amman_project",
        factories.SupportedProjectPageFactory,
        sections["projects"],
        title="Landnutzungsplan Amman",
        country=countries["jo"],
        themes=[themes["local-economy"]],
        period_start=datetime.date(2023, 4, 1),
        teaser="Ein Plan für Wohnraum und Märkte.",
        body=paragraph("Der Plan hält Flächen für Märkte frei."),
        results="",
        english={
            "title": "Land use plan for Amman",
            "teaser": "A plan for housing and markets.",
            "body": paragraph("The plan reserves land for markets."),
        },
    )
    add(
        "kumasi",  # German only
        factories.SupportedProjectPageFactory,
        sections["projects"],
        title="Wertstoffhof Kumasi",
        country=countries["gh"],
        themes=[themes["waste-management"]],
        period_start=datetime.date(2024, 2, 1),
        teaser="Ein Wertstoffhof für die Stadt Kumasi.",
        body=paragraph("Mülltrennung beginnt im Quartier."),
        results="",
    )

    # News (dated; regions tagged directly).
    add(
        "partners",
        factories.NewsPageFactory,
        sections["news"],
        title="Neue Partnerstädte gegen Hochwasser",
        regions=[regions["asia"], regions["africa"]],
        themes=[themes["flood-protection"]],
        date=datetime.date(2024, 8, 1),
        teaser="Partnerstädte teilen ihre Erfahrungen.",
        body=paragraph("Fünf Städte treten dem Netzwerk bei."),
        english={
            "title": "New partner cities against floods",
            "teaser": "Partner cities share their experience.",
            "body": paragraph("Partner cities share how buses run during storms."),
        },
    )
    add(
        "manila_streets",  # English only: shown in German searches, marked as English
        factories.NewsPageFactory,
        sections_en["news"],
        locale=en,
        title="Flooding in Manila streets",
        regions=[regions["asia"]],
        themes=[themes["flood-protection"]],
        date=datetime.date(2023, 7, 7),
        teaser="Heavy rain flooded the streets of the capital.",
        body=paragraph("Pumps were brought in overnight."),
    )
    add(
        "heat_plans",  # German only
        factories.NewsPageFactory,
        sections["news"],
        title="Hitzeaktionspläne in Städten",
        regions=[regions["europe"]],
        themes=[themes["urban-heat"]],
        date=datetime.date(2022, 7, 1),
        teaser="Schatten und Trinkbrunnen für heiße Sommer.",
        body=paragraph("Die Pläne gelten ab Juni."),
    )

    # Publications (dated by year).
    add(
        "guide",
        factories.PublicationPageFactory,
        sections["publications"],
        title="Leitfaden Abfallwirtschaft",
        regions=[regions["mena"], regions["europe"]],
        themes=[themes["waste-management"]],
        year=2022,
        document=None,
        external_url="https://example.org/leitfaden",
        teaser="Wie Kommunen Abfall vermeiden.",
        body=paragraph("Mit Checklisten für Verwaltungen."),
        english={
            "title": "Guide to waste management",
            "teaser": "How municipalities avoid waste.",
            "body": paragraph("With checklists for administrations."),
        },
    )
    add(
        "business_guide",  # English only
        factories.PublicationPageFactory,
        sections_en["publications"],
        locale=en,
        title="Local business development guide",
        regions=[regions["africa"]],
        themes=[themes["local-economy"]],
        year=2024,
        document=None,
        external_url="https://example.org/guide",
        teaser="How municipalities support small firms.",
        body=paragraph("Markets and workshops in Kumasi and Accra."),
    )

    # Pages no search may show; each contains SECRET and facet values of its own.
    hidden = {}
    hidden["draft"] = factories.GoodPracticePageFactory(
        parent=sections["practices"],
        live=False,
        title=f"Entwurf {SECRET}",
        country=countries["jo"],
        themes=[themes["urban-heat"]],
        first_published_at=None,
        teaser=f"Noch nicht fertig: {SECRET}.",
        **practice_text(),
    )
    hidden["draft"].save_revision()
    hidden["private"] = factories.GoodPracticePageFactory(
        parent=sections["practices"],
        title=f"Privat {SECRET}",
        country=countries["ph"],
        themes=[themes["urban-heat"]],
        first_published_at=when(datetime.date(2023, 5, 5)),
        teaser=f"Nur mit Passwort: {SECRET}.",
        **practice_text(),
    )
    private(hidden["private"])
    internal = home.add_child(
        instance=GoodPracticeIndexPage(title="Intern", slug="intern", locale=de)
    )
    private(internal)
    hidden["under_private"] = factories.GoodPracticePageFactory(
        parent=internal,
        title=f"Intern {SECRET}",
        country=countries["gh"],
        themes=[themes["urban-heat"]],
        first_published_at=when(datetime.date(2022, 5, 5)),
        teaser=f"Unter einer privaten Seite: {SECRET}.",
        **practice_text(),
    )
    translation = pages["chiang_mai"].copy_for_translation(en)
    translation.title = f"Citizen services {SECRET}"
    translation.teaser = f"An unpublished translation: {SECRET}."
    translation.save_revision()
    hidden["unpublished_translation"] = translation.specific
    loerrach = published(pages["loerrach"])
    loerrach.title = f"Holzgewerbegebiet Lörrach {SECRET}"
    loerrach.teaser = f"Entwurfstext: {SECRET}."
    loerrach.save_revision()
    pages["loerrach"] = loerrach.specific_class.objects.get(pk=loerrach.pk)

    DatabaseBackend().rebuild(indexing.all_documents())
    return {
        "locales": {"de": de, "en": en},
        "home": home,
        "sections": sections,
        "sections_en": sections_en,
        "regions": regions,
        "countries": countries,
        "themes": themes,
        "pages": pages,
        "hidden": hidden,
        "internal": internal,
    }


def reset_caches():
    """Forget what caches hold about pages and terms of a rolled back transaction."""
    cache.clear()
    taxonomy_labels.clear()


def built_for_module(django_db_blocker, build):
    """What `build()` makes, kept for a test module in a transaction rolled back after it (each
    test runs in a savepoint of its own). It is built at the tests' fixed `NOW`, so that the
    dates factories default to (today, in 30 days) fall in the same year on any day."""
    with django_db_blocker.unblock():
        reset_caches()
        with transaction.atomic():
            try:
                with time_machine.travel(helpers.NOW):
                    site = build()
                yield site
            finally:
                transaction.set_rollback(True)
        reset_caches()


@pytest.fixture(scope="module")
def search_site(django_db_setup, django_db_blocker):
    yield from built_for_module(django_db_blocker, build_search_site)


def delete_elasticsearch_indices(backend):
    names = list(backend.writer.indices.get_alias(index=f"{backend.prefix}-*").body)
    if names:
        backend.writer.indices.delete(index=names)


@pytest.fixture(scope="module", params=BACKENDS)
def backend(request, search_site, django_db_blocker):
    """Each backend holding the search site's documents (the database index is built by
    `search_site`; Elasticsearch gets indices with a prefix of their own, deleted after)."""
    if request.param == "database":
        yield DatabaseBackend()
        return
    from django.test import override_settings

    from search.backends.elasticsearch import ElasticsearchBackend

    prefix = f"test-contract-{uuid.uuid4().hex[:12]}"
    with override_settings(ELASTICSEARCH_URL=ELASTICSEARCH_URL, SEARCH_INDEX_PREFIX=prefix):
        elasticsearch = ElasticsearchBackend.from_settings()
    with django_db_blocker.unblock():
        elasticsearch.rebuild(indexing.all_documents())
    try:
        yield elasticsearch
    finally:
        delete_elasticsearch_indices(elasticsearch)


@pytest.fixture
def database_only(settings):
    """Index with the database backend only, whatever ELASTICSEARCH_URL says (tests that
    publish must not write to a real server's production indices)."""
    settings.ELASTICSEARCH_URL = ""
    get_backends.cache_clear()
    yield
    get_backends.cache_clear()
