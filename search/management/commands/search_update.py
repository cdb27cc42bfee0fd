"""Apply queued search index updates now (for cron, or after a search server came back)."""

from django.core.management.base import BaseCommand

from search import indexing
from search.models import PendingUpdate


class Command(BaseCommand):
    help = "Apply the queued search index updates, including those that failed before."

    def handle(self, *args, **options):
        result = indexing.process_pending(retry_now=True)
        left = PendingUpdate.objects.filter(applied_at__isnull=True).count()
        self.stdout.write(
            f"Applied {result['done']} updates, {result['failed']} failed; {left} still queued."
        )
        if result["failed"]:
            # A non-zero exit status lets cron and monitoring notice a backend that is down.
            raise SystemExit(1)
