"""Good practices proposed by visitors: stored as sent, then turned into a draft page."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class PracticeProposal(models.Model):
    """What a visitor sent, kept as sent (the draft page is the moderators' working copy)."""

    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    submitted_at = models.DateTimeField(_("submitted"), auto_now_add=True)
    # Who proposes it: never published (consent to be contacted, see ConsentRecord).
    name = models.CharField(_("your name"), max_length=200)
    email = models.EmailField(_("your e-mail address"))
    organisation = models.CharField(_("your organisation"), max_length=200, blank=True)
    # The practice.
    title = models.CharField(_("title of the practice"), max_length=200)
    city = models.CharField(_("city"), max_length=120)
    country = models.ForeignKey(
        "pages.Country", verbose_name=_("country"), on_delete=models.PROTECT, related_name="+"
    )
    themes = models.ManyToManyField(
        "pages.Theme", verbose_name=_("themes"), blank=True, related_name="+"
    )
    summary = models.TextField(_("summary"), max_length=500)
    challenge = models.TextField(_("challenge"), max_length=5000)
    approach = models.TextField(_("approach"), max_length=5000)
    results = models.TextField(_("results"), max_length=5000, blank=True)
    lessons = models.TextField(_("lessons learned"), max_length=5000, blank=True)
    transferability = models.TextField(_("transferability"), max_length=5000, blank=True)
    contact_person = models.CharField(_("contact person"), max_length=200, blank=True)
    contact_institution = models.CharField(_("institution"), max_length=200, blank=True)
    images = models.ManyToManyField(
        "pages.PortalImage", verbose_name=_("images"), blank=True, related_name="+"
    )
    # (mypy cannot resolve the swappable document model from its label)
    documents = models.ManyToManyField(  # type: ignore[var-annotated]
        "wagtaildocs.Document", verbose_name=_("documents"), blank=True, related_name="+"
    )
    # What became of it.
    page = models.ForeignKey(
        "pages.GoodPracticePage",
        verbose_name=_("draft page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    draft_error = models.TextField(
        _("why no draft was made"),
        blank=True,
        help_text=_("Set when the draft page could not be created; the proposal is kept."),
    )
    published_notice_sent_at = models.DateTimeField(
        _("publication notice sent"), null=True, blank=True
    )

    class Meta:
        verbose_name = _("proposed practice")
        verbose_name_plural = _("proposed practices")
        ordering = ["-submitted_at", "-pk"]

    def __str__(self):
        return self.title
