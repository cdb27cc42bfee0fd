"""Keeping the search indexes in step with the pages, through a queue of pending updates.

A change (publish, unpublish, move, delete, privacy, taxonomy) queues the affected content
items as `PendingUpdate` rows in the same transaction, then, once it commits, enqueues
`search.tasks.update_search_index`. The task rebuilds each item's documents from the database
(by then many-to-many values are saved) and hands them to every backend; a row is marked
applied only when its backend took the update. A failed attempt keeps the row with its error, so nothing is
lost while a search server is down: a later task run (after a growing delay; the task queues
itself for then), or `manage.py search_update` at once, retries. A new change to an item
resets its wait: it is tried at once.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from datetime import datetime, timedelta

from django.db import transaction
from django.db.models import Count
from django.utils import timezone
from wagtail.models import Page

from search.backends import get_backends
from search.backends.base import SearchUnavailable
from search.documents import documents_for_items, searchable_pages, searchable_type
from search.models import PendingUpdate

logger = logging.getLogger(__name__)

BATCH = 200
KEEP_APPLIED = timedelta(days=1)
RETRY_AFTER = timedelta(seconds=30)
RETRY_AFTER_MAX = timedelta(hours=1)


def schedule(translation_keys: Iterable) -> None:
    """Queue these content items for every backend and run the update after commit."""
    keys = {str(key) for key in translation_keys if key}
    if not keys:
        return
    now = timezone.now()
    for backend in get_backends():
        for key in keys:
            PendingUpdate.objects.update_or_create(
                backend=backend.name,
                translation_key=key,
                # A new change is tried at once, however long the last failure's wait.
                defaults={
                    "requested_at": now,
                    "applied_at": None,
                    "failed_at": None,
                    "attempts": 0,
                },
            )
    transaction.on_commit(_enqueue)


def schedule_pages(pages) -> None:
    """Queue the items of `pages` (a queryset or iterable of pages)."""
    if hasattr(pages, "values_list"):
        schedule(pages.values_list("translation_key", flat=True).distinct())
    else:
        schedule(page.translation_key for page in pages)


def schedule_subtree(page) -> None:
    """Queue a page and everything below it (after a move or a privacy change)."""
    schedule_pages(Page.objects.descendant_of(page, inclusive=True))


def _enqueue():
    from search.tasks import update_search_index

    update_search_index.enqueue()


def process_pending(limit: int | None = None, retry_now: bool = False) -> dict[str, int]:
    """Apply queued updates, oldest first; returns {"done": n, "failed": n}.

    An update that failed waits before its next attempt (RETRY_AFTER, doubling per attempt,
    at most RETRY_AFTER_MAX) unless `retry_now`: several changes committed together start
    several task runs, and a server that is down should cost one timeout, not one per run.
    """
    done = failed = 0
    now = timezone.now()
    PendingUpdate.objects.filter(applied_at__lt=now - KEEP_APPLIED).delete()
    for backend in get_backends():
        queued = PendingUpdate.objects.filter(backend=backend.name, applied_at__isnull=True)
        rows = [
            row
            for row in queued.order_by("requested_at", "pk")
            if retry_now or row.failed_at is None or now >= row.failed_at + retry_delay(row)
        ][:limit]
        for start in range(0, len(rows), BATCH):
            batch = rows[start : start + BATCH]
            try:
                _apply(backend, batch)
                done += len(batch)
            except SearchUnavailable as error:
                # The server is down: keep everything queued, and don't wait on it again now.
                remaining = rows[start:]
                failed += len(remaining)
                for row in remaining:
                    _record_failure(row, error)
                break
            except Exception:
                # Isolate the item that fails (for example a page that cannot be rendered).
                for row in batch:
                    try:
                        _apply(backend, [row])
                        done += 1
                    except Exception as error:
                        failed += 1
                        _record_failure(row, error)
    return {"done": done, "failed": failed}


def retry_delay(row) -> timedelta:
    return min(RETRY_AFTER * 2 ** max(row.attempts - 1, 0), RETRY_AFTER_MAX)


def next_retry() -> datetime | None:
    """When the first failed update is due again, or None when none is waiting."""
    failed = PendingUpdate.objects.filter(applied_at__isnull=True, failed_at__isnull=False)
    due = [row.failed_at + retry_delay(row) for row in failed if row.failed_at is not None]
    return min(due, default=None)


def _apply(backend, rows):
    backend.replace_items(documents_for_items(row.translation_key for row in rows))
    now = timezone.now()
    for row in rows:
        # A row re-queued while we worked stays queued for the next run.
        PendingUpdate.objects.filter(pk=row.pk, requested_at=row.requested_at).update(
            applied_at=now, attempts=0, last_error="", failed_at=None
        )


def _record_failure(row, error):
    logger.warning(
        "Search index update failed (%s, item %s, attempt %s): %s",
        row.backend,
        row.translation_key,
        row.attempts + 1,
        error,
    )
    PendingUpdate.objects.filter(pk=row.pk).update(
        attempts=row.attempts + 1,
        failed_at=timezone.now(),
        last_error=f"{type(error).__name__}: {error}"[:2000],
    )


def all_documents(batch: int = BATCH):
    """Every document of the site, item by item, in batches (for rebuilds)."""
    keys = list(
        searchable_pages()
        .order_by("translation_key")
        .values_list("translation_key", flat=True)
        .distinct()
    )
    for start in range(0, len(keys), batch):
        for documents in documents_for_items(keys[start : start + batch]).values():
            yield from documents


def expected_counts() -> dict[tuple[str, str], int]:
    """{(language, type): live public pages} as the database has them."""
    counts: dict[tuple[str, str], int] = {}
    rows = (
        searchable_pages()
        .values_list("locale__language_code", "content_type")
        .annotate(n=Count("pk"))
        .order_by()
    )
    from django.contrib.contenttypes.models import ContentType

    for language, content_type_id, n in rows:
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        key = (language, searchable_type(model).key)
        counts[key] = counts.get(key, 0) + n
    return counts


def rebuild(backend, progress=None) -> int:
    """Rebuild one backend's index; updates queued before the start are then settled."""
    started = timezone.now()
    indexed = backend.rebuild(all_documents(), progress=progress)
    queue = PendingUpdate.objects.filter(backend=backend.name)
    # Queued before the start: the rebuild read the pages after that, so it has them.
    queue.filter(applied_at__isnull=True, requested_at__lt=started).delete()
    # Applied while the rebuild ran: they went to the old index, so apply them again.
    if queue.filter(applied_at__gte=started).update(applied_at=None):
        process_pending(retry_now=True)
    return indexed
