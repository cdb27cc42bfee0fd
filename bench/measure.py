"""Timed requests through the full middleware stack, SQL counts and where the SQL comes from."""

import math
import re
import statistics
import sys
import traceback
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from time import perf_counter, process_time

from django.conf import settings
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

PROJECT_DIR = Path(settings.BASE_DIR).resolve()


@dataclass
class Target:
    label: str  # e.g. "practice detail"
    language: str
    url: str
    note: str = ""


@dataclass
class Result:
    target: Target
    status: int | None = None
    error: str = ""
    times_ms: list = field(default_factory=list)
    cpu_ms: list = field(default_factory=list)
    queries: list = field(default_factory=list)
    db_ms: list = field(default_factory=list)
    size_kb: float = 0.0
    repeated: list = field(default_factory=list)  # [(count, normalised SQL)]
    origins: list = field(default_factory=list)  # [(count, template, python)]
    slowest: list = field(default_factory=list)  # [(ms, sql, template, python)]
    sql: list = field(default_factory=list)  # the SQL of one request

    def summary(self):
        times = sorted(self.times_ms)
        return {
            "label": self.target.label,
            "language": self.target.language,
            "url": self.target.url,
            "note": self.target.note,
            "status": self.status,
            "error": self.error,
            "requests": len(times),
            "median_ms": round(statistics.median(times), 2) if times else None,
            "p95_ms": round(percentile(times, 95), 2) if times else None,
            "min_ms": round(times[0], 2) if times else None,
            "max_ms": round(times[-1], 2) if times else None,
            "cpu_median_ms": round(statistics.median(self.cpu_ms), 2) if self.cpu_ms else None,
            "queries": int(statistics.median(self.queries)) if self.queries else None,
            "queries_min": min(self.queries) if self.queries else None,
            "queries_max": max(self.queries) if self.queries else None,
            "db_median_ms": round(statistics.median(self.db_ms), 2) if self.db_ms else None,
            "size_kb": round(self.size_kb, 1),
            "repeated_queries": [{"count": c, "sql": s} for c, s in self.repeated],
            "query_origins": [{"count": c, "template": t, "python": p} for c, t, p in self.origins],
            "slowest_queries": [
                {"ms": round(ms, 2), "sql": sql, "template": t, "python": p}
                for ms, sql, t, p in self.slowest
            ],
        }


def percentile(sorted_values, pct):
    """Nearest-rank percentile of an ascending list (p95 of 30 values is the 29th)."""
    rank = max(1, math.ceil(pct / 100 * len(sorted_values)))
    return sorted_values[rank - 1]


_LITERALS = [
    (re.compile(r"'(?:[^']|'')*'"), "?"),
    (re.compile(r"\b\d+(?:\.\d+)?\b"), "?"),
    (re.compile(r"\((?:\s*\?\s*,)+\s*\?\s*\)"), "(?, …)"),
    (re.compile(r"\s+"), " "),
]


def normalise(sql):
    for pattern, replacement in _LITERALS:
        sql = pattern.sub(replacement, sql)
    return sql.strip()


def repeated_queries(captured, threshold=2):
    counts = Counter(normalise(query["sql"]) for query in captured)
    return [(count, sql) for sql, count in counts.most_common() if count >= threshold]


class QueryTimer:
    """A database execute wrapper adding up the time spent in the database driver."""

    def __init__(self):
        self.seconds = 0.0

    def __call__(self, execute, sql, params, many, context):
        started = perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.seconds += perf_counter() - started


class OriginRecorder:
    """A database execute wrapper that notes which template line and which project code ran
    each query (template nodes carry their origin and line even without template debug)."""

    def __init__(self):
        self.origins = []
        self.timed = []  # (milliseconds, sql, origin)

    def __call__(self, execute, sql, params, many, context):
        origin = query_origin(sys._getframe(1))
        self.origins.append(origin)
        started = perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.timed.append(((perf_counter() - started) * 1000, sql, origin))


def query_origin(frame):
    """("template:line < including template:line", "project file:line (function)")."""
    templates, python, library = [], "", ""
    while frame is not None:
        code = frame.f_code
        if code.co_name == "render_annotated":
            node = frame.f_locals.get("self")
            origin = getattr(node, "origin", None)
            token = getattr(node, "token", None)
            if origin is not None and token is not None:
                name = origin.template_name or origin.name
                templates.append(f"{name}:{token.lineno}")
        elif not python:
            filename = Path(code.co_filename)
            if (
                filename.is_relative_to(PROJECT_DIR)
                and ".venv" not in filename.parts
                and "bench" not in filename.relative_to(PROJECT_DIR).parts[:1]
            ):
                python = f"{filename.relative_to(PROJECT_DIR)}:{frame.f_lineno} ({code.co_name})"
            elif not library and "site-packages" in filename.parts:
                # The innermost library frame outside the ORM, for queries made by Wagtail.
                inside = filename.parts[filename.parts.index("site-packages") + 1 :]
                if inside[:2] not in (("django", "db"), ("django", "test")) and inside[:1] != (
                    "bench",
                ):
                    library = f"{'/'.join(inside)}:{frame.f_lineno} ({code.co_name})"
        frame = frame.f_back
    # Innermost template first, then the two that include it.
    template = " < ".join(dict.fromkeys(templates[:3]))
    return template or "(no template)", python or library or "(unknown)"


def diagnose_error(client, url):
    """Re-run a failing request with template debug on, to name the template and line."""
    from django.template import engines

    engine = engines["django"].engine
    saved = engine.debug
    engine.debug = True
    for loader in engine.template_loaders:
        if hasattr(loader, "reset"):
            loader.reset()
    try:
        client.get(url)
    except Exception as error:
        info = getattr(error, "template_debug", None)
        where = ""
        if info:
            where = f" in {info['name']} line {info['line']}: {info['during'].strip()[:160]}"
        frames = traceback.extract_tb(error.__traceback__)
        own = [
            f"{Path(f.filename).resolve().relative_to(PROJECT_DIR)}:{f.lineno}"
            for f in frames
            if Path(f.filename).resolve().is_relative_to(PROJECT_DIR)
            and ".venv" not in Path(f.filename).parts
        ]
        last = f" [{own[-1]}]" if own else ""
        return f"{type(error).__name__}: {str(error)[:300]}{where}{last}"
    finally:
        engine.debug = saved
        for loader in engine.template_loaders:
            if hasattr(loader, "reset"):
                loader.reset()
    return ""


def measure(target, requests=30, warmup=3, client=None):
    client = client or Client()
    result = Result(target)
    for i in range(warmup + requests):
        timer = QueryTimer()
        with CaptureQueriesContext(connection) as captured, connection.execute_wrapper(timer):
            started, cpu_started = perf_counter(), process_time()
            try:
                response = client.get(target.url)
            except Exception as error:
                result.status = 500
                result.error = (
                    diagnose_error(client, target.url) or f"{type(error).__name__}: {error}"
                )
                return result
            elapsed = (perf_counter() - started) * 1000
            cpu = (process_time() - cpu_started) * 1000
        result.status = response.status_code
        if response.status_code != 200:
            result.error = f"HTTP {response.status_code}"
            if response.status_code >= 300 and response.status_code < 400:
                result.error += f" to {response.get('Location')}"
            return result
        if i < warmup:
            continue
        result.times_ms.append(elapsed)
        result.cpu_ms.append(cpu)
        result.queries.append(len(captured.captured_queries))
        result.db_ms.append(timer.seconds * 1000)
        result.size_kb = len(response.content) / 1024
        last = captured.captured_queries
    result.repeated = repeated_queries(last)
    result.sql = [query["sql"] for query in last]
    # Three more requests, untimed, to see where each query comes from and which are slow
    # (the fastest of the three times of each query, to discount other load on the machine).
    recorders = []
    for _ in range(3):
        recorder = OriginRecorder()
        with connection.execute_wrapper(recorder):
            client.get(target.url)
        recorders.append(recorder)
    counts = Counter(recorders[-1].origins)
    result.origins = [(count, t, p) for (t, p), count in counts.most_common()]
    timed = recorders[-1].timed
    if len({len(r.timed) for r in recorders}) == 1:
        timed = [
            (min(r.timed[i][0] for r in recorders), sql, origin)
            for i, (_ms, sql, origin) in enumerate(timed)
        ]
    slowest = sorted(timed, key=lambda item: item[0], reverse=True)[:5]
    result.slowest = [(ms, sql, t, p) for ms, sql, (t, p) in slowest]
    return result
