"""Parts of a page that come from other pages and snippets, kept in Django's cache.

Navigation, the home pages, breadcrumbs, language versions, taxonomy names, the footer and the
lineage blocks cost most of a page's queries but change only when published content does. They
are stored under the page cache's generation token (pages.page_cache), so every change that
empties the page cache (publish, unpublish, move, delete, a new translation, a snippet, setting,
site, locale or privacy rule) makes them stale at once. With `REDIS_URL` they are shared by all
processes; without it each process keeps its own for `CONTENT_CACHE_SECONDS` at most (a change
in one process cannot reach the others' memory).

    from pages import content_cache
    nav = content_cache.get_or_build("nav", home.pk, build=lambda: list(home.get_children()))

Templates cache rendered fragments with Django's own `{% cache %}` tag, keyed on the token:
`{% content_cache as cc %}{% cache cc.seconds "footer" cc.token LANGUAGE_CODE %}…{% endcache %}`.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.core.signals import request_started

_local = threading.local()
_MISSING = object()


def seconds() -> int:
    return int(getattr(settings, "CONTENT_CACHE_SECONDS", 0))


def token() -> str:
    """The current generation, read once per request (a change in this process resets it)."""
    current = getattr(_local, "token", None)
    if current is None:
        from pages import page_cache

        current = _local.token = page_cache.generation()
    return current


def forget(**kwargs) -> None:
    """Read the generation again (at each request, and after a change)."""
    _local.__dict__.clear()


def get_or_build(name: str, *parts: Any, build: Callable[[], Any]) -> Any:
    """The value stored for (`name`, `parts`) in the current generation, else `build()`'s,
    stored. Values are pickled: keep them to model instances without unsaved state, and plain
    data. Without CONTENT_CACHE_SECONDS every call builds afresh."""
    timeout = seconds()
    if not timeout:
        return build()
    key = ":".join(["portal", "content", token(), name, *(str(part) for part in parts)])
    memo = _local.__dict__.setdefault("values", {})
    if key in memo:
        return memo[key]
    value = cache.get(key, _MISSING)
    if value is _MISSING:
        value = build()
        cache.set(key, value, timeout)
    memo[key] = value
    return value


request_started.connect(forget, dispatch_uid="content_cache_request_started")
