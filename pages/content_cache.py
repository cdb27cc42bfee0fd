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

Each process also keeps the values it read in memory, with the expiry stored beside them in
the cache, until it sees another token: unpickling the same pages and term names from the
cache on every request cost more than a page's remaining queries. Callers share these
objects between requests of the process, so they must not change them (attributes that
Django or Wagtail fill in on first use, such as a related object or `.specific`, are fine:
they are the same for the whole generation).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.core.signals import request_started
from django_tasks.signals import task_started

_local = threading.local()
_MISSING = object()

# {key: (expires at, value)} of the current generation read by this process (see above).
PROCESS_ENTRIES = 2000
_process_lock = threading.Lock()
_process: dict[str, tuple[float, Any]] = {}
_process_token: list[str | None] = [None]


def _process_get(key: str, current: str) -> tuple[float, Any] | None:
    with _process_lock:
        if _process_token[0] != current:
            _process.clear()
            _process_token[0] = current
        entry = _process.get(key)
        if entry is not None and entry[0] <= time.time():
            del _process[key]
            return None
        return entry


def _process_put(key: str, entry: tuple[float, Any]) -> None:
    with _process_lock:
        if len(_process) >= PROCESS_ENTRIES:
            del _process[next(iter(_process))]
        _process[key] = entry


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


def get_or_build(
    name: str,
    *parts: Any,
    build: Callable[[], Any],
    keep: Callable[[Any], bool] | None = None,
) -> Any:
    """The value stored for (`name`, `parts`) in the current generation, else `build()`'s,
    stored (only when `keep(value)` is true, if given: misses such as unknown paths are not
    worth a cache entry). Values are pickled: keep them to model instances without unsaved
    state, and plain data. Without CONTENT_CACHE_SECONDS every call builds afresh."""
    timeout = seconds()
    if not timeout:
        return build()
    current = token()
    key = ":".join(["portal", "content", current, name, *(str(part) for part in parts)])
    memo = _local.__dict__.setdefault("values", {})
    if key in memo:
        return memo[key]
    entry = _process_get(key, current)
    if entry is None:
        entry = cache.get(key, _MISSING)
        if entry is _MISSING:
            value = build()
            if keep is not None and not keep(value):
                return value
            entry = (time.time() + timeout, value)
            cache.set(key, entry, timeout)
        _process_put(key, entry)
    memo[key] = entry[1]
    return entry[1]


def locale_ids() -> dict[str, int]:
    """{language code: Locale id}: what `Locale.get_active()` looks up in every request."""
    from wagtail.models import Locale

    return get_or_build(
        "locales", build=lambda: dict(Locale.objects.values_list("language_code", "id"))
    )


def active_locale_id() -> int | None:
    """The id of the Locale of the active language (else of LANGUAGE_CODE), without a query."""
    from pages.taxonomy_labels import active_language

    ids = locale_ids()
    return ids.get(active_language()) or ids.get(settings.LANGUAGE_CODE)


request_started.connect(forget, dispatch_uid="content_cache_request_started")
# A worker process (search indexing) outlives requests: each task reads the generation afresh.
task_started.connect(forget, dispatch_uid="content_cache_task_started")
