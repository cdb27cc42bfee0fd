"""Every public page type of the demo content, cached and uncached (see bench/README.md).

    .venv/bin/python bench/pagetypes.py                      # seeds bench/results/demo.sqlite3 once
    .venv/bin/python bench/pagetypes.py --no-content-cache   # as before pages.content_cache
    .venv/bin/python bench/pagetypes.py --no-gunicorn        # in-process figures only

For one page of each type in German and English, and the search, newsletter and proposal
views: SQL queries and the in-process median of warm requests through django.test.Client (the full middleware stack, anonymous visitor),
rendered ("uncached": page cache off, pages.content_cache on unless --no-content-cache) and
from the page cache ("cached"); then requests per second of the German pages under gunicorn
(2 sync workers, as `make serve`) from a small threaded HTTP client, uncached and cached.
"""

import argparse
import http.client
import os
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
PROJECT_DIR = BENCH_DIR.parent
RESULTS = BENCH_DIR / "results"
# Public pages that are views, not Wagtail pages (never in the page cache), per language.
VIEWS = {
    "de": [
        ("search", "/de/search/"),
        ("search: words", "/de/search/?q=wasser"),
        ("newsletter sign-up", "/de/newsletter/"),
        ("practice proposal", "/de/propose-a-practice/"),
    ],
    "en": [
        ("search", "/en/search/"),
        ("search: words", "/en/search/?q=water"),
        ("newsletter sign-up", "/en/newsletter/"),
        ("practice proposal", "/en/propose-a-practice/"),
    ],
}


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", type=Path, default=RESULTS / "demo.sqlite3")
    parser.add_argument("--requests", type=int, default=20, help="timed requests per page")
    parser.add_argument("--seconds", type=float, default=1.5, help="load per page (gunicorn)")
    parser.add_argument("--clients", type=int, default=4, help="concurrent HTTP clients")
    parser.add_argument("--no-content-cache", action="store_true")
    parser.add_argument("--no-gunicorn", action="store_true")
    return parser.parse_args()


def environment(args, page_cache):
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="bench.settings",
        DATABASE_URL=f"sqlite:///{args.database.resolve()}",
        MEDIA_ROOT=str(RESULTS / "demo-media"),
        BENCH_PAGE_CACHE="1" if page_cache else "",
        BENCH_CONTENT_CACHE="0" if args.no_content_cache else "1",
        PYTHONPATH=str(PROJECT_DIR),
    )
    return env


def seed(args):
    if args.database.exists():
        return
    env = environment(args, page_cache=False)
    manage = [sys.executable, str(PROJECT_DIR / "manage.py")]
    subprocess.run([*manage, "migrate", "--noinput"], env=env, check=True, cwd=PROJECT_DIR)  # noqa: S603
    subprocess.run([*manage, "seed_demo"], env=env, check=True, cwd=PROJECT_DIR)  # noqa: S603


def in_process(args, page_cache):
    """Runs this file again as a child with Django set up:
    {label: (url, queries, median ms, median CPU ms)}."""
    env = environment(args, page_cache)
    out = subprocess.run(  # noqa: S603
        [sys.executable, __file__, "--child", str(args.requests)],
        env=env,
        check=True,
        capture_output=True,
        text=True,
        cwd=PROJECT_DIR,
    ).stdout
    rows = {}
    for line in out.splitlines():
        label, url, queries, ms, cpu = line.split("\t")
        rows[label] = (url, int(queries), float(ms), float(cpu))
    return rows


def child(requests):
    # bench/ holds search.py: the project's apps must come first on the path.
    sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != BENCH_DIR]
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from wagtail.models import Page

    client = Client()
    seen = {}
    pages = Page.objects.live().public().filter(depth__gt=1).specific().select_related("locale")
    for page in pages.order_by("path"):
        label = f"{page._meta.verbose_name} ({page.locale.language_code})"
        seen.setdefault(label, page.url)
    for language, views in VIEWS.items():
        for name, url in views:
            seen[f"{name} ({language})"] = url
    for label, url in seen.items():
        for _ in range(3):
            client.get(url)
        queries = []

        def count(execute, sql, params, many, context, queries=queries):
            queries.append(sql)
            return execute(sql, params, many, context)

        with connection.execute_wrapper(count):
            client.get(url)
        times, cpu = [], []
        for _ in range(requests):
            start, cpu_start = time.perf_counter(), time.process_time()
            response = client.get(url)
            times.append((time.perf_counter() - start) * 1000)
            cpu.append((time.process_time() - cpu_start) * 1000)
            assert response.status_code == 200, url
        print(
            f"{label}\t{url}\t{len(queries)}\t{statistics.median(times):.2f}"
            f"\t{statistics.median(cpu):.2f}"
        )


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def requests_per_second(port, url, seconds, clients):
    done = []
    stop = time.perf_counter() + seconds

    def worker():
        count = 0
        while time.perf_counter() < stop:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            conn.request("GET", url, headers={"Host": "localhost"})
            response = conn.getresponse()
            response.read()
            conn.close()
            if response.status == 200:
                count += 1
        done.append(count)

    threads = [threading.Thread(target=worker) for _ in range(clients)]
    start = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sum(done) / (time.perf_counter() - start)


def under_gunicorn(args, page_cache, urls):
    port = free_port()
    server = subprocess.Popen(  # noqa: S603
        [
            str(Path(sys.executable).parent / "gunicorn"),
            "cms.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "2",
            "--log-level",
            "warning",
        ],
        env=environment(args, page_cache),
        cwd=PROJECT_DIR,
    )
    try:
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.2)
        result = {}
        for label, url in urls.items():
            requests_per_second(port, url, 0.5, args.clients)  # warm both workers
            result[label] = requests_per_second(port, url, args.seconds, args.clients)
        return result
    finally:
        server.terminate()
        server.wait(timeout=30)


def main():
    if len(sys.argv) == 3 and sys.argv[1] == "--child":
        child(int(sys.argv[2]))
        return
    args = parse_args()
    RESULTS.mkdir(exist_ok=True)
    seed(args)
    load_before = os.getloadavg()
    uncached = in_process(args, page_cache=False)
    cached = in_process(args, page_cache=True)
    german = {label: row[0] for label, row in uncached.items() if label.endswith("(de)")}
    rps = {}
    if not args.no_gunicorn:
        rps = {
            "uncached": under_gunicorn(args, False, german),
            "cached": under_gunicorn(args, True, german),
        }
    print(f"content cache: {'off' if args.no_content_cache else 'on'}")
    print(f"load average before/after: {load_before} / {os.getloadavg()}")
    print(
        "| Page | Uncached: queries | Uncached: median ms | Uncached: CPU ms | Cached: queries |"
        " Cached: median ms | Uncached req/s | Cached req/s |"
    )
    print("|---|--:|--:|--:|--:|--:|--:|--:|")
    for label, (_url, queries, ms, cpu) in uncached.items():
        c_queries, c_ms = cached[label][1:3]
        u_rps = rps.get("uncached", {}).get(label)
        c_rps = rps.get("cached", {}).get(label)
        print(
            f"| {label} | {queries} | {ms:.1f} | {cpu:.1f} | {c_queries} | {c_ms:.2f} | "
            f"{'' if u_rps is None else f'{u_rps:.0f}'} | {'' if c_rps is None else f'{c_rps:.0f}'} |"
        )


if __name__ == "__main__":
    main()
