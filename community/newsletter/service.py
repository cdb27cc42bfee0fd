"""Sign-up, confirmation and unsubscription: the rules of the double opt-in.

* A new address gets one confirmation mail. While its link is valid, signing up again sends
  nothing (no one can use the form to flood an address); once the link has expired, the
  unconfirmed sign-up is forgotten and a new one starts over.
* A confirmed address signing up again is left as it is, and nothing is sent.
* Whatever happened, the visitor sees the same answer: the form cannot tell who is subscribed.
"""

import datetime
import logging

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from community import ratelimit
from community.consent import NEWSLETTER
from community.forms import themes_for
from community.models import ConsentRecord, Subscriber

from . import links
from .mail import subscriber_message

logger = logging.getLogger(__name__)

# Confirmation mails per address: at most this many per day, whatever the state.
ADDRESS_LIMIT = (3, 24 * 3600)


def _expired(subscriber):
    age = timezone.now() - subscriber.requested_at
    return age > datetime.timedelta(seconds=links.confirm_max_age())


def _send(mail):
    """Send after the commit; a failing mail server loses no record (it is logged)."""
    try:
        mail.send()
    except OSError:
        logger.exception("Could not send the mail %r", mail.subject)


def sign_up(email, language, theme_slugs):
    """Record a sign-up; returns the subscriber a confirmation was sent to, else None."""
    subscriber, mail = _sign_up(email, language, theme_slugs)
    if mail is not None:
        _send(mail)
    return subscriber


@transaction.atomic
def _sign_up(email, language, theme_slugs):
    email = email.lower()
    subscriber = Subscriber.objects.select_for_update().filter(email=email).first()
    if subscriber is not None:
        if subscriber.status == Subscriber.Status.CONFIRMED:
            return None, None
        if subscriber.status == Subscriber.Status.PENDING and not _expired(subscriber):
            return None, None
        subscriber.delete()  # an expired request or an old unsubscription starts over
    if not ratelimit.hit("newsletter-address", email, *ADDRESS_LIMIT):
        return None, None
    subscriber = Subscriber.objects.create(email=email, language=language)
    subscriber.themes.set(themes_for(theme_slugs, language))
    ConsentRecord.record(email, NEWSLETTER, ConsentRecord.Action.GIVEN, language)
    mail = subscriber_message(
        subscriber,
        _("Please confirm your newsletter subscription"),
        "newsletter_confirm",
        {
            "confirm_url": links.confirmation_url(subscriber),
            "hours": links.confirm_max_age() // 3600,
        },
    )
    return subscriber, mail


def confirm(subscriber):
    """Confirm a pending subscriber (True), or leave any other one alone (False)."""
    mail = _confirm(subscriber)
    if mail is not None:
        _send(mail)
    return mail is not None


@transaction.atomic
def _confirm(subscriber):
    subscriber = Subscriber.objects.select_for_update().get(pk=subscriber.pk)
    if subscriber.status != Subscriber.Status.PENDING:
        return None
    subscriber.status = Subscriber.Status.CONFIRMED
    subscriber.confirmed_at = timezone.now()
    subscriber.save(update_fields=["status", "confirmed_at"])
    ConsentRecord.record(
        subscriber.email, NEWSLETTER, ConsentRecord.Action.CONFIRMED, subscriber.language
    )
    return subscriber_message(subscriber, _("Welcome to the newsletter"), "newsletter_welcome")


@transaction.atomic
def unsubscribe(subscriber):
    subscriber = Subscriber.objects.select_for_update().get(pk=subscriber.pk)
    if subscriber.status == Subscriber.Status.UNSUBSCRIBED:
        return False
    subscriber.status = Subscriber.Status.UNSUBSCRIBED
    subscriber.unsubscribed_at = timezone.now()
    subscriber.save(update_fields=["status", "unsubscribed_at"])
    subscriber.themes.clear()
    ConsentRecord.record(
        subscriber.email, NEWSLETTER, ConsentRecord.Action.WITHDRAWN, subscriber.language
    )
    return True
