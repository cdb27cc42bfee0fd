"""Background work of search, run by django-tasks (the task framework Wagtail 8 uses)."""

from django_tasks import task

from search import indexing


@task()
def update_search_index():
    """Apply every queued index update (see search.indexing)."""
    return indexing.process_pending()
