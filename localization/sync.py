"""Fixes and guards around wagtail-localize's synchronisation (checked against 1.14.5).

1. `copy_synchronised_fields_clearing_m2m` (installed by `install()` from LocalizationConfig.ready):
   (it also points synchronised links at the target's language: pages.locales)
   wagtail-localize's `copy_synchronised_fields` copies a synchronised ParentalManyToManyField only
   `if values:`, so a source whose themes (SDGs, regions, ...) were all removed keeps them in every
   translation after a sync. The wrapper clears them. Remove it when wagtail-localize copies empty
   values (look for `if values:` in wagtail_localize/fields.py). (Cleared text, rich text and
   StreamFields need no fix: wagtail-localize treats an emptied text field and every StreamField
   as synchronised; tests/localization/test_nothing_lost.py checks all of them.)

2. `sync_view_restrictions_of_translations` (post_save/post_delete on PageViewRestriction):
   wagtail-localize copies a source page's privacy to its translations only when the translation
   is saved (`save_target`) or synced. Making a translated page private afterwards would leave its
   translations public until the next sync; this handler copies the change at once.

3. The restart guard (`restart_would_lose`, `keep_manual_edits`; hooked in by
   `localization.sync_hooks`): "Start Synced translation" on a translation whose sync was stopped
   and which was edited since silently drops those edits: the translation editor shows the old
   translated segments and the next sync or publish writes them over the page. The guard refuses
   the restart while edits would be lost and offers to take the edits into the translation
   first. Keep it as long as wagtail-localize restarts without looking at the page.
"""

import json
from collections import Counter, defaultdict
from functools import partial

from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from modelcluster.fields import ParentalManyToManyField
from wagtail.fields import StreamField
from wagtail.models import Page, PageViewRestriction
from wagtail_localize.fields import get_translatable_fields
from wagtail_localize.models import SegmentOverride, StringTranslation, TranslationSource
from wagtail_localize.segments import OverridableSegmentValue, StringSegmentValue
from wagtail_localize.segments.extract import extract_segments

# ---------------------------------------------------------------------------------------------
# 1. Emptied many-to-many fields


def clear_emptied_m2m(source, target):
    """Empty the target's synchronised ParentalManyToManyFields that are empty on the source."""
    for translatable_field in get_translatable_fields(source.__class__):
        if not translatable_field.is_synchronized(source):
            continue
        field = translatable_field.get_field(target.__class__)
        if isinstance(field, ParentalManyToManyField):
            values = getattr(source, field.name)
            if hasattr(values, "all") and not values.all():
                setattr(target, field.attname, [])


def copy_and_localise(original, source, target):
    """wagtail-localize's copy (`original`), then the emptied M2M values and the links."""
    from pages.locales import localise_synchronised_links

    original(source, target)
    clear_emptied_m2m(source, target)
    localise_synchronised_links(source, target)


def copy_synchronised_fields_clearing_m2m(original):
    """Wrap wagtail-localize's `copy_synchronised_fields` so that emptied M2M values are copied.

    The work happens in module functions, called anew every time (not in a closure made once
    at start-up), so tests, and mutation testing, reach each step."""
    wrapper = partial(copy_and_localise, original)
    wrapper.clears_emptied_m2m = True  # type: ignore[attr-defined]
    return wrapper


def install():
    """Install the workarounds (idempotent); called from LocalizationConfig.ready()."""
    from django.db.models.signals import post_delete, post_save
    from wagtail_localize import models as localize_models

    current = localize_models.copy_synchronised_fields
    if not getattr(current, "clears_emptied_m2m", False):
        localize_models.copy_synchronised_fields = copy_synchronised_fields_clearing_m2m(current)

    # A module-level function: Django connects it once per signal and sender however often
    # this runs.
    post_save.connect(sync_view_restrictions_of_translations, sender=PageViewRestriction)
    post_delete.connect(sync_view_restrictions_of_translations, sender=PageViewRestriction)


# ---------------------------------------------------------------------------------------------
# 2. Private pages stay private in every language


def sync_view_restrictions_of_translations(sender, instance, **kwargs):
    if kwargs.get("raw"):
        return
    try:
        page = Page.objects.get(pk=instance.page_id)
    except Page.DoesNotExist:  # the page itself is being deleted
        return
    source = TranslationSource.objects.filter(
        object_id=page.translation_key, locale_id=page.locale_id
    ).first()
    if source is None:
        return
    for translation in source.translations.filter(enabled=True).select_related("target_locale"):
        target = page.get_translation_or_none(translation.target_locale)
        if target is not None:
            # Saving the translation's restriction comes back here for the target page, which
            # is no source: the recursion ends there.
            source.sync_view_restrictions(page, target)


# ---------------------------------------------------------------------------------------------
# 3. Restarting a stopped translation


def current_content(instance):
    """The object as its editors last saved it (a page's latest revision, drafts included)."""
    if isinstance(instance, Page):
        return instance.specific.get_latest_revision_as_object()
    return instance


def _translated_fields(model):
    return [
        field.get_field(model)
        for field in get_translatable_fields(model)
        if field.is_translated(model) and field.field_name != "slug"
    ]


def _comparable(model_field, obj):
    value = getattr(obj, model_field.name)
    if isinstance(model_field, StreamField):
        value = model_field.get_prep_value(value)
    elif getattr(model_field, "many_to_many", False) or getattr(model_field, "one_to_many", False):
        value = sorted(str(item) for item in value.all())
    elif hasattr(value, "source"):  # RichText
        value = value.source
    return json.dumps(value, cls=DjangoJSONEncoder, sort_keys=True, default=str)


def restart_would_lose(translation, instance):
    """The model fields whose manual edits a restart would overwrite."""
    edited = current_content(instance)
    synced = translation.source.get_ephemeral_translated_instance(
        translation.target_locale, fallback=True
    )
    return [
        model_field
        for model_field in _translated_fields(type(edited))
        if _comparable(model_field, edited) != _comparable(model_field, synced)
    ]


class EditsDoNotFit(Exception):
    """The edited translation no longer has the structure of the source (blocks added/removed)."""


@transaction.atomic
def keep_manual_edits(translation, instance, user=None):
    """Store the translation's manual edits as its translated segments, so that a restarted sync
    keeps them. Raises EditsDoNotFit (and changes nothing) when they cannot be aligned."""
    source = translation.source
    locale = translation.target_locale
    edited = current_content(instance)
    texts = defaultdict(list)
    overrides = {}
    for segment in extract_segments(edited):
        if isinstance(segment, StringSegmentValue):
            texts[segment.path].append(segment.string.data)
        elif isinstance(segment, OverridableSegmentValue):
            overrides[segment.path] = segment.data
    positions: Counter[str] = Counter()
    updates = []
    for segment in source.stringsegment_set.select_related("context", "string").order_by("order"):
        path = segment.context.path
        index = positions[path]
        positions[path] += 1
        try:
            updates.append((segment, texts[path][index]))
        except IndexError:
            raise EditsDoNotFit(path) from None
    if any(len(found) != positions[path] for path, found in texts.items()):
        raise EditsDoNotFit(sorted(set(texts) - set(positions)))
    for segment, text in updates:
        existing = StringTranslation.objects.filter(
            translation_of_id=segment.string_id, locale=locale, context_id=segment.context_id
        ).first()
        if existing is not None and existing.data == text and not existing.has_error:
            continue
        if existing is None and text == segment.string.data:
            continue  # untranslated and unedited: leave it missing, as it was
        StringTranslation.objects.update_or_create(
            translation_of_id=segment.string_id,
            locale=locale,
            context_id=segment.context_id,
            defaults={
                "data": text,
                "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
                "last_translated_by": user,
                "has_error": False,
                "field_error": "",
            },
        )
    for segment in source.overridablesegment_set.select_related("context"):
        value = overrides.get(segment.context.path)
        if value is None:
            continue
        if value == segment.data:
            SegmentOverride.objects.filter(locale=locale, context=segment.context).delete()
        else:
            SegmentOverride.objects.update_or_create(
                locale=locale,
                context=segment.context,
                defaults={
                    "data_json": json.dumps(value, cls=DjangoJSONEncoder),
                    "has_error": False,
                    "field_error": "",
                },
            )
