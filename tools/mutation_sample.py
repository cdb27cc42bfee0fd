"""A fixed random sample of mutmut's mutants, per module, for `make mutation MUTATION_SAMPLE=...`.

Prints the names of PERCENT % of each module's mutants (at least one per module with mutants),
drawn with a fixed seed, so every run with the same seed and unchanged code checks the same
mutants (a mutant a new test should kill is in the next run again). The mutants are made here
exactly as mutmut makes them (its own function, with the [tool.mutmut] configuration), without
running anything.

Usage: python tools/mutation_sample.py PERCENT [--seed N] [FILE ...]
(FILEs: modules such as search/service.py; default: every module mutmut mutates.)
"""

from __future__ import annotations

import argparse
import math
import random
import sys
from pathlib import Path

from mutmut.__main__ import mutate_file_contents
from mutmut.utils.file_utils import walk_mutatable_files
from mutmut.utils.format_utils import get_mutant_name


def mutant_names(path: Path) -> list[str]:
    mutated = mutate_file_contents(str(path), path.read_text(), None, None)
    return sorted(get_mutant_name(path, name) for name in mutated.mutant_names)


def sample(names: list[str], percent: float, seed: int) -> list[str]:
    if not names:
        return []
    count = min(len(names), max(1, math.ceil(len(names) * percent / 100)))
    return sorted(random.Random(seed).sample(sorted(names), count))  # noqa: S311 (a sample, no secret)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("percent", type=float)
    parser.add_argument("--seed", type=int, default=14)
    parser.add_argument("files", nargs="*", type=Path)
    args = parser.parse_intermixed_args()  # files may follow --seed
    files = args.files or sorted(walk_mutatable_files())
    for path in files:
        for name in sample(mutant_names(path), args.percent, args.seed):
            print(name)
    return 0


if __name__ == "__main__":
    sys.exit(main())
