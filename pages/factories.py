"""Factories for every content type, shared by the tests and by `manage.py seed_demo`.

Every factory creates a valid object: it satisfies the model's `clean()` and the blocks'
`clean()` rules (an event has a city and country unless it is online, a call's deadline falls
on or before the first day, a good practice has a country, a publication has a file or a link,
a contact card has an email address, a call to action has a target).

Images and documents are real files generated locally: a gradient with a label (Pillow) and a
PDF, so renditions, downloads and the admin work without any network access.

    page = GoodPracticePageFactory(parent=index, themes=[theme], body__0="heading")
    event = EventPageFactory(parent=events, with_call=True, with_body=True)
"""

import hashlib
import io
import string
import textwrap
import unicodedata
from datetime import timedelta

import factory
import wagtail_factories
from django.core.files.base import ContentFile
from django.utils import timezone
from django.utils.text import slugify
from factory.django import DjangoModelFactory
from PIL import Image, ImageDraw, ImageFont
from wagtail.documents import get_document_model
from wagtail.models import Collection, Locale, Page
from wagtail.rich_text import RichText

from pages import blocks
from pages.models import (
    Country,
    EventFormat,
    EventIndexPage,
    EventPage,
    GoodPracticeIndexPage,
    GoodPracticePage,
    HomePage,
    NewsCategory,
    NewsIndexPage,
    NewsPage,
    PartnerOrganisation,
    PortalImage,
    ProjectStatus,
    PublicationIndexPage,
    PublicationPage,
    Region,
    StandardPage,
    SupportedProjectIndexPage,
    SupportedProjectPage,
    SustainableDevelopmentGoal,
    Theme,
)

DEFAULT_CREDIT = "Photo: Engagement Global"

# Start and end colours of the generated gradients; chosen by `palette` (any integer).
PALETTES = [
    ((0, 84, 122), (0, 158, 163)),  # petrol to teal
    ((170, 58, 33), (236, 148, 45)),  # brick to amber
    ((40, 97, 53), (142, 190, 84)),  # forest to leaf
    ((64, 52, 120), (151, 112, 196)),  # indigo to lilac
    ((31, 53, 84), (96, 140, 190)),  # night to sky
    ((120, 36, 70), (222, 106, 118)),  # wine to rose
]


# ---------------------------------------------------------------------------------------------
# Generated files


def _font(size, bold=False):
    """DejaVu Sans where installed (it has umlauts), else Pillow's built-in font."""
    try:
        return ImageFont.truetype("DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf", size), False
    except OSError:
        return ImageFont.load_default(size=size), True


def _logo_lines(label):
    """The lines of a wordmark: split at "|", else a name longer than 12 characters at the
    space nearest its middle."""
    if "|" in label:
        return [part.strip() for part in label.split("|")]
    if len(label) > 12 and " " in label:
        spaces = [i for i, char in enumerate(label) if char == " "]
        middle = min(spaces, key=lambda i: abs(i - len(label) / 2))
        return [label[:middle], label[middle + 1 :]]
    return [label]


def render_logo(label, height=200, palette=0, image_format="PNG"):
    """Image bytes of a wordmark logo: a mark in the palette's colours with `label` beside it
    in bold, on white and cut to its content, so that the name stays legible at the height a
    footer shows a logo (about 4 rem). The width follows the name."""
    start, end = PALETTES[palette % len(PALETTES)]
    lines = _logo_lines(label)
    size = height * 2 // 5 if len(lines) == 1 else height * 3 // 10
    font, ascii_only = _font(size, bold=True)
    if ascii_only:  # the built-in font lacks umlauts: "Städtetag" -> "Stadtetag"
        lines = [
            unicodedata.normalize("NFKD", line).encode("ascii", "ignore").decode() for line in lines
        ]
    padding = height // 10
    side = height - 2 * padding
    measure = ImageDraw.Draw(Image.new("RGB", (1, 1)))
    text_width = max(int(measure.textlength(line, font=font)) for line in lines)
    text_x = padding + side + padding * 3 // 2
    image = Image.new("RGB", (text_x + text_width + padding, height), (255, 255, 255))
    draw = ImageDraw.Draw(image)
    draw.rounded_rectangle(
        (padding, padding, padding + side, padding + side), radius=side // 5, fill=start
    )
    inset = side // 4
    draw.ellipse(
        (padding + inset, padding + inset, padding + side - inset, padding + side - inset),
        outline=(255, 255, 255),
        width=max(2, side // 10),
        fill=end,
    )
    line_height = size * 5 // 4
    top = (height - line_height * len(lines)) // 2
    for number, line in enumerate(lines):
        draw.text((text_x, top + number * line_height), line, font=font, fill=(31, 41, 51))
    buffer = io.BytesIO()
    image.save(buffer, format=image_format)
    return buffer.getvalue()


def render_image(label, width=1200, height=675, palette=0, image_format="JPEG", logo=False):
    """Image bytes. A picture carries no words (it is shown on pages of every language): a
    diagonal gradient in the portal's palette with soft circles and a band of thin lines, laid
    out by a hash of `label`, so each label gives its own picture. With `logo`, a wordmark
    logo of `label` (a logo is a name), `height` high (see `render_logo`)."""
    if logo:
        return render_logo(label, height, palette, image_format)
    start, end = PALETTES[palette % len(PALETTES)]
    size = (width, height)
    horizontal = Image.linear_gradient("L").rotate(90).resize(size)
    vertical = Image.linear_gradient("L").resize(size)
    mask = Image.blend(horizontal, vertical, 0.5)
    image = Image.composite(Image.new("RGB", size, end), Image.new("RGB", size, start), mask)

    overlay = Image.new("RGBA", size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(overlay)
    seed = hashlib.sha256(label.encode()).digest()
    for i in range(6):
        cx = seed[i] * width // 255
        cy = seed[i + 6] * height // 255
        radius = (seed[i + 12] % 40 + 12) * min(size) // 100
        box = (cx - radius, cy - radius, cx + radius, cy + radius)
        draw.ellipse(box, fill=(255, 255, 255, 18 + seed[i + 18] % 30))
    # A band of parallel lines at an angle of the hash's choosing.
    step = max(8, min(size) // 30)
    slope = (seed[24] % 5 - 2) or 1
    offset = seed[25] * width // 255
    for n in range(-40, 40):
        x = offset + n * step
        draw.line((x, 0, x + slope * height // 2, height), fill=(255, 255, 255, 22), width=2)
    image = Image.alpha_composite(image.convert("RGBA"), overlay).convert("RGB")

    buffer = io.BytesIO()
    image.save(buffer, format=image_format, quality=82)
    return buffer.getvalue()


def _pdf_text(text):
    encoded = text.encode("cp1252", errors="replace")
    return encoded.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def _pdf_pages(title, lines):
    """Content streams of A4 pages: the title on top of the first page, the lines wrapped and
    flowed onto as many pages as they need (a form feed, "\\f", starts a new page), a footer
    with the title and page number."""
    pages, current, y = [], [b"BT /F1 20 Tf 56 770 Td (" + _pdf_text(title) + b") Tj ET"], 730
    for paragraph in lines:
        if paragraph == "\f":
            pages.append(current)
            current, y = [], 780
            continue
        for line in textwrap.wrap(paragraph, 88) or [""]:
            if y < 80:
                pages.append(current)
                current, y = [], 780
            current.append(b"BT /F1 11 Tf 56 %d Td (" % y + _pdf_text(line) + b") Tj ET")
            y -= 15
        y -= 8
    pages.append(current)
    total = len(pages)
    return [
        b"\n".join(
            [
                *content,
                b"BT /F1 8 Tf 56 40 Td ("
                + _pdf_text(f"{title} \u2013 {number}/{total}")
                + b") Tj ET",
            ]
        )
        for number, content in enumerate(pages, start=1)
    ]


def render_pdf(title, lines=()):
    """A valid PDF (A4, Helvetica): `title` and the paragraphs of `lines`, over as many pages
    as the text takes, each page numbered."""
    streams = _pdf_pages(title, lines)
    font = 3 + 2 * len(streams)
    kids = b" ".join(b"%d 0 R" % (3 + 2 * i) for i in range(len(streams)))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % len(streams),
    ]
    for i, stream in enumerate(streams):
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
            b"/Resources << /Font << /F1 %d 0 R >> >> /Contents %d 0 R >>" % (font, 4 + 2 * i)
        )
        objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
    objects.append(
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
    )
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\n" % (len(objects) + 1))
    out.write(b"startxref\n%d\n%%%%EOF\n" % xref)
    return out.getvalue()


def _two_letters(n):
    letters = string.ascii_lowercase
    return letters[n // 26 % 26] + letters[n % 26]


def _root_collection():
    return Collection.get_first_root_node()


# ---------------------------------------------------------------------------------------------
# Media


class PortalImageFactory(DjangoModelFactory):
    """An image with a generated gradient file and a credit."""

    class Meta:
        model = PortalImage

    class Params:
        label = factory.SelfAttribute("title")
        palette = factory.Sequence(lambda n: n)
        width = 1200
        height = 675
        logo = False

    title = factory.Sequence(lambda n: f"Image {n}")
    description = factory.SelfAttribute("title")
    credit = DEFAULT_CREDIT
    collection = factory.LazyFunction(_root_collection)
    file = factory.LazyAttribute(
        lambda o: ContentFile(
            render_image(o.label, o.width, o.height, o.palette, logo=o.logo),
            name=f"{slugify(o.title)}.jpg",
        )
    )

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        image = model_class(*args, **kwargs)
        image._set_image_file_metadata()
        image.save()
        return image


class DocumentFactory(DjangoModelFactory):
    """A document with a generated PDF (`lines`: its paragraphs, "\\f" for a new page)."""

    class Meta:
        model = get_document_model()

    class Params:
        lines = ("Connective Cities",)

    title = factory.Sequence(lambda n: f"Document {n}")
    collection = factory.LazyFunction(_root_collection)
    file = factory.LazyAttribute(
        lambda o: ContentFile(render_pdf(o.title, o.lines), name=f"{slugify(o.title)}.pdf")
    )

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        document = model_class(*args, **kwargs)
        document._set_document_file_metadata()
        document.save()
        return document


# ---------------------------------------------------------------------------------------------
# Taxonomy and partners (snippets). Created in the default locale; looked up by slug + locale.


class TaxonomyTermFactory(DjangoModelFactory):
    class Meta:
        abstract = True
        django_get_or_create = ("slug", "locale")

    locale = factory.LazyFunction(Locale.get_default)
    name = factory.Sequence(lambda n: f"Term {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))
    sort_order = 0


class RegionFactory(TaxonomyTermFactory):
    class Meta:
        model = Region

    name = factory.Sequence(lambda n: f"Region {n}")


class CountryFactory(TaxonomyTermFactory):
    """A country; its slug is a two-letter code (ISO 3166-1 alpha-2 when you pass a real one)."""

    class Meta:
        model = Country

    name = factory.Sequence(lambda n: f"Country {n}")
    slug = factory.Sequence(_two_letters)
    region = factory.SubFactory(RegionFactory)


class ThemeFactory(TaxonomyTermFactory):
    """A focal theme; `ThemeFactory(topic=True)` or `parent=focal` gives one of its topics."""

    class Meta:
        model = Theme

    class Params:
        topic = factory.Trait(parent=factory.SubFactory("pages.factories.ThemeFactory"))

    name = factory.Sequence(lambda n: f"Theme {n}")
    parent = None


class SustainableDevelopmentGoalFactory(TaxonomyTermFactory):
    class Meta:
        model = SustainableDevelopmentGoal

    number = factory.Sequence(lambda n: n % 17 + 1)
    name = factory.LazyAttribute(lambda o: f"Goal {o.number}")
    slug = factory.LazyAttribute(lambda o: f"sdg-{o.number}")
    sort_order = factory.SelfAttribute("number")


class PartnerOrganisationFactory(DjangoModelFactory):
    class Meta:
        model = PartnerOrganisation

    class Params:
        with_logo = factory.Trait(
            logo=factory.SubFactory(
                PortalImageFactory,
                title=factory.LazyAttribute(lambda o: f"Logo {o.factory_parent.name}"),
                label=factory.LazyAttribute(lambda o: o.factory_parent.name),
                credit="",
                width=480,
                height=200,
                logo=True,
            )
        )

    locale = factory.LazyFunction(Locale.get_default)
    name = factory.Sequence(lambda n: f"Partner organisation {n}")
    short_name = ""
    role = PartnerOrganisation.Role.IMPLEMENTING
    website = "https://www.connective-cities.net/"
    logo = None


# ---------------------------------------------------------------------------------------------
# StreamField blocks. `BodyBlockFactory` covers the BaseStreamBlock; pass e.g.
# `body__0__heading__text="Context"`, `body__1="paragraph"`, or use a page factory's
# `with_body=True` for a body with one block of every common type.


class RichTextBlockFactory(wagtail_factories.blocks.BlockFactory):
    value = "<p>Many innovative solutions for sustainable urban development exist.</p>"

    class Meta:
        model = blocks.ParagraphBlock

    @classmethod
    def _construct_block(cls, block_class, *args, **kwargs):
        return RichText(kwargs["value"])


class HeadingBlockFactory(wagtail_factories.StructBlockFactory):
    text = factory.Faker("sentence", nb_words=4)
    level = "h2"
    anchor = ""

    class Meta:
        model = blocks.HeadingBlock


class QuoteBlockFactory(wagtail_factories.StructBlockFactory):
    quote = "Local solutions are required, yet they are increasingly globally relevant."
    attribution = "Connective Cities"
    role = ""

    class Meta:
        model = blocks.QuoteBlock


class PortalImageChooserBlockFactory(wagtail_factories.ImageChooserBlockFactory):
    image = factory.SubFactory(PortalImageFactory)


class ImageBlockFactory(wagtail_factories.StructBlockFactory):
    image = factory.SubFactory(PortalImageChooserBlockFactory)
    alt_text = "Participants of a dialogue event in a workshop"
    decorative = False
    caption = "Sharing municipal expertise"
    credit = DEFAULT_CREDIT

    class Meta:
        model = blocks.ImageBlock


class KeyFigureBlockFactory(wagtail_factories.StructBlockFactory):
    figure = factory.Sequence(lambda n: f"{(n + 1) * 10}+")
    label = "municipal actors"

    class Meta:
        model = blocks.layout.KeyFigureBlock


class KeyFiguresBlockFactory(wagtail_factories.StructBlockFactory):
    heading = "Results"
    figures = wagtail_factories.ListBlockFactory(KeyFigureBlockFactory)
    figures__0__label = "municipal actors"
    figures__1__label = "countries"

    class Meta:
        model = blocks.KeyFiguresBlock


class AccordionItemBlockFactory(wagtail_factories.StructBlockFactory):
    title = factory.Sequence(lambda n: f"Question {n}")
    content = factory.LazyFunction(lambda: RichText("<p>The answer, in a few sentences.</p>"))

    class Meta:
        model = blocks.layout.AccordionItemBlock


class AccordionBlockFactory(wagtail_factories.StructBlockFactory):
    heading = "Frequently asked questions"
    items = wagtail_factories.ListBlockFactory(AccordionItemBlockFactory)
    items__0__title = "Who can take part?"
    items__1__title = "What does it cost?"

    class Meta:
        model = blocks.AccordionBlock


class CallToActionBlockFactory(wagtail_factories.StructBlockFactory):
    title = "Subscribe to our newsletter"
    text = "News from our partners and network."
    button_label = "Subscribe"
    page = None
    url = "https://www.connective-cities.net/"

    class Meta:
        model = blocks.CallToActionBlock


class ContactCardBlockFactory(wagtail_factories.StructBlockFactory):
    name = "Connective Cities secretariat"
    role = ""
    institution = "Engagement Global"
    email = "info@connective-cities.net"
    phone = ""
    photo = None

    class Meta:
        model = blocks.ContactCardBlock


class PortalDocumentChooserBlockFactory(wagtail_factories.DocumentChooserBlockFactory):
    document = factory.SubFactory(DocumentFactory)


class DocumentItemBlockFactory(wagtail_factories.StructBlockFactory):
    document = factory.SubFactory(PortalDocumentChooserBlockFactory)
    title = ""

    class Meta:
        model = blocks.media.DocumentItemBlock


class DocumentListBlockFactory(wagtail_factories.StructBlockFactory):
    heading = "Documents"
    documents = wagtail_factories.ListBlockFactory(DocumentItemBlockFactory)
    documents__0__title = "Documentation"

    class Meta:
        model = blocks.DocumentListBlock


class BodyBlockFactory(wagtail_factories.StreamBlockFactory):
    heading = factory.SubFactory(HeadingBlockFactory)
    paragraph = factory.SubFactory(RichTextBlockFactory)
    quote = factory.SubFactory(QuoteBlockFactory)
    image = factory.SubFactory(ImageBlockFactory)
    key_figures = factory.SubFactory(KeyFiguresBlockFactory)
    accordion = factory.SubFactory(AccordionBlockFactory)
    call_to_action = factory.SubFactory(CallToActionBlockFactory)
    contact = factory.SubFactory(ContactCardBlockFactory)
    documents = factory.SubFactory(DocumentListBlockFactory)

    class Meta:
        model = blocks.BaseStreamBlock


# The body of a page created without body arguments: a heading and a paragraph.
DEFAULT_BODY = {"body__0__heading__text": "Introduction", "body__1": "paragraph"}
# One block of each common type, for `XxxPageFactory(with_body=True)`.
FULL_BODY = {
    "body__0__heading__text": "Context",
    "body__1": "paragraph",
    "body__2": "quote",
    "body__3": "image",
    "body__4": "key_figures",
    "body__5": "accordion",
    "body__6": "call_to_action",
    "body__7": "contact",
    "body__8": "documents",
}


# ---------------------------------------------------------------------------------------------
# Pages. Parents default to the right index under one home page, created when missing.


def _set_relation(name):
    """A post-generation hook that sets a many-to-many relation or the tags, when given."""

    def hook(obj, create, extracted, **kwargs):
        if extracted is None:
            return False
        getattr(obj, name).set(list(extracted))
        return True

    hook.__name__ = name
    return factory.PostGeneration(hook)


class BasePageFactory(wagtail_factories.PageFactory):
    """Base of the page factories.

    `with_body=True` gives a body with one block of every common type (`FULL_BODY`); without
    body arguments a page gets `DEFAULT_BODY`. (factory_boy traits cannot carry StreamField
    parameters, hence the handling in `_generate`.) Saves once more after a relation hook ran,
    since ParentalManyToMany values live in memory until the page is saved.
    """

    class Meta:
        abstract = True
        skip_postgeneration_save = True

    locale = factory.LazyFunction(Locale.get_default)
    title = factory.Sequence(lambda n: f"Page {n}")
    teaser = "A short summary shown on cards, in search results and in feeds."
    hero_image = None
    body = wagtail_factories.StreamFieldFactory(BodyBlockFactory)

    @classmethod
    def _generate(cls, strategy, params):
        with_body = params.pop("with_body", False)
        if with_body:
            params = {**FULL_BODY, **params}
        elif not any(key == "body" or key.startswith("body__") for key in params):
            params = {**DEFAULT_BODY, **params}
        return super()._generate(strategy, params)

    @classmethod
    def _after_postgeneration(cls, instance, create, results=None):
        if create and results and any(results.values()):
            instance.save()


class HomePageFactory(BasePageFactory):
    class Meta:
        model = HomePage
        django_get_or_create = ("parent", "slug")

    parent = factory.LazyFunction(Page.get_first_root_node)
    title = "Connective Cities"
    slug = "startseite"


class StandardPageFactory(BasePageFactory):
    class Meta:
        model = StandardPage

    parent = factory.SubFactory(HomePageFactory)
    partners = _set_relation("partners")


class _IndexPageFactory(BasePageFactory):
    class Meta:
        abstract = True
        django_get_or_create = ("parent", "slug")

    parent = factory.SubFactory(HomePageFactory)


class EventIndexPageFactory(_IndexPageFactory):
    class Meta:
        model = EventIndexPage

    title = "Veranstaltungen"
    slug = "veranstaltungen"


class GoodPracticeIndexPageFactory(_IndexPageFactory):
    class Meta:
        model = GoodPracticeIndexPage

    title = "Gute Praxis"
    slug = "gute-praxis"


class SupportedProjectIndexPageFactory(_IndexPageFactory):
    class Meta:
        model = SupportedProjectIndexPage

    title = "Projekte"
    slug = "projekte"


class NewsIndexPageFactory(_IndexPageFactory):
    class Meta:
        model = NewsIndexPage

    title = "Aktuelles"
    slug = "aktuelles"


class PublicationIndexPageFactory(_IndexPageFactory):
    class Meta:
        model = PublicationIndexPage

    title = "Publikationen"
    slug = "publikationen"


class TaxonomyPageFactory(BasePageFactory):
    class Meta:
        abstract = True

    themes = _set_relation("themes")
    sdgs = _set_relation("sdgs")
    tags = _set_relation("tags")


class EventPageFactory(TaxonomyPageFactory):
    """A dialogue event next month in a city; traits `with_call`, `past` and `is_online`."""

    class Meta:
        model = EventPage

    class Params:
        with_call = factory.Trait(
            has_call=True,
            call_deadline=factory.LazyAttribute(lambda o: o.start_date - timedelta(days=14)),
            call_eligibility="<p>Municipal practitioners from partner cities.</p>",
            call_how_to_apply="<p>Send the application form to the secretariat.</p>",
        )
        past = factory.Trait(
            start_date=factory.LazyFunction(lambda: timezone.localdate() - timedelta(days=60))
        )
        is_online = factory.Trait(online=True, city="", country=None, venue="")

    parent = factory.SubFactory(EventIndexPageFactory)
    format = EventFormat.DIALOGUE
    start_date = factory.LazyFunction(lambda: timezone.localdate() + timedelta(days=30))
    end_date = factory.LazyAttribute(lambda o: o.start_date + timedelta(days=2))
    venue = ""
    city = "Bonn"
    country = factory.SubFactory(CountryFactory, slug="de", name="Deutschland")
    online = False
    languages = "Deutsch, Englisch"
    has_call = False
    call_deadline = None
    organisers = _set_relation("organisers")


class SupportedProjectPageFactory(TaxonomyPageFactory):
    class Meta:
        model = SupportedProjectPage

    parent = factory.SubFactory(SupportedProjectIndexPageFactory)
    partner_municipality = "Greater Amman Municipality"
    country = factory.SubFactory(CountryFactory, slug="jo", name="Jordanien")
    german_partner = ""
    origin_event = None
    status = ProjectStatus.PLANNING


class GoodPracticePageFactory(TaxonomyPageFactory):
    class Meta:
        model = GoodPracticePage

    parent = factory.SubFactory(GoodPracticeIndexPageFactory)
    city = "Lörrach"
    country = factory.SubFactory(CountryFactory, slug="de", name="Deutschland")
    challenge = "<p>The challenge the city faced.</p>"
    approach = "<p>How the city approached it.</p>"
    results = "<p>What has changed.</p>"
    lessons = "<p>What others can learn from it.</p>"
    transferability = "<p>Under which conditions it works elsewhere.</p>"
    related_events = _set_relation("related_events")
    related_projects = _set_relation("related_projects")


class NewsPageFactory(TaxonomyPageFactory):
    class Meta:
        model = NewsPage

    parent = factory.SubFactory(NewsIndexPageFactory)
    date = factory.LazyFunction(timezone.localdate)
    category = NewsCategory.NEWS
    source_url = ""
    regions = _set_relation("regions")


class PublicationPageFactory(TaxonomyPageFactory):
    """A publication with a generated PDF; pass `document=None, external_url=...` for a link."""

    class Meta:
        model = PublicationPage

    parent = factory.SubFactory(PublicationIndexPageFactory)
    year = 2017
    authors = ""
    publisher = ""
    document = factory.SubFactory(
        DocumentFactory, title=factory.LazyAttribute(lambda o: o.factory_parent.title)
    )
    external_url = ""
    regions = _set_relation("regions")
