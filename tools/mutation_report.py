"""The kill rate of `make mutation`, per module and per package, from mutmut's results.

mutmut (3.x) keeps each mutated module's results in mutants/<path>.meta: {mutant name: exit
code of its test run}. A mutant is killed when its tests failed (or ran out of time: a mutant
that loops forever is caught too); it survived when they passed; "no tests" means no test
executes the mutated function; "not checked" ones were not run (another module's run, or left
out of a sample: the rate is then an estimate, shown with its 95 % range). Mutants named in
tools/mutation_equivalent.txt (one name per line, a "#" and the reason after it) cannot change
behaviour: they are counted apart and left out of the rate.

Usage: python tools/mutation_report.py [--min PERCENT]; exits 1 when a module whose mutants
were run is below PERCENT. Modules none of whose mutants was run yet are named as "not run";
the wall time of each `make mutation` (mutants/mutation-times.tsv) is shown after the table.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MUTANTS = ROOT / "mutants"
EQUIVALENT = ROOT / "tools" / "mutation_equivalent.txt"
TIMES = MUTANTS / "mutation-times.tsv"
PACKAGES = ("search", "localization")
KILLED = {1, 3, 36, 24, -24, 152, 255}  # test failure, pytest error, timeout
SURVIVED = {0}
NO_TESTS = {5, 33}


def equivalent_names() -> set[str]:
    if not EQUIVALENT.exists():
        return set()
    names = set()
    for line in EQUIVALENT.read_text().splitlines():
        name = line.split("#", 1)[0].strip()
        if name:
            names.add(name)
    return names


def module_results() -> dict[str, dict[str, int | None]]:
    results = {}
    for package in PACKAGES:
        for meta in sorted((MUTANTS / package).rglob("*.py.meta")):
            module = str(meta.relative_to(MUTANTS))[: -len(".meta")]
            results[module] = json.loads(meta.read_text()).get("exit_code_by_key", {})
    return results


def tally(codes: dict[str, int | None], equivalent: set[str]) -> Counter:
    counts: Counter = Counter()
    for name, code in codes.items():
        counts["mutants"] += 1
        if code is None:
            counts["not checked"] += 1
        elif name in equivalent and code not in KILLED:
            counts["equivalent"] += 1
        elif code in KILLED:
            counts["killed"] += 1
        elif code in SURVIVED:
            counts["survived"] += 1
        elif code in NO_TESTS:
            counts["no tests"] += 1
        else:
            counts["other"] += 1
    return counts


def rate(counts: Counter) -> float | None:
    checked = counts["mutants"] - counts["not checked"] - counts["equivalent"]
    return 100 * counts["killed"] / checked if checked else None


def interval(counts: Counter) -> str:
    """The 95 % range (Wilson) of the kill rate when only a sample of the mutants was run."""
    checked = counts["mutants"] - counts["not checked"] - counts["equivalent"]
    if not counts["not checked"] or not checked:
        return ""
    z = 1.96
    share = counts["killed"] / checked
    centre = (share + z * z / (2 * checked)) / (1 + z * z / checked)
    half = z * math.sqrt(share * (1 - share) / checked + z * z / (4 * checked * checked))
    half /= 1 + z * z / checked
    return f"{100 * max(0.0, centre - half):.0f}-{100 * min(1.0, centre + half):.0f}%"


COLUMNS = ("mutants", "killed", "survived", "no tests", "equivalent", "not checked", "other")
WIDTH = 12


def row(name: str, counts: Counter) -> str:
    value = rate(counts)
    shown = "-" if value is None else f"{value:.1f}%"
    return (
        f"{name:<40}"
        + "".join(f"{counts[c]:>{WIDTH}}" for c in COLUMNS)
        + f"{shown:>{WIDTH}}  {interval(counts)}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--min", type=float, default=90.0, help="lowest kill rate per package")
    args = parser.parse_args()
    equivalent = equivalent_names()
    results = module_results()
    if not results:
        print("No mutation results in mutants/: run `make mutation` first.", file=sys.stderr)
        return 1
    print(
        f"{'module':<40}"
        + "".join(f"{c:>{WIDTH}}" for c in COLUMNS)
        + f"{'killed %':>{WIDTH}}  95% range (sample)"
    )
    packages: dict[str, Counter] = {}
    failed = []
    not_run = []
    for module, codes in results.items():
        counts = tally(codes, equivalent)
        packages.setdefault(module.split("/")[0], Counter()).update(counts)
        if counts["mutants"] - counts["not checked"]:
            print(row(module, counts))
            value = rate(counts)
            if value is not None and value < args.min:
                failed.append(module)
        elif counts["mutants"]:
            not_run.append(f"{module} ({counts['mutants']})")
    print()
    for package, counts in packages.items():
        print(row(f"{package}/ (all run so far)", counts))
    if not_run:
        print(f"\nNot run yet ({len(not_run)} modules, mutants in brackets): {', '.join(not_run)}")
    if TIMES.exists():
        print("\nWall time of each run (UTC end, seconds, mutants at once, sample, modules):")
        for line in TIMES.read_text().splitlines():
            print(f"  {line}")
    survivors = [
        name
        for codes in results.values()
        for name, code in codes.items()
        if code in SURVIVED and name not in equivalent
    ]
    if survivors:
        print(f"\nSurvivors ({len(survivors)}; `.venv/bin/mutmut show NAME` shows one):")
        for name in survivors:
            print(f"  {name}")
    if failed:
        print(f"\nModules below {args.min:.0f}% killed: {', '.join(failed)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
