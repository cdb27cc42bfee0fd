"""Background work of search, run by django-tasks (the task framework Wagtail 8 uses).

In production the tasks go to the database queue (django-tasks-db) and `manage.py db_worker`
runs them, so a publish never waits on a search server. In dev and tests the ImmediateBackend
runs them right after the commit.
"""

from __future__ import annotations

import datetime

from django_tasks import task

from search import indexing


@task()
def update_search_index():
    """Apply every queued index update (see search.indexing). While updates keep failing,
    the task comes back on its own when the first of them is due again."""
    outcome = indexing.process_pending()
    due = indexing.next_retry()
    if due is not None:
        retry_at(due)
    return outcome


def retry_at(when: datetime.datetime) -> bool:
    """Queue a run of the update task for `when`, unless the queue already holds one by then;
    True when one was queued. Backends that cannot defer (ImmediateBackend) leave it to the
    next change or to `manage.py search_update`."""
    backend = update_search_index.get_backend()
    if not backend.supports_defer:
        return False
    if _queued_by(backend, when):
        return False
    update_search_index.using(run_after=when).enqueue()
    return True


def _queued_by(backend, when: datetime.datetime) -> bool:
    """Is a run of the update task waiting in the database queue that starts by `when`?
    (Every failing run would otherwise add one more.)"""
    from django_tasks_db import DatabaseBackend

    if not isinstance(backend, DatabaseBackend):
        return False
    from django.db.models import Q
    from django_tasks import TaskResultStatus
    from django_tasks_db.models import DBTaskResult, get_date_max

    return (
        DBTaskResult.objects.filter(
            task_path=update_search_index.module_path,
            backend_name=backend.alias,
            status=TaskResultStatus.READY,
        )
        .filter(Q(run_after=get_date_max()) | Q(run_after__lte=when))
        .exists()
    )
