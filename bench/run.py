"""Benchmark of the public pages on a large synthetic site (see bench/README.md).

    .venv/bin/python bench/run.py                       # full size, SQLite under bench/results/
    .venv/bin/python bench/run.py --scale 0.04          # quick: 200 practices, 80 events ...
    .venv/bin/python bench/run.py --database-url postgres://postgres@127.0.0.1:5432/ccportal_bench

Builds the site in its own database (never the project's db.sqlite3), then requests every page
type through django.test.Client and the full middleware stack, and reports server time and SQL
queries per request. Results: bench/results/latest.json and latest.md.
"""

import argparse
import datetime
import json
import os
import platform
import re
import shutil
import sqlite3
import sys
from pathlib import Path
from time import perf_counter

BENCH_DIR = Path(__file__).resolve().parent
PROJECT_DIR = BENCH_DIR.parent
RESULTS_DIR = BENCH_DIR / "results"
DEFAULT_SQLITE = RESULTS_DIR / "bench.sqlite3"
MARKER_TABLE = "bench_meta"
DEFAULTS = {"practices": 5000, "events": 2000, "projects": 400, "news": 400, "publications": 400}


def parse_args(argv=None):
    parser = argparse.ArgumentParser(
        description=__doc__.splitlines()[0], formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--database-url",
        default=f"sqlite:///{DEFAULT_SQLITE}",
        help="database of the benchmark (default: %(default)s); a PostgreSQL database is "
        "created when missing. An existing one is rebuilt only if it is a bench database.",
    )
    parser.add_argument(
        "--scale", type=float, default=1.0, help="multiplies every default size (default 1)"
    )
    for name, size in DEFAULTS.items():
        parser.add_argument(
            f"--{name}", type=int, help=f"{name} per language (default {size} x scale)"
        )
    parser.add_argument("--requests", type=int, default=30, help="timed requests per page")
    parser.add_argument("--warmup", type=int, default=3, help="untimed requests first")
    parser.add_argument(
        "--reuse",
        action="store_true",
        help="measure an existing bench database of the same size instead of rebuilding it",
    )
    parser.add_argument(
        "--add-child",
        type=int,
        default=20,
        metavar="N",
        help="time N page pairs made with add_child/publish/copy_for_translation, rolled back "
        "(0: skip)",
    )
    parser.add_argument(
        "--page-cache",
        action="store_true",
        help="answer repeated requests from the page cache (pages.page_cache), as anonymous "
        "visitors are in production; without it every request renders the page",
    )
    parser.add_argument("--only", help="measure only pages whose label contains this text")
    parser.add_argument(
        "--compare", type=Path, help="an earlier results JSON to compare query counts with"
    )
    parser.add_argument("--seed", type=int, default=42, help="random seed of the content")
    parser.add_argument(
        "--treebeard-check",
        action="store_true",
        help="also check the page tree with treebeard's find_problems() (about a minute)",
    )
    args = parser.parse_args(argv)
    args.sizes = {
        name: getattr(args, name)
        if getattr(args, name) is not None
        else max(1, round(size * args.scale))
        for name, size in DEFAULTS.items()
    }
    if args.requests < 1:
        parser.error("--requests must be at least 1")
    return args


# ---------------------------------------------------------------------------------------------
# The bench database, prepared before Django starts


def prepare_database(url, reuse):
    """Makes sure the database exists and is empty (or kept, with --reuse). Returns a label."""
    import dj_database_url

    config = dj_database_url.parse(url)
    engine = config["ENGINE"]
    if engine.endswith("sqlite3"):
        path = Path(config["NAME"]).resolve()
        if path == (PROJECT_DIR / "db.sqlite3").resolve():
            sys.exit("error: refusing to use the project's development database db.sqlite3")
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.exists() and not reuse:
            if not (path.is_relative_to(RESULTS_DIR) or _sqlite_is_bench(path)):
                sys.exit(f"error: {path} exists and is not a bench database; choose another path")
            path.unlink()
        return f"sqlite-{path.stem}"
    if "postgresql" in engine:
        import psycopg

        name = config["NAME"]
        params = {
            "host": config.get("HOST") or None,
            "port": config.get("PORT") or None,
            "user": config.get("USER") or None,
            "password": config.get("PASSWORD") or None,
        }
        with psycopg.connect(dbname="postgres", autocommit=True, **params) as admin:
            exists = admin.execute(
                "SELECT 1 FROM pg_database WHERE datname = %s", [name]
            ).fetchone()
            if exists and not reuse:
                with psycopg.connect(dbname=name, **params) as existing:
                    tables = {
                        row[0]
                        for row in existing.execute(
                            "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
                        )
                    }
                if tables and MARKER_TABLE not in tables:
                    sys.exit(
                        f"error: database {name!r} has tables and is not a bench database; "
                        "choose another name"
                    )
                admin.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
                exists = False
            if not exists:
                admin.execute(f'CREATE DATABASE "{name}"')
                print(f">> Created PostgreSQL database {name!r}", flush=True)
        return f"postgresql-{name}"
    sys.exit(f"error: unsupported database {engine}")


def _sqlite_is_bench(path):
    with sqlite3.connect(path) as db:
        found = db.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", [MARKER_TABLE]
        ).fetchone()
    return bool(found)


def setup_django(args):
    tag = prepare_database(args.database_url, args.reuse)
    media = RESULTS_DIR / "media" / tag
    if not args.reuse and media.exists():
        shutil.rmtree(media)
    configure(args.database_url, media, page_cache=args.page_cache)


def configure(database_url, media, page_cache=False):
    """Starts Django with the bench settings on `database_url` (which must exist)."""
    os.environ["BENCH_PAGE_CACHE"] = "1" if page_cache else ""
    os.environ["DATABASE_URL"] = database_url
    os.environ["MEDIA_ROOT"] = str(media)
    os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"
    sys.path.insert(0, str(PROJECT_DIR))
    os.chdir(PROJECT_DIR)
    import django

    django.setup()


# ---------------------------------------------------------------------------------------------
# Metadata stored in the bench database


def read_meta():
    from django.db import connection

    if MARKER_TABLE not in connection.introspection.table_names():
        return None
    with connection.cursor() as cursor:
        cursor.execute("SELECT data FROM bench_meta WHERE id = 1")
        row = cursor.fetchone()
    return json.loads(row[0]) if row else None


def write_meta(meta):
    from django.db import connection

    with connection.cursor() as cursor:
        if MARKER_TABLE not in connection.introspection.table_names():
            cursor.execute("CREATE TABLE bench_meta (id integer PRIMARY KEY, data text NOT NULL)")
        cursor.execute("DELETE FROM bench_meta")
        cursor.execute(
            "INSERT INTO bench_meta (id, data) VALUES (1, %s)", [json.dumps(meta, default=str)]
        )


# ---------------------------------------------------------------------------------------------


def build(args):
    """Migrates and seeds the bench database; returns the metadata stored with it."""
    from django.core.management import call_command
    from django.db import connection

    from bench import seed

    if args.reuse:
        meta = read_meta()
        if meta and meta["sizes"] == args.sizes:
            print(">> Reusing the seeded bench database", flush=True)
            meta["reused"] = True
            return meta
        sys.exit("error: --reuse needs a bench database of the same size; run without --reuse")

    # A marker first, so that a half-built database is still recognised as a bench one.
    print(">> Migrating the bench database", flush=True)
    started = perf_counter()
    call_command("migrate", interactive=False, verbosity=0)
    migrate_s = perf_counter() - started
    write_meta({"sizes": None})
    print(f"   migrate: {migrate_s:.1f} s", flush=True)

    sizes = seed.Sizes(**args.sizes)
    print(f">> Seeding {sizes.as_dict()} per language", flush=True)
    report = seed.seed(sizes, random_seed=args.seed, treebeard_check=args.treebeard_check)
    ctx = report["context"]
    seed_s = report["timings"]["total_s"]
    print(f"   seed: {seed_s:.1f} s", flush=True)

    vacuum_s = 0.0
    if connection.vendor == "postgresql":
        started = perf_counter()
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
        vacuum_s = perf_counter() - started
        print(f"   VACUUM ANALYZE: {vacuum_s:.1f} s (what autovacuum does after a bulk load)")

    add_child_s = None
    if args.add_child:
        print(f">> Timing {args.add_child} page pairs made the usual way (rolled back)", flush=True)
        add_child_s = seed.time_add_child(ctx, args.add_child)
        total_pairs = sum(sizes.as_dict().values())
        print(
            f"   add_child + publish + copy_for_translation + publish: {add_child_s * 1000:.0f} ms"
            f" per pair, i.e. ~{add_child_s * total_pairs / 60:.0f} min for the"
            f" {total_pairs} pairs seeded in bulk",
            flush=True,
        )

    from pages.models import (
        EventPage,
        GoodPracticePage,
        NewsPage,
        PublicationPage,
        SupportedProjectPage,
    )

    featured = {}
    for key, model in (
        ("event", EventPage),
        ("practice", GoodPracticePage),
        ("project", SupportedProjectPage),
        ("news", NewsPage),
        ("publication", PublicationPage),
    ):
        page_id = ctx.ids[key][ctx.featured[key]]
        featured[key] = str(model.objects.get(pk=page_id).translation_key)
    for key in ("about", "partners"):
        featured[key] = str(ctx.standard[key].de.translation_key)
    meta = {
        "sizes": args.sizes,
        "random_seed": args.seed,
        "seeded_at": datetime.datetime.now().isoformat(timespec="seconds"),
        "featured": featured,
        "taxonomy": report["taxonomy"],
        "bulk_pages": report["bulk_pages"],
        "timings_s": {
            "migrate": round(migrate_s, 2),
            **{k.removesuffix("_s"): round(v, 2) for k, v in report["timings"].items()},
            "vacuum_analyze": round(vacuum_s, 2),
        },
        "add_child_pair_ms": round(add_child_s * 1000, 1) if add_child_s else None,
        "reused": False,
    }
    write_meta(meta)
    return meta


def targets(meta):
    """Every page to measure, in German and English."""
    from django.test import RequestFactory
    from wagtail.models import Page, Site

    from bench.measure import Target
    from pages.models import (
        EventIndexPage,
        GoodPracticeIndexPage,
        NewsIndexPage,
        PublicationIndexPage,
        SupportedProjectIndexPage,
    )

    factory = RequestFactory()
    home_de = Site.objects.get(is_default_site=True).root_page
    found = []
    for language in ("de", "en"):
        home = home_de.get_translation(home_de.locale.__class__.objects.get(language_code=language))
        found.append(Target("home", language, home.get_url()))
        found.append(_standard(meta, "about", language, "standard page (about us)"))
        found.append(_standard(meta, "partners", language, "standard page (partners, logos)"))
        for key, model, deep_param in (
            ("event", EventIndexPage, "past"),
            ("practice", GoodPracticeIndexPage, "page"),
            ("project", SupportedProjectIndexPage, "page"),
            ("news", NewsIndexPage, "page"),
            ("publication", PublicationIndexPage, "page"),
        ):
            index = model.objects.get(locale__language_code=language)
            url = index.get_url()
            found.append(Target(f"{key} index", language, url))
            context = index.listing_context(factory.get(url, {deep_param: 50}))
            listing = context["past" if deep_param == "past" else "items"]
            note = f"page {listing.number} of {listing.paginator.num_pages}"
            found.append(
                Target(f"{key} index ?{deep_param}=50", language, f"{url}?{deep_param}=50", note)
            )
        for key in ("event", "practice", "project", "news", "publication"):
            page = Page.objects.get(
                translation_key=meta["featured"][key], locale__language_code=language
            )
            found.append(Target(f"{key} detail", language, page.get_url()))
    order = {label: n for n, label in enumerate(dict.fromkeys(t.label for t in found))}
    return sorted(found, key=lambda t: (order[t.label], t.language))


def _standard(meta, key, language, label):
    from wagtail.models import Page

    from bench.measure import Target

    page = Page.objects.get(translation_key=meta["featured"][key], locale__language_code=language)
    return Target(label, language, page.get_url())


# ---------------------------------------------------------------------------------------------
# Reporting


def machine_info():
    import django
    import wagtail
    from django.db import connection

    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = ""
    try:
        kb = int(Path("/proc/meminfo").read_text().split("MemTotal:")[1].split()[0])
        memory = f"{kb / 1024 / 1024:.1f} GiB"
    except (OSError, IndexError, ValueError):
        pass
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            version = f"SQLite {sqlite3.sqlite_version}"
            size = Path(connection.settings_dict["NAME"]).stat().st_size
        else:
            cursor.execute("SHOW server_version")
            version = f"PostgreSQL {cursor.fetchone()[0]}"
            cursor.execute("SELECT pg_database_size(current_database())")
            size = cursor.fetchone()[0]
    return {
        "code": code_state(),
        "nproc": len(os.sched_getaffinity(0))
        if hasattr(os, "sched_getaffinity")
        else os.cpu_count(),
        "cpu": cpu,
        "memory": memory,
        "platform": platform.platform(),
        "python": platform.python_version(),
        "django": django.get_version(),
        "wagtail": wagtail.__version__,
        "db_vendor": connection.vendor,
        "db_version": version,
        "db_size_mb": round(size / 1024 / 1024, 1),
    }


def code_state():
    """The commit measured and the files changed since (outside bench/), as git reports them."""
    import subprocess

    executable = shutil.which("git")

    def git(*args):
        if executable is None:
            return ""
        try:
            # A fixed git command line, no outside input.
            return subprocess.run(  # noqa: S603
                [executable, *args], cwd=PROJECT_DIR, capture_output=True, text=True, check=True
            ).stdout
        except (OSError, subprocess.CalledProcessError):
            return ""

    changed = [
        line[3:]
        for line in git("status", "--porcelain").splitlines()
        if line[3:] and not line[3:].startswith("bench/")
    ]
    return {"commit": git("rev-parse", "--short", "HEAD").strip(), "changed": changed}


def dataset_info():
    from wagtail.models import Page

    from pages.models import (
        Country,
        EventPage,
        GoodPracticePage,
        NewsPage,
        PublicationPage,
        Region,
        SupportedProjectPage,
        Theme,
    )

    per_type = {}
    for model in (GoodPracticePage, EventPage, SupportedProjectPage, NewsPage, PublicationPage):
        per_type[model.__name__] = {
            language: model.objects.filter(locale__language_code=language).count()
            for language in ("de", "en")
        }
    return {
        "pages_total": Page.objects.count(),
        "per_type": per_type,
        "regions": Region.objects.filter(locale__language_code="de").count(),
        "countries": Country.objects.filter(locale__language_code="de").count(),
        "themes": Theme.objects.filter(locale__language_code="de").count(),
    }


def markdown(report):
    machine, meta, dataset = report["machine"], report["seed"], report["dataset"]
    sizes = meta["sizes"]
    timings = meta.get("timings_s", {})
    lines = [
        f"# Page benchmark, {machine['db_version']}",
        "",
        f"- Run: {report['generated_at']}, `{report['command']}`",
        f"- Code: commit {machine['code']['commit']}"
        + (
            f", with uncommitted changes to {', '.join(machine['code']['changed'])}"
            if machine["code"]["changed"]
            else ""
        ),
        f"- Machine: {machine['nproc']} CPU ({machine['cpu']}), {machine['memory']}, "
        f"Python {machine['python']}, Django {machine['django']}, Wagtail {machine['wagtail']}",
        f"- Database: {machine['db_vendor']} ({machine['db_version']}), {machine['db_size_mb']} MB",
        f"- Dataset per language: {sizes['practices']} practices, {sizes['events']} events, "
        f"{sizes['projects']} projects, {sizes['news']} news, {sizes['publications']} "
        f"publications; {dataset['pages_total']} pages in all; {dataset['regions']} regions, "
        f"{dataset['countries']} countries, {dataset['themes']} themes",
    ]
    if meta.get("reused"):
        lines.append(f"- Seed: reused the database seeded at {meta.get('seeded_at')}")
    if timings:
        lines.append(
            f"- Seed time: {timings.get('total', 0):.1f} s (+ migrate {timings.get('migrate', 0):.1f} s"
            + (
                f", VACUUM ANALYZE {timings['vacuum_analyze']:.1f} s"
                if timings.get("vacuum_analyze")
                else ""
            )
            + "); bulk pages: "
            + ", ".join(f"{k} {timings.get(k, 0):.1f} s" for k in meta.get("bulk_pages", {}))
        )
    if meta.get("add_child_pair_ms"):
        pairs = sum(sizes.values())
        lines.append(
            f"- The usual way (add_child + publish + copy_for_translation + publish): "
            f"{meta['add_child_pair_ms']:.0f} ms per page pair, ~"
            f"{meta['add_child_pair_ms'] * pairs / 60000:.0f} min for {pairs} pairs"
        )
    lines += [
        f"- {report['requests']} timed requests per page after {report['warmup']} warm-up "
        "requests; django.test.Client through the full middleware stack; anonymous visitor",
        f"- Load average (1/5/15 min) before measuring {report['load_average']['before']}, "
        f"after {report['load_average']['after']} ({report['machine']['nproc']} CPUs)",
        "- Median/p95 ms: wall time around client.get (time.perf_counter); CPU ms: this "
        "process's CPU time (time.process_time), less sensitive to other load but without the "
        "database server's own time on PostgreSQL; Queries: CaptureQueriesContext (a range when "
        "requests differ); DB ms: time in the database driver (median)",
        "",
        "| Page | Lang | Median ms | p95 ms | CPU ms | Queries | DB ms | KB | Notes |",
        "|---|---|--:|--:|--:|--:|--:|--:|---|",
    ]
    for row in report["results"]:
        queries = row["queries"]
        if queries is not None and row["queries_min"] != row["queries_max"]:
            queries = f"{queries} ({row['queries_min']}–{row['queries_max']})"
        notes = row["error"] or row["note"]
        lines.append(
            f"| {row['label']} | {row['language']} | {_fmt(row['median_ms'])} | "
            f"{_fmt(row['p95_ms'])} | {_fmt(row['cpu_median_ms'])} | {_fmt(queries)} | {_fmt(row['db_median_ms'])} | "
            f"{_fmt(row['size_kb'])} | {notes} |"
        )
    repeated = [
        row
        for row in report["results"]
        if any(item["count"] >= 3 for item in row["repeated_queries"])
    ]
    if repeated:
        lines += ["", "## Queries repeated 3 or more times in one request", ""]
        for row in repeated:
            lines.append(f"- {row['label']} ({row['language']}):")
            for item in row["repeated_queries"]:
                if item["count"] >= 3:
                    lines.append(f"  - {item['count']}× `{item['sql'][:220]}`")
    lines += ["", "## Slowest queries (one traced request each, over 5 ms)", ""]
    for row in report["results"]:
        slow = [item for item in row.get("slowest_queries", []) if item["ms"] >= 5]
        for item in slow:
            lines.append(
                f"- {row['label']} ({row['language']}): {item['ms']} ms, {item['template']} | "
                f"{item['python']}: `{_short_sql(item['sql'])[:300]}`"
            )
    lines += ["", "## Where the queries come from (one request each)", ""]
    for row in report["results"]:
        if not row["query_origins"]:
            continue
        lines.append(
            f"<details><summary>{row['label']} ({row['language']}): {row['queries']} queries"
            "</summary>\n"
        )
        lines.append("| Queries | Template (innermost first) | Project code |")
        lines.append("|--:|---|---|")
        for item in row["query_origins"]:
            lines.append(f"| {item['count']} | {item['template']} | {item['python']} |")
        lines.append("\n</details>\n")
    return "\n".join(lines) + "\n"


def _short_sql(sql):
    return re.sub(r"^SELECT .*? FROM ", "SELECT … FROM ", sql, count=1, flags=re.S)


def _fmt(value):
    return "–" if value is None else str(value)


def compare(report, path):
    earlier = json.loads(path.read_text())
    before = {(r["label"], r["language"]): r for r in earlier["results"]}
    print(f"\nQueries and median compared with {path} ({earlier['seed']['sizes']}):")
    print("| Page | Lang | Queries before | Queries now | Median before | Median now |")
    print("|---|---|--:|--:|--:|--:|")
    for row in report["results"]:
        old = before.get((row["label"], row["language"]))
        if old is None:
            continue
        flag = " ⚠" if old["queries"] != row["queries"] else ""
        print(
            f"| {row['label']} | {row['language']} | {old['queries']} | {row['queries']}{flag} | "
            f"{old['median_ms']} | {row['median_ms']} |"
        )


def main(argv=None):
    args = parse_args(argv)
    started = perf_counter()
    setup_django(args)

    from bench.measure import measure

    meta = build(args)
    from django.db import connection
    from django.test import Client

    found = targets(meta)
    if args.only:
        found = [t for t in found if args.only in t.label]
    print(
        f">> Measuring {len(found)} pages: {args.requests} requests each after {args.warmup}"
        " warm-up requests",
        flush=True,
    )
    client = Client()
    results = []
    load_before = os.getloadavg()
    for target in found:
        result = measure(target, args.requests, args.warmup, client)
        summary = result.summary()
        summary["sql"] = result.sql
        results.append(summary)
        status = summary["error"] or f"{summary['median_ms']} ms, {summary['queries']} queries"
        print(f"   {target.label} ({target.language}) {target.url}: {status}", flush=True)

    report = {
        "generated_at": datetime.datetime.now().isoformat(timespec="seconds"),
        "command": " ".join(["bench/run.py", *(argv if argv is not None else sys.argv[1:])]),
        "machine": machine_info(),
        "dataset": dataset_info(),
        "seed": meta,
        "requests": args.requests,
        "warmup": args.warmup,
        "wall_time_s": None,
        "load_average": {
            "before": [round(x, 2) for x in load_before],
            "after": [round(x, 2) for x in os.getloadavg()],
        },
        "results": results,
    }
    report["wall_time_s"] = round(perf_counter() - started, 1)
    sql = {f"{r['label']} ({r['language']})": r.pop("sql") for r in results}
    write_results(report, sql, connection.vendor)
    print()
    print(markdown(report).split("\n## ")[0])
    if args.compare:
        compare(report, args.compare)
    print(f"Total wall time: {report['wall_time_s']} s")
    return 0 if all(not r["error"] for r in results) else 1


def write_results(report, sql, vendor):
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
    text = json.dumps(report, indent=2, default=str)
    md = markdown(report)
    for name in ("latest", f"{vendor}-{stamp}"):
        (RESULTS_DIR / f"{name}.json").write_text(text)
        (RESULTS_DIR / f"{name}.md").write_text(md)
    (RESULTS_DIR / "latest-queries.json").write_text(json.dumps(sql, indent=2))
    print(f">> Wrote {RESULTS_DIR / 'latest.json'}, latest.md and {vendor}-{stamp}.json/.md")


if __name__ == "__main__":
    sys.exit(main())
