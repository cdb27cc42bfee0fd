"""Names of taxonomy terms in the visitor's language.

Pages link to terms of either locale (a translation keeps its source's links), so a template
cannot print `term.name`: it would show a German name on an English page. `label(term)` looks
the name up by the term's translation key in the active language instead.

Names are loaded with one query per taxonomy model, on first use, and kept for the rest of the
request: the store is cleared when a request or a background task starts and whenever a term is saved or deleted in
this process. Every request therefore sees current names (whichever process saved them), and a
listing costs the same number of queries however many cards it shows.
"""

import threading

from django.core.signals import request_finished, request_started
from django.db.models.signals import post_delete, post_save
from django.utils import translation
from django_tasks.signals import task_started
from wagtail.coreutils import get_supported_content_language_variant

from pages import content_cache
from pages.models import Country, PartnerOrganisation, Region, SustainableDevelopmentGoal, Theme

TAXONOMY_MODELS = (Region, Country, Theme, SustainableDevelopmentGoal, PartnerOrganisation)

_store = threading.local()


def clear(**kwargs):
    """Forget every loaded name (connected to request start/end and to term changes)."""
    _store.__dict__.clear()


def active_language():
    try:
        return get_supported_content_language_variant(translation.get_language())
    except LookupError:
        from django.conf import settings

        return settings.LANGUAGE_CODE


def _names(model, language):
    """{translation_key: name} of `model`'s terms in `language` (one query, then cached)."""
    cache = _store.__dict__.setdefault("names", {})
    key = (model._meta.label_lower, language)
    if key not in cache:
        cache[key] = content_cache.get_or_build(
            "term-names",
            *key,
            build=lambda: dict(
                model.objects.filter(locale__language_code=language).values_list(
                    "translation_key", "name"
                )
            ),
        )
    return cache[key]


def _country_regions():
    """{country translation_key: region translation_key}; the same in every language."""
    cache = _store.__dict__
    if "country_regions" not in cache:
        cache["country_regions"] = content_cache.get_or_build(
            "country-regions",
            build=lambda: dict(
                Country.objects.order_by().values_list("translation_key", "region__translation_key")
            ),
        )
    return cache["country_regions"]


def preload(*models, language=None):
    """Load the names of `models` now, so that a listing's query count does not depend on
    whether its items happen to have such terms."""
    language = language or active_language()
    for model in models:
        _names(model, language)
        if model is Country:
            _country_regions()
            _names(Region, language)


def labels(language=None, models=TAXONOMY_MODELS):
    """{(model label, translation_key): name} of the terms in the active language.

    One query per taxonomy model the first time in a request, none afterwards.
    """
    language = language or active_language()
    return {
        (model._meta.label_lower, key): name
        for model in models
        for key, name in _names(model, language).items()
    }


def label(term, language=None):
    """The name of `term` in the active language, else the term's own name."""
    if term is None or term == "":
        return ""
    model = type(term)
    if model not in TAXONOMY_MODELS:
        return str(term)
    names = _names(model, language or active_language())
    return names.get(term.translation_key) or term.name


def region_label(country, language=None):
    """The name of a country's region in the active language, without loading the region row.

    Listings select countries but not always their regions; this keeps them at a constant
    number of queries.
    """
    if not country:
        return ""
    region_key = _country_regions().get(country.translation_key)
    if region_key is None:
        return label(country.region, language)
    names = _names(Region, language or active_language())
    return names.get(region_key) or label(country.region, language)


request_started.connect(clear, dispatch_uid="taxonomy_labels_request_started")
# Background tasks (search indexing) start afresh too: a worker process outlives requests.
task_started.connect(clear, dispatch_uid="taxonomy_labels_task_started")
request_finished.connect(clear, dispatch_uid="taxonomy_labels_request_finished")
for _model in TAXONOMY_MODELS:
    post_save.connect(clear, sender=_model, dispatch_uid=f"taxonomy_labels_save_{_model.__name__}")
    post_delete.connect(
        clear, sender=_model, dispatch_uid=f"taxonomy_labels_delete_{_model.__name__}"
    )


def slug_labels(model, language=None):
    """{slug: name} of `model`'s terms in display order, named in `language` where translated
    (else in their source language). One query per model and language, then cached."""
    language = language or active_language()
    cache = _store.__dict__.setdefault("slug_labels", {})
    key = (model._meta.label_lower, language)
    if key not in cache:
        cache[key] = content_cache.get_or_build(
            "slug-labels", *key, build=lambda: _load_slug_labels(model, language)
        )
    return cache[key]


def _load_slug_labels(model, language):
    names = {}
    rows = model.objects.order_by("sort_order", "name").values_list(
        "slug", "name", "locale__language_code"
    )
    for slug, name, term_language in rows:
        if term_language == language or slug not in names:
            names[slug] = name
    return names


def theme_parents():
    """{topic slug: focal theme slug}; the same in every language."""
    cache = _store.__dict__
    if "theme_parents" not in cache:
        cache["theme_parents"] = content_cache.get_or_build(
            "theme-parents",
            build=lambda: dict(
                Theme.objects.filter(parent__isnull=False)
                .order_by()
                .values_list("slug", "parent__slug")
                .distinct()
            ),
        )
    return cache["theme_parents"]
