"""The search management commands: rebuild (with progress), update (the queue), drift."""

import io
from datetime import timedelta

import pytest
from django.core.management import CommandError, call_command
from django.core.management.base import OutputWrapper
from django.utils import timezone

from pages import factories
from search import indexing
from search.backends.database import DatabaseBackend
from search.management.commands.search_rebuild import ProgressBar
from search.models import IndexEntry, PendingUpdate
from tests import helpers

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("database_only")]


@pytest.fixture
def site(home_en, sections, taxonomy, locales):
    """Two practices (one translated), an event and a news item; nothing indexed yet."""
    _de, en = locales
    helpers.translate_page(sections["practices"], en, title="Practices", slug="practices")
    first = factories.GoodPracticePageFactory(parent=sections["practices"])
    helpers.translate_page(first, en, title="First practice")
    factories.GoodPracticePageFactory(parent=sections["practices"])
    factories.EventPageFactory(parent=sections["events"])
    factories.NewsPageFactory(parent=sections["news"])
    IndexEntry.objects.all().delete()
    PendingUpdate.objects.all().delete()
    return {"first": first}


def run(*args):
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command(*args, stdout=out, stderr=err)
        code = 0
    except SystemExit as exit:
        code = exit.code
    return code, out.getvalue(), err.getvalue()


def test_rebuild_indexes_everything_and_reports_progress(site):
    code, out, err = run("search_rebuild")
    assert code == 0
    # Five documents: three practices (one in two languages), an event and a news item.
    assert IndexEntry.objects.count() == 5
    assert "database: indexed 5 documents in" in out
    # Not a terminal: a line per tenth, ending at 100 %.
    assert "database: 5/5 (100%)" in err.splitlines()[-1]


def test_rebuild_is_quiet_at_verbosity_zero(site):
    out, err = io.StringIO(), io.StringIO()
    call_command("search_rebuild", "--backend", "database", verbosity=0, stdout=out, stderr=err)
    assert err.getvalue() == ""
    assert "indexed 5 documents" in out.getvalue()


def test_rebuild_settles_updates_queued_before_it(site):
    indexing.schedule([site["first"].translation_key])
    assert PendingUpdate.objects.filter(applied_at__isnull=True).count() == 1
    run("search_rebuild")
    assert not PendingUpdate.objects.filter(applied_at__isnull=True).exists()


def test_rebuild_keeps_updates_applied_before_it(site):
    # Applied rows are kept for a day; the rebuild settles only the unapplied ones.
    applied = timezone.now() - timedelta(hours=1)
    PendingUpdate.objects.create(
        backend="database",
        translation_key=site["first"].translation_key,
        requested_at=applied - timedelta(hours=1),
        applied_at=applied,
    )
    run("search_rebuild")
    assert list(PendingUpdate.objects.values_list("applied_at", flat=True)) == [applied]


def test_drift_counts_the_queued_updates_of_its_own_backend(site):
    DatabaseBackend().rebuild(indexing.all_documents())
    key = site["first"].translation_key
    for backend in ("database", "elasticsearch"):
        PendingUpdate.objects.create(backend=backend, translation_key=key, requested_at=helpers.NOW)
    _code, out, _err = run("search_drift", "--backend", "database")
    assert out.splitlines()[0] == "database (1 updates queued)"


class Terminal(io.StringIO):
    def isatty(self):
        return True


def test_progress_on_a_terminal_is_one_rewritten_line():
    terminal = Terminal()
    bar = ProgressBar(OutputWrapper(terminal), "database", 4)
    bar.update(1)
    bar.update(4)
    bar.finish()
    assert terminal.getvalue() == (
        f"\rdatabase [{'#' * 7}{'-' * 23}] 1/4\rdatabase [{'#' * 30}] 4/4\n"
    )


def test_drift_is_reported_per_language_and_type(site):
    DatabaseBackend().rebuild(indexing.all_documents())
    code, out, _err = run("search_drift")
    assert code == 0
    assert "No drift." in out
    assert "database (0 updates queued)" in out
    rows = {tuple(line.split()[:2]): line.split()[2:] for line in out.splitlines()[2:-1]}
    assert rows[("de", "practice")] == ["2", "2", "0"]
    assert rows[("en", "practice")] == ["1", "1", "0"]
    assert rows[("de", "event")] == ["1", "1", "0"]

    IndexEntry.objects.filter(language="de", type="practice").first().delete()
    code, out, _err = run("search_drift", "--backend", "database")
    assert code == 1
    assert "Drift found" in out
    rows = {tuple(line.split()[:2]): line.split()[2:] for line in out.splitlines()[2:-1]}
    assert rows[("de", "practice")] == ["2", "1", "-1"]
    assert rows[("de", "news")] == ["1", "1", "0"]


def test_update_applies_the_queue(site):
    DatabaseBackend().rebuild(indexing.all_documents())
    first = site["first"]
    first.title = "Neuer Titel"
    first.save_revision().publish()  # queued; the commit never comes in a test
    assert PendingUpdate.objects.filter(applied_at__isnull=True).count() == 1
    code, out, _err = run("search_update")
    assert code == 0
    assert "Applied 1 updates, 0 failed; 0 still queued." in out
    assert IndexEntry.objects.get(page_id=first.pk).title == "Neuer Titel"


def test_update_fails_loudly_while_a_backend_fails(site, monkeypatch):
    def broken(self, documents):
        raise RuntimeError("disk full")

    indexing.schedule([site["first"].translation_key])
    monkeypatch.setattr(DatabaseBackend, "replace_items", broken)
    code, out, _err = run("search_update")
    assert code == 1
    assert "Applied 0 updates, 1 failed; 1 still queued." in out
    assert PendingUpdate.objects.get().last_error == "RuntimeError: disk full"


@pytest.mark.parametrize("command", ["search_rebuild", "search_drift"])
def test_an_unknown_backend_is_an_error(db, command):
    with pytest.raises(CommandError, match="No search backend named 'solr'"):
        call_command(command, "--backend", "solr", stdout=io.StringIO(), stderr=io.StringIO())
