"""What the translation memory (localization.memory) records next to wagtail-localize's rows."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail_localize.models import String, StringTranslation


class MemoryNote(models.Model):
    """Where a translation that nobody typed for this segment came from.

    `source_changed`: the segment's source text changed; the translation is the translator's text
    for `previous_source`, pre-filled and flagged (has_error) until the translator saves it.
    `reused`: the identical source text was translated elsewhere (`copied_from`).
    """

    SOURCE_CHANGED = "source_changed"
    REUSED = "reused"
    KIND_CHOICES = [(SOURCE_CHANGED, _("Source changed")), (REUSED, _("Reused"))]

    translation = models.OneToOneField(
        StringTranslation, on_delete=models.CASCADE, related_name="memory_note"
    )
    kind = models.CharField(max_length=20, choices=KIND_CHOICES)
    previous_source = models.ForeignKey(
        String, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    copied_from = models.ForeignKey(
        StringTranslation, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("translation memory note")
        verbose_name_plural = _("translation memory notes")

    def __str__(self):
        return f"{self.kind}: {self.translation_id}"
