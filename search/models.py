"""The database backend's index, and the queue of index updates still to be made."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class IndexEntry(models.Model):
    """One page in one language, as the database backend searches it.

    The stems of its text are kept by weight; SQLite indexes them with FTS5 and PostgreSQL
    with a generated tsvector column (both made by migration 0002, not declared here).
    Facet values and languages are counted from bitmaps held in memory (search.bitmaps).
    """

    page = models.OneToOneField("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    translation_key = models.UUIDField(db_index=True)
    language = models.CharField(max_length=8)
    type = models.CharField(max_length=40)
    title = models.CharField(max_length=255)
    url = models.TextField()
    date = models.DateField(null=True)
    summary = models.TextField(blank=True)
    body = models.TextField(blank=True)
    facets = models.JSONField(default=dict)
    # Languages in whose searches this entry stands for its item (see SearchDocument).
    shown_in = models.JSONField(default=list)
    terms_title = models.TextField(blank=True)
    terms_summary = models.TextField(blank=True)
    terms_body = models.TextField(blank=True)

    class Meta:
        verbose_name = _("search index entry")
        verbose_name_plural = _("search index entries")
        indexes = [models.Index(fields=["date", "id"], name="search_entry_date")]

    def __str__(self):
        return f"{self.title} ({self.language})"


class IndexVersion(models.Model):
    """A token that changes with every write to the index, in the writing transaction:
    processes compare it to know when their in-memory facet bitmaps are out of date."""

    token = models.UUIDField()

    def __str__(self):
        return str(self.token)


class PendingUpdate(models.Model):
    """An item whose index entries a backend still has to update.

    Written in the same transaction as the change that needs it, so a crash or an unreachable
    search server loses nothing: the task marks the row applied once the backend has the
    update, and a failed attempt leaves it (with the error) for the next run. Applied rows are
    kept for a day: a rebuild re-applies those applied while it ran (they reached the old index).
    """

    backend = models.CharField(max_length=40)
    translation_key = models.UUIDField()
    requested_at = models.DateTimeField()
    applied_at = models.DateTimeField(null=True, blank=True, db_index=True)
    attempts = models.PositiveIntegerField(default=0)
    failed_at = models.DateTimeField(null=True, blank=True)
    last_error = models.TextField(blank=True)

    class Meta:
        verbose_name = _("pending search index update")
        verbose_name_plural = _("pending search index updates")
        constraints = [
            models.UniqueConstraint(
                fields=["backend", "translation_key"], name="search_pending_unique"
            )
        ]

    def __str__(self):
        return f"{self.backend}: {self.translation_key}"
