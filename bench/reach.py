"""Benchmark of the open data downloads and of the suggestions while typing, on the search
benchmark's site (bench/search.py builds it: 10,000 practices and 2,000 events per language,
German sources with English translations, one item in ten German-only).

    .venv/bin/python bench/reach.py                      # builds the site (or --reuse it)
    .venv/bin/python bench/reach.py --reuse              # the site of an earlier search bench run
    .venv/bin/python bench/reach.py --reuse --database-url postgres://postgres@127.0.0.1:5432/ccportal_bench_search

Downloads: every practice (and a tenth of them, by region) as CSV and as JSON in English,
through Django's test client with the whole middleware stack, the streamed body read chunk by
chunk and thrown away, as a client writing it to disk would. Time is measured without, and
the peak of Python's heap (tracemalloc) in a second pass with tracing on; a download of a
tenth as many rows with the same peak shows that memory does not grow with the rows.

Suggestions: `--suggestions` (200) requests to /api/search/suggest/ after 20 warm-up ones,
prefixes of 2 to 8 letters of title words of the site, both languages; median and p95.

Results: bench/results/reach-*.json and .md.
"""

import argparse
import datetime
import json
import random
import statistics
import sys
import tracemalloc
from pathlib import Path
from time import perf_counter

BENCH_DIR = Path(__file__).resolve().parent
PROJECT_DIR = BENCH_DIR.parent
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != BENCH_DIR]
sys.path.insert(0, str(PROJECT_DIR))

from bench import search as search_bench  # noqa: E402 (after the path fix)
from bench.run import RESULTS_DIR, machine_info  # noqa: E402


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", default=search_bench.DEFAULT_URL)
    parser.add_argument("--practices", type=int, default=10000)
    parser.add_argument("--reuse", action="store_true", help="reuse the search bench's site")
    parser.add_argument("--suggestions", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=3, help="timed downloads of each kind")
    return parser.parse_args(argv)


def prepare(args):
    """The search bench's site and database index (built when missing)."""
    forwarded = ["--database-url", args.database_url, "--practices", str(args.practices)]
    search_args = search_bench.parse_args(forwarded + (["--reuse"] if args.reuse else []))
    search_bench.setup(search_args)
    meta = search_bench.build(search_args)
    if not meta.get("index"):
        search_bench.rebuild_index(meta)
    return meta


def read(response):
    """(bytes, lines) of a streamed body, read chunk by chunk and not kept."""
    size = lines = 0
    for chunk in response.streaming_content:
        chunk = chunk if isinstance(chunk, bytes) else chunk.encode()
        size += len(chunk)
        lines += chunk.count(b"\n")
    return size, lines


def downloads(client, repeat):
    from pages.models import Region

    region = Region.objects.order_by("sort_order").values_list("slug", flat=True).first()
    cases = [
        ("practices.csv", {}),
        ("practices.json", {}),
        ("practices.csv", {"region": region}),
    ]
    rows = []
    for name, params in cases:
        url = f"/en/open-data/{name}"
        times = []
        for _ in range(repeat):
            started = perf_counter()
            response = client.get(url, params)
            assert response.status_code == 200, response.status_code
            size, lines = read(response)
            times.append(perf_counter() - started)
        tracemalloc.start()
        read(client.get(url, params))
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        rows.append(
            {
                "url": url + (f"?region={params['region']}" if params else ""),
                "bytes": size,
                "lines": lines,
                "seconds_median": round(statistics.median(times), 2),
                "seconds_min": round(min(times), 2),
                "peak_python_heap_mb": round(peak / 2**20, 1),
            }
        )
        print(f"   {rows[-1]}", flush=True)
    return rows


def suggestion_prefixes(count, seed=11):
    from search.models import IndexEntry
    from search.text import folded_words

    rng = random.Random(seed)
    titles = list(IndexEntry.objects.order_by("?").values_list("language", "title")[:2000])
    prefixes = []
    for _ in range(count):
        language, title = rng.choice(titles)
        word = rng.choice([w for w in folded_words(title) if len(w) > 2] or ["st"])
        prefixes.append((language, word[: rng.randint(2, min(8, len(word)))]))
    return prefixes


def suggestions(client, count):
    prefixes = suggestion_prefixes(count + 20)
    for language, prefix in prefixes[:20]:
        client.get("/api/search/suggest/", {"lang": language, "q": prefix})
    times, found = [], []
    for language, prefix in prefixes[20:]:
        started = perf_counter()
        response = client.get("/api/search/suggest/", {"lang": language, "q": prefix})
        times.append((perf_counter() - started) * 1000)
        assert response.status_code == 200
        found.append(len(response.json()["suggestions"]))
    times.sort()
    return {
        "requests": len(times),
        "p50_ms": round(statistics.median(times), 1),
        "p95_ms": round(times[max(0, round(0.95 * len(times)) - 1)], 1),
        "max_ms": round(times[-1], 1),
        "mean_suggestions": round(statistics.mean(found), 1),
    }


def main(argv=None):
    args = parse_args(argv)
    meta = prepare(args)
    from django.db import connection
    from django.test import Client

    from search.documents import findable_pages

    client = Client()
    print(">> Downloads (English)", flush=True)
    rows = downloads(client, args.repeat)
    print(">> Suggestions", flush=True)
    suggest = suggestions(client, args.suggestions)
    print(f"   {suggest}", flush=True)
    result = {
        "when": datetime.datetime.now().astimezone().isoformat(timespec="seconds"),
        "database": connection.vendor,
        "machine": machine_info(),
        "sizes": meta["sizes"],
        "findable_pages": findable_pages().count(),
        "downloads": rows,
        "suggestions": suggest,
    }
    RESULTS_DIR.mkdir(exist_ok=True)
    stem = RESULTS_DIR / f"reach-{connection.vendor}-{args.practices}"
    stem.with_suffix(".json").write_text(json.dumps(result, indent=2, default=str))
    lines = [
        f"# Downloads and suggestions ({connection.vendor}, {args.practices} practices)",
        "",
        "| Download | bytes | lines | median s | min s | peak Python heap MB |",
        "|---|--:|--:|--:|--:|--:|",
        *(
            f"| {r['url']} | {r['bytes']:,} | {r['lines']:,} | {r['seconds_median']} | "
            f"{r['seconds_min']} | "
            f"{r['peak_python_heap_mb']} |"
            for r in rows
        ),
        "",
        f"Suggestions: {suggest['requests']} requests, p50 {suggest['p50_ms']} ms, "
        f"p95 {suggest['p95_ms']} ms, max {suggest['max_ms']} ms.",
    ]
    stem.with_suffix(".md").write_text("\n".join(lines) + "\n")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
