"""Builders shared by pytest fixtures and Wagtail's unittest-style page test cases.

Time: no test reads the real clock for a date it asserts on. A test that needs "now" freezes it
with time-machine, at `NOW` unless it is about a particular instant:

    pytestmark = pytest.mark.time_machine(helpers.NOW)     # every test of a module
    with time_machine.travel(helpers.NOW):                   # a module-scoped fixture
        ...

and builds dates from `TODAY`. The clock keeps ticking from there (time-machine's default), so
timestamps written one after another stay in order. The instants below are the ones that break
naive code: the portal's clock is Europe/Berlin while servers run in UTC.
"""

import datetime
from zoneinfo import ZoneInfo

from wagtail.models import Locale, Page, Site

BERLIN = ZoneInfo("Europe/Berlin")
UTC = datetime.UTC

# An ordinary Wednesday morning in Berlin (summer time), far from the turn of a year.
NOW = datetime.datetime(2026, 6, 17, 9, 30, tzinfo=BERLIN)
TODAY = NOW.date()
FUTURE = TODAY + datetime.timedelta(days=60)

# 23:30 UTC on 31 December: still 2026 in UTC, already 00:30 on 1 January 2027 in Berlin.
NEW_YEAR_IN_BERLIN = datetime.datetime(2026, 12, 31, 23, 30, tzinfo=UTC)
# The last evening of the year in Berlin: 23:59 on 31 December, 22:59 UTC.
LAST_EVENING_OF_THE_YEAR = datetime.datetime(2026, 12, 31, 23, 59, tzinfo=BERLIN)
LEAP_DAY = datetime.datetime(2028, 2, 29, 12, 0, tzinfo=BERLIN)
# 02:30 Berlin time happens twice on 25 October 2026 (summer time ends at 03:00 CEST);
# this is the first, still in summer time (00:30 UTC).
CLOCKS_GO_BACK = datetime.datetime(2026, 10, 25, 0, 30, tzinfo=UTC)
# 02:30 Berlin time does not exist on 29 March 2026; 01:30 UTC is 03:30 CEST.
CLOCKS_GO_FORWARD = datetime.datetime(2026, 3, 29, 1, 30, tzinfo=UTC)


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


# What people (and scanners) type into search boxes and id parameters: quotes, search syntax
# and operators of every engine, NUL and other control characters, very long text, non-Latin
# scripts, SQL and LIKE wildcards.
HOSTILE_QUERIES = (
    '"',
    '""',
    'Tun"is',
    '"Tun',
    "'",
    "it's",
    "\\",
    "a\\",
    "Tun*",
    "*",
    "-",
    "NOT",
    "a AND OR NOT b",
    "(a OR",
    "a) & !b | c:*",
    "title:Tun^2~",
    "NEAR(a b)",
    "%_%",
    "\x00",
    "Tun\x00isia",
    "\x1b[31m\t\r\n",
    "x" * 5000,
    " ".join(["Tunisia"] * 2000),
    "Москва ЖКХ",
    "مدينة مستدامة",
    "城市 发展",
    "Straße Ørsted ǅ",
    "🏙️ 🌍",
    "' OR 1=1 --",
    "<script>alert(1)</script>",
)
