"""`make mutation`'s sample (tools/mutation_sample.py) and report (tools/mutation_report.py)."""

import importlib.util
import json
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent


def load(name):
    spec = importlib.util.spec_from_file_location(name, ROOT / "tools" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def sample():
    return load("mutation_sample")


@pytest.fixture(scope="module")
def report():
    return load("mutation_report")


def test_a_sample_takes_the_share_rounded_up_and_is_the_same_every_time(sample):
    names = [f"search.service.x_run__mutmut_{n}" for n in range(1, 46)]
    drawn = sample.sample(names, 10, seed=14)
    assert len(drawn) == 5
    assert set(drawn) <= set(names)
    assert drawn == sorted(drawn) == sample.sample(list(reversed(names)), 10, seed=14)
    assert sample.sample(names, 10, seed=15) != drawn


def test_a_sample_takes_at_least_one_mutant_of_a_module_and_never_more_than_it_has(sample):
    assert len(sample.sample(["a.x_f__mutmut_1", "a.x_f__mutmut_2"], 1, seed=14)) == 1
    assert len(sample.sample(["a.x_f__mutmut_1", "a.x_f__mutmut_2"], 100, seed=14)) == 2
    assert sample.sample([], 10, seed=14) == []


def test_the_sample_names_mutants_as_mutmut_does(sample, tmp_path, monkeypatch):
    monkeypatch.chdir(ROOT)
    names = sample.mutant_names(Path("search/bitmaps.py"))
    assert len(names) == len(set(names)) > 100
    assert all(name.startswith("search.bitmaps.x_") and "__mutmut_" in name for name in names)


def test_the_report_counts_per_module_and_leaves_equivalent_and_unchecked_out_of_the_rate(report):
    codes = {
        "m.x_f__mutmut_1": 1,
        "m.x_f__mutmut_2": 0,
        "m.x_f__mutmut_3": 0,
        "m.x_f__mutmut_4": None,
    }
    counts = report.tally(codes, equivalent={"m.x_f__mutmut_3"})
    assert counts == Counter(mutants=4, killed=1, survived=1, equivalent=1, **{"not checked": 1})
    assert report.rate(counts) == 50.0


def test_the_report_gives_a_range_for_a_sample_only(report):
    full = Counter(mutants=20, killed=18, survived=2)
    assert report.interval(full) == ""
    sampled = Counter(mutants=200, killed=18, survived=2, **{"not checked": 180})
    assert report.interval(sampled) == "70-97%"


def test_the_report_fails_for_a_module_below_the_floor_and_names_those_not_run(
    report, tmp_path, monkeypatch, capsys
):
    (tmp_path / "search").mkdir()
    (tmp_path / "localization").mkdir()
    meta = {
        "search/service.py.meta": {
            f"search.service.x_run__mutmut_{n}": int(n > 9) for n in range(1, 11)
        },
        "search/documents.py.meta": {f"search.documents.x_f__mutmut_{n}": 1 for n in range(1, 11)},
        "localization/sync.py.meta": {"localization.sync.x_f__mutmut_1": None},
    }
    for path, codes in meta.items():
        (tmp_path / path).write_text(json.dumps({"exit_code_by_key": codes}))
    monkeypatch.setattr(report, "MUTANTS", tmp_path)
    monkeypatch.setattr(report, "TIMES", tmp_path / "mutation-times.tsv")
    monkeypatch.setattr("sys.argv", ["mutation_report.py", "--min", "90"])
    assert report.main() == 1
    out, err = capsys.readouterr()
    lines = {line.split()[0]: line.split() for line in out.splitlines() if line.strip()}
    assert lines["search/service.py"][1:4] + lines["search/service.py"][-1:] == [
        "10",
        "1",
        "9",
        "10.0%",
    ]
    assert lines["search/documents.py"][1:3] + lines["search/documents.py"][-1:] == [
        "10",
        "10",
        "100.0%",
    ]
    assert "Not run yet (1 modules, mutants in brackets): localization/sync.py (1)" in out
    assert "Modules below 90% killed: search/service.py" in err
