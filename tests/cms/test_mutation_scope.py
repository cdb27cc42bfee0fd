"""`make mutation`'s test scope (tests/mutation_scope.py): which tests a module's mutants run."""

from pathlib import Path

import pytest

from tests import mutation_scope


@pytest.mark.parametrize(
    ("mutant", "module"),
    [
        ("search.bitmaps.x_load__mutmut_3", "search.bitmaps"),
        ("search.service.xǁSearchǁrun__mutmut_12", "search.service"),
        ("fail", None),
        ("stats", None),
        ("", None),
    ],
)
def test_the_mutants_module_is_read_from_its_name(monkeypatch, mutant, module):
    monkeypatch.setenv("MUTANT_UNDER_TEST", mutant)
    assert mutation_scope.mutant_module() == module


def test_a_module_takes_its_own_entry_before_a_package_or_a_longer_name():
    scope_of = mutation_scope.scope_of
    assert scope_of("search.backends.elasticsearch.queries") == mutation_scope.ELASTICSEARCH
    assert scope_of("localization.sync") == [
        "tests/localization/test_nothing_lost.py",
        "tests/localization/test_status.py",
        "tests/localization/test_roles.py",
    ]
    assert scope_of("localization.sync_hooks") == [
        "tests/localization/test_nothing_lost.py",
        "tests/localization/test_translation_editor.py",
    ]
    assert scope_of("localization.po.upload") == [
        "tests/localization/test_po_upload.py",
        "tests/localization/test_po_checks.py",
        "tests/localization/test_nothing_lost.py",
    ]
    assert scope_of("localization.po.checks") == ["tests/localization/test_po_checks.py"]
    assert scope_of("search.unknown") is None


def test_every_scoped_test_file_exists():
    root = Path(mutation_scope.__file__).resolve().parent.parent
    files = {path for paths in mutation_scope.SCOPE.values() for path in paths}
    assert sorted(path for path in files if not (root / path).is_file()) == []


def test_a_run_of_some_modules_takes_the_tests_of_their_scopes_each_once(monkeypatch):
    monkeypatch.setenv("MUTATION_MODULES", "localization.sync localization.po.upload")
    monkeypatch.setenv("MUTANT_UNDER_TEST", "stats")
    assert mutation_scope.session_scope() == [
        "tests/localization/test_nothing_lost.py",
        "tests/localization/test_status.py",
        "tests/localization/test_roles.py",
        "tests/localization/test_po_upload.py",
        "tests/localization/test_po_checks.py",
    ]


def test_a_mutant_takes_its_own_modules_scope_within_a_run_of_several(monkeypatch):
    monkeypatch.setenv("MUTATION_MODULES", "localization.sync localization.po.upload")
    monkeypatch.setenv("MUTANT_UNDER_TEST", "localization.po.upload.x_parse_po__mutmut_3")
    assert mutation_scope.session_scope() == [
        "tests/localization/test_po_upload.py",
        "tests/localization/test_po_checks.py",
        "tests/localization/test_nothing_lost.py",
    ]


@pytest.mark.parametrize("modules", ["search.unknown localization.sync", "search.", ""])
def test_a_run_with_a_module_without_scope_or_a_package_takes_every_test(monkeypatch, modules):
    monkeypatch.setenv("MUTATION_MODULES", modules)
    monkeypatch.setenv("MUTANT_UNDER_TEST", "stats")
    assert mutation_scope.session_scope() is None
