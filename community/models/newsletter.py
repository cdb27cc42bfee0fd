"""Newsletter subscribers, confirmed by double opt-in."""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class SubscriberQuerySet(models.QuerySet):
    def confirmed(self):
        return self.filter(status=Subscriber.Status.CONFIRMED)


class Subscriber(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("waiting for confirmation")
        CONFIRMED = "confirmed", _("confirmed")
        UNSUBSCRIBED = "unsubscribed", _("unsubscribed")

    email = models.EmailField(_("e-mail address"), unique=True)  # stored in lower case
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    themes = models.ManyToManyField(
        "pages.Theme", verbose_name=_("themes of interest"), blank=True, related_name="+"
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PENDING
    )
    # What the confirmation and unsubscribe links sign: never shown, never derived from the address.
    key = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    requested_at = models.DateTimeField(_("requested"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    unsubscribed_at = models.DateTimeField(_("unsubscribed"), null=True, blank=True)

    objects = SubscriberQuerySet.as_manager()

    class Meta:
        verbose_name = _("newsletter subscriber")
        verbose_name_plural = _("newsletter subscribers")
        ordering = ["-confirmed_at", "email"]

    def __str__(self):
        return self.email

    def theme_slugs(self):
        return " ".join(sorted({theme.slug for theme in self.themes.all()}))

    def unsubscribe_url(self):
        from community.newsletter.links import unsubscribe_url

        return unsubscribe_url(self)
