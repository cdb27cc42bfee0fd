"""Search backends behind one small interface (`base.SearchBackend`).

The database backend is always kept up to date (it is the fallback); Elasticsearch is used
for searching when `ELASTICSEARCH_URL` is set.
"""

from functools import cache

from django.conf import settings

from search.backends.base import SearchBackend


@cache
def get_backends():
    """Every backend that documents are written to, the database one first."""
    from search.backends.database import DatabaseBackend

    backends: list[SearchBackend] = [DatabaseBackend()]
    if settings.ELASTICSEARCH_URL:
        from search.backends.elasticsearch import ElasticsearchBackend

        backends.append(ElasticsearchBackend.from_settings())
    return tuple(backends)


def get_backend(name):
    for backend in get_backends():
        if backend.name == name:
            return backend
    raise LookupError(f"No search backend named {name!r} is configured.")


def search_backend():
    """The backend that answers searches: Elasticsearch when configured, else the database."""
    return get_backends()[-1]
