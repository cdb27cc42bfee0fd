"""Re-runs the SQL of one measured page and explains its slowest queries.

    .venv/bin/python bench/explain.py "practice index (de)"
    .venv/bin/python bench/explain.py "home (en)" --database-url postgres://postgres@127.0.0.1:5432/ccportal_bench

Reads bench/results/latest-queries.json (the SQL of one request per page, written by run.py),
runs each query several times on the bench database and prints the fastest time of each; for
queries over --min-ms it prints the plan (SQLite: EXPLAIN QUERY PLAN; PostgreSQL: EXPLAIN
ANALYZE). Only SELECTs are run.
"""

import argparse
import json
import re
import sys
from pathlib import Path
from time import perf_counter

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.run import DEFAULT_SQLITE, RESULTS_DIR, configure


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("label", help='a page as labelled in the results, e.g. "home (de)"')
    parser.add_argument("--database-url", default=f"sqlite:///{DEFAULT_SQLITE}")
    parser.add_argument("--queries", type=Path, default=RESULTS_DIR / "latest-queries.json")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--min-ms", type=float, default=2.0)
    args = parser.parse_args(argv)

    captured = json.loads(args.queries.read_text())
    if args.label not in captured:
        sys.exit(f"error: no {args.label!r} in {args.queries}; one of: {', '.join(captured)}")
    configure(args.database_url, RESULTS_DIR / "media" / "explain")
    from django.db import connection

    total = 0.0
    with connection.cursor() as cursor:
        for number, sql in enumerate(captured[args.label], start=1):
            if not sql.lstrip().upper().startswith("SELECT"):
                continue
            best = float("inf")
            for _ in range(args.repeat):
                started = perf_counter()
                cursor.execute(sql)
                rows = cursor.fetchall()
                best = min(best, (perf_counter() - started) * 1000)
            total += best
            short = re.sub(r"^SELECT .*? FROM ", "SELECT … FROM ", sql, count=1, flags=re.S)
            print(f"#{number:<3} {best:8.2f} ms {len(rows):6d} rows  {short[:400]}")
            if best >= args.min_ms:
                if connection.vendor == "sqlite":
                    cursor.execute(f"EXPLAIN QUERY PLAN {sql}")
                    plan = [f"{row[0]}<-{row[1]} {row[3]}" for row in cursor.fetchall()]
                else:
                    cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS) {sql}")
                    plan = [row[0] for row in cursor.fetchall()]
                for line in plan:
                    print(f"        | {line}")
    print(f"Sum of the fastest times: {total:.2f} ms")


if __name__ == "__main__":
    main()
