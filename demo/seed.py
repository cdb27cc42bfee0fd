"""The engine behind `manage.py seed_demo`: idempotent, bilingual demo content.

German is the source language. Every German page and snippet is created (or updated) with the
factories of `pages.factories`; its English version is a wagtail-localize translation:

1. `TranslationSource.update_or_create_from_instance(german)` extracts the German segments;
2. `Translation.objects.get_or_create(source=..., target_locale=en)` records the translation,
   so the translators' UI shows it as translated and can sync it later;
3. the English text is aligned to the segments: the English version of the same content (same
   block structure and block ids) is extracted with `extract_segments()` from an in-memory
   instance, and each German `StringSegment` gets the English text found at the same path and
   position as a `StringTranslation`; page links that should point to the English page get a
   `SegmentOverride`;
4. `translation.save_target()` creates or updates the English object; English pages are saved
   as a draft revision and published right away (wagtail-localize publishes in an on-commit
   hook, which never runs inside a test's transaction or an outer atomic block).

A page that may not be public stays a draft in both languages (an expert without consent:
`ExpertPage.may_be_public`); the English version of a page is published when the German one is.

The community's demo records (`demo.community`) are made the way the portal makes them: the
experts' private contacts with their consent recorded, and proposed practices stored, then
turned into draft good practices in the moderation workflow (`community.proposals.service`).

A second run changes nothing: objects are found by a stable key (slug, title, short name,
e-mail address), compared field by field and only saved, re-published or re-translated when
they differ. A consent is only ever recorded when a contact is created: one withdrawn in the
admin stays withdrawn, and a proposal, once stored, is left to the moderators.
"""

import copy
import hashlib
import json
import time
from collections import Counter, defaultdict
from contextlib import contextmanager
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.db.models.signals import post_save
from django.utils import timezone
from django.utils.text import slugify
from modelsearch import index as search_index
from modelsearch import signal_handlers as search_signal_handlers
from wagtail.documents import get_document_model
from wagtail.fields import StreamField
from wagtail.models import GroupPagePermission, Locale, Page, ReferenceIndex, Site
from wagtail.signal_handlers import disable_reference_index_auto_update
from wagtail_localize.fields import get_translatable_fields
from wagtail_localize.models import (
    SegmentOverride,
    StringTranslation,
    Translation,
    TranslationSource,
)
from wagtail_localize.segments import OverridableSegmentValue, StringSegmentValue
from wagtail_localize.segments.extract import extract_segments

from community.factories import ExpertContactFactory, ExpertIndexPageFactory, ExpertPageFactory
from community.models import ExpertContact, ExpertIndexPage, ExpertPage, PracticeProposal
from community.proposals import service as proposals
from footer.models import FooterLink, FooterSettings, FooterSupporter, SocialLink
from pages import factories
from pages.models import (
    Country,
    EventIndexPage,
    EventPage,
    GoodPracticeIndexPage,
    GoodPracticePage,
    HomePage,
    NewsIndexPage,
    NewsPage,
    PartnerOrganisation,
    PortalImage,
    PublicationIndexPage,
    PublicationPage,
    Region,
    StandardPage,
    SupportedProjectIndexPage,
    SupportedProjectPage,
    SustainableDevelopmentGoal,
    TaxonomyPage,
    Theme,
)
from seo.addresses import configured_address

from .auth import DEMO_GROUP
from .base import DEMO_CREDIT, Ref, assign_ids, localise
from .community import EXPERT_CONTACTS, PROPOSALS
from .legal import FOOTER
from .media import LOGOS, documents, give_pictures
from .specs import page_specs
from .taxonomy import COUNTRIES, PARTNERS, REGIONS, SDGS, THEMES

# Part of every generated file's digest: raise it when the drawing or PDF code changes, so
# that a later seed_demo replaces the files.
PICTURE_VERSION = 1
# Partner logos are drawn this high (px), each in a palette of its own
# (pages.factories.render_logo).
LOGO_HEIGHT = 200

# Where `make run` serves the portal, unless PORTAL_BASE_URL says otherwise.
DEMO_BASE_URL = "http://127.0.0.1:8000"

PAGE_FACTORIES = {
    HomePage: factories.HomePageFactory,
    StandardPage: factories.StandardPageFactory,
    EventIndexPage: factories.EventIndexPageFactory,
    GoodPracticeIndexPage: factories.GoodPracticeIndexPageFactory,
    SupportedProjectIndexPage: factories.SupportedProjectIndexPageFactory,
    NewsIndexPage: factories.NewsIndexPageFactory,
    PublicationIndexPage: factories.PublicationIndexPageFactory,
    EventPage: factories.EventPageFactory,
    GoodPracticePage: factories.GoodPracticePageFactory,
    SupportedProjectPage: factories.SupportedProjectPageFactory,
    NewsPage: factories.NewsPageFactory,
    PublicationPage: factories.PublicationPageFactory,
    ExpertIndexPage: ExpertIndexPageFactory,
    ExpertPage: ExpertPageFactory,
}

# Demo users: username, group (None for the superuser), name.
DEMO_USERS = [
    ("admin", None, ("Ada", "Admin")),
    ("editor", "Editors", ("Emil", "Editor")),
    ("moderator", "Moderators", ("Mona", "Moderator")),
    ("translator", "Translators (English)", ("Tara", "Translator")),
]
# Snippets editors must be able to choose on pages.
TAXONOMY_MODELS = [Region, Country, Theme, SustainableDevelopmentGoal, PartnerOrganisation]


class DemoContentError(Exception):
    """The demo data is inconsistent, e.g. the English text does not match the German."""


class Unresolved(Exception):
    """A reference to a page that does not exist (yet)."""


@dataclass
class Tally:
    created: int = 0
    updated: int = 0
    unchanged: int = 0

    def add(self, created, changed):
        if created:
            self.created += 1
        elif changed:
            self.updated += 1
        else:
            self.unchanged += 1

    def __str__(self):
        return f"{self.created} created, {self.updated} updated, {self.unchanged} unchanged"


@dataclass
class Report:
    tallies: dict[str, Tally] = field(default_factory=dict)

    def __getitem__(self, label):
        return self.tallies.setdefault(label, Tally())


def _digest(*parts):
    """A short, stable digest of what a generated file is made of."""
    return hashlib.sha256(repr(parts).encode()).hexdigest()[:10]


def _json(value):
    return json.dumps(value, cls=DjangoJSONEncoder, sort_keys=True)


def normalise_stream(stream_field, raw):
    """Raw StreamField data in the exact form Wagtail stores it (every child block filled in)."""
    value = stream_field.stream_block.to_python(raw)
    list(value)  # turn the lazy raw data into bound blocks, so that they are re-serialised
    return value.get_prep_value()


def apply_fields(obj, values):
    """Set field values on `obj` (in memory) and say whether anything changed."""
    changed = False
    for name, value in values.items():
        model_field = obj._meta.get_field(name)
        if isinstance(model_field, StreamField):
            value = normalise_stream(model_field, value)
            current = model_field.get_prep_value(getattr(obj, name))
            if _json(current) != _json(value):
                setattr(obj, name, value)
                changed = True
        elif model_field.many_to_many:
            manager = getattr(obj, name)
            if sorted(item.pk for item in manager.all()) != sorted(item.pk for item in value):
                manager.set(value)
                changed = True
        elif model_field.is_relation:
            if getattr(obj, model_field.attname) != (value.pk if value else None):
                setattr(obj, name, value)
                changed = True
        elif getattr(obj, name) != value:
            setattr(obj, name, value)
            changed = True
    return changed


def _translated_field_names(model):
    return [f.field_name for f in get_translatable_fields(model) if f.is_translated(model)]


@contextmanager
def search_index_updates_paused():
    """Save objects without updating the search index on every save.

    Seeding saves most objects several times (create, revision, publish, translate); the
    seeder indexes each object it touched once at the end instead. Like Wagtail's
    `disable_reference_index_auto_update`, for the current process only.
    """
    indexed = [
        model
        for model in search_index.get_indexed_models()
        if getattr(model, "search_auto_update", True)
    ]
    handler = search_signal_handlers.post_save_signal_handler
    for model in indexed:
        post_save.disconnect(handler, sender=model)
    try:
        yield
    finally:
        for model in indexed:
            post_save.connect(handler, sender=model)


class DemoSeeder:
    """Builds the demo content. `log` receives progress lines; `today` anchors relative dates."""

    def __init__(self, log=None, today=None, users=True):
        self.log = log or (lambda message: None)
        self.today = today or timezone.localdate()
        self.with_users = users
        self.report = Report()
        self.images = {}
        self.documents = {}
        self.snippets = {}  # (kind, key) -> German snippet
        self.pages_de = {}  # spec key -> German page
        self.pages_en = {}  # spec key -> English page
        self.changed_de = set()  # spec keys of German pages saved in this run
        self.touched = {}  # (model, pk) -> None: objects saved in this run, in order

    # -----------------------------------------------------------------------------------------

    def run(self):
        with (
            transaction.atomic(),
            disable_reference_index_auto_update(),
            search_index_updates_paused(),
        ):
            self.setup_locales()
            specs, pictures = give_pictures(page_specs(self.today))
            self.seed_media(specs, pictures)
            self.seed_taxonomy()
            self.seed_partners()
            self.seed_expert_contacts()
            self.seed_pages(specs)
            self.setup_site()
            self.translate_pages(specs)
            self.setup_footer()
            self.setup_groups()
            self.seed_proposals()  # after the groups (the workflow), before the users
            self.seed_users()
            self.update_indexes()
        return self.report

    def touch(self, obj):
        self.touched[type(obj), obj.pk] = None

    def update_indexes(self):
        """Index every object saved in this run once: references and search."""
        self.step("Search and reference indexes")
        by_model = defaultdict(list)
        for model, pk in self.touched:
            by_model[model].append(pk)
        count = 0
        for model, pks in by_model.items():
            for obj in model.objects.filter(pk__in=pks):
                ReferenceIndex.create_or_update_for_object(obj)
                search_index.insert_or_update_object(obj)
                count += 1
        self.report["indexed objects"].created = count
        self.log(f"  {count} objects indexed ({time.monotonic() - self._step_started:.1f} s)")

    def step(self, title):
        self._step_started = time.monotonic()
        self.log(f"{title} ...")

    def done(self, label):
        elapsed = time.monotonic() - self._step_started
        english = self.report.tallies.get(f"{label} (en)")
        translated = f"; English: {english}" if english else ""
        self.log(f"  {label}: {self.report[label]}{translated} ({elapsed:.1f} s)")

    # -----------------------------------------------------------------------------------------
    # Locales, images and documents

    def setup_locales(self):
        self.step("Locales")
        self.de = Locale.get_default()
        self.en, created = Locale.objects.get_or_create(language_code="en")
        self.report["locales"].add(False, False)  # German, the default, exists from migrations
        self.report["locales"].add(created, False)
        self.done("locales")

    def seed_media(self, specs, pictures):
        """Pictures (one per page with a hero image, see demo.media.give_pictures), logos and
        documents."""
        self.step("Images and documents")
        for key, picture in pictures.pictures.items():
            self.images[key] = self._picture(picture)
        for palette, (key, wordmark) in enumerate(LOGOS.items()):
            self.images[f"logo-{key}"] = self._logo(wordmark, palette)
        self.done("images")
        for key, (title, lines) in documents(specs).items():
            self.documents[key] = self._document(title, lines)
        self.done("documents")

    def _picture(self, picture):
        """The image of a demo picture. Its file name carries a digest of what the picture is
        made of, so a changed picture replaces the file of the image found by its title."""
        digest = _digest(picture, PICTURE_VERSION)
        x, y, width, height = picture.focal_box
        values = {
            "description": picture.describe("de"),
            "credit": DEMO_CREDIT,
            "focal_point_x": x,
            "focal_point_y": y,
            "focal_point_width": width,
            "focal_point_height": height,
        }
        name = f"{slugify(picture.title)[:60]}-{digest}.jpg"
        return self._image_file(picture.title, name, digest, values, picture.render)

    def _logo(self, wordmark, palette):
        """A partner's wordmark logo (PNG, factories.render_logo), found by its title; its file
        is replaced when the drawing changes (the digest in its file name)."""
        options = {"height": LOGO_HEIGHT, "palette": palette}
        digest = _digest(wordmark, options, PICTURE_VERSION)
        title = f"Logo {wordmark}"
        name = f"{slugify(title)[:60]}-{digest}.png"
        values = {"description": f"Logo: {wordmark}", "credit": ""}
        return self._image_file(
            title, name, digest, values, lambda: factories.render_logo(wordmark, **options)
        )

    def _image_file(self, title, name, digest, values, render):
        """The image found by its title, with `values`; created from `render()`, or its file
        replaced by it when `digest` (of what the file is drawn from) is not in the file's name."""
        image = PortalImage.objects.filter(title=title).order_by("pk").first()
        created = image is None
        if created:
            image = factories.PortalImageFactory(
                title=title, file=ContentFile(render(), name=name), **values
            )
            changed = True
        else:
            changed = apply_fields(image, values)
            if digest not in image.file.name:
                image.renditions.all().delete()
                image.file.delete(save=False)
                image.file = ContentFile(render(), name=name)
                image._set_image_file_metadata()
                changed = True
            if changed:
                image.save()
        if changed:
            self.touch(image)
        self.report["images"].add(created, changed and not created)
        return image

    def _document(self, title, lines):
        """A demo PDF, found by its title; replaced when its text changed (the digest in its
        file name)."""
        digest = _digest((title, lines), PICTURE_VERSION)
        name = f"{slugify(title)[:60]}-{digest}.pdf"
        document = get_document_model().objects.filter(title=title).order_by("pk").first()
        created = document is None
        changed = created
        if created:
            document = factories.DocumentFactory(
                title=title, file=ContentFile(factories.render_pdf(title, lines), name=name)
            )
        elif digest not in document.file.name:
            document.file.delete(save=False)
            document.file = ContentFile(factories.render_pdf(title, lines), name=name)
            document._set_document_file_metadata()
            document.save()
            changed = True
        if changed:
            self.touch(document)
        self.report["documents"].add(created, changed and not created)
        return document

    # -----------------------------------------------------------------------------------------
    # Snippets: taxonomy and partners

    def seed_taxonomy(self):
        self.step("Taxonomy")
        for order, (slug, name) in enumerate(REGIONS, start=1):
            self._snippet(
                "region",
                Region,
                factories.RegionFactory,
                {"slug": slug},
                {"name": name, "sort_order": order},
            )
        for code, name, region in COUNTRIES:
            self._snippet(
                "country",
                Country,
                factories.CountryFactory,
                {"slug": code},
                {"name": name, "region": self.snippets["region", region]},
            )
        for order, (slug, name, parent) in enumerate(THEMES, start=1):
            parent_theme = self.snippets["theme", parent] if parent else None
            self._snippet(
                "theme",
                Theme,
                factories.ThemeFactory,
                {"slug": slug},
                {"name": name, "parent": parent_theme, "sort_order": order},
            )
        for number, name in SDGS:
            self._snippet(
                "sdg",
                SustainableDevelopmentGoal,
                factories.SustainableDevelopmentGoalFactory,
                {"slug": f"sdg-{number}"},
                {"name": name, "number": number, "sort_order": number},
            )
        for label in ("region", "country", "theme", "sdg"):
            self.done(label)

    def seed_partners(self):
        self.step("Partner organisations")
        for key, values in PARTNERS:
            values = {**values, "logo": self.images[f"logo-{key}"]}
            self._snippet(
                "partner",
                PartnerOrganisation,
                factories.PartnerOrganisationFactory,
                {"short_name": values["short_name"].de},
                values,
                key=key,
            )
        self.done("partner")

    def _snippet(self, kind, model, factory, lookup, values, key=None):
        """Create or update a German snippet, then its English translation."""
        key = key or next(iter(lookup.values()))
        de_values = localise(values, "de")
        obj = model.objects.filter(locale=self.de, **lookup).first()
        created = obj is None
        if created:
            obj = factory(**{**de_values, **lookup, "locale": self.de})
            changed = True
        else:
            changed = apply_fields(obj, de_values)
            if changed:
                obj.full_clean()
                obj.save()
        if changed:
            self.touch(obj)
        self.snippets[kind, key] = obj
        self.report[kind].add(created, changed)

        english = copy.copy(obj)  # only read by extract_segments(), never saved
        english_values = localise(values, "en")
        apply_fields(
            english,
            {
                name: english_values[name]
                for name in _translated_field_names(model)
                if name in english_values
            },
        )
        status, _ = self.sync_translation(obj, english, force=changed)
        self.report[f"{kind} (en)"].add(status == "created", status == "updated")
        return obj

    def seed_expert_contacts(self):
        """The private side of the demo experts (see demo.community): created with their consent
        recorded, as a moderator would; an existing contact's consent is never touched."""
        self.step("Experts (contacts and consent)")
        for key, name, email, language, consents in EXPERT_CONTACTS:
            contact = ExpertContact.objects.filter(email=email).first()
            created = contact is None
            if created:
                contact = ExpertContactFactory(
                    name=name, email=email, language=language, consent=consents
                )
                changed = True
            else:
                changed = apply_fields(contact, {"name": name, "language": language})
                if changed:
                    contact.save()
            self.snippets["expert-contact", key] = contact
            self.report["expert contacts"].add(created, changed)
        self.done("expert contacts")

    # -----------------------------------------------------------------------------------------
    # Pages

    def resolve(self, value, language, in_stream=False, missing=None):
        """Replace Ref values by objects (or by primary keys inside StreamField data).

        A page reference resolves to the page in `language`. When the English page does not
        exist yet and `missing` is a list, the German page stands in and its key is added to
        `missing`; otherwise `Unresolved` is raised.
        """
        if isinstance(value, Ref):
            if value.kind == "image":
                obj = self.images[value.key]
            elif value.kind == "document":
                obj = self.documents[value.key]
            elif value.kind == "page":
                pages = self.pages_de if language == "de" else self.pages_en
                if value.key in pages:
                    obj = pages[value.key]
                elif missing is not None and value.key in self.pages_de:
                    missing.append(value.key)
                    obj = self.pages_de[value.key]
                else:
                    raise Unresolved(value.key)
            else:
                obj = self.snippets[value.kind, value.key]
            return obj.pk if in_stream else obj
        if isinstance(value, dict):
            return {k: self.resolve(v, language, in_stream, missing) for k, v in value.items()}
        if isinstance(value, list | tuple):
            return [self.resolve(v, language, in_stream, missing) for v in value]
        return value

    def page_values(self, spec, language, fields=None, missing=None):
        """The spec's field values in one language, with references resolved.

        Returns the values and the names of fields whose page references are not resolvable
        yet (those fields are left out). See `resolve` for `missing`.
        """
        values = localise(spec.fields, language)
        values.setdefault("body", [])
        resolved, pending = {}, []
        for name, value in values.items():
            if fields is not None and name not in fields:
                continue
            is_stream = isinstance(spec.model._meta.get_field(name), StreamField)
            if is_stream:
                value = assign_ids(value, f"{spec.key}/{name}")
            try:
                resolved[name] = self.resolve(value, language, is_stream, missing)
            except Unresolved:
                pending.append(name)
        return resolved, pending

    def seed_pages(self, specs):
        self.step("Pages (German)")
        deferred = []
        for spec in specs:
            values, pending = self.page_values(spec, "de")
            self.upsert_page(spec, values)
            if pending:
                deferred.append(spec)
        # Second pass for pages that link to pages further down the list.
        for spec in deferred:
            values, pending = self.page_values(spec, "de")
            if pending:
                raise DemoContentError(f"{spec.key}: unknown page in {pending}")
            self.upsert_page(spec, values, again=True)
        self.done("pages")

    def upsert_page(self, spec, values, again=False):
        parent = self.pages_de[spec.parent] if spec.parent else Page.get_first_root_node()
        model = spec.model
        page = model.objects.child_of(parent).filter(locale=self.de, slug=values["slug"]).first()
        tags = sorted(spec.tags)
        has_tags = issubclass(model, TaxonomyPage)
        created = page is None
        if created:
            # Fields the spec leaves out (or completes in the second pass) get the model's
            # default, not the factory's test data.
            for model_field in model._meta.concrete_fields:
                if model_field.model is model and not model_field.primary_key:
                    default = None if model_field.is_relation else model_field.get_default()
                    values.setdefault(model_field.name, default)
            extra = {"tags": tags} if has_tags else {}
            page = PAGE_FACTORIES[model].build(locale=self.de, **values, **extra)
            parent.add_child(instance=page)  # saves the relations set in memory, too
            changed = True
        else:
            changed = apply_fields(page, values)
            if has_tags and sorted(tag.name for tag in page.tags.all()) != tags:
                page.tags.set(tags)
                changed = True
        if isinstance(page, ExpertPage) and not page.may_be_public():
            # No consent: a draft (ExpertPage.save would keep it offline anyway).
            saved = changed
            if saved:
                page.save_revision()
        else:
            saved = changed or not page.live or page.has_unpublished_changes
            if saved:
                page.save_revision().publish()
        if saved:
            page = model.objects.get(pk=page.pk)
            self.touch(page)
            self.changed_de.add(spec.key)
        self.pages_de[spec.key] = page
        if not again:  # a page completed in the second pass is counted once, in the first
            self.report["pages"].add(created, changed)
        return page

    def setup_site(self):
        """The German home page becomes the root of the default site; Wagtail's welcome page
        goes. The English home page is its translation (Wagtail's i18n serves it at /en/)."""
        self.step("Site")
        home = self.pages_de["home"]
        site = Site.objects.filter(is_default_site=True).first() or Site.objects.first()
        # The Site answers where `make run` serves (or PORTAL_BASE_URL says): its links work.
        address = configured_address(default=DEMO_BASE_URL)
        if site is None:
            site = Site.objects.create(root_page=home, is_default_site=True, **address)
        fields = {"root_page": home, "site_name": settings.WAGTAIL_SITE_NAME, **address}
        changed = apply_fields(site, fields)
        if changed:
            site.save()
        self.report["site"].add(False, changed)
        page_type = ContentType.objects.get_for_model(Page)
        for welcome in Page.objects.filter(depth=2, content_type=page_type):
            self.log(f"  deleting Wagtail's default page {welcome.title!r}")
            welcome.delete()
        self.done("site")

    def setup_footer(self):
        """Settings → Footer of the demo site: legal pages, contact, links, partners and
        funders, social media profiles (German pages and snippets; the footer shows each in
        the visitor's language)."""
        self.step("Footer")
        site = Site.objects.get(is_default_site=True)
        created = not FooterSettings.objects.filter(site=site).exists()
        footer = FooterSettings.for_site(site)  # made on first use
        values = {field: self.pages_de[key] for field, key in FOOTER["legal"].items()}
        values["contact_email"] = FOOTER["contact_email"]
        values["accessibility_feedback_email"] = FOOTER["accessibility_feedback_email"]
        changed = apply_fields(footer, values)
        links = [self.pages_de[key].pk for key in FOOTER["links"]]
        supporters = [self.snippets["partner", key].pk for key in FOOTER["supporters"]]
        social = [tuple(item) for item in FOOTER["social_links"]]
        if created or [(x.page_id, x.sort_order) for x in footer.links.all()] != list(
            zip(links, range(len(links)), strict=True)
        ):
            footer.links = [FooterLink(page_id=pk, sort_order=i) for i, pk in enumerate(links)]
            changed = True
        if created or [(x.organisation_id, x.sort_order) for x in footer.supporters.all()] != list(
            zip(supporters, range(len(supporters)), strict=True)
        ):
            footer.supporters = [
                FooterSupporter(organisation_id=pk, sort_order=i) for i, pk in enumerate(supporters)
            ]
            changed = True
        if created or [(x.platform, x.url, x.sort_order) for x in footer.social_links.all()] != [
            (*item, i) for i, item in enumerate(social)
        ]:
            footer.social_links = [
                SocialLink(platform=p, url=url, sort_order=i) for i, (p, url) in enumerate(social)
            ]
            changed = True
        if changed:
            footer.save()
        self.report["footer"].add(created, changed)
        self.done("footer")

    def translate_pages(self, specs):
        self.step("Translations (English)")
        deferred = []
        for spec in specs:
            if self.translate_page(spec, first=True):
                deferred.append(spec)
        # Links to pages translated later in the list are pointed at them in a second pass.
        for spec in deferred:
            self.translate_page(spec, first=False)
        self.done("pages (en)")

    def translate_page(self, spec, first):
        """Translate one page; return True when some page link could not be localised yet."""
        german = self.pages_de[spec.key]
        model = spec.model
        names = [n for n in _translated_field_names(model) if n in spec.fields or n == "body"]
        # Links to pages not translated yet point to the German page for now (wagtail-localize's
        # default); the second pass points them to the English page.
        missing = []
        values, _ = self.page_values(spec, "en", fields=names, missing=missing)
        english = copy.copy(german)  # only read by extract_segments(), never saved
        apply_fields(english, values)
        # A changed German page is re-translated even if no text changed (e.g. new dates).
        force = first and spec.key in self.changed_de
        status, self.pages_en[spec.key] = self.sync_translation(german, english, force=force)
        if first:
            self.report["pages (en)"].add(status == "created", status == "updated")
        return bool(missing)

    # -----------------------------------------------------------------------------------------
    # wagtail-localize

    def sync_translation(self, source_object, english, force):
        """Make the English version of `source_object` a wagtail-localize translation carrying
        the texts of `english` (an unsaved instance with the English field values).

        `source_object` must be as saved (for pages: re-read after publishing). `force` updates
        the English object even if no text changed. Returns "created", "updated" or None, and
        the English object.
        """
        is_page = isinstance(source_object, Page)
        publish = not is_page or source_object.live  # a German draft has an English draft
        source, _ = TranslationSource.update_or_create_from_instance(source_object)
        translation, created = Translation.objects.get_or_create(
            source=source, target_locale=self.en
        )
        if not translation.enabled:
            translation.enabled = True
            translation.save(update_fields=["enabled"])
            created = True
        changed = force or created
        changed |= self._sync_strings(source, source_object, english)
        changed |= self._sync_overrides(source, english)

        target = source_object.get_translation_or_none(self.en)
        if is_page and target is not None and publish:
            changed |= not target.live or target.has_unpublished_changes
        if target is not None and not changed:
            return None, target.specific if is_page else target
        status = "created" if target is None else "updated"
        if is_page:
            translation.save_target(publish=False)
            target = source_object.get_translation(self.en).specific
            if publish:
                target.get_latest_revision().publish()
        else:
            translation.save_target(publish=True)
            target = source_object.get_translation(self.en)
        self.touch(target)
        return status, target

    def _sync_strings(self, source, source_object, english):
        english_strings = defaultdict(list)
        for segment in extract_segments(english):
            if isinstance(segment, StringSegmentValue):
                english_strings[segment.path].append(segment.string.data)

        existing = {
            (st.translation_of_id, st.context_id): st
            for st in StringTranslation.objects.filter(
                locale=self.en, context__object_id=source.object_id
            )
        }
        positions = Counter()
        changed = False
        new = []
        segments = source.stringsegment_set.select_related("context").order_by("order")
        for segment in segments:
            path = segment.context.path
            index = positions[path]
            positions[path] += 1
            try:
                text = english_strings[path][index]
            except IndexError:
                raise DemoContentError(
                    f"{source_object!r}: no English text for {path!r} (#{index + 1}); German "
                    "and English must have the same structure."
                ) from None
            found = existing.get((segment.string_id, segment.context_id))
            if found is None:
                # Extracted from valid content, so bulk_create may skip save()'s HTML check.
                found = StringTranslation(
                    translation_of_id=segment.string_id,
                    locale=self.en,
                    context_id=segment.context_id,
                    data=text,
                    translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL,
                )
                existing[segment.string_id, segment.context_id] = found
                new.append(found)
                changed = True
            elif found.data != text or found.has_error:
                found.data = text
                found.has_error = False
                found.field_error = ""
                found.save()
                changed = True
        extra = {path: len(texts) - positions[path] for path, texts in english_strings.items()}
        extra = {path: count for path, count in extra.items() if count > 0}
        if extra:
            raise DemoContentError(
                f"{source_object!r}: English text without German source at {sorted(extra)}"
            )
        StringTranslation.objects.bulk_create(new)
        return changed

    def _sync_overrides(self, source, english):
        """Page links in StreamFields point to the English page in the English version."""
        english_values = {
            segment.path: segment.data
            for segment in extract_segments(english)
            if isinstance(segment, OverridableSegmentValue)
        }
        changed = False
        for segment in source.overridablesegment_set.select_related("context"):
            value = english_values.get(segment.context.path)
            if value is None or value == segment.data:
                continue
            data_json = json.dumps(value, cls=DjangoJSONEncoder)
            override, created = SegmentOverride.objects.get_or_create(
                locale=self.en, context=segment.context, defaults={"data_json": data_json}
            )
            if created or override.data_json != data_json:
                override.data_json = data_json
                override.has_error = False
                override.save()
                changed = True
        return changed

    # -----------------------------------------------------------------------------------------
    # Proposed practices

    def seed_proposals(self):
        """Practices proposed through the public form (see demo.community), stored and turned
        into draft good practices in the moderation workflow like a real proposal (Wagtail
        notifies the moderators, none on a first run: the users come later); the invented
        submitters get no mail. Found again by their address and title."""
        self.step("Proposed practices")
        for data in PROPOSALS:
            found = PracticeProposal.objects.filter(email=data["email"], title=data["title"])
            created = not found.exists()
            if created:
                locale = self.de if data["language"] == "de" else self.en
                country = self.snippets["country", data["country"]].get_translation(locale)
                themes = [
                    self.snippets["theme", slug].get_translation(locale) for slug in data["themes"]
                ]
                values = {**data, "country": country, "themes": themes}
                proposal = proposals.store(
                    {**values, "images": [], "documents": []}, locale.language_code
                )
                self.touch(proposals.draft(proposal))
            self.report["proposals"].add(created, False)
        self.done("proposals")

    # -----------------------------------------------------------------------------------------
    # Groups and users

    def setup_groups(self):
        """The roles of `localization.roles` (Editors, Moderators, Translators per language,
        the moderation workflow), completed now that the home pages exist.

        On top of them, editors publish good practices directly (publish permission on the
        good-practice sections); everything else they submit for moderation.
        """
        from localization.roles.groups import EDITORS, ensure_roles

        self.step("Groups")
        created = ensure_roles()
        editors = Group.objects.get(name=EDITORS)
        self.report["groups"].add(created, False)

        view = [
            (model._meta.app_label, model._meta.model_name, f"view_{model._meta.model_name}")
            for model in TAXONOMY_MODELS
        ]
        changed = self._grant(editors, view)
        publish = Permission.objects.get(
            content_type__app_label="wagtailcore", codename="publish_page"
        )
        practices = [self.pages_de["practices"], self.pages_en["practices"]]
        for page in practices:
            _, granted = GroupPagePermission.objects.get_or_create(
                group=editors, page=page, permission=publish
            )
            changed |= granted
        self.report["groups"].add(False, changed)
        self.done("groups")

    def _grant(self, group, permissions):
        changed = False
        for app_label, model_name, codename in permissions:
            permission = Permission.objects.get(
                content_type__app_label=app_label,
                content_type__model=model_name,
                codename=codename,
            )
            if not group.permissions.filter(pk=permission.pk).exists():
                group.permissions.add(permission)
                changed = True
        return changed

    def seed_users(self):
        self.step("Users")
        if not self.with_users:
            self.log("  skipped (--no-users)")
            return
        if not settings.DEBUG:
            self.log("  skipped: demo users are only created when DEBUG is on")
            return
        user_model = get_user_model()
        password = settings.DEMO_PASSWORD
        # The mark that keeps them out wherever DEBUG is off (demo.auth); no permissions.
        demo_group, _created = Group.objects.get_or_create(name=DEMO_GROUP)
        for username, group_name, (first_name, last_name) in DEMO_USERS:
            superuser = group_name is None
            user, created = user_model.objects.get_or_create(
                username=username,
                defaults={
                    "email": f"{username}@example.org",
                    "first_name": first_name,
                    "last_name": last_name,
                    "is_staff": superuser,
                    "is_superuser": superuser,
                },
            )
            changed = False
            if created:
                user.set_password(password)
                user.save()
                changed = True
            if group_name and not user.groups.filter(name=group_name).exists():
                user.groups.add(Group.objects.get(name=group_name))
                changed = True
            if not user.groups.filter(pk=demo_group.pk).exists():
                user.groups.add(demo_group)
                changed = True
            self.report["users"].add(created, changed)
        self.done("users")
        self.log("  new users get the DEMO_PASSWORD setting as password; existing ones keep theirs")
