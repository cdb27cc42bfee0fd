"""Settings → Footer: legal pages, contact, links, partners and funders and social media
profiles, chosen once and shown on every page in the visitor's language."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from wagtail.models import Site

from footer.models import FooterLink, FooterSettings, FooterSupporter, SocialLink
from pages.factories import PartnerOrganisationFactory, PortalImageFactory
from pages.models import PartnerOrganisation, StandardPage
from tests import helpers

pytestmark = pytest.mark.django_db


@pytest.fixture
def footer(home, home_en, locales):
    de, en = locales
    imprint = home.add_child(instance=StandardPage(title="Impressum", slug="impressum", locale=de))
    helpers.translate_page(imprint, en, title="Imprint", slug="imprint")
    # Not translated: the footer falls back to the German page.
    privacy = home.add_child(
        instance=StandardPage(title="Datenschutzerklärung", slug="datenschutz", locale=de)
    )
    about = home.add_child(instance=StandardPage(title="Über uns", slug="ueber-uns", locale=de))
    helpers.translate_page(about, en, title="About us", slug="about-us")
    funder = PartnerOrganisationFactory(
        name="Bundesministerium",
        short_name="BMZ",
        role="funder",
        website="https://bmz.de",
        locale=de,
    )
    funder_en = funder.copy_for_translation(en)
    funder_en.name = "Federal Ministry"
    funder_en.save()
    settings = FooterSettings.for_site(Site.objects.get(is_default_site=True))
    settings.imprint_page = imprint
    settings.privacy_page = privacy
    settings.accessibility_feedback_email = "barriers@example.org"
    settings.contact_email = "info@example.org"
    settings.links = [FooterLink(page=about, sort_order=0)]
    settings.supporters = [FooterSupporter(organisation=funder, sort_order=0)]
    settings.social_links = [
        SocialLink(platform="linkedin", url="https://www.linkedin.com/company/cc/", sort_order=0)
    ]
    settings.save()
    return settings


def footer_of(client, path):
    response = client.get(path)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser").find("footer")


def links(element, label):
    nav = element.find("nav", attrs={"aria-label": label})
    return [(a.get_text(strip=True), a["href"]) for a in nav.find_all("a")]


def test_footer_shows_the_pages_in_the_visitors_language(client, footer):
    english = footer_of(client, "/en/")
    assert links(english, "Legal information") == [
        ("Imprint", "/en/imprint/"),
        ("Datenschutzerklärung", "/de/datenschutz/"),  # not translated yet
        ("Report a barrier", "mailto:barriers@example.org"),
    ]
    assert links(english, "About Connective Cities") == [("About us", "/en/about-us/")]
    assert english.find("a", href="mailto:info@example.org") is not None
    assert [(a.get_text(), a["href"]) for a in english.select(".site-footer__social a")] == [
        ("LinkedIn", "https://www.linkedin.com/company/cc/")
    ]
    supporters = english.select(".supporter")
    assert [s.select_one(".supporter__name").get_text() for s in supporters] == ["Federal Ministry"]
    assert [s.select_one(".supporter__role").get_text() for s in supporters] == ["Funder"]
    assert supporters[0].find("a")["href"] == "https://bmz.de"

    german = footer_of(client, "/de/")
    assert links(german, "Rechtliches") == [
        ("Impressum", "/de/impressum/"),
        ("Datenschutzerklärung", "/de/datenschutz/"),
        ("Barriere melden", "mailto:barriers@example.org"),
    ]
    assert [s.get_text() for s in german.select(".supporter__name")] == ["Bundesministerium"]


def test_an_empty_footer_shows_no_empty_lists(client, home, home_en):
    footer = footer_of(client, "/en/")
    assert footer.find("nav", attrs={"aria-label": "Legal information"}) is None
    assert footer.select(".site-footer__supporters") == []
    assert footer.select(".site-footer__social") == []


def test_a_logo_is_shown_with_the_organisations_name_as_alt_text(
    client, footer, settings, tmp_path
):
    settings.MEDIA_ROOT = str(tmp_path)
    funder = PartnerOrganisation.objects.get(short_name="BMZ", locale__language_code="de")
    funder.logo = PortalImageFactory()
    funder.save()
    image = footer_of(client, "/de/").select_one(".supporter img")
    assert image["alt"] == "Bundesministerium"


def test_editors_manage_the_footer_in_settings(client, footer):
    admin = get_user_model().objects.create_superuser("boss", "boss@example.org", "pw")
    client.force_login(admin)
    site = Site.objects.get(is_default_site=True)
    response = client.get(f"/admin/settings/footer/footersettings/{site.pk}/")
    assert response.status_code == 200
    body = response.content.decode()
    for heading in ("Rechtliche Seiten", "Partner und Förderer", "Soziale Medien", "Weitere Links"):
        assert heading in body
