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
    ]
    assert scope_of("localization.sync_hooks") == ["tests/localization/test_nothing_lost.py"]
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
