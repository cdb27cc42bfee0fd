"""Report drift between the database and a search index: documents per language and type."""

from django.core.management.base import BaseCommand, CommandError

from search import indexing
from search.backends import get_backend, get_backends
from search.backends.base import SearchUnavailable
from search.models import PendingUpdate


class Command(BaseCommand):
    help = (
        "Compare live, public pages per language and type with each search index; "
        "exit status 1 when they differ."
    )

    def add_arguments(self, parser):
        parser.add_argument("--backend", help="Only this backend; default: every configured one.")

    def handle(self, *args, backend=None, **options):
        try:
            backends = [get_backend(backend)] if backend else get_backends()
        except LookupError as error:
            raise CommandError(str(error)) from error
        expected = indexing.expected_counts()
        drifted = False
        for target in backends:
            try:
                indexed = target.counts()
            except SearchUnavailable as error:
                raise CommandError(f"{target.name}: {error}") from error
            pending = PendingUpdate.objects.filter(
                backend=target.name, applied_at__isnull=True
            ).count()
            self.stdout.write(f"{target.name} ({pending} updates queued)")
            self.stdout.write(
                f"  {'language':<9}{'type':<13}{'database':>9}{'index':>9}{'drift':>8}"
            )
            for key in sorted(set(expected) | set(indexed)):
                want, have = expected.get(key, 0), indexed.get(key, 0)
                drifted |= want != have
                mark = f"{have - want:+d}" if want != have else "0"
                self.stdout.write(f"  {key[0]:<9}{key[1]:<13}{want:>9}{have:>9}{mark:>8}")
        if drifted:
            self.stdout.write(
                "Drift found: run `manage.py search_update`, or `search_rebuild` if it stays."
            )
            raise SystemExit(1)
        self.stdout.write("No drift.")
