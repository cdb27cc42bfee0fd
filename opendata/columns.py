"""The columns of each download: stable names (they never change with the language), what each
holds, and how it is read from a page. The README lists them (a test keeps it in step).

Values are text in the download's language where they are words (labels of taxonomy terms,
formats, statuses), and language-independent where they are identifiers (slugs, ISO codes,
dates in ISO 8601, booleans as true/false). Several values in one cell are separated by " | ".
Contact persons and e-mail addresses are left out: personal data is not published as data.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from pages import taxonomy_labels
from pages.models import (
    EventFormat,
    EventPage,
    GoodPracticePage,
    ProjectStatus,
    SupportedProjectPage,
)
from search.text import plain_text

SEPARATOR = " | "


@dataclass(frozen=True)
class Column:
    name: str
    description: str
    value: Callable[[Any], Any]


@dataclass(frozen=True)
class Kind:
    """One downloadable type: its URL name, search type key, model and columns."""

    name: str
    type: str
    model: type
    columns: tuple[Column, ...]
    select_related: tuple[str, ...] = ()
    prefetch_related: tuple[str, ...] = ()


def labels(terms):
    return SEPARATOR.join(taxonomy_labels.label(term) for term in terms)


def slugs(terms):
    return SEPARATOR.join(term.slug for term in terms)


def day(value):
    return value.isoformat() if value else ""


def country_columns():
    return (
        Column(
            "country",
            "Country, named in the download's language",
            lambda p: taxonomy_labels.label(p.country),
        ),
        Column(
            "country_code",
            "ISO 3166-1 alpha-2 code of the country",
            lambda p: p.country.iso_code if p.country else "",
        ),
        Column(
            "region",
            "Region of the country, named in the download's language",
            lambda p: taxonomy_labels.region_label(p.country),
        ),
        Column(
            "region_slug",
            "Region's stable identifier (the search's region value)",
            lambda p: p.country.region.slug if p.country else "",
        ),
    )


COMMON_HEAD = (
    Column("id", "Page id (the URL's page in this language)", lambda p: p.pk),
    Column(
        "item",
        "Identifier of the item, the same in every language (UUID)",
        lambda p: str(p.translation_key),
    ),
    Column(
        "language",
        "Language of this row's texts (de, en): the download's, or the item's source language when it is not translated yet",
        lambda p: p.locale.language_code,
    ),
    Column("title", "Title", lambda p: p.title),
    Column("url", "Address of the page", lambda p: p.export_url),
    Column("teaser", "Short summary", lambda p: p.teaser),
)

COMMON_TAIL = (
    Column("themes", "Themes, named in the download's language", lambda p: labels(p.themes.all())),
    Column(
        "theme_slugs",
        "Themes' stable identifiers (the search's theme values)",
        lambda p: slugs(p.themes.all()),
    ),
    Column(
        "sdgs",
        "Sustainable Development Goals by number",
        lambda p: SEPARATOR.join(str(g.number) for g in p.sdgs.all()),
    ),
    Column(
        "first_published",
        "When the item was first published (ISO 8601, UTC)",
        lambda p: p.first_published_at.isoformat() if p.first_published_at else "",
    ),
    Column(
        "last_published",
        "When this page was last published (ISO 8601, UTC)",
        lambda p: p.last_published_at.isoformat() if p.last_published_at else "",
    ),
)

PRACTICES = Kind(
    name="practices",
    type="practice",
    model=GoodPracticePage,
    columns=(
        *COMMON_HEAD,
        Column("city", "City", lambda p: p.city),
        *country_columns(),
        Column("institution", "Institution to contact", lambda p: p.contact_institution),
        *(
            Column(
                name,
                f"Section “{name}” as plain text",
                lambda p, name=name: plain_text(getattr(p, name)),
            )
            for name in GoodPracticePage.SECTIONS
        ),
        *COMMON_TAIL,
    ),
    select_related=("locale", "country__region"),
    prefetch_related=("themes", "sdgs"),
)

EVENTS = Kind(
    name="events",
    type="event",
    model=EventPage,
    columns=(
        *COMMON_HEAD,
        Column(
            "format",
            "Format's stable identifier (dialogue, workshop, training, study_tour, fact_finding, conference, webinar, urban_lab)",
            lambda p: p.format,
        ),
        Column(
            "format_label",
            "Format, named in the download's language",
            lambda p: str(EventFormat(p.format).label) if p.format in EventFormat.values else "",
        ),
        Column("start_date", "First day (ISO 8601)", lambda p: day(p.start_date)),
        Column("end_date", "Last day (ISO 8601)", lambda p: day(p.end_date)),
        Column("venue", "Venue", lambda p: p.venue),
        Column("city", "City", lambda p: p.city),
        *country_columns(),
        Column("online", "Held online (true/false)", lambda p: p.online),
        Column("languages", "Languages of the event", lambda p: p.languages),
        Column(
            "call_for_participants",
            "Has a call for participants (true/false)",
            lambda p: p.has_call,
        ),
        Column(
            "call_deadline",
            "Application deadline (ISO 8601), if there is a call",
            lambda p: day(p.call_deadline),
        ),
        Column("call_open", "The call is open today (true/false)", lambda p: p.call_is_open),
        *COMMON_TAIL,
    ),
    select_related=("locale", "country__region"),
    prefetch_related=("themes", "sdgs"),
)

PROJECTS = Kind(
    name="projects",
    type="project",
    model=SupportedProjectPage,
    columns=(
        *COMMON_HEAD,
        Column("partner_municipality", "Partner municipality", lambda p: p.partner_municipality),
        *country_columns(),
        Column("german_partner", "German partner municipality", lambda p: p.german_partner),
        Column(
            "status",
            "Status's stable identifier (idea, planning, implementation, completed)",
            lambda p: p.status,
        ),
        Column(
            "status_label",
            "Status, named in the download's language",
            lambda p: (
                str(ProjectStatus(p.status).label) if p.status in ProjectStatus.values else ""
            ),
        ),
        Column("period_start", "Start (ISO 8601)", lambda p: day(p.period_start)),
        Column("period_end", "End (ISO 8601)", lambda p: day(p.period_end)),
        Column("funding", "Funding", lambda p: p.funding),
        Column("results", "Results as plain text", lambda p: plain_text(p.results)),
        *COMMON_TAIL,
    ),
    select_related=("locale", "country__region"),
    prefetch_related=("themes", "sdgs"),
)

KINDS = {kind.name: kind for kind in (PRACTICES, EVENTS, PROJECTS)}
KIND_OF_TYPE = {kind.type: kind for kind in KINDS.values()}
