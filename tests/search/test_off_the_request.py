"""Search work off the request: in production index updates wait in django-tasks' database
queue for `manage.py db_worker`, which retries them on its own; a publish never waits on
Elasticsearch; a bad ELASTICSEARCH_URL is a start-up error and searches fall back whatever the
client raises.
"""

import datetime
import socket
import threading
import time
from types import SimpleNamespace

import pytest
import time_machine
from django.core import checks
from django.core.management import call_command
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from pages import factories
from search import indexing, tasks
from search.backends import get_backends
from search.backends.base import SearchUnavailable
from search.backends.database import DatabaseBackend
from search.backends.elasticsearch import ElasticsearchBackend
from search.backends.elasticsearch import backend as elasticsearch_module
from search.checks import elasticsearch_url
from search.models import IndexEntry, PendingUpdate

QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def hanging_server():
    """A socket that accepts connections and never answers (a hung Elasticsearch)."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(50)
    held = []
    stop = threading.Event()

    def accept():
        listener.settimeout(0.1)
        while not stop.is_set():
            try:
                held.append(listener.accept()[0])
            except OSError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield SimpleNamespace(url=f"http://127.0.0.1:{listener.getsockname()[1]}", held=held)
    stop.set()
    thread.join()
    for connection in held:
        connection.close()
    listener.close()


@pytest.fixture
def elasticsearch_at(settings):
    """Point the site at an Elasticsearch URL (the backends are built again)."""

    def point(url):
        settings.ELASTICSEARCH_URL = url
        settings.SEARCH_INDEX_PREFIX = "test-off-the-request"
        get_backends.cache_clear()

    yield point
    get_backends.cache_clear()


def queued_runs():
    return DBTaskResult.objects.filter(
        task_path=tasks.update_search_index.module_path, status=TaskResultStatus.READY
    )


def run_worker():
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload")


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_publishing_under_a_hanging_elasticsearch_returns_at_once_and_the_worker_retries(
    settings, sections, taxonomy, hanging_server, elasticsearch_at, monkeypatch
):
    settings.TASKS = QUEUE
    elasticsearch_at(hanging_server.url)
    warm_up, draft = (
        factories.GoodPracticePageFactory(
            parent=sections["practices"], country=taxonomy["country"], live=False
        )
        for _ in range(2)
    )
    warm_up.save_revision().publish()  # the first publish of a process loads more
    PendingUpdate.objects.all().delete()
    DBTaskResult.objects.all().delete()

    started = time.monotonic()
    draft.save_revision().publish()
    assert time.monotonic() - started < 1.0
    # The request never even connected to the search server.
    assert hanging_server.held == []

    # Nothing was indexed in the request: the work waits in the queue.
    assert not IndexEntry.objects.filter(page_id=draft.pk).exists()
    assert queued_runs().count() == 1
    assert set(PendingUpdate.objects.values_list("backend", flat=True)) == {
        "database",
        "elasticsearch",
    }

    # The worker gives up on the hanging server after the client's timeout (shortened here).
    monkeypatch.setattr(elasticsearch_module, "UPDATE_TIMEOUT", 0.5)
    run_worker()
    assert IndexEntry.objects.filter(page_id=draft.pk).exists()
    row = PendingUpdate.objects.get(backend="elasticsearch")
    assert row.applied_at is None
    assert row.attempts == 1
    assert row.last_error.startswith("SearchUnavailable: Elasticsearch")
    # ... and queued itself again for when the update is due (RETRY_AFTER later), once.
    (retry,) = queued_runs()
    assert retry.run_after == row.failed_at + indexing.RETRY_AFTER
    run_worker()  # not due yet: nothing happens
    assert PendingUpdate.objects.get(pk=row.pk).attempts == 1

    with time_machine.travel(retry.run_after + datetime.timedelta(seconds=1)):
        run_worker()
        row.refresh_from_db()
        assert row.attempts == 2
        (again,) = queued_runs()
        # The wait doubles.
        assert again.run_after == row.failed_at + 2 * indexing.RETRY_AFTER


@pytest.mark.django_db
def test_a_new_change_resets_the_wait(sections, taxonomy, monkeypatch):
    page = factories.GoodPracticePageFactory(
        parent=sections["practices"], country=taxonomy["country"]
    )
    PendingUpdate.objects.all().delete()
    calls = []

    def down(self, documents):
        calls.append(sorted(documents))
        raise SearchUnavailable("connection refused")

    monkeypatch.setattr(DatabaseBackend, "replace_items", down)
    indexing.schedule([page.translation_key])
    assert indexing.process_pending() == {"done": 0, "failed": 1}
    PendingUpdate.objects.update(attempts=6)  # a long wait: 30 s * 2**5
    assert indexing.process_pending() == {"done": 0, "failed": 0}
    row = PendingUpdate.objects.get()
    assert indexing.next_retry() == row.failed_at + datetime.timedelta(minutes=16)

    indexing.schedule([page.translation_key])  # the editor publishes again
    row.refresh_from_db()
    assert (row.attempts, row.failed_at) == (0, None)
    assert indexing.next_retry() is None
    assert indexing.process_pending() == {"done": 0, "failed": 1}
    assert len(calls) == 2


@pytest.mark.django_db
def test_the_immediate_backend_leaves_retries_to_the_next_change(settings):
    # Dev and tests run tasks at once; they cannot be deferred.
    assert not tasks.retry_at(timezone.now())


@pytest.mark.django_db
def test_a_retry_is_queued_once(settings):
    settings.TASKS = QUEUE
    soon = timezone.now() + datetime.timedelta(seconds=30)
    assert tasks.retry_at(soon)
    assert not tasks.retry_at(soon + datetime.timedelta(seconds=5))
    # An earlier retry is still worth queuing.
    assert tasks.retry_at(soon - datetime.timedelta(seconds=10))
    assert queued_runs().count() == 2


@pytest.mark.parametrize(
    ("url", "problems"),
    [
        ("", []),
        ("http://127.0.0.1:9200", []),
        ("https://user:secret@search.example.org:443/", []),
        ("http://es", ["portal_search.E001"]),
        ("es:9200", ["portal_search.E001"]),
        ("ftp://es:21", ["portal_search.E001"]),
    ],
)
def test_a_bad_elasticsearch_url_is_a_start_up_error(settings, url, problems):
    settings.ELASTICSEARCH_URL = url
    assert [message.id for message in elasticsearch_url()] == problems


def test_the_elasticsearch_url_check_runs_with_djangos_checks(settings, monkeypatch):
    from django.apps import apps

    # The search app registers it when Django starts (SearchConfig.ready), under its tag.
    monkeypatch.setattr(checks.registry.registry, "registered_checks", set())
    apps.get_app_config("portal_search").ready()
    settings.ELASTICSEARCH_URL = "http://es"
    assert [message.id for message in checks.run_checks(tags=["search"])] == ["portal_search.E001"]


@pytest.mark.django_db
def test_a_bad_elasticsearch_url_makes_searches_fall_back_and_publishing_work(
    client, sections, taxonomy, elasticsearch_at, django_capture_on_commit_callbacks
):
    page = factories.GoodPracticePageFactory(
        parent=sections["practices"],
        country=taxonomy["country"],
        title="Regenwasser in Lörrach",
        live=False,
    )
    elasticsearch_at("http://es")
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    assert IndexEntry.objects.filter(page_id=page.pk).exists()
    row = PendingUpdate.objects.get(backend="elasticsearch", translation_key=page.translation_key)
    assert row.applied_at is None
    assert "ELASTICSEARCH_URL 'http://es'" in row.last_error

    response = client.get("/de/search/", {"q": "Regenwasser"})
    assert response.status_code == 200
    assert response.context["result"].backend == "database"
    assert [hit.page_id for hit in response.context["result"].hits] == [page.pk]
    assert response.context["result"].notices
    api = client.get("/api/search/", {"lang": "de", "q": "Regenwasser"})
    assert api.status_code == 200
    assert [item["title"] for item in api.json()["results"]] == ["Regenwasser in Lörrach"]
    suggestions = client.get("/api/search/suggest/", {"lang": "de", "q": "Regenw"})
    assert [s["title"] for s in suggestions.json()["suggestions"]] == ["Regenwasser in Lörrach"]


@pytest.mark.django_db
@pytest.mark.parametrize("error", [KeyError("hits"), RuntimeError("client bug"), ValueError("x")])
def test_searches_fall_back_whatever_the_client_raises(
    client,
    sections,
    taxonomy,
    elasticsearch_at,
    monkeypatch,
    django_capture_on_commit_callbacks,
    error,
):
    page = factories.GoodPracticePageFactory(
        parent=sections["practices"], country=taxonomy["country"], title="Regenwasser", live=False
    )
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    elasticsearch_at("http://127.0.0.1:9")

    def broken(self, *args, **kwargs):
        raise error

    for method in ("search", "suggest", "matching_page_ids"):
        monkeypatch.setattr(ElasticsearchBackend, method, broken)
    response = client.get("/de/search/", {"q": "Regenwasser"})
    assert response.status_code == 200
    assert [hit.page_id for hit in response.context["result"].hits] == [page.pk]
    suggestions = client.get("/api/search/suggest/", {"lang": "de", "q": "Regenw"})
    assert suggestions.status_code == 200
    assert len(suggestions.json()["suggestions"]) == 1
