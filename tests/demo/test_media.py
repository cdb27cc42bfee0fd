"""The demo's pictures and documents, as seed_demo leaves them: a picture of its own for every
page, shaped for its use with the motif in its focal point (so every fill crop keeps it),
alternative texts that say what each picture shows in the page's language, language-neutral
credits, and PDFs of several pages with the publication's own title and summary.

The demo content is seeded once for this module (`demo_content`), inside a transaction rolled
back at its end.
"""

import re
from types import SimpleNamespace

import pytest
from bs4 import BeautifulSoup
from PIL import Image
from wagtail.images.image_operations import FillOperation
from wagtail.images.rect import Rect
from wagtail.models import Locale, Page

from demo.base import DEMO_CREDIT
from demo.media import give_pictures
from demo.pictures import COVER, WIDE, body_picture
from demo.specs import page_specs
from pages.models import (
    EventPage,
    GoodPracticePage,
    NewsPage,
    PortalImage,
    PublicationPage,
    SupportedProjectPage,
)
from tests import helpers

# Seeded on helpers.NOW; pictures and documents never depend on the day: not in make test-clock.
pytestmark = [pytest.mark.django_db, pytest.mark.undated]

ITEM_TYPES = [EventPage, GoodPracticePage, SupportedProjectPage, NewsPage, PublicationPage]
# The fill crops the templates make of a wide picture (hero, card, home, news, figure) and of
# a publication's cover (card, cover).
FILL_SPECS = ["1920x800", "960x540", "1200x900", "960x640", "800x600"]
COVER_FILL_SPECS = ["960x540", "416x588-c50"]


def pages_with_pictures(language):
    return [
        page.specific
        for page in Page.objects.live()
        .filter(locale__language_code=language)
        .order_by("path")
        .specific()
        if getattr(page, "hero_image_id", None)
    ]


def test_every_item_has_a_picture_of_its_own(demo_content):
    german = pages_with_pictures("de")
    items = [page for page in german if type(page) in ITEM_TYPES]
    assert {type(page) for page in items} == set(ITEM_TYPES)
    assert len(items) == 11 + 5 + 1 + 9 + 4  # events, practices, project, news, publications
    # Not one picture shared, by any two pages (items, indexes, standard and home pages).
    images = [page.hero_image for page in german]
    assert len({image.pk for image in images}) == len(german)
    assert len({image.file_hash for image in images}) == len(german)
    # Translations show the same picture as their source.
    for page in german:
        english = page.get_translation(Locale.objects.get(language_code="en"))
        assert english.specific.hero_image_id == page.hero_image_id


def test_pictures_have_the_shape_of_their_use_and_the_motif_in_every_crop(demo_content):
    for page in pages_with_pictures("de"):
        image = page.hero_image
        size = COVER if isinstance(page, PublicationPage) else WIDE
        assert (image.width, image.height) == size, page
        focal = image.get_focal_point()
        assert focal is not None, page
        for spec in COVER_FILL_SPECS if size == COVER else FILL_SPECS:
            crop = fill_crop(image, spec)
            inside = (crop.left, crop.top) <= (focal.left, focal.top) and (
                crop.right >= focal.right and crop.bottom >= focal.bottom
            )
            assert inside, (page, spec, crop, focal)
        white_inside, white_outside = white_pixels(image, focal)
        assert white_inside > 0.01, (page, white_inside)  # the motif is in the box
        assert white_outside == 0, (page, white_outside)  # and nowhere else


def fill_crop(image, spec):
    """The rectangle Wagtail's fill operation cuts out of `image` for `spec`."""
    size, *extra = spec.split("-")
    recorded = []

    class Transform(SimpleNamespace):
        def crop(self, rect):
            recorded.append(rect)
            return Transform(size=(rect.width, rect.height))

        def resize(self, size):
            return Transform(size=size)

    FillOperation("fill", size, *extra).run(Transform(size=(image.width, image.height)), image)
    return Rect(*recorded[0])


def white_pixels(image, focal):
    """The share of near-white pixels inside the focal box, and their number outside it (covers:
    above their bands)."""
    with image.open_file() as handle:
        picture = Image.open(handle).convert("RGB")
        picture.load()
    white = picture.point(lambda value: 255 if value > 215 else 0).convert("L")
    white = white.point(lambda value: 255 if value == 255 else 0)
    box = tuple(round(edge) for edge in (focal.left, focal.top, focal.right, focal.bottom))
    inside = white.crop(box).histogram()[255] / ((box[2] - box[0]) * (box[3] - box[1]))
    outside = white.copy()
    outside.paste(0, box)
    if picture.height > picture.width:  # a cover's two white bands are not the motif
        outside = outside.crop((0, 0, picture.width, int(picture.height * 0.7)))
    return inside, outside.histogram()[255]


def test_alternative_texts_say_what_each_picture_shows_in_the_pages_language(demo_content, client):
    expected = {
        picture.title: picture
        for picture in give_pictures(page_specs(helpers.NOW.date()))[1].pictures.values()
    }
    for language, start in (("de", "Abstrakte Grafik: "), ("en", "Abstract graphic: ")):
        pages = pages_with_pictures(language)
        alts = [page.hero_alt_text for page in pages]
        assert len(set(alts)) == len(alts)  # no two pictures described alike
        for page in pages:
            picture = expected[page.hero_image.title]
            assert page.hero_alt_text == picture.describe(language)
            assert page.hero_alt_text.startswith(start)
        # The English page and its picture, as visitors get them.
        page = next(p for p in pages if isinstance(p, GoodPracticePage))
        html = BeautifulSoup(client.get(page.url).content, "html.parser")
        assert html.select_one("img[fetchpriority=high]")["alt"] == page.hero_alt_text
    # Images in the body: the block's alternative text in the page's language.
    for language in ("de", "en"):
        practice = GoodPracticePage.objects.get(
            locale__language_code=language,
            slug__in=[
                "rad-kanal-gemeinschaft-bangkok-bangmod",
                "cycling-canal-community-bangkok-bangmod",
            ],
        )
        [block] = [block for block in practice.body if block.block_type == "image"]
        assert block.value["alt_text"] == body_picture("canal").describe(language)
    assert body_picture("canal").describe("en").startswith("Abstract graphic: ")
    assert "wavy lines" in body_picture("canal").describe("en")
    assert "wellenförmige Linien" in body_picture("canal").describe("de")
    # The images' own descriptions (the default alternative text) are German, like the site.
    assert not PortalImage.objects.filter(description__startswith="Abstract").exists()


def test_credits_are_the_same_in_both_languages(demo_content, client):
    """Credits carry no word of either language ("© Connective Cities"): no German "Foto:" on
    English pages, no "Photo:" on German ones."""
    for language in ("de", "en"):
        credits = set()
        for page in Page.objects.live().filter(locale__language_code=language).specific():
            html = BeautifulSoup(client.get(page.url).content, "html.parser")
            credits |= {credit.get_text(strip=True) for credit in html.select(".credit")}
        assert credits == {DEMO_CREDIT}, language


def pdf_text(data):
    """The text shown on a PDF of render_pdf, line by line."""
    strings = re.findall(rb"\(((?:\\.|[^\\)])*)\) Tj", data)
    return [re.sub(rb"\\(.)", rb"\1", s).decode("cp1252") for s in strings]


def pdf_pages(data):
    return len(re.findall(rb"/Type /Page ", data))


def test_documents_are_pdfs_of_several_pages(demo_content):
    publications = PublicationPage.objects.filter(locale__language_code="de").order_by("path")
    assert publications.count() == 4
    for publication in publications:
        english = publication.get_translation(Locale.objects.get(language_code="en"))
        with publication.document.open_file() as handle:
            data = handle.read()
        assert data.startswith(b"%PDF-1.4")
        assert pdf_pages(data) >= 2
        lines = pdf_text(data)
        assert lines[0] == publication.title  # the title on top of the title page
        text = " ".join(lines)
        for value in (publication.subtitle, publication.teaser, english.teaser):
            assert " ".join(value.split()) in text, (publication, value)
        assert publication.authors in text
    for document in publications.first().document.__class__.objects.all():
        with document.open_file() as handle:
            data = handle.read()
        assert pdf_pages(data) >= 2, document
        assert pdf_text(data)[0] == document.title
