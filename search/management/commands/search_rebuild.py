"""Rebuild the search index of one backend (or all) from the live, public pages."""

import sys
import time

from django.core.management.base import BaseCommand, CommandError

from search import indexing
from search.backends import get_backend, get_backends
from search.backends.base import SearchUnavailable


class Command(BaseCommand):
    help = "Rebuild the search index from the live, public pages, with a progress bar."

    def add_arguments(self, parser):
        parser.add_argument(
            "--backend",
            help="Only this backend ('database' or 'elasticsearch'); default: every configured one.",
        )

    def handle(self, *args, backend=None, **options):
        try:
            backends = [get_backend(backend)] if backend else get_backends()
        except LookupError as error:
            raise CommandError(str(error)) from error
        total = sum(indexing.expected_counts().values())
        for target in backends:
            started = time.monotonic()
            bar = ProgressBar(
                self.stderr, f"{target.name}", total, enabled=options["verbosity"] > 0
            )
            try:
                indexed = indexing.rebuild(target, progress=bar.update)
            except SearchUnavailable as error:
                raise CommandError(f"{target.name}: {error}") from error
            bar.finish()
            seconds = time.monotonic() - started
            rate = indexed / seconds if seconds else 0
            self.stdout.write(
                f"{target.name}: indexed {indexed} documents in {seconds:.1f} s ({rate:.0f}/s)."
            )


class ProgressBar:
    """A one-line progress bar on a terminal, a line per tenth when the output is a file."""

    width = 30

    def __init__(self, stream, label, total, enabled=True):
        self.stream, self.label, self.total, self.enabled = stream, label, max(total, 1), enabled
        self.tty = getattr(getattr(stream, "_out", stream), "isatty", lambda: False)()
        self.last_tenth = -1

    def update(self, done):
        if not self.enabled:
            return
        share = min(done / self.total, 1)
        if self.tty:
            filled = int(share * self.width)
            bar = "#" * filled + "-" * (self.width - filled)
            self.stream.write(f"\r{self.label} [{bar}] {done}/{self.total}", ending="")
            self.stream.flush()
        elif int(share * 10) > self.last_tenth:
            self.last_tenth = int(share * 10)
            self.stream.write(f"{self.label}: {done}/{self.total} ({share:.0%})")

    def finish(self):
        if self.enabled and self.tty:
            self.stream.write("", ending="\n")
            sys.stderr.flush()
