"""A full-page cache for anonymous visitors, emptied whenever published content changes.

A page shows more than itself: navigation, listings, lineage, language links and taxonomy
names come from other pages and snippets. So any change to published content (publish,
unpublish, move, delete, a new translation, a snippet, a setting, an image, a privacy rule)
empties the whole cache at once: every key holds a generation token, and a change replaces the
token (in the change's transaction and again once it commits, so a request that read the old
content meanwhile cannot store it under the new token). With `REDIS_URL` the token and the
pages are shared by every process; without it each process keeps its own and other processes'
copies live at most `PAGE_CACHE_SECONDS` (short by default, see cms/settings/base.py).

Stored: 200 answers to GET/HEAD of pages Wagtail served, for visitors without a session cookie
(editors and visitors who unlocked a private page always get a fresh render), when the answer
sets no cookie and does not vary with cookies the visitor sent (a CSRF token in the page).
Private pages are never stored: their password form needs a CSRF token.
"""

from __future__ import annotations

import uuid

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.utils.cache import cc_delim_re
from wagtail.images.models import AbstractRendition
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move
from wagtail_localize.models import Translation, TranslationSource

GENERATION_KEY = "portal:page-cache:generation"
HEADER = "X-Page-Cache"


def enabled() -> bool:
    return bool(getattr(settings, "PAGE_CACHE_SECONDS", 0))


def generation() -> str:
    token = cache.get(GENERATION_KEY)
    if token is None:
        cache.add(GENERATION_KEY, uuid.uuid4().hex, None)
        token = cache.get(GENERATION_KEY)
    return token


def invalidate(**kwargs) -> None:
    """Empty the page cache (and pages.content_cache) now and again when the current
    transaction commits. Done with the page cache off too: the content cache uses the token."""
    _rotate()
    transaction.on_commit(_rotate)


def _rotate() -> None:
    from pages import content_cache

    cache.set(GENERATION_KEY, uuid.uuid4().hex, None)
    content_cache.forget()


def key(request, token: str) -> str:
    return f"portal:page:{token}:{request.get_host()}:{request.get_full_path()}"


def is_anonymous_visit(request) -> bool:
    return (
        request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and not request.path_info.startswith(("/admin/", "/api/"))
    )


def is_storable(request, response) -> bool:
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if not getattr(request, "portal_page_served", False):
        return False
    varies = {v.strip().lower() for v in cc_delim_re.split(response.get("Vary", ""))}
    return not (request.COOKIES and "cookie" in varies)


class AnonymousPageCacheMiddleware:
    """Answers anonymous visitors from the page cache; stores what they are served."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not enabled() or not is_anonymous_visit(request):
            return self.get_response(request)
        cache_key = key(request, generation())
        cached = cache.get(cache_key)
        if cached is not None:
            cached[HEADER] = "hit"
            return cached
        response = self.get_response(request)
        if is_storable(request, response):
            response[HEADER] = "miss"
            cache.set(cache_key, response, settings.PAGE_CACHE_SECONDS)
        return response


def mark_served_page(page, request, serve_args, serve_kwargs):
    """`before_serve_page` hook: this answer is a page (the middleware stores only pages)."""
    request.portal_page_served = True


def _content_changed(sender, **kwargs):
    if sender in _CONTENT_MODELS:
        invalidate()


def _page_saved(sender, instance, **kwargs):
    """A live page saved outside publishing (a script, a factory, a draft of a live page)."""
    if instance.live:
        invalidate()


_CONTENT_MODELS: set[type] = set()
# Apps whose rows every page may show: the content model and the footer (Settings → Footer).
CONTENT_APPS = {"pages", "footer"}


def connect() -> None:
    """Every change visitors may see empties the cache."""
    for signal in (page_published, page_unpublished, post_page_move, page_slug_changed):
        signal.connect(invalidate, dispatch_uid=f"page_cache_{id(signal)}")
    for model in apps.get_models():
        if issubclass(model, Page):
            post_delete.connect(invalidate, sender=model, dispatch_uid=f"page_cache_{model}")
            # Saving a draft of a live page saves its row too: emptied then as well, which
            # costs a render but never shows what a script changed in a live page's row.
            post_save.connect(_page_saved, sender=model, dispatch_uid=f"page_cache_save_{model}")
        elif model._meta.app_label in CONTENT_APPS and not issubclass(model, AbstractRendition):
            _CONTENT_MODELS.add(model)
    # A translation synced again (TranslationSource) ends its "may be stale" note.
    _CONTENT_MODELS.update({PageViewRestriction, Site, Locale, TranslationSource, Translation})
    post_save.connect(_content_changed, dispatch_uid="page_cache_saved")
    post_delete.connect(_content_changed, dispatch_uid="page_cache_deleted")
