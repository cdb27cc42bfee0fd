"""Concurrent editors on SQLite: two publishers and eight readers at once, zero errors.

SQLite takes one writer at a time. With WAL, immediate transactions and a busy timeout
(`cms.settings.env.SQLITE_OPTIONS`) a writer waits its turn and readers never wait; without
them about half the publishes failed with "database is locked". The site is built in the test
database, copied into a file (SQLite's backup API) and worked on by real processes.
"""

import json
import sqlite3
import subprocess
import sys

import pytest
from django.db import connection

from cms.settings.env import BASE_DIR
from pages import factories

SECONDS = 5

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.undated,
]


def start(role, items, database_url):
    import os

    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "DJANGO_SETTINGS_MODULE": "cms.settings.test",
    }
    process = subprocess.Popen(  # noqa: S603
        [sys.executable, "-m", "tests.cms.editors", role, str(SECONDS), *map(str, items)],
        cwd=BASE_DIR,
        env=env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stdout.readline().strip() == "ready", process.stderr.read()
    return process


@pytest.mark.skipif(connection.vendor != "sqlite", reason="about SQLite's locking")
def test_two_publishers_and_eight_readers_on_a_file_database_get_no_errors(
    tmp_path, sections, taxonomy
):
    practices = [
        factories.GoodPracticePageFactory(
            parent=sections["practices"], country=taxonomy["country"], title=f"Praxis {i}"
        )
        for i in range(4)
    ]
    paths = [page.url for page in practices] + ["/de/", sections["practices"].url]
    path = tmp_path / "portal.sqlite3"
    connection.ensure_connection()
    target = sqlite3.connect(path)
    connection.connection.backup(target)
    target.close()

    url = f"sqlite:///{path}"
    processes = [
        start("publisher", [p.pk for p in practices[:2]], url),
        start("publisher", [p.pk for p in practices[2:]], url),
        start("reader", paths, url),
    ]
    for process in processes:
        process.stdin.write("go\n")
        process.stdin.flush()
    results = []
    for process in processes:
        out, err = process.communicate(timeout=SECONDS + 120)
        assert process.returncode == 0, err
        results.append(json.loads(out.strip().splitlines()[-1]))

    errors = [error for result in results for error in result["errors"]]
    assert errors == []
    publishes = [result["done"] for result in results[:2]]
    assert all(done >= 4 for done in publishes), publishes
    assert results[2]["done"] >= 40
    # The copy ran in write-ahead-log mode (a setting of the database file itself).
    with sqlite3.connect(path) as check:
        assert check.execute("PRAGMA journal_mode").fetchone() == ("wal",)
