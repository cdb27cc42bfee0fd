"""Signed links: confirmation (expires) and unsubscription (does not)."""

import uuid

from django.conf import settings
from django.core import signing

from community.links import absolute_reverse

CONFIRM_SALT = "community.newsletter.confirm"
UNSUBSCRIBE_SALT = "community.newsletter.unsubscribe"


def confirm_max_age():
    return getattr(settings, "NEWSLETTER_CONFIRM_MAX_AGE", 3 * 24 * 3600)


def confirmation_token(subscriber):
    return signing.TimestampSigner(salt=CONFIRM_SALT).sign(subscriber.key.hex)


def unsubscribe_token(subscriber):
    return signing.Signer(salt=UNSUBSCRIBE_SALT).sign(subscriber.key.hex)


def _key(value):
    try:
        return uuid.UUID(hex=value)
    except ValueError as error:
        raise signing.BadSignature("Not a subscriber key") from error


def key_from_confirmation(token):
    """The subscriber key in a confirmation token; raises SignatureExpired or BadSignature."""
    return _key(signing.TimestampSigner(salt=CONFIRM_SALT).unsign(token, max_age=confirm_max_age()))


def key_from_unsubscribe(token):
    return _key(signing.Signer(salt=UNSUBSCRIBE_SALT).unsign(token))


def confirmation_url(subscriber):
    return absolute_reverse(
        "newsletter_confirm", subscriber.language, args=[confirmation_token(subscriber)]
    )


def unsubscribe_url(subscriber):
    return absolute_reverse(
        "newsletter_unsubscribe", subscriber.language, args=[unsubscribe_token(subscriber)]
    )
