"""One side of the concurrent-editors test (tests/cms/test_sqlite_concurrency.py), run as a
process of its own: `python -m tests.cms.editors publisher SECONDS PAGE_ID...` or `... reader SECONDS PATH...`.

It sets Django up on the database of DATABASE_URL, prints "ready", waits for a line on stdin
(so that every process starts at once), works for SECONDS and prints one line of JSON:
{"done": operations, "errors": ["ExceptionName: message", ...]}.

- publisher: publishes a new revision of each page through Wagtail's publish action, then
  unpublishes it (UnpublishPageAction), over and over;
- reader: eight threads requesting the pages through the whole middleware stack; an answer
  of 500 or more (or an exception) is an error, 404 (a page unpublished just then) is not.
"""

import json
import os
import sys
import threading
import time

READERS = 8


def publisher(page_ids, seconds):
    from wagtail.models import Page

    done, errors = 0, []
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        for page_id in page_ids:
            try:
                page = Page.objects.get(pk=page_id).specific
                page.title = f"{page.title.split(' #')[0]} #{done}"
                page.save_revision().publish()
                Page.objects.get(pk=page_id).specific.unpublish()
                done += 2
            except Exception as error:  # every failure is what the test counts
                errors.append(f"{type(error).__name__}: {error}")
    return done, errors


def reader(paths, seconds):
    from django.db import connections
    from django.test import Client

    results = []

    def read():
        client = Client(raise_request_exception=False)
        done, errors = 0, []
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            for path in paths:
                try:
                    response = client.get(path)
                    if response.status_code >= 500:
                        errors.append(f"HTTP {response.status_code}: {path}")
                    done += 1
                except Exception as error:
                    errors.append(f"{type(error).__name__}: {error}")
        connections.close_all()
        results.append((done, errors))

    threads = [threading.Thread(target=read) for _ in range(READERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sum(d for d, _ in results), [e for _, errs in results for e in errs]


def main():
    role, seconds, *items = sys.argv[1:]
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.test")
    import django

    django.setup()
    # The test client needs "testserver" among the hosts, as pytest-django allows it.
    from django.conf import settings

    settings.ALLOWED_HOSTS = ["*"]
    print("ready", flush=True)
    sys.stdin.readline()
    if role == "publisher":
        done, errors = publisher([int(i) for i in items], float(seconds))
    else:
        done, errors = reader(items, float(seconds))
    print(json.dumps({"done": done, "errors": errors}), flush=True)


if __name__ == "__main__":
    main()
