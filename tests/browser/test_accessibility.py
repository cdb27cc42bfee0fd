"""Accessibility in a real browser: axe-core on every public page type of the demo site, in
both languages and at desktop (1280 px) and phone (390 px) widths, must find no violation of
any impact, on the 500 page, a private page's password form and its lockout (429) too; the
keyboard reaches and sees everything (skip link, main menu on a phone, the search filters in
order, a visible focus). On the way, what a visitor would see as broken: nothing wider than the
screen, a breadcrumb that does not repeat the page's heading on a phone, footer logos large
enough to read."""

import io

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core.management import call_command
from playwright.sync_api import expect
from wagtail.models import Page, PageViewRestriction

from pages.models import (
    EventIndexPage,
    EventPage,
    GoodPracticeIndexPage,
    GoodPracticePage,
    HomePage,
    NewsIndexPage,
    NewsPage,
    PublicationIndexPage,
    PublicationPage,
    Region,
    StandardPage,
    SupportedProjectIndexPage,
    SupportedProjectPage,
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

WIDTHS = {"desktop": 1280, "phone": 390}
PAGE_TYPES = [
    HomePage,
    StandardPage,
    EventIndexPage,
    EventPage,
    GoodPracticeIndexPage,
    GoodPracticePage,
    SupportedProjectIndexPage,
    SupportedProjectPage,
    NewsIndexPage,
    NewsPage,
    PublicationIndexPage,
    PublicationPage,
]


# Addresses that answer other than 200 (the rest answer 200).
STATUS = {
    "404": 404,
    "500": 500,
    "search, notice for a bad parameter": 400,
    "newsletter, notice: link not valid": 400,
}


def first_url(model, language, **filters):
    page = (
        model.objects.live()
        .filter(locale__language_code=language, **filters)
        .order_by("path")
        .first()
    )
    return page.get_url()


def addresses(language, notice_page, private_pages):
    """Every page type, the index pages, the search states, the 404 and 500 pages, a private
    page's password form and the notice pages."""
    urls = {model.__name__: first_url(model, language) for model in PAGE_TYPES}
    urls["EventPage with an open call"] = first_url(
        EventPage, language, call_deadline__isnull=False, call_closed=False
    )
    urls["StandardPage below another"] = first_url(StandardPage, language, depth__gt=3)
    urls["accessibility statement"] = first_url(
        StandardPage, language, slug__in=["barrierefreiheit", "accessibility"]
    )
    region = Region.objects.filter(locale__language_code="de").order_by("slug").first()
    urls["search, empty"] = f"/{language}/search/"
    urls["search with filters"] = f"/{language}/search/?q=stadt&region={region.slug}"
    urls["search, no results"] = f"/{language}/search/?q=xylophonquartett"
    urls["search, notice for a bad parameter"] = f"/{language}/search/?year=abc"
    urls["404"] = f"/{language}/gibt-es-nicht/"
    urls["500"] = f"/{language}/?{FAIL}"
    urls["private page, password form"] = private_pages[language]
    urls["newsletter sign-up"] = f"/{language}/newsletter/"
    urls["newsletter, notice: check your inbox"] = f"/{language}/newsletter/thanks/"
    urls["newsletter, notice: link not valid"] = f"/{language}/newsletter/confirm/not-a-token/"
    urls["propose a good practice"] = f"/{language}/propose-a-practice/"
    urls["propose a good practice, notice: thanks"] = f"/{language}/propose-a-practice/thanks/"
    if language == "en":
        urls["notice: not translated"] = f"/en/unavailable/{notice_page.pk}/"
    return urls


@pytest.fixture
def demo(live_server_lock, settings, tmp_path):
    """The demo site (seed_demo) with its search index, and a German page not translated."""
    settings.MEDIA_ROOT = str(tmp_path)
    with live_server_lock:
        call_command("seed_demo", stdout=io.StringIO(), no_users=True)
        call_command("search_rebuild", backend="database", stdout=io.StringIO())
        home = HomePage.objects.get(locale__language_code="de")
        notice_page = home.add_child(
            instance=StandardPage(
                title="Nur auf Deutsch", slug="nur-auf-deutsch", locale=home.locale
            )
        )
        notice_page.save_revision().publish()
    return Page.objects.get(pk=notice_page.pk)


FAIL = "fail-for-the-test"
PAGE_PASSWORD = "the-right-password-42"


@pytest.fixture
def failing_home_page(monkeypatch):
    """The home page fails with `?fail-for-the-test`, so that the portal answers with its 500
    page (the live server runs with DEBUG off, as in production)."""
    serve = HomePage.serve

    def serve_or_fail(self, request, *args, **kwargs):
        if FAIL in request.GET:
            raise RuntimeError("A server error for the accessibility test")
        return serve(self, request, *args, **kwargs)

    monkeypatch.setattr(HomePage, "serve", serve_or_fail)


@pytest.fixture
def private_pages(live_server_lock, demo, settings):
    """A page behind a password in each language (its address by language), with django-axes
    on, so that wrong passwords end in the lockout page."""
    settings.AXES_ENABLED = True
    addresses = {}
    with live_server_lock:
        for language, title in (("de", "Intern"), ("en", "Internal")):
            home = HomePage.objects.get(locale__language_code=language)
            page = home.add_child(
                instance=StandardPage(title=title, slug=title.lower(), locale=home.locale)
            )
            page.save_revision().publish()
            PageViewRestriction.objects.create(
                page=page, restriction_type=PageViewRestriction.PASSWORD, password=PAGE_PASSWORD
            )
            addresses[language] = page.get_url()
    return addresses


def locked_out(page, url, limit=12):
    """Wrong passwords into the password form at `url` until the portal locks the form; the
    response of the lockout (429)."""
    for attempt in range(limit):
        page.goto(url)
        page.locator("#id_password").fill(f"wrong-{attempt}")
        with page.expect_navigation() as navigation:
            page.locator("form:has(#id_password) [type=submit]").click()
        if navigation.value.status == 429:
            return navigation.value
        assert navigation.value.status == 200, navigation.value.status
    raise AssertionError(f"no lockout after {limit} wrong passwords at {url}")


LAYOUT = """() => {
  const visible = (e) => e && e.getClientRects().length > 0;
  const crumbs = document.querySelectorAll('.breadcrumbs li');
  const last = crumbs[crumbs.length - 1];
  return {
    breadcrumbs: crumbs.length > 0,
    current_crumb_shown: visible(last),
    logos: [...document.querySelectorAll('.supporter__logo')].map((img) => {
      const box = img.getBoundingClientRect();
      return {alt: img.alt, height: box.height, right: box.right, natural: img.naturalHeight};
    }),
  };
}"""


def layout_problems(page, width):
    """What a visitor would see as wrong in the frame of the page (empty when all is well)."""
    page.evaluate(
        "Promise.all([...document.querySelectorAll('.supporter__logo')]"
        ".map((img) => { img.loading = 'eager'; return img.decode().catch(() => null); }))"
    )
    found = page.evaluate(LAYOUT)
    problems = []
    if found["breadcrumbs"] and found["current_crumb_shown"] != (width > 600):
        problems.append("the breadcrumb names the page on a phone, or not on a desktop")
    for logo in found["logos"]:
        # Legible: 3 to 4 rem high, inside the screen, drawn from twice as many pixels.
        if not 48 <= logo["height"] <= 64 or logo["right"] > width:
            problems.append(f"footer logo {logo['alt']}: {logo}")
        if logo["natural"] < 1.5 * logo["height"]:
            problems.append(f"footer logo {logo['alt']} is blurred: {logo}")
    return problems


def test_axe_finds_no_violations_on_any_page_type(
    new_context, demo, failing_home_page, private_pages
):
    axe = Axe()
    checked, violations, problems = [], {}, {}

    def check(page, language, width_name, width, name, url):
        # Nothing wider than the screen (a long German word in a heading once was).
        assert page.evaluate("document.documentElement.scrollWidth") == width, url
        if found := layout_problems(page, width):
            problems[(language, width_name, name)] = found
        result = axe.run(page).response
        checked.append((language, width_name, name))
        for violation in result["violations"]:
            targets = [node["target"] for node in violation["nodes"]]
            violations.setdefault((language, width_name, name, url), []).append(
                (violation["id"], violation["impact"], targets[:3])
            )
        return result

    for width_name, width in WIDTHS.items():
        context = new_context(viewport={"width": width, "height": 900})
        page = context.new_page()
        for language in ("de", "en"):
            for name, url in addresses(language, demo, private_pages).items():
                response = page.goto(url)
                assert response.status == STATUS.get(name, 200), (url, response.status)
                result = check(page, language, width_name, width, name, url)
            # Wrong passwords into the private page's form, until it is locked (429).
            locked_out(page, private_pages[language])
            heading = {"de": "Zu viele Versuche", "en": "Too many attempts"}[language]
            assert page.locator("h1").inner_text() == heading
            check(page, language, width_name, width, "429, lockout", page.url)
    print(f"\naxe-core {result['testEngine']['version']}: {len(checked)} page views checked")
    for language, width_name, name in checked:
        print(
            f"  {language} {width_name:7} {name}: 0 violations"
            if (language, width_name, name) not in {k[:3] for k in violations}
            else f"  {language} {width_name:7} {name}: VIOLATIONS"
        )
    # both widths; 28 addresses in each language, the notice of a missing translation in English
    assert len(checked) == 2 * (2 * 28 + 1)
    assert violations == {}
    assert problems == {}


def test_keyboard_reaches_the_search_filters_in_order(new_context, demo):
    """Desktop: from the search field through the filters to the results; phone: the filters
    open from their toggle by keyboard."""
    page = new_context(viewport={"width": 1280, "height": 900}).new_page()
    page.goto("/en/search/?q=city")
    page.locator("#search-q").focus()
    order = []
    for _ in range(60):
        page.keyboard.press("Tab")
        element = page.evaluate(
            "(() => { const e = document.activeElement;"
            " return [e.tagName, e.type || '', e.name || '', e.textContent.trim().slice(0, 40)]; })()"
        )
        order.append(element)
        if element[0] == "SELECT":
            break
    kinds = [(tag, kind, name) for tag, kind, name, _text in order]
    first_box = kinds.index(("INPUT", "checkbox", "region"))
    last_box = max(i for i, k in enumerate(kinds) if k[1] == "checkbox")
    # search button, skip link to the results, then only checkboxes, then "Apply filters"
    assert order[0][0] == "BUTTON"
    assert order[first_box - 1][3] == "Skip to the results"
    assert all(k[1] == "checkbox" for k in kinds[first_box : last_box + 1])
    assert [k[0] for k in kinds[last_box + 1 : last_box + 2]] == ["BUTTON"]
    assert order[last_box + 1][3] == "Apply filters"
    assert kinds[-1] == ("SELECT", "select-one", "sort")  # the results' sort comes next
    groups = page.evaluate(
        "[...document.querySelectorAll('.facet input')].map(i => i.name)"
        ".filter((n, i, all) => all.indexOf(n) === i)"
    )
    visited = [name for _tag, kind, name in kinds if kind == "checkbox"]
    assert [n for i, n in enumerate(visited) if visited.index(n) == i] == groups

    phone = new_context(viewport={"width": 390, "height": 800}).new_page()
    phone.goto("/en/search/?q=city")
    boxes = phone.locator(".facet input")
    expect(boxes.first).to_be_hidden()
    toggle = phone.locator("summary", has_text="Filters")
    toggle.focus()
    phone.keyboard.press("Enter")
    expect(boxes.first).to_be_visible()
    phone.keyboard.press("Tab")
    assert phone.evaluate("document.activeElement.textContent.trim()") == "Skip to the results"


def tab_to(page, selector, limit=30):
    """Press Tab until `selector` has the focus; the number of presses, or fail."""
    for presses in range(1, limit + 1):
        page.keyboard.press("Tab")
        if page.evaluate("(s) => document.activeElement.matches(s)", selector):
            return presses
    raise AssertionError(f"{selector} is not reached by keyboard in {limit} presses")


def focus_is_visible(page):
    """The focused element draws an outline or a focus ring (box shadow)."""
    return page.evaluate(
        "(() => { const s = getComputedStyle(document.activeElement);"
        " return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2)"
        " || s.boxShadow !== 'none'; })()"
    )


def test_skip_link_main_menu_and_visible_focus_by_keyboard(new_context, demo):
    page = new_context(viewport={"width": 1280, "height": 900}).new_page()
    page.goto("/en/")
    page.keyboard.press("Tab")
    skip = page.locator(".skip-link")
    expect(skip).to_be_focused()
    expect(skip).to_be_in_viewport()
    assert focus_is_visible(page)
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"

    page.goto("/en/")
    tab_to(page, ".main-nav__list--wide a")
    assert focus_is_visible(page)
    assert page.evaluate("document.activeElement.textContent") == "Events"
    tab_to(page, ".site-footer__legal a", limit=200)
    assert focus_is_visible(page)

    phone = new_context(viewport={"width": 390, "height": 800}).new_page()
    phone.goto("/de/")
    menu_links = phone.locator(".main-nav__list--mobile a")
    expect(menu_links.first).to_be_hidden()
    tab_to(phone, ".main-nav__toggle")
    assert focus_is_visible(phone)
    phone.keyboard.press("Enter")
    expect(menu_links.first).to_be_visible()
    phone.keyboard.press("Tab")
    expect(menu_links.first).to_be_focused()
    assert focus_is_visible(phone)
    titles = menu_links.all_inner_texts()
    assert titles == [
        "Veranstaltungen",
        "Gute Praxis",
        "Geförderte Projekte",
        "Aktuelles",
        "Publikationen",
        "Über uns",
        "Expertinnen und Experten",
    ]
    phone.keyboard.press("Enter")
    expect(phone).to_have_url(f"{phone.url.split('/de/')[0]}/de/veranstaltungen/")
