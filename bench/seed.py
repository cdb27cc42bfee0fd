"""Builds the benchmark's synthetic site: thousands of pages in German and English, fast.

Structural pages (two home pages, five section indexes, two standard pages) are made the usual
way: `add_child`, `save_revision().publish()` and `copy_for_translation` for English. The leaf
pages (events, good practices, projects, news, publications) are written with bulk INSERTs, one
table at a time inside a transaction, which is two orders of magnitude faster than `add_child`
(`time_add_child` measures the difference). What the bulk path computes itself, exactly as
treebeard and Wagtail would:

* the materialised path (`Page._get_path`, steplen 4), depth, `numchild` of the parents;
* `url_path`, `content_type`, `locale`, `translation_key` shared by a page and its translation;
* the publishing state of a published page (`live`, `first/last_published_at`).

What it leaves out, because serving live pages never reads it: revisions (`latest_revision`,
`live_revision` stay empty), the search index entries and the reference index. The tree is
checked at the end with SQL versions of treebeard's `find_problems()` checks (plus url_path
and translation pairs); `--treebeard-check` runs `find_problems()` itself too (a minute).

English pages copy their source's relations unchanged, as `copy_for_translation` does: themes,
SDGs, countries, related events/projects and origin events point at the German objects.
"""

import datetime
import random
import sys
import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from time import perf_counter

from django.contrib.contenttypes.models import ContentType
from django.core.management.color import no_style
from django.db import connection, transaction
from django.db.models import Max
from django.utils import timezone
from taggit.models import Tag
from wagtail.models import Locale, Page, Site

from bench import content
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

LANGUAGES = ("de", "en")
IMAGE_POOL = 12
DOCUMENT_POOL = 5
HERO_SHARE = 0.7  # share of pages with a hero image


def log(message):
    print(message, flush=True)


@dataclass
class Sizes:
    """Pages per language of each type."""

    practices: int = 5000
    events: int = 2000
    projects: int = 400
    news: int = 400
    publications: int = 400

    def as_dict(self):
        return dict(self.__dict__)


@dataclass
class Pair:
    """A page in German and its English translation."""

    de: Page
    en: Page

    def __getitem__(self, language):
        return getattr(self, language)


class Profile:
    """Hooks through which another benchmark varies the site (bench/search.py: searchable text,
    dates over ten years, items left untranslated). These defaults build the site bench/run.py
    measures, and take nothing from the context's random generator."""

    # (slug, German name, English name, focal theme slug or None)
    themes = content.THEMES
    # Whether some items may exist in German only (relaxes the tree check's translation pairs).
    source_only = False

    def languages(self, ctx, model, shared):
        """The languages in which the item `shared` (see `_shared`) gets a page."""
        return LANGUAGES

    def customise(self, ctx, page, shared):
        """Called once per page, before it is written; may change its fields."""


@dataclass
class Context:
    rng: random.Random
    today: datetime.date
    now: datetime.datetime
    locales: dict
    terms: dict = field(default_factory=dict)  # kind -> list of German term ids
    regions_by_country: dict = field(default_factory=dict)
    images: list = field(default_factory=list)
    documents: list = field(default_factory=list)
    tags: list = field(default_factory=list)
    sections: dict = field(default_factory=dict)  # key -> Pair
    standard: dict = field(default_factory=dict)
    ids: dict = field(default_factory=dict)  # type key -> list of German page ids
    featured: dict = field(default_factory=dict)  # type key -> index of the featured item
    next_id: int = 0
    profile: Profile = field(default_factory=Profile)

    def allocate(self):
        self.next_id += 1
        return self.next_id


# ---------------------------------------------------------------------------------------------
# Taxonomy, partners, media


def seed_taxonomy(ctx):
    de, en = ctx.locales["de"], ctx.locales["en"]

    def pair(model, slug, names, sort_order=0, **shared):
        key = uuid.uuid4()
        made = {}
        for language, locale in (("de", de), ("en", en)):
            extra = {k: (v[language] if isinstance(v, dict) else v) for k, v in shared.items()}
            made[language] = model.objects.create(
                name=names[language],
                slug=slug,
                sort_order=sort_order,
                locale=locale,
                translation_key=key,
                **extra,
            )
        return made

    regions = {}
    for order, (slug, name_de, name_en) in enumerate(content.REGIONS):
        regions[slug] = pair(Region, slug, {"de": name_de, "en": name_en}, order)
    countries = []
    for code, name_de, name_en, region, city in content.COUNTRIES:
        made = pair(
            Country,
            code,
            {"de": name_de, "en": name_en},
            region={"de": regions[region]["de"], "en": regions[region]["en"]},
        )
        countries.append((made["de"].pk, city))
        ctx.regions_by_country[made["de"].pk] = regions[region]["de"].pk
    themes = {}
    for order, (slug, name_de, name_en, parent) in enumerate(ctx.profile.themes):
        parents = themes.get(parent) or {"de": None, "en": None}
        themes[slug] = pair(
            Theme, slug, {"de": name_de, "en": name_en}, order, parent=dict(parents)
        )
    sdgs = []
    for number, name_de, name_en in content.SDGS:
        made = pair(
            SustainableDevelopmentGoal,
            f"sdg-{number}",
            {"de": name_de, "en": name_en},
            number,
            number=number,
        )
        sdgs.append(made["de"].pk)
    ctx.terms["region"] = [made["de"].pk for made in regions.values()]
    ctx.terms["country"] = countries
    ctx.terms["theme"] = [made["de"].pk for made in themes.values()]
    ctx.terms["sdg"] = sdgs
    ctx.tags = [
        Tag.objects.create(name=name, slug=f"tag-{i}").pk for i, name in enumerate(content.TAGS)
    ]
    return {
        "regions": len(regions),
        "countries": len(countries),
        "themes": len(themes),
        "sdgs": len(sdgs),
        "tags": len(ctx.tags),
    }


def seed_media(ctx):
    """A pool of generated images (with their renditions) and PDFs, plus the partners."""
    from pages.factories import DocumentFactory, PortalImageFactory

    for i in range(IMAGE_POOL):
        image = PortalImageFactory(title=f"Bench image {i + 1}", palette=i)
        ctx.images.append(image)
    for i in range(DOCUMENT_POOL):
        ctx.documents.append(DocumentFactory(title=f"Bench document {i + 1}").pk)
    prerender_renditions(ctx.images)

    partners = []
    for order, (name_de, name_en, role, has_logo) in enumerate(content.PARTNERS):
        logo = (
            PortalImageFactory(title=f"Logo {name_en}", width=480, height=200, credit="")
            if has_logo
            else None
        )
        if logo is not None:
            prerender_renditions([logo], ["max-320x160|format-webp"])
        key = uuid.uuid4()
        for language, name in (("de", name_de), ("en", name_en)):
            partner = PartnerOrganisation.objects.create(
                name=name,
                role=role,
                website="https://www.connective-cities.net/",
                logo=logo,
                sort_order=order,
                locale=ctx.locales[language],
                translation_key=key,
            )
            if language == "de":
                partners.append(partner.pk)
    ctx.terms["partner"] = partners


def image_specs():
    """The rendition specs the templates ask for, so that no request renders an image."""
    specs = [
        "fill-640x267|format-webp",
        "fill-1200x500|format-webp",
        "fill-1920x800|format-webp",
        "fill-480x360|format-webp",
        "fill-800x600|format-webp",
        "fill-1200x900|format-webp",
        # components/_figure.html (image and gallery blocks)
        "width-480|format-webp",
        "width-800|format-webp",
        "width-1200|format-webp",
        "fill-400x300|format-webp",
        "fill-800x600|format-webp",
    ]
    try:
        from pages.models.media import CARD_IMAGE_SPECS
    except ImportError:
        CARD_IMAGE_SPECS = ("fill-480x270|format-webp", "fill-960x540|format-webp")
    return [*CARD_IMAGE_SPECS, *specs]


def prerender_renditions(images, specs=None):
    specs = specs or image_specs()
    for image in images:
        image.get_renditions(*specs)


# ---------------------------------------------------------------------------------------------
# Structural pages, the usual way


def _stream(*blocks):
    return [
        {"type": kind, "value": value, "id": content.block_id(*key)} for key, kind, value in blocks
    ]


def _paragraphs(ctx, language, key, count=2, heading=None):
    blocks = []
    if heading:
        blocks.append(((*key, "h"), "heading", {"text": heading, "level": "h2", "anchor": ""}))
    for n in range(count):
        text = content.sentences(ctx.rng, language, 3)
        blocks.append(((*key, "p", n), "paragraph", f"<p>{text}</p>"))
    return _stream(*blocks)


def _items(key, values):
    return [
        {"type": "item", "value": value, "id": content.block_id(*key, n)}
        for n, value in enumerate(values)
    ]


def _figure(ctx, language, n):
    image = ctx.images[n % len(ctx.images)].pk
    caption = content.sentences(ctx.rng, language, 1)[:120]
    return {
        "image": image,
        "alt_text": caption,
        "decorative": False,
        "caption": caption,
        "credit": "",
    }


def rich_body(ctx, language, key, page_ids):
    """A body with one block of every kind that loads other objects: two images, a gallery of
    six, a document list of three, related pages, a call to action with a page link, key
    figures and an accordion; to show whether blocks cost queries per item."""
    en = language == "en"
    blocks = _paragraphs(ctx, language, (*key, "intro"), 2, content.WORDS["heading_context"][en])
    blocks += _stream(
        ((*key, "img", 0), "image", _figure(ctx, language, 2)),
        ((*key, "img", 1), "image", _figure(ctx, language, 3)),
        (
            (*key, "gallery"),
            "gallery",
            {
                "title": "Galerie" if not en else "Gallery",
                "images": _items((*key, "gallery"), [_figure(ctx, language, n) for n in range(6)]),
            },
        ),
        (
            (*key, "docs"),
            "documents",
            {
                "heading": "Dokumente" if not en else "Documents",
                "documents": _items(
                    (*key, "docs"), [{"document": d, "title": ""} for d in ctx.documents[:3]]
                ),
            },
        ),
        (
            (*key, "related"),
            "related_pages",
            {
                "heading": "Siehe auch" if not en else "See also",
                "pages": _items((*key, "related"), list(page_ids)),
            },
        ),
        (
            (*key, "cta"),
            "call_to_action",
            {
                "title": "Mitmachen" if not en else "Take part",
                "text": content.sentences(ctx.rng, language, 1),
                "button_label": "Mehr" if not en else "More",
                "page": page_ids[0],
                "url": "",
            },
        ),
        (
            (*key, "figures"),
            "key_figures",
            {
                "heading": content.WORDS["figures"][en],
                "figures": _items(
                    (*key, "figures"),
                    [
                        {"figure": "12 000", "label": content.WORDS["residents"][en]},
                        {"figure": "7", "label": content.WORDS["partners"][en]},
                    ],
                ),
            },
        ),
        (
            (*key, "faq"),
            "accordion",
            {
                "heading": "FAQ",
                "items": _items(
                    (*key, "faq"),
                    [
                        {
                            "title": f"{n + 1}?",
                            "content": f"<p>{content.sentences(ctx.rng, language, 2)}</p>",
                        }
                        for n in range(3)
                    ],
                ),
            },
        ),
    )
    return blocks


def translate(page, locale, **changes):
    """A published translation, made the way wagtail-localize does."""
    translated = page.copy_for_translation(locale)
    for name, value in changes.items():
        setattr(translated, name, value)
    translated.save_revision().publish()
    return translated.specific_class.objects.get(pk=translated.pk)


def add_published(parent, instance):
    page = parent.add_child(instance=instance)
    page.save_revision().publish()
    return page.specific_class.objects.get(pk=page.pk)


def seed_structure(ctx):
    de, en = ctx.locales["de"], ctx.locales["en"]
    hero = ctx.images[0].pk
    root = Page.get_first_root_node()
    site = Site.objects.get(is_default_site=True)
    old_root = site.root_page
    home_de = add_published(
        root,
        HomePage(
            title="Connective Cities",
            slug="startseite",
            locale=de,
            teaser=content.sentences(ctx.rng, "de", 2),
            hero_image_id=hero,
            body=_paragraphs(ctx, "de", ("home",), 2, "Willkommen"),
        ),
    )
    site.root_page = home_de
    site.save()
    if old_root.specific_class is Page:
        old_root.delete()
    home_en = translate(
        home_de,
        en,
        slug="home",
        teaser=content.sentences(ctx.rng, "en", 2),
        body=_paragraphs(ctx, "en", ("home",), 2, "Welcome"),
    )
    home = Pair(home_de, home_en)
    sections = [
        ("events", EventIndexPage, "Veranstaltungen", "veranstaltungen", "Events", "events"),
        (
            "practices",
            GoodPracticeIndexPage,
            "Gute Praxis",
            "gute-praxis",
            "Good practice",
            "good-practice",
        ),
        ("projects", SupportedProjectIndexPage, "Projekte", "projekte", "Projects", "projects"),
        ("news", NewsIndexPage, "Aktuelles", "aktuelles", "News", "news"),
        (
            "publications",
            PublicationIndexPage,
            "Publikationen",
            "publikationen",
            "Publications",
            "publications",
        ),
    ]
    for key, model, title_de, slug_de, title_en, slug_en in sections:
        page_de = add_published(
            home.de,
            model(
                title=title_de,
                slug=slug_de,
                locale=de,
                show_in_menus=True,
                teaser=content.sentences(ctx.rng, "de", 1),
            ),
        )
        page_en = translate(
            page_de, en, title=title_en, slug=slug_en, teaser=content.sentences(ctx.rng, "en", 1)
        )
        ctx.sections[key] = Pair(page_de, page_en)

    about_de = add_published(
        home.de,
        StandardPage(
            title="Über uns",
            slug="ueber-uns",
            locale=de,
            show_in_menus=True,
            teaser=content.sentences(ctx.rng, "de", 2),
            hero_image_id=ctx.images[1].pk,
            body=rich_body(ctx, "de", ("about",), [p.de.pk for p in ctx.sections.values()][:4]),
        ),
    )
    about_en = translate(
        about_de,
        en,
        title="About us",
        slug="about-us",
        body=rich_body(ctx, "en", ("about",), [p.de.pk for p in ctx.sections.values()][:4]),
    )
    partners_de = StandardPage(
        title="Partner",
        slug="partner",
        locale=de,
        teaser=content.sentences(ctx.rng, "de", 1),
        body=_paragraphs(ctx, "de", ("partners",), 2),
    )
    partners_de.partners = list(PartnerOrganisation.objects.filter(pk__in=ctx.terms["partner"]))
    partners_de = add_published(about_de, partners_de)
    partners_en = translate(
        partners_de,
        en,
        title="Partners",
        slug="partners",
        body=_paragraphs(ctx, "en", ("partners",), 2),
    )
    ctx.standard["home"] = home
    ctx.standard["about"] = Pair(about_de, about_en)
    ctx.standard["partners"] = Pair(partners_de, partners_en)


# ---------------------------------------------------------------------------------------------
# Leaf pages, in bulk


class BulkPages:
    """Collects pages of one type (with their relations) and writes them table by table."""

    def __init__(self, ctx, model):
        self.ctx = ctx
        self.model = model
        self.content_type_id = ContentType.objects.get_for_model(model).pk
        self.pages = []
        self.relations = defaultdict(list)  # through model -> rows
        self.parent_counts = defaultdict(int)

    def add(self, parent, language, translation_key, title, slug, published, **fields):
        self.parent_counts[parent.pk] += 1
        position = self.parent_counts[parent.pk] + parent.numchild
        pk = self.ctx.allocate()
        page = self.model(
            id=pk,
            page_ptr_id=pk,
            path=Page._get_path(parent.path, parent.depth + 1, position),
            depth=parent.depth + 1,
            numchild=0,
            url_path=f"{parent.url_path}{slug}/",
            content_type_id=self.content_type_id,
            locale_id=self.ctx.locales[language].pk,
            translation_key=translation_key,
            title=title,
            draft_title=title,
            slug=slug,
            live=True,
            has_unpublished_changes=False,
            first_published_at=published,
            last_published_at=published,
            latest_revision_created_at=published,
            show_in_menus=False,
            **fields,
        )
        self.pages.append(page)
        return page

    def relate(self, page, name, target_ids):
        """Rows of a many-to-many relation (or `tags`) of `page`."""
        if name == "tags":
            through = self.model._meta.get_field("tagged_items").related_model
            rows = [through(content_object_id=page.pk, tag_id=t) for t in target_ids]
        else:
            m2m = self.model._meta.get_field(name)
            through = m2m.remote_field.through
            source, target = f"{m2m.m2m_field_name()}_id", f"{m2m.m2m_reverse_field_name()}_id"
            rows = [through(**{source: page.pk, target: t}) for t in target_ids]
        self.relations[through].extend(rows)

    def write(self, label):
        started = perf_counter()
        page_fields = Page._meta.local_concrete_fields
        own_fields = self.model._meta.local_concrete_fields
        total = len(self.pages)
        done = 0
        with transaction.atomic():
            for fields, manager in (
                (page_fields, Page._base_manager),
                (own_fields, self.model._base_manager),
            ):
                size = _batch_size(len(fields))
                for start in range(0, total, size):
                    manager._insert(self.pages[start : start + size], fields=fields)
                    done += len(self.pages[start : start + size])
                    _progress(label, done, 2 * total, started)
            for through, rows in self.relations.items():
                through.objects.bulk_create(rows, batch_size=_batch_size(3))
            for parent_pk, count in self.parent_counts.items():
                Page.objects.filter(pk=parent_pk).update(numchild=count)
        _progress(label, 2 * total, 2 * total, started, final=True)
        return perf_counter() - started


def _batch_size(columns):
    limit = connection.features.max_query_params or 65535
    return max(1, min(2000, limit // max(1, columns)))


def _progress(label, done, total, started, final=False):
    """A progress line, redrawn in place on a terminal; only the final one otherwise."""
    if not (final or sys.stdout.isatty()):
        return
    elapsed = perf_counter() - started
    end = "\n" if final else "\r"
    sys.stdout.write(f"   {label}: {done * 100 // max(1, total):3d}% ({elapsed:5.1f} s){end}")
    sys.stdout.flush()


def _pick(rng, items, low, high):
    return rng.sample(items, rng.randint(low, min(high, len(items))))


def _hero(ctx):
    return ctx.rng.choice(ctx.images).pk if ctx.rng.random() < HERO_SHARE else None


def _languages(bulk, shared):
    return bulk.ctx.profile.languages(bulk.ctx, bulk.model, shared)


def _common_relations(bulk, page, shared):
    bulk.ctx.profile.customise(bulk.ctx, page, shared)
    bulk.relate(page, "themes", shared["themes"])
    bulk.relate(page, "sdgs", shared["sdgs"])
    bulk.relate(page, "tags", shared["tags"])


def _shared(ctx, i, featured=False):
    rng = ctx.rng
    return {
        "key": uuid.uuid4(),
        "hero": ctx.images[i % len(ctx.images)].pk if featured else _hero(ctx),
        "themes": _pick(rng, ctx.terms["theme"], 2 if featured else 1, 3),
        "sdgs": _pick(rng, ctx.terms["sdg"], 2 if featured else 0, 2),
        "tags": _pick(rng, ctx.tags, 1 if featured else 0, 3),
        "published": ctx.now - datetime.timedelta(minutes=7 * i + rng.randint(0, 6)),
        "index": i,
        "featured": featured,
    }


def seed_events(ctx, count):
    bulk = BulkPages(ctx, EventPage)
    section = ctx.sections["events"]
    featured = count // 2
    ctx.featured["event"] = featured
    formats = list(EventFormat.values)
    rng, today = ctx.rng, ctx.today
    for i in range(count):
        is_featured = i == featured
        shared = _shared(ctx, i, is_featured)
        if is_featured:
            start = today + datetime.timedelta(days=30)
        else:
            start = today + datetime.timedelta(days=rng.randint(-3 * 365, 365))
        end = start + datetime.timedelta(days=rng.choice((0, 0, 1, 2, 4)))
        online = i % 10 == 7 and not is_featured
        country, city = rng.choice(ctx.terms["country"])
        has_call = is_featured or (start > today and i % 3 == 0) or (start <= today and i % 5 == 0)
        deadline = start - datetime.timedelta(days=7 if start > today else 14)
        organisers = _pick(rng, ctx.terms["partner"], 1, 2)
        past = end < today
        # Earlier events (their ids are known), else the section pages.
        related = ctx.ids.get("event", [])[:3] or [p.de.pk for p in ctx.sections.values()][:3]
        for language in _languages(bulk, shared):
            word = content.WORDS["event"][language == "en"]
            fmt = formats[i % len(formats)]
            page = bulk.add(
                section[language],
                language,
                shared["key"],
                f"{word} {i + 1:05d}: {city}",
                f"{word.lower().replace(' ', '-')}-{i + 1:05d}",
                shared["published"],
                teaser=content.sentences(rng, language, 2),
                hero_image_id=shared["hero"],
                body=rich_body(ctx, language, ("event", i), related)
                if is_featured
                else _paragraphs(
                    ctx,
                    language,
                    ("event", i),
                    2,
                    content.WORDS["heading_context"][language == "en"],
                ),
                format=fmt,
                start_date=start,
                end_date=end,
                venue="" if online else "Rathaus",
                city="" if online else city,
                country_id=None if online else country,
                online=online,
                languages="Deutsch, Englisch" if language == "de" else "German, English",
                has_call=has_call,
                call_deadline=deadline if has_call else None,
                call_closed=has_call and i % 11 == 0 and not is_featured,
                call_eligibility=f"<p>{content.sentences(rng, language, 1)}</p>"
                if has_call
                else "",
                call_how_to_apply=f"<p>{content.sentences(rng, language, 1)}</p>"
                if has_call
                else "",
                documentation=_paragraphs(ctx, language, ("event-doc", i), 1)
                if past and i % 4 == 0
                else [],
            )
            _common_relations(bulk, page, shared)
            bulk.relate(page, "organisers", organisers)
            if language == "de":
                ctx.ids.setdefault("event", []).append(page.pk)
    return len(bulk.pages), bulk.write("events")


def seed_projects(ctx, count):
    bulk = BulkPages(ctx, SupportedProjectPage)
    section = ctx.sections["projects"]
    featured = count // 2
    ctx.featured["project"] = featured
    events = ctx.ids["event"]
    statuses = list(ProjectStatus.values)
    rng = ctx.rng
    for i in range(count):
        is_featured = i == featured
        shared = _shared(ctx, i, is_featured)
        country, city = rng.choice(ctx.terms["country"])
        if is_featured:
            origin = events[ctx.featured["event"]]
        else:
            origin = rng.choice(events) if rng.random() < 0.6 else None
        start = datetime.date(2016 + i % 9, 1 + i % 12, 1)
        for language in _languages(bulk, shared):
            word = content.WORDS["project"][language == "en"]
            page = bulk.add(
                section[language],
                language,
                shared["key"],
                f"{word} {i + 1:05d}: {city}",
                f"{word.lower()}-{i + 1:05d}",
                shared["published"],
                teaser=content.sentences(rng, language, 2),
                hero_image_id=shared["hero"],
                body=_paragraphs(ctx, language, ("project", i), 2),
                partner_municipality=f"Stadtverwaltung {city}"
                if language == "de"
                else f"City of {city}",
                country_id=country,
                german_partner="Stadt Bonn" if i % 2 else "",
                origin_event_id=origin,
                status=statuses[i % len(statuses)],
                period_start=start,
                period_end=start + datetime.timedelta(days=730) if i % 3 else None,
                funding="BMZ" if i % 2 else "",
                results=f"<p>{content.sentences(rng, language, 2)}</p>",
            )
            _common_relations(bulk, page, shared)
            if language == "de":
                ctx.ids.setdefault("project", []).append(page.pk)
    return len(bulk.pages), bulk.write("projects")


def seed_practices(ctx, count):
    bulk = BulkPages(ctx, GoodPracticePage)
    section = ctx.sections["practices"]
    featured = count // 2
    ctx.featured["practice"] = featured
    events, projects = ctx.ids["event"], ctx.ids["project"]
    featured_event = events[ctx.featured["event"]]
    # A handful of practices share the featured event, so its lineage lists several cards.
    sharing_event = set(range(featured - 3, featured + 4)) if count > 8 else {featured}
    rng = ctx.rng
    for i in range(count):
        is_featured = i == featured
        shared = _shared(ctx, i, is_featured)
        country, city = rng.choice(ctx.terms["country"])
        related_events = _pick(rng, events, 0, 2) if rng.random() < 0.3 else []
        related_projects = [rng.choice(projects)] if rng.random() < 0.2 else []
        if i in sharing_event:
            related_events = [featured_event, *[e for e in related_events if e != featured_event]]
        if is_featured:
            related_projects = [projects[ctx.featured["project"]]]
            if len(events) > 1:
                related_events.append(events[(ctx.featured["event"] + 1) % len(events)])
        key_facts = []
        if is_featured or i % 2:
            key_facts = [
                {
                    "type": "key_figures",
                    "id": content.block_id("practice", i, "kf"),
                    "value": {
                        "heading": content.WORDS["figures"][0],
                        "figures": [
                            {
                                "type": "item",
                                "id": content.block_id("practice", i, "kf", n),
                                "value": {"figure": figure, "label": content.WORDS[label][0]},
                            }
                            for n, (figure, label) in enumerate(
                                (("12 000", "residents"), ("7", "partners"))
                            )
                        ],
                    },
                }
            ]
        for language in _languages(bulk, shared):
            en = language == "en"
            word = content.WORDS["practice"][en]
            sections = {
                name: f"<p>{content.sentences(rng, language, 3)}</p>"
                for name in GoodPracticePage.SECTIONS
            }
            if related_events:
                link_text = "the event" if en else "der Veranstaltung"
                sections["approach"] += (
                    f"<p>{'Presented at' if en else 'Vorgestellt bei'} "
                    f'<a linktype="page" id="{related_events[0]}">{link_text}</a>.</p>'
                )
            page = bulk.add(
                section[language],
                language,
                shared["key"],
                f"{word} {i + 1:05d}: {city}",
                f"{word.lower().replace(' ', '-')}-{i + 1:05d}",
                shared["published"],
                teaser=content.sentences(rng, language, 2),
                hero_image_id=shared["hero"],
                body=rich_body(
                    ctx,
                    language,
                    ("practice", i),
                    [*related_events[:1], *related_projects[:1], events[0], projects[0]],
                )
                if is_featured
                else _paragraphs(
                    ctx, language, ("practice", i), 2, content.WORDS["heading_steps"][en]
                ),
                city=city,
                country_id=country,
                contact_person="Amina Haddad" if i % 2 else "",
                contact_institution=f"Stadtverwaltung {city}" if not en else f"City of {city}",
                contact_email="kontakt@example.org" if i % 3 == 0 else "",
                key_facts=key_facts,
                **sections,
            )
            _common_relations(bulk, page, shared)
            bulk.relate(page, "related_events", related_events)
            bulk.relate(page, "related_projects", related_projects)
            if language == "de":
                ctx.ids.setdefault("practice", []).append(page.pk)
    return len(bulk.pages), bulk.write("practices")


def seed_news(ctx, count):
    bulk = BulkPages(ctx, NewsPage)
    section = ctx.sections["news"]
    ctx.featured["news"] = count // 2
    categories = list(NewsCategory.values)
    rng = ctx.rng
    for i in range(count):
        shared = _shared(ctx, i, i == ctx.featured["news"])
        regions = _pick(rng, ctx.terms["region"], 1, 2)
        for language in _languages(bulk, shared):
            word = content.WORDS["news"][language == "en"]
            page = bulk.add(
                section[language],
                language,
                shared["key"],
                f"{word} {i + 1:05d}",
                f"{word.lower().replace(' ', '-')}-{i + 1:05d}",
                shared["published"],
                teaser=content.sentences(rng, language, 2),
                hero_image_id=shared["hero"],
                body=_paragraphs(ctx, language, ("news", i), 3),
                date=ctx.today - datetime.timedelta(days=i // 2),
                category=categories[i % len(categories)],
                source_url="https://www.example.org/news" if i % 5 == 0 else "",
            )
            _common_relations(bulk, page, shared)
            bulk.relate(page, "regions", regions)
            if language == "de":
                ctx.ids.setdefault("news", []).append(page.pk)
    return len(bulk.pages), bulk.write("news")


def seed_publications(ctx, count):
    bulk = BulkPages(ctx, PublicationPage)
    section = ctx.sections["publications"]
    featured = count // 2
    ctx.featured["publication"] = featured
    rng = ctx.rng
    for i in range(count):
        is_featured = i == featured
        shared = _shared(ctx, i, is_featured)
        regions = _pick(rng, ctx.terms["region"], 1, 2)
        document = ctx.documents[i % len(ctx.documents)] if is_featured or i % 3 == 0 else None
        for language in _languages(bulk, shared):
            word = content.WORDS["publication"][language == "en"]
            page = bulk.add(
                section[language],
                language,
                shared["key"],
                f"{word} {i + 1:05d}",
                f"{word.lower()}-{i + 1:05d}",
                shared["published"],
                teaser=content.sentences(rng, language, 2),
                hero_image_id=shared["hero"],
                body=_paragraphs(ctx, language, ("publication", i), 2),
                subtitle=content.sentences(rng, language, 1)[:200],
                year=2008 + i % 18,
                authors="Helene Fourniere, Esteban Leon",
                publisher="Connective Cities",
                document_id=document,
                external_url="" if document else "https://www.example.org/report.pdf",
            )
            _common_relations(bulk, page, shared)
            bulk.relate(page, "regions", regions)
            if language == "de":
                ctx.ids.setdefault("publication", []).append(page.pk)
    return len(bulk.pages), bulk.write("publications")


# ---------------------------------------------------------------------------------------------


def seed(sizes, random_seed=42, treebeard_check=False, profile=None):
    """Builds the whole site in the (migrated, empty) database. Returns a report dict.

    `profile` (a `Profile`) varies the site for other benchmarks; by default none."""
    timings = {}
    started = perf_counter()
    ctx = Context(
        rng=random.Random(random_seed),
        today=timezone.localdate(),
        now=timezone.now(),
        locales={
            "de": Locale.objects.get_or_create(language_code="de")[0],
            "en": Locale.objects.get_or_create(language_code="en")[0],
        },
        profile=profile or Profile(),
    )

    step = perf_counter()
    taxonomy = seed_taxonomy(ctx)
    timings["taxonomy_s"] = perf_counter() - step
    log(f"   taxonomy: {taxonomy} ({timings['taxonomy_s']:.1f} s)")

    step = perf_counter()
    seed_media(ctx)
    timings["media_s"] = perf_counter() - step
    log(
        f"   media: {IMAGE_POOL} images with renditions, {DOCUMENT_POOL} documents ({timings['media_s']:.1f} s)"
    )

    step = perf_counter()
    seed_structure(ctx)
    timings["structure_s"] = perf_counter() - step
    log(
        f"   structure: 2 homes, 5 section indexes, 2 standard pages per language ({timings['structure_s']:.1f} s)"
    )

    ctx.next_id = Page.objects.aggregate(top=Max("id"))["top"] or 0
    pages = {}
    for key, function, count in (
        ("events", seed_events, sizes.events),
        ("projects", seed_projects, sizes.projects),
        ("practices", seed_practices, sizes.practices),
        ("news", seed_news, sizes.news),
        ("publications", seed_publications, sizes.publications),
    ):
        written, seconds = function(ctx, count)
        pages[key] = written
        timings[f"{key}_s"] = seconds
    _reset_page_sequence()

    step = perf_counter()
    tree = check_tree(full=treebeard_check, source_only=ctx.profile.source_only)
    timings["tree_check_s"] = perf_counter() - step
    if any(tree.values()):
        raise RuntimeError(f"The bulk-built page tree has problems: {tree}")
    how = "treebeard find_problems + SQL" if treebeard_check else "SQL"
    log(f"   tree check ({how}): ok, {tree} ({timings['tree_check_s']:.1f} s)")

    timings["total_s"] = perf_counter() - started
    return {
        "context": ctx,
        "taxonomy": taxonomy,
        "bulk_pages": pages,
        "timings": timings,
    }


# Each row a problem: the same checks as treebeard's find_problems(), done in SQL (that one
# walks every node in Python and takes a minute on this tree), plus Wagtail's url_path and the
# German/English pairs.
TREE_CHECKS = {
    "bad_steplen": "SELECT COUNT(*) FROM wagtailcore_page WHERE LENGTH(path) != depth * 4",
    "orphans": """
        SELECT COUNT(*) FROM wagtailcore_page c WHERE c.depth > 1 AND NOT EXISTS (
            SELECT 1 FROM wagtailcore_page p WHERE p.path = SUBSTR(c.path, 1, LENGTH(c.path) - 4)
        )""",
    "wrong_numchild": """
        SELECT COUNT(*) FROM wagtailcore_page p LEFT JOIN (
            SELECT SUBSTR(path, 1, LENGTH(path) - 4) AS parent, COUNT(*) AS n
            FROM wagtailcore_page WHERE depth > 1 GROUP BY SUBSTR(path, 1, LENGTH(path) - 4)
        ) c ON c.parent = p.path WHERE p.numchild != COALESCE(c.n, 0)""",
    "duplicate_paths": """
        SELECT COUNT(*) FROM (SELECT path FROM wagtailcore_page GROUP BY path HAVING COUNT(*) > 1) d""",
    "wrong_url_path": """
        SELECT COUNT(*) FROM wagtailcore_page c JOIN wagtailcore_page p
            ON p.path = SUBSTR(c.path, 1, LENGTH(c.path) - 4)
        WHERE c.depth > 2 AND c.url_path != p.url_path || c.slug || '/'""",
    "untranslated": """
        SELECT COUNT(*) FROM wagtailcore_page p WHERE p.depth > 1 AND (
            SELECT COUNT(*) FROM wagtailcore_page t WHERE t.translation_key = p.translation_key
        ) != 2""",
}
# With `Profile.source_only`: an item may lack its English page, never its German one.
SOURCE_ONLY_CHECKS = {
    "untranslated": """
        SELECT COUNT(*) FROM wagtailcore_page p WHERE p.depth > 1 AND (
            SELECT COUNT(*) FROM wagtailcore_page t WHERE t.translation_key = p.translation_key
        ) NOT IN (1, 2)""",
    "translation_without_source": """
        SELECT COUNT(*) FROM wagtailcore_page p JOIN wagtailcore_locale l ON l.id = p.locale_id
        WHERE p.depth > 1 AND l.language_code != 'de' AND NOT EXISTS (
            SELECT 1 FROM wagtailcore_page s JOIN wagtailcore_locale sl ON sl.id = s.locale_id
            WHERE s.translation_key = p.translation_key AND sl.language_code = 'de')""",
}


def check_tree(full=False, source_only=False):
    """{problem: number of pages}; all zero for a sound tree."""
    found = {}
    checks = {**TREE_CHECKS, **SOURCE_ONLY_CHECKS} if source_only else TREE_CHECKS
    with connection.cursor() as cursor:
        for name, sql in checks.items():
            cursor.execute(sql)
            found[name] = cursor.fetchone()[0]
    if full:
        names = ("evil_chars", "bad_steplen", "orphans", "wrong_depth", "wrong_numchild")
        for name, ids in zip(names, Page.find_problems(), strict=True):
            found[f"treebeard_{name}"] = len(ids)
    return found


def _reset_page_sequence():
    """PostgreSQL keeps its own id sequence; move it past the ids written explicitly."""
    statements = connection.ops.sequence_reset_sql(no_style(), [Page])
    if statements:
        with connection.cursor() as cursor:
            for sql in statements:
                cursor.execute(sql)


def time_add_child(ctx, count):
    """Seconds per page pair (German page + English translation) the usual way, rolled back.

    add_child + save_revision().publish() for the German page, copy_for_translation +
    save_revision().publish() for the English one, with every signal handler (search index,
    reference index) running as it does in the admin.
    """

    class Rollback(Exception):
        pass

    country, city = ctx.terms["country"][0]
    elapsed = 0.0
    try:
        with transaction.atomic():
            index = GoodPracticeIndexPage.objects.get(pk=ctx.sections["practices"].de.pk)
            started = perf_counter()
            for i in range(count):
                page = GoodPracticePage(
                    title=f"Add-child {i}",
                    slug=f"add-child-{i}",
                    locale=ctx.locales["de"],
                    city=city,
                    country_id=country,
                    teaser=content.sentences(ctx.rng, "de", 2),
                    body=_paragraphs(ctx, "de", ("add-child", i), 2, "Kontext"),
                )
                index.add_child(instance=page)
                page.themes = list(Theme.objects.filter(pk__in=ctx.terms["theme"][:2]))
                page.save_revision().publish()
                translated = page.copy_for_translation(ctx.locales["en"])
                translated.save_revision().publish()
            elapsed = perf_counter() - started
            raise Rollback
    except Rollback:
        pass
    return elapsed / max(1, count)
