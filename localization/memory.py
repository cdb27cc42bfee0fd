"""Translation memory: no translator's work is silently lost (extends wagtail-localize 1.14.5).

wagtail-localize stores a translation as a StringTranslation keyed by (String: the source text,
target locale, TranslationContext: the object and the segment's path, such as "body.<block id>").
So an edited sentence is a new String, and its segment has no translation (the translator's text
stays behind under the old String, orphaned); a re-created block has a new block id, so a new
context; the same text on another page is another context. Each shows as untranslated.

Every sync goes through `TranslationSource.refresh_segments` (update_from_db, the "Sync
translated pages" view, update_or_create_from_instance), which `install()` wraps: afterwards each
segment without a translation into a target locale of the source gets

1. the translation of the identical source text (on this object first, then anywhere; the most
   recent), copied as an ordinary translation and noted as "reused" (MemoryNote); else
2. when it took the place of another segment (same context, aligned in order by difflib), the
   translation of the segment it replaced, copied but flagged: has_error with field_error
   SOURCE_CHANGED, noted "source_changed" with the old source. wagtail-localize treats a flagged
   translation as missing (the page keeps the source text, progress counts it untranslated) and
   its editor shows the text pre-filled with the error, which the wrapped `get_error` words as
   "Check: source changed". Saving the segment in the editor clears the flag (wagtail-localize's
   own PUT) and `clear_checked_note` the note; the translation editor lists the open ones with a
   diff (templatetags/translation_memory.py).

A new translation record (an object translated into a language for the first time) gets step 1.
Nothing is deleted: the memory only copies, the old translations stay where they were.
Upgrading wagtail-localize: tests/localization/test_translation_memory.py pins the upstream
behaviour this relies on (the tests named test_upstream_*).
"""

import html
import re
from collections import defaultdict
from difflib import SequenceMatcher

from django.db import transaction
from django.db.models.signals import post_save
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from .models import MemoryNote

# Stored in StringTranslation.field_error of a pre-filled translation; shown through get_error.
SOURCE_CHANGED = "localization.memory: source changed"


def segments_by_context(source):
    """The source's string segments: {context id: [string id, ...] in page order}."""
    by_context = defaultdict(list)
    rows = source.stringsegment_set.order_by("order").values_list("context_id", "string_id")
    for context_id, string_id in rows:
        by_context[context_id].append(string_id)
    return by_context


def replaced_strings(before, after):
    """{(context id, new string id): old string id} for each segment that took another's place."""
    pairs = {}
    for context_id, new in after.items():
        old = before.get(context_id)
        if not old:
            continue
        for tag, i1, i2, j1, j2 in SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
            if tag == "replace":
                for old_id, new_id in zip(old[i1:i2], new[j1:j2], strict=False):
                    pairs[context_id, new_id] = old_id
    return pairs


def _identical_text_translations(source, locale_id, string_ids):
    """{string id: StringTranslation} the best existing translation of each text."""
    best: dict[int, tuple[bool, StringTranslation]] = {}
    candidates = (
        StringTranslation.objects.filter(
            locale_id=locale_id, translation_of_id__in=string_ids, has_error=False
        )
        .select_related("context")
        .order_by("-updated_at", "-pk")
    )
    for candidate in candidates:
        here = candidate.context is not None and candidate.context.object_id == source.object_id
        known = best.get(candidate.translation_of_id)
        if known is None or (here and not known[0]):
            best[candidate.translation_of_id] = (here, candidate)
    return {string_id: found for string_id, (_here, found) in best.items()}


def _copy(origin, string_id, locale_id, context_id, **flags):
    return StringTranslation.objects.create(
        translation_of_id=string_id,
        locale_id=locale_id,
        context_id=context_id,
        data=origin.data,
        translation_type=origin.translation_type,
        tool_name=origin.tool_name,
        last_translated_by_id=origin.last_translated_by_id,
        **flags,
    )


def _open_note(string_translation):
    try:
        note = string_translation.memory_note
    except MemoryNote.DoesNotExist:
        return None
    if note.kind == MemoryNote.SOURCE_CHANGED and string_translation.has_error:
        return note
    return None


@transaction.atomic
def recall(source, before, locale_ids=None):
    """Fill the untranslated segments of `source` from the memory (see the module's docstring).

    `before` is `segments_by_context(source)` as it was before the segments were refreshed."""
    after = segments_by_context(source)
    if locale_ids is None:
        locale_ids = list(source.translations.values_list("target_locale_id", flat=True))
    if not after or not locale_ids:
        return
    replaced = replaced_strings(before, after)
    wanted = [(context_id, string_id) for context_id, ids in after.items() for string_id in ids]
    for locale_id in locale_ids:
        done = set(
            StringTranslation.objects.filter(
                locale_id=locale_id, context_id__in=list(after)
            ).values_list("context_id", "translation_of_id")
        )
        missing = [key for key in dict.fromkeys(wanted) if key not in done]
        if not missing:
            continue
        identical = _identical_text_translations(
            source, locale_id, {string_id for _context, string_id in missing}
        )
        for context_id, string_id in missing:
            if string_id in identical:
                origin = identical[string_id]
                copy = _copy(origin, string_id, locale_id, context_id)
                MemoryNote.objects.create(
                    translation=copy, kind=MemoryNote.REUSED, copied_from=origin
                )
                continue
            old_id = replaced.get((context_id, string_id))
            if old_id is None:
                continue
            previous = (
                StringTranslation.objects.filter(
                    translation_of_id=old_id, locale_id=locale_id, context_id=context_id
                )
                .select_related("memory_note")
                .first()
            )
            if previous is None:
                continue
            # Changed twice before the translator looked: name the source they translated.
            earlier = _open_note(previous)
            copy = _copy(
                previous,
                string_id,
                locale_id,
                context_id,
                has_error=True,
                field_error=SOURCE_CHANGED,
            )
            MemoryNote.objects.create(
                translation=copy,
                kind=MemoryNote.SOURCE_CHANGED,
                previous_source_id=earlier.previous_source_id if earlier else old_id,
                copied_from_id=(earlier.copied_from_id if earlier else None) or previous.pk,
            )


# ---------------------------------------------------------------------------------------------
# What the translator sees


def word_diff(old, new):
    """HTML of `new` against `old`, word by word: removed words in <del>, added ones in <ins>."""
    split = re.compile(r"\w+|\s+|[^\w\s]", re.UNICODE)
    a, b = split.findall(old), split.findall(new)
    parts = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            parts.append(html.escape("".join(a[i1:i2])))
            continue
        if i2 > i1:
            parts.append(f"<del>{html.escape(''.join(a[i1:i2]))}</del>")
        if j2 > j1:
            parts.append(f"<ins>{html.escape(''.join(b[j1:j2]))}</ins>")
    return mark_safe("".join(parts))  # noqa: S308 (every piece is escaped above)


def open_source_changes(translation):
    """The segments of a Translation pre-filled after their source changed, in page order:
    dicts with old_source, new_source, diff (HTML) and translation (the pre-filled text)."""
    notes = MemoryNote.objects.filter(
        kind=MemoryNote.SOURCE_CHANGED,
        translation__has_error=True,
        translation__field_error=SOURCE_CHANGED,
        translation__locale_id=translation.target_locale_id,
        translation__context__object_id=translation.source.object_id,
    ).select_related("translation__translation_of", "previous_source")
    by_segment = {
        (note.translation.context_id, note.translation.translation_of_id): note for note in notes
    }
    changes: list[dict] = []
    if not by_segment:
        return changes
    segments = translation.source.stringsegment_set.order_by("order").values_list(
        "context_id", "string_id"
    )
    for key in segments:
        note = by_segment.get(key)
        if note is None:
            continue
        old = note.previous_source.data if note.previous_source else ""
        new = note.translation.translation_of.data
        changes.append(
            {
                "old_source": old,
                "new_source": new,
                "diff": word_diff(old, new),
                "translation": note.translation.data,
            }
        )
    return changes


# ---------------------------------------------------------------------------------------------
# Installation


def refresh_segments_recalling(original):
    @transaction.atomic
    def refresh_segments(self):
        before = segments_by_context(self)
        original(self)
        recall(self, before)

    refresh_segments.recalls_memory = True  # type: ignore[attr-defined]
    refresh_segments.__wrapped_upstream__ = original  # type: ignore[attr-defined]
    return refresh_segments


def get_error_naming_source_change(original):
    def get_error(self):
        if self.has_error and self.field_error == SOURCE_CHANGED:
            note = (
                MemoryNote.objects.filter(translation=self, kind=MemoryNote.SOURCE_CHANGED)
                .select_related("previous_source")
                .first()
            )
            if note is not None and note.previous_source is not None:
                return _("Check: source changed. This translation was made for: “%(source)s”") % {
                    "source": note.previous_source.data
                }
            return _("Check: source changed.")
        return original(self)

    get_error.names_source_change = True  # type: ignore[attr-defined]
    get_error.__wrapped_upstream__ = original  # type: ignore[attr-defined]
    return get_error


def recall_for_new_translation(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        recall(instance.source, {}, [instance.target_locale_id])


def clear_checked_note(sender, instance, created, raw=False, **kwargs):
    """The translator saved a pre-filled translation: it is checked."""
    if not created and not raw and not instance.has_error:
        MemoryNote.objects.filter(translation=instance, kind=MemoryNote.SOURCE_CHANGED).delete()


def install():
    """Install the memory (idempotent); called from LocalizationConfig.ready()."""
    if not getattr(TranslationSource.refresh_segments, "recalls_memory", False):
        TranslationSource.refresh_segments = refresh_segments_recalling(
            TranslationSource.refresh_segments
        )
    if not getattr(StringTranslation.get_error, "names_source_change", False):
        StringTranslation.get_error = get_error_naming_source_change(StringTranslation.get_error)
    # Module-level functions: Django connects each once per sender however often this runs.
    post_save.connect(recall_for_new_translation, sender=Translation)
    post_save.connect(clear_checked_note, sender=StringTranslation)
