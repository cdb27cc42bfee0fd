"""Content types of the portal, split by type and re-exported here."""

from .base import BasePage, HeroMixin, IndexPage, TaxonomyMixin, TaxonomyPage
from .events import EventFormat, EventIndexPage, EventPage, EventPageTag
from .media import PortalImage, PortalRendition
from .news import NewsCategory, NewsIndexPage, NewsPage, NewsPageTag
from .partners import PartnerOrganisation
from .practices import GoodPracticeIndexPage, GoodPracticePage, GoodPracticePageTag
from .projects import (
    ProjectStatus,
    SupportedProjectIndexPage,
    SupportedProjectPage,
    SupportedProjectPageTag,
)
from .publications import PublicationIndexPage, PublicationPage, PublicationPageTag
from .standard import HomePage, StandardPage
from .taxonomy import Country, Region, SustainableDevelopmentGoal, TaxonomyTerm, Theme

__all__ = [
    "BasePage",
    "Country",
    "EventFormat",
    "EventIndexPage",
    "EventPage",
    "EventPageTag",
    "GoodPracticeIndexPage",
    "GoodPracticePage",
    "GoodPracticePageTag",
    "HeroMixin",
    "HomePage",
    "IndexPage",
    "NewsCategory",
    "NewsIndexPage",
    "NewsPage",
    "NewsPageTag",
    "PartnerOrganisation",
    "PortalImage",
    "PortalRendition",
    "ProjectStatus",
    "PublicationIndexPage",
    "PublicationPage",
    "PublicationPageTag",
    "Region",
    "StandardPage",
    "SupportedProjectIndexPage",
    "SupportedProjectPage",
    "SupportedProjectPageTag",
    "SustainableDevelopmentGoal",
    "TaxonomyMixin",
    "TaxonomyPage",
    "TaxonomyTerm",
    "Theme",
]
