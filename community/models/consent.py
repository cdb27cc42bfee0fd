"""Proof of consent: who agreed to what, when, in which language and with which text."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from community.consent import TEXTS


class ConsentRecord(models.Model):
    class Action(models.TextChoices):
        GIVEN = "given", _("given")
        CONFIRMED = "confirmed", _("confirmed")
        WITHDRAWN = "withdrawn", _("withdrawn")

    PURPOSES = [(purpose, purpose) for purpose in TEXTS]

    # The person's address (lower case): the key by which their data is exported or erased.
    email = models.EmailField(_("e-mail address"), db_index=True)
    purpose = models.CharField(_("purpose"), max_length=40, choices=PURPOSES)
    action = models.CharField(_("action"), max_length=20, choices=Action.choices)
    text = models.TextField(_("consent text"), help_text=_("The text as the person read it."))
    version = models.CharField(_("version"), max_length=40)
    language = models.CharField(_("language"), max_length=10)
    at = models.DateTimeField(_("when"), auto_now_add=True)

    class Meta:
        verbose_name = _("consent record")
        verbose_name_plural = _("consent records")
        ordering = ["at", "pk"]

    def __str__(self):
        return f"{self.email} {self.purpose} {self.action} {self.at:%Y-%m-%d %H:%M}"

    @classmethod
    def record(cls, email, consent, action, language):
        return cls.objects.create(
            email=email.lower(),
            purpose=consent.purpose,
            action=action,
            text=consent.in_language(language),
            version=consent.version,
            language=language,
        )
