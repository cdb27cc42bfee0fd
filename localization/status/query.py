"""The translation status of every translatable page and snippet, built with a fixed number of
bulk queries (independent of the number of pages and snippets).

One `Item` per translation group (`translation_key`): a page and its translations, or a snippet
and its translations. For each content language the item has a `Cell` with one status:

``source``
    The language the item was authored in: the locale of its wagtail-localize
    `TranslationSource` (the one with translations, if there are several); without any
    `TranslationSource`, the locale of the oldest object of the group (lowest primary key).
``missing``
    No object of the group in that locale (an alias page counts as missing: wagtail-localize
    offers to translate it as well).
``stale``
    A synced translation (an enabled `Translation`) whose source changed after the last sync.
    wagtail-localize translates the frozen copy of the source kept in
    `TranslationSource.content_json`, extracted at `TranslationSource.last_updated_at` (on
    submit and on every "Sync translated pages"). The source has changed since then when its
    current content differs from that copy in a translatable or synchronised field
    (`get_translatable_fields`):

    * pages: only pages published after the last extraction can differ
      (`Page.last_published_at > TranslationSource.last_updated_at`); for those, the content of
      the live revision (what the next sync would extract: the page row holds the live content)
      is compared field by field with `content_json`, so re-publishing without a change does not
      make a translation stale. A page published after the sync without a live revision to
      compare is stale;
    * snippets (no revisions, no timestamps): the current row, serialised the way
      wagtail-localize serialises it, is compared field by field with `content_json`.

    Unpublished drafts of the source do not count: a sync would not pick them up.
``in_progress``
    A synced translation with string segments still untranslated; `done`/`total` is what
    `Translation.get_progress()` returns, computed for all translations in one query.
``draft``
    The object exists but is not live or has unpublished changes (pages only; snippets have
    no draft state).
``up_to_date``
    Everything else: live, fully translated, and synced since the source last changed (or a
    translation made by hand, outside wagtail-localize's sync, that is live).

The order above is the order of precedence: a stale translation is shown as stale even if it
is also a draft (`Cell.draft` and `Cell.total`/`Cell.done` keep the other facts).
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.contrib.admin.utils import quote
from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Count, Exists, F, IntegerField, Model, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import get_serializable_data_for_fields
from wagtail.coreutils import get_content_languages
from wagtail.models import Locale, Page, Revision, get_translatable_models
from wagtail_localize.fields import get_translatable_fields
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)

SOURCE = "source"
MISSING = "missing"
STALE = "stale"
IN_PROGRESS = "in_progress"
DRAFT = "draft"
UP_TO_DATE = "up_to_date"

STATUS_CHOICES = [
    (SOURCE, _("Source")),
    (MISSING, _("Missing")),
    (STALE, _("Stale")),
    (IN_PROGRESS, _("In progress")),
    (DRAFT, _("Draft")),
    (UP_TO_DATE, _("Up to date")),
]
STATUS_LABELS = dict(STATUS_CHOICES)

SNIPPETS_SECTION = "snippets"


@dataclass
class Cell:
    """The state of one item in one language."""

    language: str
    status: str
    object_pk: Any = None
    title: str = ""
    draft: bool = False
    total: int = 0
    done: int = 0
    translation_id: int | None = None
    edit_url: str = ""
    translate_url: str = ""
    sync_url: str = ""

    @property
    def label(self):
        return STATUS_LABELS[self.status]

    @property
    def percent(self):
        return round(100 * self.done / self.total) if self.total else 100

    @property
    def progress(self):
        """'3/10' for translations with segments, else ''."""
        return f"{self.done}/{self.total}" if self.translation_id and self.total else ""


@dataclass
class Item:
    """A page or snippet and its translations, in every content language."""

    key: str  # "<app_label>.<model_name>:<translation_key>", the id used by the bulk action
    translation_key: Any
    model: type[Model]
    is_page: bool
    source_language: str
    source_pk: Any
    title: str
    titles: dict[str, str] = field(default_factory=dict)
    section_key: str = ""
    section_title: str = ""
    source_id: int | None = None
    sort_key: tuple = ()
    cells: dict[str, Cell] = field(default_factory=dict)

    @property
    def type_label(self):
        return capfirst(self.model._meta.verbose_name)

    @property
    def type_value(self):
        return self.model._meta.label_lower

    @property
    def source_cell(self):
        return self.cells[self.source_language]

    def cell_list(self, languages):
        return [self.cells[code] for code in languages]


def content_languages():
    """Codes of the content languages, in the order of WAGTAIL_CONTENT_LANGUAGES."""
    return list(get_content_languages())


def snippet_models():
    """Translatable models that are not pages (and not inline children of another model)."""
    return [
        model
        for model in get_translatable_models()
        if not issubclass(model, Page)
        and not any(isinstance(f, ParentalKey) for f in model._meta.get_fields())
    ]


def page_models():
    return [
        model
        for model in get_translatable_models(include_subclasses=True)
        if issubclass(model, Page) and model is not Page
    ]


def type_choices():
    models = sorted(
        [*page_models(), *snippet_models()], key=lambda m: str(m._meta.verbose_name).lower()
    )
    return [(m._meta.label_lower, capfirst(m._meta.verbose_name)) for m in models]


def _normalise(value):
    """Values as stored in revisions and in TranslationSource.content_json, comparable: JSON
    text (StreamField, JSON fields) is parsed, so that formatting does not matter."""
    if isinstance(value, str) and value[:1] in "[{":
        try:
            return json.loads(value)
        except ValueError:
            return value
    return value


def _loads(content):
    if isinstance(content, str):
        return json.loads(content)
    return content or {}


def translatable_field_names(model):
    """Names of the fields wagtail-localize translates or synchronises for `model`."""
    return [f.field_name for f in get_translatable_fields(model)]


def content_differs(model, current, frozen):
    """True if `current` and `frozen` (serialised content) differ in a field of `model` that
    wagtail-localize translates or synchronises."""
    return any(
        _normalise(current.get(name)) != _normalise(frozen.get(name))
        for name in translatable_field_names(model)
    )


def progress_by_translation():
    """`{translation_id: (total, done)}` for every translation, in one query.

    The same computation as `Translation.get_progress()` (string segments of the source, and
    those with an error-free StringTranslation into the target locale in the same context),
    as correlated subqueries instead of one query per translation.
    """
    segments = StringSegment.objects.filter(source_id=OuterRef("source_id"))

    def count(qs):
        return Coalesce(
            Subquery(qs.values("source_id").annotate(n=Count("pk")).values("n")[:1]),
            Value(0),
            output_field=IntegerField(),
        )

    translated = segments.filter(
        Exists(
            StringTranslation.objects.filter(
                translation_of_id=OuterRef("string_id"),
                context_id=OuterRef("context_id"),
                locale_id=OuterRef(OuterRef("target_locale_id")),
                has_error=False,
            )
        )
    )
    rows = Translation.objects.annotate(total=count(segments), done=count(translated)).values_list(
        "id", "total", "done"
    )
    return {pk: (total, done) for pk, total, done in rows}


def edit_url(model, pk):
    if issubclass(model, Page):
        return reverse("wagtailadmin_pages:edit", args=[pk])
    meta = model._meta
    return reverse(f"wagtailsnippets_{meta.app_label}_{meta.model_name}:edit", args=[quote(pk)])


def submit_url(model, pk, language):
    if issubclass(model, Page):
        url = reverse("wagtail_localize:submit_page_translation", args=[pk])
    else:
        meta = model._meta
        url = reverse(
            "wagtail_localize:submit_snippet_translation",
            args=[meta.app_label, meta.model_name, quote(pk)],
        )
    return f"{url}?select_locale={language}"


class StatusOverview:
    """Builds the items. Queries: locales, pages, one per snippet model, translation sources,
    translations with progress, and (for staleness) the changed sources' content plus the
    live revisions of their pages: constant in the number of pages and snippets."""

    def __init__(self, language=None):
        self.languages = content_languages()
        # Language of section titles (the admin user's language), falling back to the source.
        self.display_language = language

    def build(self):
        locales = dict(Locale.objects.values_list("id", "language_code"))
        self.locale_codes = locales
        groups = self._page_groups() + self._snippet_groups()

        sources = defaultdict(list)  # translation_key -> [source row]
        source_fields = ("id", "object_id", "locale_id", "specific_content_type_id")
        for row in TranslationSource.objects.values(*source_fields):
            sources[row["object_id"]].append(row)
        translations: defaultdict[int, dict] = defaultdict(dict)  # source_id -> {language: row}
        progress = progress_by_translation()
        for pk, source_id, locale_id, enabled in Translation.objects.values_list(
            "id", "source_id", "target_locale_id", "enabled"
        ):
            total, done = progress.get(pk, (0, 0))
            translations[source_id][locales.get(locale_id)] = {
                "id": pk,
                "enabled": enabled,
                "total": total,
                "done": done,
            }
        stale_sources = self._stale_sources()

        items = []
        for model, key, objects in groups:
            items.append(
                self._item(model, key, objects, sources.get(key, []), translations, stale_sources)
            )
        items.sort(key=lambda item: item.sort_key)
        return items

    # -- loading -------------------------------------------------------------------------------

    def _page_groups(self):
        fields = (
            "id",
            "path",
            "depth",
            "translation_key",
            "locale_id",
            "content_type_id",
            "title",
            "draft_title",
            "live",
            "has_unpublished_changes",
            "alias_of_id",
        )
        rows = list(Page.objects.filter(depth__gt=1).values(*fields).order_by("path"))
        models = {
            ct.pk: model for model, ct in ContentType.objects.get_for_models(*page_models()).items()
        }
        by_path = {row["path"]: row for row in rows}
        self.sections: dict[str, dict[str, str]] = {}  # section key -> {language: title}
        groups: dict[str, tuple] = {}
        for row in rows:
            row["language"] = self.locale_codes.get(row["locale_id"])
            row["section_key"] = ""
            if row["depth"] >= 3:
                section = by_path.get(row["path"][: Page.steplen * 3])
                if section:
                    row["section_key"] = str(section["translation_key"])
                    if row["depth"] == 3:
                        titles = self.sections.setdefault(row["section_key"], {})
                        titles[row["language"]] = row["title"]
            model = models.get(row["content_type_id"], Page)
            group = groups.setdefault(row["translation_key"], (model, row["translation_key"], []))
            group[2].append(row)
        return list(groups.values())

    def _snippet_groups(self):
        self.snippet_data: dict = {}
        groups: list[tuple] = []
        for model in snippet_models():
            by_key: dict[str, list[dict]] = {}
            for obj in model.objects.all().order_by("pk"):
                row = {
                    "id": obj.pk,
                    "translation_key": obj.translation_key,
                    "locale_id": obj.locale_id,
                    "language": self.locale_codes.get(obj.locale_id),
                    "title": str(obj),
                    "live": True,
                    "has_unpublished_changes": False,
                    "alias_of_id": None,
                    "section_key": SNIPPETS_SECTION,
                }
                self.snippet_data[(model, obj.pk)] = obj
                by_key.setdefault(obj.translation_key, []).append(row)
            groups.extend((model, key, rows) for key, rows in by_key.items())
        return groups

    def _stale_sources(self):
        """Ids of the TranslationSources whose source object changed since the last sync."""
        stale = set()
        synced = TranslationSource.objects.filter(
            Exists(Translation.objects.filter(source_id=OuterRef("pk"), enabled=True))
        )
        source_page = Page.objects.filter(
            translation_key=OuterRef("object_id"), locale_id=OuterRef("locale_id")
        )
        candidates_qs = self._page_candidates(synced, source_page)
        candidates = list(
            candidates_qs.values("id", "content_json", "revision_id", "specific_content_type_id")
        )
        # A subquery, not a list of ids: no limit on the number of SQL parameters.
        revisions = dict(
            Revision.objects.filter(pk__in=candidates_qs.values("revision_id")).values_list(
                "pk", "content"
            )
        )
        for row in candidates:
            model = ContentType.objects.get_for_id(row["specific_content_type_id"]).model_class()
            revision = revisions.get(row["revision_id"])
            if (
                revision is None
                or model is None
                or content_differs(model, _loads(revision), _loads(row["content_json"]))
            ):
                stale.add(row["id"])

        snippet_types = ContentType.objects.get_for_models(*snippet_models())
        models_by_ct = {ct.pk: model for model, ct in snippet_types.items()}
        snippet_sources = synced.filter(
            specific_content_type_id__in=list(models_by_ct)
        ).values_list("id", "object_id", "locale_id", "specific_content_type_id", "content_json")
        index = {
            (model, obj.translation_key, obj.locale_id): obj
            for (model, _pk), obj in self.snippet_data.items()
        }
        for pk, key, locale_id, ct_id, content_json in snippet_sources:
            model = models_by_ct[ct_id]
            obj = index.get((model, key, locale_id))
            if obj is None:
                continue
            data = get_serializable_data_for_fields(obj)
            current = json.loads(json.dumps(data, cls=DjangoJSONEncoder))
            if content_differs(model, current, _loads(content_json)):
                stale.add(pk)
        return stale

    def _page_candidates(self, synced, source_page):
        """Synced page sources whose page was published after the last extraction."""
        return synced.annotate(
            published_at=Subquery(source_page.values("last_published_at")[:1]),
            revision_id=Subquery(source_page.values("live_revision_id")[:1]),
        ).filter(published_at__gt=F("last_updated_at"))

    # -- computing -----------------------------------------------------------------------------

    def _item(self, model, key, objects, sources, translations, stale_sources):
        by_language: dict[str, dict] = {}
        for row in objects:
            if row["alias_of_id"] is None:
                by_language.setdefault(row["language"], row)

        # The source: the TranslationSource with translations, else any, else the oldest object.
        source = None
        ranked = sorted(sources, key=lambda s: (not translations.get(s["id"]), s["id"]))
        for candidate in ranked:
            if self.locale_codes.get(candidate["locale_id"]) in by_language:
                source = candidate
                break
        if source:
            source_language = self.locale_codes[source["locale_id"]]
        else:
            oldest = min((r for r in objects if r["alias_of_id"] is None), key=lambda r: r["id"])
            source_language = oldest["language"]
        source_row = by_language[source_language]
        is_page = issubclass(model, Page)
        source_id = source["id"] if source else None
        item = Item(
            key=f"{model._meta.label_lower}:{key}",
            translation_key=key,
            model=model,
            is_page=is_page,
            source_language=source_language,
            source_pk=source_row["id"],
            title=source_row["title"],
            titles={code: row["title"] for code, row in by_language.items()},
            section_key=source_row["section_key"],
            source_id=source_id,
        )
        if is_page:
            item.section_title = self._section_title(source_row["section_key"])
            item.sort_key = (0, source_row["path"])
        else:
            item.sort_key = (1, str(model._meta.verbose_name_plural).lower(), item.title.lower())
            item.section_title = ""

        source_translations = translations.get(source_id, {}) if source_id else {}
        for language in self.languages:
            row = by_language.get(language)
            if language == source_language:
                source = by_language[language]
                cell = Cell(language, SOURCE, source["id"], source["title"])
                cell.edit_url = edit_url(model, source["id"])
                cell.draft = not source["live"] or source["has_unpublished_changes"]
            elif row is None:
                cell = Cell(language, MISSING)
                cell.translate_url = submit_url(model, source_row["id"], language)
            else:
                cell = self._translated_cell(
                    model,
                    language,
                    row,
                    source_translations.get(language),
                    source_id in stale_sources,
                )
                if cell.status == STALE:
                    cell.sync_url = reverse(
                        "wagtail_localize:update_translations", args=[source_id]
                    )
            item.cells[language] = cell
        return item

    def _translated_cell(self, model, language, row, translation, source_stale):
        cell = Cell(language, UP_TO_DATE, row["id"], row["title"])
        cell.edit_url = edit_url(model, row["id"])
        cell.draft = not row["live"] or row["has_unpublished_changes"]
        synced = translation is not None and translation["enabled"]
        if translation is not None:
            cell.translation_id = translation["id"]
            cell.total, cell.done = translation["total"], translation["done"]
        if synced and source_stale:
            cell.status = STALE
        elif synced and cell.done < cell.total:
            cell.status = IN_PROGRESS
        elif cell.draft:
            cell.status = DRAFT
        return cell

    def _section_title(self, section_key):
        if not section_key:
            return ""
        titles = self.sections.get(section_key, {})
        for language in (self.display_language, *self.languages):
            if titles.get(language):
                return titles[language]
        return ""

    def section_choices(self):
        choices = [(key, self._section_title(key)) for key in self.sections]
        choices.sort(key=lambda c: c[1].lower())
        return [*choices, (SNIPPETS_SECTION, _("Snippets (taxonomy, partners)"))]


def filter_items(items, *, section="", type="", status="", language="", q=""):
    """Items matching the filters; `status` applies to `language`, or to any language."""
    needle = q.strip().casefold()
    result = []
    for item in items:
        if section and item.section_key != section:
            continue
        if type and item.type_value != type:
            continue
        if needle and not any(needle in title.casefold() for title in item.titles.values()):
            continue
        if status:
            languages = [language] if language else list(item.cells)
            if not any(item.cells[code].status == status for code in languages):
                continue
        result.append(item)
    return result
