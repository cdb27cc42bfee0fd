"""pytest plugin of `make mutation` (loaded with `-p tests.mutation_scope` by [tool.mutmut]).

mutmut runs, for each mutant, a pytest session in a process forked from its own, with the tests
that executed the mutated function in its first run, passed as a set of node ids in no
particular order. Three things make that slow or wrong here, and this plugin changes them:

- The database: every session starts from its own copy of a database migrated once before the
  run (MUTATION_DB_TEMPLATE, made by `make mutation`), so no session migrates, none sees what a
  transactional test of an earlier session flushed (the root page, the locales), and two
  sessions at once (`--max-children 2`) never share a file.

- Order: pytest runs node ids in the order given, so tests of one file interleaved with others
  set their module's site up again and again (`search_site`, `build_site`: about a second each,
  twelve for the API's). The tests are put back in file order, files in `SLOW_LAST` last, so a
  mutant caught by a cheap test never pays for the expensive ones.
- Scope: a mutant of a module in `SCOPE` runs only the tests of the files that pin that
  module's behaviour, not every test that passes through it (every page view calls the search
  service and the language fallback). A mutant no test in its scope executes is reported as
  "no tests" (pytest's exit code 5), never as killed.
- Part of a run: `make mutation MODULES="search/service.py ..."` passes the modules on in
  MUTATION_MODULES; mutmut's own sessions (the first run that maps tests to functions, the
  clean run, the forced failure) then run only the tests of those modules' scopes, not every
  test of tests/search/ and tests/localization/.

Outside mutmut (no MUTANT_UNDER_TEST) the plugin changes nothing.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

S = "tests/search/"
L = "tests/localization/"
CONTRACT = [f"{S}test_contract_database.py", f"{S}test_suggest.py"]
ELASTICSEARCH = [
    f"{S}test_elasticsearch_queries.py",
    f"{S}test_elasticsearch_responses.py",
    f"{S}test_elasticsearch_writes.py",
    f"{S}test_elasticsearch_mapping.py",
    f"{S}test_off_the_request.py",
]

# Module (dotted path, or a package prefix ending in ".") -> the test files (or node id
# prefixes) that pin its behaviour. The longest matching key wins.
SCOPE: dict[str, list[str]] = {
    "search.bitmaps": CONTRACT,
    "search.backends.database": [*CONTRACT, f"{S}test_indexing.py", f"{S}test_commands.py"],
    "search.backends.elasticsearch.": ELASTICSEARCH,
    # matching_page_ids: the downloads (opendata) are its only caller.
    "search.service": [
        *CONTRACT,
        f"{S}test_views.py",
        f"{S}test_api.py",
        "tests/opendata/test_exports.py",
    ],
    "search.documents": [
        f"{S}test_documents.py",
        f"{S}test_indexing.py",
        f"{S}test_elasticsearch_mapping.py",
    ],
    "search.indexing": [
        f"{S}test_indexing.py",
        f"{S}test_off_the_request.py",
        f"{S}test_commands.py",
    ],
    "search.tasks": [f"{S}test_off_the_request.py", f"{S}test_indexing.py"],
    "search.signals": [f"{S}test_indexing.py", f"{S}test_off_the_request.py"],
    "search.checks": [f"{S}test_off_the_request.py"],
    "search.models": [f"{S}test_indexing.py", f"{S}test_off_the_request.py", *CONTRACT],
    # get_facet: the API's facet labels; facet_names: the Elasticsearch backend's default.
    "search.registry": [
        *CONTRACT,
        f"{S}test_documents.py",
        f"{S}test_elasticsearch_mapping.py",
        f"{S}test_elasticsearch_queries.py",
        f"{S}test_api.py",
    ],
    "search.contract": [*CONTRACT, f"{S}test_text.py", f"{S}test_views.py", f"{S}test_api.py"],
    # plain_text: also the suggestion body's prefix (test_elasticsearch_queries.py).
    "search.text": [
        f"{S}test_text.py",
        *CONTRACT,
        f"{S}test_elasticsearch_mapping.py",
        f"{S}test_elasticsearch_queries.py",
    ],
    "search.views": [f"{S}test_views.py"],
    "search.api": [f"{S}test_api.py", f"{S}test_suggest.py"],
    "search.wagtail_backend": [f"{S}test_wagtail_backend.py"],
    "search.management.": [f"{S}test_commands.py", f"{S}test_off_the_request.py"],
    "localization.po.": [
        f"{L}test_po_upload.py",
        f"{L}test_po_checks.py",
        f"{L}test_nothing_lost.py",
    ],
    "localization.po.checks": [f"{L}test_po_checks.py"],
    "localization.status.": [f"{L}test_status.py"],
    # Privacy of translations: test_roles.py.
    "localization.sync": [f"{L}test_nothing_lost.py", f"{L}test_status.py", f"{L}test_roles.py"],
    # The keep-edits guard and button: test_nothing_lost.py; the editor's footer: test_translation_editor.py.
    "localization.sync_hooks": [f"{L}test_nothing_lost.py", f"{L}test_translation_editor.py"],
    "localization.memory": [f"{L}test_translation_memory.py"],
    "localization.models": [f"{L}test_translation_memory.py"],
    # The translation editor's actions and the moderators' dashboard panel: test_translation_editor.py.
    "localization.roles.": [f"{L}test_roles.py", f"{L}test_translation_editor.py"],
    "localization.visitors.": [f"{L}test_visitor_languages.py"],
}

# Files whose module set-up costs ten seconds or more, and single tests of that cost (node id
# prefixes): run after every other test, so that a mutant a cheap test kills never waits for them.
SLOW_LAST = (
    f"{S}test_api.py",
    f"{L}test_status.py::test_demo_site_status_and_query_count",  # seeds the demo: about 60 s
    f"{L}test_status.py::test_query_count_is_constant",  # about 15 s
)


def pytest_sessionstart(session):
    template = os.environ.get("MUTATION_DB_TEMPLATE")
    if not template:
        return
    from django.db import connections

    settings_dict = connections["default"].settings_dict
    if settings_dict["ENGINE"] != "django.db.backends.sqlite3":
        return
    copy = Path(tempfile.gettempdir()) / f"mutation-db-{os.getpid()}.sqlite3"
    shutil.copyfile(template, copy)
    settings_dict.setdefault("TEST", {})["NAME"] = str(copy)
    session.config._mutation_db_copy = copy


def template_database():
    """The body of `django_db_setup` in a mutation run: the session's copy of the migrated
    database becomes the test database; nothing is created, migrated or torn down."""
    from django.conf import settings
    from django.db import connections

    connection = connections["default"]
    if connection.settings_dict["ENGINE"] != "django.db.backends.sqlite3":
        raise RuntimeError("make mutation runs on SQLite (MUTATION_DB_TEMPLATE)")
    name = connection.settings_dict["TEST"]["NAME"]
    settings.DATABASES["default"]["NAME"] = name
    connection.settings_dict["NAME"] = name
    connection.close()
    yield


def pytest_unconfigure(config):
    copy = getattr(config, "_mutation_db_copy", None)
    if copy is not None:
        for path in (copy, Path(f"{copy}-wal"), Path(f"{copy}-shm")):
            path.unlink(missing_ok=True)


def mutant_module() -> str | None:
    """The dotted module of the mutant under test (`search.bitmaps.x_load__mutmut_3`), if any."""
    name = os.environ.get("MUTANT_UNDER_TEST", "")
    if "__mutmut_" not in name:
        return None
    return name.rpartition(".")[0]


def scope_of(module: str) -> list[str] | None:
    keys = [key for key in SCOPE if module == key or (key.endswith(".") and module.startswith(key))]
    return SCOPE[max(keys, key=len)] if keys else None


def scope_of_modules(names: list[str]) -> list[str] | None:
    """The test files of several modules (dotted paths), in order, each once.

    None (every test) when one of them has no entry of its own, since its mutants run every
    test, or is a package (`search.`), whose modules may lack one.
    """
    files: list[str] = []
    for name in names:
        scope = None if name.endswith(".") else scope_of(name)
        if scope is None:
            return None
        files += [path for path in scope if path not in files]
    return files


def session_scope() -> list[str] | None:
    """The tests this session may run: its mutant's scope, or that of the modules of the run."""
    module = mutant_module()
    if module:
        return scope_of(module)
    modules = os.environ.get("MUTATION_MODULES", "").split()
    return scope_of_modules(modules) if modules else None


def transactional(item) -> bool:
    marker = item.get_closest_marker("django_db")
    return "transactional_db" in getattr(item, "fixturenames", ()) or bool(
        marker and (marker.kwargs.get("transaction") or (marker.args and marker.args[0]))
    )


# After pytest-django's ordering: transactional tests (which empty the database) stay last.
@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config, items):
    if "MUTANT_UNDER_TEST" not in os.environ:
        return
    scope = session_scope()
    if scope is not None:
        prefixes = tuple(scope)
        dropped = [item for item in items if not item.nodeid.startswith(prefixes)]
        if dropped:
            config.hook.pytest_deselected(items=dropped)
            items[:] = [item for item in items if item.nodeid.startswith(prefixes)]
    position = {id(item): index for index, item in enumerate(items)}

    def order(item):
        path, line, _ = item.location
        slow = item.nodeid.startswith(SLOW_LAST)
        return (transactional(item), slow, path, line, position[id(item)])

    items.sort(key=order)
